import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import { evanphxEqual } from "./evanphx-equal.js";

describe("evanphxEqual", () => {
  it("compares objects by members (order-free) and arrays by position", () => {
    expect(evanphxEqual({ a: 1, b: [1, "x"] }, { b: [1, "x"], a: 1 }, "t")).toBe(true);
    expect(evanphxEqual([1, 2], [2, 1], "t")).toBe(false);
    expect(evanphxEqual({ a: null }, { a: null }, "t")).toBe(true);
    expect(evanphxEqual({ a: null }, { b: null }, "t")).toBe(false);
    expect(evanphxEqual({}, [], "t")).toBe(false);
    expect(evanphxEqual("1", 1, "t")).toBe(false);
  });

  it("fails on null array elements, where evanphx crashes", () => {
    expect(() => evanphxEqual([null], [null], "t")).toThrow(expect.objectContaining({ code: ErrorCode.PatchTestFailed }));
    expect(evanphxEqual([1, null], [2, null], "t")).toBe(false);
  });
});
