import { describe, expect, it } from "vitest";
import { formatGoFloat } from "./go-float.js";

describe("formatGoFloat", () => {
  it.each([
    [1.5, "1.5"], [100000.5, "100000.5"], [1234567.5, "1.2345675e+06"], [1e21, "1e+21"], [1e-5, "1e-05"], [0.0001, "0.0001"],
    [-0, "-0"], [5e-324, "5e-324"], [1e300, "1e+300"], [Infinity, ".inf"], [-Infinity, "-.inf"], [Number.NaN, ".nan"],
  ])("%d → %s", (f, text) => {
    expect(formatGoFloat(f)).toBe(text);
  });
});
