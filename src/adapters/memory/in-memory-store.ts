/**
 * The in-memory `ResourceStore`'s implementation.
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
  ResourceType,
  UpdateOptions,
  Watch,
  WatchEvent,
  WatchOptions,
} from "../../store/types.js";
import { Delivery, eventFor } from "./delivery.js";
import { ingest, jsonEqual, sealFresh } from "./freeze.js";
import { pinnedName } from "./field-selector.js";
import { compileListFilter } from "./list-filter.js";
import { metaOf, withMeta } from "./object-meta.js";
import { counterUid, sequenceSuffix } from "./options.js";
import type { MemoryStoreOptions } from "./options.js";
import { checkPatchBody, patchObject } from "./patch-object.js";
import { scopeResolver } from "./scopes.js";
import { readSnapshot, writeSnapshot } from "./snapshot.js";
import type { MemoryStore } from "./memory-store.js";
import { badRequest, notFound } from "./store-errors.js";
import { TypeTable } from "./type-table.js";
import type { Change, Watcher } from "./type-table.js";
import { planDelete, prepareCreate, prepareReplace, typeOfObject } from "./write-rules.js";
import type { WriteContext } from "./write-rules.js";

const NO_WATCH: Watch = Object.freeze({ stop: () => undefined });

/** The store behind {@link createMemoryStore}. */
export class InMemoryStore implements MemoryStore {
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
      const stored = stamp(next, String(rv));
      table.objects.set(key, stored);
      change = { rv, type: prev === undefined ? "ADDED" : "MODIFIED", object: stored, prev };
    }
    table.record(change);
    this.delivery.publish(table, change);
    return change.object;
  }

  /** Commits a replacement unless it changes nothing; deletes when the last finalizer went. */
  private replace(table: TypeTable, key: string, prev: KubeObject, next: KubeObject): KubeObject {
    if (jsonEqual(next, prev)) return prev;
    const meta = next.metadata;
    if (meta.deletionTimestamp !== undefined && (meta.finalizers ?? []).length === 0 && meta.deletionGracePeriodSeconds === 0) {
      return this.commit(table, key, prev, undefined);
    }
    return this.commit(table, key, prev, next);
  }

  async get(ref: ObjectRef): Promise<KubeObject> {
    const table = this.table(ref);
    return this.existing(table, ref.name, ref.namespace).object;
  }

  async list(type: ResourceType, options: ListOptions = {}): Promise<ObjectList> {
    const table = this.table(type);
    const matches = compileListFilter(options, table.cluster);
    const items = this.select(table, options, matches);
    return Object.freeze({ items: Object.freeze(items), resourceVersion: String(this.rv) });
  }

  /** The matching objects, sorted; a `metadata.name=` field selector is a lookup, not a scan. */
  private select(table: TypeTable, options: ListOptions, matches: (object: KubeObject) => boolean): KubeObject[] {
    const name = pinnedName(options.fieldSelector);
    if (name !== undefined && (table.cluster || (options.namespace !== undefined && options.namespace !== ""))) {
      const object = table.objects.get(this.key(table, name, options.namespace));
      return object !== undefined && matches(object) ? [object] : [];
    }
    const items: KubeObject[] = [];
    for (const object of table.objects.values()) if (matches(object)) items.push(object);
    return items.sort(byNamespaceAndName);
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
      const current = this.select(table, options, matches);
      replay = current.map((object) => ({ rv: 0, type: "ADDED", object, prev: undefined }));
    } else {
      if (!/^\d+$/.test(from)) throw badRequest(`invalid resource version "${from}"`);
      const since = Number(from);
      const changes = table.since(since);
      if (changes === undefined) throw new StoreError(StatusReason.Expired, `too old resource version: ${since} (${table.floor})`);
      replay = changes;
      upTo = Math.max(this.rv, since);
    }
    // the listener may write during the replay: keep those changes for the catch-up below, even
    // beyond the history limit (delivery never throws, so the pin is always released)
    const unpin = table.pin();
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
    unpin();
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
      const applied = { ...body, apiVersion: ref.apiVersion, kind: ref.kind, metadata: { ...metaOf(body), name: ref.name, namespace: ref.namespace ?? "default" } };
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
      loaded.push({ table, key, object: next });
    }
    this.rv = top + 1;
    this.epoch = this.rv;
    const ended: Watcher[] = [];
    for (const table of this.tables.values()) {
      table.objects.clear();
      table.forget(this.epoch);
      for (const watcher of table.watchers) {
        watcher.active = false;
        this.delivery.bookmarkWatchers.delete(watcher);
        ended.push(watcher);
      }
      table.watchers.clear();
    }
    for (const { table, key, object } of loaded) {
      const rv = object.metadata.resourceVersion;
      table.objects.set(key, rv === undefined ? withMeta(object, { resourceVersion: String(this.rv) }) : object);
    }
    // only now, so that a watcher that lists again at once (as informers do) sees the restored state
    for (const watcher of ended) watcher.onError?.(new StoreError(StatusReason.Expired, `too old resource version: ${watcher.lastRv} (${this.epoch})`));
  }
}

/**
 * Sets the resource version of an object about to be stored and freezes it; the top level and
 * `metadata` are copied only when they are frozen (shared with a stored object).
 */
function stamp(next: KubeObject, rv: string): KubeObject {
  const top = (Object.isFrozen(next) ? { ...next } : next) as Record<string, unknown>;
  const meta = (Object.isFrozen(next.metadata) ? { ...next.metadata } : next.metadata) as Record<string, unknown>;
  meta["resourceVersion"] = rv;
  top["metadata"] = meta;
  return sealFresh(top as KubeObject);
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? "";
  const mb = b.metadata.name ?? "";
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

