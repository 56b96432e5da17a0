/**
 * A pod's readiness verdict with the status patch that makes its `Ready` condition what the
 * kubelet would write.
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { conditionsOf, findCondition } from "./fields.js";
import type { GeneratedCondition } from "./pod-condition-types.js";
import { generateContainersReadyCondition, generatePodReadyCondition, podReadinessGates, type PodGateResult } from "./pod-ready-condition.js";
import { generatePodInitializedCondition } from "./pod-initialized-condition.js";
import { formatTime, type TimeInput } from "./time.js";

/**
 * Options of {@link evaluatePodReadiness}.
 *
 * @category Readiness
 */
export interface PodReadinessOptions {
  /** The current instant: the `lastTransitionTime` of a condition whose status changes. */
  readonly now: TimeInput;
}

/**
 * A patch of a pod's `status` subresource.
 *
 * @category Readiness
 */
export interface StatusPatch {
  /** Always `strategic`: `status.conditions` merge by `type`. */
  readonly patchType: "strategic";
  /** Always `status`. */
  readonly subresource: "status";
  /** The patch body: `{ status: { conditions: [ { type: "Ready", … } ] } }`. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * A generated condition with the `lastTransitionTime` the kubelet's status manager gives it.
 *
 * @category Readiness
 */
export interface TimedCondition extends GeneratedCondition {
  /** Kept from the old condition when the status is the same, else `now`. */
  readonly lastTransitionTime?: string;
}

/**
 * What {@link evaluatePodReadiness} found.
 *
 * @category Readiness
 */
export interface PodReadinessVerdict {
  /** Whether the pod is Ready as the kubelet computes it. */
  readonly ready: boolean;
  /** The `Ready` condition the kubelet would write, with its `lastTransitionTime` when known. */
  readonly condition: TimedCondition;
  /** The `ContainersReady` condition it derives from. */
  readonly containersReady: GeneratedCondition;
  /** The `Initialized` condition (not part of `Ready`; reported for completeness, not patched). */
  readonly initialized: GeneratedCondition;
  /** Every readiness gate, in spec order. */
  readonly gates: readonly PodGateResult[];
  /** Whether the pod's current `Ready` condition differs (status, reason or message). */
  readonly changed: boolean;
  /** The status patch that fixes the `Ready` condition; undefined when nothing changes. */
  readonly patch?: StatusPatch;
}

/**
 * Evaluates a pod's readiness as the kubelet does (see {@link generatePodReadyCondition}) and
 * returns the strategic-merge status patch that sets its `Ready` condition accordingly. As in the
 * kubelet's status manager, `lastTransitionTime` keeps its old value when the status is the same
 * and becomes `now` when it changes; a reason or message that goes away is removed (`null`).
 *
 * @param pod - the pod (not modified)
 * @param options - `now`
 * @returns the verdict and the patch
 * @example
 * ```ts
 * const verdict = evaluatePodReadiness(pod, { now: "2024-01-01T00:00:00Z" });
 * if (verdict.patch) await store.patch(ref, verdict.patch);
 * ```
 * @category Readiness
 */
export function evaluatePodReadiness(pod: KubeObject, options: PodReadinessOptions): PodReadinessVerdict {
  const generated = generatePodReadyCondition(pod);
  const old = findCondition(conditionsOf(pod), "Ready");
  const sameStatus = old !== undefined && old.status === generated.status;
  const lastTransitionTime = sameStatus ? old.lastTransitionTime : formatTime(options.now);
  const condition = { ...generated, ...(lastTransitionTime === undefined ? {} : { lastTransitionTime }) };
  const changed = !sameStatus || old.reason !== generated.reason || old.message !== generated.message;
  const base = {
    ready: generated.status === "True",
    condition,
    containersReady: generateContainersReadyCondition(pod),
    initialized: generatePodInitializedCondition(pod),
    gates: podReadinessGates(pod),
    changed,
  };
  if (!changed) return base;
  const entry: Record<string, unknown> = { type: "Ready", status: generated.status };
  if (generated.reason !== undefined) entry.reason = generated.reason;
  else if (old?.reason !== undefined) entry.reason = null;
  if (generated.message !== undefined) entry.message = generated.message;
  else if (old?.message !== undefined) entry.message = null;
  if (lastTransitionTime !== undefined && lastTransitionTime !== old?.lastTransitionTime) entry.lastTransitionTime = lastTransitionTime;
  return { ...base, patch: { patchType: "strategic", subresource: "status", data: { status: { conditions: [entry] } } } };
}
