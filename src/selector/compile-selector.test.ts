import { describe, expect, it } from "vitest";
import { compileSelector } from "./compile-selector.js";
import type { StageSelector } from "../stage/model.js";

const pending = {
  metadata: { name: "p", labels: { app: "web" }, annotations: { "a.b/c": "yes" } },
  spec: { containers: [{ name: "c" }, { name: "d" }], replicas: 2 },
  status: { phase: "Pending" },
};

const podReady: StageSelector = {
  matchExpressions: [
    { jq: { key: ".metadata.deletionTimestamp", operator: "DoesNotExist", values: [] } },
    { jq: { key: ".status.phase", operator: "In", values: ["Pending"] } },
    { jq: { key: '.status.conditions.[] | select( .type == "Ready" ) | .status', operator: "NotIn", values: ["True"] } },
  ],
};

describe("compileSelector", () => {
  it("matches KWOK's pod-ready style selector on a fresh pod (iteration over absent conditions ⇒ NotIn true)", () => {
    expect(compileSelector(podReady).match(pending)).toEqual({ matched: true });
  });

  it("match decides exactly as explain does (field-path fast check included), for every operator and odd values", () => {
    const inputs: unknown[] = [
      null, "x", 3, [], {}, { status: null }, { status: "s" }, { status: [1] }, { status: {} },
      ...[null, "Pending", "", "true", true, false, 2, 2.5, ["Pending"], { a: 1 }].map((phase) => ({ status: { phase } })),
      { metadata: { labels: { app: "web" } }, status: { phase: "Pending" } },
      { metadata: { labels: Object.create({ app: "web" }) }, status: { phase: "Pending" } },
    ];
    const keys = [".status.phase", ".status", '.status.conditions.[] | select(.type == "Ready") | .status', "(.status.phase)"];
    for (const key of keys) {
      for (const operator of ["In", "NotIn", "Exists", "DoesNotExist"] as const) {
        for (const values of [["Pending"], ["true", "2"], [""]]) {
          for (const matchLabels of [undefined, { app: "web" }]) {
            const selector = compileSelector({ ...(matchLabels ? { matchLabels } : {}), matchExpressions: [{ jq: { key, operator, values: operator.endsWith("Exist") || operator === "Exists" ? [] : values } }] });
            for (const input of inputs) {
              const explained = selector.explain(input);
              const matched = selector.match(input);
              expect(matched.matched, `${key} ${operator} ${JSON.stringify(values)} on ${JSON.stringify(input)}`).toBe(explained.matched);
              if (!matched.matched) expect(matched.term).toEqual(explained.terms.find((t) => t.status !== "pass"));
            }
          }
        }
      }
    }
  });

  it("an empty selector matches everything", () => {
    const s = compileSelector({ matchExpressions: [] });
    expect(s.match({}).matched).toBe(true);
    expect(s.match(null).matched).toBe(true);
  });

  it("matchLabels and matchAnnotations require presence with exactly equal values", () => {
    const s = compileSelector({ matchLabels: { app: "web" }, matchAnnotations: { "a.b/c": "yes" }, matchExpressions: [] });
    expect(s.match(pending).matched).toBe(true);
    const other = compileSelector({ matchLabels: { app: "" }, matchExpressions: [] }).match(pending);
    expect(other).toMatchObject({ matched: false, term: { kind: "label", status: "fail", values: ["web"] } });
    const absent = compileSelector({ matchLabels: { tier: "" }, matchExpressions: [] }).match(pending);
    expect(absent).toMatchObject({ matched: false, term: { kind: "label", values: [], detail: 'the object has no label "tier"' } });
  });

  it("tells which term failed and what its query returned", () => {
    const running = { ...pending, status: { phase: "Running" } };
    const r = compileSelector(podReady).match(running);
    expect(r).toMatchObject({
      matched: false,
      term: {
        kind: "jq",
        path: ["spec", "selector", "matchExpressions", 1],
        description: '.status.phase In ["Pending"]',
        status: "fail",
        values: ["Running"],
      },
    });
  });

  it("explains a swallowed jq error", () => {
    const s = compileSelector({ matchExpressions: [{ jq: { key: ".status.conditions[].type", operator: "In", values: ["Ready"] } }] });
    const r = s.match(pending);
    expect(r.matched).toBe(false);
    if (!r.matched) expect(r.term.detail).toMatch(/^the query failed \(.+\), which KWOK counts as no values$/);
  });

  it("never matches object numbers with In (KWOK reads them as float64), but matches jq integers", () => {
    const floats = compileSelector({ matchExpressions: [{ jq: { key: ".spec.replicas", operator: "In", values: ["2"] } }] });
    const r = floats.match(pending);
    expect(r.matched).toBe(false);
    if (!r.matched) expect(r.term.detail).toMatch(/floats in KWOK/);
    const ints = compileSelector({ matchExpressions: [{ jq: { key: ".spec.containers | length", operator: "In", values: ["2"] } }] });
    expect(ints.match(pending).matched).toBe(true);
  });

  it("evaluates every jq term before any CEL term, whatever their order in the file", () => {
    const s = compileSelector({
      matchExpressions: [
        { cel: { expression: "self.status.missing == 1" } }, // would error (no such key)
        { jq: { key: ".status.phase", operator: "In", values: ["Running"] } },
      ],
    });
    const r = s.match(pending);
    expect(r).toMatchObject({ matched: false, term: { kind: "jq" } });
    expect("error" in r && r.error).toBeFalsy();
  });

  it("a CEL runtime error aborts the match with the error", () => {
    const s = compileSelector({ matchExpressions: [{ cel: { expression: "self.status.missing == 1" } }] });
    const r = s.match(pending);
    expect(r).toMatchObject({ matched: false, term: { kind: "cel", status: "error" } });
    expect("error" in r && r.error?.code).toBe("E_CEL_RUNTIME");
  });

  it("a CEL selector that does not return a bool is an error", () => {
    const r = compileSelector({ matchExpressions: [{ cel: { expression: "self.status.phase" } }] }).match(pending);
    expect("error" in r && r.error?.code).toBe("E_RESULT_TYPE");
  });

  it("explain reports every term and marks those KWOK would not reach", () => {
    const e = compileSelector(podReady).explain({ ...pending, metadata: { ...pending.metadata, deletionTimestamp: "x" } });
    expect(e.matched).toBe(false);
    expect(e.terms.map((t) => t.status)).toEqual(["fail", "skipped", "skipped"]);
    expect(e.terms[1]?.detail).toMatch(/alone it would pass/);
  });

  it("JSONata terms need the async API", async () => {
    const s = compileSelector({ matchExpressions: [{ jsonata: { expression: "status.phase = 'Pending'" } }] });
    expect(s.async).toBe(true);
    expect(() => s.match(pending)).toThrowError(expect.objectContaining({ code: "E_ASYNC_REQUIRED" }));
    expect(await s.matchAsync(pending)).toEqual({ matched: true });
    expect((await s.matchAsync({ status: { phase: "Running" } })).matched).toBe(false);
  });

  it("does not mutate the input", () => {
    const object = structuredClone(pending);
    compileSelector(podReady).explain(object);
    expect(object).toEqual(pending);
  });
});
