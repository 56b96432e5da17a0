import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../adapters/memory/index.js";
import type { NodeReadinessRule } from "../readiness/node-readiness-rule.js";
import type { KubeObject } from "../store/types.js";
import type { ControllerAction } from "./controller-action.js";
import { ReadinessController } from "./readiness-controller.js";
import { VirtualClock } from "./virtual-clock.js";

const TAINT = { key: "readiness.k8s.io/cni", effect: "NoSchedule" as const };

function rule(enforcementMode: "bootstrap-only" | "continuous"): NodeReadinessRule {
  return { apiVersion: "readiness.node.x-k8s.io/v1alpha1", kind: "NodeReadinessRule", metadata: { name: "cni" }, spec: { conditions: [{ type: "CNIReady", requiredStatus: "True" }], enforcementMode, taint: TAINT } };
}

const NODE = { apiVersion: "v1", kind: "Node", name: "n1" };
const POD = { apiVersion: "v1", kind: "Pod", namespace: "default", name: "p" };

async function setup(options: { rules?: NodeReadinessRule[]; podGates?: boolean }) {
  const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
  const store = createMemoryStore({ clock });
  const actions: ControllerAction[] = [];
  const controller = new ReadinessController({ store, clock, ...options, onAction: (a) => actions.push(a) });
  await controller.start();
  const settle = () => clock.runUntil(() => controller.idle);
  const setCondition = (type: string, status: string) => store.patch(NODE, { patchType: "strategic", subresource: "status", data: { status: { conditions: [{ type, status }] } } });
  return { clock, store, controller, actions, settle, setCondition };
}

function taints(node: KubeObject): unknown {
  return (node.spec as { taints?: unknown } | undefined)?.taints;
}

describe("ReadinessController: node readiness rules", () => {
  it("bootstrap-only: taints a new node, untaints it when the condition holds, never again", async () => {
    const { store, settle, setCondition, actions, controller } = await setup({ rules: [rule("bootstrap-only")] });
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } });
    await settle();
    expect(taints(await store.get(NODE))).toEqual([TAINT]);
    await setCondition("CNIReady", "True");
    await settle();
    const ready = await store.get(NODE);
    expect(taints(ready)).toBeUndefined();
    expect(ready.metadata.annotations).toEqual({ "readiness.k8s.io/bootstrap-completed-cni": "true" });
    await setCondition("CNIReady", "False");
    await settle();
    expect(taints(await store.get(NODE))).toBeUndefined();
    expect(actions.map((a) => a.operation)).toEqual(["add taint readiness.k8s.io/cni:NoSchedule", "remove taint readiness.k8s.io/cni:NoSchedule, bootstrap of cni completed"]);
    expect(controller.ruleStatus("cni").nodeEvaluations).toEqual([
      { nodeName: "n1", conditionResults: [{ type: "CNIReady", currentStatus: "False", requiredStatus: "True" }], taintStatus: "Absent", lastEvaluationTime: "2024-01-01T00:00:00Z" },
    ]);
  });

  it("continuous: the taint follows the condition", async () => {
    const { store, settle, setCondition } = await setup({ rules: [rule("continuous")] });
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" }, spec: { taints: [{ key: "other", effect: "NoExecute" }] } });
    await setCondition("CNIReady", "True");
    await settle();
    expect(taints(await store.get(NODE))).toEqual([{ key: "other", effect: "NoExecute" }]);
    await setCondition("CNIReady", "False");
    await settle();
    expect(taints(await store.get(NODE))).toEqual([{ key: "other", effect: "NoExecute" }, TAINT]);
  });

  it("dryRun: records what it would do, patches nothing", async () => {
    const dry = { ...rule("continuous"), spec: { ...rule("continuous").spec, dryRun: true } };
    const { store, settle, actions, controller } = await setup({ rules: [dry] });
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } });
    await settle();
    expect(taints(await store.get(NODE))).toBeUndefined();
    expect(actions).toEqual([]);
    expect(controller.evaluations.get("n1")?.map((e) => [e.action, e.taintStatus, e.dryRun])).toEqual([["AddTaint", "Absent", true]]);
    expect(controller.ruleStatus("cni").dryRunResults).toEqual({ affectedNodes: 1, taintsToAdd: 1, taintsToRemove: 0, summary: "would add the taint to 1 node(s) and remove it from 0 node(s)" });
  });

  it("forgets a deleted node", async () => {
    const { store, settle, controller } = await setup({ rules: [rule("continuous")] });
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } });
    await settle();
    await store.delete(NODE);
    await settle();
    expect(controller.evaluations.size).toBe(0);
    controller.stop();
    expect(controller.idle).toBe(true);
  });

  it("rejects an invalid rule", () => {
    const bad = { ...rule("continuous"), spec: { ...rule("continuous").spec, taint: { key: "cni", effect: "NoSchedule" as const } } };
    expect(() => new ReadinessController({ store: createMemoryStore(), rules: [bad] })).toThrow(/spec\.taint\.key/);
  });
});

describe("ReadinessController: pod readiness gates", () => {
  const pod = (nodeName?: string): KubeObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default" },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: "c" }], readinessGates: [{ conditionType: "example.com/lb" }] },
  });
  const ready = async (store: ReturnType<typeof createMemoryStore>) =>
    ((await store.get(POD)).status as { conditions?: { type: string }[] } | undefined)?.conditions?.find((c) => c.type === "Ready");

  it("keeps Ready as the kubelet computes it, for bound gated pods", async () => {
    const { store, settle, clock } = await setup({ podGates: true });
    await store.create(pod());
    await settle();
    expect(await ready(store)).toBeUndefined();
    await store.patch(POD, { patchType: "merge", data: { spec: { nodeName: "n1" } } });
    await settle();
    expect(await ready(store)).toEqual({ type: "Ready", status: "False", reason: "UnknownContainerStatuses", lastTransitionTime: "2024-01-01T00:00:00Z" });
    await clock.advance(1000);
    await store.patch(POD, { patchType: "strategic", subresource: "status", data: { status: { phase: "Running", containerStatuses: [{ name: "c", ready: true }] } } });
    await settle();
    expect(await ready(store)).toEqual({
      type: "Ready",
      status: "False",
      reason: "ReadinessGatesNotReady",
      message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist.',
      lastTransitionTime: "2024-01-01T00:00:00Z",
    });
    await clock.advance(1000);
    await store.patch(POD, { patchType: "strategic", subresource: "status", data: { status: { conditions: [{ type: "example.com/lb", status: "True" }] } } });
    await settle();
    expect(await ready(store)).toEqual({ type: "Ready", status: "True", lastTransitionTime: "2024-01-01T00:00:02Z" });
  });

  it("leaves pods without gates alone", async () => {
    const { store, settle } = await setup({ podGates: true });
    await store.create({ ...pod("n1"), spec: { nodeName: "n1", containers: [{ name: "c" }] } });
    await settle();
    expect(await ready(store)).toBeUndefined();
  });
});

describe("ReadinessController: rules from the store", () => {
  const ruleObject = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: "readiness.node.x-k8s.io/v1alpha1", kind: "NodeReadinessRule", metadata: { name: "cni" }, spec });
  const RULE_REF = { apiVersion: "readiness.node.x-k8s.io/v1alpha1", kind: "NodeReadinessRule", name: "cni" };

  async function setupStored() {
    const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
    const store = createMemoryStore({ clock, scopes: { "NodeReadinessRule.readiness.node.x-k8s.io": "Cluster" } });
    const actions: ControllerAction[] = [];
    const controller = new ReadinessController({ store, clock, watchRules: true, onAction: (a) => actions.push(a) });
    await controller.start();
    return { clock, store, actions, controller, settle: () => clock.runUntil(() => controller.idle) };
  }

  it("enforces stored rules, writes their status, and re-evaluates when a rule changes", async () => {
    const { store, settle, clock } = await setupStored();
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } });
    await store.create(ruleObject({ conditions: [{ type: "CNIReady", requiredStatus: "True" }], enforcementMode: "continuous", taint: TAINT }));
    await settle();
    expect(taints(await store.get(NODE))).toEqual([TAINT]);
    expect((await store.get(RULE_REF)).status).toEqual({
      appliedNodes: ["n1"],
      nodeEvaluations: [{ nodeName: "n1", conditionResults: [{ type: "CNIReady", currentStatus: "Unknown", requiredStatus: "True" }], taintStatus: "Present", lastEvaluationTime: "2024-01-01T00:00:00Z" }],
    });
    const rv = (await store.get(RULE_REF)).metadata.resourceVersion;
    await clock.advance(1000);
    await store.patch(NODE, { patchType: "merge", data: { metadata: { labels: { unrelated: "x" } } } });
    await settle();
    expect((await store.get(RULE_REF)).metadata.resourceVersion).toBe(rv); // only the evaluation time changed: nothing written

    await store.patch(RULE_REF, { patchType: "merge", data: { spec: { conditions: [{ type: "CNIReady", requiredStatus: "Unknown" }] } } });
    await settle();
    expect(taints(await store.get(NODE))).toBeUndefined();
    expect((await store.get(RULE_REF)).status).toMatchObject({ nodeEvaluations: [{ taintStatus: "Absent", lastEvaluationTime: "2024-01-01T00:00:01Z" }] });
  });

  it("reports and skips an invalid rule", async () => {
    const { store, settle, actions } = await setupStored();
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } });
    await store.create(ruleObject({ conditions: [{ type: "CNIReady", requiredStatus: "True" }], enforcementMode: "continuous", taint: { key: "cni", effect: "NoSchedule" } }));
    await settle();
    expect(taints(await store.get(NODE))).toBeUndefined();
    expect(actions.map((a) => `${a.object.name} ${a.operation}: ${a.error ?? ""}`)).toEqual([
      'cni skip invalid rule: error E_INVALID_VALUE spec.taint.key: taint key must start with "readiness.k8s.io/" (expected a key such as readiness.k8s.io/network-ready, found "cni")',
    ]);
  });
});
