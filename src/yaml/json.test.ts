import { describe, expect, it } from "vitest";
import { compareCodePoints, goJsonStringify } from "./json.js";

describe("goJsonStringify", () => {
  it("writes what Go's json.Marshal writes", () => {
    expect(goJsonStringify({ b: [1, 1.5, -0, 1e21, 1e-7, 2n ** 64n], a: "<&>\u2028\b\u0001\t\"\\" })).toBe(
      '{"a":"\\u003c\\u0026\\u003e\\u2028\\u0008\\u0001\\t\\"\\\\","b":[1,1.5,-0,1e+21,1e-7,18446744073709551616]}',
    );
    expect(goJsonStringify("\ud800x")).toBe('"\\ufffdx"');
    expect(() => goJsonStringify(Number.NaN)).toThrow("json: unsupported value: NaN");
  });

  it("sorts keys by UTF-8 byte order", () => {
    expect(["\uffff", "😀", "a"].sort(compareCodePoints)).toEqual(["a", "\uffff", "😀"]);
  });
});
