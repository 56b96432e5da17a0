/**
 * The status a `NodeReadinessRule` carries upstream, built from evaluation records.
 *
 * @module
 */
import type { NodeRuleEvaluation } from "./node-readiness-evaluate.js";

/**
 * One condition in a {@link NodeEvaluationStatus}.
 *
 * @category Readiness
 */
export interface ConditionEvaluationResult {
  /** The condition type. */
  readonly type: string;
  /** The node's status (or the default for a missing condition). */
  readonly currentStatus: string;
  /** The required status. */
  readonly requiredStatus: string;
}

/**
 * `status.nodeEvaluations[]` of a rule, as upstream records it.
 *
 * @category Readiness
 */
export interface NodeEvaluationStatus {
  /** The node. */
  readonly nodeName: string;
  /** Each condition: type, current and required status. */
  readonly conditionResults: readonly ConditionEvaluationResult[];
  /** `Present` or `Absent`. */
  readonly taintStatus: "Present" | "Absent";
  /** RFC 3339. */
  readonly lastEvaluationTime: string;
}

/**
 * `status.dryRunResults` of a dry-run rule.
 *
 * @category Readiness
 */
export interface DryRunResults {
  /** Nodes the rule would change. */
  readonly affectedNodes: number;
  /** Taints it would add. */
  readonly taintsToAdd: number;
  /** Taints it would remove. */
  readonly taintsToRemove: number;
  /** In words. */
  readonly summary: string;
}

/**
 * The status of a `NodeReadinessRule`.
 *
 * @category Readiness
 */
export interface NodeReadinessRuleStatus {
  /** Nodes the rule selects, sorted. */
  readonly appliedNodes: readonly string[];
  /** One record per selected node, sorted by name. */
  readonly nodeEvaluations: readonly NodeEvaluationStatus[];
  /** For a dry-run rule: what it would do. */
  readonly dryRunResults?: DryRunResults;
}

/**
 * Builds a rule's status from its evaluation records on every node (records of other rules and
 * of nodes the rule does not select are left out).
 *
 * @param rule - the rule name
 * @param evaluations - evaluation records, e.g. from {@link evaluateNodeReadinessRules} per node
 * @returns the status
 * @example
 * ```ts
 * const status = nodeReadinessRuleStatus("cni", nodes.flatMap((n) => evaluateNodeReadinessRules([rule], n, { now }).evaluations));
 * ```
 * @category Readiness
 */
export function nodeReadinessRuleStatus(rule: string, evaluations: readonly NodeRuleEvaluation[]): NodeReadinessRuleStatus {
  const mine = evaluations.filter((e) => e.rule === rule && e.applies).sort((a, b) => (a.nodeName < b.nodeName ? -1 : a.nodeName > b.nodeName ? 1 : 0));
  const nodeEvaluations = mine.map((e) => ({
    nodeName: e.nodeName,
    conditionResults: e.conditionResults.map((c) => ({ type: c.type, currentStatus: c.currentStatus, requiredStatus: c.requiredStatus })),
    taintStatus: e.taintStatus,
    lastEvaluationTime: e.lastEvaluationTime,
  }));
  const status = { appliedNodes: mine.map((e) => e.nodeName), nodeEvaluations };
  if (!mine.some((e) => e.dryRun)) return status;
  const add = mine.filter((e) => e.action === "AddTaint").length;
  const remove = mine.filter((e) => e.action === "RemoveTaint").length;
  const affected = add + remove;
  return { ...status, dryRunResults: { affectedNodes: affected, taintsToAdd: add, taintsToRemove: remove, summary: `would add the taint to ${add} node(s) and remove it from ${remove} node(s)` } };
}
