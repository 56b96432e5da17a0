import { expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory/memory-store.js";
import { compileLifecycle } from "../../src/plan/compile-lifecycle.js";
import { loadPreset } from "../../src/presets/index.js";
import { compileManageFilter } from "../../src/runtime/manage.js";
import { Simulator } from "../../src/runtime/simulator.js";
import { VirtualClock } from "../../src/runtime/virtual-clock.js";
import type { KubeObject } from "../../src/store/types.js";

const node = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Node", metadata: { name }, spec: {} });
const pod = (name: string, nodeName: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: { nodeName, containers: [{ name: "app", image: "x" }] },
});

it("manage.selfNodeName: the filter rejects the controller's own node only", () => {
  const filter = compileManageFilter({ selfNodeName: "controller-node" });
  expect(filter.node(node("controller-node"))).toBe(false);
  expect(filter.node(node("fake-1"))).toBe(true);
  expect(compileManageFilter({ selfNodeName: "" }).node(node(""))).toBe(true);
});

it("the Simulator never drives the node it runs on, nor the pods on it", async () => {
  const clock = new VirtualClock();
  const store = createMemoryStore({ clock });
  const sim = new Simulator({ store, lifecycle: compileLifecycle(loadPreset("fast")), clock, seed: 1, manage: { selfNodeName: "controller-node" } });
  await sim.start();
  await store.create(node("controller-node"));
  await store.create(node("fake-1"));
  await store.create(pod("on-self", "controller-node"));
  await store.create(pod("on-fake", "fake-1"));
  await clock.runUntil(() => sim.idle, { timeout: 10_000 });
  sim.stop();
  const touched = new Set(sim.history.map((e) => e.object.name));
  expect(touched.has("fake-1") && touched.has("on-fake")).toBe(true);
  expect(touched.has("controller-node") || touched.has("on-self")).toBe(false);
  const self = await store.get({ apiVersion: "v1", kind: "Node", name: "controller-node" });
  expect(self["status"]).toBeUndefined();
});
