import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types.js";
import { evaluateNodeReadinessGates } from "./node-gates.js";

function node(gates: string[], conditions: [string, string][]): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "n" },
    spec: gates.length === 0 ? {} : { readinessGates: gates.map((conditionType) => ({ conditionType })) },
    status: { conditions: conditions.map(([type, status]) => ({ type, status })) },
  };
}

describe("evaluateNodeReadinessGates", () => {
  const cases: [string, KubeObject, { ready: boolean; fullyReady: boolean; blocking: string[]; message: string }][] = [
    ["ready without gates", node([], [["Ready", "True"]]), { ready: true, fullyReady: true, blocking: [], message: "" }],
    ["no Ready condition", node([], []), { ready: false, fullyReady: false, blocking: [], message: 'node condition "Ready" does not exist.' }],
    ["Ready False", node([], [["Ready", "False"]]), { ready: false, fullyReady: false, blocking: [], message: 'the status of node condition "Ready" is not "True", but False' }],
    [
      "missing and False gates block, in spec order",
      node(["b", "a", "c"], [["Ready", "True"], ["a", "False"], ["c", "True"]]),
      { ready: true, fullyReady: false, blocking: ["b", "a"], message: 'corresponding condition of node readiness gate "b" does not exist., the status of node readiness gate "a" is not "True", but False' },
    ],
    ["Unknown gate blocks", node(["a"], [["Ready", "True"], ["a", "Unknown"]]), { ready: true, fullyReady: false, blocking: ["a"], message: 'the status of node readiness gate "a" is not "True", but Unknown' }],
    ["all gates True", node(["a", "b"], [["Ready", "True"], ["a", "True"], ["b", "True"]]), { ready: true, fullyReady: true, blocking: [], message: "" }],
    [
      "gates pass but Ready does not",
      node(["a"], [["Ready", "Unknown"], ["a", "True"]]),
      { ready: false, fullyReady: false, blocking: [], message: 'the status of node condition "Ready" is not "True", but Unknown' },
    ],
  ];
  it.each(cases)("%s", (_name, input, want) => {
    const v = evaluateNodeReadinessGates(input);
    expect({ ready: v.ready, fullyReady: v.fullyReady, blocking: v.blocking.map((g) => g.conditionType), message: v.message }).toEqual(want);
  });

  it("reports each gate's status", () => {
    expect(evaluateNodeReadinessGates(node(["a", "b"], [["Ready", "True"], ["a", "True"]])).gates).toEqual([
      { conditionType: "a", status: "True", satisfied: true },
      { conditionType: "b", satisfied: false, message: 'corresponding condition of node readiness gate "b" does not exist.' },
    ]);
  });

  it("does not mutate the input", () => {
    const n = node(["a"], [["Ready", "True"]]);
    const copy = structuredClone(n);
    evaluateNodeReadinessGates(Object.freeze(n));
    expect(n).toEqual(copy);
  });
});
