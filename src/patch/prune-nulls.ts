import { copyObject, isJsonObject, setOwn } from "./json.js";
import type { JsonValue, MutableJsonObject } from "./json.js";

/**
 * Removes `null` members of objects and `null` elements of arrays, at every depth, the way
 * evanphx/json-patch's merge patch prunes a value it inserts (`pruneNulls`). Returns the value
 * itself when it holds no null (subtrees are shared).
 */
export function pruneNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    let out: JsonValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as JsonValue;
      const pruned = item === null ? undefined : pruneNulls(item);
      if (out === undefined && pruned !== item) out = value.slice(0, i) as JsonValue[];
      if (out !== undefined && pruned !== undefined) out.push(pruned);
    }
    return out ?? value;
  }
  if (isJsonObject(value)) {
    let out: MutableJsonObject | undefined;
    for (const key of Object.keys(value)) {
      const item = value[key] as JsonValue;
      if (item === null) {
        out ??= copyObject(value);
        delete out[key];
        continue;
      }
      const pruned = pruneNulls(item);
      if (pruned !== item) {
        out ??= copyObject(value);
        setOwn(out, key, pruned);
      }
    }
    return out ?? value;
  }
  return value;
}

/**
 * Removes `null` members of objects at every depth, keeping `null` array elements: what
 * apimachinery's strategic merge does to a value it inserts (`discardNullValuesFromPatch`).
 */
export function discardNullMembers(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    let out: JsonValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as JsonValue;
      const kept = discardNullMembers(item);
      if (kept !== item) {
        out ??= value.slice();
        out[i] = kept;
      }
    }
    return out ?? value;
  }
  if (isJsonObject(value)) {
    let out: MutableJsonObject | undefined;
    for (const key of Object.keys(value)) {
      const item = value[key] as JsonValue;
      if (item === null) {
        out ??= copyObject(value);
        delete out[key];
        continue;
      }
      const kept = discardNullMembers(item);
      if (kept !== item) {
        out ??= copyObject(value);
        setOwn(out, key, kept);
      }
    }
    return out ?? value;
  }
  return value;
}
