import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileLifecycle, type Exploration, explore, loadPreset, parseYamlDocuments, shortestPath } from "../../src/index.js";
import { loadStageFiles } from "../../src/node.js";

const kwok = join(import.meta.dirname, "../../../shared/conformance/kwok");

function seedOf(file: string): Record<string, unknown> {
  const doc = parseYamlDocuments(readFileSync(join(kwok, file), "utf8")).documents[0];
  return doc?.value as Record<string, unknown>;
}

function kwokLifecycle(set: string) {
  const loaded = loadStageFiles(join(kwok, set));
  if (!loaded.ok) throw new Error(`cannot load ${set}`);
  return compileLifecycle(loaded.stages, { defaultPatchType: "controller" });
}

const pending = seedOf("pod/general/testdata/pod-create.input.yaml");
const withInit = seedOf("pod/general/testdata/pod-create-with-init.input.yaml");
const jobPod = { ...pending, metadata: { name: "job-pod", ownerReferences: [{ apiVersion: "batch/v1", kind: "Job", name: "job", uid: "uid" }] } };
const deleting = { ...pending, metadata: { name: "gone", deletionTimestamp: "2006-01-02T15:04:05Z" } };

/** `from-phase -stage-> to-phase` for every edge (phases of the states' projections, or the pseudo-state). */
function path(x: Exploration): string[] {
  const label = (id: string) => {
    const s = x.states.find((st) => st.id === id);
    return (s?.projection as { phase?: string } | null)?.phase ?? (s?.deleted ? "deleted" : s?.error ? "error" : "(none)");
  };
  return x.edges.map((e) => `${label(e.from)} -${e.stage}-> ${label(e.to)}`);
}

const cases = [
  {
    name: "KWOK pod/general",
    lifecycle: () => kwokLifecycle("pod/general"),
    stages: { create: "pod-create", initRunning: "pod-init-container-running", initDone: "pod-init-container-completed", ready: "pod-ready", complete: "pod-complete", delete: "pod-delete" },
  },
  {
    name: "the general preset",
    lifecycle: () => compileLifecycle(loadPreset("general"), { defaultPatchType: "controller" }),
    stages: { create: "pod-accepted", initRunning: "pod-init-running", initDone: "pod-init-done", ready: "pod-running", complete: "pod-succeeded", delete: "pod-removed" },
  },
];

describe.each(cases)("explore on $name", ({ lifecycle: make, stages: s }) => {
  const lifecycle = make();

  it("takes a pending pod to Running, where it stays", () => {
    const x = explore(pending, lifecycle);
    expect(x.truncated).toBe(false);
    expect(path(x)).toEqual([`(none) -${s.create}-> Pending`, `Pending -${s.ready}-> Running`]);
    const end = x.states.filter((st) => st.terminal);
    expect(end.map((st) => st.projection)).toEqual([
      {
        phase: "Running",
        conditions: [
          { type: "ContainersReady", status: "True" },
          { type: "Initialized", status: "True" },
          { type: "Ready", status: "True" },
        ],
        containers: [{ name: "container", state: "running" }],
        deleting: false,
      },
    ]);
    expect(x.edges.every((e) => e.delay.min === 1e9 && e.delay.max === 5e9)).toBe(true);
  });

  it("runs init containers first", () => {
    expect(path(explore(withInit, lifecycle))).toEqual([
      `(none) -${s.create}-> Pending`,
      `Pending -${s.initRunning}-> Pending`,
      `Pending -${s.initDone}-> Pending`,
      `Pending -${s.ready}-> Running`,
    ]);
  });

  it("finishes a Job's pod: Succeeded", () => {
    const x = explore(jobPod, lifecycle);
    expect(path(x)).toEqual([`(none) -${s.create}-> Pending`, `Pending -${s.ready}-> Running`, `Running -${s.complete}-> Succeeded`]);
    expect(x.states.filter((st) => st.terminal).map((st) => (st.projection as { phase: string }).phase)).toEqual(["Succeeded"]);
    expect(shortestPath(x, (st) => (st.projection as { phase?: string }).phase === "Succeeded")?.map((e) => e.stage)).toEqual([s.create, s.ready, s.complete]);
    expect(shortestPath(x, "deleted")).toBeUndefined();
  });

  it("deletes a pod with a deletionTimestamp", () => {
    const x = explore(deleting, lifecycle);
    expect(path(x)).toEqual([`(none) -${s.delete}-> deleted`]);
    expect(x.states.at(-1)).toMatchObject({ id: "deleted", terminal: true, deleted: true });
  });
});

describe("explore's clock", () => {
  it("is fixed at 2006-01-02T15:04:05Z: KWOK's pod-delete waits until the deletionTimestamp", () => {
    const later = { ...pending, metadata: { name: "gone", deletionTimestamp: "2006-01-02T15:04:35Z" } };
    const lifecycle = kwokLifecycle("pod/general");
    expect(explore(later, lifecycle).edges[0]?.delay).toEqual({ min: 1e9, max: 30e9 });
    expect(explore(later, lifecycle, { now: new Date("2006-01-02T15:04:25Z") }).edges[0]?.delay).toEqual({ min: 1e9, max: 10e9 });
  });
});

describe("explore on KWOK node sets", () => {
  const node = seedOf("node/fast/testdata/node-pending.input.yaml");

  it("node/fast makes a node Ready", () => {
    const x = explore(node, kwokLifecycle("node/fast"));
    const end = x.states.filter((st) => st.terminal);
    expect(end).toHaveLength(1);
    expect((end[0]?.projection as { conditions: { type: string; status: string }[] }).conditions).toContainEqual({ type: "Ready", status: "True" });
  });

  it("node/heartbeat loops on a Ready node (a self-edge, no terminal state)", () => {
    const ready = explore(node, kwokLifecycle("node/fast")).states.find((st) => st.terminal)?.example;
    const x = explore(ready, kwokLifecycle("node/heartbeat"));
    expect(x.states.filter((st) => st.terminal)).toEqual([]);
    expect(x.edges.some((e) => e.from === e.to)).toBe(true);
  });
});
