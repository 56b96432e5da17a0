/**
 * The template lexer: a port of Go's `text/template/parse/lex.go` (Go 1.22), with the default
 * `{{`/`}}` delimiters. Like Go's, it is pulled one item at a time by the parser, so a lexical
 * error is reported only when the parser reaches it.
 *
 * @module
 */
import { ItemType, KEYWORDS, type Item } from "./item.js";
import { formatRune, goQuote } from "./quote.js";

const LEFT_DELIM = "{{";
const RIGHT_DELIM = "}}";
const LEFT_COMMENT = "/*";
const RIGHT_COMMENT = "*/";
const TRIM_MARKER_LEN = 2;
const EOF = -1;
const ALNUM = /^[\p{L}\p{Nd}_]$/u;

/** Lexer switches (Go's `lexOptions`). */
export interface LexOptions {
  /** Lex `break` as a keyword (false when a function named `break` exists). */
  breakOK: boolean;
  /** Lex `continue` as a keyword (false when a function named `continue` exists). */
  continueOK: boolean;
}

type StateFn = (l: Lexer) => StateFn | null;

function isSpace(r: number): boolean {
  return r === 32 || r === 9 || r === 13 || r === 10;
}

function isAlphaNumeric(r: number): boolean {
  return r >= 0 && ALNUM.test(String.fromCodePoint(r));
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

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

function hasLeftTrimMarker(s: string, i: number): boolean {
  return s[i] === "-" && isSpace(s.charCodeAt(i + 1));
}

function hasRightTrimMarker(s: string, i: number): boolean {
  return isSpace(s.charCodeAt(i)) && s[i + 1] === "-";
}

function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i - from;
}

function rightTrimLength(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(s.charCodeAt(i - 1))) i--;
  return to - i;
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

function lexRightDelim(l: Lexer): StateFn | null {
  const { trimSpaces } = l.atRightDelim();
  if (trimSpaces) {
    l.pos += TRIM_MARKER_LEN;
    l.ignore();
  }
  l.pos += RIGHT_DELIM.length;
  const i = l.thisItem(ItemType.RightDelim);
  if (trimSpaces) {
    l.pos += leftTrimLength(l.input, l.pos);
    l.ignore();
  }
  l.insideAction = false;
  return l.emitItem(i);
}

function lexInsideAction(l: Lexer): StateFn | null {
  if (l.atRightDelim().delim) return l.parenDepth === 0 ? lexRightDelim : l.errorf("unclosed left paren");
  const r = l.next();
  const c = r === EOF ? "" : String.fromCodePoint(r);
  if (r === EOF) return l.errorf("unclosed action");
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  switch (c) {
    case "=":
      return l.emit(ItemType.Assign);
    case ":":
      return l.next() === 0x3d ? l.emit(ItemType.Declare) : l.errorf("expected :=");
    case "|":
      return l.emit(ItemType.Pipe);
    case '"':
      return lexQuote;
    case "`":
      return lexRawQuote;
    case "$":
      return lexVariable;
    case "'":
      return lexChar;
    case "(":
      l.parenDepth++;
      return l.emit(ItemType.LeftParen);
    case ")":
      l.parenDepth--;
      return l.parenDepth < 0 ? l.errorf(`unexpected right paren ${formatRune(r)}`) : l.emit(ItemType.RightParen);
  }
  if (c === "." && l.pos < l.input.length) {
    const d = l.input[l.pos] as string;
    if (d < "0" || d > "9") return lexField;
  }
  if (c === "." || c === "+" || c === "-" || (c >= "0" && c <= "9")) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r <= 0x7f && r >= 0x20 && r !== 0x7f) return l.emit(ItemType.Char);
  return l.errorf(`unrecognized character in action: ${formatRune(r)}`);
}

function lexSpace(l: Lexer): StateFn | null {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(RIGHT_DELIM, l.pos - 1 + TRIM_MARKER_LEN)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit(ItemType.Space);
}

function lexIdentifier(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${formatRune(r)}`);
    const key = KEYWORDS.get(word);
    if (key !== undefined && key > ItemType.Keyword) {
      if ((key === ItemType.Break && !l.options.breakOK) || (key === ItemType.Continue && !l.options.continueOK)) return l.emit(ItemType.Identifier);
      return l.emit(key);
    }
    if (word.startsWith(".")) return l.emit(ItemType.Field);
    if (word === "true" || word === "false") return l.emit(ItemType.Bool);
    return l.emit(ItemType.Identifier);
  }
}

function lexField(l: Lexer): StateFn | null {
  return lexFieldOrVariable(l, ItemType.Field);
}

function lexVariable(l: Lexer): StateFn | null {
  if (l.atTerminator()) return l.emit(ItemType.Variable);
  return lexFieldOrVariable(l, ItemType.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: ItemType): StateFn | null {
  if (l.atTerminator()) return l.emit(typ === ItemType.Variable ? ItemType.Variable : ItemType.Dot);
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRune(r)}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): StateFn | null {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 10) continue;
    }
    if (r === EOF || r === 10) return l.errorf("unterminated character constant");
    if (r === 0x27) return l.emit(ItemType.CharConstant);
  }
}

function lexQuote(l: Lexer): StateFn | null {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 10) continue;
    }
    if (r === EOF || r === 10) return l.errorf("unterminated quoted string");
    if (r === 0x22) return l.emit(ItemType.String);
  }
}

function lexRawQuote(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf("unterminated raw quoted string");
    if (r === 0x60) return l.emit(ItemType.RawString);
  }
}

function lexNumber(l: Lexer): StateFn | null {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${quoted(l)}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    if (!scanNumber(l) || l.input[l.pos - 1] !== "i") return l.errorf(`bad number syntax: ${quoted(l)}`);
    return l.emit(ItemType.Complex);
  }
  return l.emit(ItemType.Number);
}

function quoted(l: Lexer): string {
  return goQuote(l.input.slice(l.start, l.pos));
}

function scanNumber(l: Lexer): boolean {
  l.accept("+-");
  let digits = "0123456789_";
  if (l.accept("0")) {
    if (l.accept("xX")) digits = "0123456789abcdefABCDEF_";
    else if (l.accept("oO")) digits = "01234567_";
    else if (l.accept("bB")) digits = "01_";
  }
  l.acceptRun(digits);
  if (l.accept(".")) l.acceptRun(digits);
  if (digits.length === 11 && l.accept("eE")) {
    l.accept("+-");
    l.acceptRun("0123456789_");
  }
  if (digits.length === 23 && l.accept("pP")) {
    l.accept("+-");
    l.acceptRun("0123456789_");
  }
  l.accept("i");
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}
