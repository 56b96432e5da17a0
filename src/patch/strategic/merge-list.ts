import { invalidPatch } from "../errors.js";
import { getOwn, isJsonObject } from "../json.js";
import type { JsonObject, JsonValue } from "../json.js";
import { findByKey, normalizeElementOrder, partitionMaps, partitionPrimitives } from "./element-order.js";
import { elementKind } from "./kinds.js";
import { mergeMap } from "./merge-map.js";
import type { StrategicType } from "./schema.js";

/** What a list merge needs to know about its field. */
export interface ListContext {
  readonly mergeKey: string;
  readonly type: StrategicType | undefined;
  readonly isDeleteList: boolean;
  readonly where: string;
}

/**
 * Merges a patch list into a live list (apimachinery `mergeSlice`): scalars as a set (or removed,
 * for a `$deleteFromPrimitiveList`), objects by merge key with `$patch: delete|replace` elements;
 * then the order is normalized.
 */
export function mergeList(original: readonly JsonValue[], patch: readonly JsonValue[], ctx: ListContext): readonly JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind([original, patch], ctx.where);
  let merged: JsonValue[];
  let live = original;
  let wanted = patch;
  if (kind !== "object") {
    if (ctx.isDeleteList) {
      const remove = new Set(patch);
      return original.filter((v) => !remove.has(v));
    }
    merged = dedupe([...original, ...patch]);
  } else {
    if (ctx.mergeKey === "") throw invalidPatch(`${ctx.where}: cannot merge lists of objects without a merge key`);
    [live, wanted] = applySpecialElements(original, patch, ctx);
    merged = mergeByKey(live, wanted, ctx);
  }
  const [patchItems, serverOnly] = ctx.mergeKey === "" ? partitionPrimitives(merged, wanted) : partitionMaps(merged, wanted, ctx.mergeKey, ctx.where);
  return normalizeElementOrder(patchItems, serverOnly, wanted, live, ctx.mergeKey, kind, ctx.where);
}

function dedupe(list: readonly JsonValue[]): JsonValue[] {
  return [...new Set(list)];
}

/**
 * apimachinery `mergeSliceWithSpecialElements`: `$patch: delete` elements remove the live items
 * with their merge key, `$patch: replace` makes the other patch elements the whole list.
 * Returns the live list and the patch list to merge.
 */
function applySpecialElements(original: readonly JsonValue[], patch: readonly JsonValue[], ctx: ListContext): [readonly JsonValue[], readonly JsonValue[]] {
  const plain: JsonValue[] = [];
  let live = original;
  let replace = false;
  for (const item of patch) {
    const element = item as JsonObject;
    if (!Object.hasOwn(element, "$patch")) {
      plain.push(element);
      continue;
    }
    const directive = element["$patch"];
    if (directive === "delete") {
      if (!Object.hasOwn(element, ctx.mergeKey)) throw invalidPatch(`${ctx.where}: a $patch: delete element does not contain the merge key "${ctx.mergeKey}"`);
      const value = element[ctx.mergeKey] as JsonValue;
      let index: number;
      while ((index = findByKey(live, ctx.mergeKey, value, ctx.where)) >= 0) live = [...live.slice(0, index), ...live.slice(index + 1)];
    } else if (directive === "replace") {
      replace = true;
    } else if (directive === "merge") {
      throw invalidPatch(`${ctx.where}: merging lists cannot yet be specified in the patch`);
    } else {
      throw invalidPatch(`${ctx.where}: unknown patch type: ${JSON.stringify(directive)}`);
    }
  }
  return replace ? [plain, []] : [live, plain];
}

/** apimachinery `mergeSliceWithoutSpecialElements`: merge elements with the same key, append the rest. */
function mergeByKey(original: readonly JsonValue[], patch: readonly JsonValue[], ctx: ListContext): JsonValue[] {
  const out = original.slice();
  for (const item of patch) {
    if (!isJsonObject(item) || !Object.hasOwn(item, ctx.mergeKey)) throw invalidPatch(`${ctx.where}: a patch element does not contain the merge key "${ctx.mergeKey}"`);
    const index = findByKey(out, ctx.mergeKey, getOwn(item, ctx.mergeKey) as JsonValue, ctx.where);
    if (index >= 0) out[index] = mergeMap(out[index] as JsonObject, item, ctx.type, ctx.where);
    else out.push(item);
  }
  return out;
}
