/**
 * The kubelet's `ContainersReady` and `Ready` pod conditions, exactly as
 * `pkg/kubelet/status/generate.go` computes them (KEP-580 pod readiness gates included).
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { asArray, asRecord, asString, type ConditionLike, conditionsOf, field, findCondition } from "./fields.js";
import { type GeneratedCondition, PodConditionReason } from "./pod-condition-types.js";
import { generatePodInitializedCondition } from "./pod-initialized-condition.js";

interface StatusEntry {
  readonly name: string;
  readonly ready: boolean;
}

function statusEntries(list: unknown): StatusEntry[] {
  const out: StatusEntry[] = [];
  for (const item of asArray(list)) {
    const rec = asRecord(item);
    const name = asString(rec?.name);
    if (name !== undefined) out.push({ name, ready: rec?.ready === true });
  }
  return out;
}

function containerNames(list: unknown, restartableOnly: boolean): string[] {
  const out: string[] = [];
  for (const item of asArray(list)) {
    const rec = asRecord(item);
    const name = asString(rec?.name);
    if (name === undefined) continue;
    if (restartableOnly && rec?.restartPolicy !== "Always") continue;
    out.push(name);
  }
  return out;
}

/** Go's `fmt.Sprintf("%s", []string{...})`. */
function goList(names: readonly string[]): string {
  return `[${names.join(" ")}]`;
}

/**
 * Whether the kubelet's combined status list (`append(initContainerStatuses,
 * containerStatuses...)`) is nil: init statuses absent and container statuses absent or empty.
 */
function statusesAreNil(pod: KubeObject): boolean {
  const init = field(pod, "status", "initContainerStatuses");
  const main = field(pod, "status", "containerStatuses");
  return (init === undefined || init === null) && asArray(main).length === 0;
}

/**
 * The pod's `ContainersReady` condition as the kubelet generates it
 * (`GenerateContainersReadyCondition`): `False`/`UnknownContainerStatuses` without any container
 * status; `False`/`PodCompleted` for a succeeded pod whose containers all have a status;
 * `False`/`PodFailed` for a failed pod; `False`/`ContainersNotReady` with
 * `containers with unknown status: [a b], containers with unready status: [c d]` (sidecar init
 * containers, those with `restartPolicy: Always`, first, then containers, in spec order); else
 * `True`. Statuses are looked up by name in `status.initContainerStatuses` and
 * `status.containerStatuses`; the phase is `status.phase`.
 *
 * @param pod - the pod (not modified)
 * @returns the condition without `lastTransitionTime`
 * @example
 * ```ts
 * generateContainersReadyCondition(pod);
 * // { type: "ContainersReady", status: "False", reason: "ContainersNotReady", message: "containers with unready status: [web]" }
 * ```
 * @category Readiness
 */
export function generateContainersReadyCondition(pod: KubeObject): GeneratedCondition {
  const type = "ContainersReady";
  if (statusesAreNil(pod)) return { type, status: "False", reason: PodConditionReason.UnknownContainerStatuses };
  const statuses = [...statusEntries(field(pod, "status", "initContainerStatuses")), ...statusEntries(field(pod, "status", "containerStatuses"))];
  const unknown: string[] = [];
  const unready: string[] = [];
  const names = [...containerNames(field(pod, "spec", "initContainers"), true), ...containerNames(field(pod, "spec", "containers"), false)];
  for (const name of names) {
    const status = statuses.find((s) => s.name === name);
    if (status === undefined) unknown.push(name);
    else if (!status.ready) unready.push(name);
  }
  const phase = field(pod, "status", "phase");
  if (phase === "Succeeded" && unknown.length === 0) return { type, status: "False", reason: PodConditionReason.PodCompleted };
  if (phase === "Failed") return { type, status: "False", reason: PodConditionReason.PodFailed };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${goList(unready)}`);
  if (messages.length > 0) return { type, status: "False", reason: PodConditionReason.ContainersNotReady, message: messages.join(", ") };
  return { type, status: "True" };
}

/**
 * One readiness gate of a pod and what the kubelet found for it.
 *
 * @category Readiness
 */
export interface PodGateResult {
  /** `spec.readinessGates[].conditionType`. */
  readonly conditionType: string;
  /** The status of the corresponding condition; absent when the condition does not exist. */
  readonly status?: string;
  /** Whether the gate passes (the condition exists with status `True`). */
  readonly satisfied: boolean;
  /** The kubelet's message for a gate that does not pass. */
  readonly message?: string;
}

/** Conditions the kubelet owns and regenerates (`PodConditionsByKubelet`). */
const KUBELET_OWNED = new Set(["PodScheduled", "Ready", "Initialized", "ContainersReady", "PodResizeInProgress", "PodResizePending"]);

/**
 * The list the kubelet looks readiness gates up in: the pod's conditions it does not own, then
 * the `Initialized` condition it has just generated (`Ready` is generated after it).
 */
function kubeletConditionList(pod: KubeObject): readonly ConditionLike[] {
  const own = conditionsOf(pod).filter((c) => !KUBELET_OWNED.has(c.type));
  return [...own, generatePodInitializedCondition(pod)];
}

/**
 * The pod's readiness gates (`spec.readinessGates`) checked against `status.conditions`, in spec
 * order, with the kubelet's messages. As in the kubelet, conditions it owns (`PodScheduled`,
 * `Ready`, `ContainersReady`, `PodResize*`) do not count as gates, and `Initialized` is the one it
 * generates (see {@link generatePodInitializedCondition}), not the one stored.
 *
 * @param pod - the pod (not modified)
 * @returns one result per gate
 * @example
 * ```ts
 * podReadinessGates(pod)[0]?.message; // 'corresponding condition of pod readiness gate "example.com/lb" does not exist.'
 * ```
 * @category Readiness
 */
export function podReadinessGates(pod: KubeObject): readonly PodGateResult[] {
  const conditions = kubeletConditionList(pod);
  const out: PodGateResult[] = [];
  for (const gate of asArray(field(pod, "spec", "readinessGates"))) {
    const conditionType = asString(asRecord(gate)?.conditionType) ?? "";
    const condition = findCondition(conditions, conditionType);
    if (condition === undefined) {
      out.push({ conditionType, satisfied: false, message: `corresponding condition of pod readiness gate ${JSON.stringify(conditionType)} does not exist.` });
    } else if (condition.status !== "True") {
      const message = `the status of pod readiness gate ${JSON.stringify(conditionType)} is not "True", but ${condition.status}`;
      out.push({ conditionType, status: condition.status, satisfied: false, message });
    } else {
      out.push({ conditionType, status: condition.status, satisfied: true });
    }
  }
  return out;
}

/**
 * The pod's `Ready` condition as the kubelet generates it (`GeneratePodReadyCondition`): when
 * `ContainersReady` is not `True`, its status, reason and message; otherwise `False` with reason
 * `ReadinessGatesNotReady` and the messages of the failing gates joined with `", "`, or `True`.
 *
 * @param pod - the pod (not modified)
 * @returns the condition without `lastTransitionTime`
 * @example
 * ```ts
 * generatePodReadyCondition(pod);
 * // { type: "Ready", status: "False", reason: "ReadinessGatesNotReady",
 * //   message: 'the status of pod readiness gate "example.com/lb" is not "True", but False' }
 * ```
 * @category Readiness
 */
export function generatePodReadyCondition(pod: KubeObject): GeneratedCondition {
  const containers = generateContainersReadyCondition(pod);
  if (containers.status !== "True") {
    return {
      type: "Ready",
      status: containers.status,
      ...(containers.reason === undefined ? {} : { reason: containers.reason }),
      ...(containers.message === undefined ? {} : { message: containers.message }),
    };
  }
  const failing = podReadinessGates(pod).filter((g) => !g.satisfied);
  if (failing.length > 0) {
    return { type: "Ready", status: "False", reason: PodConditionReason.ReadinessGatesNotReady, message: failing.map((g) => g.message ?? "").join(", ") };
  }
  return { type: "Ready", status: "True" };
}
