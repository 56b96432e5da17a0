/**
 * KWOK's own CEL selectors (kustomize/stage/volume/fast at 172defa5), read from the shared
 * conformance folder at test time, against PV/PVC objects in several states. The expected
 * stages of the four upstream inputs come from the upstream `.output.yaml` goldens.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { compileCel } from "./compile-cel.js";
import type { CelProgram } from "./compile-cel.js";

const DIR = join(import.meta.dirname, "../../../../shared/conformance/kwok/volume/fast");

interface CelStage {
  readonly name: string;
  readonly kind: string;
  readonly programs: readonly CelProgram[];
}

function loadStages(): CelStage[] {
  const stages: CelStage[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")) {
    for (const doc of parseAllDocuments(readFileSync(join(DIR, file), "utf8"))) {
      const stage = doc.toJS() as { kind?: string; metadata: { name: string }; spec?: Record<string, any> };
      if (stage.kind !== "Stage" || !stage.spec) continue;
      const exprs = (stage.spec["selector"]?.matchExpressions ?? []) as { cel?: { expression: string } }[];
      stages.push({
        name: stage.metadata.name,
        kind: stage.spec["resourceRef"].kind as string,
        programs: exprs.flatMap((e) => (e.cel ? [compileCel(e.cel.expression)] : [])),
      });
    }
  }
  return stages;
}

/** KWOK's rule: terms ANDed in order, the first false stops, an error aborts the whole match. */
function matching(stages: readonly CelStage[], obj: { kind: string }): string[] | "error" {
  const out: string[] = [];
  for (const stage of stages.filter((s) => s.kind === obj.kind)) {
    let matched = true;
    for (const p of stage.programs) {
      const r = p.evaluate(obj);
      if (!r.ok) return "error";
      if (r.values[0] !== true) {
        matched = false;
        break;
      }
    }
    if (matched) out.push(stage.name);
  }
  return out;
}

const readYaml = (path: string) => parseAllDocuments(readFileSync(path, "utf8"))[0]!.toJS() as Record<string, any>;
const stages = loadStages();

describe("KWOK volume/fast CEL selectors", () => {
  it("loads every CEL term of the four stages", () => {
    expect(stages.map((s) => s.name).sort()).toEqual(["pv-bind", "pv-delete", "pvc-delete", "pvc-provision"]);
    expect(stages.every((s) => s.programs.length >= 3 && s.programs.every((p) => p.resultType === "bool"))).toBe(true);
  });

  const cases = readdirSync(join(DIR, "testdata")).filter((f) => f.endsWith(".input.yaml"));
  it.each(cases)("%s selects the stages of its golden output", (file) => {
    const input = readYaml(join(DIR, "testdata", file));
    const golden = readYaml(join(DIR, "testdata", file.replace(".input.", ".output.")));
    const expected = (golden["stages"] as { stage: string }[]).map((s) => s.stage);
    expect(matching(stages, input as { kind: string })).toEqual(expected);
  });

  const pv = (patch: (o: Record<string, any>) => void) => {
    const o = readYaml(join(DIR, "testdata", "pv-bind.input.yaml"));
    patch(o);
    return o as { kind: string };
  };
  const pvc = (patch: (o: Record<string, any>) => void) => {
    const o = readYaml(join(DIR, "testdata", "pvc-provision.input.yaml"));
    patch(o);
    return o as { kind: string };
  };

  it.each([
    ["PV already Bound", pv((o) => (o["status"].phase = "Bound")), []],
    ["PV Failed", pv((o) => (o["status"].phase = "Failed")), []],
    ["PV of another class", pv((o) => (o["spec"].storageClassName = "standard")), []],
    ["PV being deleted", pv((o) => (o["metadata"].deletionTimestamp = "2006-01-02T15:04:05Z")), []],
    ["PV without claimRef (missing key aborts)", pv((o) => delete o["spec"].claimRef), "error"],
    ["PV Released with Retain policy", pv((o) => ((o["status"].phase = "Released"), (o["spec"].persistentVolumeReclaimPolicy = "Retain"))), []],
    ["PVC already Bound", pvc((o) => (o["status"].phase = "Bound")), []],
    ["PVC without status (missing key aborts)", pvc((o) => delete o["status"]), "error"],
    ["PVC being deleted without volume", pvc((o) => (o["metadata"].deletionTimestamp = "2006-01-02T15:04:05Z")), []],
    ["PVC of another class, without status", pvc((o) => ((o["spec"].storageClassName = "x"), delete o["status"])), []],
  ])("%s", (_name, obj, expected) => {
    expect(matching(stages, obj)).toEqual(expected);
  });
});
