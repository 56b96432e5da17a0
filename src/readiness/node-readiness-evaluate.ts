/**
 * Evaluating `NodeReadinessRule`s against a node, as kubernetes-sigs/node-readiness-controller
 * does: the verdict per rule (the per-node evaluation record) and one merge patch that sets the
 * node's taints and the bootstrap-completion annotations.
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { asRecord, conditionsOf, field, findCondition, labelsOf } from "./fields.js";
import { matchesLabelSelector } from "./label-selector.js";
import type { ConditionRequirement, ConditionStatus, EnforcementMode, NodeReadinessRule } from "./node-readiness-rule.js";
import { type Taint, taintsOf } from "./taints.js";
import { formatTime, type TimeInput } from "./time.js";

/**
 * Annotation recording that a `bootstrap-only` rule has been satisfied on a node: the prefix,
 * then the rule name (value `"true"`).
 *
 * @example
 * ```ts
 * node.metadata.annotations?.[BOOTSTRAP_ANNOTATION_PREFIX + "cni"]; // "true" once rule cni held
 * ```
 * @category Readiness
 */
export const BOOTSTRAP_ANNOTATION_PREFIX = "readiness.k8s.io/bootstrap-completed-";

/**
 * Options of {@link evaluateNodeReadinessRules}.
 *
 * @category Readiness
 */
export interface NodeReadinessRuleOptions {
  /** The evaluation time, recorded as `lastEvaluationTime` (and `timeAdded` of `NoExecute` taints). */
  readonly now: TimeInput;
  /** Put the node's `metadata.resourceVersion` into the patch (optimistic concurrency). Default `true`. */
  readonly precondition?: boolean;
}

/**
 * One condition of a rule, checked on a node.
 *
 * @category Readiness
 */
export interface ConditionResult {
  /** The condition type. */
  readonly type: string;
  /** `allOf` for `conditions`/`allOf`, `anyOf` for `anyOf`. */
  readonly group: "allOf" | "anyOf";
  /** The node's status, or the default status when the condition is missing. */
  readonly currentStatus: string;
  /** The required status. */
  readonly requiredStatus: ConditionStatus;
  /** Whether the node has no such condition. */
  readonly missing: boolean;
  /** Whether `currentStatus` is the required one. */
  readonly satisfied: boolean;
}

/**
 * What the controller does with a rule's taint on a node.
 *
 * @example
 * ```ts
 * const a: TaintAction = "RemoveTaint";
 * ```
 * @category Readiness
 */
export type TaintAction = "AddTaint" | "RemoveTaint" | "None";

/**
 * The per-node evaluation record of one rule.
 *
 * @category Readiness
 */
export interface NodeRuleEvaluation {
  /** The rule name. */
  readonly rule: string;
  /** The node name. */
  readonly nodeName: string;
  /** Whether the rule's `nodeSelector` selects the node (nothing is done otherwise). */
  readonly applies: boolean;
  /** The rule's enforcement mode. */
  readonly enforcementMode: EnforcementMode;
  /** Whether the rule is a dry run (the action is reported, not patched). */
  readonly dryRun: boolean;
  /** Every condition, `conditions` and `allOf` first, then `anyOf`. */
  readonly conditionResults: readonly ConditionResult[];
  /** Whether every `allOf` condition and (if any) one `anyOf` condition hold. */
  readonly satisfied: boolean;
  /** Whether the node already carries the bootstrap-completion annotation of the rule. */
  readonly bootstrapCompleted: boolean;
  /** Whether the rule's taint (same key and effect) was on the node. */
  readonly taintPresent: boolean;
  /** What the rule does with the taint. */
  readonly action: TaintAction;
  /** Whether the rule records its bootstrap completion now. */
  readonly markBootstrapCompleted: boolean;
  /** The taint after the action (`Present`/`Absent`); for a dry run, as it is. */
  readonly taintStatus: "Present" | "Absent";
  /** Why, in words. */
  readonly message: string;
  /** `now`, as RFC 3339. */
  readonly lastEvaluationTime: string;
}

/**
 * A merge patch of a node's main resource.
 *
 * @category Readiness
 */
export interface NodePatch {
  /** Always `merge`: `spec.taints` is replaced as a whole (taints have no merge key). */
  readonly patchType: "merge";
  /** `{ metadata: { resourceVersion?, annotations? }, spec?: { taints } }`; `taints: null` removes the last one. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * What {@link evaluateNodeReadinessRules} returns.
 *
 * @category Readiness
 */
export interface NodeReadinessRulesVerdict {
  /** One record per rule, in the order given. */
  readonly evaluations: readonly NodeRuleEvaluation[];
  /** The taints the node should have. */
  readonly taints: readonly Taint[];
  /** Whether no rule's taint remains on the node (dry runs excluded). */
  readonly ready: boolean;
  /** The patch, undefined when nothing changes. */
  readonly patch?: NodePatch;
}

function checkConditions(node: KubeObject, list: readonly ConditionRequirement[], group: "allOf" | "anyOf"): ConditionResult[] {
  const conditions = conditionsOf(node);
  return list.map((req) => {
    const found = findCondition(conditions, req.type);
    const currentStatus = found?.status ?? req.defaultStatus ?? "Unknown";
    return { type: req.type, group, currentStatus, requiredStatus: req.requiredStatus, missing: found === undefined, satisfied: currentStatus === req.requiredStatus };
  });
}

function sameTaint(a: Taint, key: string, effect: string): boolean {
  return a.key === key && a.effect === effect;
}

function explain(results: readonly ConditionResult[]): string {
  const failing = results.filter((r) => !r.satisfied);
  return failing.map((r) => `condition ${JSON.stringify(r.type)} is ${r.currentStatus}${r.missing ? " (missing)" : ""}, ${r.group === "anyOf" ? "anyOf wants" : "required"} ${r.requiredStatus}`).join(", ");
}

function evaluateOne(rule: NodeReadinessRule, node: KubeObject, taints: readonly Taint[], time: string): NodeRuleEvaluation {
  const spec = rule.spec;
  const annotations = asRecord(field(node, "metadata", "annotations")) ?? {};
  const bootstrapCompleted = annotations[BOOTSTRAP_ANNOTATION_PREFIX + rule.metadata.name] !== undefined;
  const taintPresent = taints.some((t) => sameTaint(t, spec.taint.key, spec.taint.effect));
  const allOf = checkConditions(node, [...spec.conditions, ...(spec.allOf ?? [])], "allOf");
  const anyOf = checkConditions(node, spec.anyOf ?? [], "anyOf");
  const satisfied = allOf.every((r) => r.satisfied) && (anyOf.length === 0 || anyOf.some((r) => r.satisfied));
  const applies = matchesLabelSelector(spec.nodeSelector, labelsOf(node));
  const base = {
    rule: rule.metadata.name,
    nodeName: node.metadata.name ?? "",
    applies,
    enforcementMode: spec.enforcementMode,
    dryRun: spec.dryRun === true,
    conditionResults: [...allOf, ...anyOf],
    satisfied,
    bootstrapCompleted,
    taintPresent,
    lastEvaluationTime: time,
  };
  const status = (present: boolean) => (present ? "Present" : "Absent") as "Present" | "Absent";
  const result = (action: TaintAction, mark: boolean, message: string): NodeRuleEvaluation => {
    const after = base.dryRun || action === "None" ? taintPresent : action === "AddTaint";
    return { ...base, action, markBootstrapCompleted: mark, taintStatus: status(after), message };
  };
  if (!applies) return result("None", false, "the rule's nodeSelector does not select the node");
  if (spec.enforcementMode === "bootstrap-only" && bootstrapCompleted) return result("None", false, "bootstrap completed: the taint is never added again");
  if (satisfied) {
    const mark = spec.enforcementMode === "bootstrap-only";
    return result(taintPresent ? "RemoveTaint" : "None", mark, mark ? "conditions hold: bootstrap completed" : "conditions hold");
  }
  return result(taintPresent ? "None" : "AddTaint", false, explain([...allOf, ...anyOf]));
}

/**
 * Evaluates node readiness rules against a node. Per rule: a condition missing from the node
 * has the rule's `defaultStatus` (default `Unknown`); the rule holds when every `conditions` and
 * `allOf` entry has its `requiredStatus` and, when `anyOf` is given, at least one of those does.
 * A rule whose `nodeSelector` does not select the node does nothing. While the rule does not
 * hold its taint is added; once it holds the taint is removed, and a `bootstrap-only` rule
 * records `readiness.k8s.io/bootstrap-completed-<rule>: "true"` on the node, after which it
 * never taints that node again. A `dryRun` rule reports its action but contributes nothing to
 * the patch. The patch is a merge patch replacing `spec.taints` as a whole, other taints kept in
 * order, with the node's `resourceVersion` as a precondition.
 *
 * @param rules - the rules (see {@link parseNodeReadinessRule}; not modified)
 * @param node - the node (not modified)
 * @param options - `now`, `precondition`
 * @returns the evaluation records, the resulting taints and the patch
 * @example
 * ```ts
 * const { evaluations, patch } = evaluateNodeReadinessRules([rule], node, { now: clock.now() });
 * if (patch) await store.patch({ apiVersion: "v1", kind: "Node", name: node.metadata.name! }, patch);
 * ```
 * @category Readiness
 */
export function evaluateNodeReadinessRules(rules: readonly NodeReadinessRule[], node: KubeObject, options: NodeReadinessRuleOptions): NodeReadinessRulesVerdict {
  const time = formatTime(options.now);
  const original = taintsOf(node);
  let taints: readonly Taint[] = original;
  const annotations: Record<string, string> = {};
  const evaluations: NodeRuleEvaluation[] = [];
  for (const rule of rules) {
    const evaluation = evaluateOne(rule, node, taints, time);
    evaluations.push(evaluation);
    if (evaluation.dryRun) continue;
    const { key, value, effect } = rule.spec.taint;
    if (evaluation.action === "AddTaint") taints = [...taints, { key, ...(value === undefined || value === "" ? {} : { value }), effect, ...(effect === "NoExecute" ? { timeAdded: time } : {}) }];
    if (evaluation.action === "RemoveTaint") taints = taints.filter((t) => !sameTaint(t, key, effect));
    if (evaluation.markBootstrapCompleted) annotations[BOOTSTRAP_ANNOTATION_PREFIX + rule.metadata.name] = "true";
  }
  const ready = !rules.some((r) => r.spec.dryRun !== true && taints.some((t) => sameTaint(t, r.spec.taint.key, r.spec.taint.effect)));
  const taintsChanged = JSON.stringify(taints) !== JSON.stringify(original);
  if (!taintsChanged && Object.keys(annotations).length === 0) return { evaluations, taints, ready };
  const rv = node.metadata.resourceVersion;
  const metadata = {
    ...(options.precondition !== false && rv !== undefined ? { resourceVersion: rv } : {}),
    ...(Object.keys(annotations).length === 0 ? {} : { annotations }),
  };
  const data = {
    ...(Object.keys(metadata).length === 0 ? {} : { metadata }),
    ...(taintsChanged ? { spec: { taints: taints.length === 0 ? null : taints } } : {}),
  };
  return { evaluations, taints, ready, patch: { patchType: "merge", data } };
}
