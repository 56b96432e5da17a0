/**
 * Sprig's regular expression functions, with Go's `regexp` semantics: leftmost-first
 * matching, `FindAll`'s and `ReplaceAll`'s handling of empty matches, `Expand`'s `$1`,
 * `${1}`, `$name` and `$$`, and `Split`.
 *
 * @module
 */
import { goQuote } from "../quote.js";
import { type FunctionMap, goFunction } from "./function-map.js";
import { type GoRegexp, GoRegexpError, compileGoRegexp } from "./sprig-regex-syntax.js";

/** A match: `[start, end, group1Start, group1End, ...]` (UTF-16 offsets, -1 for unset groups). */
type Match = number[];

function execAt(re: GoRegexp, s: string, pos: number): Match | null {
  re.js.lastIndex = pos;
  const m = re.js.exec(s);
  if (m === null) return null;
  const out: Match = [];
  for (let g = 0; g < m.length; g++) {
    const span = m.indices?.[g];
    out.push(span?.[0] ?? -1, span?.[1] ?? -1);
  }
  return out;
}

function width(s: string, pos: number): number {
  const c = s.codePointAt(pos);
  return c === undefined ? 1 : c > 0xffff ? 2 : 1;
}

/**
 * Go's `FindAllStringSubmatchIndex` loop.
 * @param re - the compiled expression
 * @param s - the text
 * @param n - the maximum number of matches (negative: all)
 * @returns the matches
 * @example
 * ```ts
 * findAll(compileGoRegexp("a*"), "baaa", -1).length; // 3
 * ```
 * @category Template
 */
export function findAll(re: GoRegexp, s: string, n: number): Match[] {
  const out: Match[] = [];
  const limit = n < 0 ? s.length + 1 : n;
  let pos = 0;
  let prevEnd = -1;
  while (out.length < limit && pos <= s.length) {
    const m = execAt(re, s, pos);
    if (m === null) break;
    let accept = true;
    const [start = 0, end = 0] = m;
    if (end === pos) {
      if (start === prevEnd) accept = false;
      pos += pos < s.length ? width(s, pos) : 1;
    } else pos = end;
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

function extract(str: string): { name: string; num: number; rest: string } | null {
  let s = str;
  const brace = s.startsWith("{");
  if (brace) s = s.slice(1);
  const m = /^[\p{L}\p{Nd}_]+/u.exec(s);
  if (m === null) return null;
  const name = m[0];
  let i = name.length;
  if (brace) {
    if (s[i] !== "}") return null;
    i++;
  }
  let num = /^\d+$/.test(name) && name.length < 9 ? Number(name) : -1;
  if (name.startsWith("0") && name.length > 1) num = -1;
  return { name, num, rest: s.slice(i) };
}

/**
 * Go's `Regexp.Expand` for one match.
 * @param re - the compiled expression
 * @param template - the replacement template
 * @param src - the matched text's source
 * @param match - the match offsets
 * @returns the expansion
 * @example
 * ```ts
 * const re = compileGoRegexp("(a)");
 * expand(re, "<$1>", "a", [0, 1, 0, 1]); // "<a>"
 * ```
 * @category Template
 */
export function expand(re: GoRegexp, template: string, src: string, match: Match): string {
  let out = "";
  let t = template;
  const group = (i: number): string => {
    const a = match[2 * i];
    const b = match[2 * i + 1];
    return a === undefined || b === undefined || a < 0 ? "" : src.slice(a, b);
  };
  for (;;) {
    const k = t.indexOf("$");
    if (k < 0) break;
    out += t.slice(0, k);
    t = t.slice(k + 1);
    if (t.startsWith("$")) {
      out += "$";
      t = t.slice(1);
      continue;
    }
    const e = extract(t);
    if (e === null) {
      out += "$";
      continue;
    }
    t = e.rest;
    if (e.num >= 0) out += group(e.num);
    else {
      const i = re.names.indexOf(e.name);
      if (i > 0) out += group(i);
    }
  }
  return out + t;
}

function replaceAll(re: GoRegexp, src: string, repl: (m: Match) => string): string {
  let out = "";
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length) {
    const a = execAt(re, src, searchPos);
    if (a === null) break;
    const [start = 0, end = 0] = a;
    out += src.slice(lastEnd, start);
    if (end > lastEnd || start === 0) out += repl(a);
    lastEnd = end;
    const w = searchPos < src.length ? width(src, searchPos) : 0;
    if (searchPos + w > end) searchPos += w;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + src.slice(lastEnd);
}

function split(re: GoRegexp, s: string, n: number): string[] | null {
  if (n === 0) return null;
  if (re.source.length > 0 && s.length === 0) return [""];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(re, s, n)) {
    if (n > 0 && out.length === n - 1) break;
    end = m[0] as number;
    if (m[1] !== 0) out.push(s.slice(beg, end));
    beg = m[1] as number;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/**
 * Go's `regexp.QuoteMeta`.
 * @param s - the text
 * @returns the text with regexp metacharacters escaped
 * @example
 * ```ts
 * quoteMeta("1.5+1"); // "1\\.5\\+1"
 * ```
 * @category Template
 */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, (c) => `\\${c}`);
}

/** `regexp.Compile`: Go's error as is. */
function compile(source: string): GoRegexp {
  return compileGoRegexp(source);
}

/** Go's `strconv.CanBackquote`. */
function canBackquote(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[`\u0000-\u0008\u000a-\u001f\u007f\ufeff\ufffd]/.test(s);
}

/** `regexp.MustCompile`: a panic `regexp: Compile(<quoted>): <error>`. */
function mustCompile(source: string): GoRegexp {
  try {
    return compileGoRegexp(source);
  } catch (e) {
    if (e instanceof GoRegexpError) throw new Error(`regexp: Compile(${canBackquote(source) ? `\`${source}\`` : goQuote(source)}): ${e.message}`);
    throw e;
  }
}

const findAllStrings = (re: GoRegexp, s: string, n: bigint): string[] | null => {
  const ms = findAll(re, s, Number(n));
  return ms.length === 0 ? null : ms.map((m) => s.slice(m[0], m[1]));
};
const findString = (re: GoRegexp, s: string): string => {
  const m = execAt(re, s, 0);
  return m === null ? "" : s.slice(m[0], m[1]);
};
const replaceExpand = (re: GoRegexp, s: string, repl: string): string => replaceAll(re, s, (m) => expand(re, repl, s, m));
const replaceLiteral = (re: GoRegexp, s: string, repl: string): string => replaceAll(re, s, () => repl);

/**
 * The regex functions by name.
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_REGEX_FUNCTIONS, "regexMatch"); // true
 * ```
 * @category Template
 */
export const SPRIG_REGEX_FUNCTIONS: FunctionMap = {
  regexMatch: goFunction(["string", "string"], (r: string, s: string) => {
    try {
      return execAt(compile(r), s, 0) !== null;
    } catch (e) {
      if (e instanceof GoRegexpError) return false;
      throw e;
    }
  }),
  mustRegexMatch: goFunction(["string", "string"], (r: string, s: string) => execAt(compile(r), s, 0) !== null),
  regexFindAll: goFunction(["string", "string", "int"], (r: string, s: string, n: bigint) => findAllStrings(mustCompile(r), s, n) ?? []),
  mustRegexFindAll: goFunction(["string", "string", "int"], (r: string, s: string, n: bigint) => findAllStrings(compile(r), s, n) ?? []),
  regexFind: goFunction(["string", "string"], (r: string, s: string) => findString(mustCompile(r), s)),
  mustRegexFind: goFunction(["string", "string"], (r: string, s: string) => findString(compile(r), s)),
  regexReplaceAll: goFunction(["string", "string", "string"], (r: string, s: string, repl: string) => replaceExpand(mustCompile(r), s, repl)),
  mustRegexReplaceAll: goFunction(["string", "string", "string"], (r: string, s: string, repl: string) => replaceExpand(compile(r), s, repl)),
  regexReplaceAllLiteral: goFunction(["string", "string", "string"], (r: string, s: string, repl: string) => replaceLiteral(mustCompile(r), s, repl)),
  mustRegexReplaceAllLiteral: goFunction(["string", "string", "string"], (r: string, s: string, repl: string) => replaceLiteral(compile(r), s, repl)),
  regexSplit: goFunction(["string", "string", "int"], (r: string, s: string, n: bigint) => split(mustCompile(r), s, Number(n)) ?? []),
  mustRegexSplit: goFunction(["string", "string", "int"], (r: string, s: string, n: bigint) => split(compile(r), s, Number(n)) ?? []),
  regexQuoteMeta: goFunction(["string"], quoteMeta),
};
