/**
 * A simple scheduler for simulations: binds pending pods to the first node they fit on.
 *
 * @module
 */
import { isSchedulable, type SchedulingReason } from "../readiness/schedulable.js";
import { isStoreError, StatusReason } from "../store/errors.js";
import { resyncEvents } from "../store/resync.js";
import type { KubeObject, ResourceStore, Watch, WatchEvent } from "../store/types.js";
import { formatTime } from "../readiness/time.js";
import { type Clock, systemClock } from "./clock.js";
import { type ControllerAction, describeObject, messageOf } from "./controller-action.js";
import { ReconcileQueue } from "./reconcile-queue.js";
import { relistingWatch } from "./relisting-watch.js";

/**
 * Options of {@link PodScheduler}.
 *
 * @category Runtime
 */
export interface PodSchedulerOptions {
  /** Where the nodes and pods live. */
  readonly store: ResourceStore;
  /** The clock. Default: the system clock. */
  readonly clock?: Clock;
  /** Only pods with this `spec.schedulerName` (or none). Default `default-scheduler`. */
  readonly schedulerName?: string;
  /** Require nodes to be fully ready (`Ready` and node readiness gates). Default `true`. */
  readonly requireReady?: boolean;
  /** Called with every binding and every failure. */
  readonly onAction?: (action: ControllerAction) => void;
}

/**
 * Options of the simulator's built-in scheduler (`SimulatorOptions.scheduler`).
 *
 * @category Runtime
 * @example
 * ```ts
 * new Simulator({ store, lifecycle, clock, scheduler: { schedulerName: "default-scheduler", requireReady: true } });
 * ```
 */
export type SimulatorSchedulerOptions = Pick<PodSchedulerOptions, "schedulerName" | "requireReady">;

const NODE = { apiVersion: "v1", kind: "Node" } as const;
const POD = { apiVersion: "v1", kind: "Pod" } as const;

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
}

function nodeNameOf(pod: KubeObject): string {
  const name = (pod.spec as { nodeName?: unknown } | undefined)?.nodeName;
  return typeof name === "string" ? name : "";
}

function refOf(pod: KubeObject) {
  return { ...POD, name: pod.metadata.name ?? "", ...(pod.metadata.namespace === undefined ? {} : { namespace: pod.metadata.namespace }) };
}

/**
 * The scheduler's `FitError` text without the preemption note: `0/3 nodes are available: 1 Too
 * many pods, 2 node(s) had untolerated taint {k: v}.` (counts per reason, sorted).
 */
function fitMessage(nodes: number, reasons: readonly SchedulingReason[][]): string {
  const counts = new Map<string, number>();
  for (const list of reasons) for (const r of new Set(list.map((x) => x.message))) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([m, n]) => `${n} ${m}`).sort();
  const text = `0/${nodes} nodes are available${parts.length === 0 ? "" : `: ${parts.join(", ")}`}`;
  return text.endsWith(".") ? text : `${text}.`;
}

/**
 * Binds pending pods — no `spec.nodeName`, not being deleted, not `Succeeded`/`Failed`, no
 * `spec.schedulingGates`, the right `schedulerName` — to the first node (by name) that
 * {@link isSchedulable} accepts, counting the pods already bound (including those bound earlier
 * in the same pass). Pods are taken in the order the scheduler first saw them. A pass runs after
 * every node or pod change. Binding is a merge patch of `spec.nodeName` on the pod itself (with
 * its `resourceVersion` as precondition; a store may have no `binding` subresource), followed by
 * a status patch setting `PodScheduled` `True`; a pod that fits nowhere gets `PodScheduled`
 * `False`, reason `Unschedulable`, with the scheduler's `0/N nodes are available: …` message.
 * No priorities, preemption, scoring, inter-pod affinity or topology spread.
 *
 * @category Runtime
 * @example
 * ```ts
 * const scheduler = new PodScheduler({ store, clock });
 * await scheduler.start();
 * ```
 */
export class PodScheduler {
  private readonly options: PodSchedulerOptions;
  private readonly clock: Clock;
  private readonly nodes = new Map<string, KubeObject>();
  private readonly pods = new Map<string, KubeObject>();
  /** Pending pods, in the order they became pending. */
  private readonly pendingPods = new Set<string>();
  /** Bound pods per node name. */
  private readonly byNode = new Map<string, Map<string, KubeObject>>();
  private readonly queue: ReconcileQueue<null>;
  private readonly watches: Watch[] = [];

  /**
   * @param options - store, clock, schedulerName, requireReady, onAction
   */
  constructor(options: PodSchedulerOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.queue = new ReconcileQueue(this.clock, () => this.pass());
  }

  /** Whether no pass is queued or running. */
  get idle(): boolean {
    return this.queue.idle;
  }

  /**
   * Starts watching nodes and pods.
   * @returns when the watches are set up
   */
  async start(): Promise<void> {
    const store = this.options.store;
    const onError = (type: typeof NODE | typeof POD) => (error: Error): void => this.report({ ...type, metadata: {} }, "watch", undefined, error);
    this.watches.push(
      relistingWatch(store, NODE, {}, {
        onEvent: (e) => this.onNodeEvent(e),
        onRelist: (list) => resyncEvents(this.nodes.values(), list).forEach((e) => this.onNodeEvent(e)),
        onError: onError(NODE),
      }),
      relistingWatch(store, POD, {}, {
        onEvent: (e) => this.onPodEvent(e),
        onRelist: (list) => resyncEvents(this.pods.values(), list).forEach((e) => this.onPodEvent(e)),
        onError: onError(POD),
      }),
    );
    await Promise.resolve();
  }

  /** Stops watching and drops a queued pass. */
  stop(): void {
    for (const w of this.watches.splice(0)) w.stop();
    this.queue.stop();
  }

  private onNodeEvent(event: WatchEvent): void {
    if (event.type === "BOOKMARK") return;
    if (event.type === "DELETED") this.nodes.delete(keyOf(event.object));
    else this.nodes.set(keyOf(event.object), event.object);
    if (this.pendingPods.size > 0) this.queue.add("pass", null);
  }

  private onPodEvent(event: WatchEvent): void {
    if (event.type === "BOOKMARK") return;
    this.track(event.object, event.type === "DELETED");
    if (this.pendingPods.size > 0) this.queue.add("pass", null);
  }

  /** Updates the caches with a pod's new version (or its deletion). */
  private track(pod: KubeObject, deleted: boolean): void {
    const key = keyOf(pod);
    const old = this.pods.get(key);
    if (old !== undefined) {
      const node = nodeNameOf(old);
      const bound = this.byNode.get(node);
      // drop the node's index with its last pod: deleted and unknown nodes must not pile up
      if (bound?.delete(key) === true && bound.size === 0) this.byNode.delete(node);
    }
    if (deleted) {
      this.pods.delete(key);
      this.pendingPods.delete(key);
      return;
    }
    this.pods.set(key, pod);
    const node = nodeNameOf(pod);
    if (node !== "") {
      let bound = this.byNode.get(node);
      if (bound === undefined) this.byNode.set(node, (bound = new Map()));
      bound.set(key, pod);
    }
    if (this.pending(pod)) this.pendingPods.add(key);
    else this.pendingPods.delete(key);
  }

  private pending(pod: KubeObject): boolean {
    const spec = (pod.spec ?? {}) as { nodeName?: unknown; schedulingGates?: unknown; schedulerName?: unknown };
    const phase = (pod.status as { phase?: unknown } | undefined)?.phase;
    if (typeof spec.nodeName === "string" && spec.nodeName !== "") return false;
    if (pod.metadata.deletionTimestamp !== undefined || phase === "Succeeded" || phase === "Failed") return false;
    if (Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0) return false;
    return (spec.schedulerName ?? "default-scheduler") === (this.options.schedulerName ?? "default-scheduler");
  }

  private report(pod: KubeObject, operation: string, data?: unknown, error?: unknown): void {
    this.options.onAction?.({ controller: "scheduler", object: describeObject(pod), operation, ...(data === undefined ? {} : { data }), ...(error === undefined ? {} : { error: messageOf(error) }) });
  }

  private async pass(): Promise<void> {
    const nodes = [...this.nodes.values()].sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
    for (const key of [...this.pendingPods]) {
      const pod = this.pods.get(key);
      if (pod === undefined || !this.pending(pod)) continue;
      const reasons: SchedulingReason[][] = [];
      let chosen: KubeObject | undefined;
      for (const node of nodes) {
        let verdict;
        try {
          const bound = [...(this.byNode.get(node.metadata.name ?? "")?.values() ?? [])];
          verdict = isSchedulable(node, pod, { pods: bound, ...(this.options.requireReady === undefined ? {} : { requireReady: this.options.requireReady }) });
        } catch (error) {
          this.report(pod, `check node ${node.metadata.name ?? ""}`, undefined, error);
          verdict = { schedulable: false, reasons: [] };
        }
        if (verdict.schedulable) {
          chosen = node;
          break;
        }
        reasons.push([...verdict.reasons]);
      }
      if (chosen === undefined) await this.unschedulable(pod, fitMessage(nodes.length, reasons));
      else await this.bind(pod, chosen.metadata.name ?? "");
    }
  }

  private async bind(pod: KubeObject, nodeName: string): Promise<void> {
    const data = { metadata: { resourceVersion: pod.metadata.resourceVersion }, spec: { nodeName } };
    try {
      const bound = await this.options.store.patch(refOf(pod), { patchType: "merge", data });
      this.track(bound, false);
      this.report(pod, `bind to ${nodeName}`, data);
      const condition = { type: "PodScheduled", status: "True", lastTransitionTime: formatTime(this.clock.now()), reason: null, message: null };
      await this.options.store.patch(refOf(pod), { patchType: "strategic", subresource: "status", data: { status: { conditions: [condition] } } });
    } catch (error) {
      if (!isStoreError(error) || (error.reason !== StatusReason.Conflict && error.reason !== StatusReason.NotFound)) this.report(pod, `bind to ${nodeName}`, data, error);
    }
  }

  private async unschedulable(pod: KubeObject, message: string): Promise<void> {
    const conditions = ((pod.status as { conditions?: unknown } | undefined)?.conditions ?? []) as { type?: unknown; status?: unknown; reason?: unknown; message?: unknown }[];
    const old = Array.isArray(conditions) ? conditions.find((c) => c.type === "PodScheduled") : undefined;
    if (old?.status === "False" && old.reason === "Unschedulable" && old.message === message) return;
    const time = old?.status === "False" ? undefined : formatTime(this.clock.now());
    const condition = { type: "PodScheduled", status: "False", reason: "Unschedulable", message, ...(time === undefined ? {} : { lastTransitionTime: time }) };
    const data = { status: { conditions: [condition] } };
    try {
      await this.options.store.patch(refOf(pod), { patchType: "strategic", subresource: "status", data });
      this.report(pod, `unschedulable: ${message}`, data);
    } catch (error) {
      if (!isStoreError(error) || error.reason !== StatusReason.NotFound) this.report(pod, "unschedulable", data, error);
    }
  }
}
