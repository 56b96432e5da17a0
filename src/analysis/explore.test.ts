import { describe, expect, it } from "vitest";
import { compileLifecycle } from "../plan/compile-lifecycle.js";
import { loadStagesOrThrow } from "../stage/load.js";
import { goFunction } from "../template/exec/function-map.js";
import { canonicalJson, defaultProjection } from "./explore-projection.js";
import { explore, exploreAsync } from "./explore.js";

function stage(name: string, selector: string, next: string, extra = ""): string {
  return `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: ${name}}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector: ${selector}
${extra}  next: ${next}
`;
}

const pending = "{matchExpressions: [{key: .status.phase, operator: In, values: [Pending]}, {key: .metadata.deletionTimestamp, operator: DoesNotExist}]}";
const running = "{matchExpressions: [{key: .status.phase, operator: In, values: [Running]}, {key: .metadata.deletionTimestamp, operator: DoesNotExist}]}";
const deleting = "{matchExpressions: [{key: .metadata.deletionTimestamp, operator: Exists}]}";

const text = [
  stage("pod-run", pending, '{statusTemplate: "phase: Running\\nconditions: [{type: Ready, status: \\"True\\"}]"}', "  delay: {durationMilliseconds: 1000, jitterDurationMilliseconds: 5000}\n"),
  stage("pod-succeed", running, '{statusTemplate: "phase: Succeeded"}', "  weight: 1\n"),
  stage("pod-fail", running, '{statusTemplate: "phase: Failed"}', "  weight: 1\n"),
  stage("pod-delete", deleting, "{delete: true}"),
].join("---\n");
const lifecycle = compileLifecycle(loadStagesOrThrow({ text }));
const seed = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, status: { phase: "Pending" } };

describe("explore", () => {
  it("finds every reachable state breadth-first, with terminal states and edges", () => {
    const x = explore(seed, lifecycle);
    expect(x.truncated).toBe(false);
    expect(x.states.map((s) => [s.id, s.depth, s.terminal, (s.projection as { phase?: string }).phase])).toEqual([
      ["s0", 0, false, "Pending"],
      ["s1", 1, false, "Running"],
      ["s2", 2, true, "Succeeded"],
      ["s3", 2, true, "Failed"],
    ]);
    expect(x.edges.map((e) => `${e.from} -${e.stage}-> ${e.to}`)).toEqual(["s0 -pod-run-> s1", "s1 -pod-succeed-> s2", "s1 -pod-fail-> s3"]);
    expect(x.edges[0]).toMatchObject({ delay: { min: 1e9, max: 5e9 }, operations: ["patch status (merge): status.conditions, status.phase"] });
    expect(x.edges[1]).toMatchObject({ weight: 1, delay: { min: 0, max: 0 } });
    expect(x.states[1]?.example).toMatchObject({ status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } });
  });

  it("leads delete operations to the deleted pseudo-state", () => {
    const x = explore({ ...seed, metadata: { name: "p", deletionTimestamp: "2006-01-02T15:04:05Z" } }, lifecycle);
    expect(x.states.map((s) => [s.id, s.terminal, s.deleted])).toEqual([
      ["s0", false, undefined],
      ["deleted", true, true],
    ]);
    expect(x.edges).toEqual([{ from: "s0", to: "deleted", stage: "pod-delete", delay: { min: 0, max: 0 }, weight: 0, operations: ["delete"] }]);
  });

  it("turns stage failures into edges to the error pseudo-state, never a throw", () => {
    const broken = compileLifecycle(
      loadStagesOrThrow({
        text: [
          stage("bad-template", pending, '{statusTemplate: "phase: {{ index .status.conditions 3 }}"}'),
          stage("bad-patch", pending, '{patches: [{subresource: status, type: json, template: "[{op: remove, path: /status/nope}]"}]}'),
        ].join("---\n"),
      }),
    );
    const x = explore(seed, broken);
    expect(x.states.map((s) => s.id)).toEqual(["s0", "error"]);
    expect(x.edges.map((e) => [e.stage, e.to])).toEqual([
      ["bad-template", "error"],
      ["bad-patch", "error"],
    ]);
    expect(x.edges[0]?.error).toMatch(/index/);
    expect(x.edges[1]?.error).toMatch(/nope|path/);
  });

  it("stops at maxDepth and maxStates and says so", () => {
    const shallow = explore(seed, lifecycle, { maxDepth: 1 });
    expect(shallow.truncated).toBe(true);
    expect(shallow.states.map((s) => [s.id, s.unexplored])).toEqual([
      ["s0", undefined],
      ["s1", true],
    ]);
    const few = explore(seed, lifecycle, { maxStates: 3 });
    expect(few.truncated).toBe(true);
    expect(few.states).toHaveLength(3);
    expect(few.edges.map((e) => e.to)).toEqual(["s1", "s2"]);
    expect(explore(seed, lifecycle, { maxStates: 0 })).toEqual({ states: [], edges: [], truncated: true });
    expect(() => explore(seed, lifecycle, { maxDepth: -1 })).toThrow(/maxDepth/);
  });

  it("merges objects with equal projections and allows a custom projection", () => {
    const x = explore(seed, lifecycle, { project: (o) => ((o as { status?: { phase?: string } }).status?.phase === "Pending" ? "waiting" : "done") });
    expect(x.states.map((s) => s.projection)).toEqual(["waiting", "done"]);
    expect(x.edges.map((e) => `${e.from}->${e.to}`)).toEqual(["s0->s1", "s1->s1", "s1->s1"]);
  });

  it("renders with placeholder functions and a fixed clock unless told otherwise, and marks immediateNextStage", () => {
    const ip = compileLifecycle(
      loadStagesOrThrow({ text: stage("ip", pending, '{statusTemplate: "phase: Running\\npodIP: {{ PodIP }}\\nstartTime: {{ Now }}"}', "  immediateNextStage: true\n") }),
    );
    const placeholders = explore(seed, ip).states[1]?.example as { status: Record<string, unknown> };
    expect(placeholders.status).toMatchObject({ podIP: "<PodIP>", startTime: "<Now>" });
    const own = explore(seed, ip, { functions: { PodIP: goFunction([], () => "10.0.0.9"), Now: goFunction([], () => "then") } }).states[1]?.example as typeof placeholders;
    expect(own.status).toMatchObject({ podIP: "10.0.0.9", startTime: "then" });
    expect(explore(seed, ip).edges[0]?.immediate).toBe(true);
    expect(explore(seed, lifecycle).edges[0]?.immediate).toBeUndefined();
  });

  it("does not modify the seed", () => {
    const frozen = structuredClone(seed);
    const x = explore(seed, lifecycle);
    expect(seed).toEqual(frozen);
    expect(x.states[0]?.example).not.toBe(seed);
  });

  it("returns plain JSON data", () => {
    const x = explore(seed, lifecycle);
    expect(JSON.parse(JSON.stringify(x))).toEqual(x);
  });

  it("exploreAsync agrees with explore and handles JSONata lifecycles", async () => {
    expect(await exploreAsync(seed, lifecycle)).toEqual(explore(seed, lifecycle));
    const jsonata = compileLifecycle(
      loadStagesOrThrow({ text: stage("j", "{matchExpressions: [{jsonata: {expression: \"status.phase = 'Pending'\"}}]}", '{statusTemplate: "phase: Running"}') }),
    );
    expect(() => explore(seed, jsonata)).toThrow(/Async/);
    const x = await exploreAsync(seed, jsonata);
    expect(x.edges.map((e) => `${e.from} -${e.stage}-> ${e.to}`)).toEqual(["s0 -j-> s1"]);
  });
});

describe("defaultProjection", () => {
  it("keeps a Pod's phase, conditions, container states and deletion", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", deletionTimestamp: "x" },
      status: {
        phase: "Running",
        podIP: "10.0.0.1",
        conditions: [
          { type: "Ready", status: "True", lastTransitionTime: "t" },
          { type: "Initialized", status: "True" },
        ],
        containerStatuses: [{ name: "c", state: { terminated: { reason: "Completed", exitCode: 0 } } }],
      },
    };
    expect(defaultProjection(pod)).toEqual({
      phase: "Running",
      conditions: [
        { type: "Initialized", status: "True" },
        { type: "Ready", status: "True" },
      ],
      containers: [{ name: "c", state: "terminated", reason: "Completed" }],
      deleting: true,
    });
  });

  it("keeps a Node's conditions, taints and unschedulable; other kinds' status", () => {
    const node = { apiVersion: "v1", kind: "Node", spec: { taints: [{ key: "k", value: "v", effect: "NoSchedule" }] }, status: { conditions: [{ type: "Ready", status: "False", reason: "x" }] } };
    expect(defaultProjection(node)).toEqual({ conditions: [{ type: "Ready", status: "False" }], taints: [{ key: "k", effect: "NoSchedule" }], unschedulable: false });
    expect(defaultProjection({ apiVersion: "apps/v1", kind: "Deployment", status: { replicas: 1 } })).toEqual({ replicas: 1 });
    expect(defaultProjection({ apiVersion: "apps/v1", kind: "Deployment" })).toBeNull();
  });

  it("canonicalJson sorts keys at every level", () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2n }], a: undefined, e: null })).toBe('{"b":[{"c":2,"d":1}],"e":null}');
  });
});
