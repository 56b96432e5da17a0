import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../adapters/memory/index.js";
import type { KubeObject } from "../store/types.js";
import type { ControllerAction } from "./controller-action.js";
import { PodScheduler, type PodSchedulerOptions } from "./pod-scheduler.js";
import { VirtualClock } from "./virtual-clock.js";

function node(name: string, extra: { taints?: unknown[]; pods?: string; ready?: string } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name },
    spec: extra.taints ? { taints: extra.taints } : {},
    status: { conditions: [{ type: "Ready", status: extra.ready ?? "True" }], allocatable: { cpu: "1", pods: extra.pods ?? "10" } },
  };
}

function pod(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec: { containers: [{ name: "c", resources: { requests: { cpu: "400m" } } }], ...spec } };
}

async function setup(options: Partial<PodSchedulerOptions> = {}) {
  const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
  const store = createMemoryStore({ clock });
  const actions: ControllerAction[] = [];
  const scheduler = new PodScheduler({ store, clock, onAction: (a) => actions.push(a), ...options });
  await scheduler.start();
  const settle = () => clock.runUntil(() => scheduler.idle);
  const placement = async () => Object.fromEntries((await store.list({ apiVersion: "v1", kind: "Pod" })).items.map((p) => [p.metadata.name, (p.spec as { nodeName?: string }).nodeName ?? null]));
  const scheduled = async (name: string) => ((await store.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name })).status as { conditions?: unknown[] } | undefined)?.conditions;
  return { clock, store, scheduler, actions, settle, placement, scheduled };
}

describe("PodScheduler", () => {
  it("binds to the first node by name that fits, counting pods bound in the same pass", async () => {
    const { store, settle, placement, scheduled } = await setup();
    await store.create(node("b"));
    await store.create(node("a"));
    for (const name of ["p1", "p2", "p3"]) await store.create(pod(name));
    await settle();
    expect(await placement()).toEqual({ p1: "a", p2: "a", p3: "b" });
    expect(await scheduled("p1")).toEqual([{ type: "PodScheduled", status: "True", lastTransitionTime: "2024-01-01T00:00:00Z" }]);
  });

  it("waits for a taint to go, reporting why", async () => {
    const { store, settle, placement, scheduled, clock } = await setup();
    await store.create(node("a", { taints: [{ key: "readiness.k8s.io/cni", value: "pending", effect: "NoSchedule" }] }));
    await store.create(node("b", { ready: "False" }));
    await store.create(pod("p1"));
    await settle();
    expect(await placement()).toEqual({ p1: null });
    expect(await scheduled("p1")).toEqual([
      {
        type: "PodScheduled",
        status: "False",
        reason: "Unschedulable",
        message: '0/2 nodes are available: 1 node(s) had untolerated taint {readiness.k8s.io/cni: pending}, 1 node(s) were not ready: the status of node condition "Ready" is not "True", but False.',
        lastTransitionTime: "2024-01-01T00:00:00Z",
      },
    ]);
    await clock.advance(5000);
    await store.patch({ apiVersion: "v1", kind: "Node", name: "a" }, { patchType: "merge", data: { spec: { taints: null } } });
    await settle();
    expect(await placement()).toEqual({ p1: "a" });
    expect(await scheduled("p1")).toEqual([{ type: "PodScheduled", status: "True", lastTransitionTime: "2024-01-01T00:00:05Z" }]);
  });

  const skipped: [string, Record<string, unknown>][] = [
    ["scheduling gates", { schedulingGates: [{ name: "wait" }] }],
    ["another scheduler", { schedulerName: "custom" }],
  ];
  it.each(skipped)("leaves pods with %s alone", async (_name, spec) => {
    const { store, settle, placement, actions } = await setup();
    await store.create(node("a"));
    await store.create(pod("p1", spec));
    await settle();
    expect(await placement()).toEqual({ p1: null });
    expect(actions).toEqual([]);
  });

  it("takes its own scheduler name and may ignore readiness", async () => {
    const { store, settle, placement } = await setup({ schedulerName: "custom", requireReady: false });
    await store.create(node("a", { ready: "False" }));
    await store.create(pod("p1", { schedulerName: "custom" }));
    await settle();
    expect(await placement()).toEqual({ p1: "a" });
  });

  it("stops", async () => {
    const { store, scheduler, clock, placement } = await setup();
    await store.create(node("a"));
    await store.create(pod("p1"));
    scheduler.stop();
    await clock.runUntilIdle();
    expect(await placement()).toEqual({ p1: null });
    expect(scheduler.idle).toBe(true);
  });
});
