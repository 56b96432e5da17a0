/**
 * The kubelet's `Initialized` pod condition (`GeneratePodInitializedCondition` in
 * `pkg/kubelet/status/generate.go`).
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { asArray, asRecord, asString, field } from "./fields.js";
import { type GeneratedCondition, PodConditionReason } from "./pod-condition-types.js";

interface InitStatus {
  readonly started: boolean;
  readonly running: boolean;
  readonly terminated: boolean;
  readonly exitCode: unknown;
}

function statusMap(pod: KubeObject): Map<string, InitStatus> {
  const out = new Map<string, InitStatus>();
  const lists = [field(pod, "status", "initContainerStatuses"), field(pod, "status", "containerStatuses")];
  for (const item of lists.flatMap((l) => [...asArray(l)])) {
    const rec = asRecord(item);
    const name = asString(rec?.name);
    if (rec === undefined || name === undefined || out.has(name)) continue;
    const state = asRecord(rec.state);
    const terminated = asRecord(state?.terminated);
    out.set(name, { started: rec.started === true, running: asRecord(state?.running) !== undefined, terminated: terminated !== undefined, exitCode: terminated?.exitCode });
  }
  return out;
}

function goList(names: readonly string[]): string {
  return `[${names.join(" ")}]`;
}

/**
 * The pod's `Initialized` condition as the kubelet generates it: `False`/`UnknownContainerStatuses`
 * when the pod has init containers and no container status at all; `True`/`PodCompleted` for a
 * succeeded pod whose init containers all have a status; `True` once any regular container has
 * run (`state.running` or `state.terminated`); otherwise `False`/`ContainersNotInitialized` with
 * `containers with unknown status: [a], containers with incomplete status: [b]` — a plain init
 * container is incomplete until it terminated with exit code 0, a sidecar (`restartPolicy:
 * Always`) until `started` is true; else `True`.
 *
 * @param pod - the pod (not modified)
 * @returns the condition without `lastTransitionTime`
 * @example
 * ```ts
 * generatePodInitializedCondition(pod);
 * // { type: "Initialized", status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [migrate]" }
 * ```
 * @category Readiness
 */
export function generatePodInitializedCondition(pod: KubeObject): GeneratedCondition {
  const type = "Initialized";
  const init = asArray(field(pod, "spec", "initContainers")).map((c) => asRecord(c) ?? {});
  const initStatuses = field(pod, "status", "initContainerStatuses");
  const nil = (initStatuses === undefined || initStatuses === null) && asArray(field(pod, "status", "containerStatuses")).length === 0;
  if (nil && init.length > 0) return { type, status: "False", reason: PodConditionReason.UnknownContainerStatuses };
  const statuses = statusMap(pod);
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of init) {
    const name = asString(c.name) ?? "";
    const status = statuses.get(name);
    if (status === undefined) unknown.push(name);
    else if (c.restartPolicy === "Always" ? !status.started : !status.terminated || status.exitCode !== 0) incomplete.push(name);
  }
  if (field(pod, "status", "phase") === "Succeeded" && unknown.length === 0) return { type, status: "True", reason: PodConditionReason.PodCompleted };
  const regular = new Set(asArray(field(pod, "spec", "containers")).map((c) => asString(asRecord(c)?.name)));
  if ([...statuses].some(([name, s]) => regular.has(name) && (s.running || s.terminated))) return { type, status: "True" };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (messages.length > 0) return { type, status: "False", reason: PodConditionReason.ContainersNotInitialized, message: messages.join(", ") };
  return { type, status: "True" };
}
