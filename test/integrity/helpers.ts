/**
 * Helpers of the store-integrity tests: seeded yields between async steps, and a watch recorder
 * that checks ordering as events arrive and rebuilds the watched state from them.
 *
 * @module
 */
import { expect } from "vitest";
import { isStoreError } from "../../src/store/errors.js";
import type { KubeObject, ResourceStore, ResourceType, Watch, WatchEvent, WatchOptions } from "../../src/store/types.js";

/**
 * How a task gives way before its next step: 0 not at all, 1 one microtask, 2 a few microtasks,
 * 3 a macrotask (`setImmediate`), 4 a timer (`setTimeout(0)`).
 */
export type Yield = 0 | 1 | 2 | 3 | 4;

/**
 * Gives way to other tasks as `kind` says.
 *
 * @param kind - the yield
 */
export async function pause(kind: Yield): Promise<void> {
  switch (kind) {
    case 0:
      return;
    case 1:
      await Promise.resolve();
      return;
    case 2:
      for (let i = 0; i < 3; i++) await null;
      return;
    case 3:
      await new Promise<void>((resolve) => setImmediate(resolve));
      return;
    case 4:
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      return;
  }
}

/**
 * The reason of a store error, or a description of anything else thrown.
 *
 * @param error - what was thrown
 * @returns `Conflict`, `NotFound`, … or `not a StoreError: …`
 */
export function reasonOf(error: unknown): string {
  return isStoreError(error) ? error.reason : `not a StoreError: ${String(error)}`;
}

/** `namespace/name` (or `name`) of an object. */
export function keyOf(object: KubeObject): string {
  const ns = object.metadata.namespace;
  return ns === undefined || ns === "" ? (object.metadata.name ?? "") : `${ns}/${object.metadata.name ?? ""}`;
}

/** The numeric resource version of an object. */
export function rvOf(object: KubeObject): number {
  return Number(object.metadata.resourceVersion);
}

/** The objects of a list keyed by {@link keyOf}. */
export function byKey(items: readonly KubeObject[]): Map<string, KubeObject> {
  return new Map(items.map((o) => [keyOf(o), o]));
}

/** Options of {@link recordWatch}. */
export interface RecordOptions {
  /** The objects the watcher starts from when it watches from a resource version (a relist, or a previous watcher's state). */
  readonly initial?: ReadonlyMap<string, KubeObject>;
  /** Called with every event after it was checked (for re-entrant writes). */
  readonly onEvent?: (event: WatchEvent, recorder: WatchRecorder) => void;
  /** Whether an `onError` is passed (else errors from `watch` throw). */
  readonly withOnError?: boolean;
}

/** A running, checked watch. */
export interface WatchRecorder {
  /** Every event in arrival order. */
  readonly events: WatchEvent[];
  /** The state rebuilt from the events (and `initial`). */
  readonly state: Map<string, KubeObject>;
  /** The largest resource version seen (events and bookmarks), or the start. */
  readonly lastRv: number;
  /** Ordering violations found as events arrived. */
  readonly problems: string[];
  /** Terminal errors. */
  readonly errors: Error[];
  /** Stops the watch. */
  stop(): void;
}

/**
 * Starts a watch and checks every event as it arrives: events of a fresh watch start with one
 * `ADDED` per existing object (resource versions up to the store's at the call), then every
 * event's resource version is larger than the previous one's (bookmarks may repeat the last);
 * `ADDED` only for an absent object, `MODIFIED` and `DELETED` only for a present one.
 *
 * @param store - the store
 * @param type - the watched type
 * @param options - watch options
 * @param record - initial state and a listener hook
 * @returns the recorder
 */
export function recordWatch(store: ResourceStore & { readonly resourceVersion: string }, type: ResourceType, options: WatchOptions, record: RecordOptions = {}): WatchRecorder {
  const fresh = options.resourceVersion === undefined || options.resourceVersion === "" || options.resourceVersion === "0";
  const startRv = Number(store.resourceVersion);
  const state = new Map<string, KubeObject>(fresh ? [] : (record.initial ?? []));
  const recorder = {
    events: [] as WatchEvent[],
    state,
    lastRv: fresh ? startRv : Number(options.resourceVersion),
    problems: [] as string[],
    errors: [] as Error[],
    stop: () => watch?.stop(),
  };
  let initial = fresh;
  let watch: Watch | undefined;
  const onEvent = (event: WatchEvent): void => {
    recorder.events.push(event);
    const rv = rvOf(event.object);
    const where = `event #${recorder.events.length} ${event.type} ${keyOf(event.object)}@${rv}`;
    if (event.type === "BOOKMARK") {
      if (rv < recorder.lastRv) recorder.problems.push(`${where}: bookmark goes back from ${recorder.lastRv}`);
      recorder.lastRv = Math.max(recorder.lastRv, rv);
      initial = false;
      return;
    }
    if (initial && event.type === "ADDED" && rv <= startRv) {
      // the synthetic ADDED of a fresh watch: any order, versions up to the start
    } else {
      initial = false;
      if (rv <= recorder.lastRv) recorder.problems.push(`${where}: not after ${recorder.lastRv}`);
      recorder.lastRv = rv;
    }
    const key = keyOf(event.object);
    const present = state.has(key);
    if (event.type === "ADDED" && present) recorder.problems.push(`${where}: ADDED while present`);
    if (event.type !== "ADDED" && !present) recorder.problems.push(`${where}: ${event.type} while absent`);
    if (event.type === "DELETED") state.delete(key);
    else state.set(key, event.object);
    record.onEvent?.(event, recorder);
  };
  watch = store.watch(type, options, onEvent, record.withOnError === false ? undefined : (error) => recorder.errors.push(error));
  initial = false;
  return recorder;
}

/**
 * Asserts that a recorder saw no ordering problem and that its state equals a list.
 *
 * @param recorder - the recorder
 * @param items - the store's list (with the watcher's selectors)
 * @param label - for messages
 */
export function expectConsistent(recorder: WatchRecorder, items: readonly KubeObject[], label: string): void {
  expect(recorder.problems, label).toEqual([]);
  expect(recorder.errors.map(String), label).toEqual([]);
  const listed = byKey(items);
  expect([...recorder.state.keys()].sort(), label).toEqual([...listed.keys()].sort());
  for (const [key, object] of listed) expect(recorder.state.get(key), `${label}: ${key}`).toEqual(object);
}
