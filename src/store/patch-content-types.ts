/**
 * The media type of each patch type: what the API server expects in `Content-Type`, shared by
 * the Kubernetes adapter (sending) and the HTTP front (receiving).
 *
 * @module
 */
import type { StorePatchType } from "./types.js";

/**
 * The `Content-Type` of each patch type, as the API server expects it.
 *
 * @category Store
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
