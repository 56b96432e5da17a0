/**
 * Pod resource requests as the scheduler computes them (`resourcehelper.PodRequests`) and the
 * NodeResourcesFit check against a node's allocatable.
 *
 * @module
 */
import { parseQuantity } from "../expression/cel/quantity.js";
import type { KubeObject } from "../store/types.js";
import { asArray, asRecord, field } from "./fields.js";

/**
 * Resource amounts in nano-units (a quantity × 10⁹), by resource name.
 *
 * @example
 * ```ts
 * const r: ResourceAmounts = { cpu: 500_000_000n }; // 500m
 * ```
 * @category Readiness
 */
export type ResourceAmounts = Readonly<Record<string, bigint>>;

/**
 * Requests of frozen pods (the objects a store returns are deeply frozen and never change), so a
 * scheduler pass does not re-parse the quantities of every pod on a node for every candidate.
 */
const CACHE = new WeakMap<KubeObject, ResourceAmounts>();
/** Allocatable of frozen nodes, keyed by the `status.allocatable` object. */
const ALLOCATABLE = new WeakMap<object, ResourceAmounts>();

function amounts(list: unknown): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const [name, value] of Object.entries(asRecord(list) ?? {})) {
    if (typeof value === "string") out[name] = parseQuantity(value).nanos;
    else if (typeof value === "number") out[name] = parseQuantity(String(value)).nanos;
  }
  return out;
}

/** A container's requests, with the API server's defaulting: a limit without a request is the request. */
function containerRequests(container: unknown): Record<string, bigint> {
  const resources = asRecord(asRecord(container)?.resources);
  return { ...amounts(resources?.limits), ...amounts(resources?.requests) };
}

function add(into: Record<string, bigint>, more: ResourceAmounts): void {
  for (const [name, value] of Object.entries(more)) into[name] = (into[name] ?? 0n) + value;
}

function max(into: Record<string, bigint>, other: ResourceAmounts): void {
  for (const [name, value] of Object.entries(other)) if (value > (into[name] ?? 0n)) into[name] = value;
}

/**
 * What a pod requests, as the scheduler computes it: the sum of its containers' requests; sidecar
 * init containers (`restartPolicy: Always`) are added to that sum; the result is at least each
 * other init container's request plus the sidecars started before it; then `spec.overhead` is
 * added. A limit without a request counts as the request (the API server's defaulting).
 * Pod-level `spec.resources` and in-place resize are not modelled.
 *
 * @param pod - the pod (not modified)
 * @returns the requests in nano-units
 * @throws StagecraftError `E_INVALID_VALUE` for a malformed quantity
 * @example
 * ```ts
 * podRequests(pod).cpu; // 250000000n for 250m
 * ```
 * @category Readiness
 */
export function podRequests(pod: KubeObject): ResourceAmounts {
  const cacheable = Object.isFrozen(pod) && Object.isFrozen(pod.spec);
  const cached = cacheable ? CACHE.get(pod) : undefined;
  if (cached !== undefined) return cached;
  const reqs: Record<string, bigint> = {};
  for (const c of asArray(field(pod, "spec", "containers"))) add(reqs, containerRequests(c));
  const sidecars: Record<string, bigint> = {};
  const init: Record<string, bigint> = {};
  for (const c of asArray(field(pod, "spec", "initContainers"))) {
    const own = containerRequests(c);
    if (asRecord(c)?.restartPolicy === "Always") {
      add(reqs, own);
      add(sidecars, own);
      max(init, sidecars);
    } else {
      const tmp = { ...own };
      add(tmp, sidecars);
      max(init, tmp);
    }
  }
  max(reqs, init);
  add(reqs, amounts(field(pod, "spec", "overhead")));
  const result = Object.freeze(reqs);
  if (cacheable) CACHE.set(pod, result);
  return result;
}

/**
 * A node's `status.allocatable`, or undefined when the node reports none.
 *
 * @param node - the node
 * @returns the allocatable amounts
 */
export function allocatableOf(node: KubeObject): ResourceAmounts | undefined {
  const list = field(node, "status", "allocatable");
  if (asRecord(list) === undefined) return undefined;
  const cacheable = Object.isFrozen(list);
  const cached = cacheable ? ALLOCATABLE.get(list as object) : undefined;
  if (cached !== undefined) return cached;
  const result = Object.freeze(amounts(list));
  if (cacheable) ALLOCATABLE.set(list as object, result);
  return result;
}

/**
 * Resources a pod needs that the node does not have left, as the NodeResourcesFit filter finds
 * them: for each resource the pod requests (a non-zero amount), allocatable minus what the
 * node's pods request must cover it.
 *
 * @param request - the pod's requests
 * @param allocatable - the node's allocatable
 * @param used - the summed requests of the pods on the node
 * @returns the names of the insufficient resources, in the pod's order
 */
export function insufficientResources(request: ResourceAmounts, allocatable: ResourceAmounts, used: ResourceAmounts): string[] {
  const out: string[] = [];
  for (const [name, amount] of Object.entries(request)) {
    if (name === "pods" || amount === 0n) continue;
    if ((allocatable[name] ?? 0n) < amount + (used[name] ?? 0n)) out.push(name);
  }
  return out;
}

/**
 * The sum of several pods' requests.
 *
 * @param pods - the pods
 * @returns the total
 */
export function sumRequests(pods: readonly KubeObject[]): ResourceAmounts {
  const total: Record<string, bigint> = {};
  for (const pod of pods) add(total, podRequests(pod));
  return total;
}
