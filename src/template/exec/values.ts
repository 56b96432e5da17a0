/**
 * The Go values a template sees, in JavaScript: `bigint` is a Go `int`, `number` a `float64`,
 * {@link JsonNumber} a `json.Number`, plain objects `map[string]interface{}`, arrays
 * `[]interface{}`, `null` a nil interface and {@link MISSING} Go's invalid `reflect.Value`
 * (a missing map key).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../../errors.js";

/**
 * Go's `json.Number`: a number kept as its JSON text. It is a string type in Go, so it prints
 * as its text, is truthy even when `"0"` and only compares equal to strings.
 *
 * @example
 * ```ts
 * new JsonNumber("0").toString(); // "0"
 * ```
 * @category Template
 */
export class JsonNumber {
  /**
   * @param text - the number as written in JSON
   */
  constructor(readonly text: string) {}

  /**
   * Returns the JSON text.
   *
   * @returns the number's text
   * @example
   * ```ts
   * String(new JsonNumber("1.50")); // "1.50"
   * ```
   */
  toString(): string {
    return this.text;
  }
}

/**
 * Go's invalid `reflect.Value`: what a missing map key evaluates to. It prints as
 * `<no value>` and is false.
 *
 * @example
 * ```ts
 * executeTemplate(parseTemplate("{{.x}}"), {}, { functions: {} }); // "<no value>"
 * ```
 * @category Template
 */
export const MISSING: unique symbol = Symbol("stagecraft.template.missing");

/**
 * A Go map as the executor sees it.
 * @example
 * ```ts
 * const m: GoMap = { a: new JsonNumber("1") };
 * ```
 * @category Template
 */
export type GoMap = { readonly [key: string]: unknown };

/**
 * Sets a key of a template map as an own data property, also `__proto__` (a plain assignment
 * would set the map's prototype instead and lose the entry).
 * @param map - the map
 * @param key - the key
 * @param value - the value
 * @example
 * ```ts
 * setMapKey(d, "__proto__", 1); // Object.keys(d) includes "__proto__"
 * ```
 * @category Template
 */
export function setMapKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/**
 * Tells whether a value is a Go map (a plain object that is not a special value).
 * @param v - a template value
 * @returns whether it is a map
 * @example
 * ```ts
 * isGoMap({}); // true
 * ```
 * @category Template
 */
export function isGoMap(v: unknown): v is GoMap {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber) && !(v instanceof GoBytes) && !(v instanceof GoObject);
}

/**
 * A Go value of a named type with methods that some sprig functions return (`time.Time`,
 * `*semver.Version`): it prints through its `String` method, marshals to JSON through its
 * `MarshalJSON` and exposes its niladic methods as fields (`{{ (semver "1.2.3").Major }}`).
 *
 * @example
 * ```ts
 * class Celsius extends GoObject {
 *   readonly goType = "main.Celsius";
 *   readonly goKind = "float64";
 *   constructor(readonly degrees: number) { super(); }
 *   goString(): string { return `${this.degrees}°C`; }
 *   goJson(): string { return String(this.degrees); }
 *   goMethod(): unknown { return undefined; }
 * }
 * ```
 * @category Template
 */
export abstract class GoObject {
  /** Go's type name, as `%T` and `typeOf` print it. */
  abstract readonly goType: string;
  /** Go's `reflect.Kind`, as `kindOf` prints it. */
  abstract readonly goKind: string;
  /**
   * The `String()` method: what `{{ . }}` and `%v` print.
   * @returns the text
   */
  abstract goString(): string;
  /**
   * The `MarshalJSON()` method.
   * @returns the JSON text
   */
  abstract goJson(): string;
  /**
   * Calls a method that takes no argument.
   * @param name - the method name
   * @returns its result, or `undefined` when the type has no such method
   */
  abstract goMethod(name: string): unknown;
}

/**
 * A Go `[]byte` (returned by a few functions; printed as a list of numbers, `%s` as text).
 * @example
 * ```ts
 * new GoBytes(new Uint8Array([104, 105]));
 * ```
 * @category Template
 */
export class GoBytes {
  /** @param bytes - the bytes */
  constructor(readonly bytes: Uint8Array) {}
}

/**
 * KWOK's data conversion (spec §5.1): a JSON round trip with numbers kept as their JSON text
 * (`UseNumber`), so every number becomes a {@link JsonNumber}.
 *
 * @param object - a JSON-compatible value (a Kubernetes object)
 * @returns the value as a template sees it
 * @throws StagecraftError `E_LIMIT_EXCEEDED` for a value nested too deeply for the JavaScript stack
 * @example
 * ```ts
 * toTemplateData({ a: 1 }); // { a: JsonNumber("1") }
 * ```
 * @category Template
 */
export function toTemplateData(object: unknown): unknown {
  let out: unknown;
  try {
    out = convert(object, new Set());
  } catch (error) {
    if (error instanceof RangeError) throw new StagecraftError(ErrorCode.LimitExceeded, `template data nested too deeply for the JavaScript stack (${error.message})`, { cause: error });
    throw error;
  }
  return out === undefined ? null : out;
}

/**
 * One step of {@link toTemplateData}: what `JSON.parse(JSON.stringify(v))` gives, with numbers as
 * {@link JsonNumber}, built directly (no text in between). `undefined` means "left out".
 */
function convert(value: unknown, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? new JsonNumber(goJsonFloat(value === 0 ? 0 : value)) : null;
    case "bigint":
      return new JsonNumber(value.toString());
    case "object":
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return convert((toJSON as () => unknown).call(value), ancestors);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return convert(value.valueOf(), ancestors);
  if (ancestors.has(value)) throw new TypeError("Converting circular structure to JSON");
  ancestors.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    const list: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = convert(value[i], ancestors);
      list[i] = v === undefined ? null : v;
    }
    out = list;
  } else {
    const map: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = convert((value as Record<string, unknown>)[key], ancestors);
      if (v === undefined) continue;
      if (key === "__proto__") Object.defineProperty(map, key, { value: v, enumerable: true, writable: true, configurable: true });
      else map[key] = v;
    }
    out = map;
  }
  ancestors.delete(value);
  return out;
}

/**
 * Go's `encoding/json` text of a float64 (`1e+21`, `0.000001`, `1e-7`).
 * @param n - a float64
 * @returns the JSON number text
 * @example
 * ```ts
 * goJsonFloat(1e21); // "1e+21"
 * ```
 * @category Template
 */
export function goJsonFloat(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return n.toExponential();
  }
  return String(n);
}

/**
 * Go's truthiness for `if`, `with`, `and`, `or` and `not`: false, 0, nil, empty strings,
 * maps and slices (and missing values) are false.
 *
 * @param v - a template value
 * @returns whether Go treats it as true
 * @example
 * ```ts
 * isTrue(new JsonNumber("0")); // true
 * ```
 * @category Template
 */
export function isTrue(v: unknown): boolean {
  if (v === MISSING || v === null || v === undefined) return false;
  switch (typeof v) {
    case "boolean": return v;
    case "string": return v.length > 0;
    case "bigint": return v !== 0n;
    case "number": return v !== 0;
    case "function": return true;
    default:
  }
  if (v instanceof JsonNumber) return v.text.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoBytes) return v.bytes.length > 0;
  if (v instanceof GoObject) return true;
  return Object.keys(v as object).length > 0;
}

/**
 * Go's type name of a value, as `%T` and error messages print it.
 * @param v - a template value
 * @returns Go's type name
 * @example
 * ```ts
 * goTypeName(new JsonNumber("1")); // "json.Number"
 * ```
 * @category Template
 */
export function goTypeName(v: unknown): string {
  if (v === null || v === MISSING || v === undefined) return "<nil>";
  switch (typeof v) {
    case "boolean": return "bool";
    case "string": return "string";
    case "bigint": return "int";
    case "number": return "float64";
    case "function": return "func(...interface {}) (interface {}, error)";
    default:
  }
  if (v instanceof JsonNumber) return "json.Number";
  if (v instanceof GoBytes) return "[]uint8";
  if (v instanceof GoObject) return v.goType;
  if (Array.isArray(v)) return "[]interface {}";
  return "map[string]interface {}";
}
