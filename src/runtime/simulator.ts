/**
 * The simulator: watches a store, plans with the lifecycle, schedules each plan after its delay
 * on a clock, performs the operations, and re-plans on every change (KWOK's controller
 * pipeline, spec §6.3).
 *
 * @module
 */
import type { CompiledStage } from "../plan/compile-lifecycle.js";
import { match, matchAsync, plan, planAsync } from "../plan/plan.js";
import type { Operation, Plan } from "../plan/types.js";
import type { KubeObject, ObjectList, ResourceType, Watch, WatchEvent } from "../store/types.js";
import { resyncEvents } from "../store/resync.js";
import { formatRfc3339Nano } from "../values/go-format.js";
import { type BuiltInController, builtInControllers } from "./built-in-controllers.js";
import { type Clock, systemClock, type TimerHandle } from "./clock.js";
import { type ControllerFunctions, createControllerFunctions } from "./controller-functions.js";
import { compileManageFilter, type ManageFilter } from "./manage.js";
import { NodeLeases } from "./node-lease.js";
import { type OperationContext, performOperation } from "./perform-operation.js";
import type { HistoryEntry, HistoryKind, HistoryObject } from "./history.js";
import { backoffMs, isRetryable } from "./retry.js";
import { relistingWatch } from "./relisting-watch.js";
import { type Rng, seededRandom } from "./rng.js";
import type { SimulatorOptions } from "./simulator-options.js";

interface Job {
  readonly key: string;
  readonly snapshot: KubeObject;
  readonly stage: CompiledStage;
  readonly stepIndex: number;
  readonly attempt: number;
  timer?: TimerHandle;
  started: boolean;
}

const NODE: ResourceType = { apiVersion: "v1", kind: "Node" };

function keyOf(o: KubeObject): string {
  return `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
}

function describeOf(o: KubeObject): HistoryObject {
  return {
    apiVersion: o.apiVersion,
    kind: o.kind,
    ...(o.metadata.namespace === undefined || o.metadata.namespace === "" ? {} : { namespace: o.metadata.namespace }),
    name: o.metadata.name ?? "",
  };
}

function isPod(o: KubeObject): boolean {
  return o.apiVersion === "v1" && o.kind === "Pod";
}

function isNode(o: KubeObject): boolean {
  return o.apiVersion === "v1" && o.kind === "Node";
}

function nodeNameOf(pod: KubeObject): string {
  const name = (pod as { spec?: { nodeName?: unknown } }).spec?.nodeName;
  return typeof name === "string" ? name : "";
}

/**
 * Drives objects in a store through their stages. Deterministic on a {@link VirtualClock} with a
 * seeded rng: the same seed and inputs give the same {@link Simulator.history}.
 *
 * KWOK's semantics (spec §6.3): an Added/Modified object is matched; the chosen stage's job runs
 * after the stage's delay against the snapshot taken when it was scheduled; a newer version
 * replaces the pending job (a version that matches nothing leaves it, unless `pendingJobs:
 * "cancel"`); a deleted object's job is cancelled; retryable store errors are retried from the
 * failing step with backoff, other errors drop the job; `immediateNextStage` re-plans the
 * patched object at once. Pods are driven only on managed nodes the simulator has seen.
 *
 * @category Runtime
 * @example
 * ```ts
 * const clock = new VirtualClock();
 * const store = createMemoryStore({ clock });
 * const sim = new Simulator({ store, lifecycle: compileLifecycle(loadPreset("fast")), clock, seed: 1 });
 * await sim.start();
 * await store.create(node);
 * await clock.runUntil(() => sim.idle, { timeout: 60_000 });
 * console.log(formatHistory(sim.history));
 * ```
 */
export class Simulator {
  private readonly options: SimulatorOptions;
  private readonly clock: Clock;
  private readonly rng: Rng;
  private readonly jobs = new Map<string, Job>();
  private readonly watches: Watch[] = [];
  private readonly nodes = new Map<string, KubeObject>();
  private readonly waitingForNode = new Map<string, Map<string, KubeObject>>();
  private readonly functions: ControllerFunctions;
  private readonly entries: HistoryEntry[] = [];
  private readonly startedAt: number;
  private readonly context: OperationContext;
  private readonly manage: ManageFilter;
  private readonly leases: NodeLeases | undefined;
  private readonly controllers: BuiltInController[];
  private seq = 0;
  private running = 0;
  private stopped = false;
  private queue: Promise<void> = Promise.resolve();
  /** Configuration problems found at start (e.g. Pod stages without Node stages). */
  readonly warnings: string[] = [];

  /**
   * @param options - store, lifecycle, clock, rng or seed, and behaviour switches
   */
  constructor(options: SimulatorOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.rng = options.rng ?? seededRandom(options.seed ?? 0);
    this.startedAt = this.clock.now().getTime();
    this.functions = createControllerFunctions({ ...options.controller, nodes: (name) => this.nodes.get(name) });
    this.manage = compileManageFilter(options.manage);
    this.leases =
      options.nodeLease === undefined || options.nodeLease.durationSeconds <= 0
        ? undefined
        : new NodeLeases(options.store, this.clock, this.rng, options.nodeLease, (node, error) =>
            this.record("error", node, { message: `node lease: ${error instanceof Error ? error.message : String(error)}` }),
          );
    this.context = {
      store: options.store,
      clock: this.clock,
      events: options.events !== false,
      eventName: (object) => `${object.metadata.name ?? "object"}.${(++this.seq).toString(16).padStart(16, "0")}`,
    };
    this.controllers = builtInControllers(options, this.clock, (kind, object, extra) => this.record(kind, object, extra));
  }

  /** The timeline so far (empty when `history` is `none`). */
  get history(): readonly HistoryEntry[] {
    return this.entries;
  }

  /** Whether no job is pending or running (nor work of the built-in readiness controller or scheduler). */
  get idle(): boolean {
    return this.jobs.size === 0 && this.running === 0 && this.controllers.every((c) => c.idle);
  }

  /** Number of pending jobs. */
  get pendingJobs(): number {
    return this.jobs.size;
  }

  /**
   * Starts watching every kind the lifecycle has stages for (Nodes first). Existing objects
   * arrive as `ADDED` events and are planned at once.
   * @returns when the watches are set up
   */
  async start(): Promise<void> {
    const refs = this.options.lifecycle.refs;
    const types: ResourceType[] = [];
    for (const ref of refs) {
      if (ref.apiGroup === "") {
        this.warnings.push(`stages for kind ${ref.kind} have no resourceRef.apiGroup: no objects can be watched for them`);
        continue;
      }
      types.push({ apiVersion: ref.apiGroup, kind: ref.kind });
    }
    types.sort((a, b) => Number(b.kind === "Node" && b.apiVersion === "v1") - Number(a.kind === "Node" && a.apiVersion === "v1"));
    const hasNodeStages = types.some((t) => t.apiVersion === NODE.apiVersion && t.kind === NODE.kind);
    const requireKnownNode = this.options.manage?.requireKnownNode !== false;
    if (requireKnownNode && !hasNodeStages && types.some((t) => t.apiVersion === "v1" && t.kind === "Pod")) {
      this.warnings.push("there are Pod stages but no Node stages: like KWOK, no Pod is driven (add Node stages, or set manage.requireKnownNode: false)");
    }
    for (const type of types) {
      const manage = this.options.manage;
      const isNodeType = type.apiVersion === NODE.apiVersion && type.kind === NODE.kind;
      const options = {
        ...(isNodeType && manage?.nodeLabelSelector !== undefined ? { labelSelector: manage.nodeLabelSelector } : {}),
        ...(isNodeType && manage?.nodeName !== undefined ? { fieldSelector: `metadata.name=${manage.nodeName}` } : {}),
      };
      this.watches.push(
        relistingWatch(this.options.store, type, options, {
          onEvent: (event) => this.onEvent(event),
          onRelist: (list) => this.onRelist(type, list),
          onError: (error) => this.onWatchError(type, error),
        }),
      );
    }
    for (const controller of this.controllers) await controller.start();
    await this.queue;
  }

  /** Stops watching and cancels every pending job. Running jobs finish their current operation. */
  stop(): void {
    this.stopped = true;
    for (const w of this.watches.splice(0)) w.stop();
    this.leases?.stop();
    for (const controller of this.controllers) controller.stop();
    for (const job of this.jobs.values()) if (job.timer !== undefined) this.clock.clearTimeout(job.timer);
    this.jobs.clear();
  }

  /** Resolves when every event received so far has been planned (async lifecycles). */
  settled(): Promise<void> {
    return this.queue;
  }

  private onWatchError(type: ResourceType, error: Error): void {
    this.warnings.push(`watch of ${type.apiVersion} ${type.kind} ended: ${error.message}`);
  }

  /**
   * A watch expired and the type was listed again: what the simulator knew of (pending jobs,
   * nodes, pods waiting for their node) and is no longer listed was deleted while the watch was
   * down; listed objects it lacks or holds in another version are changes.
   */
  private onRelist(type: ResourceType, list: ObjectList): void {
    if (this.stopped) return;
    const sameType = (o: KubeObject): boolean => o.apiVersion === type.apiVersion && o.kind === type.kind;
    const known: KubeObject[] = [];
    for (const job of this.jobs.values()) if (sameType(job.snapshot)) known.push(job.snapshot);
    for (const waiting of this.waitingForNode.values()) for (const pod of waiting.values()) if (sameType(pod)) known.push(pod);
    // last, so that a node's latest version wins over an older job snapshot
    if (type.apiVersion === NODE.apiVersion && type.kind === NODE.kind) known.push(...this.nodes.values());
    for (const event of resyncEvents(known, list)) this.onEvent(event);
  }

  private onEvent(event: WatchEvent): void {
    if (this.stopped || event.type === "BOOKMARK") return;
    const object = event.object;
    if (this.manage.disregarded(object)) return;
    if (isNode(object) && !this.manage.node(object)) return;
    if (event.type === "DELETED") {
      this.onDeleted(object);
      return;
    }
    if (isNode(object)) {
      const name = object.metadata.name ?? "";
      const known = this.nodes.has(name);
      this.nodes.set(name, object);
      if (!known) {
        this.leases?.track(object);
        this.releaseWaitingPods(name);
      }
    }
    if (isPod(object)) {
      this.functions.usePodIPs(object);
      if (!this.managedPod(object)) return;
    }
    this.preprocess(object);
  }

  private managedPod(pod: KubeObject): boolean {
    if (this.options.manage?.requireKnownNode === false) return true;
    const node = nodeNameOf(pod);
    if (node === "") return false;
    if (this.nodes.has(node)) return true;
    let waiting = this.waitingForNode.get(node);
    if (waiting === undefined) {
      waiting = new Map();
      this.waitingForNode.set(node, waiting);
    }
    waiting.set(keyOf(pod), pod);
    return false;
  }

  private releaseWaitingPods(node: string): void {
    const waiting = this.waitingForNode.get(node);
    if (waiting === undefined) return;
    this.waitingForNode.delete(node);
    for (const pod of waiting.values()) this.preprocess(pod);
  }

  private onDeleted(object: KubeObject): void {
    const key = keyOf(object);
    if (isNode(object)) {
      this.nodes.delete(object.metadata.name ?? "");
      this.leases?.forget(object.metadata.name ?? "");
      this.functions.forgetNode(object.metadata.name ?? "");
    }
    if (isPod(object)) {
      this.functions.releasePodIPs(object);
      const node = nodeNameOf(object);
      const waiting = this.waitingForNode.get(node);
      // drop the node's entry with its last pod: nodes that never show up must not pile up
      if (waiting?.delete(key) === true && waiting.size === 0) this.waitingForNode.delete(node);
    }
    const job = this.jobs.get(key);
    if (job !== undefined && !job.started) {
      this.cancel(job, "the object was deleted");
      this.jobs.delete(key);
    }
  }

  private cancel(job: Job, why: string): void {
    if (job.timer !== undefined) this.clock.clearTimeout(job.timer);
    this.record("cancelled", job.snapshot, { stage: job.stage.name, message: why });
  }

  private preprocess(object: KubeObject): void {
    if (this.options.lifecycle.async) {
      this.queue = this.queue.then(() => this.preprocessAsync(object));
      return;
    }
    const pending = this.jobs.get(keyOf(object));
    if (pending !== undefined && pending.snapshot.metadata.resourceVersion === object.metadata.resourceVersion) return;
    const now = this.clock.now();
    const chosen = match(object, this.options.lifecycle, { now, rng: this.rng });
    if (!chosen.ok) {
      this.record("error", object, { message: `matching failed: ${chosen.error.message}` });
      return;
    }
    this.schedule(object, chosen.value, pending);
  }

  private async preprocessAsync(object: KubeObject): Promise<void> {
    const pending = this.jobs.get(keyOf(object));
    if (pending !== undefined && pending.snapshot.metadata.resourceVersion === object.metadata.resourceVersion) return;
    const chosen = await matchAsync(object, this.options.lifecycle, { now: this.clock.now(), rng: this.rng });
    if (!chosen.ok) {
      this.record("error", object, { message: `matching failed: ${chosen.error.message}` });
      return;
    }
    this.schedule(object, chosen.value, pending);
  }

  private schedule(object: KubeObject, stage: CompiledStage | undefined, pending: Job | undefined): void {
    const key = keyOf(object);
    if (stage === undefined) {
      if (pending !== undefined && !pending.started && this.options.pendingJobs === "cancel") {
        this.cancel(pending, "the object no longer matches any stage");
        this.jobs.delete(key);
      }
      return;
    }
    const sample = stage.delay.sample(object, { now: this.clock.now(), rng: this.rng });
    let delayMs = sample.status === "value" ? Math.max(0, sample.value / 1e6) : 0;
    if (sample.status === "error") this.record("error", object, { stage: stage.name, message: `delay: ${sample.error.message} (running at once, as KWOK does)` });
    if (!Number.isFinite(delayMs)) delayMs = 0;
    if (pending !== undefined && !pending.started) this.cancel(pending, "a newer version of the object was planned");
    this.enqueue({ key, snapshot: object, stage, stepIndex: 0, attempt: 0, started: false }, delayMs, "scheduled");
  }

  private enqueue(job: Job, delayMs: number, kind: "scheduled" | "retry", message?: string): void {
    this.jobs.set(job.key, job);
    job.timer = this.clock.setTimeout(() => this.run(job), delayMs);
    this.record(kind, job.snapshot, { stage: job.stage.name, delayMs, ...(message === undefined ? {} : { message }) });
  }

  private async run(job: Job): Promise<void> {
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
    if (this.stopped) return;
    job.started = true;
    this.running++;
    try {
      await this.execute(job);
      // matching of the events this job caused (asynchronous with JSONata) finishes before the
      // clock fires the next timer, so virtual time stays deterministic
      await this.queue;
    } finally {
      this.running--;
    }
  }

  private async execute(job: Job): Promise<void> {
    const lifecycle = this.options.lifecycle;
    const planOptions = { stage: job.stage, now: this.clock.now(), rng: this.rng, functions: this.functions.forObject(job.snapshot) };
    const result = lifecycle.async ? await planAsync(job.snapshot, lifecycle, planOptions) : plan(job.snapshot, lifecycle, planOptions);
    const operations: readonly Operation[] = result.ok ? ((result.plan as Plan | undefined)?.operations ?? []) : result.operations;
    this.record("applied", job.snapshot, { stage: job.stage.name });
    let lastPatched: KubeObject | undefined;
    for (const op of operations) {
      if (op.step < job.stepIndex) continue;
      try {
        const returned = await performOperation(op, job.snapshot, this.context);
        this.recordOperation(job, op);
        if (op.kind === "patch" && returned !== undefined && returned.metadata.resourceVersion !== job.snapshot.metadata.resourceVersion) lastPatched = returned;
        if (op.kind === "delete") lastPatched = undefined;
      } catch (error) {
        this.failed(job, op.step, error);
        return;
      }
    }
    if (!result.ok) {
      this.record("error", job.snapshot, { stage: job.stage.name, message: `step ${result.step ?? 0}: ${result.error.message}` });
      return;
    }
    if (job.stage.stage.immediateNextStage && lastPatched !== undefined && !this.stopped) {
      if (!isPod(lastPatched) || this.managedPod(lastPatched)) this.preprocess(lastPatched);
    }
  }

  private failed(job: Job, step: number, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const max = this.options.retry?.maxAttempts ?? Number.POSITIVE_INFINITY;
    if (isRetryable(error) && job.attempt + 1 <= max && !this.stopped) {
      const retry: Job = { key: job.key, snapshot: job.snapshot, stage: job.stage, stepIndex: step, attempt: job.attempt + 1, started: false };
      const current = this.jobs.get(job.key);
      if (current === undefined) this.enqueue(retry, backoffMs(job.attempt, this.rng, this.options.retry), "retry", message);
      return;
    }
    this.record("error", job.snapshot, { stage: job.stage.name, message: `step ${step}: ${message}` });
  }

  private recordOperation(job: Job, op: Operation): void {
    if ((this.options.history ?? "operations") !== "operations" && this.options.onHistory === undefined) return;
    const text =
      op.kind === "event"
        ? `event ${op.type} ${op.reason}`
        : op.kind === "delete"
          ? "delete"
          : op.kind === "patch"
            ? `patch ${op.patchType}${op.subresource === "" ? "" : ` ${op.subresource}`}${op.source === "finalizers" ? " (finalizers)" : ""}`
            : `apply ${op.applyType} ${String((op.data as { kind?: unknown } | null)?.kind ?? "")}/${String((op.data as { metadata?: { name?: unknown } } | null)?.metadata?.name ?? "")}`;
    const data = this.options.historyData === true && (op.kind === "patch" || op.kind === "apply") ? { data: op.data } : {};
    this.record("operation", job.snapshot, { stage: job.stage.name, operation: text, ...data }, "operations");
  }

  private record(kind: HistoryKind, object: KubeObject, extra: Partial<HistoryEntry>, level: "stages" | "operations" = "stages"): void {
    const mode = this.options.history ?? "operations";
    const keep = mode === "operations" || (mode === "stages" && level === "stages");
    if (!keep && this.options.onHistory === undefined) return;
    const now = this.clock.now();
    const entry: HistoryEntry = {
      seq: this.entries.length + 1,
      time: formatRfc3339Nano(now),
      elapsedMs: now.getTime() - this.startedAt,
      kind,
      object: describeOf(object),
      ...extra,
    };
    if (keep) this.entries.push(entry);
    this.options.onHistory?.(entry);
  }
}
