import { invalidPatch } from "../errors.js";
import { getOwn, isJsonObject } from "../json.js";
import type { JsonValue } from "../json.js";
import type { ValueKind } from "./kinds.js";
import { sameScalar } from "./kinds.js";

/**
 * List ordering after a strategic merge (apimachinery `normalizeElementOrder`): the items named
 * by the patch keep the patch's order, the other items keep the live order, and the two are
 * interleaved by the live order where both are known.
 */
export function normalizeElementOrder(
  patchItems: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string,
  kind: ValueKind,
  where: string,
): JsonValue[] {
  const sortedPatch = normalizeSliceOrder(patchItems, patchOrder, mergeKey, kind, where);
  const sortedServer = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind, where);
  return mergeSorted(sortedServer, sortedPatch, serverOrder, mergeKey, kind);
}

/** Position of an item in a list: by merge key value for objects, by value otherwise. */
export function indexIn(list: readonly JsonValue[], item: JsonValue, mergeKey: string, kind: ValueKind): number {
  const valueOf = kind === "object" ? (v: JsonValue) => (isJsonObject(v) ? getOwn(v, mergeKey) ?? null : null) : (v: JsonValue) => v;
  const wanted = valueOf(item);
  return list.findIndex((v) => sameScalar(valueOf(v), wanted));
}

function normalizeSliceOrder(toSort: JsonValue[], order: readonly JsonValue[], mergeKey: string, kind: ValueKind, where: string): JsonValue[] {
  let items = toSort;
  let toDelete: JsonValue[] = [];
  if (kind === "object") {
    for (const item of [...toSort, ...order]) {
      if (!isJsonObject(item) || !Object.hasOwn(item, mergeKey)) throw invalidPatch(`${where}: an element does not contain the merge key "${mergeKey}"`);
    }
    items = toSort.filter((v) => !isDeleteDirective(v));
    toDelete = toSort.filter(isDeleteDirective);
  }
  const position = new Map(items.map((v) => [v, indexIn(order, v, mergeKey, kind)]));
  const rank = (v: JsonValue) => {
    const p = position.get(v) ?? -1;
    return p < 0 ? Number.MAX_SAFE_INTEGER : p;
  };
  return [...items].sort((a, b) => rank(a) - rank(b)).concat(toDelete);
}

function isDeleteDirective(v: JsonValue): boolean {
  return isJsonObject(v) && getOwn(v, "$patch") === "delete";
}

/** apimachinery `mergeSortedSlice`: insert the server-only items among the patch items. */
function mergeSorted(left: readonly JsonValue[], right: readonly JsonValue[], serverOrder: readonly JsonValue[], mergeKey: string, kind: ValueKind): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++] as JsonValue);
    else if (j >= right.length) out.push(left[i++] as JsonValue);
    else {
      const li = indexIn(serverOrder, left[i] as JsonValue, mergeKey, kind);
      const ri = indexIn(serverOrder, right[j] as JsonValue, mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++] as JsonValue);
      else out.push(right[j++] as JsonValue);
    }
  }
  return out;
}

/** Splits maps into those whose merge key appears in `by` and the others. */
export function partitionMaps(list: readonly JsonValue[], by: readonly JsonValue[], mergeKey: string, where: string): [JsonValue[], JsonValue[]] {
  const present: JsonValue[] = [];
  const others: JsonValue[] = [];
  for (const item of list) {
    if (!isJsonObject(item)) throw invalidPatch(`${where}: expected a list of objects`);
    if (!Object.hasOwn(item, mergeKey)) throw invalidPatch(`${where}: an element does not contain the merge key "${mergeKey}"`);
    (findByKey(by, mergeKey, item[mergeKey] as JsonValue, where) >= 0 ? present : others).push(item);
  }
  return [present, others];
}

/** Splits scalars into those that appear in `by` and the others. */
export function partitionPrimitives(list: readonly JsonValue[], by: readonly JsonValue[]): [JsonValue[], JsonValue[]] {
  const set = new Set(by);
  const present: JsonValue[] = [];
  const others: JsonValue[] = [];
  for (const item of list) (set.has(item) ? present : others).push(item);
  return [present, others];
}

/** apimachinery `findMapInSliceBasedOnKeyValue`: the index of the first map whose key equals the value. */
export function findByKey(list: readonly JsonValue[], mergeKey: string, value: JsonValue, where: string): number {
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as JsonValue;
    if (!isJsonObject(item)) throw invalidPatch(`${where}: value at index ${i} is not a map`);
    if (Object.hasOwn(item, mergeKey) && sameScalar(item[mergeKey], value)) return i;
  }
  return -1;
}
