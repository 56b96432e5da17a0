import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types.js";
import { matchesNodeAffinity, nodeSelectorTermMatches } from "./node-affinity.js";

const NODE: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "n1", labels: { zone: "a", cores: "8", role: "" } } };

function podWith(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec };
}

function affinity(...terms: unknown[]): KubeObject {
  return podWith({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
}

describe("nodeSelectorTermMatches", () => {
  const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });
  const cases: [string, unknown, boolean][] = [
    ["In", expr("zone", "In", ["a", "b"]), true],
    ["In without the label", expr("x", "In", ["a"]), false],
    ["NotIn", expr("zone", "NotIn", ["a"]), false],
    ["NotIn without the label", expr("x", "NotIn", ["a"]), true],
    ["Exists on an empty value", expr("role", "Exists"), true],
    ["DoesNotExist", expr("role", "DoesNotExist"), false],
    ["Gt", expr("cores", "Gt", ["4"]), true],
    ["Gt equal", expr("cores", "Gt", ["8"]), false],
    ["Lt", expr("cores", "Lt", ["16"]), true],
    ["Gt on a non-integer label", expr("zone", "Gt", ["1"]), false],
    ["Gt without the label", expr("x", "Gt", ["1"]), false],
    ["Gt with two values is invalid", expr("cores", "Gt", ["1", "2"]), false],
    ["Gt with a non-integer value is invalid", expr("cores", "Gt", ["1.5"]), false],
    ["In without values is invalid", expr("zone", "In"), false],
    ["unknown operator", expr("zone", "Like", ["a"]), false],
    ["expressions are ANDed", { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }, { key: "cores", operator: "Lt", values: ["4"] }] }, false],
    ["matchFields In", { matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }] }, true],
    ["matchFields NotIn", { matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["n1"] }] }, false],
    ["matchFields on another field", { matchFields: [{ key: "spec.podCIDR", operator: "In", values: ["n1"] }] }, false],
    ["matchFields with two values", { matchFields: [{ key: "metadata.name", operator: "In", values: ["n1", "n2"] }] }, false],
    ["fields and expressions are ANDed", { matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }], matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] }, false],
    ["an empty term matches nothing", {}, false],
  ];
  it.each(cases)("%s", (_name, term, want) => {
    expect(nodeSelectorTermMatches(term, NODE)).toBe(want);
  });
});

describe("matchesNodeAffinity", () => {
  const cases: [string, KubeObject, boolean][] = [
    ["no constraints", podWith({}), true],
    ["nodeSelector matches", podWith({ nodeSelector: { zone: "a" } }), true],
    ["nodeSelector mismatch", podWith({ nodeSelector: { zone: "b" } }), false],
    ["nodeSelector on a missing label", podWith({ nodeSelector: { gpu: "" } }), false],
    ["terms are ORed", affinity({ matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] }, { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }), true],
    ["no terms match nothing", affinity(), false],
    ["nodeSelector and affinity must both hold", { ...affinity({ matchExpressions: [{ key: "zone", operator: "Exists" }] }), spec: { nodeSelector: { zone: "b" }, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "Exists" }] }] } } } } }, false],
    ["preferred affinity is ignored", podWith({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] } }] } } }), true],
  ];
  it.each(cases)("%s", (_name, pod, want) => {
    expect(matchesNodeAffinity(pod, NODE)).toBe(want);
  });
});
