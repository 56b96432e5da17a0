import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../errors.js";
import { formatIssue } from "../issues.js";
import { parseNodeReadinessRule, parseNodeReadinessRuleOrThrow } from "./parse-node-readiness-rule.js";

const VALID = {
  apiVersion: "readiness.node.x-k8s.io/v1alpha1",
  kind: "NodeReadinessRule",
  metadata: { name: "cni" },
  spec: {
    conditions: [{ type: "example.com/CNIReady", requiredStatus: "True" }],
    taint: { key: "readiness.k8s.io/cni", effect: "NoSchedule", value: "pending" },
    enforcementMode: "bootstrap-only",
    nodeSelector: { matchLabels: { role: "worker" }, matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] },
  },
};

function withSpec(spec: Record<string, unknown>): unknown {
  return { ...VALID, spec: { ...VALID.spec, ...spec } };
}

describe("parseNodeReadinessRule", () => {
  it("accepts a valid rule", () => {
    const r = parseNodeReadinessRule(VALID);
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.rule?.spec).toEqual(VALID.spec);
  });

  const cases: [string, unknown, string[]][] = [
    ["not an object", "rule", ["error E_TYPE_MISMATCH: must be an object (expected an object, found \"rule\")"]],
    [
      "wrong apiVersion and kind",
      { ...VALID, apiVersion: "v1", kind: "Rule" },
      ['error E_INVALID_VALUE apiVersion: not a node readiness rule (expected "readiness.node.x-k8s.io/v1alpha1", found "v1")', 'error E_INVALID_VALUE kind: not a node readiness rule (expected "NodeReadinessRule", found "Rule")'],
    ],
    ["no name", { ...VALID, metadata: {} }, ["error E_REQUIRED metadata.name: Required value"]],
    ["no spec", { ...VALID, spec: undefined }, ["error E_REQUIRED spec: Required value"]],
    ["no condition at all", withSpec({ conditions: [] }), ["error E_REQUIRED spec.conditions: Required value: at least one condition"]],
    [
      "bad condition fields",
      withSpec({ conditions: [{ requiredStatus: "Yes", defaultStatus: 1 }] }),
      [
        "error E_REQUIRED spec.conditions[0].type: Required value",
        'error E_INVALID_VALUE spec.conditions[0].requiredStatus: Unsupported value: "Yes" (expected one of "True", "False", "Unknown", found "Yes")',
        "error E_TYPE_MISMATCH spec.conditions[0].defaultStatus: must be a string (expected a string, found number 1)",
      ],
    ],
    ["anyOf must be a list", withSpec({ anyOf: { type: "x" } }), ['error E_TYPE_MISMATCH spec.anyOf: must be a list (expected a list, found an object ({"type":"x"}))']],
    [
      "taint key outside readiness.k8s.io/",
      withSpec({ taint: { key: "example.com/cni", effect: "NoSchedule" } }),
      ['error E_INVALID_VALUE spec.taint.key: taint key must start with "readiness.k8s.io/" (expected a key such as readiness.k8s.io/network-ready, found "example.com/cni")'],
    ],
    [
      "taint effect",
      withSpec({ taint: { key: "readiness.k8s.io/x", effect: "Never" } }),
      ['error E_INVALID_VALUE spec.taint.effect: Unsupported value: "Never" (expected one of "NoSchedule", "PreferNoSchedule", "NoExecute", found "Never")'],
    ],
    ["no taint", withSpec({ taint: undefined }), ["error E_REQUIRED spec.taint: Required value", "error E_REQUIRED spec.taint.key: Required value", "error E_REQUIRED spec.taint.effect: Required value"]],
    [
      "enforcement mode",
      withSpec({ enforcementMode: "once" }),
      ['error E_INVALID_VALUE spec.enforcementMode: Unsupported value: "once" (expected one of "bootstrap-only", "continuous", found "once")'],
    ],
    [
      "selector operators and values",
      withSpec({ nodeSelector: { matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }, { key: "b", operator: "In" }, { key: "c", operator: "Exists", values: ["x"] }] } }),
      [
        'error E_INVALID_OPERATOR spec.nodeSelector.matchExpressions[0].operator: not a valid selector operator (expected one of In, NotIn, Exists, DoesNotExist, found "Gt")',
        "error E_VALUES_REQUIRED spec.nodeSelector.matchExpressions[1].values: must be specified when `operator` is 'In' or 'NotIn'",
        "error E_VALUES_FORBIDDEN spec.nodeSelector.matchExpressions[2].values: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    ],
    ["dryRun type", withSpec({ dryRun: "yes" }), ['error E_TYPE_MISMATCH spec.dryRun: must be a boolean (expected a boolean, found "yes")']],
  ];
  it.each(cases)("%s", (_name, input, want) => {
    const r = parseNodeReadinessRule(input);
    expect(r.ok).toBe(false);
    expect(r.rule).toBeUndefined();
    expect(r.issues.map(formatIssue)).toEqual(want);
  });

  it("warns about unknown spec fields and still accepts", () => {
    const r = parseNodeReadinessRule(withSpec({ taints: [] }));
    expect(r.ok).toBe(true);
    expect(r.issues.map(formatIssue)).toEqual(['warning W_UNKNOWN_FIELD spec.taints: unknown field "taints"']);
  });

  it("accepts allOf/anyOf without conditions", () => {
    const r = parseNodeReadinessRule(withSpec({ conditions: undefined, anyOf: [{ type: "a", requiredStatus: "True" }], dryRun: true }));
    expect(r.rule?.spec).toMatchObject({ conditions: [], anyOf: [{ type: "a", requiredStatus: "True" }], dryRun: true });
  });

  it("throws with the first error's code and path", () => {
    try {
      parseNodeReadinessRuleOrThrow(withSpec({ enforcementMode: "once" }));
      expect.unreachable();
    } catch (e) {
      expect(isStagecraftError(e) && e.code).toBe("E_INVALID_VALUE");
      expect(isStagecraftError(e) && e.path).toEqual(["spec", "enforcementMode"]);
    }
  });

  it("does not mutate the input", () => {
    const input = structuredClone(VALID);
    parseNodeReadinessRule(input);
    expect(input).toEqual(VALID);
  });
});
