/**
 * The parse tree of a Go template, mirroring `text/template/parse/node.go`. Positions are
 * UTF-16 offsets into the parsed text; `line` fields start at 1.
 *
 * @module
 */
import type { ArgumentNode, CommandNode, PipeNode } from "./ast-operands.js";

/**
 * A sequence of nodes: the body of a template, of a branch or of a `range`.
 *
 * @example
 * ```ts
 * const { root } = parseTemplate("a{{.b}}");
 * root.nodes.map((n) => n.kind); // ["text", "action"]
 * ```
 * @category Template
 */
export interface ListNode {
  /** Node kind. */
  readonly kind: "list";
  /** Offset of the first item. */
  readonly pos: number;
  /** The items, in order. */
  readonly nodes: readonly ItemNode[];
}

/**
 * Literal text outside actions (after trim markers have been applied).
 *
 * @example
 * ```ts
 * parseTemplate("a {{- 1}}").root.nodes[0]; // { kind: "text", pos: 0, text: "a" }
 * ```
 * @category Template
 */
export interface TextNode {
  /** Node kind. */
  readonly kind: "text";
  /** Offset of the text. */
  readonly pos: number;
  /** The text. */
  readonly text: string;
}

/**
 * An action that prints (or, with declarations only, just evaluates) a pipeline: `{{.a | Quote}}`.
 *
 * @example
 * ```ts
 * parseTemplate("{{ $x := 1 }}").root.nodes[0]?.kind; // "action"
 * ```
 * @category Template
 */
export interface ActionNode {
  /** Node kind. */
  readonly kind: "action";
  /** Offset of the pipeline. */
  readonly pos: number;
  /** Line of the action. */
  readonly line: number;
  /** The pipeline. */
  readonly pipe: PipeNode;
}

/**
 * `{{if}}`, `{{range}}` or `{{with}}`. `{{else if …}}` and `{{else with …}}` appear as an
 * `elseList` holding one nested node of the same kind.
 *
 * @example
 * ```ts
 * const node = parseTemplate("{{if .a}}x{{else}}y{{end}}").root.nodes[0];
 * node?.kind === "if" && node.elseList?.nodes.length; // 1
 * ```
 * @category Template
 */
export interface BranchNode {
  /** Node kind. */
  readonly kind: "if" | "range" | "with";
  /** Offset of the pipeline. */
  readonly pos: number;
  /** Line of the pipeline. */
  readonly line: number;
  /** The condition (or the collection of a `range`), with its declarations. */
  readonly pipe: PipeNode;
  /** What runs when the condition holds (for each element of a `range`). */
  readonly list: ListNode;
  /** What runs otherwise, or `null` without `{{else}}`. */
  readonly elseList: ListNode | null;
}

/**
 * A `{{template "name" pipeline}}` call (also what a `{{block}}` leaves in place).
 *
 * @example
 * ```ts
 * parseTemplate('{{template "t" .}}').root.nodes[0]; // { kind: "template", name: "t", ... }
 * ```
 * @category Template
 */
export interface TemplateCallNode {
  /** Node kind. */
  readonly kind: "template";
  /** Offset of the name. */
  readonly pos: number;
  /** Line of the action. */
  readonly line: number;
  /** The name of the template to run. */
  readonly name: string;
  /** The value for dot, or `null` (dot is then `nil`). */
  readonly pipe: PipeNode | null;
}

/**
 * `{{break}}` or `{{continue}}` (only parsed inside `{{range}}`).
 *
 * @example
 * ```ts
 * parseTemplate("{{range .a}}{{break}}{{end}}");
 * ```
 * @category Template
 */
export interface LoopControlNode {
  /** Node kind. */
  readonly kind: "break" | "continue";
  /** Offset of the keyword. */
  readonly pos: number;
  /** Line of the keyword. */
  readonly line: number;
}

/**
 * Anything that can appear in a {@link ListNode}.
 *
 * @example
 * ```ts
 * const kinds = parseTemplate("a{{.b}}").root.nodes.map((n: ItemNode) => n.kind);
 * ```
 * @category Template
 */
export type ItemNode = TextNode | ActionNode | BranchNode | TemplateCallNode | LoopControlNode;

/**
 * Any node of the parse tree.
 *
 * @example
 * ```ts
 * const print = (n: TemplateNode) => formatTemplateNode(n);
 * ```
 * @category Template
 */
export type TemplateNode = ListNode | ItemNode | PipeNode | CommandNode | ArgumentNode;
