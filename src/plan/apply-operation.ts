/**
 * `applyOperation`: what a planned patch does to an object, computed without a cluster.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from "../patch/index.js";
import type { JsonValue } from "../patch/json.js";
import type { Operation } from "./types.js";

/**
 * Applies a planned operation to an object and returns the new object; the input is never
 * modified. `patch` operations apply with their type (JSON patch with evanphx/json-patch
 * semantics, RFC 7386 merge patch, or strategic merge patch with the patch-merge keys of the
 * core types), and like the API server a `status` subresource patch changes only `.status`
 * while a patch of the main resource leaves `.status` alone. `event` operations do not change
 * the object. `delete` and `apply` concern the cluster, not the object: they are rejected.
 *
 * @param object - the object (a Kubernetes object as JSON data)
 * @param op - a planned operation
 * @returns the patched object
 * @throws StagecraftError `E_PATCH_*` when the patch does not apply (e.g. a JSON patch `remove`
 *   of a missing path, which makes KWOK drop the job), `E_INVALID_VALUE` for `delete`/`apply`
 * @example
 * ```ts
 * const r = plan(pod, lifecycle, { now });
 * let next = pod;
 * if (r.ok && r.plan) for (const op of r.plan.operations) if (op.kind === "patch") next = applyOperation(next, op);
 * ```
 * @category Planner
 */
export function applyOperation<T>(object: T, op: Operation): T {
  switch (op.kind) {
    case "event":
      return object;
    case "delete":
    case "apply":
      throw new StagecraftError(ErrorCode.InvalidValue, `applyOperation changes an object with patch operations; a ${op.kind} operation needs a store`, {
        expected: "a patch or event operation",
        received: op.kind,
      });
    case "patch":
      break;
  }
  const doc = object as unknown as JsonValue;
  const patched = patchWith(doc, op.patchType, op.data as JsonValue);
  return scopeToSubresource(doc, patched, op.subresource) as unknown as T;
}

function patchWith(doc: JsonValue, type: "json" | "merge" | "strategic", data: JsonValue): JsonValue {
  switch (type) {
    case "json":
      return applyJsonPatch(doc, data);
    case "merge":
      return applyMergePatch(doc, data);
    case "strategic": {
      const meta = doc as { apiVersion?: unknown; kind?: unknown } | null;
      return applyStrategicMergePatch(doc, data, {
        apiVersion: typeof meta?.apiVersion === "string" ? meta.apiVersion : "",
        kind: typeof meta?.kind === "string" ? meta.kind : "",
      });
    }
  }
}

function isObject(v: JsonValue): v is { readonly [k: string]: JsonValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The API server's subresource rule: `status` writes only change status; main writes keep status. */
function scopeToSubresource(before: JsonValue, after: JsonValue, subresource: string): JsonValue {
  if (!isObject(before) || !isObject(after)) return after;
  if (subresource === "status") {
    const out: Record<string, JsonValue> = { ...before };
    if (Object.hasOwn(after, "status")) out["status"] = after["status"] as JsonValue;
    else delete out["status"];
    return out;
  }
  if (subresource !== "") return after;
  const out: Record<string, JsonValue> = { ...after };
  if (Object.hasOwn(before, "status")) out["status"] = before["status"] as JsonValue;
  else delete out["status"];
  return out;
}
