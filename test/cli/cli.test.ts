import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/run.js";

const repo = join(import.meta.dirname, "../..");
const kwok = join(repo, "../shared/conformance/kwok");
const fixtures = join(repo, "test/fixtures/broken-stages");

async function run(...args: string[]) {
  return runWithStdin("", ...args);
}

async function runWithStdin(stdin: string, ...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => stdin });
  return { code, out, err };
}

describe("stagecraft CLI", () => {
  it("--version prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { version: string };
    expect(await run("--version")).toEqual({ code: 0, out: `${pkg.version}\n`, err: "" });
  });

  it("--help lists the commands; no command is a usage error (2)", async () => {
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/validate PATH/);
    expect(help.out).toMatch(/explain STAGES/);
    expect((await run()).code).toBe(2);
  });

  it("an unknown command or option is a usage error with a hint", async () => {
    const r = await run("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toBe("stagecraft: unknown command \"frobnicate\"\nRun 'stagecraft --help' for usage.\n");
    expect((await run("validate", "--nope", "x")).code).toBe(2);
  });

  it("validate exits 2 with file:line:column, code and path for a broken file", async () => {
    const r = await run("validate", join(fixtures, "invalid-operator.yaml"));
    expect(r.code).toBe(2);
    expect(r.out).toContain("invalid-operator.yaml:12:17: error E_INVALID_OPERATOR spec.selector.matchExpressions[0].operator:");
    expect(r.out).toMatch(/invalid: 0 stage\(s\), 0 ignored document\(s\), 1 error\(s\), 0 warning\(s\)\n$/);
  });

  it("validate reads stages from standard input with -", async () => {
    const text = readFileSync(join(fixtures, "weight-negative.yaml"), "utf8");
    const r = await runWithStdin(text, "validate", "-");
    expect(r.code).toBe(2);
    expect(r.out).toContain("<stdin>:10:11: error E_INVALID_VALUE spec.weight: weight cannot be negative");
  });

  it("validate reports a missing path as an I/O error", async () => {
    const r = await run("validate", join(fixtures, "does-not-exist.yaml"));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/error E_IO: cannot read .*does-not-exist\.yaml: no such file or folder/);
  });

  describe.runIf(existsSync(kwok))("on KWOK's files", () => {
    it("validate succeeds and lists the StorageClass as ignored", async () => {
      const r = await run("validate", join(kwok, "volume/fast"));
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/storage-class\.yaml:1:1: ignored StorageClass kwok-volume: not a Stage/);
      expect(r.out).toMatch(/ok: 4 stage\(s\), 1 ignored document\(s\), 0 error\(s\), 0 warning\(s\)/);
    });

    it("match explains which pod/general stage applies to a pending pod", async () => {
      const r = await run("match", join(kwok, "pod/general"), "-f", join(kwok, "pod/general/testdata/pod-ready.input.yaml"), "--now", "2006-01-02T15:04:05Z");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/✓ pod-ready {2}weight 1 {2}delay 1s\.\.\.5s/);
      expect(r.out).toMatch(/✗ pod-create\n/);
    });

    it("explain adds findings: stages for the kind under another apiGroup", async () => {
      const r = await runWithStdin("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n", "explain", join(kwok, "pod/general"), "-f", "-");
      expect(r.code).toBe(0);
      expect(r.out).toContain("Deployment d (apiVersion apps/v1)");
      expect(r.out).toContain("! no-stages-for-kind: no stage has resourceRef {apiGroup: apps/v1, kind: Deployment}");
    });

    it("match -o json is machine-readable", async () => {
      const r = await run("match", join(kwok, "pod/general"), "-f", join(kwok, "pod/general/testdata/pod-delete.input.yaml"), "-o", "json", "--now", "2006-01-02T15:04:05Z");
      const reports = JSON.parse(r.out) as { stages: { stage: string; matched: boolean; delay?: { value: number[] } }[] }[];
      const matched = reports[0]?.stages.filter((s) => s.matched);
      expect(matched?.map((s) => [s.stage, s.delay?.value])).toEqual([["pod-delete", [0]]]);
    });
  });

  it.runIf(existsSync(join(repo, "dist/cli/main.js")))("the built bin runs with a shebang", () => {
    const r = spawnSync(join(repo, "dist/cli/main.js"), ["--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
