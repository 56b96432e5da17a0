/**
 * Go's `fmt.Sprintf` for template values: the verbs templates use in practice
 * (`%v %s %d %q %t %f %F %e %E %g %G %x %X %o %c %T %%`), widths, precision and flags, and
 * Go's bad-verb (`%!d(string=x)`), missing and extra argument texts.
 *
 * @module
 */
import { goQuote, isPrint } from "../quote.js";
import { formatFloatV, formatGoSyntax, formatValue, sortedKeys } from "./go-fmt-value.js";
import { GoBytes, GoObject, JsonNumber, goTypeName } from "./values.js";

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  zero: boolean;
  space: boolean;
  width: number | undefined;
  prec: number | undefined;
  verb: string;
}

/**
 * Go's `fmt.Sprintf`.
 *
 * @param format - the format string
 * @param args - template values
 * @returns the formatted text
 * @example
 * ```ts
 * goSprintf("%05.1f|%-4s|%d", [3.14159, "ab", 7n]); // "003.1|ab  |7"
 * ```
 * @category Template
 */
export function goSprintf(format: string, args: readonly unknown[]): string {
  let out = "";
  let argNum = 0;
  let reordered = false;
  let i = 0;
  const end = format.length;
  // Go's argNumber: an explicit `[n]` index (one-based) at i.
  const argNumber = (n: number, at: number): { n: number; i: number; found: boolean; good: boolean } => {
    if (at >= end || format[at] !== "[") return { n, i: at, found: false, good: true };
    reordered = true;
    const close = format.indexOf("]", at + 1);
    if (end - at < 3 || close < 0) return { n, i: at + 1, found: false, good: false };
    const digits = format.slice(at + 1, close);
    const ok = /^\d+$/.test(digits) && digits.length < 7;
    const index = ok ? Number(digits) - 1 : -1;
    if (ok && index >= 0 && index < args.length) return { n: index, i: close + 1, found: true, good: true };
    return { n, i: close + 1, found: ok, good: false };
  };
  const parseNum = (at: number): { num: number | undefined; i: number } => {
    let j = at;
    let num = 0;
    while (j < end && format.charCodeAt(j) >= 48 && format.charCodeAt(j) <= 57) {
      if (num > 1e6) return { num: undefined, i: end };
      num = num * 10 + format.charCodeAt(j) - 48;
      j++;
    }
    return { num: j > at ? num : undefined, i: j };
  };
  // Go's intFromArg: a `*` width or precision taken from an integer argument.
  const intFromArg = (): number | undefined => {
    if (argNum >= args.length) return undefined;
    const a = args[argNum++];
    if (typeof a !== "bigint" || a > 1000000n || a < -1000000n) return undefined;
    return Number(a);
  };
  while (i < end) {
    const pct = format.indexOf("%", i);
    if (pct === -1) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, sharp: false, zero: false, space: false, width: undefined, prec: undefined, verb: "" };
    for (; i < end; i++) {
      const c = format[i];
      if (c === "-") {
        spec.minus = true;
        spec.zero = false;
      } else if (c === "+") spec.plus = true;
      else if (c === "#") spec.sharp = true;
      else if (c === "0") spec.zero = !spec.minus;
      else if (c === " ") spec.space = true;
      else break;
    }
    let good = true;
    let r = argNumber(argNum, i);
    argNum = r.n;
    i = r.i;
    good &&= r.good;
    let afterIndex = r.found;
    if (i < end && format[i] === "*") {
      i++;
      const w = intFromArg();
      if (w === undefined) out += "%!(BADWIDTH)";
      else if (w < 0) {
        spec.width = -w;
        spec.minus = true;
        spec.zero = false;
      } else spec.width = w;
      afterIndex = false;
    } else {
      const w = parseNum(i);
      spec.width = w.num;
      i = w.i;
      if (afterIndex && w.num !== undefined) good = false;
    }
    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) good = false;
      r = argNumber(argNum, i);
      argNum = r.n;
      i = r.i;
      good &&= r.good;
      afterIndex = r.found;
      if (i < end && format[i] === "*") {
        i++;
        const p = intFromArg();
        if (p === undefined) out += "%!(BADPREC)";
        spec.prec = p === undefined || p < 0 ? undefined : p;
        afterIndex = false;
      } else {
        const p = parseNum(i);
        spec.prec = p.num ?? 0;
        i = p.i;
      }
    }
    if (!afterIndex) {
      r = argNumber(argNum, i);
      argNum = r.n;
      i = r.i;
      good &&= r.good;
    }
    if (i >= end) {
      out += "%!(NOVERB)";
      break;
    }
    const cp = format.codePointAt(i) as number;
    spec.verb = String.fromCodePoint(cp);
    i += spec.verb.length;
    if (spec.verb === "%") out += "%";
    else if (!good) out += `%!${spec.verb}(BADINDEX)`;
    else if (argNum >= args.length) out += `%!${spec.verb}(MISSING)`;
    else out += formatArg(args[argNum++], spec);
  }
  if (!reordered && argNum < args.length) {
    out += `%!(EXTRA ${args.slice(argNum).map((a) => (a === null ? "<nil>" : `${goTypeName(a)}=${formatValue(a)}`)).join(", ")})`;
  }
  return out;
}

/** Go's padding: spaces, or zeros with the 0 flag (after the sign for numbers; strings are zero-padded too in Go ≤ 1.22). */
function pad(s: string, spec: Spec, numeric = false): string {
  const width = spec.width ?? 0;
  const len = Array.from(s).length;
  if (len >= width) return s;
  if (spec.minus) return s + " ".repeat(width - len);
  if (spec.zero) {
    const sign = numeric && /^[+\- ]/.test(s) ? (s[0] as string) : "";
    return sign + "0".repeat(width - len) + s.slice(sign.length);
  }
  return " ".repeat(width - len) + s;
}

/** Go's `strconv.CanBackquote`. */
function canBackquote(s: string): boolean {
  return !/[\x00-\x08\x0a-\x1f`\x7f\ufeff\ud800-\udfff]/.test(s);
}

/** Go's `strconv.QuoteToASCII`: `goQuote` with every non-ASCII rune escaped. */
function quoteToAscii(s: string): string {
  let out = "";
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    if (r < 0x80) out += goQuote(ch).slice(1, -1);
    else if (r >= 0xd800 && r <= 0xdfff) out += "\\ufffd";
    else out += r < 0x10000 ? `\\u${r.toString(16).padStart(4, "0")}` : `\\U${r.toString(16).padStart(8, "0")}`;
  }
  return `"${out}"`;
}

/** Go's badVerb: `%!verb(type=value)`, the value printed with `%v` and the verb's width, precision and flags. */
function bad(v: unknown, spec: Spec): string {
  if (v === null || v === undefined) return `%!${spec.verb}(<nil>)`;
  return `%!${spec.verb}(${goTypeName(v)}=${formatArg(v, { ...spec, verb: "v", sharp: false })})`;
}

function formatArg(v: unknown, spec: Spec): string {
  const verb = spec.verb;
  if (verb === "T") return pad(v === null ? "<nil>" : goTypeName(v), spec);
  if (verb === "v" && spec.sharp) return pad(formatGoSyntax(v), spec);
  if (v === null || v === undefined) return verb === "v" ? pad("<nil>", spec) : bad(v, spec);
  if (Array.isArray(v)) return pad(`[${v.map((e) => formatArg(e, { ...spec, width: undefined })).join(" ")}]`, spec);
  if (v instanceof GoObject) return verb === "v" || verb === "s" || verb === "q" ? formatString(v.goString(), spec) : bad(v, spec);
  if (typeof v === "object" && !(v instanceof JsonNumber) && !(v instanceof GoBytes)) {
    const m = v as Record<string, unknown>;
    const inner = { ...spec, width: undefined };
    return pad(`map[${sortedKeys(m).map((k) => `${formatArg(k, inner)}:${formatArg(m[k], inner)}`).join(" ")}]`, spec);
  }
  if (typeof v === "string" || v instanceof JsonNumber || v instanceof GoBytes) return formatString(v, spec);
  if (typeof v === "boolean") return verb === "v" || verb === "t" ? pad(String(v), spec) : bad(v, spec);
  if (typeof v === "bigint") return formatInt(v, spec);
  if (typeof v === "number") return formatFloat(v, spec);
  return bad(v, spec);
}

function formatString(v: string | JsonNumber | GoBytes, spec: Spec): string {
  const s = v instanceof GoBytes ? new TextDecoder().decode(v.bytes) : String(v);
  switch (spec.verb) {
    case "v":
      if (v instanceof GoBytes) return pad(formatValue(v), spec);
      return pad(truncate(s, spec.prec), spec);
    case "s": return pad(truncate(s, spec.prec), spec);
    case "q": {
      const t = truncate(s, spec.prec);
      return pad(spec.sharp && canBackquote(t) ? `\`${t}\`` : spec.plus ? quoteToAscii(t) : goQuote(t), spec);
    }
    case "x":
    case "X": {
      const hex = Array.from(new TextEncoder().encode(truncate(s, spec.prec)), (b) => b.toString(16).padStart(2, "0")).join(spec.space ? " " : "");
      return pad(spec.verb === "X" ? hex.toUpperCase() : hex, spec);
    }
    default: return bad(v, spec);
  }
}

function truncate(s: string, prec: number | undefined): string {
  return prec === undefined ? s : Array.from(s).slice(0, prec).join("");
}

function withSign(digits: string, negative: boolean, spec: Spec): string {
  return (negative ? "-" : spec.plus ? "+" : spec.space ? " " : "") + digits;
}

/** Go's fmtInteger: precision (or zero padding to the width) first, then the base prefix, then the sign. */
function formatInt(v: bigint, spec: Spec): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  let digits: string;
  let prefix = "";
  switch (spec.verb) {
    case "v":
    case "d": digits = abs.toString(); break;
    case "x": digits = abs.toString(16); if (spec.sharp) prefix = "0x"; break;
    case "X": digits = abs.toString(16).toUpperCase(); if (spec.sharp) prefix = "0X"; break;
    case "o":
    case "O": digits = abs.toString(8); break;
    case "b": digits = abs.toString(2); if (spec.sharp) prefix = "0b"; break;
    case "c": return pad(String.fromCodePoint(Number(v)), spec);
    case "q": return pad(`'${String.fromCodePoint(Number(v)).replace(/[\\']/g, "\\$&")}'`, spec);
    case "U": {
      const u = `U+${abs.toString(16).toUpperCase().padStart(4, "0")}`;
      return pad(spec.sharp && abs <= 0x10ffffn && isPrint(Number(abs)) ? `${u} '${String.fromCodePoint(Number(abs))}'` : u, spec);
    }
    default: return bad(v, spec);
  }
  let prec = spec.prec;
  if (prec === undefined && spec.zero && spec.width !== undefined && !spec.minus) {
    prec = spec.width - (neg || spec.plus || spec.space ? 1 : 0);
  }
  if (prec === 0 && v === 0n) return pad("", spec);
  if (prec !== undefined) digits = digits.padStart(prec, "0");
  if ((spec.verb === "o" && spec.sharp && !digits.startsWith("0"))) prefix = "0";
  if (spec.verb === "O") prefix = "0o";
  return pad(withSign(prefix + digits, neg, spec), { ...spec, zero: false });
}

function formatFloat(v: number, spec: Spec): string {
  const neg = v < 0 || Object.is(v, -0);
  const abs = Math.abs(v);
  let digits: string;
  if (!Number.isFinite(v)) digits = Number.isNaN(v) ? "NaN" : "Inf";
  else {
    switch (spec.verb) {
      case "v":
      case "g":
      case "G": digits = spec.prec === undefined ? formatFloatV(abs) : formatG(abs, spec.prec); break;
      case "f":
      case "F": digits = toFixedEven(abs, spec.prec ?? 6); break;
      case "e":
      case "E": digits = goExp(toExponentialEven(abs, spec.prec ?? 6)); break;
      default: return bad(v, spec);
    }
    if (spec.verb === "E" || spec.verb === "G") digits = digits.toUpperCase();
  }
  // Go: infinities always carry a sign; NaN only with the + or space flag
  const signed = Number.isNaN(v)
    ? `${spec.plus ? "+" : spec.space ? " " : ""}NaN`
    : Number.isFinite(v)
      ? withSign(digits, neg, spec)
      : `${neg ? "-" : spec.space && !spec.plus ? " " : "+"}Inf`;
  return pad(signed, Number.isFinite(v) ? spec : { ...spec, zero: false }, true);
}

/** Whether the digits dropped by rounding are exactly a half and the kept last digit is even. */
function tieToEven(kept: string, dropped: string): boolean {
  return /^50*$/.test(dropped) && Number(kept.at(-1)) % 2 === 0;
}

/** `toFixed` with Go's round-half-to-even on exact ties (JS rounds ties up). */
function toFixedEven(x: number, f: number): string {
  if (f + 25 > 100) return x.toFixed(f);
  const [ip = "", fp = ""] = x.toFixed(f + 25).split(".");
  const kept = f > 0 ? `${ip}.${fp.slice(0, f)}` : ip;
  return tieToEven(kept.replace(".", ""), fp.slice(f)) ? kept : x.toFixed(f);
}

/** `toExponential` with Go's round-half-to-even on exact ties. */
function toExponentialEven(x: number, p: number): string {
  if (p + 25 > 100) return x.toExponential(p);
  const [mant = "", exp = ""] = x.toExponential(p + 25).split("e");
  const digits = mant.replace(".", "");
  const kept = digits.slice(0, p + 1);
  if (!tieToEven(kept, digits.slice(p + 1))) return x.toExponential(p);
  return `${kept.slice(0, 1)}${p > 0 ? `.${kept.slice(1)}` : ""}e${exp}`;
}

function goExp(s: string): string {
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

function formatG(abs: number, prec: number): string {
  const p = prec === 0 ? 1 : prec;
  const e = abs === 0 ? 0 : Math.floor(Math.log10(Number(abs.toExponential(p - 1))));
  if (e < -4 || e >= p) return goExp(abs.toExponential(p - 1).replace(/\.?0+e/, "e"));
  return abs.toFixed(Math.max(0, p - 1 - e)).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}
