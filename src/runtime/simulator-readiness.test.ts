import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../adapters/memory/index.js";
import { compileLifecycle } from "../plan/compile-lifecycle.js";
import type { NodeReadinessRule } from "../readiness/node-readiness-rule.js";
import { loadStagesOrThrow } from "../stage/load.js";
import type { KubeObject } from "../store/types.js";
import { formatHistory } from "./history.js";
import { Simulator } from "./simulator.js";
import { VirtualClock } from "./virtual-clock.js";

const STAGES = `
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: node-ready}
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - {key: '.status.conditions.[] | select(.type == "Ready") | .status', operator: NotIn, values: ["True"]}
  next:
    statusTemplate: |
      conditions:
      - {type: Ready, status: "True"}
      allocatable: {cpu: "2", pods: "10"}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: node-cni}
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - {key: '.status.conditions.[] | select(.type == "Ready") | .status', operator: In, values: ["True"]}
    - {key: '.status.conditions.[] | select(.type == "example.com/CNIReady") | .status', operator: DoesNotExist}
  delay: {durationMilliseconds: 5000}
  next:
    statusTemplate: |
      conditions:
      - {type: example.com/CNIReady, status: "True"}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-run}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: DoesNotExist}
  delay: {durationMilliseconds: 1000}
  next:
    statusTemplate: |
      phase: Running
      containerStatuses:
      {{ range .spec.containers }}
      - {name: {{ .name }}, ready: true}
      {{ end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-lb}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Running]}
    - {key: '.status.conditions.[] | select(.type == "example.com/lb") | .status', operator: DoesNotExist}
  delay: {durationMilliseconds: 2000}
  next:
    statusTemplate: |
      conditions:
      - {type: example.com/lb, status: "True"}
`;

const RULE: NodeReadinessRule = {
  apiVersion: "readiness.node.x-k8s.io/v1alpha1",
  kind: "NodeReadinessRule",
  metadata: { name: "cni" },
  spec: { conditions: [{ type: "example.com/CNIReady", requiredStatus: "True" }], enforcementMode: "bootstrap-only", taint: { key: "readiness.k8s.io/cni", effect: "NoSchedule" } },
};

describe("Simulator with readiness and scheduler", () => {
  it("pods wait for the node's gates, then are bound, run and become Ready", async () => {
    const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
    const store = createMemoryStore({ clock });
    const lifecycle = compileLifecycle(loadStagesOrThrow({ text: STAGES }), { defaultPatchType: "controller" });
    const sim = new Simulator({ store, lifecycle, clock, seed: 1, readiness: { rules: [RULE], podGates: true }, scheduler: true });
    await sim.start();
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" }, spec: { readinessGates: [{ conditionType: "example.com/CNIReady" }] } });
    await store.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default" }, spec: { containers: [{ name: "c" }], readinessGates: [{ conditionType: "example.com/lb" }] } });
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });

    const pod = await store.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "web" });
    expect((pod.spec as { nodeName?: string }).nodeName).toBe("n1");
    const ops = sim.history.filter((e) => e.kind === "operation" && (e.stage === "scheduler" || e.stage === "readiness-controller")).map((e) => `${e.elapsedMs} ${e.object.name} ${e.operation}`);
    expect(ops).toEqual([
      "0 n1 add taint readiness.k8s.io/cni:NoSchedule",
      '0 web unschedulable: 0/1 nodes are available: 1 node(s) had untolerated taint {readiness.k8s.io/cni: }, 1 node(s) were not ready: corresponding condition of node readiness gate "example.com/CNIReady" does not exist.',
      "5000 n1 remove taint readiness.k8s.io/cni:NoSchedule, bootstrap of cni completed",
      "5000 web bind to n1",
      "5000 web Ready False UnknownContainerStatuses",
      "6000 web Ready False ReadinessGatesNotReady",
      "8000 web Ready True",
    ]);
    const ready = (pod.status as { conditions: { type: string }[] }).conditions.find((c) => c.type === "Ready");
    expect(ready).toEqual({ type: "Ready", status: "True", lastTransitionTime: "2024-01-01T00:00:08Z" });
    expect(sim.warnings).toEqual([]);
    expect(formatHistory(sim.history, { kinds: ["error"] })).toBe("");
  });
});

describe("Simulator with podGates and the fast preset", () => {
  it("agrees with the preset (which sets the gates True), then follows a gate that turns False", async () => {
    const { loadPreset } = await import("../presets/index.js");
    const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
    const store = createMemoryStore({ clock });
    const sim = new Simulator({ store, lifecycle: compileLifecycle(loadPreset("fast")), clock, seed: 1, readiness: { podGates: true } });
    await sim.start();
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } });
    const ref = { apiVersion: "v1", kind: "Pod", namespace: "default", name: "web" };
    await store.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default" }, spec: { nodeName: "n1", containers: [{ name: "c", image: "i" }], readinessGates: [{ conditionType: "example.com/lb" }] } });
    await clock.advance(1000); // the preset has node heartbeats: the simulator is never idle
    const readyOf = async () => ((await store.get(ref)).status as { conditions: { type: string; status: string; reason?: string }[] }).conditions.find((c) => c.type === "Ready");
    expect(await readyOf()).toMatchObject({ status: "True" });
    const setGate = (status: string) => store.patch(ref, { patchType: "strategic", subresource: "status", data: { status: { conditions: [{ type: "example.com/lb", status }] } } });
    await setGate("False");
    await clock.advance(1000); // the preset has node heartbeats: the simulator is never idle
    expect(await readyOf()).toEqual({ type: "Ready", status: "False", reason: "ReadinessGatesNotReady", message: 'the status of pod readiness gate "example.com/lb" is not "True", but False', lastTransitionTime: "2024-01-01T00:00:01Z" });
    await setGate("True");
    await clock.advance(1000); // the preset has node heartbeats: the simulator is never idle
    expect(await readyOf()).toMatchObject({ status: "True" });
    expect(formatHistory(sim.history, { kinds: ["error"] })).toBe("");
  });
});

describe("Simulator built-in controllers and the history", () => {
  it("reports controller actions to onHistory even when history is none, and not at all when off", async () => {
    const run = async (extra: Record<string, unknown>) => {
      const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
      const store = createMemoryStore({ clock });
      const lifecycle = compileLifecycle(loadStagesOrThrow({ text: STAGES }), { defaultPatchType: "controller" });
      const seen: string[] = [];
      const sim = new Simulator({ store, lifecycle, clock, seed: 1, history: "none", onHistory: (e) => e.stage === "scheduler" && seen.push(`${e.kind} ${e.operation ?? ""}`), ...extra });
      await sim.start();
      await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } });
      await store.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default" }, spec: { containers: [{ name: "c" }] } });
      await clock.runUntil(() => sim.idle, { timeout: 60_000 });
      sim.stop();
      expect(sim.history).toEqual([]);
      return seen;
    };
    expect(await run({ scheduler: true })).toEqual(["operation bind to n1"]);
    expect(await run({ scheduler: false })).toEqual([]);
  });
});
