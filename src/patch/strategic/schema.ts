/**
 * Patch metadata as data: the `patchStrategy` / `patchMergeKey` struct tags of the Kubernetes
 * types strategic merge patch consults, reduced to the fields that carry a tag and the fields
 * leading to them. Fields that are not listed behave like untagged fields: objects merge
 * recursively, lists are replaced as a whole.
 *
 * @module
 */

/**
 * The strategic-merge metadata of one field.
 *
 * @example
 * ```ts
 * const containers: StrategicField = { strategy: "merge", mergeKey: "name", type: CONTAINER };
 * ```
 * @category Patch
 */
export interface StrategicField {
  /** `patchStrategy` without `retainKeys`: `merge` merges a list (by `mergeKey` for objects), `replace` replaces a map. */
  readonly strategy?: "merge" | "replace";
  /** `patchMergeKey`: the member identifying list elements that are objects. */
  readonly mergeKey?: string;
  /** The type of the field (of its elements, for a list; of its values, for a map). */
  readonly type?: StrategicType;
}

/**
 * An object type: its fields that carry, or lead to, patch metadata.
 *
 * @example
 * ```ts
 * const podStatus: StrategicType = { conditions: { strategy: "merge", mergeKey: "type" } };
 * ```
 * @category Patch
 */
export interface StrategicType {
  readonly [field: string]: StrategicField;
}

/** The metadata of a field of a type, if any. */
export function fieldOf(type: StrategicType | undefined, field: string): StrategicField | undefined {
  return type !== undefined && Object.hasOwn(type, field) ? type[field] : undefined;
}

/** A list merged by a key. */
export function mergeBy(mergeKey: string, type?: StrategicType): StrategicField {
  return type === undefined ? { strategy: "merge", mergeKey } : { strategy: "merge", mergeKey, type };
}
