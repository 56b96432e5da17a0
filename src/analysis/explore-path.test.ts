import { describe, expect, it } from "vitest";
import type { Exploration } from "./explore.js";
import { shortestPath } from "./explore-path.js";

const state = (id: string, phase?: string) => ({ id, projection: phase === undefined ? null : { phase }, depth: 0, terminal: false, example: {} });
const edge = (from: string, to: string, stage: string) => ({ from, to, stage, delay: { min: 0, max: 0 }, operations: [] });

const x: Exploration = {
  states: [state("s0", "Pending"), state("s1", "Running"), state("s2", "Failed"), state("s3", "Succeeded"), { ...state("deleted"), terminal: true, deleted: true }],
  edges: [edge("s0", "s1", "run"), edge("s1", "s1", "heartbeat"), edge("s0", "s2", "crash"), edge("s1", "s3", "finish"), edge("s2", "s3", "retry"), edge("s3", "deleted", "gc")],
  truncated: false,
};

describe("shortestPath", () => {
  it("finds the shortest path by id or predicate, first edges first", () => {
    expect(shortestPath(x, "s3")?.map((e) => e.stage)).toEqual(["run", "finish"]);
    expect(shortestPath(x, (s) => s.deleted === true)?.map((e) => e.stage)).toEqual(["run", "finish", "gc"]);
    expect(shortestPath(x, "s0")).toEqual([]);
  });

  it("returns undefined when nothing matches", () => {
    expect(shortestPath(x, "error")).toBeUndefined();
    expect(shortestPath({ states: [], edges: [], truncated: true }, "s0")).toBeUndefined();
  });
});
