/**
 * Copy-in and freeze: the memory store keeps deeply frozen plain JSON trees, so it can hand the
 * same object to every reader without copying it again. Keys such as `__proto__` and
 * `constructor` are copied as own data keys.
 *
 * @module
 */

import { StatusReason, StoreError } from "../../store/errors.js";

/** A deeply frozen JSON value owned by the store. */
export type Frozen<T> = T;

/**
 * How deep caller data may nest (objects and arrays). Deeper data is refused with `BadRequest`
 * rather than overflowing the stack; Kubernetes objects nest a few dozen levels at most.
 */
export const MAX_OBJECT_DEPTH = 1000;

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/**
 * Deep-copies caller data into a frozen tree: plain objects and arrays are copied, `undefined`
 * members and functions are dropped (as JSON does), other values are kept.
 *
 * @param value - caller data
 * @returns a frozen copy that shares nothing with `value`
 * @throws StoreError `BadRequest` when `value` nests deeper than {@link MAX_OBJECT_DEPTH}
 */
export function ingest<T>(value: T): Frozen<T> {
  return copyFreeze(value, 0) as T;
}

function copyFreeze(value: unknown, depth: number): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_OBJECT_DEPTH) throw new StoreError(StatusReason.BadRequest, `the object is nested more than ${MAX_OBJECT_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item === undefined || typeof item === "function" ? null : copyFreeze(item, depth + 1);
    }
    return Object.freeze(out);
  }
  if (value instanceof Date) return value.toJSON();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === "function") continue;
    define(out, key, copyFreeze(item, depth + 1));
  }
  return Object.freeze(out);
}

/**
 * Freezes a tree built from store-owned frozen nodes and fresh nodes (as the copy-on-write patch
 * functions return when given frozen inputs): fresh nodes are frozen in place, frozen nodes are
 * trusted (they are the store's, or ingested copies).
 *
 * @param value - the tree
 * @returns the tree deeply frozen: frozen nodes and fresh arrays are the same objects, fresh
 *   objects are replaced by frozen copies with the same keys in the same order
 */
export function sealFresh<T>(value: T): Frozen<T> {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = sealFresh(value[i] as unknown);
    return Object.freeze(value);
  }
  // Fresh objects are copied key by key rather than frozen in place: patch code deletes members
  // (null pruning), which leaves V8 objects in dictionary mode, each with a map of its own —
  // kept for the object's whole life in the store (memory, GC work and slower reads per object).
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, sealFresh((value as Record<string, unknown>)[key]));
  return Object.freeze(out) as T;
}

/**
 * Returns a shallow, unfrozen copy of an object (own `__proto__` keys stay data keys).
 *
 * @param value - an object
 * @returns the copy
 */
export function shallow(value: object): Record<string, unknown> {
  return { ...(value as Record<string, unknown>) };
}

/**
 * Deep equality of JSON trees, short-circuiting on shared references.
 *
 * @param a - one value
 * @param b - another value
 * @returns whether they are equal as JSON
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const key of ka) {
    if (!Object.hasOwn(b, key) || !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
