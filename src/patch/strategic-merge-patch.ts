import { invalidPatch, patchConflict, rethrowStackOverflow } from "./errors.js";
import { isJsonObject } from "./json.js";
import type { JsonObject, JsonValue } from "./json.js";
import { mergeMap } from "./strategic/merge-map.js";
import { ANY_OBJECT } from "./strategic/other-kinds.js";
import { strategicTypeOf } from "./strategic/registry.js";
import type { StrategicType } from "./strategic/schema.js";

/**
 * Options of {@link applyStrategicMergePatch}.
 *
 * @example
 * ```ts
 * const options: StrategicMergePatchOptions = { kind: "Pod", apiVersion: "v1" };
 * ```
 * @category Patch
 */
export interface StrategicMergePatchOptions {
  /** Kind of the object; defaults to the object's own `kind`. */
  readonly kind?: string;
  /** API version of the object; defaults to the object's own `apiVersion`. */
  readonly apiVersion?: string;
  /**
   * Patch metadata to use instead of the built-in table (for kinds stagecraft has no table for,
   * e.g. from an OpenAPI schema).
   */
  readonly schema?: StrategicType;
}

/**
 * Applies a Kubernetes strategic merge patch the way apimachinery's `strategicpatch` does (as the
 * API server and `kubectl patch --type strategic` apply it), using the patch metadata
 * (`patchStrategy`, `patchMergeKey`) of the core types KWOK touches: Pod (containers, volumes,
 * env, ports, `status.conditions` by `type`, `podIPs`/`hostIPs` by `ip`, ...), Node
 * (`status.conditions` and `status.addresses` by `type`, `spec.podCIDRs` as a set) and
 * PersistentVolumeClaim; `metadata.finalizers` merges as a set and `ownerReferences` by `uid` for
 * every kind. Lists without a merge strategy (tolerations, taints, container statuses, images)
 * are replaced whole. The directives `$patch: replace|delete`, `$retainKeys`,
 * `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>` are honoured.
 *
 * Other kinds get the metadata every object shares and nothing else: objects merge, lists are
 * replaced — what apimachinery does with an OpenAPI schema that has no patch metadata, which is
 * how KWOK's generic controller dry-runs a strategic patch (the API server itself refuses
 * strategic merge for custom resources).
 *
 * The inputs are never mutated; unchanged subtrees are shared with the result.
 *
 * @param object - the live object
 * @param patch - the strategic merge patch (an object; `null` changes nothing)
 * @param options - kind and apiVersion (defaulting to the object's), or an explicit schema
 * @returns the patched object
 * @throws {@link StagecraftError} `E_PATCH_INVALID` for malformed directives, lists that
 *   cannot be merged (missing merge keys, mixed element types), or a patch that is not an object;
 *   `E_PATCH_CONFLICT` when the object is not an object
 * @example
 * ```ts
 * const pod = { kind: "Pod", apiVersion: "v1", status: { conditions: [{ type: "Ready", status: "False" }] } };
 * applyStrategicMergePatch(pod, { status: { conditions: [{ type: "Ready", status: "True" }] } });
 * // → status.conditions: [{ type: "Ready", status: "True" }]
 * ```
 * @category Patch
 */
export function applyStrategicMergePatch(object: JsonValue, patch: JsonValue, options: StrategicMergePatchOptions = {}): JsonObject {
  if (!isJsonObject(object)) throw patchConflict("strategic merge patch: the document is not an object");
  if (patch === null) return object;
  if (!isJsonObject(patch)) throw invalidPatch("strategic merge patch: the patch is not an object");
  try {
    return mergeMap(object, patch, options.schema ?? schemaFor(object, options), "");
  } catch (error) {
    return rethrowStackOverflow(error, "strategic merge patch");
  }
}

function schemaFor(object: JsonObject, options: StrategicMergePatchOptions): StrategicType {
  const kind = options.kind ?? object["kind"];
  const apiVersion = options.apiVersion ?? object["apiVersion"];
  if (typeof kind !== "string" || typeof apiVersion !== "string") return ANY_OBJECT;
  return strategicTypeOf(kind, apiVersion) ?? ANY_OBJECT;
}
