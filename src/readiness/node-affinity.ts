/**
 * `spec.nodeSelector` and required node affinity, as the scheduler's NodeAffinity filter
 * matches them (k8s.io/component-helpers `nodeaffinity`).
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { asArray, asRecord, asString, field, labelsOf } from "./fields.js";

/** A signed 64-bit decimal integer as `strconv.ParseInt(s, 10, 64)` accepts it. */
function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
}

function stringList(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === "string");
}

/** One `matchExpressions` requirement against labels; undefined when the requirement is invalid. */
function matchExpression(req: unknown, labels: Readonly<Record<string, string>>): boolean | undefined {
  const rec = asRecord(req);
  const key = asString(rec?.key) ?? "";
  const values = stringList(rec?.values);
  const has = Object.hasOwn(labels, key);
  const value = labels[key] ?? "";
  switch (rec?.operator) {
    case "In":
      return values.length === 0 ? undefined : has && values.includes(value);
    case "NotIn":
      return values.length === 0 ? undefined : !has || !values.includes(value);
    case "Exists":
      return values.length > 0 ? undefined : has;
    case "DoesNotExist":
      return values.length > 0 ? undefined : !has;
    case "Gt":
    case "Lt": {
      const bound = values.length === 1 ? parseInt64(values[0] ?? "") : undefined;
      if (bound === undefined) return undefined;
      const actual = has ? parseInt64(value) : undefined;
      if (actual === undefined) return false;
      return rec.operator === "Gt" ? actual > bound : actual < bound;
    }
    default:
      return undefined;
  }
}

/** One `matchFields` requirement (only `metadata.name`, `In`/`NotIn` with one value). */
function matchField(req: unknown, nodeName: string): boolean | undefined {
  const rec = asRecord(req);
  const values = stringList(rec?.values);
  if (rec?.key !== "metadata.name" || values.length !== 1) return undefined;
  if (rec.operator === "In") return nodeName === values[0];
  if (rec.operator === "NotIn") return nodeName !== values[0];
  return undefined;
}

/**
 * Whether a node selector term matches a node: every `matchExpressions` (over labels) and
 * `matchFields` (over `metadata.name`) requirement holds. An empty term, or one with an invalid
 * requirement (e.g. `Gt` with a non-integer), matches nothing.
 *
 * @param term - a `nodeSelectorTerms[]` entry
 * @param node - the node (not modified)
 * @returns whether it matches
 * @example
 * ```ts
 * nodeSelectorTermMatches({ matchExpressions: [{ key: "cores", operator: "Gt", values: ["4"] }] }, node);
 * ```
 * @category Readiness
 */
export function nodeSelectorTermMatches(term: unknown, node: KubeObject): boolean {
  const expressions = asArray(asRecord(term)?.matchExpressions);
  const fields = asArray(asRecord(term)?.matchFields);
  if (expressions.length === 0 && fields.length === 0) return false;
  const labels = labelsOf(node);
  const name = node.metadata.name ?? "";
  return expressions.every((e) => matchExpression(e, labels) === true) && fields.every((f) => matchField(f, name) === true);
}

/**
 * Whether a pod's `spec.nodeSelector` and required node affinity
 * (`spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`) admit a node:
 * every nodeSelector label equal, and one of the `nodeSelectorTerms` (ORed) matching.
 *
 * @param pod - the pod (not modified)
 * @param node - the node (not modified)
 * @returns whether the node matches
 * @example
 * ```ts
 * matchesNodeAffinity(pod, node); // false: node(s) didn't match Pod's node affinity/selector
 * ```
 * @category Readiness
 */
export function matchesNodeAffinity(pod: KubeObject, node: KubeObject): boolean {
  const labels = labelsOf(node);
  const selector = asRecord(field(pod, "spec", "nodeSelector")) ?? {};
  for (const [key, value] of Object.entries(selector)) if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  const required = asRecord(field(pod, "spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"));
  if (required === undefined) return true;
  return asArray(required.nodeSelectorTerms).some((term) => nodeSelectorTermMatches(term, node));
}
