import { describe, expect, it } from "vitest";
import { compareGoYamlKeys } from "./sort-keys.js";

describe("compareGoYamlKeys", () => {
  it("orders keys like go-yaml v2's keyList.Less", () => {
    const sorted = ["A", "Port", "a-b", "a.b", "a_b", "a1", "a01", "a9", "a10", "aB", "ab", "b", "z", "é"];
    expect([...sorted].reverse().sort(compareGoYamlKeys)).toEqual(sorted);
    expect(["hostIPs", "hostIP", "containerStatuses", "conditions"].sort(compareGoYamlKeys)).toEqual(["conditions", "containerStatuses", "hostIP", "hostIPs"]);
    expect(["x10y10", "x10y2", "x09y", "x9y"].sort(compareGoYamlKeys)).toEqual(["x9y", "x09y", "x10y2", "x10y10"]);
  });
});
