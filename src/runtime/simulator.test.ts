import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../adapters/memory/index.js";
import { compileLifecycle } from "../plan/compile-lifecycle.js";
import { loadStagesOrThrow } from "../stage/load.js";
import { StoreError } from "../store/errors.js";
import type { KubeObject } from "../store/types.js";
import { formatHistory } from "./history.js";
import { Simulator } from "./simulator.js";
import type { SimulatorOptions } from "./simulator-options.js";
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
      - type: Ready
        status: "True"
        lastTransitionTime: {{ Now }}
      addresses:
      - {type: InternalIP, address: {{ NodeIP }}}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-run}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - {key: .status.podIP, operator: DoesNotExist}
  delay: {durationMilliseconds: 1000, jitterDurationMilliseconds: 5000}
  next:
    event: {type: Normal, reason: Started, message: started}
    statusTemplate: |
      phase: Running
      podIP: {{ PodIPWith .spec.nodeName false "" "" "" }}
      startTime: {{ Now }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-delete}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .metadata.deletionTimestamp, operator: Exists}
  next:
    finalizers: {empty: true}
    delete: true
`;

const lifecycle = compileLifecycle(loadStagesOrThrow({ text: STAGES }), { defaultPatchType: "controller" });

function node(name: string): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name } };
}

function pod(name: string, nodeName = "n0"): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec: { nodeName, containers: [{ name: "c", image: "i" }] } };
}

async function setup(options: Partial<SimulatorOptions> = {}) {
  const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
  const store = createMemoryStore({ clock });
  const sim = new Simulator({ store, lifecycle, clock, seed: 7, ...options });
  await sim.start();
  return { clock, store, sim };
}

describe("Simulator", () => {
  it("drives a node to Ready at once and its pods to Running after their delay", async () => {
    const { clock, store, sim } = await setup();
    await store.create(node("n0"));
    await store.create(pod("a"));
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    const n = await store.get({ apiVersion: "v1", kind: "Node", name: "n0" });
    expect((n as { status?: { conditions?: { status: string }[] } }).status?.conditions?.[0]?.status).toBe("True");
    const p = (await store.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "a" })) as { status?: { phase?: string; podIP?: string; startTime?: string } };
    expect(p.status?.phase).toBe("Running");
    expect(p.status?.podIP).toBe("10.0.0.2");
    // the delay is 1 s + U[0, 4 s): the start time lies in that window
    const started = Date.parse(p.status?.startTime ?? "") - Date.parse("2024-01-01T00:00:00Z");
    expect(started).toBeGreaterThanOrEqual(1000);
    expect(started).toBeLessThan(5000);
    const events = await store.list({ apiVersion: "v1", kind: "Event" });
    expect(events.items.map((e) => (e as { reason?: string }).reason)).toEqual(["Started"]);
  });

  it("gives the same history for the same seed, byte for byte, and another for another seed", async () => {
    const run = async (seed: number) => {
      const { clock, store, sim } = await setup({ seed });
      await store.create(node("n0"));
      for (let i = 0; i < 20; i++) await store.create(pod(`p${i}`));
      await clock.runUntil(() => sim.idle, { timeout: 60_000 });
      return JSON.stringify(sim.history);
    };
    const a = await run(1);
    expect(await run(1)).toBe(a);
    expect(await run(2)).not.toBe(a);
  });

  it("does not drive pods whose node is unknown, until the node appears (KWOK)", async () => {
    const { clock, store, sim } = await setup();
    await store.create(pod("waiting", "n9"));
    await clock.runUntil(() => sim.idle, { timeout: 10_000 });
    expect(sim.history.filter((e) => e.object.kind === "Pod")).toEqual([]);
    await store.create(node("n9"));
    await clock.runUntil(() => sim.idle, { timeout: 10_000 });
    expect(sim.history.some((e) => e.object.name === "waiting" && e.kind === "applied")).toBe(true);
  });

  it("deletes terminating pods (finalizers emptied, then delete) and cancels jobs of deleted objects", async () => {
    const { clock, store, sim } = await setup();
    await store.create(node("n0"));
    await store.create({ ...pod("doomed"), metadata: { name: "doomed", namespace: "default", finalizers: ["x/y"] } });
    await clock.advance(0);
    await store.delete({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "doomed" });
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    await expect(store.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "doomed" })).rejects.toMatchObject({ reason: "NotFound" });
    expect(sim.history.some((e) => e.kind === "cancelled" && e.stage === "pod-run")).toBe(true);
  });

  it("prints a readable timeline", async () => {
    const { clock, store, sim } = await setup();
    await store.create(node("n0"));
    await store.create(pod("a"));
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    const text = formatHistory(sim.history);
    expect(text).toContain("Node n0");
    expect(text).toContain("applied   node-ready");
    expect(text).toContain("Pod default/a");
  });

  it("warns when Pod stages have no Node stages", async () => {
    const podOnly = compileLifecycle(loadStagesOrThrow({ text: STAGES }).filter((s) => s.resourceRef.kind === "Pod"));
    const { sim } = await setup({ lifecycle: podOnly });
    expect(sim.warnings.join("\n")).toContain("no Node stages");
  });
});

describe("Simulator management and leases", () => {
  it("keeps a Lease per managed node, renewed every quarter of its duration", async () => {
    const { clock, store, sim } = await setup({ nodeLease: { durationSeconds: 40 } });
    await store.create(node("n0"));
    await clock.advance(0);
    const lease = (await store.get({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: "kube-node-lease", name: "n0" })) as unknown as {
      spec: { renewTime: string; leaseDurationSeconds: number; holderIdentity: string };
      metadata: { ownerReferences: { kind: string; name: string }[] };
    };
    expect(lease.spec).toMatchObject({ leaseDurationSeconds: 40, holderIdentity: "stagecraft", renewTime: "2024-01-01T00:00:00.000000Z" });
    expect(lease.metadata.ownerReferences[0]).toMatchObject({ kind: "Node", name: "n0" });
    await clock.advance(10_500); // 10 s + up to 4 % jitter
    const renewed = (await store.get({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: "kube-node-lease", name: "n0" })) as unknown as { spec: { renewTime: string } };
    const at = Date.parse(renewed.spec.renewTime) - Date.parse("2024-01-01T00:00:00Z");
    expect(at).toBeGreaterThanOrEqual(10_000);
    expect(at).toBeLessThanOrEqual(10_400);
    sim.stop();
  });

  it("drives only nodes matching the annotation selector, and disregards labelled objects", async () => {
    const { clock, store, sim } = await setup({ manage: { nodeAnnotationSelector: "kwok.x-k8s.io/node=fake", disregardLabelSelector: "skip=yes" } });
    await store.create({ ...node("fake"), metadata: { name: "fake", annotations: { "kwok.x-k8s.io/node": "fake" } } });
    await store.create(node("real"));
    await store.create({ ...pod("ignored", "fake"), metadata: { name: "ignored", namespace: "default", labels: { skip: "yes" } } });
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    const applied = sim.history.filter((e) => e.kind === "applied").map((e) => e.object.name);
    expect(applied).toEqual(["fake"]);
  });
});

describe("Simulator failures and policies", () => {
  it("retries a step after a retryable store error with KWOK's backoff, and drops a job after another error", async () => {
    const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
    const store = createMemoryStore({ clock });
    let failures = 1;
    const flaky: typeof store = Object.assign(Object.create(store) as typeof store, {
      patch: async (...args: Parameters<typeof store.patch>) => {
        if (args[0].kind === "Node" && failures-- > 0) throw new StoreError("TooManyRequests", "slow down");
        return store.patch(...args);
      },
    });
    const sim = new Simulator({ store: flaky, lifecycle, clock, seed: 1 });
    await sim.start();
    await store.create(node("n0"));
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    const retry = sim.history.find((e) => e.kind === "retry");
    expect(retry).toMatchObject({ stage: "node-ready", message: "slow down" });
    expect(retry?.delayMs).toBeGreaterThanOrEqual(1000);
    expect(retry?.delayMs).toBeLessThan(1200);
    expect(sim.history.filter((e) => e.kind === "applied" && e.stage === "node-ready")).toHaveLength(2);
    const n = (await store.get({ apiVersion: "v1", kind: "Node", name: "n0" })) as { status?: { conditions?: unknown[] } };
    expect(n.status?.conditions).toHaveLength(1);
  });

  it("drops a job whose template fails, recording the error (KWOK does not retry)", async () => {
    const broken = compileLifecycle(
      loadStagesOrThrow({
        text: `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: broken}
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector: {}
  next:
    event: {type: Normal, reason: Before, message: before the failing patch}
    statusTemplate: "x: {{ index .status.missing 0 }}"
`,
      }),
    );
    const { clock, store, sim } = await setup({ lifecycle: broken });
    await store.create(node("n0"));
    await clock.runUntil(() => sim.idle, { timeout: 60_000 });
    const errors = sim.history.filter((e) => e.kind === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/step 1: .*index of untyped nil/);
    expect(sim.history.filter((e) => e.kind === "retry")).toEqual([]);
    // the event of the step before the failing one was recorded, as KWOK sends it first
    const events = await store.list({ apiVersion: "v1", kind: "Event" });
    expect(events.items.map((e) => (e as { reason?: string }).reason)).toEqual(["Before"]);
  });

  it("lets a pending job run when the object stops matching (kwok), or cancels it (cancel)", async () => {
    for (const policy of ["kwok", "cancel"] as const) {
      const { clock, store, sim } = await setup({ pendingJobs: policy });
      await store.create(node("n0"));
      await store.create(pod("a"));
      await clock.advance(0);
      // the pod gets an IP from elsewhere before pod-run's delay has passed: no stage matches now
      await store.patch({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "a" }, { patchType: "merge", subresource: "status", data: { status: { podIP: "1.1.1.1" } } });
      await clock.runUntil(() => sim.idle, { timeout: 60_000 });
      const ran = sim.history.some((e) => e.kind === "applied" && e.stage === "pod-run");
      expect([policy, ran]).toEqual([policy, policy === "kwok"]);
    }
  });
});
