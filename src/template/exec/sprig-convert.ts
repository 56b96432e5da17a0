/**
 * Sprig's value conversions (`strval`, `cast.ToInt64`, `cast.ToFloat64`, `empty`).
 *
 * @module
 */
import { formatValue } from "./go-fmt-value.js";
import { GoBytes, JsonNumber, MISSING, isGoMap } from "./values.js";

/**
 * Sprig's `strval`: strings as is, anything else `%v`.
 * @param v - a template value
 * @returns the string
 * @example
 * ```ts
 * strval(new JsonNumber("5")); // "5"
 * ```
 * @category Template
 */
export function strval(v: unknown): string {
  if (typeof v === "string") return v;
  if (v instanceof GoBytes) return new TextDecoder().decode(v.bytes);
  return formatValue(v);
}

function parseGoInt(text: string): bigint | null {
  const s = text.replace(/\.0+$/, "");
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[1-9][0-9_]*|0)$/.exec(s);
  if (m === null) return null;
  let body = (m[2] as string).replace(/_/g, "");
  if (/^0[0-7]/.test(body)) body = `0o${body.slice(1)}`;
  if (/^0[oO]/.test(body)) body = `0o${body.slice(2)}`;
  const n = BigInt(body);
  const v = m[1] === "-" ? -n : n;
  return v >= -(1n << 63n) && v < 1n << 63n ? v : null;
}

/**
 * `cast.ToInt64`: numbers truncated, numeric strings parsed (base prefixes allowed), else 0.
 * @param v - a template value
 * @returns the int64 as a bigint
 * @example
 * ```ts
 * toInt64("0x10"); // 16n
 * ```
 * @category Template
 */
export function toInt64(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "string" || v instanceof JsonNumber) {
    // cast.ToInt64: a json.Number is read as its text, like a string.
    return parseGoInt(String(v)) ?? 0n;
  }
  return 0n;
}

/**
 * `cast.ToFloat64`: numbers, numeric strings, else 0.
 * @param v - a template value
 * @returns the float64
 * @example
 * ```ts
 * toFloat64("1.5"); // 1.5
 * ```
 * @category Template
 */
export function toFloat64(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" || v instanceof JsonNumber) {
    // strconv.ParseFloat, without trimming.
    const text = String(v);
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
    if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
    if (/^nan$/i.test(text)) return Number.NaN;
    return 0;
  }
  return 0;
}

/**
 * Sprig's `empty`: Go's zero values and empty collections.
 * @param v - a template value
 * @returns whether sprig considers it empty
 * @example
 * ```ts
 * isEmpty(new JsonNumber("0")); // false
 * ```
 * @category Template
 */
export function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === MISSING) return true;
  switch (typeof v) {
    case "string": return v.length === 0;
    case "boolean": return !v;
    case "bigint": return v === 0n;
    case "number": return v === 0;
    case "function": return false;
    default:
  }
  if (v instanceof JsonNumber) return v.text.length === 0;
  if (v instanceof GoBytes) return v.bytes.length === 0;
  if (Array.isArray(v)) return v.length === 0;
  return isGoMap(v) && Object.keys(v).length === 0;
}

/**
 * A list argument (`[]interface{}` or `[]string`) as a JS array, or an error.
 * @param v - a template value
 * @param what - the operation, for the error message
 * @returns the elements
 * @example
 * ```ts
 * asList(["a"], "push"); // ["a"]
 * ```
 * @category Template
 */
export function asList(v: unknown, what: string): readonly unknown[] {
  if (Array.isArray(v)) return v;
  throw new Error(`Cannot ${what} on type ${v === null ? "<nil>" : typeof v === "string" ? "string" : "map[string]interface {}"}`);
}
