import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../src/index.js";
import { loadStageFiles } from "../../src/node.js";

// KWOK's own Stage files, read in place from ../shared (never copied into the repo).
const root = join(import.meta.dirname, "../../../shared/conformance/kwok");

function stageFolders(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (!statSync(full).isDirectory() || name === "testdata") continue;
    if (readdirSync(full).some((f) => f.endsWith(".yaml"))) out.push(full);
    out.push(...stageFolders(full));
  }
  return out;
}

describe.runIf(existsSync(root) || process.env.CI)("KWOK's stage files", () => {
  const folders = existsSync(root) ? stageFolders(root) : [];

  it("finds the stage folders", () => {
    expect(folders.length).toBeGreaterThanOrEqual(6);
  });

  it.each(folders.map((f) => [f.slice(root.length + 1), f]))("%s loads with zero issues", (_name, folder) => {
    const result = loadStageFiles(folder);
    expect(formatIssues(result.issues)).toBe("");
    expect(result.ok).toBe(true);
    expect(result.stages.length).toBeGreaterThan(0);
  });

  it("reports the StorageClass and kustomizations as ignored, not as errors", () => {
    const result = loadStageFiles(join(root, "volume/fast"));
    expect(result.ignored.map((d) => `${d.kind}/${d.name}`)).toEqual(["StorageClass/kwok-volume"]);
    expect(result.stages.map((s) => s.name)).toEqual(["pv-bind", "pv-delete", "pvc-delete", "pvc-provision"]);
  });

  it("loads the whole tree recursively, skipping testdata", () => {
    const result = loadStageFiles(root, { recursive: true });
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.stages.length).toBe(15);
  });

  it("converts legacy next into steps in KWOK's order", () => {
    const { stages } = loadStageFiles(join(root, "pod/general"));
    const create = stages.find((s) => s.name === "pod-create");
    expect(create?.steps.map((s) => Object.keys(s)[0])).toEqual(["event", "patch"]);
    expect(create?.steps[1]?.patch).toMatchObject({ subresource: "status", root: "status" });
    const del = stages.find((s) => s.name === "pod-delete");
    expect(del?.steps).toEqual([{ delete: true }]);
    expect(del?.delay?.jitterDurationFrom).toEqual({ language: "jq", expression: ".metadata.deletionTimestamp" });
  });
});
