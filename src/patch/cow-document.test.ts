import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import { containerAdd, containerGet, containerRemove, containerSet, CowDocument } from "./cow-document.js";
import { deepFreeze } from "./deep-freeze.fixture.js";
import type { JsonValue } from "./json.js";

describe("CowDocument", () => {
  it("copies the containers on the way to a write, once, and shares the rest", () => {
    const input = deepFreeze({ a: { b: { c: 1 } }, d: { e: 2 } });
    const doc = new CowDocument(input);
    const first = doc.find(["a", "b"], true);
    const again = doc.find(["a", "b"], true);
    expect(again).toBe(first);
    const root = doc.root as typeof input;
    expect(root).not.toBe(input);
    expect(root.a).not.toBe(input.a);
    expect(root.d).toBe(input.d);
  });

  it("reads without copying", () => {
    const input = deepFreeze({ a: [{ b: 1 }] });
    const doc = new CowDocument(input);
    expect(doc.find(["a", "0"], false)).toBe(input.a[0]);
    expect(doc.root).toBe(input);
  });

  it("finds nothing through scalars, nulls, missing members and bad indexes", () => {
    const doc = new CowDocument(deepFreeze({ a: 1, n: null, l: [{}] }));
    for (const path of [["a"], ["n"], ["x"], ["l", "1"], ["l", "-1"], ["l", "x"], ["__proto__"], ["constructor"]]) expect(doc.find(path, false)).toBeUndefined();
  });
});

describe("container operations", () => {
  const conflict = expect.objectContaining({ code: ErrorCode.PatchConflict });
  it("array add/remove/get/set with evanphx index rules", () => {
    const list: JsonValue[] = [1, 2];
    containerAdd(list, "-", 3, "t");
    containerAdd(list, "-1", 4, "t");
    containerAdd(list, "0", 0, "t");
    expect(list).toEqual([0, 1, 2, 3, 4]);
    containerRemove(list, "-1", "t");
    expect(list).toEqual([0, 1, 2, 3]);
    containerSet(list, "1", 9, "t");
    expect(containerGet(list, "1", "t")).toBe(9);
    expect(() => containerAdd(list, "5", 0, "t")).toThrow(conflict);
    expect(() => containerRemove(list, "4", "t")).toThrow(conflict);
    expect(() => containerGet(list, "-1", "t")).toThrow(conflict);
    expect(() => containerSet(list, "x", 0, "t")).toThrow(conflict);
  });

  it("object operations: get of a missing member is null, remove needs the member", () => {
    const object: Record<string, JsonValue> = {};
    expect(containerGet(object, "a", "t")).toBeNull();
    containerSet(object, "a", 1, "t");
    containerAdd(object, "__proto__", 2, "t");
    expect(Object.keys(object)).toEqual(["a", "__proto__"]);
    containerRemove(object, "__proto__", "t");
    expect(() => containerRemove(object, "__proto__", "t")).toThrow(conflict);
    expect(() => containerRemove(object, "constructor", "t")).toThrow(conflict);
  });
});
