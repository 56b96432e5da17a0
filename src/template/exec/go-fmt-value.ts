/**
 * Go's `fmt` printing of template values: `%v` (what `{{.}}` and `print` show) and `%#v`.
 *
 * @module
 */
import { compareCodePoints } from "../../text/code-point-order.js";
import { goQuote } from "../quote.js";
import { GoBytes, GoObject, JsonNumber, MISSING, goTypeName } from "./values.js";

/**
 * Sorted keys of a Go map, as fmt prints them.
 * @param m - a Go map
 * @returns the keys in byte order
 * @example
 * ```ts
 * sortedKeys({ b: 1, a: 2 }); // ["a", "b"]
 * ```
 * @category Template
 */
export function sortedKeys(m: object): string[] {
  return Object.keys(m).sort(compareStrings);
}

/**
 * Byte-wise string order (Go's `<` on strings): the order of the UTF-8 forms, which is code
 * point order, not JS's UTF-16 order (`"\uffff" < "😀"` in Go).
 * @param a - the left operand
 * @param b - the right operand
 * @returns -1, 0 or 1
 * @example
 * ```ts
 * ["b", "a"].sort(compareStrings); // ["a", "b"]
 * ```
 * @category Template
 */
export function compareStrings(a: string, b: string): number {
  return Math.sign(compareCodePoints(a, b));
}

/**
 * Go's `strconv.FormatFloat(f, 'g', -1, 64)` as `%v` prints it (exponent from 1e6 / below 1e-4).
 * @param f - a float64
 * @returns the text %v prints
 * @example
 * ```ts
 * formatFloatV(1e6); // "1e+06"
 * ```
 * @category Template
 */
export function formatFloatV(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mant = "", expText = "0"] = f.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${mant}e${exp < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  return f.toFixed(Math.max(0, mant.replace(/^-/, "").replace(".", "").length - 1 - exp));
}

/**
 * Go's `fmt.Sprint` of one value (`%v`).
 *
 * @param v - a template value
 * @returns the text Go prints
 * @example
 * ```ts
 * formatValue({ b: 1n, a: ["x"] }); // "map[a:[x] b:1]"
 * ```
 * @category Template
 */
export function formatValue(v: unknown): string {
  switch (typeof v) {
    case "string": return v;
    case "boolean": return v ? "true" : "false";
    case "bigint": return v.toString();
    case "number": return formatFloatV(v);
    case "function": return "0x1";
    default:
  }
  if (v === null || v === undefined || v === MISSING) return "<nil>";
  if (v instanceof JsonNumber) return v.text;
  if (v instanceof GoBytes) return `[${Array.from(v.bytes).join(" ")}]`;
  if (v instanceof GoObject) return v.goString();
  if (Array.isArray(v)) return `[${v.map(formatValue).join(" ")}]`;
  const m = v as Record<string, unknown>;
  return `map[${sortedKeys(m).map((k) => `${k}:${formatValue(m[k])}`).join(" ")}]`;
}

/**
 * Go's `%#v` of one value: `"s"`, `5`, `map[string]interface {}{"k":"v"}`, `[]interface {}{"a"}`.
 *
 * @param v - a template value
 * @returns the Go-syntax representation
 * @example
 * ```ts
 * formatGoSyntax("node"); // "\"node\""
 * ```
 * @category Template
 */
export function formatGoSyntax(v: unknown, top = true): string {
  switch (typeof v) {
    case "string": return goQuote(v);
    case "boolean": return v ? "true" : "false";
    case "bigint": return v.toString();
    case "number": return formatFloatV(v);
    default:
  }
  if (v === null || v === undefined || v === MISSING) return top ? "<nil>" : "interface {}(nil)";
  if (v instanceof JsonNumber) return goQuote(v.text);
  if (v instanceof GoBytes) return `[]byte{${Array.from(v.bytes, (b) => `0x${b.toString(16)}`).join(", ")}}`;
  if (Array.isArray(v)) return `[]interface {}{${v.map((e) => formatGoSyntax(e, false)).join(", ")}}`;
  if (typeof v === "function") return `(${goTypeName(v)})(0x1)`;
  if (v instanceof GoObject) return v.goString();
  const m = v as Record<string, unknown>;
  return `map[string]interface {}{${sortedKeys(m).map((k) => `${goQuote(k)}:${formatGoSyntax(m[k], false)}`).join(", ")}}`;
}
