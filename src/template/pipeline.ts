/**
 * Pipelines, commands and operands: a port of the expression half of Go's
 * `text/template/parse/parse.go` (`pipeline`, `checkPipeline`, `command`, `operand`, `term`).
 *
 * @module
 */
import type { ArgumentNode, CommandNode, PipeNode, VariableNode } from "./ast-operands.js";
import { formatTemplateNode } from "./format.js";
import { ItemType, type Item } from "./item.js";
import { parseNumberLiteral } from "./number.js";
import { goQuote, unquote } from "./quote.js";
import type { Tree } from "./tree.js";

const OPERAND_START: ReadonlySet<ItemType> = new Set<ItemType>([
  ItemType.Bool, ItemType.CharConstant, ItemType.Complex, ItemType.Dot, ItemType.Field, ItemType.Identifier,
  ItemType.Number, ItemType.Nil, ItemType.RawString, ItemType.String, ItemType.Variable, ItemType.LeftParen,
]);

/**
 * Parses a pipeline up to the `end` item (`}}` or `)`), with its declarations.
 *
 * @param t - the tree being parsed
 * @param context - what the pipeline belongs to, for messages (`if`, `range`, `command`, …)
 * @param end - the closing item type
 * @returns the pipeline
 */
export function pipeline(t: Tree, context: string, end: ItemType): PipeNode {
  const first = t.peekNonSpace();
  const decl: VariableNode[] = [];
  const cmds: CommandNode[] = [];
  let isAssign = false;
  for (let again = true; again; ) {
    again = false;
    const v = t.peekNonSpace();
    if (v.typ !== ItemType.Variable) break;
    t.next();
    const tokenAfterVariable = t.peek();
    const next = t.peekNonSpace();
    if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
      isAssign = next.typ === ItemType.Assign;
      t.nextNonSpace();
      decl.push(newVariable(v.pos, v.val));
      t.vars.push(v.val);
    } else if (next.typ === ItemType.Char && next.val === ",") {
      t.nextNonSpace();
      decl.push(newVariable(v.pos, v.val));
      t.vars.push(v.val);
      if (context === "range" && decl.length < 2) {
        const after = t.peekNonSpace().typ;
        if (after !== ItemType.Variable && after !== ItemType.RightDelim && after !== ItemType.RightParen) t.errorf("range can only initialize variables");
        again = true;
        continue;
      }
      t.errorf(`too many declarations in ${context}`);
    } else if (tokenAfterVariable.typ === ItemType.Space) {
      t.backup3(v, tokenAfterVariable);
    } else {
      t.backup2(v);
    }
  }
  for (;;) {
    const token = t.nextNonSpace();
    if (token.typ === end) {
      checkPipeline(t, cmds, context);
      return { kind: "pipe", pos: first.pos, line: first.line, isAssign, decl, cmds };
    }
    if (!OPERAND_START.has(token.typ)) t.unexpected(token, context);
    t.backup();
    cmds.push(command(t));
  }
}

function checkPipeline(t: Tree, cmds: readonly CommandNode[], context: string): void {
  if (cmds.length === 0) t.errorf(`missing value for ${context}`);
  cmds.slice(1).forEach((c, i) => {
    const kind = c.args[0]?.kind;
    if (kind === "bool" || kind === "dot" || kind === "nil" || kind === "number" || kind === "string") {
      t.errorf(`non executable command in pipeline stage ${i + 2}`);
    }
  });
}

function command(t: Tree): CommandNode {
  const pos = t.peekNonSpace().pos;
  const args: ArgumentNode[] = [];
  for (;;) {
    t.peekNonSpace();
    const node = operand(t);
    if (node !== null) args.push(node);
    const token = t.next();
    if (token.typ === ItemType.Space) continue;
    if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) t.backup();
    else if (token.typ !== ItemType.Pipe) t.unexpected(token, "operand");
    break;
  }
  if (args.length === 0) t.errorf("empty command");
  return { kind: "command", pos, args };
}

function operand(t: Tree): ArgumentNode | null {
  const node = term(t);
  if (node === null || t.peek().typ !== ItemType.Field) return node;
  const pos = t.peek().pos;
  const fields: string[] = [];
  while (t.peek().typ === ItemType.Field) fields.push(t.next().val.slice(1));
  switch (node.kind) {
    case "field":
      return { kind: "field", pos, ident: [...node.ident, ...fields] };
    case "variable":
      return { kind: "variable", pos, ident: [...node.ident, ...fields] };
    case "bool":
    case "string":
    case "number":
    case "nil":
    case "dot":
      return t.errorf(`unexpected . after term ${goQuote(formatTemplateNode(node))}`);
    default:
      return { kind: "chain", pos, node, fields };
  }
}

function term(t: Tree): ArgumentNode | null {
  const token = t.nextNonSpace();
  switch (token.typ) {
    case ItemType.Identifier:
      if (!t.hasFunction(token.val)) t.undefinedFunction(token.val);
      return { kind: "identifier", pos: token.pos, name: token.val };
    case ItemType.Dot:
      return { kind: "dot", pos: token.pos };
    case ItemType.Nil:
      return { kind: "nil", pos: token.pos };
    case ItemType.Variable:
      t.checkVar(token.val);
      return newVariable(token.pos, token.val);
    case ItemType.Field:
      return { kind: "field", pos: token.pos, ident: token.val.slice(1).split(".") };
    case ItemType.Bool:
      return { kind: "bool", pos: token.pos, value: token.val === "true" };
    case ItemType.CharConstant:
    case ItemType.Complex:
    case ItemType.Number:
      return number(t, token);
    case ItemType.LeftParen:
      return pipeline(t, "parenthesized pipeline", ItemType.RightParen);
    case ItemType.String:
    case ItemType.RawString: {
      const text = unquote(token.val);
      return text === null ? t.errorf("invalid syntax") : { kind: "string", pos: token.pos, quoted: token.val, text };
    }
  }
  t.backup();
  return null;
}

function number(t: Tree, token: Item): ArgumentNode {
  const values = parseNumberLiteral(token.val, token.typ === ItemType.CharConstant);
  if (typeof values === "string") t.errorf(values);
  return { kind: "number", pos: token.pos, text: token.val, ...values };
}

function newVariable(pos: number, name: string): VariableNode {
  return { kind: "variable", pos, ident: name.split(".") };
}
