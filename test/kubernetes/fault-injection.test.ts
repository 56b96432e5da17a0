import { afterAll, expect, it } from "vitest";
import { compileLifecycle } from "../../src/plan/compile-lifecycle.js";
import { loadPreset } from "../../src/presets/index.js";
import type { HistoryEntry } from "../../src/runtime/history.js";
import { Simulator } from "../../src/runtime/simulator.js";
import type { KubeObject } from "../../src/store/types.js";
import { acceleratedClock } from "./accelerated-clock.js";
import { type FrontAndStore, startFront } from "./front.js";

// The front injects seeded faults (409 on writes, 429 with Retry-After and 500 on any request,
// 410 on watches from a resource version, dropped watch connections); the Simulator, through the
// adapter, drives 1,000 pods with the `general` preset. Every pod must reach Running/Ready
// through exactly its expected stages, with exactly one Created event; then, deleted (with the
// default grace period) by another client, every pod must be removed by `pod-removed`, once:
// nothing lost, nothing doubled.
const NODES = 10;
const PODS = 1000;
const WITH_INIT = 100; // the first pods have an init container: two more stages
const FAULTS = { seed: 20240601, conflict: 0.05, tooManyRequests: 0.03, internalError: 0.05, expiredWatch: 0.3, dropWatch: 0.005, retryAfterSeconds: 1 };

let env: FrontAndStore | undefined;
afterAll(async () => {
  await env?.close();
});

function node(i: number): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name: `node-${i}`, labels: { type: "kwok" } }, spec: {} };
}

function pod(i: number): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `pod-${String(i).padStart(4, "0")}`, namespace: "faults" },
    spec: {
      nodeName: `node-${i % NODES}`,
      containers: [{ name: "app", image: "registry.k8s.io/pause:3.9" }],
      ...(i < WITH_INIT ? { initContainers: [{ name: "init", image: "busybox" }] } : {}),
    },
  };
}

function ready(p: KubeObject): boolean {
  const status = p["status"] as { phase?: string; conditions?: { type: string; status: string }[] } | undefined;
  return status?.phase === "Running" && (status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

it(
  "1,000 pods reach Running, then are removed, through an API server that fails at random, with no lost or duplicated transitions",
  async () => {
    const started = Date.now();
    env = await startFront({ faults: FAULTS }, { qps: Number.POSITIVE_INFINITY, maxConcurrent: 64, retry: { initialMs: 5, maxMs: 50, maxAttempts: 50 } });
    const { front, store } = env;
    const history: HistoryEntry[] = [];
    const sim = new Simulator({
      store,
      lifecycle: compileLifecycle(loadPreset("general")),
      clock: acceleratedClock(40),
      seed: 7,
      history: "none",
      onHistory: (entry) => history.push(entry),
      retry: { initialMs: 20, maxMs: 200 },
    });
    await sim.start();
    // objects are created behind the front (no faults on setup), as another client would
    for (let i = 0; i < NODES; i++) await front.store.create(node(i));
    for (let i = 0; i < PODS; i++) await front.store.create(pod(i));

    const deadline = Date.now() + 50_000;
    let pods: readonly KubeObject[] = [];
    for (;;) {
      pods = (await front.store.list({ apiVersion: "v1", kind: "Pod" }, { namespace: "faults" })).items;
      if (pods.length === PODS && pods.every(ready)) break;
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(pods.filter((p) => !ready(p)).map((p) => p.metadata.name)).toEqual([]);
    const runningAfter = Date.now() - started;
    const events = (await front.store.list({ apiVersion: "v1", kind: "Event" }, { namespace: "faults" })).items;

    // deleted by another client: the pods terminate, and the Simulator removes them
    for (const p of pods) await front.store.delete({ apiVersion: "v1", kind: "Pod", namespace: "faults", name: p.metadata.name ?? "" });
    let left = PODS;
    while (Date.now() < deadline + 20_000) {
      left = (await front.store.list({ apiVersion: "v1", kind: "Pod" }, { namespace: "faults" })).items.length;
      if (left === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    sim.stop();
    const faults = front.faultCounts();
    const elapsed = Date.now() - started;
    console.info(`fault injection: ${PODS} pods, ${NODES} nodes: Running in ${runningAfter} ms, removed in ${elapsed} ms; injected ${JSON.stringify(faults)}; ${history.length} history entries; ${events.length} events`);
    expect(left).toBe(0);
    expect(faults.conflict).toBeGreaterThan(0);
    expect(faults.tooManyRequests).toBeGreaterThan(0);
    expect(faults.internalError).toBeGreaterThan(0);
    expect(faults.expiredWatch).toBeGreaterThan(0);
    expect(faults.dropWatch).toBeGreaterThan(0);

    // per pod: the stages applied, in order, once each
    const applied = new Map<string, string[]>();
    for (const entry of history) {
      if (entry.object.kind !== "Pod") continue;
      expect(entry.kind, `${entry.object.name}: ${entry.message ?? ""}`).not.toBe("error");
      if (entry.kind !== "applied") continue;
      const list = applied.get(entry.object.name) ?? [];
      list.push(entry.stage ?? "");
      applied.set(entry.object.name, list);
    }
    const plain = ["pod-accepted", "pod-running", "pod-removed"];
    const init = ["pod-accepted", "pod-init-running", "pod-init-done", "pod-running", "pod-removed"];
    const wrong = [...Array(PODS).keys()]
      .map((i) => ({ name: pod(i).metadata.name ?? "", expected: i < WITH_INIT ? init : plain }))
      .filter(({ name, expected }) => JSON.stringify(applied.get(name)) !== JSON.stringify(expected))
      .map(({ name }) => `${name}: ${JSON.stringify(applied.get(name))}`);
    expect(wrong).toEqual([]);

    // per pod: exactly one Created event
    const perPod = new Map<string, number>();
    for (const e of events) {
      const name = (e["involvedObject"] as { name?: string } | undefined)?.name ?? "";
      if ((e["reason"] as string) === "Created") perPod.set(name, (perPod.get(name) ?? 0) + 1);
    }
    expect([...perPod.values()].every((n) => n === 1)).toBe(true);
    expect(perPod.size).toBe(PODS);
  },
  90_000,
);
