/**
 * The jq abstract syntax tree produced by the parser and consumed by the compiler.
 *
 * @module
 */

/** Binary operators compiled to value functions. */
export type BinaryOp = "+" | "-" | "*" | "/" | "%" | "==" | "!=" | "<" | "<=" | ">" | ">=";

/** An object construction entry: `{key: value}`; `value` is null for shorthand forms. */
export interface ObjectEntry {
  /** Literal key text, or a query computing the key. */
  readonly key: string | Node;
  /** Value query; null means "take `.key`" (or the variable for `{$x}`). */
  readonly value: Node | null;
  /** For `{$x}`: the variable name. */
  readonly variable?: string;
}

/** One node of the AST. Every node carries the offset of its first character. */
export type Node = { readonly offset: number } & (
  | { readonly type: "Identity" }
  | { readonly type: "RecurseAll" }
  | { readonly type: "Literal"; readonly value: unknown }
  | { readonly type: "Str"; readonly parts: readonly (string | Node)[] }
  | { readonly type: "Index"; readonly target: Node; readonly key: Node; readonly optional?: boolean }
  | { readonly type: "Slice"; readonly target: Node; readonly from: Node | null; readonly to: Node | null; readonly optional?: boolean }
  | { readonly type: "Iterate"; readonly target: Node; readonly optional?: boolean }
  | { readonly type: "Try"; readonly body: Node; readonly handler: Node | null }
  | { readonly type: "Pipe"; readonly left: Node; readonly right: Node }
  | { readonly type: "Comma"; readonly left: Node; readonly right: Node }
  | { readonly type: "Binary"; readonly op: BinaryOp; readonly left: Node; readonly right: Node }
  | { readonly type: "And" | "Or" | "Alt"; readonly left: Node; readonly right: Node }
  | { readonly type: "Neg"; readonly operand: Node }
  | { readonly type: "Array"; readonly body: Node | null }
  | { readonly type: "Object"; readonly entries: readonly ObjectEntry[] }
  | { readonly type: "If"; readonly cond: Node; readonly then: Node; readonly else: Node | null }
  | { readonly type: "Reduce"; readonly source: Node; readonly name: string; readonly init: Node; readonly update: Node }
  | {
      readonly type: "Foreach";
      readonly source: Node;
      readonly name: string;
      readonly init: Node;
      readonly update: Node;
      readonly extract: Node | null;
    }
  | { readonly type: "Bind"; readonly source: Node; readonly name: string; readonly body: Node }
  | { readonly type: "Var"; readonly name: string }
  | { readonly type: "Call"; readonly name: string; readonly args: readonly Node[] }
);
