/**
 * The lexical items of Go templates (port of the `item` type of `text/template/parse/lex.go`).
 *
 * @module
 */
import { goQuote } from "./quote.js";

/** Item kinds, numbered like Go's `itemType` so that keywords sort after {@link ItemType.Keyword}. */
export const ItemType = {
  Error: 0,
  Bool: 1,
  Char: 2,
  CharConstant: 3,
  Comment: 4,
  Complex: 5,
  Assign: 6,
  Declare: 7,
  EOF: 8,
  Field: 9,
  Identifier: 10,
  LeftDelim: 11,
  LeftParen: 12,
  Number: 13,
  Pipe: 14,
  RawString: 15,
  RightDelim: 16,
  RightParen: 17,
  Space: 18,
  String: 19,
  Text: 20,
  Variable: 21,
  Keyword: 22,
  Block: 23,
  Break: 24,
  Continue: 25,
  Dot: 26,
  Define: 27,
  Else: 28,
  End: 29,
  If: 30,
  Nil: 31,
  Range: 32,
  Template: 33,
  With: 34,
} as const;

/** One of the values of {@link ItemType}. */
export type ItemType = (typeof ItemType)[keyof typeof ItemType];

/** The keywords, as Go's `key` map (`.` is lexed as a keyword too). */
export const KEYWORDS: ReadonlyMap<string, ItemType> = new Map<string, ItemType>([
  [".", ItemType.Dot],
  ["block", ItemType.Block],
  ["break", ItemType.Break],
  ["continue", ItemType.Continue],
  ["define", ItemType.Define],
  ["else", ItemType.Else],
  ["end", ItemType.End],
  ["if", ItemType.If],
  ["range", ItemType.Range],
  ["nil", ItemType.Nil],
  ["template", ItemType.Template],
  ["with", ItemType.With],
]);

/** A token returned by the lexer. */
export interface Item {
  /** The kind of item. */
  readonly typ: ItemType;
  /** Offset of the item in the input (UTF-16 code units). */
  readonly pos: number;
  /** The text of the item, or the message of an error item. */
  readonly val: string;
  /** Line of the start of the item, starting at 1. */
  readonly line: number;
}

/** Renders an item the way Go's `item.String` does, for "unexpected X in Y" messages. */
export function itemString(i: Item): string {
  if (i.typ === ItemType.EOF) return "EOF";
  if (i.typ === ItemType.Error) return i.val;
  if (i.typ > ItemType.Keyword) return `<${i.val}>`;
  if (new TextEncoder().encode(i.val).length > 10) return `${goQuote(i.val, 10)}...`;
  return goQuote(i.val);
}
