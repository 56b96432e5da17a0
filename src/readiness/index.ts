/**
 * Readiness and schedulability as pure functions: KEP-580 pod readiness gates (the kubelet's
 * `Ready` condition), node readiness gates, node readiness rules and `isSchedulable`.
 *
 * @module
 */
export { evaluatePodReadiness } from "./pod-readiness.js";
export type { PodReadinessOptions, PodReadinessVerdict, StatusPatch, TimedCondition } from "./pod-readiness.js";
export { generateContainersReadyCondition, generatePodReadyCondition, PodConditionReason, podReadinessGates } from "./pod-ready-condition.js";
export type { GeneratedCondition, PodGateResult } from "./pod-ready-condition.js";
export type { TimeInput } from "./time.js";
