/**
 * Pure, non-mutating patch functions: JSON patch (RFC 6902, evanphx/json-patch v4 semantics),
 * JSON merge patch (RFC 7386) and Kubernetes strategic merge patch.
 *
 * @module
 */
export { applyJsonPatch } from "./json-patch.js";
export type { JsonPatchOperation } from "./json-patch-ops.js";
export { applyMergePatch } from "./merge-patch.js";
export { applyStrategicMergePatch } from "./strategic-merge-patch.js";
export type { StrategicMergePatchOptions } from "./strategic-merge-patch.js";
export { strategicTypeOf } from "./strategic/registry.js";
export type { StrategicField, StrategicType } from "./strategic/schema.js";
export type { JsonObject, JsonValue } from "./json.js";
