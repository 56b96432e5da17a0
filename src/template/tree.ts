/**
 * The parser state of one template body (Go's `parse.Tree`): a three-item look-ahead buffer
 * over the shared lexer, the variables in scope, the `range` depth, and Go-formatted errors.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { locationAt } from "../expression/location.js";
import type { ItemNode, ListNode } from "./ast.js";
import { GO_TEMPLATE_BUILTINS } from "./functions.js";
import { ItemType, itemString, type Item } from "./item.js";
import type { Lexer } from "./lexer.js";
import { goQuote } from "./quote.js";

/** What all the trees of one parse share. */
export interface ParseContext {
  /** The whole text being parsed. */
  readonly text: string;
  /** The template name used in error messages (Go's `ParseName`). */
  readonly parseName: string;
  /** Known function names besides Go's builtins. */
  readonly funcs: ReadonlySet<string>;
  /** Why some unknown function names are unknown, shown in the error. */
  readonly excluded: Readonly<Record<string, string>>;
  /** The lexer, shared by `define` and `block` bodies. */
  readonly lex: Lexer;
  /** Every template body parsed so far, by name. */
  readonly treeSet: Map<string, ListNode>;
}

const BUILTINS: ReadonlySet<string> = new Set(GO_TEMPLATE_BUILTINS);

/** A mutable list used while parsing; exposed as a readonly {@link ListNode}. */
export interface BuildingList extends ListNode {
  /** The items, appended to while parsing. */
  readonly nodes: ItemNode[];
}

/** Makes an empty list starting at `pos`. */
export function newList(pos: number): BuildingList {
  return { kind: "list", pos, nodes: [] };
}

/** Parser state for one template body. */
export class Tree {
  /** Name of the template (updated by `define`). */
  name: string;
  /** The parsed body. */
  root: ListNode = newList(0);
  /** Look-ahead buffer; `token[0]` is always the item read last from the lexer. */
  private readonly token: Item[] = [];
  private peekCount = 0;
  /** Variables in scope, innermost last. */
  vars: string[] = ["$"];
  /** How many `range` bodies enclose the current position. */
  rangeDepth = 0;
  /** Line of the `{{` of the action being parsed, or 0. */
  actionLine = 0;

  /**
   * @param name - the template name
   * @param ctx - state shared with the other trees of the parse
   */
  constructor(
    name: string,
    readonly ctx: ParseContext,
  ) {
    this.name = name;
    ctx.lex.options = { breakOK: !this.hasFunction("break"), continueOK: !this.hasFunction("continue") };
  }

  /** Returns the next item. */
  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.ctx.lex.nextItem();
    return this.token[this.peekCount] as Item;
  }

  /** Backs the input stream up one item. */
  backup(): void {
    this.peekCount++;
  }

  /** Backs up two items; the zeroth is already there. */
  backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  /** Backs up three items; the zeroth is already there (`t2` is the oldest). */
  backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  /** Returns the next item without consuming it. */
  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Item;
    this.peekCount = 1;
    this.token[0] = this.ctx.lex.nextItem();
    return this.token[0];
  }

  /** Returns the next item that is not a space. */
  nextNonSpace(): Item {
    for (;;) {
      const token = this.next();
      if (token.typ !== ItemType.Space) return token;
    }
  }

  /** Returns, without consuming it, the next item that is not a space. */
  peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  /** Throws `template: NAME:LINE: message`, at the item read last (where Go takes the line from). */
  errorf(message: string): never {
    const last = this.token[0] ?? { pos: 0, line: 1 };
    const { column, offset } = locationAt(this.ctx.text, last.pos);
    throw new StagecraftError(ErrorCode.TemplateSyntax, `template: ${this.ctx.parseName}:${last.line}: ${message}`, {
      location: offset === undefined ? { line: last.line, column } : { line: last.line, column, offset },
    });
  }

  /** Throws Go's "unexpected X in CONTEXT", or the lexer's message for an error item. */
  unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.ctx.parseName}:${this.actionLine}`;
        if (token.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      this.errorf(`${token.val}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  /** Consumes the next non-space item, which must be of type `expected`. */
  expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  /** Consumes the next non-space item, which must be of one of two types. */
  expectOneOf(expected1: ItemType, expected2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected1 && token.typ !== expected2) this.unexpected(token, context);
    return token;
  }

  /** Tells whether a function name is known (Go's builtins always are). */
  hasFunction(name: string): boolean {
    return BUILTINS.has(name) || this.ctx.funcs.has(name);
  }

  /** Throws Go's `function "x" not defined`, saying why for functions stagecraft leaves out. */
  undefinedFunction(name: string): never {
    const why = Object.hasOwn(this.ctx.excluded, name) ? ` (stagecraft leaves out sprig's ${name}: ${this.ctx.excluded[name]})` : "";
    this.errorf(`function ${goQuote(name)} not defined${why}`);
  }

  /** Checks that a variable is in scope. */
  checkVar(name: string): void {
    if (!this.vars.includes(name)) this.errorf(`undefined variable ${goQuote(name)}`);
  }

  /** Drops the variables declared after the first `n`. */
  popVars(n: number): void {
    this.vars.length = n;
  }

  /** Registers this tree in the tree set (Go's `Tree.add`). */
  add(): void {
    const existing = this.ctx.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing)) {
      this.ctx.treeSet.set(this.name, this.root);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
  }
}

/** Go's `parse.IsEmptyTree`: only whitespace text (and comments). */
export function isEmptyTree(list: ListNode): boolean {
  return list.nodes.every((n) => n.kind === "text" && n.text.trim() === "");
}
