import { describe, expect, it } from "vitest";
import { type LabelSelector, matchesLabelSelector } from "./label-selector.js";

describe("matchesLabelSelector", () => {
  const labels = { role: "worker", zone: "a" };
  const cases: [string, LabelSelector | undefined, boolean][] = [
    ["undefined selects everything", undefined, true],
    ["empty selects everything", {}, true],
    ["matchLabels", { matchLabels: { role: "worker" } }, true],
    ["matchLabels mismatch", { matchLabels: { role: "gpu" } }, false],
    ["matchLabels of a missing label", { matchLabels: { gpu: "" } }, false],
    ["In", { matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] }, true],
    ["In on a missing label", { matchExpressions: [{ key: "x", operator: "In", values: [""] }] }, false],
    ["NotIn", { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] }, false],
    ["NotIn on a missing label holds", { matchExpressions: [{ key: "x", operator: "NotIn", values: ["a"] }] }, true],
    ["Exists", { matchExpressions: [{ key: "role", operator: "Exists" }] }, true],
    ["DoesNotExist", { matchExpressions: [{ key: "role", operator: "DoesNotExist" }] }, false],
    ["all requirements must hold", { matchLabels: { role: "worker" }, matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] }, false],
  ];
  it.each(cases)("%s", (_name, selector, want) => {
    expect(matchesLabelSelector(selector, labels)).toBe(want);
  });
});
