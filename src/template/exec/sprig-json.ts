/**
 * Sprig's JSON functions beyond `toJson`/`fromJson`: `toPrettyJson` (`json.MarshalIndent`
 * with two spaces), `toRawJson` (no HTML escaping) and the `must*` variants that report Go's
 * `encoding/json` errors.
 *
 * @module
 */
import { type FunctionMap, goFunction } from "./function-map.js";
import { goQuote } from "../quote.js";
import { goJsonMarshal } from "./go-json.js";

/**
 * Go's `json.Indent(dst, compact, "", indent)` of compact JSON.
 * @param compact - compact JSON text (as `goJsonMarshal` gives)
 * @param indent - the indent unit
 * @returns the indented JSON
 * @example
 * ```ts
 * indentJson('{"a":[1,2]}', "  "); // '{\n  "a": [\n    1,\n    2\n  ]\n}'
 * ```
 * @category Template
 */
export function indentJson(compact: string, indent: string): string {
  let out = "";
  let depth = 0;
  let inString = false;
  let needIndent = false;
  const newline = (): string => `\n${indent.repeat(depth)}`;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i] as string;
    if (inString) {
      out += c;
      if (c === "\\") out += compact[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (needIndent && c !== "]" && c !== "}") {
      needIndent = false;
      depth++;
      out += newline();
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case "{":
      case "[":
        out += c;
        needIndent = true;
        break;
      case ",":
        out += c + newline();
        break;
      case ":":
        out += ": ";
        break;
      case "}":
      case "]":
        if (needIndent) needIndent = false;
        else {
          depth--;
          out += newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/**
 * Undoes Go's HTML escaping of `<`, `>` and `&` in JSON text (`SetEscapeHTML(false)`).
 * @param json - JSON text from `goJsonMarshal`
 * @returns the JSON with those characters literal
 * @example
 * ```ts
 * unescapeHtml('"\\u003cb\\u003e"'); // '"<b>"'
 * ```
 * @category Template
 */
export function unescapeHtml(json: string): string {
  return json.replace(/(\\+)u00(3c|3e|26)/g, (m: string, slashes: string, code: string) =>
    slashes.length % 2 === 1 ? `${slashes.slice(1)}${String.fromCharCode(Number.parseInt(code, 16))}` : m);
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = goQuote(c);
  return `'${q.slice(1, -1)}'`;
}

/**
 * Go's `json.Unmarshal` syntax error for invalid JSON (the scanner's messages), or null when
 * the text is valid.
 * @param s - the JSON text
 * @returns the error message or null
 * @example
 * ```ts
 * jsonSyntaxError("{"); // "unexpected end of JSON input"
 * ```
 * @category Template
 */
export function jsonSyntaxError(s: string): string | null {
  let i = 0;
  const ws = (): void => {
    while (i < s.length && " \t\r\n".includes(s[i] as string)) i++;
  };
  // At the end of the input Go's scanner is fed a space: inside a literal or a number that is
  // the invalid character, elsewhere the input just ended.
  const fail = (context: string, spaceAtEnd = false): never => {
    if (i >= s.length && !spaceAtEnd) throw new SyntaxError("unexpected end of JSON input");
    throw new SyntaxError(`invalid character ${quoteChar(s[i] ?? " ")} ${context}`);
  };
  const literal = (word: string): void => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (s[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k] as string)})`, true);
    }
    i++;
  };
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= s.length) fail("");
      const c = s[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c < " ") fail("in string literal");
      if (c === "\\") {
        i++;
        const e = s[i];
        if (e === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(s[i] ?? "")) fail("in \\u hexadecimal character escape");
          }
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) fail("in string escape code");
      }
      i++;
    }
  };
  const number = (): void => {
    if (s[i] === "-") {
      i++;
      if (!/[0-9]/.test(s[i] ?? "")) fail("in numeric literal", true);
    }
    if (s[i] === "0") i++;
    else while (/[0-9]/.test(s[i] ?? "")) i++;
    if (s[i] === ".") {
      i++;
      if (!/[0-9]/.test(s[i] ?? "")) fail("after decimal point in numeric literal", true);
      while (/[0-9]/.test(s[i] ?? "")) i++;
    }
    if (s[i] === "e" || s[i] === "E") {
      i++;
      if (s[i] === "+" || s[i] === "-") i++;
      if (!/[0-9]/.test(s[i] ?? "")) fail("in exponent of numeric literal", true);
      while (/[0-9]/.test(s[i] ?? "")) i++;
    }
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === "{") {
      i++;
      ws();
      if (s[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (s[i] !== '"') fail("looking for beginning of object key string");
        string();
        ws();
        if (s[i] !== ":") fail("after object key");
        i++;
        value();
        ws();
        if (s[i] === ",") {
          i++;
          continue;
        }
        if (s[i] === "}") {
          i++;
          return;
        }
        fail("after object key:value pair");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (s[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (s[i] === ",") {
          i++;
          continue;
        }
        if (s[i] === "]") {
          i++;
          return;
        }
        fail("after array element");
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    fail("looking for beginning of value");
  };
  try {
    value();
    ws();
    if (i < s.length) fail("after top-level value");
    return null;
  } catch (e) {
    if (e instanceof SyntaxError) return e.message;
    throw e;
  }
}

function fromJsonValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromJsonValue);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJsonValue(x)]));
  return v;
}

const pretty = (v: unknown): string => indentJson(goJsonMarshal(v), "  ");
const raw = (v: unknown): string => unescapeHtml(goJsonMarshal(v));

/**
 * The JSON functions by name.
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_JSON_FUNCTIONS, "toPrettyJson"); // true
 * ```
 * @category Template
 */
export const SPRIG_JSON_FUNCTIONS: FunctionMap = {
  toPrettyJson: goFunction(["any"], (v: unknown) => {
    try {
      return pretty(v);
    } catch {
      return "";
    }
  }),
  mustToPrettyJson: goFunction(["any"], pretty),
  toRawJson: goFunction(["any"], raw),
  mustToRawJson: goFunction(["any"], raw),
  mustToJson: goFunction(["any"], (v: unknown) => goJsonMarshal(v)),
  mustFromJson: goFunction(["string"], (s: string) => {
    const err = jsonSyntaxError(s);
    if (err !== null) throw new Error(err);
    return fromJsonValue(JSON.parse(s) as unknown);
  }),
};
