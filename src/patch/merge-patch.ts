import { invalidPatch, patchConflict, rethrowStackOverflow } from "./errors.js";
import { copyObject, getOwn, isJsonObject, setOwn } from "./json.js";
import type { JsonObject, JsonValue } from "./json.js";
import { pruneNulls } from "./prune-nulls.js";

/**
 * Applies a JSON merge patch (RFC 7386) the way evanphx/json-patch v4's `MergePatch` does — the
 * implementation the Kubernetes API server and KWOK's dry-run use: `null` deletes a member,
 * objects merge recursively, anything else replaces. Like evanphx, a value inserted where the
 * object had nothing, `null` or a non-object also loses its `null` array elements and members
 * (`{}` + `{"a":[1,null]}` gives `{"a":[1]}`), while a non-object replacing an object is taken
 * as is.
 *
 * The inputs are never mutated; unchanged subtrees of `object` are shared with the result.
 *
 * @param object - the document to patch (normally a Kubernetes object)
 * @param patch - the merge patch: an object, or an array (which replaces the document)
 * @returns the patched document
 * @throws {@link StagecraftError} `E_PATCH_INVALID` when the patch is `null` or a scalar,
 *   `E_PATCH_CONFLICT` when the document is `null`
 * @example
 * ```ts
 * applyMergePatch({ status: { phase: "Pending", reason: "x" } }, { status: { phase: "Running", reason: null } });
 * // → { status: { phase: "Running" } }
 * ```
 * @category Patch
 */
export function applyMergePatch(object: JsonValue, patch: JsonValue): JsonValue {
  if (object === null) throw patchConflict("merge patch: the document is null");
  if (patch === null) throw invalidPatch("merge patch: the patch is null");
  try {
    if (isJsonObject(patch)) return isJsonObject(object) ? mergeObjects(object, patch) : pruneNulls(patch);
    if (Array.isArray(patch)) return pruneNulls(patch);
  } catch (error) {
    rethrowStackOverflow(error, "merge patch");
  }
  throw invalidPatch(`merge patch: the patch is a ${typeof patch}, not an object`);
}

function mergeObjects(object: JsonObject, patch: JsonObject): JsonObject {
  const out = copyObject(object);
  for (const key of Object.keys(patch)) {
    const value = patch[key] as JsonValue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const current = getOwn(object, key);
    setOwn(out, key, current === undefined || current === null ? pruneNulls(value) : mergeValue(current, value));
  }
  return out;
}

function mergeValue(current: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(current)) return pruneNulls(patch);
  if (!isJsonObject(patch)) return patch;
  return mergeObjects(current, patch);
}
