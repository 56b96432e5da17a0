import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../errors.js";
import { deepFreeze } from "../deep-freeze.fixture.js";
import { mergeList } from "./merge-list.js";

const ctx = (mergeKey: string, isDeleteList = false) => ({ mergeKey, type: undefined, isDeleteList, where: "t" });
const invalid = expect.objectContaining({ code: ErrorCode.PatchInvalid });

describe("mergeList", () => {
  it("merges scalars as a set", () => {
    expect(mergeList(deepFreeze(["a", "b", "a"]), deepFreeze(["c", "b"]), ctx(""))).toEqual(["c", "a", "b"]);
  });

  it("removes scalars for $deleteFromPrimitiveList, keeping the live order", () => {
    expect(mergeList(deepFreeze(["a", "b", "c", "b"]), deepFreeze(["b"]), ctx("", true))).toEqual(["a", "c"]);
  });

  it("merges maps by key and appends new ones (unchanged)", () => {
    const added = deepFreeze({ name: "c", x: null });
    expect(mergeList(deepFreeze([{ name: "a", v: 1 }, { name: "b" }]), [{ name: "a", v: 2, w: null }, added], ctx("name"))).toEqual([
      { name: "a", v: 2 },
      { name: "c", x: null },
      { name: "b" },
    ]);
  });

  it("honours $patch: delete (every match) and replace", () => {
    expect(mergeList(deepFreeze([{ k: 1 }, { k: 2 }, { k: 1 }]), deepFreeze([{ k: 1, $patch: "delete" }]), ctx("k"))).toEqual([{ k: 2 }]);
    expect(mergeList(deepFreeze([{ k: 1 }, { k: 2 }]), deepFreeze([{ k: 3 }, { $patch: "replace" }]), ctx("k"))).toEqual([{ k: 3 }]);
  });

  it("rejects what apimachinery rejects", () => {
    expect(() => mergeList([{ k: 1 }], [{ j: 1 }], ctx("k"))).toThrow(invalid);
    expect(() => mergeList([{ k: 1 }], [{ k: 1 }], ctx(""))).toThrow(invalid);
    expect(() => mergeList(["a"], [1], ctx(""))).toThrow(invalid);
    expect(() => mergeList([["a"]], [], ctx(""))).toThrow(invalid);
    expect(() => mergeList([{ k: 1 }], [{ k: 1, $patch: "merge" }], ctx("k"))).toThrow(invalid);
  });

  it("returns the live list when both are empty", () => {
    const live = deepFreeze([]);
    expect(mergeList(live, [], ctx("k"))).toBe(live);
  });
});
