/**
 * Sprig v3.3.0's pure default, list and dict functions.
 *
 * @module
 */
import { type FunctionMap, goFunction } from "./function-map.js";
import { asList, isEmpty, strval, toInt64 } from "./sprig-convert.js";
import { JsonNumber, isGoMap, setMapKey } from "./values.js";

type Dict = Record<string, unknown>;

function dict(...v: unknown[]): Dict {
  const out: Dict = {};
  for (let i = 0; i < v.length; i += 2) setMapKey(out, strval(v[i]), i + 1 < v.length ? v[i + 1] : "");
  return out;
}

function mergeInto(dst: Dict, src: Dict): void {
  for (const [k, v] of Object.entries(src)) {
    const d = dst[k];
    if (!Object.hasOwn(dst, k) || isEmpty(d)) setMapKey(dst, k, v);
    else if (isGoMap(d) && isGoMap(v)) mergeInto(d as Dict, v as Dict);
  }
}

function strslice(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null).map(strval);
  if (v === null) return [];
  return [strval(v)];
}

function reflectKind(v: unknown): string {
  if (typeof v === "string" || v instanceof JsonNumber) return "string";
  if (typeof v === "bigint") return "int";
  if (typeof v === "number") return "float64";
  if (typeof v === "boolean") return "bool";
  return "map";
}

/** Sprig's `slice` (which replaces Go's builtin in KWOK's FuncMap). */
function sprigSlice(list: unknown, ...indices: unknown[]): unknown {
  if (list === null) throw new Error("runtime error: invalid memory address or nil pointer dereference");
  if (!Array.isArray(list)) throw new Error(`list should be type of slice or array but ${reflectKind(list)}`);
  if (list.length === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length < 2 ? list.length : Number(toInt64(indices[1]));
  if (start < 0 || end < start || end > list.length) throw new Error("reflect.Value.Slice: slice index out of bounds");
  return list.slice(start, end);
}

/**
 * The implemented sprig default, list and dict functions.
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_COLLECTION_FUNCTIONS, "dict"); // true
 * ```
 * @category Template
 */
export const SPRIG_COLLECTION_FUNCTIONS: FunctionMap = {
  default: goFunction(["any"], (d: unknown, ...given: unknown[]) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]), "any"),
  empty: goFunction(["any"], isEmpty),
  coalesce: goFunction([], (...v: unknown[]) => v.find((x) => !isEmpty(x)) ?? null, "any"),
  ternary: goFunction(["any", "any", "bool"], (t: unknown, f: unknown, c: boolean) => (c ? t : f)),
  dict: goFunction([], dict, "any"),
  list: goFunction([], (...v: unknown[]) => v, "any"),
  get: goFunction(["map", "string"], (d: Dict | null, k: string) => (d !== null && Object.hasOwn(d, k) ? d[k] : "")),
  set: goFunction(["map", "string", "any"], (d: Dict | null, k: string, v: unknown) => {
    if (d === null) throw new Error("assignment to entry in nil map");
    setMapKey(d, k, v);
    return d;
  }),
  unset: goFunction(["map", "string"], (d: Dict | null, k: string) => {
    if (d !== null) delete d[k];
    return d;
  }),
  hasKey: goFunction(["map", "string"], (d: Dict | null, k: string) => d !== null && Object.hasOwn(d, k)),
  keys: goFunction([], (...ds: (Dict | null)[]) => ds.flatMap((d) => (d === null ? [] : Object.keys(d))), "map"),
  pluck: goFunction(["string"], (k: string, ...ds: (Dict | null)[]) => ds.filter((d): d is Dict => d !== null && Object.hasOwn(d, k)).map((d) => d[k]), "map"),
  merge: goFunction(["map"], (dst: Dict | null, ...srcs: (Dict | null)[]) => {
    const out = dst ?? {};
    for (const s of srcs) if (s !== null) mergeInto(out, s);
    return out;
  }, "map"),
  append: goFunction(["any", "any"], (l: unknown, v: unknown) => [...asList(l, "push"), v]),
  push: goFunction(["any", "any"], (l: unknown, v: unknown) => [...asList(l, "push"), v]),
  prepend: goFunction(["any", "any"], (l: unknown, v: unknown) => [v, ...asList(l, "prepend")]),
  first: goFunction(["any"], (l: unknown) => asList(l, "find first").at(0) ?? null),
  last: goFunction(["any"], (l: unknown) => asList(l, "find last").at(-1) ?? null),
  rest: goFunction(["any"], (l: unknown) => asList(l, "find rest").slice(1)),
  initial: goFunction(["any"], (l: unknown) => asList(l, "find initial").slice(0, -1)),
  reverse: goFunction(["any"], (l: unknown) => [...asList(l, "find reverse")].reverse()),
  join: goFunction(["string", "any"], (sep: string, v: unknown) => strslice(v).join(sep)),
  split: goFunction(["string", "string"], (sep: string, s: string) => Object.fromEntries(s.split(sep).map((p, i) => [`_${i}`, p]))),
  splitList: goFunction(["string", "string"], (sep: string, s: string) => s.split(sep)),
  toStrings: goFunction(["any"], strslice),
  slice: goFunction(["any"], sprigSlice, "any"),
};
