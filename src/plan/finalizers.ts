/**
 * KWOK's finalizer JSON-patch operations (`finalizers.go`, spec §4.2).
 *
 * @module
 */
import type { StageFinalizers } from "../stage/model.js";
import type { JsonPatchOperation } from "./types.js";

const PATH = "/metadata/finalizers";

/**
 * Computes the JSON patch that a `finalizers` step sends, exactly as KWOK does: removals by
 * index in descending order, a single whole-field `remove` when every current finalizer goes (or
 * `empty` is set), additions of values not yet present (`/metadata/finalizers/-`), or the whole
 * list when there was none. An empty result means KWOK sends no patch.
 *
 * @param current - the object's `metadata.finalizers` before the stage's first step
 * @param finalizers - the step's `finalizers`
 * @returns the operations, possibly none
 * @example
 * ```ts
 * finalizerOperations(["a", "b", "c"], { add: [], remove: ["a", "c"], empty: false });
 * // [{ op: "remove", path: "/metadata/finalizers/2" }, { op: "remove", path: "/metadata/finalizers/0" }]
 * finalizerOperations([], { add: ["x"], remove: [], empty: false });
 * // [{ op: "add", path: "/metadata/finalizers", value: ["x"] }]
 * ```
 * @category Planner
 */
export function finalizerOperations(current: readonly string[], finalizers: StageFinalizers): JsonPatchOperation[] {
  const { add, remove, empty } = finalizers;
  let isEmpty = false;
  const ops: JsonPatchOperation[] = [];
  if (empty) {
    isEmpty = true;
  } else if (remove.length > 0) {
    const removed: JsonPatchOperation[] = [];
    for (let i = current.length - 1; i >= 0; i--) {
      if (remove.includes(current[i] as string)) removed.push({ op: "remove", path: `${PATH}/${i}` });
    }
    if (removed.length === current.length) isEmpty = true;
    else ops.push(...removed);
  }
  if (!isEmpty) {
    if (add.length > 0) ops.push(...addOperations(current, add));
  } else {
    if (current.length > 0) ops.push({ op: "remove", path: PATH });
    if (add.length > 0) ops.push(...addOperations([], add));
  }
  return ops;
}

function addOperations(current: readonly string[], add: readonly string[]): JsonPatchOperation[] {
  if (current.length === 0) return [{ op: "add", path: PATH, value: [...add] }];
  return add.filter((a) => !current.includes(a)).map((a) => ({ op: "add", path: `${PATH}/-`, value: a }));
}

/**
 * Reads `metadata.finalizers` of an object the way KWOK sees them (strings only; anything
 * else is ignored).
 *
 * @param object - a Kubernetes object
 * @returns the finalizers, or an empty list
 * @example
 * ```ts
 * currentFinalizers({ metadata: { finalizers: ["kwok.x-k8s.io/fake"] } }); // ["kwok.x-k8s.io/fake"]
 * ```
 * @category Planner
 */
export function currentFinalizers(object: unknown): readonly string[] {
  const meta = (object as { metadata?: { finalizers?: unknown } } | null)?.metadata;
  const list = meta?.finalizers;
  return Array.isArray(list) ? list.filter((f): f is string => typeof f === "string") : [];
}
