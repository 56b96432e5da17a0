import { describe, expect, it } from "vitest";
import { ingest, jsonEqual, sealFresh } from "./freeze.js";

describe("ingest", () => {
  it("copies deeply and freezes, sharing nothing with the input", () => {
    const input = { a: { b: [1, { c: 2 }] }, u: undefined };
    const out = ingest(input);
    expect(out).toEqual({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(out) && Object.isFrozen(out.a) && Object.isFrozen(out.a.b) && Object.isFrozen(out.a.b[1])).toBe(true);
    expect(out.a).not.toBe(input.a);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it("keeps __proto__ and constructor as data keys", () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"x": 1}}') as Record<string, unknown>;
    const out = ingest(input) as Record<string, unknown>;
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(out["constructor"]).toEqual({ x: 1 });
  });
});

describe("sealFresh", () => {
  it("freezes fresh nodes and keeps frozen ones", () => {
    const frozen = ingest({ x: 1 });
    const tree = { fresh: { y: 2 }, frozen };
    const out = sealFresh(tree);
    expect(out).toEqual(tree);
    expect(Object.keys(out)).toEqual(["fresh", "frozen"]);
    expect(Object.isFrozen(out) && Object.isFrozen(out.fresh)).toBe(true);
    expect(out.frozen).toBe(frozen);
    // fresh objects are copied (a member deleted by patch code must not leave a slow object behind)
    const pruned: Record<string, unknown> = { a: 1, b: null, c: [{ d: 1 }], __proto__x: 2 };
    delete pruned.b;
    Object.defineProperty(pruned, "__proto__", { value: 3, enumerable: true, configurable: true, writable: true });
    const sealed = sealFresh(pruned);
    expect(sealed).toEqual(pruned);
    expect(Object.keys(sealed)).toEqual(Object.keys(pruned));
    expect(Object.getPrototypeOf(sealed)).toBe(Object.prototype);
    expect(Object.isFrozen((sealed.c as object[])[0])).toBe(true);
  });
});

describe("jsonEqual", () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [[1], { 0: 1 }, false],
    [null, {}, false],
    ["a", "a", true],
  ])("%j vs %j → %j", (a, b, expected) => {
    expect(jsonEqual(a, b)).toBe(expected);
  });
});
