/**
 * Resource references of objects, as KWOK's harness derives them.
 *
 * @module
 */
import type { ResourceRef } from "../stage/model.js";

/**
 * The stage `resourceRef` an object belongs to: `apiGroup` is its `apiVersion` as written
 * (`v1`, `batch/v1`: KWOK compares `GroupVersion().String()`), `kind` its kind.
 *
 * @param object - a Kubernetes object
 * @returns the reference, or `undefined` when `kind` is missing
 * @example
 * ```ts
 * refOfObject({ apiVersion: "v1", kind: "Pod" }); // { apiGroup: "v1", kind: "Pod" }
 * ```
 * @category Planner
 */
export function refOfObject(object: unknown): ResourceRef | undefined {
  if (typeof object !== "object" || object === null) return undefined;
  const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown };
  if (typeof kind !== "string" || kind === "") return undefined;
  return { apiGroup: typeof apiVersion === "string" ? apiVersion : "", kind };
}

/** A map key for a reference. */
export function refKey(ref: ResourceRef): string {
  return `${ref.apiGroup}\u0000${ref.kind}`;
}
