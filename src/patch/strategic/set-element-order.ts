import { invalidPatch } from "../errors.js";
import { getOwn, isJsonObject, setOwn } from "../json.js";
import type { JsonValue, MutableJsonObject } from "../json.js";
import { normalizeElementOrder, partitionMaps, partitionPrimitives } from "./element-order.js";
import { elementKind, sameScalar } from "./kinds.js";
import { mergeList } from "./merge-list.js";
import { fieldOf } from "./schema.js";
import type { StrategicType } from "./schema.js";

/** Prefix of the directive that orders a list: `$setElementOrder/<field>`. */
export const SET_ELEMENT_ORDER = "$setElementOrder";
/** Prefix of the directive that removes scalars from a list: `$deleteFromPrimitiveList/<field>`. */
export const DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

/** The field a `$directive/<field>` key is about. */
export function directiveTarget(key: string, where: string): string {
  const slash = key.indexOf("/");
  if (slash < 0) throw invalidPatch(`${where}: unable to find "/" in directive key "${key}"`);
  return key.slice(slash + 1);
}

/**
 * apimachinery `mergePatchIntoOriginal`: for every `$setElementOrder/<field>`, merges the
 * field's patch list into the live list and orders the result by the directive, then removes the
 * field from the patch so the main loop does not merge it again.
 */
export function applySetElementOrder(out: MutableJsonObject, patch: MutableJsonObject, type: StrategicType | undefined, where: string): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    if (!Array.isArray(order)) throw invalidPatch(`${where}: ${key} must be a list`);
    const name = directiveTarget(key, where);
    const here = `${where}.${name}`;
    const live = listAt(out, name, here);
    const wanted = listAt(patch, name, here);
    const field = fieldOf(type, name);
    const mergeKey = field?.mergeKey ?? "";
    validateOrder(wanted, order, mergeKey, here);
    if (live.length === 0 && wanted.length === 0) continue;
    let merged: readonly JsonValue[];
    if (live.length === 0) merged = wanted;
    else if (wanted.length === 0) merged = live;
    else merged = field?.strategy === "merge" ? mergeList(live, wanted, { mergeKey, type: field.type, isDeleteList: false, where: here }) : wanted;
    const [patchItems, serverOnly] = mergeKey === "" ? partitionPrimitives(merged, order) : partitionMaps(merged, order, mergeKey, here);
    const kind = elementKind([live, wanted], here);
    setOwn(out, name, normalizeElementOrder(patchItems, serverOnly, order, live, mergeKey, kind, here));
    delete patch[name];
  }
}

function listAt(object: MutableJsonObject, name: string, where: string): readonly JsonValue[] {
  const value = getOwn(object, name);
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidPatch(`${where}: expected a list next to $setElementOrder`);
  return value;
}

/** apimachinery `validatePatchWithSetOrderList`: patch items must appear in the order list, in order. */
function validateOrder(wanted: readonly JsonValue[], order: readonly JsonValue[], mergeKey: string, where: string): void {
  if (order.length === 0 || wanted.length === 0) return;
  const items = mergeKey === "" ? wanted : wanted.filter((v) => !(isJsonObject(v) && getOwn(v, "$patch") === "delete"));
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    const item = items[p] as JsonValue;
    if (isJsonObject(item) && Object.hasOwn(item, "$patch")) {
      p++;
      continue;
    }
    if (sameKey(item, order[o] as JsonValue, mergeKey, where)) p++;
    o++;
  }
  if (p < items.length) throw invalidPatch(`${where}: the order of the patch list does not match ${SET_ELEMENT_ORDER}`);
}

function sameKey(left: JsonValue, right: JsonValue, mergeKey: string, where: string): boolean {
  if (mergeKey === "") return sameScalar(left, right);
  if (!isJsonObject(left) || !isJsonObject(right)) throw invalidPatch(`${where}: expected objects in the list and in ${SET_ELEMENT_ORDER}`);
  if (!Object.hasOwn(left, mergeKey) || !Object.hasOwn(right, mergeKey)) throw invalidPatch(`${where}: an element does not contain the merge key "${mergeKey}"`);
  return sameScalar(left[mergeKey], right[mergeKey]);
}
