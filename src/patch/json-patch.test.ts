import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import { deepFreeze, frozenJson } from "./deep-freeze.fixture.js";
import type { JsonValue } from "./json.js";
import { applyJsonPatch } from "./json-patch.js";

const patch = (doc: unknown, ops: unknown) => applyJsonPatch(deepFreeze(doc) as JsonValue, deepFreeze(ops) as JsonValue);
const code = (c: string) => expect.objectContaining({ code: c });

describe("applyJsonPatch", () => {
  it("applies the six operations in order", () => {
    const doc = { a: { b: [1, 2] }, c: "x" };
    expect(
      patch(doc, [
        { op: "add", path: "/a/b/1", value: 9 },
        { op: "remove", path: "/a/b/0" },
        { op: "replace", path: "/c", value: "y" },
        { op: "copy", from: "/c", path: "/d" },
        { op: "move", from: "/d", path: "/a/e" },
        { op: "test", path: "/a/e", value: "y" },
      ]),
    ).toEqual({ a: { b: [9, 2], e: "y" }, c: "y" });
  });

  it("appends with -, and counts negative indexes from the end", () => {
    expect(patch([1, 2], [{ op: "add", path: "/-", value: 3 }])).toEqual([1, 2, 3]);
    expect(patch([1, 2], [{ op: "add", path: "/-1", value: 3 }])).toEqual([1, 2, 3]);
    expect(patch([1, 2], [{ op: "remove", path: "/-1" }])).toEqual([1]);
    expect(patch([1, 2], [{ op: "add", path: "/+1", value: 3 }])).toEqual([1, 3, 2]);
  });

  it("reports missing parents, missing members and bad indexes as conflicts with the op index and path", () => {
    expect(() => patch({}, [{ op: "add", path: "/a/b", value: 1 }])).toThrow(code(ErrorCode.PatchConflict));
    expect(() => patch({}, [{ op: "add", path: "/a/b", value: 1 }])).toThrow(/op 0 \(add "\/a\/b"\)/);
    expect(() => patch({ a: 1 }, [{ op: "test", path: "/a", value: 1 }, { op: "remove", path: "/b" }])).toThrow(/op 1 \(remove "\/b"\)/);
    expect(() => patch([1], [{ op: "add", path: "/3", value: 1 }])).toThrow(code(ErrorCode.PatchConflict));
    expect(() => patch([1], [{ op: "replace", path: "/1", value: 1 }])).toThrow(code(ErrorCode.PatchConflict));
    expect(() => patch({ a: 1 }, [{ op: "add", path: "", value: 1 }])).toThrow(code(ErrorCode.PatchConflict));
  });

  it("follows evanphx v4 where it differs from the RFC", () => {
    expect(patch({ a: 1 }, [{ op: "replace", path: "/b", value: 2 }])).toEqual({ a: 1, b: 2 });
    expect(patch({ a: 1 }, [{ op: "copy", from: "/x", path: "/b" }])).toEqual({ a: 1, b: null });
    expect(patch({ a: 1 }, [{ op: "add", path: "/b" }])).toEqual({ a: 1, b: null });
    expect(patch({ a: 1 }, [{ op: "test", path: "/x", value: null }])).toEqual({ a: 1 });
    expect(patch({ a: 1 }, [{ op: "add", path: "x/b", value: 2 }])).toEqual({ a: 1, b: 2 });
  });

  it("reports failed tests, unknown ops and malformed patches", () => {
    expect(() => patch({ a: 1 }, [{ op: "test", path: "/a", value: 2 }])).toThrow(code(ErrorCode.PatchTestFailed));
    expect(() => patch({ a: 1 }, [{ op: "test", path: "/a" }])).toThrow(code(ErrorCode.PatchTestFailed));
    expect(() => patch({ a: 1 }, [{ op: "frob", path: "/a" }])).toThrow(code(ErrorCode.PatchInvalid));
    expect(() => patch({ a: 1 }, [{ op: "add", value: 1 }])).toThrow(code(ErrorCode.PatchInvalid));
    expect(() => patch({ a: 1 }, { op: "add" })).toThrow(code(ErrorCode.PatchInvalid));
    expect(() => patch({ a: 1 }, [3])).toThrow(code(ErrorCode.PatchInvalid));
  });

  it("compares test values structurally", () => {
    expect(patch({ a: { x: [1, { y: "z" }], n: null } }, [{ op: "test", path: "/a", value: { n: null, x: [1, { y: "z" }] } }])).toBeTruthy();
    expect(() => patch({ a: { x: 1 } }, [{ op: "test", path: "/a", value: { x: 1, y: null } }])).toThrow(code(ErrorCode.PatchTestFailed));
  });

  it("copies on write: the input is untouched and unchanged subtrees are shared", () => {
    const doc = deepFreeze({ metadata: { labels: { a: "1" } }, spec: { containers: [{ name: "c" }] } });
    const out = applyJsonPatch(doc, [{ op: "add", path: "/metadata/labels/b", value: "2" }]) as typeof doc;
    expect(out.spec).toBe(doc.spec);
    expect(out.metadata.labels).toEqual({ a: "1", b: "2" });
    expect(doc.metadata.labels).toEqual({ a: "1" });
  });

  it("keeps a copied subtree independent of its source", () => {
    const out = patch({ a: { b: 1 } }, [
      { op: "add", path: "/a/c", value: 2 },
      { op: "copy", from: "/a", path: "/d" },
      { op: "add", path: "/d/e", value: 3 },
      { op: "add", path: "/a/f", value: 4 },
    ]);
    expect(out).toEqual({ a: { b: 1, c: 2, f: 4 }, d: { b: 1, c: 2, e: 3 } });
  });

  it("never writes into a value taken from the patch", () => {
    const value = deepFreeze({ x: { y: 1 } });
    const out = applyJsonPatch({}, [
      { op: "add", path: "/v", value },
      { op: "add", path: "/v/x/z", value: 2 },
    ]);
    expect(out).toEqual({ v: { x: { y: 1, z: 2 } } });
    expect(value).toEqual({ x: { y: 1 } });
  });

  it("treats __proto__, constructor and prototype as plain data keys", () => {
    const doc = frozenJson<JsonValue>('{"a":1}');
    expect(() => applyJsonPatch(doc, [{ op: "add", path: "/__proto__/polluted", value: true }])).toThrow(code(ErrorCode.PatchConflict));
    expect(() => applyJsonPatch(doc, [{ op: "add", path: "/constructor/prototype/polluted", value: true }])).toThrow(code(ErrorCode.PatchConflict));
    const out = applyJsonPatch(doc, [
      { op: "add", path: "/__proto__", value: { polluted: true } },
      { op: "add", path: "/__proto__/x", value: 1 },
      { op: "add", path: "/constructor", value: { prototype: {} } },
      { op: "add", path: "/constructor/prototype/polluted", value: true },
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"a":1,"__proto__":{"polluted":true,"x":1},"constructor":{"prototype":{"polluted":true}}}');
  });
});
