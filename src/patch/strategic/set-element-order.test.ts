import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../errors.js";
import type { MutableJsonObject } from "../json.js";
import { applySetElementOrder, directiveTarget } from "./set-element-order.js";

describe("applySetElementOrder", () => {
  it("merges the field and orders it by the directive, removing the field from the patch", () => {
    const out: MutableJsonObject = { list: ["a", "b", "c"] };
    const patch: MutableJsonObject = { "$setElementOrder/list": ["c", "x", "a", "b"], list: ["x"] };
    applySetElementOrder(out, patch, { list: { strategy: "merge" } }, "t");
    expect(out["list"]).toEqual(["c", "x", "a", "b"]);
    expect(Object.keys(patch)).toEqual(["$setElementOrder/list"]);
  });

  it("rejects a patch list out of the directive's order", () => {
    const out: MutableJsonObject = { list: [{ k: 1 }, { k: 2 }] };
    const patch: MutableJsonObject = { "$setElementOrder/list": [{ k: 2 }], list: [{ k: 1 }] };
    expect(() => applySetElementOrder(out, patch, { list: { strategy: "merge", mergeKey: "k" } }, "t")).toThrow(expect.objectContaining({ code: ErrorCode.PatchInvalid }));
  });

  it("reads the field a directive key is about", () => {
    expect(directiveTarget("$setElementOrder/containers", "t")).toBe("containers");
    expect(() => directiveTarget("$setElementOrder", "t")).toThrow(/\//);
  });
});
