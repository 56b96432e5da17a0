import { describe, expect, it } from "vitest";
import { humanDuration } from "./human-duration.js";

describe("humanDuration (apimachinery duration.HumanDuration)", () => {
  it.each([
    [-5000, "<invalid>"],
    [-500, "0s"],
    [0, "0s"],
    [119_000, "119s"],
    [120_000, "2m"],
    [200_000, "3m20s"],
    [17 * 60_000, "17m"],
    [179 * 60_000, "179m"],
    [3 * 3600_000, "3h"],
    [(5 * 60 + 2) * 60_000, "5h2m"],
    [30 * 3600_000, "30h"],
    [(3 * 24 + 4) * 3600_000, "3d4h"],
    [400 * 86_400_000, "400d"],
    [(2 * 365 + 10) * 86_400_000, "2y10d"],
    [9 * 365 * 86_400_000, "9y"],
  ])("%i ms → %s", (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
