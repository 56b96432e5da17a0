/**
 * JSON encoding as gojq prints it (`tojson`, `tostring`, string interpolation): sorted object
 * keys, gojq's number format and string escapes.
 *
 * @module
 */
import { type JqObject, formatNumber, getOwn, sortedKeys } from "./values.js";

const SHORT: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f\ud800-\udfff]/;

/**
 * Quotes a string the way gojq's encoder does.
 *
 * @param s - the string
 * @returns the JSON string literal
 */
export function quoteString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const c = ch.charCodeAt(0);
    const short = SHORT[ch];
    if (short !== undefined) out += short;
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
      out += ch + (s[i + 1] as string);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += "\ufffd";
    else out += ch;
  }
  return out + '"';
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Encodes a value as compact JSON in gojq's format.
 *
 * @param v - the value
 * @returns the JSON text
 */
export function encodeJson(v: unknown): string {
  switch (typeof v) {
    case "string":
      return quoteString(v);
    case "number":
    case "bigint":
      return formatNumber(v);
    case "boolean":
      return v ? "true" : "false";
    case "object": {
      if (v === null) return "null";
      if (Array.isArray(v)) {
        let out = "[";
        for (let i = 0; i < v.length; i++) out += (i > 0 ? "," : "") + encodeJson(v[i]);
        return out + "]";
      }
      const obj = v as JqObject;
      let out = "{";
      let first = true;
      for (const k of sortedKeys(obj)) {
        out += (first ? "" : ",") + quoteString(k) + ":" + encodeJson(getOwn(obj, k));
        first = false;
      }
      return out + "}";
    }
    default:
      return "null";
  }
}

/**
 * gojq's short value preview used in error messages: JSON cut to 30 bytes with a `...` marker.
 *
 * @param v - the value
 * @returns e.g. `string ("abc")`, or `null` for null
 */
export function preview(v: unknown): string {
  if (v === null || v === undefined) return "null";
  const type = Array.isArray(v) ? "array" : typeof v === "bigint" ? "number" : typeof v === "object" ? "object" : typeof v;
  let s = encodeJson(v);
  const bytes = new TextEncoder().encode(s);
  if (bytes.length > 30) {
    const trailing = typeof v === "string" ? ' ..."' : Array.isArray(v) ? " ...]" : typeof v === "object" ? " ...}" : "";
    s = new TextDecoder().decode(bytes.slice(0, 30 - trailing.length)).replace(/\ufffd$/, "") + trailing;
  }
  return `${type} (${s})`;
}
