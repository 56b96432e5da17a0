import { describe, expect, it } from "vitest";
import { chooseIndex, possibleIndexes } from "./choose.js";

const seq = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};

describe("chooseIndex (KWOK's Match)", () => {
  it("returns a single candidate without looking at its weight", () => {
    expect(chooseIndex([0], () => 0.9)).toBe(0);
    expect(chooseIndex([undefined], () => 0.9)).toBe(0);
  });
  it("draws r in [0, total) and walks positive weights in order", () => {
    expect(chooseIndex([1, 3], () => 0)).toBe(0); // r = 0 → first
    expect(chooseIndex([1, 3], () => 0.25)).toBe(1); // r = 1
    expect(chooseIndex([1, 0, 3], () => 0.99)).toBe(2);
    expect(chooseIndex([0, 1], () => 0)).toBe(1); // weight 0 is never chosen once another is positive
  });
  it("picks uniformly when every weight is unknown or all are zero", () => {
    expect(chooseIndex([undefined, undefined, undefined], () => 0.7)).toBe(2);
    expect(chooseIndex([0, 0], () => 0.6)).toBe(1);
  });
  it("picks uniformly among the known ones when the known total is zero", () => {
    expect(chooseIndex([undefined, 0, undefined, 0], () => 0.9)).toBe(3);
    expect(chooseIndex([undefined, 0, undefined, 0], () => 0)).toBe(1);
  });
  it("skips unknown weights in the walk", () => {
    expect(chooseIndex([undefined, 2, 2], seq(0.5))).toBe(2);
  });
  it("refuses a negative total rather than panicking", () => {
    expect(() => chooseIndex([-3, 1], () => 0)).toThrow(RangeError);
  });
  it("is deterministic for a given rng", () => {
    const draws = Array.from({ length: 20 }, (_, i) => chooseIndex([1, 2, 3], () => i / 20));
    // r = floor(i / 20 · 6): 0 → stage 0, 1–2 → stage 1, 3–5 → stage 2
    expect(draws).toEqual([...Array(4).fill(0), ...Array(6).fill(1), ...Array(10).fill(2)]);
  });
});

describe("possibleIndexes (KWOK's ListAllPossible)", () => {
  it("lists none, one, or every candidate of positive weight", () => {
    expect(possibleIndexes([])).toEqual([]);
    expect(possibleIndexes([0])).toEqual([0]);
    expect(possibleIndexes([0, 1, 2])).toEqual([1, 2]);
  });
  it("lists all when all are unknown or all weights are zero", () => {
    expect(possibleIndexes([undefined, undefined])).toEqual([0, 1]);
    expect(possibleIndexes([0, 0])).toEqual([0, 1]);
  });
  it("lists the known ones when unknowns meet a zero total", () => {
    expect(possibleIndexes([undefined, 0, 0])).toEqual([1, 2]);
  });
  it("drops unknown weights when a positive weight exists", () => {
    expect(possibleIndexes([undefined, 5])).toEqual([1]);
  });
});
