/**
 * gojq value semantics: type names, truthiness, ordering, equality, number handling and the
 * value previews used in error messages.
 *
 * Representation: JSON values as plain JS values. Numbers read from the input are `number`
 * (Go float64); integers produced by the program are `bigint` (Go int / big.Int). Objects the
 * program builds have a null prototype so keys such as `__proto__` stay own keys.
 *
 * @module
 */
import { compareCodePoints } from "../../text/code-point-order.js";

/** Any jq value. Kept as `unknown` because inputs come straight from the caller. */
export type Value = unknown;

/** A jq object as seen by the engine (input objects may have a prototype; built ones do not). */
export type JqObject = Record<string, unknown>;

/** Rank of each type in gojq's total order: null < false < true < numbers < strings < arrays < objects. */
function rank(v: Value): number {
  switch (typeof v) {
    case "boolean":
      return v ? 2 : 1;
    case "number":
    case "bigint":
      return 3;
    case "string":
      return 4;
    case "object":
      return v === null ? 0 : Array.isArray(v) ? 5 : 6;
    default:
      return 0; // undefined is treated as null
  }
}

/**
 * The jq type name of a value.
 *
 * @param v - any value
 * @returns `null`, `boolean`, `number`, `string`, `array` or `object`
 */
export function typeOf(v: Value): string {
  switch (typeof v) {
    case "boolean":
      return "boolean";
    case "number":
    case "bigint":
      return "number";
    case "string":
      return "string";
    case "object":
      return v === null ? "null" : Array.isArray(v) ? "array" : "object";
    default:
      return "null";
  }
}

/** True for a jq object (not null, not an array). */
export function isObject(v: Value): v is JqObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** True for a number of either representation. */
export function isNumber(v: Value): v is number | bigint {
  return typeof v === "number" || typeof v === "bigint";
}

/** jq truthiness: everything but `null` and `false` is true. */
export function truthy(v: Value): boolean {
  return v !== null && v !== false && v !== undefined;
}

/** Reads an own key of an object, `null` when absent (never reads the prototype chain). */
export function getOwn(obj: JqObject, key: string): Value {
  if (!Object.hasOwn(obj, key)) return null;
  const v = obj[key];
  return v === undefined ? null : v;
}

/** A fresh object with a null prototype. */
export function newObject(): JqObject {
  return Object.create(null) as JqObject;
}

/** Sets an own data property, also for keys like `__proto__`. */
export function setOwn(obj: JqObject, key: string, value: Value): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/**
 * Compares strings by Unicode code point (Go's byte order on UTF-8).
 *
 * @param a - first string
 * @param b - second string
 * @returns negative, zero or positive
 */
export function compareStrings(a: string, b: string): number {
  return compareCodePoints(a, b);
}

/** Object keys in gojq order (sorted by code point). */
export function sortedKeys(obj: JqObject): string[] {
  return Object.keys(obj).sort(compareStrings);
}

/** Compares two numbers of either representation. */
export function compareNumbers(a: number | bigint, b: number | bigint): number {
  if (typeof a === "number" && Number.isNaN(a)) return typeof b === "number" && Number.isNaN(b) ? 0 : -1;
  if (typeof b === "number" && Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * gojq's total order over values.
 *
 * @param a - left value
 * @param b - right value
 * @returns negative, zero or positive
 */
export function compare(a: Value, b: Value): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 3:
      return compareNumbers(a as number | bigint, b as number | bigint);
    case 4:
      return compareStrings(a as string, b as string);
    case 5: {
      const x = a as Value[];
      const y = b as Value[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compare(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    case 6: {
      const ka = sortedKeys(a as JqObject);
      const kb = sortedKeys(b as JqObject);
      const c = compare(ka, kb);
      if (c !== 0) return c;
      for (const k of ka) {
        const d = compare(getOwn(a as JqObject, k), getOwn(b as JqObject, k));
        if (d !== 0) return d;
      }
      return 0;
    }
    default:
      return 0;
  }
}

/** Deep equality with numeric comparison across representations (`1 == 1.0`). */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === "string" || ta === "boolean" || typeof b === "string") return false;
  return compare(a, b) === 0;
}

/** Converts a float to a Go int the way gojq does (truncation toward zero). */
export function floatToInt(f: number): bigint {
  if (Number.isNaN(f)) return 0n;
  if (f >= 9223372036854775807) return 9223372036854775807n;
  if (f <= -9223372036854775808) return -9223372036854775808n;
  return BigInt(Math.trunc(f));
}

/** Converts a number of either representation to a JS number. */
export function toFloat(v: number | bigint): number {
  return typeof v === "number" ? v : Number(v);
}

/** Formats a number like gojq's encoder (integral floats without `.0`, ±Inf clamped). */
export function formatNumber(v: number | bigint): string {
  if (typeof v === "bigint") return v.toString();
  if (Number.isNaN(v)) return "null";
  if (v === Infinity) return "1.7976931348623157e+308";
  if (v === -Infinity) return "-1.7976931348623157e+308";
  if (Object.is(v, -0)) return "-0";
  return String(v);
}
