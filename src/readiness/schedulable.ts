/**
 * `isSchedulable(node, pod)`: the scheduler's filters that decide whether a pod fits a node,
 * plus node readiness, with the reasons when not.
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { field } from "./fields.js";
import { evaluateNodeReadinessGates } from "./node-gates.js";
import { matchesNodeAffinity } from "./node-affinity.js";
import { allocatableOf, insufficientResources, podRequests, sumRequests } from "./resources.js";
import { findUntoleratedTaint, type Taint, taintsOf, tolerationsOf, toleratesTaint } from "./taints.js";

/**
 * Why a pod does not fit a node.
 *
 * @example
 * ```ts
 * isSchedulable(node, pod).reasons.some((r) => r.code === SchedulingReasonCode.UntoleratedTaint);
 * ```
 * @category Readiness
 */
export const SchedulingReasonCode = {
  /** The node is not fully ready (`Ready` not `True`, or a node readiness gate blocks). */
  NodeNotReady: "NodeNotReady",
  /** `spec.unschedulable` (and no toleration of `node.kubernetes.io/unschedulable`). */
  Unschedulable: "Unschedulable",
  /** A `NoSchedule`/`NoExecute` taint the pod does not tolerate. */
  UntoleratedTaint: "UntoleratedTaint",
  /** `spec.nodeSelector` or required node affinity does not match. */
  NodeAffinity: "NodeAffinity",
  /** The node has as many pods as `allocatable.pods`. */
  TooManyPods: "TooManyPods",
  /** A requested resource is not left on the node. */
  InsufficientResource: "InsufficientResource",
} as const;

/**
 * One of the values of {@link SchedulingReasonCode}.
 *
 * @example
 * ```ts
 * const c: SchedulingReasonCode = "TooManyPods";
 * ```
 * @category Readiness
 */
export type SchedulingReasonCode = (typeof SchedulingReasonCode)[keyof typeof SchedulingReasonCode];

/**
 * A reason a pod does not fit a node; messages are the scheduler's where it has one.
 *
 * @category Readiness
 */
export interface SchedulingReason {
  /** Stable code. */
  readonly code: SchedulingReasonCode;
  /** E.g. `node(s) had untolerated taint {readiness.k8s.io/cni: pending}`, `Insufficient cpu`. */
  readonly message: string;
  /** The taint, for `UntoleratedTaint`. */
  readonly taint?: Taint;
  /** The resource name, for `InsufficientResource`. */
  readonly resource?: string;
}

/**
 * Options of {@link isSchedulable}.
 *
 * @category Readiness
 */
export interface SchedulableOptions {
  /**
   * The pods already on the node (others in the list are ignored: only those whose
   * `spec.nodeName` is the node, not `Succeeded`/`Failed`, and not the pod itself count).
   */
  readonly pods?: readonly KubeObject[];
  /** Require the node to be fully ready (see {@link evaluateNodeReadinessGates}). Default `true`. */
  readonly requireReady?: boolean;
}

/**
 * What {@link isSchedulable} found.
 *
 * @category Readiness
 */
export interface SchedulableVerdict {
  /** Whether the pod fits the node. */
  readonly schedulable: boolean;
  /** Every reason it does not, in the order readiness, unschedulable, taints, affinity, pod count, resources. */
  readonly reasons: readonly SchedulingReason[];
}

const UNSCHEDULABLE_TAINT: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

function podsOnNode(node: KubeObject, pod: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  const name = node.metadata.name ?? "";
  return pods.filter((p) => {
    if (field(p, "spec", "nodeName") !== name) return false;
    const phase = field(p, "status", "phase");
    if (phase === "Succeeded" || phase === "Failed") return false;
    return !(p.metadata.name === pod.metadata.name && (p.metadata.namespace ?? "") === (pod.metadata.namespace ?? ""));
  });
}

/**
 * Whether a pod can be scheduled on a node, with the reasons when not: the node is fully ready
 * (`Ready` `True` and every node readiness gate passing; `requireReady: false` skips this), not
 * `spec.unschedulable` (unless the pod tolerates `node.kubernetes.io/unschedulable:NoSchedule`),
 * every `NoSchedule`/`NoExecute` taint tolerated (`PreferNoSchedule` ignored), `nodeSelector` and
 * required node affinity matching, fewer pods than `allocatable.pods`, and every requested
 * resource (see {@link podRequests}) left in `allocatable` after the node's pods. A node without
 * `status.allocatable` is not checked for pods and resources; one that has it but lacks a
 * resource has none of it.
 *
 * @param node - the node (not modified)
 * @param pod - the pod (not modified)
 * @param options - the pods on the node, `requireReady`
 * @returns the verdict and the reasons
 * @throws StagecraftError `E_INVALID_VALUE` for a malformed resource quantity
 * @example
 * ```ts
 * const { schedulable, reasons } = isSchedulable(node, pod, { pods: await listPods() });
 * if (!schedulable) console.log(reasons.map((r) => r.message).join("; "));
 * ```
 * @category Readiness
 */
export function isSchedulable(node: KubeObject, pod: KubeObject, options: SchedulableOptions = {}): SchedulableVerdict {
  const reasons: SchedulingReason[] = [];
  if (options.requireReady !== false) {
    const gates = evaluateNodeReadinessGates(node);
    if (!gates.fullyReady) reasons.push({ code: SchedulingReasonCode.NodeNotReady, message: `node(s) were not ready: ${gates.message}` });
  }
  const tolerations = tolerationsOf(pod);
  if (field(node, "spec", "unschedulable") === true && !tolerations.some((t) => toleratesTaint(t, UNSCHEDULABLE_TAINT))) {
    reasons.push({ code: SchedulingReasonCode.Unschedulable, message: "node(s) were unschedulable" });
  }
  const taint = findUntoleratedTaint(taintsOf(node), tolerations);
  if (taint !== undefined) reasons.push({ code: SchedulingReasonCode.UntoleratedTaint, message: `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`, taint });
  if (!matchesNodeAffinity(pod, node)) reasons.push({ code: SchedulingReasonCode.NodeAffinity, message: "node(s) didn't match Pod's node affinity/selector" });
  const allocatable = allocatableOf(node);
  if (allocatable !== undefined) {
    const others = podsOnNode(node, pod, options.pods ?? []);
    if (others.length + 1 > Number((allocatable.pods ?? 0n) / 1_000_000_000n)) reasons.push({ code: SchedulingReasonCode.TooManyPods, message: "Too many pods" });
    for (const resource of insufficientResources(podRequests(pod), allocatable, sumRequests(others))) {
      reasons.push({ code: SchedulingReasonCode.InsufficientResource, message: `Insufficient ${resource}`, resource });
    }
  }
  return { schedulable: reasons.length === 0, reasons };
}
