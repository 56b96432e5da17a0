import { describe, expect, it } from "vitest";
import { ErrorCode, StagecraftError } from "../errors.js";
import { requirementMatches, requirementText, requirementValues } from "./requirement.js";

describe("requirementValues (KWOK Query.Execute)", () => {
  it("drops nulls and keeps false, empty strings, lists and objects", () => {
    expect(requirementValues({ ok: true, values: [null, false, "", [], {}, null] })).toEqual([false, "", [], {}]);
  });

  it("turns any runtime error into no values, even after outputs", () => {
    const error = new StagecraftError(ErrorCode.JqRuntime, "cannot iterate over: null");
    expect(requirementValues({ ok: false, values: ["Running"], error })).toEqual([]);
  });

  it("does not mutate the input", () => {
    const values = Object.freeze(["a", null]);
    expect(requirementValues({ ok: true, values })).toEqual(["a"]);
    expect(values).toEqual(["a", null]);
  });
});

describe("requirementText (KWOK hasValue)", () => {
  it("stringifies strings, booleans and program integers only", () => {
    expect(requirementText("x")).toBe("x");
    expect(requirementText(true)).toBe("true");
    expect(requirementText(false)).toBe("false");
    expect(requirementText(42n)).toBe("42");
    expect(requirementText(42)).toBeUndefined(); // a float64 read from the object
    expect(requirementText(["x"])).toBeUndefined();
    expect(requirementText({ a: 1 })).toBeUndefined();
  });
});

describe("requirementMatches", () => {
  it.each([
    ["In", ["True"], [], false],
    ["In", ["True"], ["True"], true],
    ["In", ["True"], ["False", "True"], true],
    ["In", ["1"], [1], false],
    ["In", ["1"], [1n], true],
    ["In", ["true"], [true], true],
    ["NotIn", ["True"], [], true],
    ["NotIn", ["True"], ["False"], true],
    ["NotIn", ["True"], ["False", "True"], false],
    ["NotIn", ["1"], [1], true],
    ["Exists", [], [false], true],
    ["Exists", [], [""], true],
    ["Exists", [], [], false],
    ["DoesNotExist", [], [], true],
    ["DoesNotExist", [], [0], false],
  ] as const)("%s %s over %s → %s", (operator, expected, results, want) => {
    expect(requirementMatches(operator, expected, results)).toBe(want);
  });
});
