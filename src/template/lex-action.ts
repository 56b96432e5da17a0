/**
 * The inside of actions: a port of the action states of Go's `text/template/parse/lex.go`
 * (`lexInsideAction`, `lexRightDelim`, spaces, identifiers, fields, variables, quotes and
 * numbers).
 *
 * @module
 */
import { ItemType, KEYWORDS } from "./item.js";
import { EOF, RIGHT_DELIM, TRIM_MARKER_LEN, hasRightTrimMarker, isAlphaNumeric, isSpace, leftTrimLength } from "./lex-chars.js";
import type { Lexer, StateFn } from "./lexer.js";
import { formatRune, goQuote } from "./quote.js";

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

/** Lexes the inside of an action, after `{{` or an item. */
export function lexInsideAction(l: Lexer): StateFn | null {
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
      return l.parenDepth < 0 ? l.errorf("unexpected right paren") : l.emit(ItemType.RightParen);
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
