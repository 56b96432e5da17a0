/**
 * Go's `encoding/json` `Marshal` output for the data {@link yamlToJson} returns.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { compareCodePoints } from "../text/code-point-order.js";

const HEX = "0123456789abcdef";

function escapeString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 0x22) rep = '\\"';
    else if (c === 0x5c) rep = "\\\\";
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      rep = c === 0x0a ? "\\n" : c === 0x0d ? "\\r" : c === 0x09 ? "\\t" : `\\u${c < 0x100 ? `00${HEX[c >> 4]}${HEX[c & 15]}` : c.toString(16)}`;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = "\\ufffd"; // Go replaces invalid UTF-8 with U+FFFD
    }
    if (rep !== undefined) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return `${out + s.slice(start)}"`;
}

export { compareCodePoints };

/**
 * Formats a float the way Go's `encoding/json` does (`1e+21`, `1e-7`, `-0`).
 *
 * @param n - a finite number
 * @returns the JSON text
 * @throws StagecraftError for NaN and infinities (`json: unsupported value: +Inf`)
 * @example
 * ```ts
 * goJsonNumber(-0); // "-0"
 * ```
 * @category Template
 */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new StagecraftError(ErrorCode.YamlSyntax, `json: unsupported value: ${goInfName(n)}`);
  return Object.is(n, -0) ? "-0" : String(n);
}

function goInfName(n: number): string {
  return Number.isNaN(n) ? "NaN" : n > 0 ? "+Inf" : "-Inf";
}

/**
 * Serialises JSON-like data exactly as Go's `json.Marshal` does: map keys sorted, compact,
 * `<`, `>`, `&`, U+2028 and U+2029 escaped, floats in Go's format, `bigint` integers exact.
 *
 * @param value - data as returned by {@link yamlToJson} (objects, arrays, strings, numbers, bigints, booleans, null)
 * @returns the JSON text
 * @throws StagecraftError for non-finite numbers or unsupported values
 * @example
 * ```ts
 * goJsonStringify({ b: 1, a: "<x>" }); // '{"a":"\u003cx\u003e","b":1}'
 * ```
 * @category Template
 */
export function goJsonStringify(value: unknown): string {
  switch (typeof value) {
    case "string":
      return escapeString(value);
    case "number":
      return goJsonNumber(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) return `[${value.map((v: unknown) => goJsonStringify(v)).join(",")}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort(compareCodePoints);
      return `{${keys.map((k) => `${escapeString(k)}:${goJsonStringify(obj[k])}`).join(",")}}`;
    }
    default:
      throw new StagecraftError(ErrorCode.TypeMismatch, `json: unsupported type: ${typeof value}`);
  }
}
