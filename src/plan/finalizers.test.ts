import { describe, expect, it } from "vitest";
import { currentFinalizers, finalizerOperations } from "./finalizers.js";

const f = (add: string[], remove: string[], empty = false) => ({ add, remove, empty });

describe("finalizerOperations (KWOK's finalizers_test.go cases and more)", () => {
  it("empty with no finalizers gives nothing", () => {
    expect(finalizerOperations([], f([], [], true))).toEqual([]);
  });
  it("empty with finalizers removes the whole field", () => {
    expect(finalizerOperations(["a"], f([], [], true))).toEqual([{ op: "remove", path: "/metadata/finalizers" }]);
  });
  it("empty plus add removes the field, then adds the whole list", () => {
    expect(finalizerOperations(["a"], f(["b"], [], true))).toEqual([
      { op: "remove", path: "/metadata/finalizers" },
      { op: "add", path: "/metadata/finalizers", value: ["b"] },
    ]);
  });
  it("removes by index in descending order", () => {
    expect(finalizerOperations(["a", "b", "c"], f([], ["a", "c"]))).toEqual([
      { op: "remove", path: "/metadata/finalizers/2" },
      { op: "remove", path: "/metadata/finalizers/0" },
    ]);
  });
  it("removing every finalizer is one whole-field remove", () => {
    expect(finalizerOperations(["a", "b"], f([], ["a", "b", "z"]))).toEqual([{ op: "remove", path: "/metadata/finalizers" }]);
  });
  it("remove with no current finalizers counts as removing all (0 == 0) and sends nothing", () => {
    expect(finalizerOperations([], f([], ["a"]))).toEqual([]);
    expect(finalizerOperations([], f(["b"], ["a"]))).toEqual([{ op: "add", path: "/metadata/finalizers", value: ["b"] }]);
  });
  it("adds only missing values, appending", () => {
    expect(finalizerOperations(["a"], f(["a", "b"], []))).toEqual([{ op: "add", path: "/metadata/finalizers/-", value: "b" }]);
    expect(finalizerOperations(["a"], f(["a"], []))).toEqual([]);
  });
  it("adds the whole list, duplicates kept, when there is none", () => {
    expect(finalizerOperations([], f(["x", "x", ""], []))).toEqual([{ op: "add", path: "/metadata/finalizers", value: ["x", "x", ""] }]);
  });
  it("removes duplicates by each index, then adds", () => {
    expect(finalizerOperations(["a", "b", "a"], f(["c"], ["a"]))).toEqual([
      { op: "remove", path: "/metadata/finalizers/2" },
      { op: "remove", path: "/metadata/finalizers/0" },
      { op: "add", path: "/metadata/finalizers/-", value: "c" },
    ]);
  });
  it("an add of a value being removed is not re-added when others remain (computed against the original list)", () => {
    expect(finalizerOperations(["a", "b"], f(["a"], ["a"]))).toEqual([{ op: "remove", path: "/metadata/finalizers/0" }]);
  });
  it("does not mutate its inputs", () => {
    const current = Object.freeze(["a"]);
    const spec = Object.freeze({ add: Object.freeze(["b"]), remove: Object.freeze([] as string[]), empty: true });
    const ops = finalizerOperations(current, spec);
    expect(ops[1]?.value).not.toBe(spec.add);
  });
});

describe("currentFinalizers", () => {
  it("reads string finalizers and tolerates anything else", () => {
    expect(currentFinalizers({ metadata: { finalizers: ["a", 1, "b"] } })).toEqual(["a", "b"]);
    expect(currentFinalizers({})).toEqual([]);
    expect(currentFinalizers(null)).toEqual([]);
  });
});
