import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/run.js";

const kwok = join(import.meta.dirname, "../../../shared/conformance/kwok");

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => "" });
  return { code, out, err };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of KWOK's pod/general folder (stages + testdata) in a temporary directory. */
function copyOfPodGeneral(): string {
  const root = mkdtempSync(join(tmpdir(), "stagecraft-test-"));
  dirs.push(root);
  cpSync(join(kwok, "pod/general"), join(root, "pods"), { recursive: true });
  return root;
}

describe("stagecraft test", () => {
  it("passes KWOK's conformance suite with one line per case and a summary", async () => {
    const r = await run("test", kwok, "--exact");
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^(\d+) passed, 0 failed$/);
    expect(lines).toContain("ok      pod/general/pod-ready");
    expect(lines.filter((l) => l.startsWith("ok")).length).toBe(Number(/^(\d+)/.exec(lines.at(-1) ?? "")?.[1]));
  });

  it("fails with a readable diff and exit code 1 when a golden differs", async () => {
    const root = copyOfPodGeneral();
    const golden = join(root, "pods/testdata/pod-delete.output.yaml");
    writeFileSync(golden, readFileSync(golden, "utf8").replace("weight: 1", "weight: 2"));
    const r = await run("test", root);
    expect(r.code).toBe(1);
    expect(r.out).toContain("FAIL    pods/pod-delete: output differs from");
    expect(r.out).toContain("(- golden, + actual)");
    expect(r.out).toContain("-   weight: 2\n    +   weight: 1");
    expect(r.out.trimEnd().split("\n").at(-1)).toBe("6 passed, 1 failed");
  });

  it("passes a reformatted golden with the same data unless --exact", async () => {
    const root = copyOfPodGeneral();
    const golden = join(root, "pods/testdata/pod-delete.output.yaml");
    writeFileSync(golden, "{apiGroup: v1, kind: Pod, name: pod-delete, stages: [{delay: [0], next: [{kind: delete}], stage: pod-delete, weight: 1}]}\n");
    const r = await run("test", root);
    expect(r.code).toBe(0);
    expect(r.out).toContain("ok      pods/pod-delete (same data, different formatting)");
    expect((await run("test", root, "--exact")).code).toBe(1);
  });

  it("--update writes missing and differing goldens, which then pass", async () => {
    const root = copyOfPodGeneral();
    const golden = join(root, "pods/testdata/pod-ready.output.yaml");
    const expected = readFileSync(golden, "utf8");
    rmSync(golden);
    const missing = await run("test", root);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("no golden file");
    const updated = await run("test", root, "--update");
    expect(updated.code).toBe(0);
    expect(updated.out).toContain("updated pods/pod-ready");
    expect(readFileSync(golden, "utf8")).toBe(expected);
    expect((await run("test", root, "--exact")).code).toBe(0);
  });

  it("reports a case whose stages fail to render as an error", async () => {
    const root = copyOfPodGeneral();
    mkdirSync(join(root, "pods/testdata"), { recursive: true });
    // pod-ready indexes status.containerStatuses, which this pod lacks: KWOK's harness fails too
    writeFileSync(
      join(root, "pods/testdata/broken.input.yaml"),
      "apiVersion: v1\nkind: Pod\nmetadata: {name: broken}\nspec:\n  nodeName: node\n  containers: [{name: c, image: i}]\nstatus:\n  phase: Pending\n  conditions:\n  - {type: PodScheduled, status: 'True'}\n  - {type: Initialized, status: 'True'}\n",
    );
    const r = await run("test", root, "-o", "json");
    const report = JSON.parse(r.out) as { passed: number; failed: number; results: { status: string; case: { name: string }; message?: string }[] };
    const broken = report.results.find((x) => x.case.name === "pods/broken");
    expect(r.code).toBe(1);
    expect(broken?.status).toBe("error");
    expect(report.failed).toBe(1);
  });

  it("is a usage error without a folder, and an input error for a folder without cases", async () => {
    expect((await run("test")).code).toBe(2);
    const empty = mkdtempSync(join(tmpdir(), "stagecraft-empty-"));
    dirs.push(empty);
    const r = await run("test", empty);
    expect(r.code).toBe(2);
    expect(r.err).toContain("no test cases");
  });
});
