/**
 * The template lexer: a port of Go's `text/template/parse/lex.go` (Go 1.22), with the default
 * `{{`/`}}` delimiters. Like Go's, it is pulled one item at a time by the parser, so a lexical
 * error is reported only when the parser reaches it. Text, delimiters and comments are lexed
 * here; the inside of actions in `lex-action.ts`.
 *
 * @module
 */
import { ItemType, type Item } from "./item.js";
import { lexInsideAction } from "./lex-action.js";
import { EOF, LEFT_DELIM, RIGHT_DELIM, TRIM_MARKER_LEN, count, hasLeftTrimMarker, hasRightTrimMarker, isSpace, leftTrimLength, rightTrimLength } from "./lex-chars.js";

const LEFT_COMMENT = "/*";
const RIGHT_COMMENT = "*/";

/** Lexer switches (Go's `lexOptions`). */
export interface LexOptions {
  /** Lex `break` as a keyword (false when a function named `break` exists). */
  breakOK: boolean;
  /** Lex `continue` as a keyword (false when a function named `continue` exists). */
  continueOK: boolean;
}

/** A state of the lexer: lexes some input and returns the next state, or `null` once an item is ready. */
export type StateFn = (l: Lexer) => StateFn | null;

/** A pull lexer over one template text. */
export class Lexer {
  /** The remaining input (cleared after an error, as in Go). */
  input: string;
  /** Current position. */
  pos = 0;
  /** Start of the current item. */
  start = 0;
  /** True once `next` has hit the end of the input. */
  atEOF = false;
  /** Nesting depth of `( )` inside the current action. */
  parenDepth = 0;
  /** Line of `pos`, starting at 1. */
  line = 1;
  /** Line of `start`. */
  startLine = 1;
  /** True between `{{` and `}}`. */
  insideAction = false;
  /** The item produced by the last state function. */
  item: Item = { typ: ItemType.EOF, pos: 0, val: "EOF", line: 1 };
  /** Keyword switches, set by the parser. */
  options: LexOptions = { breakOK: true, continueOK: true };

  /** @param input - the template text */
  constructor(input: string) {
    this.input = input;
  }

  /** Returns the next item; after the end or an error, EOF items forever. */
  nextItem(): Item {
    this.item = { typ: ItemType.EOF, pos: this.pos, val: "EOF", line: this.startLine };
    let state: StateFn | null = this.insideAction ? lexInsideAction : lexText;
    while (state !== null) state = state(this);
    return this.item;
  }

  /** Consumes and returns the next code point, or -1 at the end. */
  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos) as number;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 10) this.line++;
    return r;
  }

  /** Returns the next code point without consuming it. */
  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  /** Steps back one code point (never past the end marker). */
  backup(): void {
    if (this.atEOF || this.pos === 0) return;
    const lo = this.input.charCodeAt(this.pos - 1);
    const pair = lo >= 0xdc00 && lo <= 0xdfff && this.pos >= 2 && (this.input.charCodeAt(this.pos - 2) & 0xfc00) === 0xd800;
    this.pos -= pair ? 2 : 1;
    if (lo === 10) this.line--;
  }

  /** Consumes the next code point if it is in `valid`. */
  accept(valid: string): boolean {
    const r = this.next();
    if (r >= 0 && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  /** Consumes a run of code points from `valid`. */
  acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  /** Makes the pending input into an item and starts the next one. */
  thisItem(typ: ItemType): Item {
    const i: Item = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  /** Emits the pending input as an item (ends the state machine). */
  emit(typ: ItemType): null {
    return this.emitItem(this.thisItem(typ));
  }

  /** Emits a prepared item (ends the state machine). */
  emitItem(i: Item): null {
    this.item = i;
    return null;
  }

  /** Skips the pending input, counting its newlines (only for text not read with `next`). */
  ignore(): void {
    this.line += count(this.input.slice(this.start, this.pos), "\n");
    this.start = this.pos;
    this.startLine = this.line;
  }

  /** Emits an error item and clears the input so that lexing ends. */
  errorf(message: string): null {
    this.item = { typ: ItemType.Error, pos: this.start, val: message, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = "";
    return null;
  }

  /** Tells whether the input at `pos` is a closing delimiter, and whether it has a trim marker. */
  atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LEN)) return { delim: true, trimSpaces: true };
    return { delim: this.input.startsWith(RIGHT_DELIM, this.pos), trimSpaces: false };
  }

  /** Tells whether the next character ends a word (space, punctuation, delimiter or EOF). */
  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === EOF || ".,|:)(".includes(String.fromCodePoint(r))) return true;
    return this.input.startsWith(RIGHT_DELIM, this.pos);
  }
}

function lexText(l: Lexer): StateFn | null {
  const x = l.input.indexOf(LEFT_DELIM, l.pos);
  if (x < 0) {
    l.pos = l.input.length;
    if (l.pos > l.start) {
      l.line += count(l.input.slice(l.start, l.pos), "\n");
      return l.emit(ItemType.Text);
    }
    return l.emit(ItemType.EOF);
  }
  if (x > l.pos) {
    l.pos = x;
    const trimLength = hasLeftTrimMarker(l.input, x + LEFT_DELIM.length) ? rightTrimLength(l.input, l.start, l.pos) : 0;
    l.pos -= trimLength;
    l.line += count(l.input.slice(l.start, l.pos), "\n");
    const i = l.thisItem(ItemType.Text);
    l.pos += trimLength;
    l.ignore();
    if (i.val.length > 0) return l.emitItem(i);
  }
  return lexLeftDelim;
}

function lexLeftDelim(l: Lexer): StateFn | null {
  l.pos += LEFT_DELIM.length;
  const afterMarker = hasLeftTrimMarker(l.input, l.pos) ? TRIM_MARKER_LEN : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const i = l.thisItem(ItemType.LeftDelim);
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return l.emitItem(i);
}

function lexComment(l: Lexer): StateFn | null {
  l.pos += LEFT_COMMENT.length;
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) return l.errorf("unclosed comment");
  l.pos = x + RIGHT_COMMENT.length;
  const { delim, trimSpaces } = l.atRightDelim();
  if (!delim) return l.errorf("comment ends before closing delimiter");
  l.line += count(l.input.slice(l.start, l.pos), "\n");
  l.thisItem(ItemType.Comment);
  if (trimSpaces) l.pos += TRIM_MARKER_LEN;
  l.pos += RIGHT_DELIM.length;
  if (trimSpaces) l.pos += leftTrimLength(l.input, l.pos);
  l.ignore();
  return lexText;
}
