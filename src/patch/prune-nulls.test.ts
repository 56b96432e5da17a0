import { describe, expect, it } from "vitest";
import { deepFreeze } from "./deep-freeze.fixture.js";
import { discardNullMembers, pruneNulls } from "./prune-nulls.js";

describe("pruneNulls (evanphx merge patch)", () => {
  it("drops null members and null array elements at every depth", () => {
    expect(pruneNulls(deepFreeze({ a: null, b: [null, 1, { c: null, d: [null] }] }))).toEqual({ b: [1, { d: [] }] });
  });

  it("returns the value itself when there is nothing to prune", () => {
    const v = deepFreeze({ a: [1, { b: "x" }] });
    expect(pruneNulls(v)).toBe(v);
  });
});

describe("discardNullMembers (strategic merge)", () => {
  it("drops null members but keeps null array elements", () => {
    expect(discardNullMembers(deepFreeze({ a: null, b: [null, { c: null }] }))).toEqual({ b: [null, {}] });
  });

  it("returns the value itself when there is nothing to drop", () => {
    const v = deepFreeze([null, { a: 1 }]);
    expect(discardNullMembers(v)).toBe(v);
  });
});
