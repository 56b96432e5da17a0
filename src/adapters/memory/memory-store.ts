/**
 * The in-memory `ResourceStore`.
 *
 * @module
 */
import { StatusReason, StoreError } from "../../store/errors.js";
import type {
  DeleteOptions,
  KubeObject,
  ListOptions,
  ObjectList,
  ObjectRef,
  PatchOptions,
  ResourceStore,
  ResourceType,
  UpdateOptions,
  Watch,
  WatchEvent,
  WatchOptions,
} from "../../store/types.js";
import { Delivery, eventFor } from "./delivery.js";
import { ingest, jsonEqual, sealFresh } from "./freeze.js";
import { compileListFilter } from "./list-filter.js";
import { metaOf, withMeta } from "./object-meta.js";
import { counterUid, sequenceSuffix } from "./options.js";
import type { MemoryStoreOptions } from "./options.js";
import { checkPatchBody, patchObject } from "./patch-object.js";
import { scopeResolver } from "./scopes.js";
import { readSnapshot, writeSnapshot } from "./snapshot.js";
import { alreadyExists, badRequest, notFound } from "./store-errors.js";
import { TypeTable } from "./type-table.js";
import type { Change, Watcher } from "./type-table.js";
import { planDelete, prepareCreate, prepareReplace, typeOfObject } from "./write-rules.js";
import type { WriteContext } from "./write-rules.js";

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

const NO_WATCH: Watch = Object.freeze({ stop: () => undefined });

class InMemoryStore implements MemoryStore {
  private rv = 0;
  private epoch = 0;
  private readonly tables = new Map<string, TypeTable>();
  private readonly isCluster: (type: ResourceType) => boolean;
  private readonly limit: number;
  private readonly delivery: Delivery;
  private readonly context: WriteContext;

  constructor(options: MemoryStoreOptions) {
    this.isCluster = scopeResolver(options.scopes);
    this.limit = options.history ?? 10_000;
    const clock = options.clock ?? { now: () => new Date() };
    this.context = { now: () => clock.now(), uid: options.uid ?? counterUid(), nameSuffix: options.nameSuffix ?? sequenceSuffix() };
    const onListenerError = options.onListenerError ?? ((error: unknown) => console.error("stagecraft memory store: a watch listener threw", error));
    this.delivery = new Delivery(onListenerError, () => this.rv);
    if (options.objects !== undefined) this.load(options.objects);
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  private table(type: ResourceType): TypeTable {
    if (typeof type?.apiVersion !== "string" || typeof type.kind !== "string" || type.apiVersion === "" || type.kind === "") {
      throw badRequest("apiVersion and kind are required");
    }
    const id = `${type.apiVersion}\u0000${type.kind}`;
    let table = this.tables.get(id);
    if (table === undefined) {
      table = new TypeTable({ apiVersion: type.apiVersion, kind: type.kind }, this.isCluster(type), this.limit, this.epoch);
      this.tables.set(id, table);
    }
    return table;
  }

  private key(table: TypeTable, name: string, namespace: string | undefined): string {
    return table.cluster ? name : `${namespace === undefined || namespace === "" ? "default" : namespace}/${name}`;
  }

  private existing(table: TypeTable, name: string | undefined, namespace: string | undefined): { key: string; object: KubeObject } {
    if (typeof name !== "string" || name === "") throw badRequest("resource name may not be empty");
    const key = this.key(table, name, namespace);
    const object = table.objects.get(key);
    if (object === undefined) throw notFound(table.type, name);
    return { key, object };
  }

  /** Stores (or removes) an object under a new resource version and publishes the change. */
  private commit(table: TypeTable, key: string, prev: KubeObject | undefined, next: KubeObject | undefined): KubeObject {
    const rv = ++this.rv;
    let change: Change;
    if (next === undefined) {
      table.objects.delete(key);
      change = { rv, type: "DELETED", object: withMeta(prev as KubeObject, { resourceVersion: String(rv) }), prev };
    } else {
      const stored = withMeta(next, { resourceVersion: String(rv) });
      table.objects.set(key, stored);
      change = { rv, type: prev === undefined ? "ADDED" : "MODIFIED", object: stored, prev };
    }
    table.record(change);
    this.delivery.publish(table, change);
    return change.object;
  }

  /** Commits a replacement unless it changes nothing; deletes when the last finalizer went. */
  private replace(table: TypeTable, key: string, prev: KubeObject, next: KubeObject): KubeObject {
    const sealed = sealFresh(next);
    if (jsonEqual(sealed, prev)) return prev;
    const meta = sealed.metadata;
    if (meta.deletionTimestamp !== undefined && (meta.finalizers ?? []).length === 0 && meta.deletionGracePeriodSeconds === 0) {
      return this.commit(table, key, prev, undefined);
    }
    return this.commit(table, key, prev, sealed);
  }

  async get(ref: ObjectRef): Promise<KubeObject> {
    const table = this.table(ref);
    return this.existing(table, ref.name, ref.namespace).object;
  }

  async list(type: ResourceType, options: ListOptions = {}): Promise<ObjectList> {
    const table = this.table(type);
    const matches = compileListFilter(options, table.cluster);
    const items: KubeObject[] = [];
    for (const object of table.objects.values()) if (matches(object)) items.push(object);
    items.sort(byNamespaceAndName);
    return Object.freeze({ items: Object.freeze(items), resourceVersion: String(this.rv) });
  }

  watch(type: ResourceType, options: WatchOptions, onEvent: (event: WatchEvent) => void, onError?: (error: Error) => void): Watch {
    try {
      return this.startWatch(type, options, onEvent, onError);
    } catch (error) {
      if (onError === undefined) throw error;
      onError(error as Error);
      return NO_WATCH;
    }
  }

  private startWatch(type: ResourceType, options: WatchOptions, onEvent: (event: WatchEvent) => void, onError?: (error: Error) => void): Watch {
    const table = this.table(type);
    const matches = compileListFilter(options, table.cluster);
    const from = options.resourceVersion;
    const fresh = from === undefined || from === "" || from === "0";
    let upTo = this.rv;
    let replay: Change[];
    if (fresh) {
      const current = [...table.objects.values()].filter(matches).sort(byNamespaceAndName);
      replay = current.map((object) => ({ rv: 0, type: "ADDED", object, prev: undefined }));
    } else {
      if (!/^\d+$/.test(from)) throw badRequest(`invalid resource version "${from}"`);
      const since = Number(from);
      const changes = table.since(since);
      if (changes === undefined) throw new StoreError(StatusReason.Expired, `too old resource version: ${since} (${table.floor})`);
      replay = changes;
      upTo = Math.max(this.rv, since);
    }
    const watcher: Watcher = { type: table.type, active: true, fromRv: upTo, lastRv: upTo, matches, bookmarks: options.allowBookmarks === true, onEvent, onError };
    const deliver = (changes: readonly Change[]): void => {
      for (const change of changes) {
        const event = fresh && change.rv === 0 ? { type: "ADDED" as const, object: change.object } : eventFor(change, watcher);
        if (event !== undefined && watcher.active) this.delivery.send(watcher, event);
      }
    };
    deliver(replay);
    // Writes made by the listener during the replay: catch up from the history.
    while (watcher.active && this.rv > upTo) {
      const more = table.since(upTo) ?? [];
      upTo = this.rv;
      deliver(more);
    }
    (watcher as { fromRv: number }).fromRv = upTo;
    watcher.lastRv = upTo;
    if (!watcher.active) return NO_WATCH;
    table.watchers.add(watcher);
    if (watcher.bookmarks) {
      this.delivery.bookmarkWatchers.add(watcher);
      this.delivery.bookmark(watcher, fresh ? { "k8s.io/initial-events-end": "true" } : undefined);
    }
    return {
      stop: () => {
        watcher.active = false;
        table.watchers.delete(watcher);
        this.delivery.bookmarkWatchers.delete(watcher);
      },
    };
  }

  async create(object: KubeObject): Promise<KubeObject> {
    const input = ingest(object);
    const table = this.table(typeOfObject(input));
    const { key, next } = prepareCreate(input, table, this.context, (name, ns) => {
      const k = this.key(table, name, ns);
      return table.objects.has(k) ? undefined : k;
    });
    if (key === undefined) throw alreadyExists(table.type, next.metadata.name ?? "");
    return this.commit(table, key, undefined, next);
  }

  async update(object: KubeObject, options: UpdateOptions = {}): Promise<KubeObject> {
    const input = ingest(object);
    const table = this.table(typeOfObject(input));
    const meta = metaOf(input);
    const { key, object: prev } = this.existing(table, meta.name, meta.namespace);
    const next = prepareReplace(prev, input, table.type, options.subresource ?? "", "update");
    return this.replace(table, key, prev, next);
  }

  async patch(ref: ObjectRef, options: PatchOptions): Promise<KubeObject> {
    const table = this.table(ref);
    const subresource = options.subresource ?? "";
    checkPatchBody(options.patchType, options.data);
    const data = ingest(options.data);
    const key = this.key(table, ref.name, ref.namespace);
    const prev = table.objects.get(key);
    if (prev === undefined) {
      if (options.patchType !== "apply" || subresource !== "") throw notFound(table.type, ref.name);
      const body = data as Record<string, unknown>;
      const applied = { ...body, apiVersion: ref.apiVersion, kind: ref.kind, metadata: { ...metaOf(body), name: ref.name, ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }) } };
      return this.create(applied as KubeObject);
    }
    const patched = patchObject(prev, options.patchType, data);
    const next = prepareReplace(prev, patched, table.type, subresource, "patch");
    return this.replace(table, key, prev, next);
  }

  async delete(ref: ObjectRef, options: DeleteOptions = {}): Promise<KubeObject> {
    const table = this.table(ref);
    const { key, object: prev } = this.existing(table, ref.name, ref.namespace);
    const plan = planDelete(prev, table.type, options, this.context);
    if (plan === "now") return this.commit(table, key, prev, undefined);
    if (plan === "unchanged") return prev;
    return this.replace(table, key, prev, plan);
  }

  snapshot(): string {
    return writeSnapshot([...this.tables.values()], this.rv);
  }

  restore(yaml: string): void {
    this.load(readSnapshot(yaml));
  }

  private load(objects: readonly KubeObject[]): void {
    const loaded: { table: TypeTable; key: string; object: KubeObject }[] = [];
    let top = this.rv;
    for (const raw of objects) {
      const input = ingest(raw);
      const table = this.table(typeOfObject(input));
      const { key, next } = prepareCreate(input, table, this.context, (name, ns) => this.key(table, name, ns), { keep: true });
      const rv = Number(next.metadata.resourceVersion ?? "0");
      if (Number.isSafeInteger(rv) && rv > top) top = rv;
      loaded.push({ table, key: key as string, object: next });
    }
    this.rv = top + 1;
    this.epoch = this.rv;
    for (const table of this.tables.values()) {
      table.objects.clear();
      table.forget(this.epoch);
      for (const watcher of [...table.watchers]) {
        watcher.active = false;
        table.watchers.delete(watcher);
        this.delivery.bookmarkWatchers.delete(watcher);
        watcher.onError?.(new StoreError(StatusReason.Expired, `too old resource version: ${watcher.lastRv} (${this.epoch})`));
      }
    }
    for (const { table, key, object } of loaded) {
      const rv = object.metadata.resourceVersion;
      table.objects.set(key, rv === undefined ? withMeta(object, { resourceVersion: String(this.rv) }) : object);
    }
  }
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? "";
  const mb = b.metadata.name ?? "";
  return ma < mb ? -1 : ma > mb ? 1 : 0;
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
 *   stage removes the finalizers and deletes with grace 0). Default grace: Pods
 *   `spec.terminationGracePeriodSeconds` (30), but 0 for unscheduled or finished Pods, as the
 *   API server decides; other kinds 0. A later delete may only shorten the grace period.
 *
 * Not emulated: admission (including NamespaceLifecycle: namespaces need not exist), validation
 * beyond names and finalizers, defaulting and kind-specific strategies (a created Pod keeps the
 * status it was given), authentication, RBAC and impersonation (recorded nowhere), cascading
 * deletion and garbage collection (owner references, Namespace deletion), the Namespace
 * `kubernetes` finalizer, `managedFields` and apply conflicts, dry-run, pagination
 * (`limit`/`continue`), API versions as views of one resource (each `apiVersion` + `kind` is its
 * own collection), `resourceVersionMatch`, and watch timeouts.
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
