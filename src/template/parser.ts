/**
 * The template parser: a port of the statement half of Go's `text/template/parse/parse.go`
 * (`Parse`, `parse`, `parseDefinition`, `itemList`, `textOrAction`, `action` and the control
 * structures), with `{{else with}}` as in Go 1.23.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import type { PipeNode } from "./ast-operands.js";
import type { BranchNode, ItemNode, ListNode, TemplateCallNode } from "./ast.js";
import { EXCLUDED_SPRIG_FUNCTIONS, KWOK_TEMPLATE_FUNCTIONS } from "./functions.js";
import { ItemType, type Item } from "./item.js";
import { Lexer } from "./lexer.js";
import { pipeline } from "./pipeline.js";
import { unquote } from "./quote.js";
import { Tree, newList, type ParseContext } from "./tree.js";

/**
 * Options of {@link parseTemplate}.
 *
 * @example
 * ```ts
 * const options: ParseTemplateOptions = { name: "pod-ready", trim: true };
 * ```
 * @category Template
 */
export interface ParseTemplateOptions {
  /** The template name, used in error messages (`template: NAME:LINE: …`). Default `"_"`, KWOK's. */
  readonly name?: string;
  /**
   * Function names known at parse time; Go's builtins (`and`, `printf`, `index`, …) are always
   * known. Default {@link KWOK_TEMPLATE_FUNCTIONS}.
   */
  readonly functions?: ReadonlySet<string>;
  /**
   * Remove leading and trailing white space first (Go's `strings.TrimSpace`), as KWOK does
   * before parsing. Line numbers, offsets and {@link ParsedTemplate.text} then refer to the
   * trimmed text, as in KWOK's messages. Default `false`.
   */
  readonly trim?: boolean;
}

/**
 * A parsed template: its body and the bodies of the templates it defines.
 *
 * @example
 * ```ts
 * const t = parseTemplate('{{define "a"}}x{{end}}{{template "a"}}');
 * t.templates.has("a"); // true
 * ```
 * @category Template
 */
export interface ParsedTemplate {
  /** The template name. */
  readonly name: string;
  /** The text that was parsed (trimmed when `trim` was set); node offsets refer to it. */
  readonly text: string;
  /** The body of the template (a `{{define}}` of the same name replaces an empty body, as in Go). */
  readonly root: ListNode;
  /** The bodies of the other templates defined with `{{define}}` or `{{block}}`, by name. */
  readonly templates: ReadonlyMap<string, ListNode>;
}

type EndNode = { readonly kind: "end"; readonly pos: number };
type ElseNode = { readonly kind: "else"; readonly pos: number };
type ParsedItem = ItemNode | EndNode | ElseNode;

const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\p{Zs}\u2028\u2029]+|[\t\n\v\f\r \u0085\u00a0\p{Zs}\u2028\u2029]+$/gu;

/**
 * Parses a Go `text/template` text as Go 1.22 does (plus Go 1.23's `{{else with}}`), checking
 * function names and variable scopes like Go's parser.
 *
 * @param text - the template text
 * @param options - name, known functions and trimming
 * @returns the parse tree
 * @throws StagecraftError `E_TEMPLATE_SYNTAX` with Go's message (`template: NAME:LINE: …`)
 * and the location of the last token read; `E_LIMIT_EXCEEDED` when actions or parentheses nest
 * too deeply for the JavaScript stack (Go stops parenthesized expressions at depth 10,000)
 * @example
 * ```ts
 * const t = parseTemplate("phase: {{ .status.phase | Quote }}", { name: "pod-ready" });
 * t.root.nodes.length; // 2
 * ```
 * @category Template
 */
export function parseTemplate(text: string, options: ParseTemplateOptions = {}): ParsedTemplate {
  const name = options.name ?? "_";
  const source = options.trim === true ? text.replace(GO_SPACE, "") : text;
  const ctx: ParseContext = {
    text: source,
    parseName: name,
    funcs: options.functions ?? KWOK_TEMPLATE_FUNCTIONS,
    excluded: EXCLUDED_SPRIG_FUNCTIONS,
    lex: new Lexer(source),
    treeSet: new Map(),
  };
  const t = new Tree(name, ctx);
  try {
    parseRoot(t);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new StagecraftError(ErrorCode.LimitExceeded, `template: ${name}: limit exceeded: nested too deeply for the JavaScript stack (${error.message})`, { cause: error });
    }
    throw error;
  }
  t.add();
  const templates = new Map(ctx.treeSet);
  templates.delete(name);
  return { name, text: source, root: ctx.treeSet.get(name) ?? t.root, templates };
}

/**
 * Parses a Stage template the way KWOK does: trimmed first (`strings.TrimSpace`), named
 * `"_"` unless a name is given, with {@link KWOK_TEMPLATE_FUNCTIONS} unless functions are given.
 *
 * @param text - the template text from the Stage
 * @param options - name and known functions (`trim` is always on)
 * @returns the parse tree of the trimmed text
 * @throws StagecraftError `E_TEMPLATE_SYNTAX`, as {@link parseTemplate}
 * @example
 * ```ts
 * const t = parseKwokTemplate("\n  phase: Running\n");
 * t.text; // "phase: Running"
 * ```
 * @category Template
 */
export function parseKwokTemplate(text: string, options: Omit<ParseTemplateOptions, "trim"> = {}): ParsedTemplate {
  return parseTemplate(text, { ...options, trim: true });
}

function parseRoot(t: Tree): void {
  const nodes: ItemNode[] = [];
  t.root = { kind: "list", pos: t.peek().pos, nodes };
  while (t.peek().typ !== ItemType.EOF) {
    if (t.peek().typ === ItemType.LeftDelim) {
      const delim = t.next();
      if (t.nextNonSpace().typ === ItemType.Define) {
        parseDefinition(new Tree("definition", t.ctx));
        continue;
      }
      t.backup2(delim);
    }
    const n = textOrAction(t);
    if (n.kind === "end" || n.kind === "else") t.errorf(`unexpected {{${n.kind}}}`);
    nodes.push(n);
  }
}

function parseDefinition(t: Tree): void {
  const context = "define clause";
  const token = t.expectOneOf(ItemType.String, ItemType.RawString, context);
  t.name = unquote(token.val) ?? t.errorf("invalid syntax");
  t.expect(ItemType.RightDelim, context);
  const { list, next } = itemList(t);
  if (next.kind !== "end") t.errorf(`unexpected {{${next.kind}}} in ${context}`);
  t.root = list;
  t.add();
}

function itemList(t: Tree): { list: ListNode; next: EndNode | ElseNode } {
  const list = newList(t.peekNonSpace().pos);
  while (t.peekNonSpace().typ !== ItemType.EOF) {
    const n = textOrAction(t);
    if (n.kind === "end" || n.kind === "else") return { list, next: n };
    list.nodes.push(n);
  }
  return t.errorf("unexpected EOF");
}

function textOrAction(t: Tree): ParsedItem {
  const token = t.nextNonSpace();
  if (token.typ === ItemType.Text) return { kind: "text", pos: token.pos, text: token.val };
  if (token.typ !== ItemType.LeftDelim) t.unexpected(token, "input");
  t.actionLine = token.line;
  try {
    return action(t);
  } finally {
    t.actionLine = 0;
  }
}

function action(t: Tree): ParsedItem {
  const token = t.nextNonSpace();
  switch (token.typ) {
    case ItemType.Block:
      return blockControl(t);
    case ItemType.Break:
    case ItemType.Continue:
      return loopControl(t, token);
    case ItemType.Else:
      return elseControl(t);
    case ItemType.End:
      return { kind: "end", pos: t.expect(ItemType.RightDelim, "end").pos };
    case ItemType.If:
      return branchControl(t, "if");
    case ItemType.Range:
      return branchControl(t, "range");
    case ItemType.Template:
      return templateControl(t);
    case ItemType.With:
      return branchControl(t, "with");
  }
  t.backup();
  const first = t.peek();
  return { kind: "action", pos: first.pos, line: first.line, pipe: pipeline(t, "command", ItemType.RightDelim) };
}

function loopControl(t: Tree, keyword: Item): ItemNode {
  const kind = keyword.typ === ItemType.Break ? "break" : "continue";
  const token = t.nextNonSpace();
  if (token.typ !== ItemType.RightDelim) t.unexpected(token, `{{${kind}}}`);
  if (t.rangeDepth === 0) t.errorf(`{{${kind}}} outside {{range}}`);
  return { kind, pos: keyword.pos, line: keyword.line };
}

function elseControl(t: Tree): ElseNode {
  const peek = t.peekNonSpace();
  if (peek.typ === ItemType.If || peek.typ === ItemType.With) return { kind: "else", pos: peek.pos };
  return { kind: "else", pos: t.expect(ItemType.RightDelim, "else").pos };
}

function branchControl(t: Tree, context: BranchNode["kind"]): BranchNode {
  const depth = t.vars.length;
  try {
    const pipe = pipeline(t, context, ItemType.RightDelim);
    if (context === "range") t.rangeDepth++;
    let { list, next } = itemList(t);
    if (context === "range") t.rangeDepth--;
    let elseList: ListNode | null = null;
    if (next.kind === "else") {
      const chained = context === "if" ? ItemType.If : context === "with" ? ItemType.With : null;
      if (chained !== null && t.peek().typ === chained) {
        t.next();
        const nested = newList(next.pos);
        nested.nodes.push(branchControl(t, context));
        elseList = nested;
      } else {
        ({ list: elseList, next } = itemList(t));
        if (next.kind !== "end") t.errorf(`expected end; found {{${next.kind}}}`);
      }
    }
    return { kind: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  } finally {
    t.popVars(depth);
  }
}

function templateControl(t: Tree): TemplateCallNode {
  const context = "template clause";
  const token = t.nextNonSpace();
  const name = templateName(t, token, context);
  let pipe: PipeNode | null = null;
  if (t.nextNonSpace().typ !== ItemType.RightDelim) {
    t.backup();
    pipe = pipeline(t, context, ItemType.RightDelim);
  }
  return { kind: "template", pos: token.pos, line: token.line, name, pipe };
}

function blockControl(t: Tree): TemplateCallNode {
  const context = "block clause";
  const token = t.nextNonSpace();
  const name = templateName(t, token, context);
  const pipe = pipeline(t, context, ItemType.RightDelim);
  const block = new Tree(name, t.ctx);
  const { list, next } = itemList(block);
  if (next.kind !== "end") t.errorf(`unexpected {{${next.kind}}} in ${context}`);
  block.root = list;
  block.add();
  return { kind: "template", pos: token.pos, line: token.line, name, pipe };
}

function templateName(t: Tree, token: Item, context: string): string {
  if (token.typ !== ItemType.String && token.typ !== ItemType.RawString) t.unexpected(token, context);
  return unquote(token.val) ?? t.errorf("invalid syntax");
}
