import { describe, expect, it } from "vitest";
import { indexIn, normalizeElementOrder, partitionMaps, partitionPrimitives } from "./element-order.js";

describe("normalizeElementOrder", () => {
  it("puts new patch items first and interleaves server-only items by live order", () => {
    // live [a, b, c], patch [d, b]: d is new, b and d keep the patch order, a and c the live one
    expect(normalizeElementOrder(["b", "d"], ["a", "c"], ["d", "b"], ["a", "b", "c"], "", "string", "t")).toEqual(["d", "a", "b", "c"]);
  });

  it("orders maps by merge key and keeps $patch: delete items last", () => {
    const a = { type: "A" };
    const b = { type: "B" };
    expect(normalizeElementOrder([b, a], [], [a, b], [], "type", "object", "t")).toEqual([a, b]);
    const del = { type: "X", $patch: "delete" };
    expect(normalizeElementOrder([del, a], [], [a], [], "type", "object", "t")).toEqual([a, del]);
  });

  it("requires the merge key on every map", () => {
    expect(() => normalizeElementOrder([{ name: "a" }], [], [], [], "type", "object", "t")).toThrow(/merge key/);
  });
});

describe("partitions and index", () => {
  it("partitions by presence", () => {
    expect(partitionPrimitives(["a", "b", "c"], ["c", "a"])).toEqual([["a", "c"], ["b"]]);
    expect(partitionMaps([{ k: 1 }, { k: 2 }], [{ k: 2 }], "k", "t")).toEqual([[{ k: 2 }], [{ k: 1 }]]);
  });

  it("finds items by merge key value", () => {
    expect(indexIn([{ k: "a" }, { k: "b" }], { k: "b", x: 1 }, "k", "object")).toBe(1);
    expect(indexIn(["a", "b"], "c", "", "string")).toBe(-1);
  });
});
