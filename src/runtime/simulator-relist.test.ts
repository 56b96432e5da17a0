import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../adapters/memory/index.js";
import { compileLifecycle } from "../plan/compile-lifecycle.js";
import { loadPreset } from "../presets/index.js";
import { resyncEvents } from "../store/resync.js";
import type { KubeObject } from "../store/types.js";
import { Simulator } from "./simulator.js";
import { VirtualClock } from "./virtual-clock.js";

const lifecycle = compileLifecycle(loadPreset("fast"));
const node = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Node", metadata: { name } });
const pod = (name: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: { nodeName: "n0", containers: [{ name: "c", image: "i" }] },
});
const phase = (o: KubeObject): unknown => (o as { status?: { phase?: unknown } }).status?.phase;

/** A simulator with the `fast` preset on a virtual clock, and node n0 made Ready. */
async function withReadyNode(options: { scheduler?: boolean } = {}) {
  const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
  const store = createMemoryStore({ clock });
  const sim = new Simulator({ store, lifecycle, clock, seed: 3, ...options });
  await sim.start();
  await store.create(node("n0"));
  await clock.runUntil(() => sim.idle, { timeout: 10_000 });
  return { clock, store, sim };
}

describe("Simulator after a watch expires (store restore, 410)", () => {
  it("lists again: vanished objects lose their jobs, new ones are driven, nothing stops", async () => {
    const { clock, store, sim } = await withReadyNode();
    // a cluster state from elsewhere: the same node, pod "kept", and a new pod "added"; "vanished" is not in it
    const other = createMemoryStore({ clock });
    const ready = await store.get({ apiVersion: "v1", kind: "Node", name: "n0" });
    await other.create({ ...ready, metadata: { name: "n0" } });
    await other.create(pod("kept"));
    await other.create(pod("added"));
    await store.create(pod("kept"));
    await store.create(pod("vanished"));
    expect(sim.pendingJobs).toBeGreaterThan(0);
    store.restore(other.snapshot());
    await sim.settled();
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    expect(sim.warnings).toEqual([]);
    const pods = (await store.list({ apiVersion: "v1", kind: "Pod" })).items;
    expect(pods.map((p) => [p.metadata.name, phase(p)])).toEqual([
      ["added", "Running"],
      ["kept", "Running"],
    ]);
    const vanished = sim.history.filter((e) => e.object.name === "vanished");
    expect(vanished.map((e) => e.kind)).toEqual(["scheduled", "cancelled"]);
    expect(sim.history.some((e) => e.object.name === "added" && e.kind === "applied")).toBe(true);
    // the simulator keeps watching after the re-list: a pod created now is driven too
    await store.create(pod("later"));
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    expect(phase(await store.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "later" }))).toBe("Running");
    sim.stop();
  });

  it("forgets a node that vanished while the watch was down", async () => {
    const { clock, store, sim } = await withReadyNode();
    store.restore("");
    await sim.settled();
    // a pod bound to n0 now waits for the node, as for any unknown node
    await store.create(pod("orphan"));
    await clock.runUntil(() => sim.idle, { timeout: 10_000 });
    expect(sim.history.filter((e) => e.object.name === "orphan")).toEqual([]);
    await store.create(node("n0"));
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    expect(phase(await store.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "orphan" }))).toBe("Running");
    sim.stop();
  });

  it("keeps the scheduler watching: a pod without a node created after a restore is bound and driven", async () => {
    const { clock, store, sim } = await withReadyNode({ scheduler: true });
    store.restore(store.snapshot());
    await sim.settled();
    const unbound: KubeObject = { ...pod("unbound"), spec: { containers: [{ name: "c", image: "i" }] } };
    await store.create(unbound);
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    const bound = await store.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "unbound" });
    expect((bound.spec as { nodeName?: string }).nodeName).toBe("n0");
    expect(phase(bound)).toBe("Running");
    sim.stop();
  });
});

describe("resyncEvents", () => {
  const cm = (name: string, rv: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "a", resourceVersion: rv } });
  it("deletes what is gone (with its cached state), then adds the new and modifies the changed, in resource-version order", () => {
    const events = resyncEvents([cm("gone", "1"), cm("kept", "2"), cm("same", "3")], { resourceVersion: "9", items: [cm("new", "6"), cm("kept", "5"), cm("same", "3")] });
    expect(events.map((e) => `${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`)).toEqual(["DELETED gone 1", "MODIFIED kept 5", "ADDED new 6"]);
  });
});
