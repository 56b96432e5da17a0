import { describe, expect, it } from "vitest";
import { loadStages, loadStagesOrThrow } from "./load.js";

const stage = (name: string) => `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: ${name}
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector: {}
`;

describe("loadStages", () => {
  it("dispatches documents by kind and keeps file then document order", () => {
    const result = loadStages([
      { file: "a.yaml", text: `${stage("one")}---\n# just a comment\n---\n${stage("two")}` },
      {
        file: "b.yaml",
        text: `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n---\napiVersion: config.kwok.x-k8s.io/v1alpha1\nkind: KwokConfiguration\n---\n${stage("three")}`,
      },
    ]);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.stages.map((s) => [s.name, s.origin?.file, s.origin?.document])).toEqual([
      ["one", "a.yaml", 0],
      ["two", "a.yaml", 2],
      ["three", "b.yaml", 2],
    ]);
    expect(result.ignored.map((d) => [d.kind, d.name, d.reason])).toEqual([
      ["StorageClass", "fast", "not a Stage (KWOK: unsupported type)"],
      ["KwokConfiguration", undefined, "KWOK configuration, not a Stage"],
    ]);
  });

  it("dispatches on kind only, like KWOK, but warns about a foreign apiVersion", () => {
    const result = loadStages({ text: stage("s").replace("kwok.x-k8s.io/v1alpha1", "example.com/v1") });
    expect(result.stages.map((s) => s.name)).toEqual(["s"]);
    expect(result.issues).toMatchObject([{ code: "E_INVALID_VALUE", severity: "warning", path: ["apiVersion"], location: { line: 1, column: 13 } }]);
  });

  it("rejects a document without kind instead of inheriting the previous kind", () => {
    const result = loadStages({ file: "x.yaml", text: `${stage("one")}---\nmetadata:\n  name: two\n` });
    expect(result.ok).toBe(false);
    expect(result.stages).toEqual([]);
    expect(result.issues).toMatchObject([{ code: "E_MISSING_KIND", document: 1, location: { file: "x.yaml", line: 11, column: 1 } }]);
  });

  it("loads nothing when any source has an error, and reports issues of every source", () => {
    const result = loadStages([
      { file: "good.yaml", text: stage("good") },
      { file: "bad.yaml", text: stage("bad").replace("selector: {}", "selector: {}\n  weight: heavy") },
      { file: "worse.yaml", text: "a: [1\n" },
    ]);
    expect(result.ok).toBe(false);
    expect(result.stages).toEqual([]);
    expect(result.issues.map((i) => [i.location?.file, i.code])).toEqual([
      ["bad.yaml", "E_TYPE_MISMATCH"],
      ...result.issues.filter((i) => i.location?.file === "worse.yaml").map(() => ["worse.yaml", "E_YAML_SYNTAX"]),
    ]);
    expect(result.issues.some((i) => i.location?.file === "worse.yaml")).toBe(true);
  });

  it("accepts an empty text", () => {
    expect(loadStages({ text: "" })).toEqual({ ok: true, stages: [], ignored: [], issues: [] });
  });

  it("loadStagesOrThrow throws one error listing every problem", () => {
    expect(() => loadStagesOrThrow({ file: "x.yaml", text: stage("s").replace("selector: {}", "selector: []\n  weight: -1") })).toThrowError(
      /invalid stages:\nx\.yaml:9:13: error E_TYPE_MISMATCH spec\.selector: wrong type \(expected a mapping, found a list \(\[\]\)\)\nx\.yaml:10:11: error E_INVALID_VALUE spec\.weight/,
    );
  });
});
