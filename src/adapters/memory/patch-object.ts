/**
 * Applying a patch body to a stored object with the pure patch functions, mapping their errors
 * to the API server's status reasons.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../../errors.js";
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from "../../patch/index.js";
import type { JsonValue } from "../../patch/index.js";
import { StatusReason, StoreError } from "../../store/errors.js";
import type { KubeObject, StorePatchType } from "../../store/types.js";
import { badRequest } from "./store-errors.js";

const TYPES: ReadonlySet<string> = new Set(["json", "merge", "strategic", "apply"]);

/**
 * Checks the patch body's shape for its type.
 *
 * @param patchType - the patch type
 * @param data - the body
 * @throws StoreError `UnsupportedMediaType` for an unknown type, `BadRequest` for a body of the wrong shape
 */
export function checkPatchBody(patchType: StorePatchType, data: unknown): void {
  if (!TYPES.has(patchType)) throw new StoreError(StatusReason.UnsupportedMediaType, `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got patch type ${JSON.stringify(patchType)})`);
  if (patchType === "json") {
    if (!Array.isArray(data)) throw badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    return;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw badRequest(`${patchType} patch: the patch must be a JSON object`);
}

/**
 * Applies a (frozen) patch body to a (frozen) object. `apply` is treated as a strategic merge
 * of the applied configuration.
 *
 * @param object - the stored object
 * @param patchType - the patch type
 * @param data - the body, already checked
 * @returns the patched document (sharing unchanged parts with `object` and `data`)
 * @throws StoreError `BadRequest` for a malformed patch, `Invalid` (422) when a JSON patch does
 *   not apply (missing path, failed `test`)
 */
export function patchObject(object: KubeObject, patchType: StorePatchType, data: unknown): unknown {
  const doc = object as unknown as JsonValue;
  const body = data as JsonValue;
  try {
    switch (patchType) {
      case "json":
        return applyJsonPatch(doc, body);
      case "merge":
        return applyMergePatch(doc, body);
      default:
        return applyStrategicMergePatch(doc, body, { kind: object.kind, apiVersion: object.apiVersion });
    }
  } catch (error) {
    if (error instanceof StagecraftError) {
      if (patchType === "json" && error.code !== ErrorCode.PatchInvalid) throw new StoreError(StatusReason.Invalid, error.message);
      throw badRequest(error.message);
    }
    throw error;
  }
}
