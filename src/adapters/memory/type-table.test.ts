import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../store/types.js";
import { TypeTable } from "./type-table.js";

const object = { apiVersion: "v1", kind: "Pod", metadata: { name: "a" } } as KubeObject;

describe("TypeTable history", () => {
  it("keeps the last `limit` changes and reports older starts as gone", () => {
    const table = new TypeTable({ apiVersion: "v1", kind: "Pod" }, false, 3, 0);
    for (let rv = 1; rv <= 5; rv++) table.record({ rv, type: "MODIFIED", object, prev: object });
    expect(table.since(1)).toBeUndefined();
    expect(table.since(2)?.map((c) => c.rv)).toEqual([3, 4, 5]);
    expect(table.since(4)?.map((c) => c.rv)).toEqual([5]);
    expect(table.since(9)).toEqual([]);
    expect(table.floor).toBe(2);
  });

  it("compacts its array without losing order", () => {
    const table = new TypeTable({ apiVersion: "v1", kind: "Pod" }, false, 10, 0);
    for (let rv = 1; rv <= 5000; rv++) table.record({ rv, type: "MODIFIED", object, prev: object });
    expect(table.since(4990)?.map((c) => c.rv)).toEqual([4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998, 4999, 5000]);
  });

  it("forgets everything on restore", () => {
    const table = new TypeTable({ apiVersion: "v1", kind: "Pod" }, false, 10, 0);
    table.record({ rv: 1, type: "ADDED", object, prev: undefined });
    table.forget(7);
    expect(table.since(3)).toBeUndefined();
    expect(table.since(7)).toEqual([]);
  });
});
