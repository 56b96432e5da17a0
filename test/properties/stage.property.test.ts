/**
 * Stage loading properties over Stage documents built from the Stage API's fields, with valid
 * and hostile values mixed (wrong types, unknown operators, broken jq/CEL/templates, prototype
 * keys, huge numbers): loading never throws, `ok` is exactly "no error issue", nothing is
 * half-loaded, and every issue points inside the text.
 */
import { describe, expect, it } from "vitest";
import { loadStages, loadStagesOrThrow, marshalGoYaml, isStagecraftError } from "../../src/index.js";
import { fc } from "./fc.js";

const hostile = fc.constantFrom<unknown>(null, true, 0, -1, 1e308, "x", "", [], {}, { __proto__: null }, "{{ .a", "{{ env \"HOME\" }}", ".[", "self.", "1s", "-5s", "10000000000000000000000h");
const selector = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: fc.oneof(fc.dictionary(fc.constantFrom("app", "__proto__", "constructor"), fc.constantFrom("a", "b")), hostile) }, { requiredKeys: [] }),
  fc.record({
    matchExpressions: fc.array(
      fc.record(
        {
          key: fc.constantFrom(".metadata.name", ".status.phase", "app", ".["),
          operator: fc.constantFrom("In", "NotIn", "Exists", "DoesNotExist", "Bogus"),
          values: fc.oneof(fc.array(fc.constantFrom("a", "Running"), { maxLength: 2 }), hostile),
          jq: fc.constantFrom(".status.phase", ".a |", "[range(1e9)]"),
          cel: fc.constantFrom("self.status.phase == 'Running'", "self.", "[1].map(x, x)"),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 2 },
    ),
  }),
);
const next = fc.record(
  {
    statusTemplate: fc.oneof(fc.constantFrom("phase: Running", "{{ .a", "{{ range 1000000000 }}{{ end }}", '{{ define "a" }}{{ template "a" }}{{ end }}'), hostile),
    finalizers: fc.oneof(fc.record({ add: fc.array(fc.record({ value: fc.constantFrom("f", "") }), { maxLength: 2 }) }, { requiredKeys: [] }), hostile),
    delete: fc.oneof(fc.boolean(), hostile),
    event: fc.oneof(fc.record({ type: fc.constantFrom("Normal", "Warning", "X"), reason: fc.constantFrom("r", ""), message: fc.constant("m") }, { requiredKeys: [] }), hostile),
    patches: fc.oneof(fc.array(fc.record({ subresource: fc.constantFrom("status", "x"), root: fc.constantFrom("status", ""), template: fc.constantFrom("a: 1", "{{"), type: fc.constantFrom("json", "merge", "strategic", "bogus") }, { requiredKeys: [] }), { maxLength: 2 }), hostile),
  },
  { requiredKeys: [] },
);
const stage = fc.record(
  {
    apiVersion: fc.constantFrom("kwok.x-k8s.io/v1alpha1", "v1"),
    kind: fc.constantFrom("Stage", "Stage", "ConfigMap", ""),
    metadata: fc.oneof(fc.record({ name: fc.constantFrom("s", "", "__proto__") }), hostile),
    spec: fc.oneof(
      fc.record(
        {
          resourceRef: fc.oneof(fc.record({ apiGroup: fc.constantFrom("v1", "", "apps/v1"), kind: fc.constantFrom("Pod", "Node", "") }, { requiredKeys: [] }), hostile),
          selector: fc.oneof(selector, hostile),
          weight: fc.oneof(fc.integer({ min: -5, max: 100 }), hostile),
          delay: fc.oneof(fc.record({ durationMilliseconds: fc.oneof(fc.integer({ min: -10, max: 10_000 }), hostile), jitterDurationMilliseconds: fc.oneof(fc.integer({ min: 0, max: 10_000 }), hostile) }, { requiredKeys: [] }), hostile),
          next: fc.oneof(next, hostile),
          immediateNextStage: fc.oneof(fc.boolean(), hostile),
        },
        { requiredKeys: [] },
      ),
      hostile,
    ),
  },
  { requiredKeys: [] },
);

const validStage = fc.record({
  apiVersion: fc.constant("kwok.x-k8s.io/v1alpha1"),
  kind: fc.constant("Stage"),
  metadata: fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) }),
  spec: fc.record({
    resourceRef: fc.constant({ apiGroup: "v1", kind: "Pod" }),
    selector: fc.constantFrom({ matchLabels: { app: "a" } }, { matchExpressions: [{ key: ".status.phase", operator: "In", values: ["Running"] }] }),
    weight: fc.integer({ min: 0, max: 10 }),
    next: fc.constantFrom({ statusTemplate: "phase: Running" }, { delete: true }, { finalizers: { add: [{ value: "f" }] } }),
  }),
});

describe("Stage loading properties", () => {
  it("never throws; ok is exactly 'no error issue'; nothing is half-loaded; issues point inside the text", () => {
    let loadedSome = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: validStage, weight: 2 }, { arbitrary: stage, weight: 1 }), { minLength: 1, maxLength: 3 }), (docs) => {
        const text = docs.map((d) => marshalGoYaml(d)).join("---\n");
        const result = loadStages({ file: "p.yaml", text });
        const errors = result.issues.filter((i) => i.severity === "error");
        expect(result.ok).toBe(errors.length === 0);
        if (!result.ok) expect(result.stages).toEqual([]);
        else loadedSome += result.stages.length > 0 ? 1 : 0;
        const lines = text.split("\n").length;
        for (const issue of result.issues) {
          expect(issue.message.length).toBeGreaterThan(0);
          if (issue.location !== undefined) expect(issue.location.line).toBeLessThanOrEqual(lines + 1);
        }
        try {
          expect(loadStagesOrThrow({ text })).toHaveLength(result.stages.length);
        } catch (e) {
          expect(isStagecraftError(e) && !result.ok).toBe(true);
        }
        expect(({} as Record<string, unknown>)["app"]).toBeUndefined();
      }),
    );
    expect(loadedSome).toBeGreaterThan(0);
  });
});
