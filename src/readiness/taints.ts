/**
 * Taints and tolerations as the scheduler matches them (`v1.Toleration.ToleratesTaint`).
 *
 * @module
 */
import { asArray, asRecord, asString, field } from "./fields.js";

/**
 * A node taint.
 *
 * @category Readiness
 */
export interface Taint {
  /** The key. */
  readonly key: string;
  /** The value (`""` when absent). */
  readonly value?: string;
  /** `NoSchedule`, `PreferNoSchedule` or `NoExecute`. */
  readonly effect: string;
  /** When a `NoExecute` taint was added. */
  readonly timeAdded?: string;
}

/**
 * A pod toleration.
 *
 * @category Readiness
 */
export interface Toleration {
  /** The taint key; empty with `Exists` tolerates every taint. */
  readonly key?: string;
  /** `Equal` (the default) or `Exists`. */
  readonly operator?: string;
  /** The value `Equal` compares. */
  readonly value?: string;
  /** The effect; empty tolerates every effect. */
  readonly effect?: string;
  /** How long a `NoExecute` taint is tolerated (not used for scheduling). */
  readonly tolerationSeconds?: number;
}

/**
 * The taints of a node (`spec.taints`), in order; entries without a string key are skipped.
 *
 * @param node - the node
 * @returns the taints, as they are (not copied)
 */
export function taintsOf(node: unknown): readonly Taint[] {
  return asArray(field(node, "spec", "taints")).filter((t): t is Taint => asString(asRecord(t)?.key) !== undefined);
}

/**
 * The tolerations of a pod (`spec.tolerations`).
 *
 * @param pod - the pod
 * @returns the tolerations
 */
export function tolerationsOf(pod: unknown): readonly Toleration[] {
  return asArray(field(pod, "spec", "tolerations")).filter((t): t is Toleration => asRecord(t) !== undefined);
}

/**
 * Whether a toleration tolerates a taint, exactly as `v1.Toleration.ToleratesTaint`: the effect
 * must match unless empty, the key must match unless empty, then `Exists` matches anything and
 * `Equal` (or no operator) compares the values; any other operator matches nothing.
 *
 * @param toleration - the toleration
 * @param taint - the taint
 * @returns whether it is tolerated
 * @example
 * ```ts
 * toleratesTaint({ operator: "Exists" }, { key: "readiness.k8s.io/cni", effect: "NoSchedule" }); // true
 * ```
 * @category Readiness
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if ((toleration.effect ?? "") !== "" && toleration.effect !== taint.effect) return false;
  if ((toleration.key ?? "") !== "" && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? "") {
    case "":
    case "Equal":
      return (toleration.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

/**
 * The first `NoSchedule` or `NoExecute` taint no toleration tolerates, as the scheduler's
 * TaintToleration filter finds it (`PreferNoSchedule` taints never block).
 *
 * @param taints - the node's taints
 * @param tolerations - the pod's tolerations
 * @returns the taint, or undefined when the pod tolerates them all
 * @example
 * ```ts
 * findUntoleratedTaint([{ key: "a", effect: "NoSchedule" }], []); // { key: "a", effect: "NoSchedule" }
 * ```
 * @category Readiness
 */
export function findUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  return taints.find((t) => (t.effect === "NoSchedule" || t.effect === "NoExecute") && !tolerations.some((tol) => toleratesTaint(tol, t)));
}
