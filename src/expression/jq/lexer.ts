/**
 * The jq lexer (gojq dialect). Produces a token list; string literals carry their
 * interpolations as nested token lists.
 *
 * @module
 */
import { syntaxError } from "./errors.js";

/** A piece of a string literal: literal text or the tokens of an interpolation `\(...)`. */
export type StringPart = string | { readonly tokens: readonly Token[]; readonly offset: number };

/** One token of a jq query. */
export type Token =
  | { readonly kind: "punct"; readonly value: string; readonly offset: number }
  | { readonly kind: "field"; readonly value: string; readonly offset: number }
  | { readonly kind: "ident"; readonly value: string; readonly offset: number }
  | { readonly kind: "var"; readonly value: string; readonly offset: number }
  | { readonly kind: "format"; readonly value: string; readonly offset: number }
  | { readonly kind: "number"; readonly value: string; readonly offset: number }
  | { readonly kind: "string"; readonly parts: readonly StringPart[]; readonly offset: number }
  | { readonly kind: "eof"; readonly offset: number };

const PUNCT3 = ["?//", "//="];
const PUNCT2 = ["..", "==", "!=", "<=", ">=", "//", "|=", "+=", "-=", "*=", "/=", "%="];
const PUNCT1 = ".[]{}()|,:;=<>+-*/%?";
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/**
 * Splits a jq query into tokens.
 *
 * @param source - the whole query (used for positions in errors)
 * @returns the tokens, ending with an `eof` token
 * @throws StagecraftError `E_JQ_SYNTAX` on an unterminated string, a bad escape or a stray character
 */
export function tokenize(source: string): Token[] {
  const { tokens } = lexFrom(source, 0, false);
  return tokens;
}

function lexFrom(src: string, start: number, nested: boolean): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let i = start;
  let depth = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === '"') {
      const s = lexString(src, i);
      tokens.push(s.token);
      i = s.end;
      continue;
    }
    if (c === "." && IDENT_START.test(src[i + 1] ?? "")) {
      let j = i + 2;
      while (j < src.length && IDENT_PART.test(src[j] as string)) j++;
      tokens.push({ kind: "field", value: src.slice(i + 1, j), offset: i });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?/.exec(src.slice(i)) as RegExpExecArray;
      tokens.push({ kind: "number", value: m[0], offset: i });
      i += m[0].length;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < src.length && (IDENT_PART.test(src[j] as string) || (src[j] === ":" && src[j + 1] === ":" && IDENT_START.test(src[j + 2] ?? "")))) {
        j += src[j] === ":" ? 2 : 1;
      }
      tokens.push({ kind: "ident", value: src.slice(i, j), offset: i });
      i = j;
      continue;
    }
    if ((c === "$" || c === "@") && IDENT_START.test(src[i + 1] ?? "")) {
      let j = i + 2;
      while (j < src.length && (IDENT_PART.test(src[j] as string) || (src[j] === ":" && src[j + 1] === ":"))) j += src[j] === ":" ? 2 : 1;
      tokens.push({ kind: c === "$" ? "var" : "format", value: src.slice(i + 1, j), offset: i });
      i = j;
      continue;
    }
    const p = PUNCT3.find((x) => src.startsWith(x, i)) ?? PUNCT2.find((x) => src.startsWith(x, i)) ?? (PUNCT1.includes(c) ? c : undefined);
    if (p === undefined) throw syntaxError(src, i, `unexpected token ${JSON.stringify(c)}`);
    if (nested && p === "(") depth++;
    if (nested && p === ")") {
      if (depth === 0) return { tokens: [...tokens, { kind: "eof", offset: i }], end: i + 1 };
      depth--;
    }
    tokens.push({ kind: "punct", value: p, offset: i });
    i += p.length;
  }
  if (nested) throw syntaxError(src, src.length, "unterminated string literal");
  tokens.push({ kind: "eof", offset: src.length });
  return { tokens, end: i };
}

function lexString(src: string, start: number): { token: Token; end: number } {
  const parts: StringPart[] = [];
  let text = "";
  let i = start + 1;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '"') {
      if (text !== "" || parts.length === 0) parts.push(text);
      return { token: { kind: "string", parts, offset: start }, end: i + 1 };
    }
    if (c !== "\\") {
      text += c;
      i++;
      continue;
    }
    const e = src[i + 1];
    if (e === undefined) break;
    if (e === "(") {
      if (text !== "") parts.push(text);
      text = "";
      const inner = lexFrom(src, i + 2, true);
      parts.push({ tokens: inner.tokens, offset: i });
      i = inner.end;
    } else if (e === "u") {
      const hex = src.slice(i + 2, i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw syntaxError(src, i, `invalid escape sequence "\\u${hex}" in string literal`);
      text += String.fromCharCode(parseInt(hex, 16));
      i += 6;
    } else {
      const r = ESCAPES[e];
      if (r === undefined) throw syntaxError(src, i, `invalid escape sequence "\\${e}" in string literal`);
      text += r;
      i += 2;
    }
  }
  throw syntaxError(src, start, "unterminated string literal");
}
