/**
 * The readiness controller: applies the verdicts of `stagecraft`'s readiness functions to a
 * store as objects change — node readiness rules (taints and bootstrap annotations on Nodes) and
 * KEP-580 pod readiness gates (the kubelet's `Ready` condition on gated Pods).
 *
 * @module
 */
import type { NodeReadinessRule } from "../readiness/node-readiness-rule.js";
import { parseNodeReadinessRuleOrThrow } from "../readiness/parse-node-readiness-rule.js";
import { evaluateNodeReadinessRules, type NodeRuleEvaluation } from "../readiness/node-readiness-evaluate.js";
import { nodeReadinessRuleStatus, type NodeReadinessRuleStatus } from "../readiness/node-readiness-status.js";
import { evaluatePodReadiness } from "../readiness/pod-readiness.js";
import { isStoreError, StatusReason } from "../store/errors.js";
import { resyncEvents } from "../store/resync.js";
import type { KubeObject, ResourceStore, ResourceType, Watch, WatchEvent } from "../store/types.js";
import { type Clock, systemClock } from "./clock.js";
import { type ControllerAction, describeObject, messageOf } from "./controller-action.js";
import { ReconcileQueue } from "./reconcile-queue.js";
import { relistingWatch } from "./relisting-watch.js";
import { RULE_TYPE, StoredRules } from "./stored-rules.js";

/**
 * Options of {@link ReadinessController}.
 *
 * @category Runtime
 */
export interface ReadinessControllerOptions {
  /** Where the nodes and pods live. */
  readonly store: ResourceStore;
  /** The clock (`now` of the verdicts, and where the work is scheduled). Default: the system clock. */
  readonly clock?: Clock;
  /** Node readiness rules to enforce on every node (validated at construction). */
  readonly rules?: readonly NodeReadinessRule[];
  /** Keep the `Ready` condition of bound pods with `spec.readinessGates` as the kubelet computes it. */
  readonly podGates?: boolean;
  /**
   * Also enforce the `NodeReadinessRule` objects in the store (`readiness.node.x-k8s.io/v1alpha1`,
   * cluster-scoped: give the memory store `scopes: { "NodeReadinessRule.readiness.node.x-k8s.io":
   * "Cluster" }`), after `rules`, sorted by name, and write each one's `status` (applied nodes,
   * per-node evaluations, dry-run results) when it changes. Invalid rules are reported and
   * skipped; a deleted rule's taints stay. Default `false`.
   */
  readonly watchRules?: boolean;
  /** Called with everything the controller does. */
  readonly onAction?: (action: ControllerAction) => void;
}

/**
 * Options of the simulator's built-in readiness controller (`SimulatorOptions.readiness`).
 *
 * @category Runtime
 * @example
 * ```ts
 * new Simulator({ store, lifecycle, clock, readiness: { rules: [rule], podGates: true } });
 * ```
 */
export type SimulatorReadinessOptions = Pick<ReadinessControllerOptions, "rules" | "podGates" | "watchRules">;

const NODE = { apiVersion: "v1", kind: "Node" } as const;
const POD = { apiVersion: "v1", kind: "Pod" } as const;

function isConflict(error: unknown): boolean {
  return isStoreError(error) && (error.reason === StatusReason.Conflict || error.reason === StatusReason.NotFound);
}

/**
 * Watches Nodes (when there are rules) and Pods (with `podGates`) and patches them as the
 * readiness functions say: for each node, {@link evaluateNodeReadinessRules} over every rule,
 * sending its merge patch (taints replaced as a whole, bootstrap annotations, the node's
 * `resourceVersion` as precondition: a conflict is dropped, since the newer version is queued
 * already); for each bound pod with `spec.readinessGates`, {@link evaluatePodReadiness}'s status
 * patch. Work runs from zero-delay timers on the clock, so on a {@link VirtualClock} it happens
 * at the virtual instant of the change. The {@link Simulator} runs one when given `readiness`.
 *
 * @category Runtime
 * @example
 * ```ts
 * const controller = new ReadinessController({ store, clock, rules: [rule], podGates: true });
 * await controller.start();
 * await clock.runUntil(() => controller.idle);
 * ```
 */
export class ReadinessController {
  private readonly store: ResourceStore;
  private readonly clock: Clock;
  private readonly rules: readonly NodeReadinessRule[];
  private readonly podGates: boolean;
  private readonly onAction: ((action: ControllerAction) => void) | undefined;
  private readonly queue: ReconcileQueue<KubeObject>;
  private readonly watches: Watch[] = [];
  private readonly records = new Map<string, readonly NodeRuleEvaluation[]>();
  private readonly stored: StoredRules | undefined;
  private readonly nodes = new Map<string, KubeObject>();

  /**
   * @param options - store, clock, rules, podGates, onAction
   * @throws StagecraftError when a rule is invalid (see `parseNodeReadinessRule`)
   */
  constructor(options: ReadinessControllerOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.rules = (options.rules ?? []).map((r) => parseNodeReadinessRuleOrThrow(r));
    this.podGates = options.podGates === true;
    this.onAction = options.onAction;
    this.stored = options.watchRules === true ? new StoredRules() : undefined;
    this.queue = new ReconcileQueue(this.clock, (_key, object) =>
      object.kind === "Node" ? this.reconcileNode(object) : StoredRules.isRule(object) ? this.writeStatus(object) : this.reconcilePod(object),
    );
  }

  /** Whether no reconcile is queued or running. */
  get idle(): boolean {
    return this.queue.idle;
  }

  /** The latest evaluation records per node name (one per rule). */
  get evaluations(): ReadonlyMap<string, readonly NodeRuleEvaluation[]> {
    return this.records;
  }

  /**
   * The status upstream's controller would write to a rule, from the latest evaluations.
   * @param rule - the rule name
   * @returns the status
   */
  ruleStatus(rule: string): NodeReadinessRuleStatus {
    return nodeReadinessRuleStatus(rule, [...this.records.values()].flat());
  }

  /**
   * Starts watching; existing objects are reconciled first.
   * @returns when the watches are set up
   */
  async start(): Promise<void> {
    const stored = this.stored;
    const watch = (type: ResourceType, onEvent: (event: WatchEvent) => void, cached: () => Iterable<KubeObject>): Watch =>
      relistingWatch(this.store, type, {}, {
        onEvent,
        onRelist: (list) => resyncEvents(cached(), list).forEach(onEvent),
        onError: (error) => this.report({ ...type, metadata: {} }, "watch", undefined, error),
      });
    if (stored !== undefined) this.watches.push(watch(RULE_TYPE, (e) => this.onRuleEvent(e), () => stored.list().map((rule): KubeObject => ({ ...RULE_TYPE, metadata: { name: rule.metadata.name } }))));
    if (this.rules.length > 0 || stored !== undefined) this.watches.push(watch(NODE, (e) => this.onEvent(e), () => this.nodes.values()));
    // pods are not cached: one deleted while the watch was down fails its queued reconcile with NotFound
    if (this.podGates) this.watches.push(watch(POD, (e) => this.onEvent(e), () => []));
    await Promise.resolve();
  }

  /** Stops watching and drops queued work. */
  stop(): void {
    for (const w of this.watches.splice(0)) w.stop();
    this.queue.stop();
  }

  private onEvent(event: WatchEvent): void {
    const o = event.object;
    const key = `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
    if (event.type === "BOOKMARK") return;
    if (event.type === "DELETED") {
      this.queue.remove(key);
      if (o.kind === "Node") this.records.delete(o.metadata.name ?? "");
      if (o.kind === "Node") this.nodes.delete(o.metadata.name ?? "");
      return;
    }
    if (o.kind === "Node") this.nodes.set(o.metadata.name ?? "", o);
    this.queue.add(key, o);
  }

  private onRuleEvent(event: WatchEvent): void {
    const change = (this.stored as StoredRules).apply(event);
    if (change.kind === "invalid") this.report(event.object, "skip invalid rule", undefined, change.message);
    if (change.kind !== "rules") return;
    for (const node of this.nodes.values()) this.queue.add(`Node//${node.metadata.name ?? ""}`, node);
  }

  private allRules(): readonly NodeReadinessRule[] {
    return this.stored === undefined ? this.rules : [...this.rules, ...this.stored.list()];
  }

  private async writeStatus(rule: KubeObject): Promise<void> {
    const name = rule.metadata.name ?? "";
    if (this.stored === undefined || !this.stored.list().some((r) => r.metadata.name === name)) return;
    const status = this.ruleStatus(name);
    if (!this.stored.needsWrite(name, status)) return;
    const data = { status: { ...status, ...(status.dryRunResults === undefined ? { dryRunResults: null } : {}) } };
    try {
      await this.store.patch({ ...RULE_TYPE, name }, { patchType: "merge", subresource: "status", data });
    } catch (error) {
      if (!isConflict(error)) this.report(rule, "write status", data, error);
    }
  }

  private report(object: KubeObject, operation: string, data?: unknown, error?: unknown): void {
    this.onAction?.({ controller: "readiness", object: describeObject(object), operation, ...(data === undefined ? {} : { data }), ...(error === undefined ? {} : { error: messageOf(error) }) });
  }

  private async reconcileNode(node: KubeObject): Promise<void> {
    const rules = this.allRules();
    const verdict = evaluateNodeReadinessRules(rules, node, { now: this.clock.now() });
    this.records.set(node.metadata.name ?? "", verdict.evaluations);
    for (const rule of this.stored?.list() ?? []) this.queue.add(`Rule//${rule.metadata.name}`, { ...RULE_TYPE, metadata: { name: rule.metadata.name } });
    if (verdict.patch === undefined) return;
    const what = verdict.evaluations
      .filter((e) => !e.dryRun && (e.action !== "None" || e.markBootstrapCompleted))
      .map((e) => {
        const taint = (rules.find((r) => r.metadata.name === e.rule) as NodeReadinessRule).spec.taint;
        const action = e.action === "AddTaint" ? `add taint ${taint.key}:${taint.effect}` : e.action === "RemoveTaint" ? `remove taint ${taint.key}:${taint.effect}` : "";
        return [action, e.markBootstrapCompleted ? `bootstrap of ${e.rule} completed` : ""].filter((s) => s !== "").join(", ");
      })
      .join("; ");
    try {
      await this.store.patch({ ...NODE, name: node.metadata.name ?? "" }, verdict.patch);
      this.report(node, what, verdict.patch.data);
    } catch (error) {
      if (!isConflict(error)) this.report(node, what, verdict.patch.data, error);
    }
  }

  private async reconcilePod(pod: KubeObject): Promise<void> {
    const spec = pod.spec as { nodeName?: unknown; readinessGates?: unknown } | undefined;
    if (typeof spec?.nodeName !== "string" || spec.nodeName === "" || !Array.isArray(spec.readinessGates) || spec.readinessGates.length === 0) return;
    const verdict = evaluatePodReadiness(pod, { now: this.clock.now() });
    if (verdict.patch === undefined) return;
    const c = verdict.condition;
    const what = `Ready ${c.status}${c.reason === undefined ? "" : ` ${c.reason}`}`;
    const ref = { ...POD, name: pod.metadata.name ?? "", ...(pod.metadata.namespace === undefined ? {} : { namespace: pod.metadata.namespace }) };
    try {
      await this.store.patch(ref, verdict.patch);
      this.report(pod, what, verdict.patch.data);
    } catch (error) {
      if (!isConflict(error)) this.report(pod, what, verdict.patch.data, error);
    }
  }
}
