import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import { deepFreeze, frozenJson } from "./deep-freeze.fixture.js";
import type { JsonValue } from "./json.js";
import { applyMergePatch } from "./merge-patch.js";

const merge = (doc: unknown, patch: unknown) => applyMergePatch(deepFreeze(doc) as JsonValue, deepFreeze(patch) as JsonValue);

describe("applyMergePatch", () => {
  it("merges objects recursively, null deletes, everything else replaces", () => {
    expect(merge({ a: 1, b: { c: 2, d: 3 }, e: [1, 2] }, { a: "x", b: { c: null, f: 4 }, e: [3] })).toEqual({ a: "x", b: { d: 3, f: 4 }, e: [3] });
  });

  it("replaces a non-object with the patch value, pruning nulls like evanphx", () => {
    expect(merge({ a: 1 }, { a: { b: null, c: [1, null] } })).toEqual({ a: { c: [1] } });
    expect(merge({}, { a: [null, { b: null }] })).toEqual({ a: [{}] });
  });

  it("keeps nulls of a non-object replacing an object (evanphx does not prune there)", () => {
    expect(merge({ a: { x: 1 } }, { a: [null, 1] })).toEqual({ a: [null, 1] });
  });

  it("replaces the document with an array patch (nulls pruned) and rejects null and scalar patches", () => {
    expect(merge({ a: 1 }, [1, null])).toEqual([1]);
    expect(() => merge({ a: 1 }, null)).toThrow(expect.objectContaining({ code: ErrorCode.PatchInvalid }));
    expect(() => merge({ a: 1 }, 3)).toThrow(expect.objectContaining({ code: ErrorCode.PatchInvalid }));
    expect(() => merge(null, {})).toThrow(expect.objectContaining({ code: ErrorCode.PatchConflict }));
  });

  it("shares untouched subtrees with the input", () => {
    const doc = deepFreeze({ spec: { big: { x: 1 } }, status: { phase: "Pending" } });
    const out = applyMergePatch(doc, { status: { phase: "Running" } }) as typeof doc;
    expect(out.spec).toBe(doc.spec);
    expect(out.status).toEqual({ phase: "Running" });
  });

  it("treats __proto__, constructor and prototype as plain data keys", () => {
    const doc = frozenJson<JsonValue>('{"a":{"__proto__":{"x":1}}}');
    const patch = frozenJson<JsonValue>('{"__proto__":{"polluted":true},"a":{"__proto__":{"y":2}},"constructor":{"prototype":{"polluted":true}}}');
    const out = applyMergePatch(doc, patch) as Record<string, Record<string, unknown>>;
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"a":{"__proto__":{"x":1,"y":2}},"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
  });
});
