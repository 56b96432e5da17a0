/**
 * What changed between what a watcher delivered and a fresh list: the events a watch consumer
 * needs after a re-list (a client-go reflector's `Replace`), shared by the Kubernetes adapter's
 * self-healing watch and the runtime's controllers.
 *
 * @module
 */
import type { KubeObject, ObjectList, WatchEvent } from "./types.js";

/** An object's key within one type. */
function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
}

/**
 * The events that bring a cache up to a fresh list: `DELETED` (with the cached state) for cached
 * objects that are not listed, then, in resource-version order, `ADDED` for listed objects the
 * cache lacks and `MODIFIED` for those whose resource version changed. Unchanged objects give no
 * event, so no object version is delivered twice.
 *
 * @param cached - the objects the consumer holds (one type, any order)
 * @param list - the fresh list
 * @returns the events, deletions first
 */
export function resyncEvents(cached: Iterable<KubeObject>, list: ObjectList): WatchEvent[] {
  const held = new Map<string, KubeObject>();
  for (const object of cached) held.set(keyOf(object), object);
  const listed = new Set<string>();
  const changes: WatchEvent[] = [];
  for (const item of list.items) {
    const key = keyOf(item);
    listed.add(key);
    const before = held.get(key);
    if (before === undefined) changes.push({ type: "ADDED", object: item });
    else if (before.metadata.resourceVersion !== item.metadata.resourceVersion) changes.push({ type: "MODIFIED", object: item });
  }
  const deleted: WatchEvent[] = [];
  for (const [key, object] of held) if (!listed.has(key)) deleted.push({ type: "DELETED", object });
  changes.sort((a, b) => Number(a.object.metadata.resourceVersion) - Number(b.object.metadata.resourceVersion));
  return [...deleted, ...changes];
}
