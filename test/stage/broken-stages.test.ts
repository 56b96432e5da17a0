import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatPath } from "../../src/index.js";
import { loadStageFiles } from "../../src/node.js";

// Each fixture is a Stage file with one kind of mistake; `<case>.issues.txt` pins the issues it
// must produce, one per line: `line:column severity code path`. Regenerate with UPDATE_GOLDEN=1
// (never in CI) and review the diff.
const dir = join(import.meta.dirname, "../fixtures/broken-stages");
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.slice(0, -".yaml".length));

function render(file: string): string {
  const result = loadStageFiles(file);
  return result.issues
    .filter((i) => i.severity !== "info")
    .map((i) => `${i.location?.line}:${i.location?.column} ${i.severity} ${i.code} ${formatPath(i.path)}`.trimEnd())
    .join("\n");
}

describe("broken stage files", () => {
  it("has at least 20 kinds of mistakes", () => {
    const codes = new Set(cases.map((c) => readFileSync(join(dir, `${c}.issues.txt`), "utf8").split("\n")[0]?.split(" ")[2]));
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(codes.size).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)("%s", (name) => {
    const actual = render(join(dir, `${name}.yaml`));
    const expectedFile = join(dir, `${name}.issues.txt`);
    if (process.env.UPDATE_GOLDEN === "1" && !process.env.CI) writeFileSync(expectedFile, `${actual}\n`);
    expect(existsSync(expectedFile), `${expectedFile} is missing`).toBe(true);
    expect(actual).toBe(readFileSync(expectedFile, "utf8").trimEnd());
  });

  it("fails the load for every error fixture and keeps no stage", () => {
    for (const name of cases.filter((c) => !c.startsWith("warning-"))) {
      const result = loadStageFiles(join(dir, `${name}.yaml`));
      expect(result.ok, name).toBe(false);
      expect(result.stages, name).toEqual([]);
    }
  });

  it("accepts every warning fixture", () => {
    for (const name of cases.filter((c) => c.startsWith("warning-"))) {
      const result = loadStageFiles(join(dir, `${name}.yaml`));
      expect(result.ok, name).toBe(true);
      expect(result.stages.length, name).toBe(1);
    }
  });
});
