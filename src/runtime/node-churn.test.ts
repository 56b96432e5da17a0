/**
 * Nodes that come and go (and pods bound to nodes the simulator never sees) must not leave
 * per-node state behind: these grew by one entry per node name before (found by the churn soak
 * in test/integrity).
 */
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../adapters/memory/index.js";
import { compileLifecycle } from "../plan/compile-lifecycle.js";
import { loadPreset } from "../presets/index.js";
import type { KubeObject } from "../store/types.js";
import { createControllerFunctions } from "./controller-functions.js";
import { PodScheduler } from "./pod-scheduler.js";
import { Simulator } from "./simulator.js";
import { VirtualClock } from "./virtual-clock.js";

const POD = { apiVersion: "v1", kind: "Pod" } as const;
const NODE = { apiVersion: "v1", kind: "Node" } as const;

function pod(name: string, nodeName: string): KubeObject {
  return { ...POD, metadata: { name, namespace: "default" }, spec: { nodeName, containers: [{ name: "c", image: "i" }] } };
}

function node(name: string): KubeObject {
  return { ...NODE, metadata: { name }, status: { allocatable: { cpu: "8", pods: "110" } } };
}

/** The size of a private map (white-box: these are the maps that grew). */
function sizeOf(object: unknown, field: string): number {
  return ((object as Record<string, unknown>)[field] as Map<unknown, unknown>).size;
}

describe("per-node state under node churn", () => {
  it("forgetNode drops a node's function map (and with it the renderer's merged map)", () => {
    const fns = createControllerFunctions({ nodes: () => ({}) });
    const n1 = node("n1");
    const first = fns.forObject(n1);
    expect(fns.forObject(n1)).toBe(first);
    fns.forgetNode("n1");
    const second = fns.forObject(n1);
    expect(second).not.toBe(first);
    expect(Object.keys(second)).toEqual(Object.keys(first));
  });

  it("the simulator forgets deleted nodes and pods waiting for nodes it never saw", async () => {
    const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
    const store = createMemoryStore({ clock });
    const sim = new Simulator({ store, lifecycle: compileLifecycle(loadPreset("general"), { defaultPatchType: "controller" }), clock, seed: 1, history: "none" });
    await sim.start();
    const functions = (sim as unknown as { functions: ReturnType<typeof createControllerFunctions> }).functions;
    const maps = new Set<unknown>();
    for (let i = 0; i < 20; i++) {
      await store.create(node(`node-${i}`));
      await store.create(pod(`p-${i}`, `node-${i}`));
      await store.create(pod(`ghost-${i}`, `ghost-node-${i}`));
      await clock.advance(30_000);
      maps.add(functions.forObject(await store.get({ ...NODE, name: `node-${i}` })));
      await store.delete({ ...POD, namespace: "default", name: `p-${i}` }, { gracePeriodSeconds: 0 });
      await store.delete({ ...POD, namespace: "default", name: `ghost-${i}` }, { gracePeriodSeconds: 0 });
      await store.delete({ ...NODE, name: `node-${i}` });
      await clock.advance(30_000);
    }
    // a node seen again after its deletion gets a fresh function map: the old one was dropped
    expect(maps.has(functions.forObject(node("node-0")))).toBe(false);
    expect(sizeOf(sim, "waitingForNode")).toBe(0);
    expect(sizeOf(sim, "nodes")).toBe(0);
    expect(sim.pendingJobs).toBe(0);
    sim.stop();
  });

  it("the scheduler drops the pod index of a node with its last pod", async () => {
    const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
    const store = createMemoryStore({ clock });
    const scheduler = new PodScheduler({ store, clock });
    await scheduler.start();
    await store.create({ ...node("real"), status: { conditions: [{ type: "Ready", status: "True" }], allocatable: { cpu: "8", pods: "110" } } });
    for (let i = 0; i < 20; i++) {
      await store.create(pod(`bound-${i}`, `gone-${i}`));
      await store.create({ ...POD, metadata: { name: `pending-${i}`, namespace: "default" }, spec: { containers: [{ name: "c", image: "i" }] } });
      await clock.runUntil(() => scheduler.idle);
      await store.delete({ ...POD, namespace: "default", name: `bound-${i}` }, { gracePeriodSeconds: 0 });
      await store.delete({ ...POD, namespace: "default", name: `pending-${i}` }, { gracePeriodSeconds: 0 });
    }
    expect(sizeOf(scheduler, "byNode")).toBe(0);
    expect(sizeOf(scheduler, "pods")).toBe(0);
    scheduler.stop();
  });
});
