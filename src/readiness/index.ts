/**
 * Readiness and schedulability as pure functions: KEP-580 pod readiness gates (the kubelet's
 * `Ready` condition), node readiness gates, node readiness rules and `isSchedulable`.
 *
 * @module
 */
export { evaluatePodReadiness } from "./pod-readiness.js";
export type { PodReadinessOptions, PodReadinessVerdict, StatusPatch, TimedCondition } from "./pod-readiness.js";
export { generateContainersReadyCondition, generatePodReadyCondition, podReadinessGates } from "./pod-ready-condition.js";
export type { PodGateResult } from "./pod-ready-condition.js";
export { PodConditionReason } from "./pod-condition-types.js";
export type { GeneratedCondition } from "./pod-condition-types.js";
export { generatePodInitializedCondition } from "./pod-initialized-condition.js";
export type { TimeInput } from "./time.js";
export { evaluateNodeReadinessGates } from "./node-gates.js";
export type { NodeGateResult, NodeReadinessGatesVerdict } from "./node-gates.js";
export { matchesLabelSelector } from "./label-selector.js";
export type { LabelSelector, LabelSelectorRequirement } from "./label-selector.js";
export { NODE_READINESS_API_VERSION, READINESS_TAINT_PREFIX } from "./node-readiness-rule.js";
export { parseNodeReadinessRule, parseNodeReadinessRuleOrThrow } from "./parse-node-readiness-rule.js";
export type { ParseNodeReadinessRuleResult } from "./parse-node-readiness-rule.js";
export type {
  ConditionRequirement,
  ConditionStatus,
  EnforcementMode,
  NodeReadinessRule,
  NodeReadinessRuleMeta,
  NodeReadinessRuleSpec,
  ReadinessTaint,
  TaintEffect,
} from "./node-readiness-rule.js";
export { BOOTSTRAP_ANNOTATION_PREFIX, evaluateNodeReadinessRules } from "./node-readiness-evaluate.js";
export type { ConditionResult, NodePatch, NodeReadinessRuleOptions, NodeReadinessRulesVerdict, NodeRuleEvaluation, TaintAction } from "./node-readiness-evaluate.js";
export { nodeReadinessRuleStatus } from "./node-readiness-status.js";
export type { ConditionEvaluationResult, DryRunResults, NodeEvaluationStatus, NodeReadinessRuleStatus } from "./node-readiness-status.js";
export { findUntoleratedTaint, toleratesTaint } from "./taints.js";
export type { Taint, Toleration } from "./taints.js";
export { matchesNodeAffinity, nodeSelectorTermMatches } from "./node-affinity.js";
export { podRequests } from "./resources.js";
export type { ResourceAmounts } from "./resources.js";
export { isSchedulable, SchedulingReasonCode } from "./schedulable.js";
export type { SchedulableOptions, SchedulableVerdict, SchedulingReason } from "./schedulable.js";
