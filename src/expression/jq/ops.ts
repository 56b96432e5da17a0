/**
 * gojq's value operators: arithmetic with its type rules, indexing, slicing and iteration.
 *
 * @module
 */
import type { BinaryOp } from "./ast.js";
import { fail } from "./errors.js";
import { preview } from "./json.js";
import { type JqObject, type Value, compare, equals, floatToInt, getOwn, isObject, newObject, setOwn, sortedKeys, toFloat } from "./values.js";
import { codePointLength, codePointSlice } from "./strings.js";
import { tick } from "./runtime.js";

type Num = number | bigint;

function isNum(v: Value): v is Num {
  return typeof v === "number" || typeof v === "bigint";
}

function binError(verb: string, l: Value, r: Value): never {
  return fail(`cannot ${verb}: ${preview(l)} and ${preview(r)}`);
}

/** `l + r` with gojq's rules (null is the identity, objects merge shallowly). */
export function add(l: Value, r: Value): Value {
  if (typeof l === "bigint" && typeof r === "bigint") return l + r;
  if (isNum(l) && isNum(r)) return toFloat(l) + toFloat(r);
  if (l === null) return r;
  if (r === null) return l;
  if (typeof l === "string" && typeof r === "string") {
    // JavaScript concatenation is cheap (ropes), the memory is not: charge long results
    if (l.length + r.length > 4096) tick((l.length + r.length) >> 4);
    return l + r;
  }
  if (Array.isArray(l) && Array.isArray(r)) {
    tick(l.length + r.length);
    return l.concat(r);
  }
  if (isObject(l) && isObject(r)) {
    const out = newObject();
    for (const k of Object.keys(l)) setOwn(out, k, getOwn(l, k));
    for (const k of Object.keys(r)) setOwn(out, k, getOwn(r, k));
    return out;
  }
  return binError("add", l, r);
}

/** `l - r`: numbers, or array difference. */
export function subtract(l: Value, r: Value): Value {
  if (typeof l === "bigint" && typeof r === "bigint") return l - r;
  if (isNum(l) && isNum(r)) return toFloat(l) - toFloat(r);
  if (Array.isArray(l) && Array.isArray(r)) {
    tick(l.length * r.length);
    return l.filter((x) => !r.some((y) => equals(x, y)));
  }
  return binError("subtract", l, r);
}

function repeat(s: string, n: Num): Value {
  const f = toFloat(n);
  if (!(f > 0)) return null;
  const count = Math.max(1, Math.floor(f));
  if (count * s.length > 1e8) fail(`repeat string result too long: ${count * s.length}`);
  if (count * s.length > 4096) tick((count * s.length) >> 4);
  return s.repeat(count);
}

function deepMerge(l: JqObject, r: JqObject): JqObject {
  const out = newObject();
  for (const k of Object.keys(l)) setOwn(out, k, getOwn(l, k));
  for (const k of Object.keys(r)) {
    const a = getOwn(out, k);
    const b = getOwn(r, k);
    setOwn(out, k, isObject(a) && isObject(b) ? deepMerge(a, b) : b);
  }
  return out;
}

/** `l * r`: numbers, string repetition, deep object merge. */
export function multiply(l: Value, r: Value): Value {
  if (typeof l === "bigint" && typeof r === "bigint") return l * r;
  if (isNum(l) && isNum(r)) return toFloat(l) * toFloat(r);
  if (typeof l === "string" && isNum(r)) return repeat(l, r);
  if (isNum(l) && typeof r === "string") return repeat(r, l);
  if (isObject(l) && isObject(r)) return deepMerge(l, r);
  return binError("multiply", l, r);
}

/** `l / r`: numbers (exact integer division stays integral), or string split. */
export function divide(l: Value, r: Value): Value {
  if (isNum(l) && isNum(r)) {
    if (toFloat(r) === 0) {
      if (toFloat(l) === 0) return NaN;
      fail(`cannot divide ${preview(l)} by: ${preview(r)}`);
    }
    if (typeof l === "bigint" && typeof r === "bigint" && l % r === 0n) return l / r;
    return toFloat(l) / toFloat(r);
  }
  if (typeof l === "string" && typeof r === "string") return splitString(l, r);
  return binError("divide", l, r);
}

/** `l % r`: both sides truncated to integers. */
export function modulo(l: Value, r: Value): Value {
  if (isNum(l) && isNum(r)) {
    const li = typeof l === "bigint" ? l : floatToInt(l);
    const ri = typeof r === "bigint" ? r : floatToInt(r);
    if (ri === 0n) fail(`cannot modulo ${preview(l)} by: ${preview(r)}`);
    return li % ri;
  }
  return binError("divide", l, r);
}

/** Splits a string on a literal separator (`""` splits into code points). */
export function splitString(s: string, sep: string): string[] {
  if (s === "") return [];
  if (sep === "") return Array.from(s);
  return s.split(sep);
}

/** Unary minus. */
export function negate(v: Value): Value {
  if (typeof v === "bigint") return -v;
  if (typeof v === "number") return -v;
  return fail(`cannot negate: ${preview(v)}`);
}

/** Applies a binary operator. */
export function binary(op: BinaryOp, l: Value, r: Value): Value {
  switch (op) {
    case "+":
      return add(l, r);
    case "-":
      return subtract(l, r);
    case "*":
      return multiply(l, r);
    case "/":
      return divide(l, r);
    case "%":
      return modulo(l, r);
    case "==":
      return equals(l, r);
    case "!=":
      return !equals(l, r);
    case "<":
      return compare(l, r) < 0;
    case "<=":
      return compare(l, r) <= 0;
    case ">":
      return compare(l, r) > 0;
    case ">=":
      return compare(l, r) >= 0;
  }
}

function indexArray(arr: readonly Value[], key: Num): Value {
  let i = typeof key === "bigint" ? key : Math.floor(key);
  if (typeof i === "number" && !Number.isFinite(i)) return null;
  const n = typeof i === "bigint" ? BigInt(arr.length) : arr.length;
  if (i < 0) i = typeof i === "bigint" ? i + (n as bigint) : i + (n as number);
  if (i < 0 || i >= n) return null;
  const v = arr[Number(i)];
  return v === undefined ? null : v;
}

/** Positions where `sub` occurs in `arr` (for `.[array]` and `indices`). */
export function arrayIndices(arr: readonly Value[], sub: readonly Value[]): Value[] {
  const out: Value[] = [];
  if (sub.length === 0) return [];
  for (let i = 0; i + sub.length <= arr.length; i++) {
    let ok = true;
    for (let j = 0; j < sub.length && ok; j++) ok = equals(arr[i + j], sub[j]);
    if (ok) out.push(BigInt(i));
  }
  return out;
}

/** `v[key]` with gojq's rules (null-safe on null, errors on wrong types). */
export function index(v: Value, key: Value): Value {
  if (typeof key === "string") {
    if (isObject(v)) return getOwn(v, key);
    if (v === null) return null;
    return fail(`expected an object but got: ${preview(v)}`);
  }
  if (isNum(key)) {
    if (Array.isArray(v)) return indexArray(v, key);
    if (v === null) return null;
    if (typeof v === "string") {
      const len = codePointLength(v);
      let i = typeof key === "bigint" ? Number(key) : Math.floor(key);
      if (i < 0) i += len;
      return i < 0 || i >= len ? null : codePointSlice(v, i, i + 1);
    }
    return fail(`expected an array but got: ${preview(v)}`);
  }
  if (Array.isArray(key)) {
    if (Array.isArray(v)) return arrayIndices(v, key);
    if (v === null) return null;
    return fail(`expected an array but got: ${preview(v)}`);
  }
  if (isObject(key) && v === null) return null;
  if (Array.isArray(v)) return fail(`expected a number for indexing an array but got: ${preview(key)}`);
  if (isObject(v) || v === null) return fail(`expected a string for object key but got: ${preview(key)}`);
  return fail(`expected an object but got: ${preview(v)}`);
}

function clampIndex(x: Value, len: number, dflt: number): number {
  if (x === null) return dflt;
  if (!isNum(x)) return fail(`expected a number for indexing an array but got: ${preview(x)}`);
  let i = typeof x === "bigint" ? Number(x) : x;
  if (i < 0) i += len;
  i = Math.floor(i);
  return Math.min(Math.max(i, 0), len);
}

/** `v[from:to]` on arrays and strings (code points), null on null. */
export function slice(v: Value, from: Value, to: Value): Value {
  if (v === null) return null;
  if (Array.isArray(v)) {
    const s = clampIndex(from, v.length, 0);
    const e = clampIndex(to, v.length, v.length);
    return e <= s ? [] : v.slice(s, e);
  }
  if (typeof v === "string") {
    const len = codePointLength(v);
    const s = clampIndex(from, len, 0);
    const e = clampIndex(to, len, len);
    return e <= s ? "" : codePointSlice(v, s, e);
  }
  if (isObject(v)) return fail(`expected an array but got: ${preview(v)}`);
  return fail(`expected an array but got: ${preview(v)}`);
}

/** The values `.[]` yields: array elements, or object values in sorted key order. */
export function iterValues(v: Value): readonly Value[] {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return sortedKeys(v).map((k) => getOwn(v, k));
  return fail(`cannot iterate over: ${preview(v)}`);
}
