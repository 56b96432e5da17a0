/**
 * Delivering committed changes to watchers: in resource-version order, synchronously after each
 * write (a write made by a listener is queued and delivered when the current delivery is done,
 * before that write's call returns), with the API server's selector semantics.
 *
 * @module
 */
import type { KubeObject, WatchEvent } from "../../store/types.js";
import { withMeta } from "./object-meta.js";
import type { Change, TypeTable, Watcher } from "./type-table.js";

/**
 * What a watcher sees of a change, as the API server's watch cache computes it: `ADDED` when
 * the object starts matching the watcher's selectors, `MODIFIED` while it keeps matching,
 * `DELETED` (with its previous content and the change's resource version) when it is deleted or
 * stops matching; nothing when it matches neither before nor after.
 *
 * @param change - the change
 * @param watcher - the watcher
 * @returns the event, or undefined
 */
export function eventFor(change: Change, watcher: Watcher): WatchEvent | undefined {
  const now = change.type !== "DELETED" && watcher.matches(change.object);
  const before = change.prev !== undefined && watcher.matches(change.prev);
  if (now) return { type: before ? "MODIFIED" : "ADDED", object: change.object };
  if (!before) return undefined;
  if (change.type === "DELETED") return { type: "DELETED", object: change.object };
  return { type: "DELETED", object: withMeta(change.prev as KubeObject, { resourceVersion: String(change.rv) }) };
}

/** The delivery queue and bookmark scheduler of one store. */
export class Delivery {
  private readonly queue: { table: TypeTable; change: Change }[] = [];
  private draining = false;
  private bookmarkPending = false;
  /** Watchers that asked for bookmarks. */
  readonly bookmarkWatchers = new Set<Watcher>();

  /**
   * @param onListenerError - called when a listener throws
   * @param currentRv - the store's resource version
   */
  constructor(
    private readonly onListenerError: (error: unknown, event: WatchEvent) => void,
    private readonly currentRv: () => number,
  ) {}

  /**
   * Calls a listener, reporting a throw instead of propagating it.
   *
   * @param watcher - the watcher
   * @param event - the event
   */
  send(watcher: Watcher, event: WatchEvent): void {
    try {
      watcher.onEvent(event);
    } catch (error) {
      try {
        this.onListenerError(error, event);
      } catch {
        // a failing error handler must not break the store either
      }
    }
  }

  /**
   * Queues a committed change and delivers everything queued, unless a delivery is under way.
   *
   * @param table - the change's type table
   * @param change - the change
   */
  publish(table: TypeTable, change: Change): void {
    if (table.watchers.size === 0 && !this.draining) {
      this.scheduleBookmarks();
      return;
    }
    this.queue.push({ table, change });
    if (this.draining) return;
    this.draining = true;
    try {
      for (let i = 0; i < this.queue.length; i++) {
        const item = this.queue[i] as { table: TypeTable; change: Change };
        for (const watcher of item.table.watchers) {
          if (!watcher.active || item.change.rv <= watcher.fromRv) continue;
          const event = eventFor(item.change, watcher);
          if (event === undefined) continue;
          watcher.lastRv = item.change.rv;
          this.send(watcher, event);
        }
      }
    } finally {
      this.queue.length = 0;
      this.draining = false;
    }
    this.scheduleBookmarks();
  }

  /**
   * Sends a bookmark with the store's resource version to a watcher that has not seen it.
   *
   * @param watcher - the watcher
   * @param annotations - bookmark annotations (the initial-events-end marker)
   */
  bookmark(watcher: Watcher, annotations?: Readonly<Record<string, string>>): void {
    const rv = this.currentRv();
    watcher.lastRv = rv;
    this.send(watcher, {
      type: "BOOKMARK",
      object: Object.freeze({
        apiVersion: watcher.type.apiVersion,
        kind: watcher.type.kind,
        metadata: Object.freeze({ resourceVersion: String(rv), ...(annotations === undefined ? {} : { annotations: Object.freeze({ ...annotations }) }) }),
      }),
    });
  }

  private scheduleBookmarks(): void {
    if (this.bookmarkPending || this.bookmarkWatchers.size === 0) return;
    this.bookmarkPending = true;
    queueMicrotask(() => {
      this.bookmarkPending = false;
      const rv = this.currentRv();
      for (const watcher of this.bookmarkWatchers) {
        if (!watcher.active) continue;
        if (watcher.lastRv < rv) this.bookmark(watcher);
      }
    });
  }
}
