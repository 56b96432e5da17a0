import { invalidPatch } from "../errors.js";
import { copyObject, getOwn, isJsonObject, setOwn } from "../json.js";
import type { JsonObject, JsonValue, MutableJsonObject } from "../json.js";
import { discardNullMembers } from "../prune-nulls.js";
import { kindOf } from "./kinds.js";
import { mergeList } from "./merge-list.js";
import { fieldOf } from "./schema.js";
import type { StrategicType } from "./schema.js";
import { applySetElementOrder, directiveTarget, DELETE_FROM_PRIMITIVE_LIST, SET_ELEMENT_ORDER } from "./set-element-order.js";

/**
 * Merges a patch object into a live object (apimachinery `mergeMap` with `MergeParallelList`
 * and `IgnoreUnmatchedNulls`, what the API server and kubectl use). Neither input is mutated.
 */
export function mergeMap(original: JsonObject | null, patch: JsonObject, type: StrategicType | undefined, where: string): JsonObject {
  if (Object.hasOwn(patch, "$patch")) return mapDirective(patch, where);
  const out = copyObject(original ?? {});
  const rest = copyObject(patch);
  applyRetainKeys(out, rest, where);
  applySetElementOrder(out, rest, type, where);
  for (const key of Object.keys(rest)) {
    if (key.startsWith(SET_ELEMENT_ORDER)) continue;
    const isDeleteList = key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    const name = isDeleteList ? directiveTarget(key, where) : key;
    const value = rest[key] as JsonValue;
    if (value === null) {
      delete out[name];
      continue;
    }
    const current = getOwn(out, name);
    if (current === undefined || kindOf(current) !== kindOf(value)) {
      if (!isDeleteList) setOwn(out, name, discardNullMembers(value));
      continue;
    }
    setOwn(out, name, mergeField(current, value, type, name, isDeleteList, `${where}.${name}`));
  }
  return out;
}

function mergeField(current: JsonValue, value: JsonValue, type: StrategicType | undefined, name: string, isDeleteList: boolean, where: string): JsonValue {
  const field = fieldOf(type, name);
  if (Array.isArray(value)) {
    if (field?.strategy !== "merge" && !isDeleteList) return value;
    return mergeList(current as readonly JsonValue[], value, { mergeKey: field?.mergeKey ?? "", type: field?.type, isDeleteList, where });
  }
  if (isJsonObject(value)) {
    if (field?.strategy === "replace") return value;
    return mergeMap(current as JsonObject, value, field?.type, where);
  }
  return value;
}

/** apimachinery `handleDirectiveInMergeMap`: `$patch: replace` takes the patch, `delete` empties. */
function mapDirective(patch: JsonObject, where: string): JsonObject {
  const directive = patch["$patch"];
  if (directive === "replace") {
    const out = copyObject(patch);
    delete out["$patch"];
    return out;
  }
  if (directive === "delete") return {};
  throw invalidPatch(`${where}: unknown patch type: ${JSON.stringify(directive)} in map`);
}

/**
 * apimachinery `applyRetainKeysDirective`: every patch field must be listed, and live fields
 * that are not listed are dropped.
 */
function applyRetainKeys(out: MutableJsonObject, patch: MutableJsonObject, where: string): void {
  if (!Object.hasOwn(patch, "$retainKeys")) return;
  const list = patch["$retainKeys"];
  delete patch["$retainKeys"];
  if (!Array.isArray(list)) throw invalidPatch(`${where}: $retainKeys must be a list`);
  const keep = new Set<JsonValue>(list);
  for (const key of Object.keys(patch)) {
    if (patch[key] === null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(key)) throw invalidPatch(`${where}: field "${key}" is not listed in $retainKeys`);
  }
  for (const key of Object.keys(out)) if (!keep.has(key)) delete out[key];
}
