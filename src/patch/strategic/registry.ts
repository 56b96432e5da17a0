import { NODE } from "./node.js";
import { PERSISTENT_VOLUME_CLAIM } from "./other-kinds.js";
import { POD } from "./pod.js";
import type { StrategicType } from "./schema.js";

/** The types with patch metadata, by `apiVersion/kind`. */
const TYPES: ReadonlyMap<string, StrategicType> = new Map([
  ["v1/Pod", POD],
  ["v1/Node", NODE],
  ["v1/PersistentVolumeClaim", PERSISTENT_VOLUME_CLAIM],
]);

/**
 * The patch metadata of a built-in kind, or undefined for kinds stagecraft has no table for.
 *
 * @param kind - e.g. `Pod`
 * @param apiVersion - e.g. `v1`
 * @returns the root type, or undefined
 * @example
 * ```ts
 * strategicTypeOf("Pod", "v1"); // the Pod table
 * strategicTypeOf("Foo", "example.com/v1"); // undefined
 * ```
 * @category Patch
 */
export function strategicTypeOf(kind: string, apiVersion: string): StrategicType | undefined {
  return TYPES.get(`${apiVersion}/${kind}`);
}
