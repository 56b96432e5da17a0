/**
 * Watch ordering on the memory store: watchers started at different points (from a list's
 * resource version, from `0`, without one, from an old one), with selectors and bookmarks,
 * stopped and restarted mid-stream, and watchers whose listeners write (synchronously or later)
 * or start watches inside their callbacks. Each one's events must be in strictly increasing
 * resource-version order, never duplicated, and rebuild exactly the store's filtered state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory/index.js";
import type { MemoryStore } from "../../src/adapters/memory/index.js";
import { isStoreError } from "../../src/store/errors.js";
import type { KubeObject, WatchEvent, WatchOptions } from "../../src/store/types.js";
import { byKey, expectConsistent, keyOf, pause, reasonOf, recordWatch, rvOf } from "./helpers.js";
import type { WatchRecorder, Yield } from "./helpers.js";

const POD = { apiVersion: "v1", kind: "Pod" } as const;
const CM = { apiVersion: "v1", kind: "ConfigMap" } as const;
const SEED = 20261123;
const clock = { now: () => new Date("2024-01-01T00:00:00Z") };

// ---------------------------------------------------------------------------------------------
// The scenario: writes and watcher actions, interleaved

type Selector = "none" | "web" | "notWeb" | "running" | "nsA";
type Start = "list" | "zero" | "absent" | "old";
type Reentrant = "none" | "sync" | "async" | "startsWatch" | "stopsItself";

const SELECTORS: Readonly<Record<Selector, WatchOptions>> = {
  none: {},
  web: { labelSelector: "tier=web" },
  notWeb: { labelSelector: "tier!=web" },
  running: { fieldSelector: "status.phase=Running" },
  nsA: { namespace: "a" },
};

function selected(selector: Selector, object: KubeObject): boolean {
  switch (selector) {
    case "none":
      return true;
    case "web":
      return object.metadata.labels?.["tier"] === "web";
    case "notWeb":
      return object.metadata.labels?.["tier"] !== "web";
    case "running":
      return (object["status"] as { phase?: string } | undefined)?.phase === "Running";
    case "nsA":
      return object.metadata.namespace === "a";
  }
}

type Step =
  | { readonly do: "create"; readonly name: number; readonly ns: "a" | "b"; readonly tier: string; readonly finalizer: boolean }
  | { readonly do: "relabel"; readonly name: number; readonly ns: "a" | "b"; readonly tier: string }
  | { readonly do: "phase"; readonly name: number; readonly ns: "a" | "b"; readonly phase: string }
  | { readonly do: "echo"; readonly name: number; readonly ns: "a" | "b" }
  | { readonly do: "delete"; readonly name: number; readonly ns: "a" | "b" }
  | { readonly do: "unfinalize"; readonly name: number; readonly ns: "a" | "b" }
  | { readonly do: "other" }
  | { readonly do: "watch"; readonly selector: Selector; readonly start: Start; readonly old: number; readonly bookmarks: boolean; readonly reentrant: Reentrant }
  | { readonly do: "stop"; readonly which: number }
  | { readonly do: "restart"; readonly which: number }
  | { readonly do: "yield"; readonly kind: Yield };

const nameArb = fc.nat({ max: 4 });
const nsArb = fc.constantFrom<"a" | "b">("a", "b");
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ do: fc.constant("create" as const), name: nameArb, ns: nsArb, tier: fc.constantFrom("web", "db"), finalizer: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ do: fc.constant("relabel" as const), name: nameArb, ns: nsArb, tier: fc.constantFrom("web", "db", "cache") }), weight: 4 },
  { arbitrary: fc.record({ do: fc.constant("phase" as const), name: nameArb, ns: nsArb, phase: fc.constantFrom("Pending", "Running") }), weight: 3 },
  { arbitrary: fc.record({ do: fc.constant("echo" as const), name: nameArb, ns: nsArb }), weight: 4 },
  { arbitrary: fc.record({ do: fc.constant("delete" as const), name: nameArb, ns: nsArb }), weight: 3 },
  { arbitrary: fc.record({ do: fc.constant("unfinalize" as const), name: nameArb, ns: nsArb }), weight: 2 },
  { arbitrary: fc.record({ do: fc.constant("other" as const) }), weight: 1 },
  {
    arbitrary: fc.record({
      do: fc.constant("watch" as const),
      selector: fc.constantFrom<Selector>("none", "web", "notWeb", "running", "nsA"),
      start: fc.constantFrom<Start>("list", "zero", "absent", "old", "old", "old"),
      old: fc.nat({ max: 1000 }),
      bookmarks: fc.boolean(),
      reentrant: fc.constantFrom<Reentrant>("none", "sync", "sync", "async", "async", "startsWatch", "stopsItself"),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ do: fc.constant("stop" as const), which: fc.nat({ max: 20 }) }), weight: 1 },
  { arbitrary: fc.record({ do: fc.constant("restart" as const), which: fc.nat({ max: 20 }) }), weight: 1 },
  { arbitrary: fc.record({ do: fc.constant("yield" as const), kind: fc.constantFrom<Yield>(1, 2, 3) }), weight: 2 },
);

interface Watcher {
  readonly id: number;
  readonly selector: Selector;
  readonly bookmarks: boolean;
  recorder: WatchRecorder;
  stopped: boolean;
}

/** Runs a scenario and checks every watcher; returns counts for the coverage assertions. */
class Scenario {
  readonly store: MemoryStore;
  readonly watchers: Watcher[] = [];
  /** The state of all Pods after each Pod change, from an unfiltered watch registered first. */
  private readonly states = new Map<number, ReadonlyMap<string, KubeObject>>([[0, new Map()]]);
  private readonly podRvs: number[] = [];
  private readonly oracle: WatchRecorder;
  readonly problems: string[] = [];
  expired = 0;
  reentrantWrites = 0;
  private nextId = 0;

  constructor(readonly history: number) {
    this.store = createMemoryStore({ clock, history, onListenerError: (error) => this.problems.push(`listener threw: ${String(error)}`) });
    this.oracle = recordWatch(this.store, POD, {}, {
      onEvent: (event, recorder) => {
        const rv = rvOf(event.object);
        this.podRvs.push(rv);
        this.states.set(rv, new Map(recorder.state));
      },
    });
  }

  /** The Pods as they were at a resource version, filtered by a selector. */
  stateAt(rv: number, selector: Selector): Map<string, KubeObject> {
    let at = 0;
    for (const r of this.podRvs) if (r <= rv) at = r;
    const all = this.states.get(at) ?? new Map();
    return new Map([...all].filter(([, o]) => selected(selector, o)));
  }

  /** The resource version of the newest Pod change the store no longer keeps (0: none). */
  private floor(): number {
    const dropped = this.podRvs.length - this.history;
    return dropped > 0 ? (this.podRvs[dropped - 1] as number) : 0;
  }

  private ref(name: number, ns: string) {
    return { ...POD, namespace: ns, name: `o${name}` };
  }

  /** Performs a write, accepting only the failures its step can have. */
  private async write(promise: Promise<unknown>, allowed: readonly string[]): Promise<void> {
    try {
      await promise;
    } catch (error) {
      if (!allowed.includes(reasonOf(error))) this.problems.push(`write failed: ${String(error)}`);
    }
  }

  async run(steps: readonly Step[]): Promise<void> {
    for (const step of steps) await this.step(step);
    await pause(3);
    for (const w of this.watchers) {
      if (w.stopped) continue;
      const list = await this.store.list(POD, SELECTORS[w.selector]);
      expectConsistent(w.recorder, list.items, `watcher ${w.id} (${w.selector})`);
      if (w.bookmarks) expect(w.recorder.lastRv, `watcher ${w.id} is bookmarked up to the store`).toBe(Number(this.store.resourceVersion));
      this.expectSelected(w);
    }
    expectConsistent(this.oracle, (await this.store.list(POD)).items, "oracle");
    expect(this.problems).toEqual([]);
  }

  private expectSelected(w: Watcher): void {
    for (const event of w.recorder.events) {
      if (event.type !== "BOOKMARK") expect(selected(w.selector, event.object), `watcher ${w.id}: ${event.type} ${keyOf(event.object)}`).toBe(true);
    }
  }

  private async step(step: Step): Promise<void> {
    const s = this.store;
    switch (step.do) {
      case "create": {
        const finalizers = step.finalizer ? { finalizers: ["example.com/keep"] } : {};
        await this.write(s.create({ ...POD, metadata: { name: `o${step.name}`, namespace: step.ns, labels: { tier: step.tier }, ...finalizers }, spec: { containers: [] } }), ["AlreadyExists"]);
        return;
      }
      case "relabel":
        await this.write(s.patch(this.ref(step.name, step.ns), { patchType: "merge", data: { metadata: { labels: { tier: step.tier } } } }), ["NotFound"]);
        return;
      case "phase":
        await this.write(s.patch(this.ref(step.name, step.ns), { patchType: "merge", subresource: "status", data: { status: { phase: step.phase } } }), ["NotFound"]);
        return;
      case "echo":
        await this.write(s.patch(this.ref(step.name, step.ns), { patchType: "merge", data: { metadata: { labels: { echo: "req" } } } }), ["NotFound"]);
        return;
      case "delete":
        await this.write(s.delete(this.ref(step.name, step.ns), { gracePeriodSeconds: 0 }), ["NotFound"]);
        return;
      case "unfinalize":
        await this.write(s.patch(this.ref(step.name, step.ns), { patchType: "json", data: [{ op: "remove", path: "/metadata/finalizers" }] }), ["NotFound", "Invalid"]);
        return;
      case "other":
        await s.create({ ...CM, metadata: { generateName: "cm-", namespace: "a" } });
        return;
      case "watch":
        await this.startWatcher(step);
        return;
      case "stop":
      case "restart": {
        const live = this.watchers.filter((w) => !w.stopped);
        const w = live[step.which % Math.max(1, live.length)];
        if (w === undefined) return;
        w.recorder.stop();
        w.stopped = true;
        // nothing is being delivered now: the watcher has seen every change up to the store's version
        const expected = this.stateAt(Number(s.resourceVersion), w.selector);
        expectConsistent(w.recorder, [...expected.values()], `watcher ${w.id} when stopped`);
        this.expectSelected(w);
        if (step.do === "restart") this.resume(w);
        return;
      }
      case "yield":
        await pause(step.kind);
        return;
    }
  }

  private async startWatcher(step: Extract<Step, { do: "watch" }>): Promise<void> {
    const options: WatchOptions = { ...SELECTORS[step.selector], ...(step.bookmarks ? { allowBookmarks: true } : {}) };
    if (step.start === "list" || (step.start === "old" && this.store.resourceVersion === "0")) {
      const list = await this.store.list(POD, SELECTORS[step.selector]);
      this.add(step.selector, step.bookmarks, step.reentrant, { ...options, resourceVersion: list.resourceVersion }, byKey(list.items));
    } else if (step.start === "old") {
      const rv = 1 + (step.old % Math.max(1, Number(this.store.resourceVersion)));
      this.fromVersion(step.selector, step.bookmarks, step.reentrant, options, rv, this.stateAt(rv, step.selector));
    } else {
      this.add(step.selector, step.bookmarks, step.reentrant, step.start === "zero" ? { ...options, resourceVersion: "0" } : options, new Map());
    }
  }

  /** Watches from a resource version: Expired exactly when it is older than the kept changes, then list again. */
  private fromVersion(selector: Selector, bookmarks: boolean, reentrant: Reentrant, options: WatchOptions, rv: number, initial: Map<string, KubeObject>): Watcher {
    const tooOld = rv > 0 && rv < this.floor(); // "0" is a fresh watch
    const w = this.add(selector, bookmarks, reentrant, { ...options, resourceVersion: String(rv) }, initial);
    if (!tooOld) return w;
    expect(w.recorder.errors.map((e) => (isStoreError(e) ? `${e.reason} ${e.statusCode}` : String(e)))).toEqual(["Expired 410"]);
    expect(w.recorder.events).toEqual([]);
    this.expired++;
    w.stopped = true;
    // list again (synchronously consistent: the memory store's list resolves with its state when called)
    const items = [...this.stateAt(Number(this.store.resourceVersion), selector).values()];
    return this.add(selector, bookmarks, reentrant, { ...options, resourceVersion: this.store.resourceVersion }, byKey(items));
  }

  /** Continues a stopped watcher from the last resource version it saw (event or bookmark). */
  private resume(w: Watcher): void {
    const options: WatchOptions = { ...SELECTORS[w.selector], ...(w.bookmarks ? { allowBookmarks: true } : {}) };
    this.fromVersion(w.selector, w.bookmarks, "none", options, w.recorder.lastRv, w.recorder.state);
  }

  private add(selector: Selector, bookmarks: boolean, reentrant: Reentrant, options: WatchOptions, initial: Map<string, KubeObject>): Watcher {
    const id = this.nextId++;
    const watcher: Watcher = { id, selector, bookmarks, recorder: undefined as unknown as WatchRecorder, stopped: false };
    this.watchers.push(watcher);
    let calls = 0;
    const fresh = options.resourceVersion === undefined || options.resourceVersion === "0";
    const startRv = Number(this.store.resourceVersion);
    const onEvent = (event: WatchEvent, recorder: WatchRecorder): void => {
      calls++;
      const initialEvent = fresh && event.type === "ADDED" && rvOf(event.object) <= startRv;
      if (reentrant === "stopsItself" && calls >= 3 && !initialEvent && !watcher.stopped) {
        recorder.stop();
        watcher.stopped = true;
        // stopped inside a delivery: it has seen every change up to its last event
        const expected = this.stateAt(recorder.lastRv, selector);
        expectConsistent(recorder, [...expected.values()], `watcher ${id} stopped itself`);
        return;
      }
      if (reentrant === "startsWatch" && calls === 1) {
        const nested: Selector = selector === "none" ? "web" : "none";
        this.add(nested, !bookmarks, "sync", { ...SELECTORS[nested], ...(bookmarks ? {} : { allowBookmarks: true }) }, new Map());
        return;
      }
      if (event.type === "BOOKMARK" || event.type === "DELETED") return;
      const meta = event.object.metadata;
      if (meta.labels?.["echo"] !== "req" || meta.annotations?.[`echoed-${id}`] !== undefined) return;
      const echo = (): Promise<unknown> => {
        this.reentrantWrites++;
        return this.store.patch({ ...POD, namespace: meta.namespace ?? "", name: meta.name ?? "" }, { patchType: "merge", data: { metadata: { annotations: { [`echoed-${id}`]: String(rvOf(event.object)) } } } });
      };
      if (reentrant === "sync") void this.write(echo(), ["NotFound"]);
      if (reentrant === "async") queueMicrotask(() => void this.write(echo(), ["NotFound"]));
    };
    watcher.recorder = recordWatch(this.store, POD, options, { initial, onEvent });
    return watcher;
  }
}

const RUNS = 200;

describe("watch ordering on the memory store", () => {
  for (const history of [3, 20, 10_000]) {
    it(`no watcher skips, reorders or repeats an event; list + watch = final list (property, history ${history})`, async () => {
      let watchers = 0;
      let expired = 0;
      let reentrantWrites = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 120, size: "max" }), async (steps) => {
          const scenario = new Scenario(history);
          await scenario.run(steps);
          watchers += scenario.watchers.length;
          expired += scenario.expired;
          reentrantWrites += scenario.reentrantWrites;
        }),
        { numRuns: RUNS, seed: SEED + history },
      );
      console.log(`history ${history}: ${RUNS} runs, ${watchers} watchers, ${expired} Expired then relisted, ${reentrantWrites} writes from listeners`);
      expect(watchers).toBeGreaterThan(RUNS * 2);
      expect(reentrantWrites).toBeGreaterThan(RUNS / 5);
      if (history === 3) expect(expired).toBeGreaterThan(RUNS / 10);
    });
  }
});

describe("Expired (410) and relisting", () => {
  it("a watch from a compacted resource version fails with Expired; list + watch from the list is consistent", async () => {
    const store = createMemoryStore({ clock, history: 3 });
    for (let i = 0; i < 10; i++) await store.create({ ...POD, metadata: { name: `p${i}`, namespace: "default" } });
    const errors: Error[] = [];
    const events: WatchEvent[] = [];
    store.watch(POD, { resourceVersion: "2" }, (e) => events.push(e), (e) => errors.push(e));
    expect(events).toEqual([]);
    expect(errors.map((e) => (isStoreError(e) ? [e.reason, e.statusCode] : e))).toEqual([["Expired", 410]]);
    expect(() => store.watch(POD, { resourceVersion: "2" }, () => undefined)).toThrow(/too old resource version: 2/);
    // the kept changes are still served
    const kept = recordWatch(store, POD, { resourceVersion: "7" }, { initial: byKey((await store.list(POD)).items.filter((o) => rvOf(o) <= 7)) });
    expect(kept.events.map((e) => rvOf(e.object))).toEqual([8, 9, 10]);
    const list = await store.list(POD);
    const relisted = recordWatch(store, POD, { resourceVersion: list.resourceVersion }, { initial: byKey(list.items) });
    for (let i = 0; i < 10; i++) await store.patch({ ...POD, namespace: "default", name: `p${i}` }, { patchType: "merge", data: { metadata: { labels: { round: "2" } } } });
    await store.delete({ ...POD, namespace: "default", name: "p3" });
    const final = (await store.list(POD)).items;
    expectConsistent(relisted, final, "relisted");
    expectConsistent(kept, final, "kept");
  });

  it("a restore ends every watch with Expired", async () => {
    const store = createMemoryStore({ clock });
    await store.create({ ...POD, metadata: { name: "p", namespace: "default" } });
    const w = recordWatch(store, POD, {});
    store.restore(store.snapshot());
    expect(w.errors.map(reasonOf)).toEqual(["Expired"]);
  });

  it("a listener that writes more than the kept history during a fresh watch's initial events misses nothing", async () => {
    const store = createMemoryStore({ clock, history: 1 });
    for (let i = 0; i < 3; i++) await store.create({ ...POD, metadata: { name: `p${i}`, namespace: "default" } });
    let writes = 0;
    const recorder = recordWatch(store, POD, {}, {
      onEvent: (event) => {
        if (event.type !== "ADDED" || writes > 0) return;
        for (let i = 0; i < 3; i++, writes++) void store.patch({ ...POD, namespace: "default", name: `p${i}` }, { patchType: "merge", data: { metadata: { labels: { seen: "1" } } } });
      },
    });
    // the history keeps one change, but the catch-up after the initial events sees all three
    expect(writes).toBe(3);
    expectConsistent(recorder, (await store.list(POD)).items, "initial events + catch-up");
    expect(recorder.events.map((e) => `${e.type} ${rvOf(e.object)}`).slice(3)).toEqual(["MODIFIED 4", "MODIFIED 5", "MODIFIED 6"]);
    // and the history is back to its limit afterwards
    expect(() => store.watch(POD, { resourceVersion: "4" }, () => undefined)).toThrow(/too old resource version/);
  });
});
