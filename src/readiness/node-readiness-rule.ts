/**
 * `NodeReadinessRule` (`readiness.node.x-k8s.io/v1alpha1`) of kubernetes-sigs/node-readiness-controller:
 * the types (the parser is in `parse-node-readiness-rule.ts`).
 *
 * @module
 */
import type { LabelSelector } from "./label-selector.js";

/**
 * The API version of {@link NodeReadinessRule}.
 *
 * @example
 * ```ts
 * rule.apiVersion === NODE_READINESS_API_VERSION; // "readiness.node.x-k8s.io/v1alpha1"
 * ```
 * @category Readiness
 */
export const NODE_READINESS_API_VERSION = "readiness.node.x-k8s.io/v1alpha1";
/**
 * Every rule's taint key starts with this.
 *
 * @example
 * ```ts
 * `${READINESS_TAINT_PREFIX}network-ready`; // "readiness.k8s.io/network-ready"
 * ```
 * @category Readiness
 */
export const READINESS_TAINT_PREFIX = "readiness.k8s.io/";

/**
 * A condition status.
 *
 * @example
 * ```ts
 * const s: ConditionStatus = "True";
 * ```
 * @category Readiness
 */
export type ConditionStatus = "True" | "False" | "Unknown";

/**
 * A taint effect.
 *
 * @example
 * ```ts
 * const e: TaintEffect = "NoSchedule";
 * ```
 * @category Readiness
 */
export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";

/**
 * `bootstrap-only`: the taint goes once the conditions first hold and never comes back (the
 * completion is recorded as an annotation on the node); `continuous`: the taint follows the
 * conditions.
 *
 * @example
 * ```ts
 * const m: EnforcementMode = "bootstrap-only";
 * ```
 * @category Readiness
 */
export type EnforcementMode = "bootstrap-only" | "continuous";

/**
 * One required node condition.
 *
 * @category Readiness
 */
export interface ConditionRequirement {
  /** The node condition type, e.g. `example.com/CNIReady`. */
  readonly type: string;
  /** The status the condition must have. */
  readonly requiredStatus: ConditionStatus;
  /** The status assumed when the node has no such condition. Default `Unknown`. */
  readonly defaultStatus?: ConditionStatus;
}

/**
 * The taint a rule manages.
 *
 * @category Readiness
 */
export interface ReadinessTaint {
  /** The key; must start with `readiness.k8s.io/`. */
  readonly key: string;
  /** The value. Default `""`. */
  readonly value?: string;
  /** The effect. */
  readonly effect: TaintEffect;
}

/**
 * The spec of a {@link NodeReadinessRule}.
 *
 * @category Readiness
 */
export interface NodeReadinessRuleSpec {
  /** Conditions that must all hold (upstream's field). */
  readonly conditions: readonly ConditionRequirement[];
  /** More conditions that must all hold (same as `conditions`). */
  readonly allOf?: readonly ConditionRequirement[];
  /** Conditions of which at least one must hold (when present and non-empty). */
  readonly anyOf?: readonly ConditionRequirement[];
  /** How the taint is enforced. */
  readonly enforcementMode: EnforcementMode;
  /** The taint the rule adds while the conditions do not hold. */
  readonly taint: ReadinessTaint;
  /** Which nodes the rule applies to. Default: every node. */
  readonly nodeSelector?: LabelSelector;
  /** Evaluate and report, but change nothing. */
  readonly dryRun?: boolean;
}

/**
 * The metadata of a {@link NodeReadinessRule}.
 *
 * @category Readiness
 */
export interface NodeReadinessRuleMeta {
  /** The rule name. */
  readonly name: string;
}

/**
 * A node readiness rule.
 *
 * @category Readiness
 */
export interface NodeReadinessRule {
  /** `readiness.node.x-k8s.io/v1alpha1`. */
  readonly apiVersion: typeof NODE_READINESS_API_VERSION;
  /** `NodeReadinessRule`. */
  readonly kind: "NodeReadinessRule";
  /** The rule's metadata (cluster-scoped: a name only). */
  readonly metadata: NodeReadinessRuleMeta;
  /** The spec. */
  readonly spec: NodeReadinessRuleSpec;
}
