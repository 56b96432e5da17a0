/**
 * The objects of one type, the recent changes to them (for watches from a resource version) and
 * the watchers of the type.
 *
 * @module
 */
import type { KubeObject, ResourceType } from "../../store/types.js";

/** One committed change, as kept for watches. */
export interface Change {
  /** The store's resource version after the change. */
  readonly rv: number;
  /** What happened. */
  readonly type: "ADDED" | "MODIFIED" | "DELETED";
  /** The object after the change; for `DELETED`, its last state carrying the deletion's resource version. */
  readonly object: KubeObject;
  /** The object before the change. */
  readonly prev: KubeObject | undefined;
}

/** A registered watcher. */
export interface Watcher {
  /** The watched type. */
  readonly type: ResourceType;
  /** Cleared by `stop()`. */
  active: boolean;
  /** Changes up to this version were delivered by the initial replay. */
  readonly fromRv: number;
  /** The last resource version delivered (event or bookmark). */
  lastRv: number;
  /** Namespace, label and field filter. */
  readonly matches: (object: KubeObject) => boolean;
  /** Whether bookmarks are wanted. */
  readonly bookmarks: boolean;
  /** The caller's listener. */
  readonly onEvent: (event: { readonly type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK"; readonly object: KubeObject }) => void;
  /** The caller's terminal-error listener. */
  readonly onError: ((error: Error) => void) | undefined;
}

/** Objects, history and watchers of one type. */
export class TypeTable {
  /** Objects by `namespace/name` (or `name`). */
  readonly objects = new Map<string, KubeObject>();
  /** Watchers of this type. */
  readonly watchers = new Set<Watcher>();
  private history: Change[] = [];
  private head = 0;
  private pins = 0;
  /** The resource version of the newest change no longer kept (0: none dropped). */
  private dropped: number;

  /**
   * @param type - the type
   * @param cluster - whether it is cluster-scoped
   * @param limit - how many changes to keep
   * @param epoch - the resource version before which nothing is kept (the last restore)
   */
  constructor(
    readonly type: ResourceType,
    readonly cluster: boolean,
    private readonly limit: number,
    epoch: number,
  ) {
    this.dropped = epoch;
  }

  /**
   * Records a change (dropping the oldest when over the limit).
   *
   * @param change - the change
   */
  record(change: Change): void {
    if (this.limit <= 0 && this.pins === 0) {
      this.dropped = change.rv;
      return;
    }
    this.history.push(change);
    this.trim();
  }

  /**
   * Keeps every change recorded from now on until the returned function is called (a watch
   * catching up with writes its listener made during its initial events), then trims.
   *
   * @returns the unpin function
   */
  pin(): () => void {
    this.pins++;
    return () => {
      this.pins--;
      this.trim();
    };
  }

  private trim(): void {
    if (this.pins > 0) return;
    const limit = Math.max(0, this.limit);
    while (this.history.length - this.head > limit) {
      this.dropped = (this.history[this.head] as Change).rv;
      // release the dropped change now, not when the array is next compacted
      (this.history as (Change | undefined)[])[this.head] = undefined;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.history.length) {
      this.history = this.history.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * The kept changes after a resource version, or `undefined` when some were dropped.
   *
   * @param rv - the resource version
   * @returns the changes, oldest first
   */
  since(rv: number): Change[] | undefined {
    if (rv < this.dropped) return undefined;
    let lo = this.head;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.history[mid] as Change).rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  /** The oldest resource version a watch may start from. */
  get floor(): number {
    return this.dropped;
  }

  /** Forgets the history (after a restore). */
  forget(rv: number): void {
    this.history = [];
    this.head = 0;
    this.dropped = rv;
  }
}
