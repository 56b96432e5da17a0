/**
 * The in-memory `ResourceStore`: its interface and factory.
 *
 * @module
 */
import type { ResourceStore } from "../../store/types.js";
import { InMemoryStore } from "./in-memory-store.js";
import type { MemoryStoreOptions } from "./options.js";

/**
 * The in-memory store: a {@link ResourceStore} plus snapshots.
 *
 * @category Memory store
 */
export interface MemoryStore extends ResourceStore {
  /** The store's current resource version (decimal text). */
  readonly resourceVersion: string;
  /**
   * Every object as multi-document YAML, sorted by apiVersion, kind, namespace and name, after a
   * header comment `# stagecraft memory store, resourceVersion: N`.
   */
  snapshot(): string;
  /**
   * Replaces the store's contents with the objects of a YAML text (as {@link MemoryStore.snapshot}
   * writes, or any multi-document YAML of objects). Objects keep their metadata (uid,
   * resourceVersion, timestamps; missing ones are filled in). The store's resource version moves
   * past every restored one; history is dropped and every running watch ends with `Expired`
   * (410), so watchers list again, as they would after an etcd restore.
   *
   * @throws StoreError `BadRequest` for YAML that does not hold objects
   */
  restore(yaml: string): void;
}

/**
 * Creates an in-memory {@link ResourceStore} that behaves like the Kubernetes API server where
 * the simulator can tell: monotonic resource versions (one counter for the whole store),
 * optimistic concurrency, `generation`, uids and timestamps, label and field selectors, watches
 * (from a resource version, with bookmarks), the four patch types, the `status` subresource,
 * finalizers and graceful deletion. Errors are {@link StoreError}s with the API server's
 * reasons, codes and messages.
 *
 * Semantics worth knowing:
 * - **Frozen results.** Returned objects (and watch event objects) are deeply frozen and shared
 *   between callers; copy before changing them. Arguments are copied, never kept.
 * - **Synchronous writes and delivery.** A write commits when the method is called (before the
 *   promise settles) and its watch events are delivered synchronously, in resource-version order;
 *   a write made by a listener is delivered after the current event's delivery completes. A
 *   listener that throws is reported to `onListenerError` and does not break the store.
 * - **Watches.** Without `resourceVersion` (or with `"0"`): a synthetic `ADDED` per matching
 *   object, then live events. With one: the kept changes after it, then live events; `Expired`
 *   (410) through `onError` when they are no longer kept. Selectors work as in the API server's
 *   watch cache: an object that stops matching yields `DELETED`, one that starts matching
 *   `ADDED`. With `allowBookmarks`: a `BOOKMARK` after the initial replay (annotated
 *   `k8s.io/initial-events-end: "true"` for a fresh watch) and, after each burst of writes (one
 *   microtask later), one carrying the store's resource version to every watcher that has not
 *   seen it.
 * - **Selectors.** Label selectors as `labels.Parse` reads them (`=`, `==`, `!=`, `in`, `notin`,
 *   `key`, `!key`, `>`, `<`); a malformed one is `BadRequest`. Field selectors accept any dotted
 *   path (`spec.nodeName`, `status.phase`, …) with `=`, `==`, `!=`, where the API server only
 *   supports a fixed set per kind; a missing field reads as `""`.
 * - **Namespaces.** A namespaced object without a namespace goes to `default` (there is no URL
 *   to take it from); cluster-scoped objects lose their namespace. Namespaces need not exist.
 * - **Writes that change nothing** (update or patch) do not bump the resource version and emit
 *   nothing. A main-resource write ignores `.status`; a `status` write changes only `.status`.
 *   `generation` starts at 1 and grows when anything outside `metadata` and `status` changes
 *   (and on graceful deletion).
 * - **Patches.** `json` (RFC 6902, evanphx semantics), `merge` (RFC 7386), `strategic`
 *   (Kubernetes strategic merge with the core types' patch metadata; accepted for every kind),
 *   and `apply`, simplified to a strategic merge of the applied configuration that creates the
 *   object when it is missing (no field ownership, `fieldManager`/`force` ignored). A patch that
 *   sets `metadata.resourceVersion` or `metadata.uid` acts as a precondition.
 * - **Deletion.** Without finalizers and with grace 0: removed at once. Otherwise
 *   `deletionTimestamp` (now + grace) and `deletionGracePeriodSeconds` are set and the object
 *   stays; it goes when its finalizers are empty and its grace period is 0 (KWOK's pod-delete
 *   stage removes the finalizers and deletes with grace 0). Grace periods apply to Pods only
 *   (default `spec.terminationGracePeriodSeconds`, else 30; always 0 for unscheduled or finished
 *   Pods), as in the API server; other kinds ignore `gracePeriodSeconds`. A later delete may
 *   only shorten the grace period.
 *
 * Not emulated: admission (including NamespaceLifecycle: namespaces need not exist), validation
 * beyond names and finalizers, defaulting and kind-specific strategies (a created Pod keeps the
 * status it was given), authentication, RBAC and impersonation (recorded nowhere), cascading
 * deletion and garbage collection (owner references, Namespace deletion), the Namespace
 * `kubernetes` finalizer, `managedFields` and apply conflicts, dry-run, pagination
 * (`limit`/`continue`), API versions as views of one resource (each `apiVersion` + `kind` is its
 * own collection), `resourceVersionMatch`, watch timeouts (a watch from a future resource
 * version simply waits for it), the time-to-live of Events, and strategic merge's refusal of
 * custom resources (accepted here for every kind).
 *
 * @param options - clock, uid and name generators, scopes, history length, initial objects
 * @returns the store
 * @category Memory store
 * @example
 * ```ts
 * const store = createMemoryStore({ clock: { now: () => new Date("2024-01-01T00:00:00Z") } });
 * await store.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "web-0", namespace: "default" } });
 * const pod = await store.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "web-0" });
 * pod.metadata.resourceVersion; // "1"
 * ```
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  return new InMemoryStore(options);
}
