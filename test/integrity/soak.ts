/**
 * The soak driver: a long virtual-time simulation of the `general` preset (nodes with heartbeats
 * and leases, the built-in scheduler, waves of pods created and deleted) on the memory store,
 * with the heap measured after forced garbage collections.
 *
 * @module
 */
import { createMemoryStore } from "../../src/adapters/memory/index.js";
import { compileLifecycle } from "../../src/plan/compile-lifecycle.js";
import { loadPreset } from "../../src/presets/index.js";
import { Simulator } from "../../src/runtime/simulator.js";
import { VirtualClock } from "../../src/runtime/virtual-clock.js";
import { isStoreError, StatusReason } from "../../src/store/errors.js";
import type { KubeObject } from "../../src/store/types.js";

const POD = { apiVersion: "v1", kind: "Pod" } as const;
const EVENT = { apiVersion: "v1", kind: "Event" } as const;

/** Nodes replaced per cycle with `churn`. */
export const CHURN_PER_CYCLE = 5;

/** Options of {@link runSoak}. */
export interface SoakOptions {
  /** Nodes (created at the start). */
  readonly nodes: number;
  /** Pods created per cycle (each is deleted one cycle later). */
  readonly podsPerCycle: number;
  /** Cycles in total. */
  readonly cycles: number;
  /** Cycles before the first measurement. */
  readonly warmupCycles: number;
  /** A heap sample every this many cycles after the warm-up. */
  readonly sampleEvery: number;
  /** Virtual time per cycle (ms). */
  readonly cycleMs: number;
  /** Changes the store keeps per type. */
  readonly history: number;
  /** Seed of the simulator. */
  readonly seed: number;
  /**
   * Node churn: each cycle {@link CHURN_PER_CYCLE} new nodes join and the oldest leave (its pods and Lease deleted
   * first, as the pod and garbage collectors would), a fifth of the pods are bound to nodes that
   * never exist, and a fifth are deleted right after creation.
   */
  readonly churn?: boolean;
  /** Forces a full garbage collection. */
  readonly gc: () => void;
}

/** One heap measurement. */
export interface HeapSample {
  readonly cycle: number;
  readonly heapUsed: number;
}

/** What a soak run did and measured. */
export interface SoakResult {
  readonly virtualHours: number;
  readonly cycles: number;
  readonly podsCreated: number;
  readonly podsDeleted: number;
  readonly nodesReplaced: number;
  readonly eventsSwept: number;
  /** The store's resource version at the end: every write of the run. */
  readonly writes: number;
  readonly samples: readonly HeapSample[];
  /** Least-squares slope of the samples, bytes per cycle. */
  readonly slopePerCycle: number;
  /** Live objects at the end, by kind. */
  readonly live: Readonly<Record<string, number>>;
  /** Pending jobs and clock timers at the end. */
  readonly pendingJobs: number;
  readonly timers: number;
}

/**
 * The least-squares slope of `y` over `x`.
 *
 * @param points - the points
 * @returns dy/dx (0 for fewer than two distinct x)
 */
export function slope(points: readonly { readonly x: number; readonly y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function pod(cycle: number, index: number, nodeName?: string): KubeObject {
  const job = index % 4 === 0;
  const init = index % 3 === 0;
  return {
    ...POD,
    metadata: {
      name: `w${cycle}-${index}`,
      namespace: `team-${index % 3}`,
      labels: { app: `app-${index % 5}`, wave: String(cycle) },
      ...(job ? { ownerReferences: [{ apiVersion: "batch/v1", kind: "Job", name: `job-${cycle}`, uid: `job-uid-${cycle}`, controller: true }] } : {}),
    },
    spec: {
      ...(nodeName === undefined ? {} : { nodeName }),
      ...(init ? { initContainers: [{ name: "init", image: "busybox" }] } : {}),
      containers: [
        { name: "app", image: "registry.example/app:1", resources: { requests: { cpu: "10m", memory: "16Mi" } } },
        { name: "sidecar", image: "registry.example/sidecar:1" },
      ],
      restartPolicy: job ? "Never" : "Always",
    },
  };
}

/**
 * Runs the soak: nodes first, then per cycle a wave of pods created (bound by the scheduler,
 * driven to Running or Succeeded by `pod-general`), the previous wave deleted (terminating for
 * its grace period, then removed by `pod-removed`), and the Events older than one cycle deleted
 * (the API server's event TTL, which the memory store does not emulate).
 *
 * @param options - sizes and the gc function
 * @returns the counts and heap samples
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
  const store = createMemoryStore({ clock, history: options.history, onListenerError: (error) => { throw error; } });
  const lifecycle = compileLifecycle(loadPreset("general"), { defaultPatchType: "controller" });
  const sim = new Simulator({ store, lifecycle, clock, seed: options.seed, history: "none", scheduler: true, nodeLease: { durationSeconds: 40 } });
  await sim.start();
  let podsCreated = 0;
  let podsDeleted = 0;
  let nodesReplaced = 0;
  const nodes: string[] = [];
  const addNode = async (i: number): Promise<void> => {
    const name = `node-${i}`;
    await store.create({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name, labels: { "kubernetes.io/hostname": name, type: "kwok" } },
      spec: { podCIDR: `10.${i % options.nodes}.0.1/24` },
      status: { allocatable: { cpu: "32", memory: "256Gi", pods: "110" }, capacity: { cpu: "32", memory: "256Gi", pods: "110" } },
    });
    nodes.push(name);
  };
  const removeOldestNode = async (): Promise<void> => {
    const name = nodes.shift() as string;
    for (const p of (await store.list(POD, { fieldSelector: `spec.nodeName=${name}` })).items) {
      await store.delete({ ...POD, namespace: p.metadata.namespace ?? "", name: p.metadata.name ?? "" }, { gracePeriodSeconds: 0 });
      podsDeleted++;
    }
    await store.delete({ apiVersion: "v1", kind: "Node", name });
    await store.delete({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: "kube-node-lease", name });
    nodesReplaced++;
  };
  for (let i = 0; i < options.nodes; i++) await addNode(i);
  await clock.advance(1000);
  const samples: HeapSample[] = [];
  let eventsSwept = 0;
  let previous: KubeObject[] = [];
  let oldEvents: string[] = [];
  for (let cycle = 1; cycle <= options.cycles; cycle++) {
    if (options.churn === true) {
      for (let k = 0; k < CHURN_PER_CYCLE; k++) {
        await addNode(options.nodes + (cycle - 1) * CHURN_PER_CYCLE + k);
        await removeOldestNode();
      }
    }
    const wave: KubeObject[] = [];
    for (let i = 0; i < options.podsPerCycle; i++) {
      const ghost = options.churn === true && i % 5 === 1 ? `ghost-${cycle}-${i}` : undefined;
      const created = await store.create(pod(cycle, i, ghost));
      podsCreated++;
      if (options.churn === true && i % 5 === 2) {
        await store.delete({ ...POD, namespace: created.metadata.namespace ?? "", name: created.metadata.name ?? "" }, { gracePeriodSeconds: 0 });
        podsDeleted++;
      } else wave.push(created);
    }
    await clock.advance(options.cycleMs / 2);
    for (const p of previous) {
      try {
        // nothing drives a pod on a node that does not exist: delete it at once, as its kubelet would
        const ghost = ((p["spec"] as { nodeName?: string }).nodeName ?? "").startsWith("ghost-");
        await store.delete({ ...POD, namespace: p.metadata.namespace ?? "", name: p.metadata.name ?? "" }, ghost ? { gracePeriodSeconds: 0 } : {});
        podsDeleted++;
      } catch (error) {
        if (!isStoreError(error) || error.reason !== StatusReason.NotFound || options.churn !== true) throw error; // went with its node
      }
    }
    previous = wave;
    for (const key of oldEvents) {
      const [namespace, name] = key.split("/") as [string, string];
      await store.delete({ ...EVENT, namespace, name });
      eventsSwept++;
    }
    oldEvents = (await store.list(EVENT)).items.map((e) => `${e.metadata.namespace ?? ""}/${e.metadata.name ?? ""}`);
    await clock.advance(options.cycleMs / 2);
    if (cycle >= options.warmupCycles && (cycle - options.warmupCycles) % options.sampleEvery === 0) {
      samples.push({ cycle, heapUsed: heapAfterGc(options.gc) });
    }
  }
  const live: Record<string, number> = {};
  for (const kind of ["Node", "Pod", "Event"]) live[kind] = (await store.list({ apiVersion: "v1", kind })).items.length;
  live["Lease"] = (await store.list({ apiVersion: "coordination.k8s.io/v1", kind: "Lease" })).items.length;
  const result: SoakResult = {
    virtualHours: clock.elapsed / 3_600_000,
    cycles: options.cycles,
    podsCreated,
    podsDeleted,
    nodesReplaced,
    eventsSwept,
    writes: Number(store.resourceVersion),
    samples,
    slopePerCycle: slope(samples.map((s) => ({ x: s.cycle, y: s.heapUsed }))),
    live,
    pendingJobs: sim.pendingJobs,
    timers: clock.pending,
  };
  sim.stop();
  return result;
}
