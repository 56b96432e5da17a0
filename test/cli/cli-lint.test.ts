import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/run.js";

const kwok = join(import.meta.dirname, "../../../shared/conformance/kwok");
const fixtures = join(import.meta.dirname, "../fixtures/lint");

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

describe("stagecraft lint", () => {
  it("exits 1 and prints one line per finding on kwok#1002", async () => {
    const r = await run("lint", join(fixtures, "kwok-1002.yaml"), join(fixtures, "nodes.yaml"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^error {3}phase-regression \[pod-create\]: stage pod-create sends the pod backwards: phase Running → Pending .*\(path: pod-create → pod-ready → pod-create\) — narrow the selector/m);
  });

  it("exits 0 on KWOK's pod/general + node/fast (warnings are printed)", async () => {
    const r = await run("lint", join(kwok, "pod/general"), join(kwok, "node/fast"));
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/^error/m);
  });

  it("prints JSON findings with -o json and takes seeds from --seed", async () => {
    const d = mkdtempSync(join(tmpdir(), "stagecraft-lint-"));
    dirs.push(d);
    const seed = join(d, "seed.yaml");
    writeFileSync(seed, "apiVersion: v1\nkind: Pod\nmetadata: {name: done}\nspec: {containers: [{name: c, image: i}]}\nstatus: {phase: Succeeded, podIP: 10.0.0.1}\n");
    const r = await run("lint", join(fixtures, "kwok-1509.yaml"), join(fixtures, "nodes.yaml"), "--seed", seed, "-o", "json");
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as { rule: string; stages: string[]; path?: string[] }[];
    expect(findings[0]).toMatchObject({ rule: "phase-regression", stages: ["pod-ready"], path: ["pod-ready"] });
  });

  it("says so when there is nothing to report, and shows its help", async () => {
    const r = await run("lint", join(fixtures, "nodes.yaml"));
    expect(r).toMatchObject({ code: 0, out: "no findings\n" });
    expect((await run("lint", "--help")).out).toContain("zero-delay-cycle");
    expect((await run("--help")).out).toContain("lint STAGES...");
  });

  it("exits 2 without stage files or with an unreadable seed", async () => {
    expect((await run("lint")).code).toBe(2);
    expect((await run("lint", join(fixtures, "nodes.yaml"), "--seed", join(fixtures, "missing.yaml"))).code).toBe(2);
  });
});
