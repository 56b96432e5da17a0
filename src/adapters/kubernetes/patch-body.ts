/**
 * Whether a patch carries a resource-version precondition.
 *
 * @module
 */
import type { StorePatchType } from "../../store/types.js";

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
