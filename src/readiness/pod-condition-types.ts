/**
 * The kubelet's pod condition reasons and the shape of a generated condition.
 *
 * @module
 */

/**
 * The kubelet's condition reasons (`pkg/kubelet/status/generate.go`).
 *
 * @example
 * ```ts
 * generatePodReadyCondition(pod).reason === PodConditionReason.ReadinessGatesNotReady;
 * ```
 * @category Readiness
 */
export const PodConditionReason = {
  /** No container status is known yet. */
  UnknownContainerStatuses: "UnknownContainerStatuses",
  /** The pod succeeded: every container completed. */
  PodCompleted: "PodCompleted",
  /** The pod failed. */
  PodFailed: "PodFailed",
  /** A container (or sidecar init container) is not ready or has no status. */
  ContainersNotReady: "ContainersNotReady",
  /** An init container has not succeeded (used by the `Initialized` condition). */
  ContainersNotInitialized: "ContainersNotInitialized",
  /** A readiness gate's condition is missing or not `True`. */
  ReadinessGatesNotReady: "ReadinessGatesNotReady",
} as const;

/**
 * One of the values of {@link PodConditionReason}.
 *
 * @example
 * ```ts
 * const r: PodConditionReason = "ContainersNotReady";
 * ```
 * @category Readiness
 */
export type PodConditionReason = (typeof PodConditionReason)[keyof typeof PodConditionReason];

/**
 * A condition the kubelet generates, before its `lastTransitionTime` is set.
 *
 * @category Readiness
 */
export interface GeneratedCondition {
  /** `ContainersReady` or `Ready`. */
  readonly type: string;
  /** `True` or `False` (the kubelet never generates `Unknown` here). */
  readonly status: string;
  /** The reason, absent when `True`. */
  readonly reason?: string;
  /** The message, absent when there is none. */
  readonly message?: string;
}
