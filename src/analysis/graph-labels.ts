/**
 * Readable text for the states and transitions of an exploration (shared by the Mermaid and DOT
 * writers and the CLI's human output).
 *
 * @module
 */
import { formatGoDuration } from "../values/go-parse.js";
import type { DelayRange, Exploration, ExploredEdge, ExploredState } from "./explore.js";
import { canonicalJson } from "./explore-projection.js";

type Json = Record<string, unknown>;

const KNOWN = new Set(["phase", "conditions", "containers", "initContainers", "deleting", "taints", "unschedulable"]);

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((v): v is Json => typeof v === "object" && v !== null) : [];
}

function containerText(prefix: string, value: unknown): string[] {
  return records(value).map((c) => `${prefix}${String(c["name"])}: ${String(c["state"])}${c["reason"] === undefined ? "" : ` (${String(c["reason"])})`}`);
}

/** Lines for a projection of the default shape (Pods, Nodes). */
function knownLines(p: Json): string[] {
  const head = [
    ...(typeof p["phase"] === "string" ? [p["phase"]] : "conditions" in p && "containers" in p ? ["(no phase)"] : []),
    ...(p["deleting"] === true ? ["deleting"] : []),
    ...(p["unschedulable"] === true ? ["unschedulable"] : []),
  ];
  const conditions = records(p["conditions"]).map((c) => `${String(c["type"])}=${String(c["status"])}`);
  const taints = records(p["taints"]).map((t) => `taint ${String(t["key"])}:${String(t["effect"])}`);
  const containers = [...containerText("init ", p["initContainers"]), ...containerText("", p["containers"])];
  const lines = [head.join(" · "), conditions.join(" · "), taints.join(" · "), containers.join(" · ")].filter((l) => l !== "");
  return lines.length === 0 && "conditions" in p ? ["(no conditions)"] : lines;
}

/**
 * The lines describing a state: `deleted` and `error` for the pseudo-states; for the default
 * projections the phase (and `deleting`), the conditions as `Type=Status`, taints and container
 * states; otherwise the projection as compact JSON (shortened).
 *
 * @param state - a state of an exploration
 * @returns one or more lines
 * @example
 * ```ts
 * stateLines(exploration.states[2]); // ["Running", "ContainersReady=True · Ready=True", "container: running"]
 * ```
 * @category Analysis
 */
export function stateLines(state: ExploredState): string[] {
  if (state.deleted) return ["deleted"];
  if (state.error) return ["error"];
  const p = state.projection;
  if (typeof p === "string") return [shorten(p)];
  if (typeof p === "object" && p !== null && !Array.isArray(p) && Object.keys(p).every((k) => KNOWN.has(k))) {
    const lines = knownLines(p as Json);
    if (lines.length > 0) return lines;
  }
  return [shorten(canonicalJson(p))];
}

/**
 * A delay range as text: `1s…5s`, `1s` for a fixed delay, `0s` for none.
 *
 * @param delay - the range in nanoseconds
 * @returns the text
 * @example
 * ```ts
 * delayText({ min: 1e9, max: 5e9 }); // "1s…5s"
 * ```
 * @category Analysis
 */
export function delayText(delay: DelayRange): string {
  return delay.min === delay.max ? formatGoDuration(delay.min) : `${formatGoDuration(delay.min)}…${formatGoDuration(delay.max)}`;
}

/**
 * The lines describing a transition: the stage name, then its delay (or the delay error), then
 * for edges to `error` the message (shortened).
 *
 * @param edge - a transition of an exploration
 * @returns one or more lines
 * @example
 * ```ts
 * edgeLines(exploration.edges[0]); // ["pod-ready", "1s…5s"]
 * ```
 * @category Analysis
 */
export function edgeLines(edge: ExploredEdge): string[] {
  const delay = edge.delayError === undefined ? delayText(edge.delay) : "delay error";
  return [edge.stage, delay, ...(edge.error === undefined ? [] : [shorten(edge.error)])];
}

function order(id: string): number {
  const m = /^s(\d+)$/.exec(id);
  return m ? Number(m[1]) : id === "deleted" ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER;
}

function compare(a: string, b: string): number {
  return order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The states and edges in a stable order: real states by number, then `deleted`, then `error`;
 * edges by source, target, then stage name.
 *
 * @param exploration - an exploration
 * @returns sorted copies
 * @internal
 */
export function sorted(exploration: Exploration): { states: ExploredState[]; edges: ExploredEdge[] } {
  return {
    states: [...exploration.states].sort((a, b) => compare(a.id, b.id)),
    edges: [...exploration.edges].sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0)),
  };
}

/** The style class of a state: `error`, `deleted`, `terminal`, `unexplored`, `seed` or none. */
export function stateClass(state: ExploredState): "error" | "deleted" | "terminal" | "unexplored" | "seed" | undefined {
  if (state.error) return "error";
  if (state.deleted) return "deleted";
  if (state.terminal) return "terminal";
  if (state.unexplored) return "unexplored";
  return state.depth === 0 ? "seed" : undefined;
}
