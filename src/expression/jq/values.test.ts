import { describe, expect, it } from "vitest";
import { compare, compareStrings, equals, floatToInt, formatNumber, newObject, setOwn, sortedKeys, truthy } from "./values.js";

describe("gojq value semantics", () => {
  it("orders types null < false < true < numbers < strings < arrays < objects", () => {
    const sorted = [{}, [], "a", 1, true, false, null].sort(compare);
    expect(sorted).toEqual([null, false, true, 1, "a", [], {}]);
  });

  it("compares ints and floats numerically", () => {
    expect(equals(1n, 1.0)).toBe(true);
    expect(compare(2n, 1.5)).toBeGreaterThan(0);
    expect(equals({ a: [1n] }, { a: [1] })).toBe(true);
    expect(equals("1", 1n)).toBe(false);
  });

  it("compares objects by sorted keys first, then values", () => {
    expect(compare({ a: 2 }, { b: 1 })).toBeLessThan(0);
    expect(compare({ a: 2 }, { a: 1, b: 0 })).toBeLessThan(0);
  });

  it("sorts keys by code point like Go", () => {
    expect(compareStrings("\uffff", "😀")).toBeLessThan(0);
    expect(sortedKeys({ b: 1, a: 2, "10": 3, "9": 4 })).toEqual(["10", "9", "a", "b"]);
  });

  it("has jq truthiness", () => {
    expect([null, false, 0, "", [], {}].map(truthy)).toEqual([false, false, true, true, true, true]);
  });

  it("truncates and clamps floats to Go ints", () => {
    expect(floatToInt(-2.7)).toBe(-2n);
    expect(floatToInt(1e21)).toBe(9223372036854775807n);
  });

  it("formats numbers like gojq", () => {
    expect([1n, 1.5, 1e21, 1e-7, Infinity].map(formatNumber)).toEqual(["1", "1.5", "1e+21", "1e-7", "1.7976931348623157e+308"]);
  });

  it("stores __proto__ as an own key", () => {
    const o = newObject();
    setOwn(o, "__proto__", 1);
    expect(Object.keys(o)).toEqual(["__proto__"]);
  });
});
