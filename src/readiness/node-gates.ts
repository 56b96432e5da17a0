/**
 * Node readiness gates as proposed for Node objects (`spec.readinessGates[].conditionType`): a
 * node is fully ready when its `Ready` condition is `True` and every gate's condition exists with
 * status `True`.
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { asArray, asRecord, asString, conditionsOf, field, findCondition } from "./fields.js";

/**
 * One node readiness gate and what was found for it.
 *
 * @category Readiness
 */
export interface NodeGateResult {
  /** `spec.readinessGates[].conditionType`. */
  readonly conditionType: string;
  /** The status of the corresponding condition; absent when the condition does not exist. */
  readonly status?: string;
  /** Whether the gate passes. */
  readonly satisfied: boolean;
  /** Why the gate blocks (worded like the kubelet's pod messages); absent when it passes. */
  readonly message?: string;
}

/**
 * What {@link evaluateNodeReadinessGates} found.
 *
 * @category Readiness
 */
export interface NodeReadinessGatesVerdict {
  /** Whether the `Ready` condition is `True`. */
  readonly ready: boolean;
  /** Whether the node is ready and every gate passes. */
  readonly fullyReady: boolean;
  /** The status of the `Ready` condition; absent when there is none. */
  readonly readyStatus?: string;
  /** Every gate, in spec order. */
  readonly gates: readonly NodeGateResult[];
  /** The gates that block, in spec order. */
  readonly blocking: readonly NodeGateResult[];
  /** Why the node is not fully ready (messages joined with `", "`); `""` when it is. */
  readonly message: string;
}

function gateResult(kind: "node condition" | "node readiness gate", type: string, status: string | undefined): NodeGateResult {
  if (status === undefined) {
    const message = kind === "node condition" ? `node condition ${JSON.stringify(type)} does not exist.` : `corresponding condition of node readiness gate ${JSON.stringify(type)} does not exist.`;
    return { conditionType: type, satisfied: false, message };
  }
  if (status !== "True") {
    const what = kind === "node condition" ? `node condition ${JSON.stringify(type)}` : `node readiness gate ${JSON.stringify(type)}`;
    return { conditionType: type, status, satisfied: false, message: `the status of ${what} is not "True", but ${status}` };
  }
  return { conditionType: type, status, satisfied: true };
}

/**
 * Evaluates a node's readiness gates: `fullyReady` when `Ready` is `True` and every
 * `spec.readinessGates[].conditionType` condition exists with status `True` (a missing condition
 * blocks, as for pods). `blocking` lists the gates that do not pass, with why.
 *
 * @param node - the node (not modified)
 * @returns the verdict
 * @example
 * ```ts
 * const v = evaluateNodeReadinessGates(node);
 * if (!v.fullyReady) console.log(v.message);
 * // the status of node readiness gate "example.com/cni" is not "True", but False
 * ```
 * @category Readiness
 */
export function evaluateNodeReadinessGates(node: KubeObject): NodeReadinessGatesVerdict {
  const conditions = conditionsOf(node);
  const readyStatus = findCondition(conditions, "Ready")?.status;
  const ready = gateResult("node condition", "Ready", readyStatus);
  const gates: NodeGateResult[] = [];
  for (const gate of asArray(field(node, "spec", "readinessGates"))) {
    const type = asString(asRecord(gate)?.conditionType) ?? "";
    gates.push(gateResult("node readiness gate", type, findCondition(conditions, type)?.status));
  }
  const blocking = gates.filter((g) => !g.satisfied);
  const messages = [ready, ...blocking].filter((g) => !g.satisfied).map((g) => g.message ?? "");
  return {
    ready: ready.satisfied,
    fullyReady: ready.satisfied && blocking.length === 0,
    ...(readyStatus === undefined ? {} : { readyStatus }),
    gates,
    blocking,
    message: messages.join(", "),
  };
}
