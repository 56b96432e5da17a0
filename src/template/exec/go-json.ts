/**
 * Go's `encoding/json.Marshal` of template values (compact, sorted keys, HTML-escaped).
 *
 * @module
 */
import { sortedKeys } from "./go-fmt-value.js";
import { GoBytes, GoObject, JsonNumber, MISSING, goJsonFloat } from "./values.js";

const SHORT: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

/**
 * Encodes a string as Go's `encoding/json` does (with `<`, `>`, `&`, U+2028 and U+2029
 * escaped).
 *
 * @param s - the string
 * @returns the JSON string literal
 * @example
 * ```ts
 * goJsonString("<a>"); // "\"\\u003ca\\u003e\""
 * ```
 * @category Template
 */
export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const c = ch.charCodeAt(0);
    const short = SHORT[ch];
    if (short !== undefined) out += short;
    else if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += "\\ufffd";
    } else out += ch;
  }
  return `${out}"`;
}

/**
 * Go's `json.Marshal` of a template value.
 *
 * @param v - a template value
 * @returns compact JSON
 * @throws Error `json: unsupported value: NaN` for non-finite floats
 * @example
 * ```ts
 * goJsonMarshal({ b: 1n, a: "x" }); // '{"a":"x","b":1}'
 * ```
 * @category Template
 */
export function goJsonMarshal(v: unknown): string {
  switch (typeof v) {
    case "string": return goJsonString(v);
    case "boolean": return v ? "true" : "false";
    case "bigint": return v.toString();
    case "number":
      if (!Number.isFinite(v)) throw new Error(`json: unsupported value: ${Number.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf"}`);
      return goJsonFloat(v);
    case "function": throw new Error("json: unsupported type: func(...interface {}) (interface {}, error)");
    default:
  }
  if (v === null || v === undefined || v === MISSING) return "null";
  if (v instanceof JsonNumber) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v.text)) throw new Error(`json: invalid number literal ${goJsonString(v.text)}`);
    return v.text;
  }
  if (v instanceof GoBytes) return goJsonString(btoa(String.fromCharCode(...v.bytes)));
  if (v instanceof GoObject) return v.goJson();
  if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(",")}]`;
  const m = v as Record<string, unknown>;
  return `{${sortedKeys(m).map((k) => `${goJsonString(k)}:${goJsonMarshal(m[k])}`).join(",")}}`;
}
