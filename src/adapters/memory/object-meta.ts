/**
 * Helpers over stored objects: metadata access, canonical metadata order, resource-version
 * stamping, RFC 3339 times.
 *
 * @module
 */
import type { KubeObject, ObjectMeta } from "../../store/types.js";
import { sealFresh } from "./freeze.js";

const META_ORDER = [
  "name",
  "generateName",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
];

/**
 * Builds metadata with the server-managed fields first, in the API server's order; `undefined`
 * values are left out.
 *
 * @param meta - the metadata
 * @returns a fresh (unfrozen) metadata object
 */
export function orderMeta(meta: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of META_ORDER) if (meta[key] !== undefined && Object.hasOwn(meta, key)) out[key] = meta[key];
  for (const key of Object.keys(meta)) {
    if (META_ORDER.includes(key) || meta[key] === undefined) continue;
    if (key === "__proto__") Object.defineProperty(out, key, { value: meta[key], writable: true, enumerable: true, configurable: true });
    else out[key] = meta[key];
  }
  return out;
}

/**
 * The object with some metadata fields replaced (`undefined` removes), frozen.
 *
 * @param object - a stored object
 * @param fields - the fields
 * @returns the new object
 */
export function withMeta(object: KubeObject, fields: Readonly<Record<string, unknown>>): KubeObject {
  return sealFresh({ ...object, metadata: orderMeta({ ...object.metadata, ...fields }) } as KubeObject);
}

/**
 * Formats an instant as the API server does (RFC 3339, whole seconds, UTC).
 *
 * @param date - the instant
 * @returns e.g. `2024-01-01T00:00:00Z`
 */
export function rfc3339(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 19)}Z`;
}

/**
 * The object's metadata as a record (empty when missing or not an object).
 *
 * @param object - any object
 * @returns the metadata
 */
export function metaOf(object: unknown): ObjectMeta {
  const meta = typeof object === "object" && object !== null ? (object as Record<string, unknown>)["metadata"] : undefined;
  return typeof meta === "object" && meta !== null && !Array.isArray(meta) ? (meta as ObjectMeta) : {};
}

/**
 * Whether a top-level field other than `apiVersion`, `kind`, `metadata` and `status` differs:
 * what bumps `metadata.generation`.
 *
 * @param before - the stored object
 * @param after - the new object
 * @param equal - JSON equality
 * @returns whether the spec changed
 */
export function specChanged(before: KubeObject, after: KubeObject, equal: (a: unknown, b: unknown) => boolean): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === "apiVersion" || key === "kind" || key === "metadata" || key === "status") continue;
    if (!equal(Object.hasOwn(before, key) ? before[key] : undefined, Object.hasOwn(after, key) ? after[key] : undefined)) return true;
  }
  return false;
}
