import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStageFiles } from "../node.js";
import { loadPreset } from "../presets/index.js";
import { loadStagesOrThrow } from "../stage/load.js";
import { lint } from "./lint.js";

const fixtures = join(import.meta.dirname, "../../test/fixtures/lint");
const kwok = join(import.meta.dirname, "../../../shared/conformance/kwok");

function fixture(...names: string[]) {
  return loadStagesOrThrow(names.map((n) => ({ text: readFileSync(join(fixtures, `${n}.yaml`), "utf8"), file: n })));
}

function kwokSet(...sets: string[]) {
  return sets.flatMap((set) => {
    const loaded = loadStageFiles(join(kwok, set));
    if (!loaded.ok) throw new Error(`cannot load ${set}`);
    return loaded.stages;
  });
}

const errors = (stages: Parameters<typeof lint>[0]) => lint(stages).filter((f) => f.severity === "error");

describe("lint on reconstructed KWOK bugs", () => {
  it("finds kwok#1002: a Running pod sent back to Pending by pod-create", () => {
    const found = errors(fixture("kwok-1002", "nodes"));
    expect(found).toContainEqual(expect.objectContaining({ rule: "phase-regression", stages: ["pod-create"], path: ["pod-create", "pod-ready", "pod-create"] }));
    expect(found.find((f) => f.rule === "phase-regression")?.message).toContain("Running → Pending");
  });

  it("finds kwok#1509: a Succeeded pod sent back to Running by pod-ready", () => {
    const found = errors(fixture("kwok-1509", "nodes"));
    expect(found).toContainEqual(expect.objectContaining({ rule: "phase-regression", stages: ["pod-ready"], path: ["pod-create", "pod-ready", "pod-complete", "pod-ready"] }));
    expect(found.find((f) => f.rule === "phase-regression")?.message).toContain("Succeeded → Running");
  });
});

describe("lint reports no error on sound stage sets", () => {
  it("KWOK's pod/general + node/fast", () => {
    expect(errors(kwokSet("pod/general", "node/fast"))).toEqual([]);
  });

  it.each(["general", "fast"])("the %s preset", (name) => {
    expect(errors(loadPreset(name))).toEqual([]);
  });
});
