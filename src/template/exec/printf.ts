/**
 * Go's `fmt.Sprintf` for template values: the verbs templates use in practice
 * (`%v %s %d %q %t %f %F %e %E %g %G %x %X %o %c %T %%`), widths, precision and flags, and
 * Go's bad-verb (`%!d(string=x)`), missing and extra argument texts.
 *
 * @module
 */
import { goQuote } from "../quote.js";
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
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf("%", i);
    if (pct === -1) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, sharp: false, zero: false, space: false, width: undefined, prec: undefined, verb: "" };
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === "-") spec.minus = true;
      else if (c === "+") spec.plus = true;
      else if (c === "#") spec.sharp = true;
      else if (c === "0") spec.zero = true;
      else if (c === " ") spec.space = true;
      else break;
    }
    const w = /^\d+/.exec(format.slice(i));
    if (w) {
      spec.width = Number(w[0]);
      i += w[0].length;
    }
    if (format[i] === ".") {
      i++;
      const p = /^\d+/.exec(format.slice(i));
      spec.prec = p ? Number(p[0]) : 0;
      if (p) i += p[0].length;
    }
    if (i >= format.length) {
      out += "%!(NOVERB)";
      break;
    }
    const cp = format.codePointAt(i) as number;
    spec.verb = String.fromCodePoint(cp);
    i += spec.verb.length;
    if (spec.verb === "%") {
      out += "%";
      continue;
    }
    if (argi >= args.length) {
      out += `%!${spec.verb}(MISSING)`;
      continue;
    }
    out += formatArg(args[argi++], spec);
  }
  if (argi < args.length) {
    out += `%!(EXTRA ${args.slice(argi).map((a) => (a === null ? "<nil>" : `${goTypeName(a)}=${formatValue(a)}`)).join(", ")})`;
  }
  return out;
}

function pad(s: string, spec: Spec, numeric = false): string {
  const width = spec.width ?? 0;
  const len = Array.from(s).length;
  if (len >= width) return s;
  if (spec.minus) return s + " ".repeat(width - len);
  if (spec.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? (s[0] as string) : "";
    return sign + "0".repeat(width - len) + s.slice(sign.length);
  }
  return " ".repeat(width - len) + s;
}

function bad(v: unknown, verb: string): string {
  return v === null || v === undefined ? `%!${verb}(<nil>)` : `%!${verb}(${goTypeName(v)}=${formatValue(v)})`;
}

function formatArg(v: unknown, spec: Spec): string {
  const verb = spec.verb;
  if (verb === "T") return pad(v === null ? "<nil>" : goTypeName(v), spec);
  if (verb === "v" && spec.sharp) return pad(formatGoSyntax(v), spec);
  if (v === null || v === undefined) return verb === "v" ? pad("<nil>", spec) : bad(v, verb);
  if (Array.isArray(v)) return pad(`[${v.map((e) => formatArg(e, { ...spec, width: undefined })).join(" ")}]`, spec);
  if (v instanceof GoObject) return verb === "v" || verb === "s" || verb === "q" ? formatString(v.goString(), spec) : bad(v, verb);
  if (typeof v === "object" && !(v instanceof JsonNumber) && !(v instanceof GoBytes)) {
    const m = v as Record<string, unknown>;
    const inner = { ...spec, width: undefined };
    return pad(`map[${sortedKeys(m).map((k) => `${formatArg(k, inner)}:${formatArg(m[k], inner)}`).join(" ")}]`, spec);
  }
  if (typeof v === "string" || v instanceof JsonNumber || v instanceof GoBytes) return formatString(v, spec);
  if (typeof v === "boolean") return verb === "v" || verb === "t" ? pad(String(v), spec) : bad(v, verb);
  if (typeof v === "bigint") return formatInt(v, spec);
  if (typeof v === "number") return formatFloat(v, spec);
  return bad(v, verb);
}

function formatString(v: string | JsonNumber | GoBytes, spec: Spec): string {
  const s = v instanceof GoBytes ? new TextDecoder().decode(v.bytes) : String(v);
  switch (spec.verb) {
    case "v":
      if (v instanceof GoBytes) return pad(formatValue(v), spec);
      return pad(truncate(s, spec.prec), spec);
    case "s": return pad(truncate(s, spec.prec), spec);
    case "q": return pad(goQuote(truncate(s, spec.prec)), spec);
    case "x":
    case "X": {
      const hex = Array.from(new TextEncoder().encode(truncate(s, spec.prec)), (b) => b.toString(16).padStart(2, "0")).join(spec.space ? " " : "");
      return pad(spec.verb === "X" ? hex.toUpperCase() : hex, spec);
    }
    default: return v instanceof JsonNumber ? `%!${spec.verb}(json.Number=${s})` : bad(s, spec.verb);
  }
}

function truncate(s: string, prec: number | undefined): string {
  return prec === undefined ? s : Array.from(s).slice(0, prec).join("");
}

function withSign(digits: string, negative: boolean, spec: Spec): string {
  return (negative ? "-" : spec.plus ? "+" : spec.space ? " " : "") + digits;
}

function formatInt(v: bigint, spec: Spec): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  let digits: string;
  switch (spec.verb) {
    case "v":
    case "d": digits = abs.toString(); break;
    case "x": digits = (spec.sharp ? "0x" : "") + abs.toString(16); break;
    case "X": digits = (spec.sharp ? "0X" : "") + abs.toString(16).toUpperCase(); break;
    case "o": digits = (spec.sharp ? "0" : "") + abs.toString(8); break;
    case "b": digits = abs.toString(2); break;
    case "c": return pad(String.fromCodePoint(Number(v)), spec);
    case "q": return pad(`'${String.fromCodePoint(Number(v)).replace(/[\\']/g, "\\$&")}'`, spec);
    case "U": return pad(`U+${abs.toString(16).toUpperCase().padStart(4, "0")}`, spec);
    case "e": case "E": case "f": case "F": case "g": case "G": return bad(v, spec.verb);
    default: return bad(v, spec.verb);
  }
  if (spec.prec !== undefined) digits = digits.padStart(spec.prec, "0");
  return pad(withSign(digits, neg, spec), spec, spec.prec === undefined);
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
      default: return bad(v, spec.verb);
    }
    if (spec.verb === "E" || spec.verb === "G") digits = digits.toUpperCase();
  }
  const signed = Number.isNaN(v) ? (spec.plus ? "+NaN" : "NaN") : withSign(digits, neg, spec);
  return pad(signed, spec, Number.isFinite(v));
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
