import { describe, expect, it } from "vitest";
import { findUntoleratedTaint, type Taint, type Toleration, toleratesTaint } from "./taints.js";

const T: Taint = { key: "k", value: "v", effect: "NoSchedule" };

describe("toleratesTaint", () => {
  const cases: [string, Toleration, Taint, boolean][] = [
    ["Equal with same key, value, effect", { key: "k", operator: "Equal", value: "v", effect: "NoSchedule" }, T, true],
    ["empty operator means Equal", { key: "k", value: "v" }, T, true],
    ["Equal with another value", { key: "k", value: "w" }, T, false],
    ["Equal without value vs a valued taint", { key: "k" }, T, false],
    ["Equal without value vs an unvalued taint", { key: "k" }, { key: "k", effect: "NoSchedule" }, true],
    ["Exists ignores the value", { key: "k", operator: "Exists" }, T, true],
    ["empty key with Exists tolerates everything", { operator: "Exists" }, { key: "x", value: "y", effect: "NoExecute" }, true],
    ["empty key with Exists but an effect", { operator: "Exists", effect: "NoExecute" }, T, false],
    ["effect must match when set", { key: "k", operator: "Exists", effect: "NoExecute" }, T, false],
    ["empty effect matches all effects", { key: "k", operator: "Exists" }, { key: "k", effect: "NoExecute" }, true],
    ["other key", { key: "j", operator: "Exists" }, T, false],
    ["unknown operator", { key: "k", operator: "Gt", value: "v" }, T, false],
  ];
  it.each(cases)("%s", (_name, toleration, taint, want) => {
    expect(toleratesTaint(toleration, taint)).toBe(want);
  });
});

describe("findUntoleratedTaint", () => {
  it("ignores PreferNoSchedule and returns the first blocking taint", () => {
    const taints: Taint[] = [{ key: "p", effect: "PreferNoSchedule" }, { key: "a", effect: "NoExecute" }, { key: "b", effect: "NoSchedule" }];
    expect(findUntoleratedTaint(taints, [])).toEqual({ key: "a", effect: "NoExecute" });
    expect(findUntoleratedTaint(taints, [{ key: "a", operator: "Exists" }])).toEqual({ key: "b", effect: "NoSchedule" });
    expect(findUntoleratedTaint(taints, [{ key: "a", operator: "Exists" }, { key: "b", operator: "Exists" }])).toBeUndefined();
  });
});
