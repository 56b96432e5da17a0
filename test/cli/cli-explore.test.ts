import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/run.js";

const podGeneral = join(import.meta.dirname, "../../../shared/conformance/kwok/pod/general");
const pending = join(podGeneral, "testdata/pod-create.input.yaml");

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
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "stagecraft-explore-"));
  dirs.push(d);
  return d;
}

const jobPod = `apiVersion: v1
kind: Pod
metadata:
  name: job-pod
  ownerReferences: [{apiVersion: batch/v1, kind: Job, name: job, uid: uid}]
spec:
  containers: [{name: container, image: image}]
  nodeName: node
`;

describe("stagecraft explore", () => {
  it("prints the states and the transitions with their operations", async () => {
    const r = await run("explore", podGeneral, "-f", pending);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatchInlineSnapshot(`
      "Pod pod-create: 3 state(s), 2 transition(s)
      States:
        s0      (no phase)
        s1      Pending · ContainersReady=False · Initialized=True · Ready=False · container: waiting (ContainerCreating)
        s2      Running · ContainersReady=True · Initialized=True · Ready=True · container: running  (terminal)
      Transitions:
        s0 → s1  pod-create  delay 1s…5s  weight 1
            event Normal Created: Created container
            patch status (strategic): status.conditions, status.containerStatuses, status.hostIP, status.phase, status.podIP
        s1 → s2  pod-ready  delay 1s…5s  weight 1
            patch status (strategic): status.conditions, status.containerStatuses, status.phase, status.startTime
      "
    `);
  });

  it("-o json gives the exploration of each seed as data", async () => {
    const d = tempDir();
    writeFileSync(join(d, "seeds.yaml"), `${jobPod}---\n${readFileSync(pending, "utf8")}`);
    const r = await run("explore", podGeneral, "-f", join(d, "seeds.yaml"), "-o", "json");
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.out) as { object: { name: string }; states: { id: string; terminal: boolean }[]; edges: { stage: string }[]; truncated: boolean }[];
    expect(reports.map((x) => x.object.name)).toEqual(["job-pod", "pod-create"]);
    expect(reports[0]?.edges.map((e) => e.stage)).toEqual(["pod-create", "pod-ready", "pod-complete"]);
    expect(reports[1]?.states.filter((s) => s.terminal).map((s) => s.id)).toEqual(["s2"]);
    expect(reports.every((x) => !x.truncated)).toBe(true);
  });

  it("says when --max-depth cuts the search short", async () => {
    const r = await run("explore", podGeneral, "-f", pending, "--max-depth", "1");
    expect(r.code).toBe(0);
    expect(r.out).toContain("s1      Pending");
    expect(r.out).toContain("(not expanded: --max-depth)");
    expect(r.out).toContain("! truncated");
  });

  it("reads the seed from stdin", async () => {
    let out = "";
    const code = await main(["explore", podGeneral, "-f", "-", "-o", "json"], { out: (t) => void (out += t), err: () => {}, readStdin: async () => jobPod });
    expect(code).toBe(0);
    expect((JSON.parse(out) as { object: { name: string } }[])[0]?.object.name).toBe("job-pod");
  });

  it("rejects bad usage with exit code 2", async () => {
    expect((await run("explore", podGeneral)).err).toContain("explore needs the seed object: -f SEED.yaml");
    expect((await run("explore", "-f", pending)).code).toBe(2);
    const bad = await run("explore", podGeneral, "-f", pending, "--max-states", "many");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--max-states must be a whole number");
    expect((await run("explore", podGeneral, "-f", pending, "--now", "yesterday")).code).toBe(2);
    expect((await run("explore", "--help")).out).toContain("Usage: stagecraft explore");
  });
});

describe("stagecraft graph", () => {
  function jobSeed(): string {
    const file = join(tempDir(), "job.yaml");
    writeFileSync(file, jobPod);
    return file;
  }

  it("prints a Mermaid flowchart by default", async () => {
    const r = await run("graph", podGeneral, "-f", jobSeed());
    expect(r.code).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "flowchart TB
        s0["(no phase)"]
        s1["Pending<br/>ContainersReady=False · Initialized=True · Ready=False<br/>container: waiting (ContainerCreating)"]
        s2["Running<br/>ContainersReady=True · Initialized=True · Ready=True<br/>container: running"]
        s3["Succeeded<br/>ContainersReady=True · Initialized=True · Ready=True<br/>container: terminated (Completed)"]
        s0 -->|"pod-create<br/>1s…5s"| s1
        s1 -->|"pod-ready<br/>1s…5s"| s2
        s2 -->|"pod-complete<br/>1s…5s"| s3
        classDef seed stroke-width:3px
        class s0 seed
        classDef terminal fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px
        class s3 terminal
      "
    `);
  });

  it("writes DOT to a file with -o", async () => {
    const out = join(tempDir(), "pod.dot");
    const r = await run("graph", podGeneral, "-f", pending, "--format", "dot", "--direction", "LR", "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    const dot = readFileSync(out, "utf8");
    expect(dot).toMatch(/^digraph stagecraft \{\n {2}rankdir=LR;/);
    expect(dot).toContain('"s1" -> "s2" [label="pod-ready\\n1s…5s"];');
  });

  it("renders SVG with @viz-js/viz", async () => {
    const out = join(tempDir(), "pod.svg");
    const r = await run("graph", podGeneral, "-f", pending, "--format", "svg", "-o", out);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg).toContain("<svg");
    expect(svg).toContain("Running");
  });

  it("draws one seed, and checks its options", async () => {
    const d = tempDir();
    writeFileSync(join(d, "two.yaml"), `${jobPod}---\n${jobPod}`);
    const two = await run("graph", podGeneral, "-f", join(d, "two.yaml"));
    expect(two.code).toBe(2);
    expect(two.err).toContain("graph draws one seed object");
    const format = await run("graph", podGeneral, "-f", pending, "--format", "png");
    expect(format.code).toBe(2);
    expect(format.err).toContain("--format must be one of mermaid, dot, svg");
    expect((await run("graph", podGeneral, "-f", pending, "--direction", "up")).code).toBe(2);
  });

  it("warns on stderr when the graph is truncated", async () => {
    const r = await run("graph", podGeneral, "-f", pending, "--max-states", "2");
    expect(r.code).toBe(0);
    expect(r.err).toContain("the graph is truncated");
  });
});
