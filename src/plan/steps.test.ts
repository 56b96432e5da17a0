import { describe, expect, it } from "vitest";
import { rootJsonPatch } from "./steps.js";

describe("rootJsonPatch (KWOK's json patch with root, spec §4.3 and §9)", () => {
  it("prefixes path, not from; keeps an explicit null value; drops other keys and an empty from", () => {
    expect(
      rootJsonPatch(
        [
          { op: "replace", path: "/phase", value: null, comment: "x" },
          { op: "move", from: "/a", path: "/b" },
          { op: "remove", path: "/c", from: "" },
        ],
        "status",
      ),
    ).toEqual([
      { op: "replace", path: "/status/phase", value: null },
      { op: "move", path: "/status/b", from: "/a" },
      { op: "remove", path: "/status/c" },
    ]);
  });

  it("passes the rendered value through without root", () => {
    const rendered = [{ op: "add", path: "/x", value: 1, extra: true }];
    expect(rootJsonPatch(rendered, "")).toBe(rendered);
  });

  it("decodes like Go's encoding/json: null list, null element, case-insensitive names, null fields", () => {
    expect(rootJsonPatch(null, "status")).toBeNull();
    expect(rootJsonPatch([null], "status")).toEqual([{ op: "", path: "/status" }]);
    expect(rootJsonPatch([{ OP: "add", Path: "/x", VALUE: 1, From: "/y" }], "spec")).toEqual([{ op: "add", path: "/spec/x", value: 1, from: "/y" }]);
    expect(rootJsonPatch([{ op: "add", Op: "remove", path: "/x" }], "spec")).toEqual([{ op: "remove", path: "/spec/x" }]);
    expect(rootJsonPatch([{ op: "add", OP: null, path: null }], "spec")).toEqual([{ op: "add", path: "/spec" }]);
  });

  it("rejects what Go cannot decode into the op list", () => {
    expect(() => rootJsonPatch({ op: "add" }, "status")).toThrow(/must render to a list/);
    expect(() => rootJsonPatch(["add"], "status")).toThrow(/operation 0 is not an object/);
    expect(() => rootJsonPatch([{ op: 1 }], "status")).toThrow(/op is not a string/);
  });
});
