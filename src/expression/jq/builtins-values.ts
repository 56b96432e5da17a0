/**
 * Builtins that map one input value (and argument values) to one output value.
 *
 * @module
 */
import { fail } from "./errors.js";
import { encodeJson, preview, quoteString } from "./json.js";
import { add, arrayIndices, index, iterValues, splitString } from "./ops.js";
import { codePointIndex, codePointLength } from "./strings.js";
import { tick } from "./runtime.js";
import { type JqObject, type Value, compare, equals, getOwn, isNumber, isObject, newObject, setOwn, sortedKeys, truthy, typeOf } from "./values.js";

/** Error `NAME cannot be applied to: PREVIEW`. */
export function cannotApply(name: string, v: Value): never {
  return fail(`${name} cannot be applied to: ${preview(v)}`);
}

function length(v: Value): Value {
  if (v === null || v === undefined) return 0n;
  if (typeof v === "bigint") return v < 0n ? -v : v;
  if (typeof v === "number") return Math.abs(v);
  if (typeof v === "string") return BigInt(codePointLength(v));
  if (Array.isArray(v)) return BigInt(v.length);
  if (isObject(v)) return BigInt(Object.keys(v).length);
  return cannotApply("length", v);
}

function keys(v: Value): Value {
  if (isObject(v)) return sortedKeys(v);
  if (Array.isArray(v)) return v.map((_, n) => BigInt(n));
  return cannotApply("keys", v);
}

function toNumber(v: Value): Value {
  if (isNumber(v)) return v;
  if (typeof v !== "string") return cannotApply("tonumber", v);
  if (/^[+-]?[0-9]+$/.test(v)) return BigInt(v);
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(v)) fail(`invalid number: ${quoteString(v)}`);
  return Number(v);
}

function toStringValue(v: Value): Value {
  return typeof v === "string" ? v : encodeJson(v);
}

function fromJson(v: Value): Value {
  if (typeof v !== "string") return cannotApply("fromjson", v);
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    return cannotApply("fromjson", v);
  }
  return parsed;
}

function addAll(v: Value): Value {
  if (v === null || (!Array.isArray(v) && !isObject(v))) return cannotApply("add", v);
  let acc: Value = null;
  for (const x of iterValues(v)) acc = add(acc, x);
  return acc;
}

function asciiCase(name: string, upper: boolean): (v: Value) => Value {
  return (v) => {
    if (typeof v !== "string") return cannotApply(name, v);
    return v.replace(upper ? /[a-z]+/g : /[A-Z]+/g, (m) => (upper ? m.toUpperCase() : m.toLowerCase()));
  };
}

function toEntries(v: Value): Value {
  if (isObject(v)) return sortedKeys(v).map((k) => entry(k, getOwn(v, k)));
  if (Array.isArray(v)) return v.map((x, n) => entry(BigInt(n), x === undefined ? null : x));
  return cannotApply("to_entries", v);
}

function entry(key: Value, value: Value): JqObject {
  const o = newObject();
  o["key"] = key;
  o["value"] = value;
  return o;
}

function fromEntries(v: Value): Value {
  if (!Array.isArray(v)) return cannotApply("from_entries", v);
  const out = newObject();
  for (const e of v as Value[]) {
    if (!isObject(e)) return cannotApply("from_entries", e);
    let key: Value = null;
    for (const k of ["key", "Key", "name", "Name"]) {
      const c = getOwn(e, k);
      if (truthy(c)) {
        key = c;
        break;
      }
    }
    if (typeof key !== "string") fail(`expected a string for object key but got: ${preview(key)}`);
    setOwn(out, key, Object.hasOwn(e, "value") ? getOwn(e, "value") : getOwn(e, "Value"));
  }
  return out;
}

function math(name: string, f: (x: number) => number): (v: Value) => Value {
  return (v) => (isNumber(v) ? f(Number(v)) : cannotApply(name, v));
}

function round(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function sortArray(name: string): (v: Value) => Value {
  return (v) => (Array.isArray(v) ? [...(v as Value[])].sort(compare) : cannotApply(name, v));
}

function unique(v: Value): Value {
  if (!Array.isArray(v)) return cannotApply("unique", v);
  const sorted = [...(v as Value[])].sort(compare);
  return sorted.filter((x, n) => n === 0 || compare(sorted[n - 1], x) !== 0);
}

function minMax(name: string, max: boolean): (v: Value) => Value {
  return (v) => {
    if (!Array.isArray(v)) return cannotApply(name, v);
    let best: Value = null;
    (v as Value[]).forEach((x, n) => {
      const c = n === 0 ? 0 : compare(x, best);
      if (n === 0 || (max ? c >= 0 : c < 0)) best = x;
    });
    return best;
  };
}

function reverse(v: Value): Value {
  return Array.isArray(v) ? [...(v as Value[])].reverse() : cannotApply("reverse", v);
}

/** Flattens an array to `depth` levels. */
export function flatten(v: Value, depth: Value): Value {
  if (!isNumber(depth)) return cannotApply("flatten", depth);
  if (depth < 0) fail(`flatten depth must not be negative: ${preview(depth)}`);
  if (!Array.isArray(v) && !isObject(v)) return cannotApply("flatten", v);
  const out: Value[] = [];
  const walk = (arr: readonly Value[], d: number): void => {
    for (const x of arr) {
      if (Array.isArray(x) && d > 0) walk(x, d - 1);
      else out.push(x);
    }
    tick(arr.length);
  };
  walk(iterValues(v), Number(depth));
  return out;
}

function explode(v: Value): Value {
  if (typeof v !== "string") return cannotApply("explode", v);
  return Array.from(v, (c) => BigInt(c.codePointAt(0) as number));
}

function utf8ByteLength(v: Value): Value {
  return typeof v === "string" ? BigInt(new TextEncoder().encode(v).length) : cannotApply("utf8bytelength", v);
}

/** Zero-argument value builtins, keyed by name. */
export const VALUE0: Readonly<Record<string, (v: Value) => Value>> = {
  length,
  utf8bytelength: utf8ByteLength,
  keys,
  type: typeOf,
  not: (v) => !truthy(v),
  tostring: toStringValue,
  tonumber: toNumber,
  tojson: encodeJson,
  fromjson: fromJson,
  add: addAll,
  ascii_downcase: asciiCase("ascii_downcase", false),
  ascii_upcase: asciiCase("ascii_upcase", true),
  to_entries: toEntries,
  from_entries: fromEntries,
  floor: math("floor", Math.floor),
  ceil: math("ceil", Math.ceil),
  round: math("round", round),
  trunc: math("trunc", Math.trunc),
  fabs: math("fabs", Math.abs),
  sqrt: math("sqrt", Math.sqrt),
  sort: sortArray("sort"),
  unique,
  min: minMax("min", false),
  max: minMax("max", true),
  reverse,
  flatten: (v) => flatten(v, 1e9),
  explode,
  first: (v) => index(v, 0n),
  last: (v) => index(v, -1n),
  isnan: (v) => (isNumber(v) ? typeof v === "number" && Number.isNaN(v) : cannotApply("isnan", v)),
  isinfinite: (v) => (isNumber(v) ? typeof v === "number" && (v === Infinity || v === -Infinity) : cannotApply("isinfinite", v)),
  infinite: () => Infinity,
  nan: () => NaN,
  null: () => null,
  true: () => true,
  false: () => false,
};

function hasKey(v: Value, k: Value): Value {
  if (isObject(v) && typeof k === "string") return Object.hasOwn(v, k);
  if (Array.isArray(v) && isNumber(k)) return k >= 0 && k < v.length;
  if (v === null && (typeof k === "string" || isNumber(k))) return false;
  return fail(`cannot check whether ${preview(v)} has a key: ${preview(k)}`);
}

/** `a contains b` with gojq's rules. */
export function contains(a: Value, b: Value): boolean {
  if (typeOf(a) !== typeOf(b)) fail(`cannot check contains(${encodeJson(b)}): ${preview(a)}`);
  if (typeof a === "string") return a.includes(b as string);
  if (Array.isArray(a)) return (b as Value[]).every((y) => a.some((x) => typeOf(x) === typeOf(y) && contains(x, y)));
  if (isObject(a)) {
    const o = b as JqObject;
    return Object.keys(o).every((k) => Object.hasOwn(a, k) && typeOf(getOwn(a, k)) === typeOf(getOwn(o, k)) && contains(getOwn(a, k), getOwn(o, k)));
  }
  return equals(a, b);
}

function strArg(name: string, v: Value, s: Value): [string, string] {
  if (typeof v !== "string") return cannotApply(name, v);
  if (typeof s !== "string") return cannotApply(name, s);
  return [v, s];
}

function join(v: Value, sep: Value): Value {
  if (!Array.isArray(v)) return cannotApply("join", v);
  const arr = v as Value[];
  if (arr.length === 0) return "";
  if (typeof sep !== "string" && arr.length > 1) return cannotApply("join", sep);
  let out = "";
  arr.forEach((x, n) => {
    if (n > 0) out += sep as string;
    if (x === null || x === undefined) return;
    if (typeof x === "string") out += x;
    else if (isNumber(x) || typeof x === "boolean") out += encodeJson(x);
    else fail(`cannot join: ${preview(x)}`);
  });
  return out;
}

function indices(v: Value, x: Value): Value {
  if (v === null) return null;
  if (typeof v === "string") {
    if (typeof x !== "string") return fail(`expected a string but got: ${preview(x)}`);
    if (x === "") return null;
    const out: Value[] = [];
    for (let p = v.indexOf(x); p >= 0; p = v.indexOf(x, p + 1)) out.push(BigInt(codePointIndex(v, p)));
    return out;
  }
  if (!Array.isArray(v)) return fail(`expected an array but got: ${preview(v)}`);
  return arrayIndices(v, Array.isArray(x) ? x : [x]);
}

function firstIndex(last: boolean): (v: Value, x: Value) => Value {
  return (v, x) => {
    const all = indices(v, x);
    if (!Array.isArray(all)) return all;
    if (all.length === 0) return null;
    return last ? all[all.length - 1] : all[0];
  };
}

/** One-argument value builtins (arguments are evaluated against the input), keyed by name. */
export const VALUE1: Readonly<Record<string, (v: Value, a: Value) => Value>> = {
  has: hasKey,
  in: (v, a) => hasKey(a, v),
  contains,
  inside: (v, a) => contains(a, v),
  startswith: (v, a) => {
    const [s, p] = strArg("startswith", v, a);
    return s.startsWith(p);
  },
  endswith: (v, a) => {
    const [s, p] = strArg("endswith", v, a);
    return s.endsWith(p);
  },
  ltrimstr: (v, a) => (typeof v === "string" && typeof a === "string" && v.startsWith(a) ? v.slice(a.length) : v),
  rtrimstr: (v, a) => (typeof v === "string" && typeof a === "string" && v.endsWith(a) && a !== "" ? v.slice(0, v.length - a.length) : v),
  split: (v, a) => {
    const [s, sep] = strArg("split", v, a);
    return splitString(s, sep);
  },
  join,
  flatten,
  indices: (v, x) => {
    const r = indices(v, x);
    return r === null && typeof v === "string" ? [] : r;
  },
  index: firstIndex(false),
  rindex: firstIndex(true),
  nth: (v, n) => index(v, n),
};
