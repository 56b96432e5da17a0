/**
 * Concurrent writers against the memory store: async tasks interleaved by seeded yields do
 * read-modify-write updates (retrying on Conflict) and unconditional patches of every type on the
 * same objects. No successful write may be lost, every failed precondition must be a typed
 * error, resource versions must grow, and the final state must equal a sequential replay of the
 * successful writes in resource-version order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory/index.js";
import type { MemoryStore } from "../../src/adapters/memory/index.js";
import { seededRandom } from "../../src/runtime/rng.js";
import type { KubeObject, ObjectRef } from "../../src/store/types.js";
import { expectConsistent, keyOf, pause, reasonOf, recordWatch, rvOf } from "./helpers.js";
import type { Yield } from "./helpers.js";

const POD = { apiVersion: "v1", kind: "Pod" } as const;
const CM = { apiVersion: "v1", kind: "ConfigMap" } as const;
const SEED = 20261123;
const clock = { now: () => new Date("2024-01-01T00:00:00Z") };

/** A successful write: the call that made it (to replay it) and what it returned. */
interface Write {
  readonly rv: number;
  readonly call: (store: MemoryStore) => Promise<KubeObject>;
  readonly result: KubeObject;
}

/** Runs a store call, recording it when it commits; a call that fails must not commit. */
async function write(store: MemoryStore, writes: Write[], call: (store: MemoryStore) => Promise<KubeObject>): Promise<KubeObject> {
  const before = Number(store.resourceVersion);
  const promise = call(store); // the memory store commits synchronously, when called
  const after = Number(store.resourceVersion);
  try {
    const result = await promise;
    if (after === before + 1) writes.push({ rv: after, call, result });
    else expect(after, "a successful write commits at most one change").toBe(before);
    return result;
  } catch (error) {
    expect(after, `a failed write (${reasonOf(error)}) commits nothing`).toBe(before);
    throw error;
  }
}

/** Replays the writes in resource-version order on a fresh store; each must give the same object. */
async function expectReplayEquals(store: MemoryStore, writes: readonly Write[], seed: (store: MemoryStore) => Promise<void>): Promise<void> {
  const replay = createMemoryStore({ clock });
  await seed(replay);
  const ordered = [...writes].sort((a, b) => a.rv - b.rv);
  expect(new Set(ordered.map((w) => w.rv)).size, "every write has its own resource version").toBe(ordered.length);
  for (const w of ordered) {
    expect(Number(replay.resourceVersion) + 1, "no gap in the resource versions of the successful writes").toBe(w.rv);
    expect(await w.call(replay)).toEqual(w.result);
  }
  expect(replay.snapshot()).toBe(store.snapshot());
}

// ---------------------------------------------------------------------------------------------
// Read-modify-write and patches on the same Pods

const KINDS = ["rmw", "mergeCas", "jsonCas", "merge", "jsonAppend", "strategic", "apply", "status"] as const;
type Kind = (typeof KINDS)[number];

interface Op {
  readonly kind: Kind;
  readonly target: number;
  readonly yields: readonly Yield[];
}

const yieldArb: fc.Arbitrary<Yield> = fc.oneof(
  { arbitrary: fc.constant<Yield>(0), weight: 3 },
  { arbitrary: fc.constant<Yield>(1), weight: 3 },
  { arbitrary: fc.constant<Yield>(2), weight: 2 },
  { arbitrary: fc.constant<Yield>(3), weight: 1 },
  { arbitrary: fc.constant<Yield>(4), weight: 1 },
);
const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(...KINDS),
  target: fc.nat({ max: 2 }),
  yields: fc.array(yieldArb, { minLength: 3, maxLength: 3 }),
});
const scenarioArb = fc.record({
  objects: fc.integer({ min: 1, max: 3 }),
  tasks: fc.array(fc.array(opArb, { minLength: 1, maxLength: 8, size: "max" }), { minLength: 2, maxLength: 8, size: "max" }),
});

function podName(i: number): string {
  return `p${i}`;
}

function podRef(i: number): ObjectRef {
  return { ...POD, namespace: "default", name: podName(i) };
}

async function seedPods(store: MemoryStore, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await store.create({
      ...POD,
      metadata: { name: podName(i), namespace: "default", labels: { app: "x" }, annotations: { a: "0" } },
      spec: { containers: [{ name: "main", image: "i" }] },
      data: { total: 0, mcas: 0, jcas: 0, list: [] },
      status: { tokens: {} },
    });
  }
}

/** What each object must hold at the end, counted from the successful operations. */
interface Expected {
  total: number;
  mcas: number;
  jcas: number;
  perTask: Map<number, number>;
  list: string[];
  annotations: string[];
  containers: string[];
  labels: string[];
  status: string[];
}

function emptyExpected(): Expected {
  return { total: 0, mcas: 0, jcas: 0, perTask: new Map(), list: [], annotations: [], containers: [], labels: [], status: [] };
}

interface Counters {
  conflicts: number;
  testFailures: number;
}

async function runOp(store: MemoryStore, writes: Write[], task: number, index: number, op: Op, objects: number, expected: Expected[], counters: Counters): Promise<void> {
  const target = op.target % objects;
  const ref = podRef(target);
  const token = `t${task}-${index}`;
  const exp = expected[target] as Expected;
  const [y0, y1, y2] = op.yields as [Yield, Yield, Yield];
  await pause(y0);
  const retrying = async (attempt: () => Promise<void>, retryOn: string): Promise<void> => {
    for (let tries = 0; ; tries++) {
      expect(tries, "a read-modify-write gets through eventually").toBeLessThan(1000);
      try {
        await attempt();
        return;
      } catch (error) {
        expect(reasonOf(error), `${op.kind} ${token}`).toBe(retryOn);
        if (retryOn === "Conflict") counters.conflicts++;
        else counters.testFailures++;
        await pause(y2);
      }
    }
  };
  switch (op.kind) {
    case "rmw":
      await retrying(async () => {
        const current = await store.get(ref);
        await pause(y1);
        const data = current["data"] as Record<string, number>;
        const mine = `r${task}`;
        const next = { ...current, data: { ...data, total: (data["total"] ?? 0) + 1, [mine]: (data[mine] ?? 0) + 1 } };
        await write(store, writes, (s) => s.update(next));
      }, "Conflict");
      exp.total++;
      exp.perTask.set(task, (exp.perTask.get(task) ?? 0) + 1);
      return;
    case "mergeCas":
      await retrying(async () => {
        const current = await store.get(ref);
        await pause(y1);
        const mcas = (current["data"] as { mcas: number }).mcas;
        const body = { metadata: { resourceVersion: current.metadata.resourceVersion }, data: { mcas: mcas + 1 } };
        await write(store, writes, (s) => s.patch(ref, { patchType: "merge", data: body }));
      }, "Conflict");
      exp.mcas++;
      return;
    case "jsonCas":
      await retrying(async () => {
        const current = await store.get(ref);
        await pause(y1);
        const jcas = (current["data"] as { jcas: number }).jcas;
        const body = [
          { op: "test", path: "/data/jcas", value: jcas },
          { op: "replace", path: "/data/jcas", value: jcas + 1 },
        ];
        await write(store, writes, (s) => s.patch(ref, { patchType: "json", data: body }));
      }, "Invalid");
      exp.jcas++;
      return;
    case "merge":
      await pause(y1);
      await write(store, writes, (s) => s.patch(ref, { patchType: "merge", data: { metadata: { annotations: { [`m-${token}`]: "1" } } } }));
      exp.annotations.push(`m-${token}`);
      return;
    case "jsonAppend":
      await pause(y1);
      await write(store, writes, (s) => s.patch(ref, { patchType: "json", data: [{ op: "add", path: "/data/list/-", value: token }] }));
      exp.list.push(token);
      return;
    case "strategic":
      await pause(y1);
      await write(store, writes, (s) => s.patch(ref, { patchType: "strategic", data: { spec: { containers: [{ name: `s-${token}`, image: "i" }] } } }));
      exp.containers.push(`s-${token}`);
      return;
    case "apply": {
      await pause(y1);
      const body = { ...POD, metadata: { name: ref.name, namespace: "default", labels: { [`a-${token}`]: "1" } } };
      await write(store, writes, (s) => s.patch(ref, { patchType: "apply", data: body, fieldManager: `task-${task}`, force: true }));
      exp.labels.push(`a-${token}`);
      return;
    }
    case "status":
      await pause(y1);
      await write(store, writes, (s) => s.patch(ref, { patchType: "merge", subresource: "status", data: { status: { tokens: { [token]: index } } } }));
      exp.status.push(token);
      return;
  }
}

function expectHolds(object: KubeObject, exp: Expected): void {
  const data = object["data"] as Record<string, unknown>;
  expect(data["total"]).toBe(exp.total);
  expect(data["mcas"]).toBe(exp.mcas);
  expect(data["jcas"]).toBe(exp.jcas);
  for (const [task, count] of exp.perTask) expect(data[`r${task}`]).toBe(count);
  expect([...(data["list"] as string[])].sort()).toEqual([...exp.list].sort());
  const annotations = Object.keys(object.metadata.annotations ?? {}).filter((k) => k.startsWith("m-"));
  expect(annotations.sort()).toEqual([...exp.annotations].sort());
  const containers = ((object["spec"] as { containers: { name: string }[] }).containers).map((c) => c.name);
  expect(containers.sort()).toEqual(["main", ...exp.containers].sort());
  const labels = Object.keys(object.metadata.labels ?? {}).filter((k) => k.startsWith("a-"));
  expect(labels.sort()).toEqual([...exp.labels].sort());
  expect(Object.keys((object["status"] as { tokens: object }).tokens).sort()).toEqual([...exp.status].sort());
}

describe("concurrent writers on the memory store", () => {
  it("lose no update: read-modify-write with retry on Conflict, CAS patches and unconditional patches of every type (property)", async () => {
    let totalOps = 0;
    let totalConflicts = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ objects, tasks }) => {
        const store = createMemoryStore({ clock });
        await seedPods(store, objects);
        const list = await store.list(POD);
        const watcher = recordWatch(store, POD, { resourceVersion: list.resourceVersion }, { initial: new Map(list.items.map((o) => [keyOf(o), o])) });
        const writes: Write[] = [];
        const expected = Array.from({ length: objects }, emptyExpected);
        const counters: Counters = { conflicts: 0, testFailures: 0 };
        await Promise.all(
          tasks.map(async (ops, task) => {
            for (const [index, op] of ops.entries()) await runOp(store, writes, task, index, op, objects, expected, counters);
          }),
        );
        totalOps += tasks.reduce((n, ops) => n + ops.length, 0);
        totalConflicts += counters.conflicts + counters.testFailures;
        const final = await store.list(POD);
        for (const object of final.items) expectHolds(object, expected[Number(object.metadata.name?.slice(1))] as Expected);
        // the watch saw exactly the successful writes, in resource-version order
        expect(watcher.events.map((e) => rvOf(e.object))).toEqual(writes.map((w) => w.rv).sort((a, b) => a - b));
        expectConsistent(watcher, final.items, "watch from the list");
        await expectReplayEquals(store, writes, (s) => seedPods(s, objects));
      }),
      { numRuns: 150, seed: SEED },
    );
    console.log(`concurrent writers: 150 runs, ${totalOps} operations, ${totalConflicts} failed preconditions retried`);
    // the schedules do contend: many preconditions failed and were retried
    expect(totalConflicts).toBeGreaterThan(100);
    expect(totalOps).toBeGreaterThan(150 * 15);
  });

  it("50 tasks × 20 increments of one counter: exactly 1000, with conflicts on the way", async () => {
    const store = createMemoryStore({ clock });
    await seedPods(store, 1);
    const writes: Write[] = [];
    const rng = seededRandom(SEED);
    let conflicts = 0;
    const yields = (): Yield => Math.floor(rng() * 4) as Yield;
    await Promise.all(
      Array.from({ length: 50 }, async (_, task) => {
        for (let i = 0; i < 20; i++) {
          for (;;) {
            const current = await store.get(podRef(0));
            await pause(yields());
            const data = current["data"] as Record<string, number>;
            try {
              await write(store, writes, (s) => s.update({ ...current, data: { ...data, total: (data["total"] ?? 0) + 1, [`r${task}`]: (data[`r${task}`] ?? 0) + 1 } }));
              break;
            } catch (error) {
              expect(reasonOf(error)).toBe("Conflict");
              conflicts++;
            }
          }
        }
      }),
    );
    const final = await store.get(podRef(0));
    const data = final["data"] as Record<string, number>;
    expect(data["total"]).toBe(1000);
    for (let task = 0; task < 50; task++) expect(data[`r${task}`]).toBe(20);
    expect(rvOf(final)).toBe(1 + 1000);
    expect(conflicts).toBeGreaterThan(100);
    await expectReplayEquals(store, writes, (s) => seedPods(s, 1));
  });
});

// ---------------------------------------------------------------------------------------------
// Create, delete and finalizers on a small pool of names

const LIFE = ["create", "createWithFinalizer", "delete", "deleteGraceful", "deleteIfUid", "removeFinalizer", "addFinalizer", "touch"] as const;
type LifeKind = (typeof LIFE)[number];

interface LifeOp {
  readonly kind: LifeKind;
  readonly pod: boolean;
  readonly name: number;
  readonly yields: readonly Yield[];
}

const lifeArb: fc.Arbitrary<LifeOp> = fc.record({
  kind: fc.constantFrom(...LIFE),
  pod: fc.boolean(),
  name: fc.nat({ max: 2 }),
  yields: fc.array(yieldArb, { minLength: 2, maxLength: 2 }),
});

const EXPECTED_FAILURES: Readonly<Record<LifeKind, readonly string[]>> = {
  create: ["AlreadyExists"],
  createWithFinalizer: ["AlreadyExists"],
  delete: ["NotFound"],
  deleteGraceful: ["NotFound"],
  deleteIfUid: ["NotFound", "Conflict"],
  removeFinalizer: ["NotFound", "Conflict"],
  addFinalizer: ["NotFound", "Conflict", "Invalid"],
  touch: ["NotFound"],
};

function lifeRef(op: LifeOp): ObjectRef {
  return { ...(op.pod ? POD : CM), namespace: "default", name: `o${op.name}` };
}

async function runLife(store: MemoryStore, writes: Write[], task: number, index: number, op: LifeOp, failures: Map<string, number>): Promise<void> {
  const ref = lifeRef(op);
  const type = op.pod ? POD : CM;
  const [y0, y1] = op.yields as [Yield, Yield];
  await pause(y0);
  try {
    switch (op.kind) {
      case "create":
      case "createWithFinalizer": {
        const finalizers = op.kind === "createWithFinalizer" ? { finalizers: ["example.com/keep"] } : {};
        const spec = op.pod ? { spec: { nodeName: "n1", containers: [{ name: "c", image: "i" }] } } : { data: { by: `t${task}-${index}` } };
        await write(store, writes, (s) => s.create({ ...type, metadata: { name: ref.name, namespace: "default", ...finalizers }, ...spec }));
        return;
      }
      case "delete":
        await write(store, writes, (s) => s.delete(ref, { gracePeriodSeconds: 0 }));
        return;
      case "deleteGraceful":
        await write(store, writes, (s) => s.delete(ref, { gracePeriodSeconds: 5 }));
        return;
      case "deleteIfUid": {
        const current = await store.get(ref);
        await pause(y1);
        await write(store, writes, (s) => s.delete(ref, { gracePeriodSeconds: 0, preconditions: { uid: current.metadata.uid as string } }));
        return;
      }
      case "removeFinalizer":
      case "addFinalizer": {
        const current = await store.get(ref);
        await pause(y1);
        const had = current.metadata.finalizers ?? [];
        const finalizers = op.kind === "removeFinalizer" ? [] : [...had, `example.com/t${task}-${index}`];
        await write(store, writes, (s) => s.update({ ...current, metadata: { ...current.metadata, finalizers } }));
        return;
      }
      case "touch":
        await write(store, writes, (s) => s.patch(ref, { patchType: "merge", data: { metadata: { annotations: { [`t${task}-${index}`]: "1" } } } }));
        return;
    }
  } catch (error) {
    const reason = reasonOf(error);
    expect(EXPECTED_FAILURES[op.kind], `${op.kind} failed with ${reason}: ${String(error)}`).toContain(reason);
    if (reason === "Invalid") expect(String(error)).toContain("no new finalizers can be added if the object is being deleted");
    failures.set(reason, (failures.get(reason) ?? 0) + 1);
  }
}

describe("concurrent create, delete and finalizers on the memory store", () => {
  it("keep watches consistent and equal a sequential replay (property)", async () => {
    const failures = new Map<string, number>();
    let lifeOps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(lifeArb, { minLength: 1, maxLength: 10, size: "max" }), { minLength: 2, maxLength: 6, size: "max" }), async (tasks) => {
        lifeOps += tasks.reduce((n, ops) => n + ops.length, 0);
        const store = createMemoryStore({ clock });
        const pods = recordWatch(store, POD, {});
        const maps = recordWatch(store, CM, { allowBookmarks: true });
        const writes: Write[] = [];
        await Promise.all(
          tasks.map(async (ops, task) => {
            for (const [index, op] of ops.entries()) await runLife(store, writes, task, index, op, failures);
          }),
        );
        await pause(1); // the last bookmark
        const [podList, mapList] = [await store.list(POD), await store.list(CM)];
        expectConsistent(pods, podList.items, "pods");
        expectConsistent(maps, mapList.items, "config maps");
        expect(maps.lastRv, "a bookmark brings the watcher to the store's version").toBe(Number(store.resourceVersion));
        // nothing lingers that should be gone: a terminating object keeps a finalizer or a grace period
        for (const object of [...podList.items, ...mapList.items]) {
          const meta = object.metadata;
          if (meta.deletionTimestamp !== undefined) expect((meta.finalizers ?? []).length > 0 || (meta.deletionGracePeriodSeconds ?? 0) > 0, keyOf(object)).toBe(true);
        }
        // every successful write is one event of one of the two watches
        const seen = [...pods.events, ...maps.events].filter((e) => e.type !== "BOOKMARK").map((e) => rvOf(e.object));
        expect(seen.sort((a, b) => a - b)).toEqual(writes.map((w) => w.rv).sort((a, b) => a - b));
        await expectReplayEquals(store, writes, async () => undefined);
      }),
      { numRuns: 150, seed: SEED },
    );
    console.log(`create/delete/finalizers: 150 runs, ${lifeOps} operations, failures ${JSON.stringify(Object.fromEntries(failures))}`);
    for (const reason of ["AlreadyExists", "NotFound", "Conflict", "Invalid"]) expect(failures.get(reason) ?? 0, reason).toBeGreaterThan(0);
  });
});
