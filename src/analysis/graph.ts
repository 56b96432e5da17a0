/**
 * `toMermaid` and `toDot`: an exploration as a diagram (Mermaid flowchart, Graphviz DOT).
 *
 * @module
 */
import type { Exploration, ExploredEdge, ExploredState } from "./explore.js";
import { edgeLines, sorted, stateClass, stateLines } from "./graph-labels.js";

/**
 * Options of {@link toMermaid} and {@link toDot}.
 *
 * @category Analysis
 * @example
 * ```ts
 * toDot(exploration, { direction: "LR", stateLabel: (s) => [s.id] });
 * ```
 */
export interface GraphOptions {
  /** Layout direction: top to bottom (default) or left to right. */
  readonly direction?: "TB" | "LR";
  /** The lines of a state's label. Default: the phase, conditions and container states (see `stateLines`). */
  readonly stateLabel?: (state: ExploredState) => readonly string[];
  /** The lines of an edge's label. Default: the stage name and its delay range (see `edgeLines`). */
  readonly edgeLabel?: (edge: ExploredEdge) => readonly string[];
}

const MERMAID_ENTITIES: Record<string, string> = { "#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;" };

function mermaidText(lines: readonly string[]): string {
  return lines.map((l) => l.replace(/[#"<>&`]/g, (c) => MERMAID_ENTITIES[c] as string)).join("<br/>");
}

const MERMAID_STYLES = {
  seed: "stroke-width:3px",
  terminal: "fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px",
  unexplored: "stroke-dasharray:4 3",
  deleted: "fill:#eeeeee,stroke:#616161,stroke-dasharray:4 3",
  error: "fill:#ffebee,stroke:#c62828,color:#c62828",
} as const;

/**
 * Writes an exploration as a Mermaid flowchart: one node per state (labelled with its phase,
 * conditions and container states), one arrow per transition (labelled with the stage and its
 * delay range); the seed, terminal, unexplored, `deleted` and `error` states get their own
 * styles. Quotes and markup characters in labels are escaped as Mermaid entities. The output is
 * sorted, so the same exploration always gives the same text.
 *
 * @param exploration - what {@link explore} returned
 * @param options - direction and label functions
 * @returns the Mermaid source, ending with a newline
 * @example
 * ```ts
 * const md = "```mermaid\n" + toMermaid(explore(pod, lifecycle)) + "```\n";
 * ```
 * @category Analysis
 */
export function toMermaid(exploration: Exploration, options: GraphOptions = {}): string {
  const { states, edges } = sorted(exploration);
  const stateLabel = options.stateLabel ?? stateLines;
  const edgeLabel = options.edgeLabel ?? edgeLines;
  const out = [`flowchart ${options.direction ?? "TB"}`];
  for (const s of states) {
    const text = `"${mermaidText(stateLabel(s))}"`;
    out.push(s.deleted || s.error ? `  ${s.id}([${text}])` : `  ${s.id}[${text}]`);
  }
  for (const e of edges) out.push(`  ${e.from} -->|"${mermaidText(edgeLabel(e))}"| ${e.to}`);
  const classes = new Map<string, string[]>();
  for (const s of states) {
    const c = stateClass(s);
    if (c !== undefined) classes.set(c, [...(classes.get(c) ?? []), s.id]);
  }
  for (const name of Object.keys(MERMAID_STYLES) as (keyof typeof MERMAID_STYLES)[]) {
    const ids = classes.get(name);
    if (ids !== undefined) out.push(`  classDef ${name} ${MERMAID_STYLES[name]}`, `  class ${ids.join(",")} ${name}`);
  }
  return `${out.join("\n")}\n`;
}

function dotString(lines: readonly string[]): string {
  return `"${lines.map((l) => l.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")).join("\\n")}"`;
}

const DOT_STYLES = {
  seed: "penwidth=2",
  terminal: 'peripheries=2, color="#2e7d32"',
  unexplored: 'style="rounded,dashed"',
  deleted: 'shape=oval, style=dashed, color="#616161", fontcolor="#616161"',
  error: 'shape=octagon, color="#c62828", fontcolor="#c62828"',
} as const;

/**
 * Writes an exploration as a Graphviz DOT digraph, with the same labels and styles as
 * {@link toMermaid} (rounded boxes; double border for terminal states; dashed ovals for
 * `deleted`, red octagons for `error`). Backslashes, quotes and newlines in labels are escaped.
 * The output is sorted and deterministic; render it with `dot -Tsvg` or `toSvg` from
 * `stagecraft/node`.
 *
 * @param exploration - what {@link explore} returned
 * @param options - direction and label functions
 * @returns the DOT source, ending with a newline
 * @example
 * ```ts
 * writeFileSync("pod.dot", toDot(explore(pod, lifecycle), { direction: "LR" }));
 * ```
 * @category Analysis
 */
export function toDot(exploration: Exploration, options: GraphOptions = {}): string {
  const { states, edges } = sorted(exploration);
  const stateLabel = options.stateLabel ?? stateLines;
  const edgeLabel = options.edgeLabel ?? edgeLines;
  const out = [
    "digraph stagecraft {",
    `  rankdir=${options.direction ?? "TB"};`,
    '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const s of states) {
    const c = stateClass(s);
    out.push(`  ${dotString([s.id])} [label=${dotString(stateLabel(s))}${c === undefined ? "" : `, ${DOT_STYLES[c]}`}];`);
  }
  for (const e of edges) out.push(`  ${dotString([e.from])} -> ${dotString([e.to])} [label=${dotString(edgeLabel(e))}];`);
  out.push("}");
  return `${out.join("\n")}\n`;
}
