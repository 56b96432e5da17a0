import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/run.js";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => "" });
  return { code, out, err };
}

describe("stagecraft simulate", () => {
  it("drives generated nodes and pods to Running on the fast preset and prints the timeline", async () => {
    const r = await run("simulate", "--nodes", "2", "--pods", "3", "--until", "1m");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Node node-0 +applied/);
    expect(r.out).toMatch(/stopped after 60\.000s of virtual time/);
    for (const name of ["node-0", "node-1"]) expect(r.out).toMatch(new RegExp(`Node +${name} +Running +True`));
    for (const name of ["pod-0", "pod-1", "pod-2"]) expect(r.out).toMatch(new RegExp(`Pod +default/${name} +Running +True`));
  });

  it("is deterministic for a seed, and the seed matters", async () => {
    const a = await run("simulate", "--stages", "general", "--pods", "5", "--seed", "3", "--until", "30s", "-o", "json");
    const b = await run("simulate", "--stages", "general", "--pods", "5", "--seed", "3", "--until", "30s", "-o", "json");
    const c = await run("simulate", "--stages", "general", "--pods", "5", "--seed", "4", "--until", "30s", "-o", "json");
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
    const report = JSON.parse(a.out) as { history: { kind: string }[]; objects: { kind: string; phase?: string }[] };
    expect(report.objects.filter((o) => o.kind === "Pod").every((o) => o.phase === "Running")).toBe(true);
  });

  it("creates objects from a file and reads stage folders", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-sim-"));
    try {
      writeFileSync(
        join(dir, "objects.yaml"),
        "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: default}\nspec: {nodeName: n1, containers: [{name: c, image: i}]}\n",
      );
      const r = await run("simulate", "--stages", join(import.meta.dirname, "../../../shared/conformance/kwok/node/fast"), "--stages", join(import.meta.dirname, "../../../shared/conformance/kwok/pod/general"), "-f", join(dir, "objects.yaml"), "--until", "1m", "-o", "yaml");
      expect(r.code).toBe(0);
      expect(r.out).toContain("stage: pod-ready");
      expect(r.out).toMatch(/name: web\n\s+namespace: default\n\s+phase: Running/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("binds unbound pods with --scheduler and keeps node leases with --node-lease", async () => {
    const r = await run("simulate", "--nodes", "1", "--pods", "2", "--scheduler", "--node-lease", "40", "--until", "30s", "--all", "-o", "json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { history: { kind: string; stage?: string; operation?: string }[]; objects: { kind: string; phase?: string }[] };
    expect(report.history.filter((e) => e.stage === "scheduler" && e.operation === "bind to node-0")).toHaveLength(2);
    expect(report.objects.filter((o) => o.kind === "Pod").map((o) => o.phase)).toEqual(["Running", "Running"]);
  });

  it("rejects bad options with usage errors", async () => {
    expect((await run("simulate", "--nodes", "1", "--node-lease", "0")).code).toBe(2);
    expect((await run("simulate", "--nodes", "1", "--pending-jobs", "maybe")).code).toBe(2);
    expect((await run("simulate", "--pods", "x")).code).toBe(2);
    expect((await run("simulate", "--until", "forever", "--nodes", "1")).code).toBe(2);
    expect((await run("simulate")).code).toBe(2);
    expect((await run("simulate", "--stages", "no-such-preset-or-dir", "--nodes", "1")).code).toBe(2);
  });
});
