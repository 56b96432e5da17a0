/**
 * The stage presets: loading by name, validation without issues, and golden outputs.
 *
 * Each folder `test/presets/<preset>/` is laid out for `stagecraft test`: `stages.yaml` (written
 * from the TypeScript module, checked here to be in sync) and `testdata/<case>.input.yaml` /
 * `<case>.output.yaml`. `UPDATE_GOLDEN=1` rewrites both from the presets (never in CI).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErrorCode, isStagecraftError } from "../../src/errors.js";
import { isPresetName, loadPreset, PRESETS, presetNames } from "../../src/presets/index.js";
import { loadStages } from "../../src/stage/load.js";
import { parseYamlDocuments } from "../../src/stage/yaml.js";
import { formatStageTestOutput, stageTestOutput } from "../../src/testing/stage-test-output.js";

const HERE = import.meta.dirname;
const UPDATE = process.env.UPDATE_GOLDEN === "1" && process.env.CI === undefined;
const SINGLE = ["node-fast", "node-heartbeat", "pod-fast", "pod-general"] as const;

function names(preset: string | readonly string[]): string[] {
  return loadPreset(preset).map((s) => s.name);
}

describe("preset names", () => {
  it("lists single presets, then the combinations", () => {
    expect(presetNames()).toEqual(["node-fast", "node-heartbeat", "pod-fast", "pod-general", "fast", "general"]);
    expect(Object.keys(PRESETS)).toEqual(presetNames());
    expect(presetNames().every(isPresetName)).toBe(true);
    expect(isPresetName("kwok")).toBe(false);
    expect(isPresetName("toString")).toBe(false);
  });

  it("loads each preset's stages in order", () => {
    expect(names("node-fast")).toEqual(["node-mark-ready"]);
    expect(names("node-heartbeat")).toEqual(["node-renew-heartbeat"]);
    expect(names("pod-fast")).toEqual(["pod-start-now", "pod-finish-job-now", "pod-remove-now"]);
    expect(names("pod-general")).toEqual(["pod-accepted", "pod-init-running", "pod-init-done", "pod-running", "pod-succeeded", "pod-removed"]);
    expect(names("fast")).toEqual([...names("node-fast"), ...names("node-heartbeat"), ...names("pod-fast")]);
    expect(names("general")).toEqual([...names("node-fast"), ...names("node-heartbeat"), ...names("pod-general")]);
  });

  it("loads a list of names, each part once", () => {
    expect(names(["pod-fast", "node-fast"])).toEqual([...names("pod-fast"), ...names("node-fast")]);
    expect(names(["fast", "general", "node-fast"])).toEqual([...names("fast"), ...names("pod-general")]);
    expect(loadPreset([])).toEqual([]);
  });

  it("combined texts load to the same stages as their parts", () => {
    for (const name of presetNames()) {
      const result = loadStages({ text: PRESETS[name as keyof typeof PRESETS] });
      expect(result.stages.map((s) => s.name)).toEqual(names(name));
    }
  });

  it("returns a fresh list on every call", () => {
    const first = loadPreset("fast");
    first.length = 0;
    expect(loadPreset("fast")).toHaveLength(5);
  });

  it("rejects an unknown name with E_INVALID_VALUE listing the known ones", () => {
    let caught: unknown;
    try {
      loadPreset(["fast", "pod-slow"]);
    } catch (e) {
      caught = e;
    }
    expect(isStagecraftError(caught)).toBe(true);
    if (!isStagecraftError(caught)) return;
    expect(caught.code).toBe(ErrorCode.InvalidValue);
    expect(caught.message).toMatchInlineSnapshot(`"unknown stage preset "pod-slow"; known presets: node-fast, node-heartbeat, pod-fast, pod-general, fast, general"`);
  });
});

describe("preset YAML", () => {
  for (const name of presetNames()) {
    it(`${name} loads without any issue (no warnings, no ignored documents)`, () => {
      const result = loadStages({ file: `${name}.yaml`, text: PRESETS[name as keyof typeof PRESETS] });
      expect(result.issues).toEqual([]);
      expect(result.ignored).toEqual([]);
      expect(result.ok).toBe(true);
    });
  }

  it("every stage has a selector and an explicit v1 resourceRef", () => {
    for (const stage of loadPreset(["fast", "general"])) {
      expect(stage.selector, stage.name).toBeDefined();
      expect(stage.resourceRef.apiGroup, stage.name).toBe("v1");
    }
  });

  it("stage names are unique across all presets", () => {
    const all = loadPreset(SINGLE).map((s) => s.name);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("preset golden outputs (stagecraft test layout)", () => {
  for (const preset of SINGLE) {
    const dir = join(HERE, preset);
    const stageFile = join(dir, "stages.yaml");
    it(`${preset}/stages.yaml is the preset's YAML`, () => {
      if (UPDATE) writeFileSync(stageFile, PRESETS[preset]);
      expect(readFileSync(stageFile, "utf8")).toBe(PRESETS[preset]);
    });
    const testdata = join(dir, "testdata");
    const inputs = existsSync(testdata) ? readdirSync(testdata).filter((f) => f.endsWith(".input.yaml")).sort() : [];
    it(`${preset} has golden cases`, () => {
      expect(inputs.length).toBeGreaterThanOrEqual(3);
    });
    for (const file of inputs) {
      const name = file.slice(0, -".input.yaml".length);
      it(`${preset}/${name}`, async () => {
        const input = parseYamlDocuments(readFileSync(join(testdata, file), "utf8")).documents[0]?.value;
        const result = await stageTestOutput(input, loadPreset(preset));
        if (!result.ok) throw result.error;
        const actual = formatStageTestOutput(result.value);
        const golden = join(testdata, `${name}.output.yaml`);
        if (UPDATE) writeFileSync(golden, actual);
        expect(actual).toBe(readFileSync(golden, "utf8"));
      });
    }
  }
});
