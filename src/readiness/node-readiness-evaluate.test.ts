import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types.js";
import { applyMergePatch, type JsonValue } from "../patch/index.js";
import { evaluateNodeReadinessRules } from "./node-readiness-evaluate.js";
import { type NodeReadinessRule, type NodeReadinessRuleSpec } from "./node-readiness-rule.js";
import { nodeReadinessRuleStatus } from "./node-readiness-status.js";

const NOW = "2024-01-01T00:00:10Z";
const TAINT = { key: "readiness.k8s.io/cni", effect: "NoSchedule" as const };
const COMPLETED = "readiness.k8s.io/bootstrap-completed-cni";

function rule(spec: Partial<NodeReadinessRuleSpec> = {}, name = "cni"): NodeReadinessRule {
  return {
    apiVersion: "readiness.node.x-k8s.io/v1alpha1",
    kind: "NodeReadinessRule",
    metadata: { name },
    spec: { conditions: [{ type: "CNIReady", requiredStatus: "True" }], enforcementMode: "continuous", taint: TAINT, ...spec },
  };
}

interface NodeShape {
  conditions?: [string, string][];
  taints?: Record<string, string>[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
}

function node({ conditions = [], taints, annotations, labels }: NodeShape = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "n1", resourceVersion: "7", ...(annotations ? { annotations } : {}), ...(labels ? { labels } : {}) },
    spec: taints ? { taints } : {},
    status: { conditions: conditions.map(([type, status]) => ({ type, status })) },
  };
}

describe("evaluateNodeReadinessRules", () => {
  const other = { key: "other", effect: "NoSchedule" };
  const cases: [string, NodeReadinessRule[], NodeShape, { action: string; taintStatus: string; ready: boolean; patch?: unknown }][] = [
    ["missing condition (Unknown) taints", [rule()], {}, { action: "AddTaint", taintStatus: "Present", ready: false, patch: { metadata: { resourceVersion: "7" }, spec: { taints: [TAINT] } } }],
    ["already tainted: nothing to do", [rule()], { taints: [TAINT] }, { action: "None", taintStatus: "Present", ready: false }],
    ["condition holds: taint removed, others kept", [rule()], { conditions: [["CNIReady", "True"]], taints: [other, TAINT] }, { action: "RemoveTaint", taintStatus: "Absent", ready: true, patch: { metadata: { resourceVersion: "7" }, spec: { taints: [other] } } }],
    ["last taint removed: taints null", [rule()], { conditions: [["CNIReady", "True"]], taints: [TAINT] }, { action: "RemoveTaint", taintStatus: "Absent", ready: true, patch: { metadata: { resourceVersion: "7" }, spec: { taints: null } } }],
    ["same key, other effect is another taint", [rule()], { conditions: [["CNIReady", "False"]], taints: [{ ...TAINT, effect: "NoExecute" }] }, { action: "AddTaint", taintStatus: "Present", ready: false, patch: { metadata: { resourceVersion: "7" }, spec: { taints: [{ ...TAINT, effect: "NoExecute" }, TAINT] } } }],
    ["defaultStatus for a missing condition", [rule({ conditions: [{ type: "CNIReady", requiredStatus: "False", defaultStatus: "False" }] })], {}, { action: "None", taintStatus: "Absent", ready: true }],
    ["requiredStatus False", [rule({ conditions: [{ type: "Pressure", requiredStatus: "False" }] })], { conditions: [["Pressure", "True"]] }, { action: "AddTaint", taintStatus: "Present", ready: false, patch: { metadata: { resourceVersion: "7" }, spec: { taints: [TAINT] } } }],
    [
      "bootstrap-only: satisfied marks completion",
      [rule({ enforcementMode: "bootstrap-only" })],
      { conditions: [["CNIReady", "True"]], taints: [TAINT] },
      { action: "RemoveTaint", taintStatus: "Absent", ready: true, patch: { metadata: { resourceVersion: "7", annotations: { [COMPLETED]: "true" } }, spec: { taints: null } } },
    ],
    ["bootstrap-only: completed never re-taints", [rule({ enforcementMode: "bootstrap-only" })], { conditions: [["CNIReady", "False"]], annotations: { [COMPLETED]: "true" } }, { action: "None", taintStatus: "Absent", ready: true }],
    ["continuous re-taints", [rule()], { conditions: [["CNIReady", "False"]], annotations: { [COMPLETED]: "true" } }, { action: "AddTaint", taintStatus: "Present", ready: false, patch: { metadata: { resourceVersion: "7" }, spec: { taints: [TAINT] } } }],
    ["nodeSelector does not select", [rule({ nodeSelector: { matchLabels: { role: "gpu" } } })], { labels: { role: "cpu" } }, { action: "None", taintStatus: "Absent", ready: true }],
    ["nodeSelector selects", [rule({ nodeSelector: { matchExpressions: [{ key: "role", operator: "In", values: ["gpu"] }] } })], { labels: { role: "gpu" } }, { action: "AddTaint", taintStatus: "Present", ready: false, patch: { metadata: { resourceVersion: "7" }, spec: { taints: [TAINT] } } }],
    ["dryRun: reported, not patched", [rule({ dryRun: true })], {}, { action: "AddTaint", taintStatus: "Absent", ready: true }],
    [
      "allOf and anyOf: one anyOf is enough",
      [rule({ allOf: [{ type: "A", requiredStatus: "True" }], anyOf: [{ type: "X", requiredStatus: "True" }, { type: "Y", requiredStatus: "True" }] })],
      { conditions: [["CNIReady", "True"], ["A", "True"], ["Y", "True"]] },
      { action: "None", taintStatus: "Absent", ready: true },
    ],
    ["anyOf: none holds", [rule({ anyOf: [{ type: "X", requiredStatus: "True" }] })], { conditions: [["CNIReady", "True"]] }, { action: "AddTaint", taintStatus: "Present", ready: false, patch: { metadata: { resourceVersion: "7" }, spec: { taints: [TAINT] } } }],
    [
      "NoExecute taint gets timeAdded",
      [rule({ taint: { key: "readiness.k8s.io/x", effect: "NoExecute", value: "v" } })],
      {},
      { action: "AddTaint", taintStatus: "Present", ready: false, patch: { metadata: { resourceVersion: "7" }, spec: { taints: [{ key: "readiness.k8s.io/x", value: "v", effect: "NoExecute", timeAdded: NOW }] } } },
    ],
  ];
  it.each(cases)("%s", (_name, rules, shape, want) => {
    const v = evaluateNodeReadinessRules(rules, node(shape), { now: NOW });
    expect({ action: v.evaluations[0]?.action, taintStatus: v.evaluations[0]?.taintStatus, ready: v.ready, patch: v.patch?.data }).toEqual(want);
    if (v.patch) {
      const patched = applyMergePatch(node(shape) as unknown as JsonValue, v.patch.data as JsonValue) as unknown as KubeObject;
      expect(evaluateNodeReadinessRules(rules, patched, { now: NOW }).patch).toBeUndefined();
    }
  });

  it("combines several rules into one patch", () => {
    const rules = [rule(), rule({ conditions: [{ type: "GPUReady", requiredStatus: "True" }], taint: { key: "readiness.k8s.io/gpu", effect: "NoSchedule" }, enforcementMode: "bootstrap-only" }, "gpu")];
    const v = evaluateNodeReadinessRules(rules, node({ conditions: [["GPUReady", "True"]], taints: [{ key: "readiness.k8s.io/gpu", effect: "NoSchedule" }] }), { now: NOW, precondition: false });
    expect(v.patch?.data).toEqual({ metadata: { annotations: { "readiness.k8s.io/bootstrap-completed-gpu": "true" } }, spec: { taints: [TAINT] } });
    expect(v.evaluations.map((e) => [e.rule, e.action, e.markBootstrapCompleted])).toEqual([
      ["cni", "AddTaint", false],
      ["gpu", "RemoveTaint", true],
    ]);
  });

  it("records condition results and why", () => {
    const v = evaluateNodeReadinessRules([rule({ anyOf: [{ type: "X", requiredStatus: "True" }] })], node({ conditions: [["CNIReady", "False"]] }), { now: NOW });
    const e = v.evaluations[0];
    expect(e?.conditionResults).toEqual([
      { type: "CNIReady", group: "allOf", currentStatus: "False", requiredStatus: "True", missing: false, satisfied: false },
      { type: "X", group: "anyOf", currentStatus: "Unknown", requiredStatus: "True", missing: true, satisfied: false },
    ]);
    expect(e?.message).toBe('condition "CNIReady" is False, required True, condition "X" is Unknown (missing), anyOf wants True');
    expect(e?.lastEvaluationTime).toBe(NOW);
  });

  it("builds the upstream status", () => {
    const r = rule({ dryRun: true });
    const evals = [node({ conditions: [["CNIReady", "True"]] }), { ...node(), metadata: { name: "n0" } }].flatMap((n) => evaluateNodeReadinessRules([r], n, { now: NOW }).evaluations);
    expect(nodeReadinessRuleStatus("cni", evals)).toEqual({
      appliedNodes: ["n0", "n1"],
      nodeEvaluations: [
        { nodeName: "n0", conditionResults: [{ type: "CNIReady", currentStatus: "Unknown", requiredStatus: "True" }], taintStatus: "Absent", lastEvaluationTime: NOW },
        { nodeName: "n1", conditionResults: [{ type: "CNIReady", currentStatus: "True", requiredStatus: "True" }], taintStatus: "Absent", lastEvaluationTime: NOW },
      ],
      dryRunResults: { affectedNodes: 1, taintsToAdd: 1, taintsToRemove: 0, summary: "would add the taint to 1 node(s) and remove it from 0 node(s)" },
    });
  });

  it("does not mutate the inputs", () => {
    const n = node({ taints: [{ key: "other", effect: "NoSchedule" }] });
    const rules = [rule()];
    const copies = structuredClone([n, rules]);
    evaluateNodeReadinessRules(rules, n, { now: NOW });
    expect([n, rules]).toEqual(copies);
  });
});
