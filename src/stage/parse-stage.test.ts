import { describe, expect, it } from "vitest";
import { parseStage } from "./parse-stage.js";

const base = (spec: Record<string, unknown>) => ({
  apiVersion: "kwok.x-k8s.io/v1alpha1",
  kind: "Stage",
  metadata: { name: "s" },
  spec: { resourceRef: { apiGroup: "v1", kind: "Pod" }, selector: {}, ...spec },
});

const codes = (r: { issues: readonly { code: string }[] }) => r.issues.map((i) => i.code);

describe("parseStage", () => {
  it("converts legacy next in KWOK's order: event, finalizers, status patch, delete", () => {
    const { stage, issues } = parseStage(
      base({
        next: {
          delete: true,
          statusTemplate: "phase: Running",
          finalizers: { add: [{ value: "a" }] },
          event: { type: "Normal", reason: "R", message: "M" },
        },
      }),
    );
    expect(issues).toEqual([]);
    expect(stage?.steps).toEqual([
      { event: { type: "Normal", reason: "R", message: "M" } },
      { finalizers: { add: ["a"], remove: [], empty: false } },
      { patch: { subresource: "status", root: "status", template: "phase: Running" } },
      { delete: true },
    ]);
  });

  it("uses next.patches instead of statusTemplate, and honours statusSubresource: \"\"", () => {
    const withPatches = parseStage(base({ next: { patches: [{ template: "a: 1" }, { template: "b: 2", type: "json" }], statusTemplate: "x" } }));
    expect(withPatches.stage?.steps.map((s) => s.patch?.template)).toEqual(["a: 1", "b: 2"]);
    expect(codes(withPatches)).toEqual(["W_IGNORED_FIELD"]);
    const main = parseStage(base({ next: { statusTemplate: "x", statusSubresource: "", statusPatchAs: { username: "kubelet" } } }));
    expect(main.stage?.steps).toEqual([{ patch: { subresource: "", root: "status", template: "x", impersonation: { username: "kubelet" } } }]);
  });

  it("ignores next when steps is set", () => {
    const r = parseStage(base({ steps: [{ delete: true }], next: { event: { type: "Normal" } } }));
    expect(r.stage?.steps).toEqual([{ delete: true }]);
    expect(r.issues[0]).toMatchObject({ code: "W_IGNORED_FIELD", path: ["spec", "next"] });
  });

  it("turns legacy key/operator/values and expressionFrom into jq", () => {
    const { stage } = parseStage(
      base({
        selector: { matchExpressions: [{ key: ".status.phase", operator: "In", values: ["Pending"] }] },
        weightFrom: { expressionFrom: ".metadata.annotations.w" },
      }),
    );
    expect(stage?.selector?.matchExpressions).toEqual([{ jq: { key: ".status.phase", operator: "In", values: ["Pending"] } }]);
    expect(stage?.weightFrom).toEqual({ language: "jq", expression: ".metadata.annotations.w" });
  });

  it("applies KWOK's precedence: jq over cel in a match expression, cel over jq in a value source", () => {
    const r = parseStage(
      base({
        selector: { matchExpressions: [{ jq: { key: ".a", operator: "Exists" }, cel: { expression: "true" } }] },
        weightFrom: { cel: { expression: "1" }, jq: { expression: ".w" } },
      }),
    );
    expect(r.stage?.selector?.matchExpressions).toEqual([{ jq: { key: ".a", operator: "Exists", values: [] } }]);
    expect(r.stage?.weightFrom).toEqual({ language: "cel", expression: "1" });
    expect(r.issues.map((i) => i.path.join("."))).toEqual([
      "spec.selector.matchExpressions.0.cel",
      "spec.weightFrom.jq",
    ]);
  });

  it("drops the CEL part of jitterDurationFrom, as KWOK does", () => {
    const r = parseStage(base({ delay: { jitterDurationFrom: { cel: { expression: "duration('1s')" } } } }));
    expect(r.stage?.delay).toEqual({});
    expect(codes(r)).toEqual(["W_IGNORED_FIELD"]);
  });

  it("keeps a selector-less stage (selector: null) but warns that KWOK drops it", () => {
    const r = parseStage({ kind: "Stage", metadata: { name: "s" }, spec: { resourceRef: { apiGroup: "v1", kind: "Pod" }, selector: null } });
    expect(r.stage?.selector).toBeNull();
    expect(codes(r)).toEqual(["W_NO_SELECTOR"]);
  });

  it("gives no apiGroup default unless asked to", () => {
    const doc = { kind: "Stage", metadata: { name: "s" }, spec: { resourceRef: { kind: "Pod" }, selector: {} } };
    const kwok = parseStage(doc);
    expect(kwok.stage?.resourceRef).toEqual({ apiGroup: "", kind: "Pod" });
    expect(codes(kwok)).toEqual(["W_MISSING_API_GROUP"]);
    const friendly = parseStage(doc, { defaultApiGroup: "v1" });
    expect(friendly.stage?.resourceRef).toEqual({ apiGroup: "v1", kind: "Pod" });
    expect(friendly.issues).toEqual([]);
  });

  it("reports every problem at once and returns no stage", () => {
    const r = parseStage(
      base({
        weight: -1,
        selector: {
          matchExpressions: [
            { key: ".a", operator: "Equals", values: ["x"] },
            { jq: { key: ".b", operator: "In" } },
            { jq: { key: ".c", operator: "DoesNotExist", values: ["y"] } },
            { cel: { expression: "self.a ==" } },
            {},
          ],
        },
        steps: [{ patch: { type: "apply" } }, { apply: { type: "json" } }],
      }),
    );
    expect(r.stage).toBeUndefined();
    expect(codes(r).sort()).toEqual(
      ["E_CEL_SYNTAX", "E_EMPTY_EXPRESSION", "E_INVALID_OPERATOR", "E_INVALID_VALUE", "E_INVALID_VALUE", "E_INVALID_VALUE", "E_VALUES_FORBIDDEN", "E_VALUES_REQUIRED"],
    );
  });

  it("reports a jq syntax error with its position inside the query", () => {
    const r = parseStage(base({ selector: { matchExpressions: [{ key: ".a | select(", operator: "Exists" }] } }));
    expect(r.issues[0]).toMatchObject({ code: "E_JQ_SYNTAX", path: ["spec", "selector", "matchExpressions", 0, "key"] });
    expect(r.issues[0]?.message).toMatch(/^jq:1:\d+: /);
  });

  it("does not mutate the input", () => {
    const doc = base({ next: { statusTemplate: "x", delete: true } });
    const copy = structuredClone(doc);
    parseStage(doc);
    expect(doc).toEqual(copy);
  });
});
