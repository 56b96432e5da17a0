/**
 * Content types of the four patch types, and whether a patch carries a resource-version
 * precondition.
 *
 * @module
 */
import type { StorePatchType } from "../../store/types.js";

/**
 * The `Content-Type` of each patch type, as the API server expects it.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * PATCH_CONTENT_TYPES.merge; // "application/merge-patch+json"
 * ```
 */
export const PATCH_CONTENT_TYPES: Readonly<Record<StorePatchType, string>> = {
  json: "application/json-patch+json",
  merge: "application/merge-patch+json",
  strategic: "application/strategic-merge-patch+json",
  apply: "application/apply-patch+yaml",
};

/**
 * Whether a patch sets `metadata.resourceVersion` (then a 409 is a real conflict, not retried).
 *
 * @param patchType - the type
 * @param data - the patch
 * @returns whether it carries a precondition
 */
export function patchHasPrecondition(patchType: StorePatchType, data: unknown): boolean {
  if (patchType === "json") {
    return Array.isArray(data) && data.some((op) => typeof op === "object" && op !== null && typeof (op as { path?: unknown }).path === "string" && (op as { path: string }).path.startsWith("/metadata/resourceVersion"));
  }
  const meta = (data as { metadata?: { resourceVersion?: unknown } } | null)?.metadata;
  return typeof meta === "object" && meta !== null && meta.resourceVersion !== undefined && meta.resourceVersion !== null;
}
