/**
 * Sprig's remaining data-structure functions: `values chunk mustChunk deepCopy mustDeepCopy
 * mergeOverwrite mustMerge mustMergeOverwrite all any typeIsLike push mustPush hello`.
 *
 * @module
 */
import { type FunctionMap, goFunction } from "./function-map.js";
import { SPRIG_COLLECTION_FUNCTIONS } from "./sprig-collections.js";
import { isEmpty } from "./sprig-convert.js";
import { sortedKeys } from "./go-fmt-value.js";
import { GoBytes, GoObject, JsonNumber, goTypeName, isGoMap, setMapKey } from "./values.js";

type Dict = Record<string, unknown>;

/**
 * mergo's `MergeWithOverwrite` of one map into another, as sprig's `mergeOverwrite` uses it:
 * source values replace destination values (nil included), nested maps merge, and a
 * non-empty destination value that is not a map stays when the source value is a map.
 * @param dst - the destination map (modified, as in Go)
 * @param src - the source map
 * @example
 * ```ts
 * const d = { a: 1n, b: { c: 1n } };
 * mergeOverwriteInto(d, { b: { d: 2n } }); // d.b is { c: 1n, d: 2n }
 * ```
 * @category Template
 */
export function mergeOverwriteInto(dst: Dict, src: Dict): void {
  for (const [k, v] of Object.entries(src)) {
    const has = Object.hasOwn(dst, k);
    const d = dst[k];
    if (isGoMap(v) && !(v instanceof GoObject)) {
      if (has && isGoMap(d)) mergeOverwriteInto(d as Dict, v as Dict);
      if (has && !isEmpty(d)) continue;
    }
    setMapKey(dst, k, v);
  }
}

function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (v instanceof GoBytes) return new GoBytes(v.bytes.slice());
  if (isGoMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepCopy(x)]));
  return v;
}

function deepCopyOrPanic(v: unknown): unknown {
  if (v === null) throw new Error("reflect: call of reflect.Value.Type on zero Value");
  return deepCopy(v);
}

function kindName(v: unknown): string {
  if (v === null) return "invalid";
  if (typeof v === "string" || v instanceof JsonNumber) return "string";
  if (typeof v === "bigint") return "int";
  if (typeof v === "number") return "float64";
  if (typeof v === "boolean") return "bool";
  if (v instanceof GoObject) return v.goKind;
  return "map";
}

function chunk(size: bigint, list: unknown): unknown[][] {
  if (list === null) throw new Error("runtime error: invalid memory address or nil pointer dereference");
  const items = Array.isArray(list) ? list : list instanceof GoBytes ? Array.from(list.bytes, BigInt) : null;
  if (items === null) throw new Error(`Cannot chunk type ${kindName(list)}`);
  const n = Number(size);
  const l = items.length;
  const cs = Math.floor((l - 1) / n) + 1;
  if (!Number.isFinite(cs) || cs < 0) throw new Error("runtime error: makeslice: len out of range");
  const out: unknown[][] = [];
  for (let i = 0; i < cs; i++) out.push(items.slice(i * n, i * n + n));
  return out;
}

const mergeOverwrite = (dst: Dict | null, ...srcs: (Dict | null)[]): Dict | null => {
  if (dst === null) {
    // mergo sets a nil destination map to the first non-nil source.
    const first = srcs.find((s): s is Dict => s !== null && Object.keys(s).length > 0);
    return first === undefined ? null : first;
  }
  for (const s of srcs) if (s !== null) mergeOverwriteInto(dst, s);
  return dst;
};

/**
 * The data-structure functions by name.
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_DATA_FUNCTIONS, "chunk"); // true
 * ```
 * @category Template
 */
export const SPRIG_DATA_FUNCTIONS: FunctionMap = {
  hello: goFunction([], () => "Hello!"),
  values: goFunction(["map"], (d: Dict | null) => (d === null ? [] : sortedKeys(d).map((k) => d[k]))),
  chunk: goFunction(["int", "any"], chunk),
  mustChunk: goFunction(["int", "any"], chunk),
  deepCopy: goFunction(["any"], deepCopyOrPanic),
  mustDeepCopy: goFunction(["any"], deepCopyOrPanic),
  mergeOverwrite: goFunction(["map"], mergeOverwrite, "map"),
  mustMergeOverwrite: goFunction(["map"], mergeOverwrite, "map"),
  all: goFunction([], (...v: unknown[]) => v.every((x) => !isEmpty(x)), "any"),
  any: goFunction([], (...v: unknown[]) => v.some((x) => !isEmpty(x)), "any"),
  typeIsLike: goFunction(["string", "any"], (t: string, v: unknown) => {
    const name = v === null ? "<nil>" : goTypeName(v);
    return t === name || `*${t}` === name;
  }),
  ...(SPRIG_COLLECTION_FUNCTIONS["merge"] === undefined ? {} : { mustMerge: SPRIG_COLLECTION_FUNCTIONS["merge"] }),
  ...(SPRIG_COLLECTION_FUNCTIONS["push"] === undefined ? {} : { mustPush: SPRIG_COLLECTION_FUNCTIONS["push"] }),
};
