import { describe, expect, it } from "vitest";
import { isGoYamlBase60Float, resolveGoYamlScalar } from "./resolve.js";

describe("resolveGoYamlScalar", () => {
  it.each([
    ["yes", "bool", true], ["OFF", "bool", false], ["yEs", "str", "yEs"], ["~", "null", null], ["", "null", null],
    ["0755", "int", 493], ["0o17", "int", 15], ["0B101", "int", 5], ["-0x1F", "int", -31], ["1_0", "int", 10], ["0x", "str", "0x"],
    ["08", "float", 8], [".5", "float", 0.5], ["1e3", "float", 1000], ["1e999", "str", "1e999"], [".inf", "float", Infinity],
    ["2006-01-02", "timestamp", "2006-01-02"], ["2006-1-2T3:4:5Z", "timestamp", "2006-1-2T3:4:5Z"], ["2001-02-29", "str", "2001-02-29"],
    ["2000-02-29", "timestamp", "2000-02-29"], ["2006-01-02T25:00:00Z", "str", "2006-01-02T25:00:00Z"], ["<<", "str", "<<"],
    ["9223372036854775808", "int", 9223372036854775808n], ["-9223372036854775809", "float", -9223372036854775809],
  ] as const)("%s → %s %s", (text, tag, value) => {
    expect(resolveGoYamlScalar(text)).toEqual({ tag, value });
  });

  it("recognises base-60 floats", () => {
    expect(isGoYamlBase60Float("190:20:30.15")).toBe(true);
    expect(isGoYamlBase60Float("1:60")).toBe(false);
    expect(isGoYamlBase60Float("a:1")).toBe(false);
  });
});
