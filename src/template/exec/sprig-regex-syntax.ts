/**
 * Go's `regexp/syntax` (RE2, Perl flags) parsed and translated to an equivalent JavaScript
 * `RegExp` (with the `u` flag). Go's parse errors are reproduced (`missing closing ): ...`);
 * the few RE2 constructs JavaScript cannot express (a case-insensitive character class inside
 * a scoped `(?i:...)`) fail with a clear message.
 *
 * @module
 */

import { goToLower, goToUpper } from "./sprig-go-unicode.js";

/**
 * A compiled Go regular expression.
 * @example
 * ```ts
 * const re: GoRegexp = compileGoRegexp("a(?P<x>b)");
 * ```
 * @category Template
 */
export interface GoRegexp {
  /** The Go source text. */
  readonly source: string;
  /** The JavaScript translation, with the `d`, `g`, `u` (and maybe `i`) flags. */
  readonly js: RegExp;
  /** Capture group names by group number (`""` for unnamed groups; index 0 is the match). */
  readonly names: readonly string[];
}

/**
 * A Go regexp syntax error: `code` is Go's `ErrorCode` text, `expr` the offending part.
 * @example
 * ```ts
 * new GoRegexpError("missing closing )", "(a").message; // "error parsing regexp: missing closing ): `(a`"
 * ```
 * @category Template
 */
export class GoRegexpError extends Error {
  /**
   * @param code - Go's error code text
   * @param expr - the offending part of the expression
   */
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

interface Flags {
  readonly i: boolean;
  readonly m: boolean;
  readonly s: boolean;
  readonly U: boolean;
}

const GO_SPACE_CLASS = "\\t\\n\\f\\r ";
const POSIX: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z", alpha: "A-Za-z", ascii: "\\x00-\\x7f", blank: "\\t ", cntrl: "\\x00-\\x1f\\x7f", digit: "0-9",
  graph: "!-~", lower: "a-z", print: " -~", punct: "!-\\/:-@\\[-`\\{-~", space: "\\t\\n\\v\\f\\r ", upper: "A-Z",
  word: "0-9A-Za-z_", xdigit: "0-9A-Fa-f",
};
const CATEGORIES = new Set("C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" "));
const SYNTAX = new Set(Array.from("\\^$.*+?()[]{}|/"));
const CLASS_SPECIAL = new Set(Array.from("\\]^-["));
const MAX_REPEAT = 1000;

function hexCode(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

function escLiteral(ch: string): string {
  return SYNTAX.has(ch) ? `\\${ch}` : ch;
}

function escClassChar(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  if (cp < 0x20 || cp === 0x7f) return hexCode(cp);
  return CLASS_SPECIAL.has(ch) ? `\\${ch}` : ch;
}

/** A character class as a union of positive JS class bodies and negated ones. */
interface ClassParts {
  pos: string;
  neg: string[];
}

class Parser {
  private pos = 0;
  private readonly cps: string[];
  readonly names: string[] = [""];

  constructor(private readonly src: string, private readonly topI: boolean) {
    this.cps = Array.from(src);
  }

  private untranslatable(what: string): never {
    throw new Error(`stagecraft cannot translate the Go regexp \`${this.src}\` to a JavaScript RegExp: ${what} (set (?i) once, at the start)`);
  }

  private peek(k = 0): string | undefined {
    return this.cps[this.pos + k];
  }

  private rest(from: number): string {
    return this.cps.slice(from).join("");
  }

  private text(from: number, to: number): string {
    return this.cps.slice(from, to).join("");
  }

  parseAll(flags: Flags): string {
    const out = this.parseAlt(flags, 0);
    if (this.pos < this.cps.length) throw new GoRegexpError("unexpected )", this.src);
    return out;
  }

  private parseAlt(flagsIn: Flags, depth: number): string {
    // Flags set by (?flags) hold until the end of the enclosing group, across `|`, as in Go.
    const state = { flags: flagsIn };
    const branches = [this.parseConcat(state, depth)];
    while (this.peek() === "|") {
      this.pos++;
      branches.push(this.parseConcat(state, depth));
    }
    return branches.join("|");
  }

  private parseConcat(state: { flags: Flags }, depth: number): string {
    let flags = state.flags;
    let out = "";
    let last: { text: string; start: number; opStart: number } | null = null;
    const flush = (): void => {
      if (last !== null) out += last.text;
      last = null;
    };
    for (;;) {
      const ch = this.peek();
      if (ch === undefined || ch === "|") break;
      if (ch === ")") {
        if (depth === 0) throw new GoRegexpError("unexpected )", this.src);
        break;
      }
      const start = this.pos;
      if (ch === "*" || ch === "+" || ch === "?" || (ch === "{" && this.repeatSpec() !== null)) {
        const { op, min, max } = this.parseQuantifier();
        const opText = this.text(start, this.pos);
        if (last === null) throw new GoRegexpError("missing argument to repetition operator", opText);
        const prev: { text: string; start: number; opStart: number } = last;
        if (prev.opStart >= 0) throw new GoRegexpError("invalid nested repetition operator", this.text(prev.opStart, this.pos));
        if (min !== undefined && (min > MAX_REPEAT || (max !== undefined && (max > MAX_REPEAT || max < min)))) {
          throw new GoRegexpError("invalid repeat count", opText);
        }
        let lazy = false;
        if (this.peek() === "?") {
          this.pos++;
          lazy = true;
        }
        if (flags.U) lazy = !lazy;
        last = { text: `(?:${prev.text})${op}${lazy ? "?" : ""}`, start: prev.start, opStart: start };
        continue;
      }
      flush();
      if (ch === "(" && this.peek(1) === "?" && this.isFlagGroup()) {
        const r = this.parseFlags(flags);
        if (r.scoped) {
          const inner = this.parseAlt(r.flags, depth + 1);
          if (this.peek() !== ")") throw new GoRegexpError("missing closing )", this.src);
          this.pos++;
          last = { text: `(?:${inner})`, start, opStart: -1 };
        } else {
          flags = r.flags;
          state.flags = flags;
        }
        continue;
      }
      if (ch === "\\" && this.peek(1) === "Q") {
        // \Q...\E is a run of literals: a following repetition applies to the last one only.
        this.pos += 2;
        const end = this.rest(this.pos).indexOf("\\E");
        const lits = end < 0 ? this.cps.slice(this.pos) : Array.from(this.rest(this.pos).slice(0, end));
        this.pos += end < 0 ? lits.length : lits.length + 2;
        const tail = lits.pop();
        out += lits.map((x) => this.literal(x, flags)).join("");
        if (tail !== undefined) last = { text: this.literal(tail, flags), start, opStart: -1 };
        continue;
      }
      last = { text: this.parseAtom(flags, depth), start, opStart: -1 };
    }
    flush();
    return out;
  }

  private isFlagGroup(): boolean {
    const c = this.peek(2);
    return c !== "P" && c !== "<";
  }

  private parseFlags(flags: Flags): { flags: Flags; scoped: boolean } {
    const start = this.pos;
    this.pos += 2;
    const next = { ...flags };
    let negate = false;
    let sawFlag = false;
    for (;;) {
      const c = this.peek();
      if (c === undefined) break;
      this.pos++;
      if (c === "i" || c === "m" || c === "s" || c === "U") {
        next[c] = !negate;
        sawFlag = true;
      } else if (c === "-" && !negate) {
        negate = true;
        sawFlag = false;
      } else if ((c === ":" || c === ")") && (sawFlag || !negate)) {
        if (negate && !sawFlag) break;
        return { flags: next, scoped: c === ":" };
      } else break;
    }
    throw new GoRegexpError("invalid or unsupported Perl syntax", this.text(start, this.pos));
  }

  private repeatSpec(): { min: number; max: number | undefined; len: number } | null {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.rest(this.pos));
    if (m === null) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? undefined : Number(m[3]);
    return { min, max, len: m[0].length };
  }

  private parseQuantifier(): { op: string; min?: number; max?: number } {
    const ch = this.peek() as string;
    if (ch !== "{") {
      this.pos++;
      return { op: ch };
    }
    const spec = this.repeatSpec() as { min: number; max: number | undefined; len: number };
    this.pos += spec.len;
    const op = spec.max === undefined ? `{${spec.min},}` : spec.max === spec.min ? `{${spec.min}}` : `{${spec.min},${spec.max}}`;
    return spec.max === undefined ? { op, min: spec.min } : { op, min: spec.min, max: spec.max };
  }

  private parseAtom(flags: Flags, depth: number): string {
    const start = this.pos;
    const ch = this.peek() as string;
    this.pos++;
    switch (ch) {
      case "(": {
        let name = "";
        if (this.peek() === "?") {
          const named = /^\?P?<([^>]*)>/.exec(this.rest(this.pos));
          if (named === null) {
            const shown = this.text(start, Math.min(this.cps.length, this.pos + 2));
            throw new GoRegexpError("invalid or unsupported Perl syntax", shown);
          }
          name = named[1] as string;
          if (!/^[A-Za-z0-9_]+$/.test(name)) throw new GoRegexpError("invalid named capture", this.text(start, this.pos + Array.from(named[0]).length));
          if (this.names.includes(name)) throw new GoRegexpError("duplicate capture group name", name);
          this.pos += Array.from(named[0]).length;
        }
        this.names.push(name);
        const inner = this.parseAlt(flags, depth + 1);
        if (this.peek() !== ")") throw new GoRegexpError("missing closing )", this.src);
        this.pos++;
        return `(${inner})`;
      }
      case "[": return this.parseClass(flags, start);
      case ".": return flags.s ? "[\\s\\S]" : "[^\\n]";
      case "^": return flags.m ? "(?<![^\\n])" : "(?<![\\s\\S])";
      case "$": return flags.m ? "(?![^\\n])" : "(?![\\s\\S])";
      case "\\": {
        const e = this.parseEscape(flags, start, false);
        if (e.parts !== undefined && flags.i !== this.topI && /\\p\{L[ult]\}/.test(e.atom)) {
          this.untranslatable("a Unicode property whose case sensitivity differs from the start of the expression");
        }
        return e.atom;
      }
      default: return this.literal(ch, flags);
    }
  }

  private literal(ch: string, flags: Flags): string {
    if (this.topI && !flags.i && ch.toLowerCase() !== ch.toUpperCase()) this.untranslatable("a case-sensitive part after (?i)");
    if (flags.i && !this.topI) {
      const cp = ch.codePointAt(0) as number;
      const variants = caseVariants(cp, cp);
      if (variants.length > 0) return `[${escClassChar(ch)}${variants.map((v) => escClassChar(String.fromCodePoint(v))).join("")}]`;
    }
    return escLiteral(ch);
  }

  /** Parses an escape after `\`; returns the atom text, or class parts when in a class. */
  private parseEscape(flags: Flags, start: number, inClass: boolean): { atom: string; parts?: ClassParts; cp?: number } {
    const c = this.peek();
    if (c === undefined) throw new GoRegexpError("trailing backslash at end of expression", "");
    this.pos++;
    const bad = (): never => {
      throw new GoRegexpError("invalid escape sequence", this.text(start, this.pos));
    };
    const lit = (cp: number): { atom: string; cp: number } => ({ atom: this.literal(String.fromCodePoint(cp), flags), cp });
    if (/[1-7]/.test(c) && !/[0-7]/.test(this.peek() ?? "")) bad();
    if (/[0-7]/.test(c)) {
      let v = Number(c);
      for (let k = 0; k < 2 && /[0-7]/.test(this.peek() ?? ""); k++) v = v * 8 + Number(this.cps[this.pos++]);
      return lit(v);
    }
    switch (c) {
      case "a": return lit(7);
      case "f": return lit(12);
      case "t": return lit(9);
      case "n": return lit(10);
      case "r": return lit(13);
      case "v": return lit(11);
      case "x": {
        if (this.peek() === "{") {
          const m = /^\{([0-9A-Fa-f]+)\}/.exec(this.rest(this.pos));
          if (m === null || Number.parseInt(m[1] as string, 16) > 0x10ffff) {
            const close = this.rest(this.pos).indexOf("}");
            this.pos = close < 0 ? this.cps.length : this.pos + close + 1;
            return bad();
          }
          this.pos += m[0].length;
          return lit(Number.parseInt(m[1] as string, 16));
        }
        const m = /^[0-9A-Fa-f]{2}/.exec(this.rest(this.pos));
        if (m === null) {
          this.pos = Math.min(this.cps.length, this.pos + 2);
          return bad();
        }
        this.pos += 2;
        return lit(Number.parseInt(m[0], 16));
      }
      case "d": return { atom: "[0-9]", parts: { pos: "0-9", neg: [] } };
      case "D": return { atom: "[^0-9]", parts: { pos: "", neg: ["0-9"] } };
      case "w": return { atom: "[0-9A-Za-z_]", parts: { pos: "0-9A-Za-z_", neg: [] } };
      case "W": return { atom: "[^0-9A-Za-z_]", parts: { pos: "", neg: ["0-9A-Za-z_"] } };
      case "s": return { atom: `[${GO_SPACE_CLASS}]`, parts: { pos: GO_SPACE_CLASS, neg: [] } };
      case "S": return { atom: `[^${GO_SPACE_CLASS}]`, parts: { pos: "", neg: [GO_SPACE_CLASS] } };
      case "p":
      case "P": {
        let name: string;
        if (this.peek() === "{") {
          const close = this.rest(this.pos).indexOf("}");
          if (close < 0) {
            this.pos = this.cps.length;
            throw new GoRegexpError("missing closing }", this.text(start, this.pos));
          }
          name = this.text(this.pos + 1, this.pos + close);
          this.pos += close + 1;
        } else {
          name = this.peek() ?? "";
          this.pos++;
        }
        let negated = c === "P";
        if (name.startsWith("^")) {
          negated = !negated;
          name = name.slice(1);
        }
        const prop = name === "Any" ? null : CATEGORIES.has(name) ? name : /^[A-Z][A-Za-z_]*$/.test(name) ? `Script=${name}` : undefined;
        if (prop === undefined) throw new GoRegexpError("invalid character class range", this.text(start, this.pos));
        if (prop !== null) {
          try {
            new RegExp(`\\p{${prop}}`, "u");
          } catch {
            throw new GoRegexpError("invalid character class range", this.text(start, this.pos));
          }
        }
        const body = prop === null ? "\\u{0}-\\u{10ffff}" : `\\p{${prop}}`;
        return negated ? { atom: `[^${body}]`, parts: { pos: "", neg: [body] } } : { atom: `[${body}]`, parts: { pos: body, neg: [] } };
      }
      case "b":
        if (inClass) return bad();
        return { atom: "\\b" };
      case "B":
        if (inClass) return bad();
        return { atom: "\\B" };
      case "A":
        if (inClass) return bad();
        return { atom: "(?<![\\s\\S])" };
      case "z":
        if (inClass) return bad();
        return { atom: "(?![\\s\\S])" };
      case "Q": {
        if (inClass) return bad();
        const end = this.rest(this.pos).indexOf("\\E");
        const lits = end < 0 ? this.cps.slice(this.pos) : Array.from(this.rest(this.pos).slice(0, end));
        this.pos += end < 0 ? lits.length : lits.length + 2;
        return { atom: `(?:${lits.map((x) => this.literal(x, flags)).join("")})` };
      }
      default: {
        const cp = c.codePointAt(0) as number;
        if (cp < 0x80 && !/[A-Za-z0-9]/.test(c)) return lit(cp);
        return bad();
      }
    }
  }

  private parseClass(flags: Flags, start: number): string {
    const parts: ClassParts = { pos: "", neg: [] };
    const ranges: [number, number][] = [];
    // Whether escapes or POSIX classes whose case matters were added (\p{Lu}, [:upper:]).
    let casedSets = false;
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.pos++;
    }
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new GoRegexpError("missing closing ]", this.text(start, this.cps.length));
      if (c === "]" && !first) {
        this.pos++;
        break;
      }
      first = false;
      const itemStart = this.pos;
      if (c === "[" && this.peek(1) === ":") {
        const m = /^\[:(\^?)([a-z]*):\]/.exec(this.rest(this.pos));
        if (m !== null) {
          const body = POSIX[m[2] as string];
          if (body === undefined) throw new GoRegexpError("invalid character class range", m[0]);
          this.pos += m[0].length;
          if (m[2] === "upper" || m[2] === "lower") {
            if (flags.i && m[1] !== "^") {
              parts.pos += "A-Za-z";
              continue;
            }
            casedSets = true;
          }
          if (m[1] === "^") parts.neg.push(body);
          else parts.pos += body;
          continue;
        }
      }
      const before = parts.pos.length + parts.neg.length;
      const lo = this.classChar(flags, parts);
      if (lo === null) {
        if (/\\p\{L[ult]\}/.test(parts.pos + parts.neg.join("")) && parts.pos.length + parts.neg.length !== before) casedSets = true;
        continue;
      }
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.pos++;
        const hi = this.classChar(flags, null);
        if (hi === null) throw new GoRegexpError("invalid character class range", this.text(itemStart, this.pos));
        if (hi < lo) throw new GoRegexpError("invalid character class range", this.text(itemStart, this.pos));
        ranges.push([lo, hi]);
        parts.pos += `${escClassChar(String.fromCodePoint(lo))}-${escClassChar(String.fromCodePoint(hi))}`;
      } else {
        ranges.push([lo, lo]);
        parts.pos += escClassChar(String.fromCodePoint(lo));
      }
    }
    if (flags.i !== this.topI) {
      const hasCase = casedSets || ranges.some(([lo, hi]) => hi - lo > 2000 || caseVariants(lo, hi).length > 0);
      if (hasCase && !flags.i) this.untranslatable("a case-sensitive character class after (?i)");
      if (hasCase) {
        if (casedSets || ranges.some(([lo, hi]) => hi - lo > 2000)) this.untranslatable("a case-insensitive Unicode property or large range inside a scoped (?i)");
        for (const [lo, hi] of ranges) parts.pos += caseVariants(lo, hi).map((cp) => escClassChar(String.fromCodePoint(cp))).join("");
      }
    }
    const alts = [...(parts.pos === "" ? [] : [`[${parts.pos}]`]), ...parts.neg.map((n) => `[^${n}]`)];
    if (negated) return alts.length === 0 ? "[\\s\\S]" : `(?:(?!${alts.join("|")})[\\s\\S])`;
    if (alts.length === 0) return "[^\\s\\S]";
    return alts.length === 1 ? (alts[0] as string) : `(?:${alts.join("|")})`;
  }

  /** One class character as a code point, or null when it was a class escape added to parts. */
  private classChar(flags: Flags, parts: ClassParts | null): number | null {
    const start = this.pos;
    const c = this.peek() as string;
    this.pos++;
    if (c !== "\\") return c.codePointAt(0) as number;
    const e = this.parseEscape({ ...flags, i: false }, start, true);
    if (e.cp !== undefined) return e.cp;
    if (parts === null || e.parts === undefined) throw new GoRegexpError("invalid character class range", this.text(start, this.pos));
    parts.pos += e.parts.pos;
    parts.neg.push(...e.parts.neg);
    return null;
  }
}

/** The other-case code points of a range (Go's simple case folding, as far as JavaScript's mappings give it). */
function caseVariants(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let cp = lo; cp <= hi; cp++) {
    const ch = String.fromCodePoint(cp);
    for (const v of [goToUpper(ch), goToLower(ch), ...(FOLDS[ch] ?? [])]) {
      const c = v.codePointAt(0) as number;
      if (c !== cp && (c < lo || c > hi)) out.push(c);
    }
  }
  return out;
}

const FOLDS: Readonly<Record<string, readonly string[]>> = { k: ["\u212a"], K: ["\u212a"], s: ["\u017f"], S: ["\u017f"], "\u00e5": ["\u212b"], "\u00c5": ["\u212b"] };

const CACHE = new Map<string, GoRegexp>();

/**
 * Compiles a Go regular expression (Go's `regexp.Compile`) to JavaScript.
 * @param source - the Go (RE2) expression
 * @returns the translation
 * @throws GoRegexpError with Go's message for invalid syntax; Error for the constructs that
 *   have no JavaScript translation
 * @example
 * ```ts
 * compileGoRegexp("(?i)^a+$").js.test("AAA"); // true
 * ```
 * @category Template
 */
export function compileGoRegexp(source: string): GoRegexp {
  const hit = CACHE.get(source);
  if (hit !== undefined) return hit;
  const topI = /^\(\?[msU]*i[imsU]*\)/.test(source);
  const p = new Parser(source, topI);
  const body = p.parseAll({ i: false, m: false, s: false, U: false });
  const re: GoRegexp = { source, js: new RegExp(body, topI ? "dgui" : "dgu"), names: p.names };
  if (CACHE.size > 500) CACHE.clear();
  CACHE.set(source, re);
  return re;
}
