/**
 * The operand nodes of the parse tree (pipelines, commands and their arguments), mirroring
 * `text/template/parse/node.go`.
 *
 * @module
 */

/**
 * A pipeline: optional variable declarations (`$x :=`, `$i, $v :=`) or an assignment
 * (`$x =`), then commands separated by `|`.
 *
 * @example
 * ```ts
 * const a = parseTemplate("{{ $x := .a | Quote }}").root.nodes[0];
 * a?.kind === "action" && a.pipe.cmds.length; // 2
 * ```
 * @category Template
 */
export interface PipeNode {
  /** Node kind. */
  readonly kind: "pipe";
  /** Offset of the first token. */
  readonly pos: number;
  /** Line of the first token. */
  readonly line: number;
  /** True for `=` (assignment), false for `:=` (declaration) or no variables. */
  readonly isAssign: boolean;
  /** The declared or assigned variables, in order. */
  readonly decl: readonly VariableNode[];
  /** The commands, in order. */
  readonly cmds: readonly CommandNode[];
}

/**
 * One command: a function or method with its arguments, or a single operand.
 *
 * @example
 * ```ts
 * // {{ printf "%s" .a }} has one command with three args
 * ```
 * @category Template
 */
export interface CommandNode {
  /** Node kind. */
  readonly kind: "command";
  /** Offset of the first argument. */
  readonly pos: number;
  /** The arguments; the first is the function, field or value. */
  readonly args: readonly ArgumentNode[];
}

/**
 * A function name, checked against the known functions at parse time.
 *
 * @example
 * ```ts
 * // {{ Now }} → { kind: "identifier", name: "Now" }
 * ```
 * @category Template
 */
export interface IdentifierNode {
  /** Node kind. */
  readonly kind: "identifier";
  /** Offset of the name. */
  readonly pos: number;
  /** The function name. */
  readonly name: string;
}

/**
 * A variable, possibly with fields: `$`, `$x`, `$x.a.b` (ident `["$x", "a", "b"]`).
 *
 * @example
 * ```ts
 * // {{ $root.status }} → { kind: "variable", ident: ["$root", "status"] }
 * ```
 * @category Template
 */
export interface VariableNode {
  /** Node kind. */
  readonly kind: "variable";
  /** Offset of the variable. */
  readonly pos: number;
  /** The variable name (with `$`), then the field names. */
  readonly ident: readonly string[];
}

/**
 * A field chain on dot: `.a.b` (ident `["a", "b"]`).
 *
 * @example
 * ```ts
 * // {{ .metadata.name }} → { kind: "field", ident: ["metadata", "name"] }
 * ```
 * @category Template
 */
export interface FieldNode {
  /** Node kind. */
  readonly kind: "field";
  /** Offset of the first field. */
  readonly pos: number;
  /** The field names. */
  readonly ident: readonly string[];
}

/**
 * Fields applied to a parenthesized pipeline or another term: `(index .a 0).b`.
 *
 * @example
 * ```ts
 * // {{ (index .a 0).name }} → { kind: "chain", node: { kind: "pipe", … }, fields: ["name"] }
 * ```
 * @category Template
 */
export interface ChainNode {
  /** Node kind. */
  readonly kind: "chain";
  /** Offset of the first field. */
  readonly pos: number;
  /** The term the fields apply to. */
  readonly node: ArgumentNode;
  /** The field names. */
  readonly fields: readonly string[];
}

/**
 * `.` (dot), the current value.
 *
 * @example
 * ```ts
 * // {{ . | Quote }} → first argument { kind: "dot" }
 * ```
 * @category Template
 */
export interface DotNode {
  /** Node kind. */
  readonly kind: "dot";
  /** Offset of the dot. */
  readonly pos: number;
}

/**
 * The untyped `nil` constant.
 *
 * @example
 * ```ts
 * // {{ eq .a nil }} → third argument { kind: "nil" }
 * ```
 * @category Template
 */
export interface NilNode {
  /** Node kind. */
  readonly kind: "nil";
  /** Offset of the keyword. */
  readonly pos: number;
}

/**
 * A boolean constant, `true` or `false`.
 *
 * @example
 * ```ts
 * // {{ true }} → { kind: "bool", value: true }
 * ```
 * @category Template
 */
export interface BoolNode {
  /** Node kind. */
  readonly kind: "bool";
  /** Offset of the constant. */
  readonly pos: number;
  /** The value. */
  readonly value: boolean;
}

/**
 * A numeric constant (also a character constant `'a'`), with every Go interpretation that
 * is exact: `1` is int, uint and float; `1.5` only float; `0x10` int 16.
 *
 * @example
 * ```ts
 * // {{ 0x10 }} → { kind: "number", text: "0x10", int64: 16n, uint64: 16n, float64: 16 }
 * ```
 * @category Template
 */
export interface NumberNode {
  /** Node kind. */
  readonly kind: "number";
  /** Offset of the literal. */
  readonly pos: number;
  /** The literal as written. */
  readonly text: string;
  /** The value as a Go `int64`, when it is one. */
  readonly int64?: bigint;
  /** The value as a Go `uint64`, when it is one. */
  readonly uint64?: bigint;
  /** The value as a Go `float64`, when it is one. */
  readonly float64?: number;
}

/**
 * A string constant, double-quoted or raw.
 *
 * @example
 * ```ts
 * // {{ "a\tb" }} → { kind: "string", quoted: "\"a\\tb\"", text: "a\tb" }
 * ```
 * @category Template
 */
export interface StringNode {
  /** Node kind. */
  readonly kind: "string";
  /** Offset of the literal. */
  readonly pos: number;
  /** The literal as written, with its quotes. */
  readonly quoted: string;
  /** The decoded value. */
  readonly text: string;
}

/**
 * Anything that can be an argument of a {@link CommandNode} (a parenthesized pipeline is a
 * {@link PipeNode}).
 *
 * @example
 * ```ts
 * const isLiteral = (n: ArgumentNode) => n.kind === "string" || n.kind === "number";
 * ```
 * @category Template
 */
export type ArgumentNode = IdentifierNode | VariableNode | FieldNode | ChainNode | DotNode | NilNode | BoolNode | NumberNode | StringNode | PipeNode;
