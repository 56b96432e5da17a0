/**
 * Patch properties: merge, JSON and strategic merge patches throw only typed errors on
 * arbitrary (frozen) documents and patches, and round-trip where RFC 7386 / RFC 6902 say so.
 */
import { describe, expect, it } from "vitest";
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, type JsonObject, type JsonValue } from "../../src/index.js";
import { deepFreeze, fc, typedOnly } from "./fc.js";

const key = fc.constantFrom("a", "b", "c", "name", "__proto__", "constructor", "prototype", "x/y", "m~n", "");
const scalar = fc.oneof(fc.integer({ min: -9, max: 9 }), fc.boolean(), fc.string({ maxLength: 3 }), fc.constant(null));
const json: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(key, tie("v"), { maxKeys: 3, noNullPrototype: true }),
  ),
})).v;
const object = fc.dictionary(key, json, { maxKeys: 4, noNullPrototype: true }) as fc.Arbitrary<JsonObject>;
/** Objects without nulls (merge patch cannot express null values) and without `$` keys. */
const nullFree: fc.Arbitrary<JsonObject> = fc.letrec<{ o: JsonObject; v: JsonValue }>((tie) => ({
  o: fc.dictionary(key, tie("v"), { maxKeys: 4, noNullPrototype: true }) as fc.Arbitrary<JsonObject>,
  v: fc.oneof({ depthSize: "small" }, fc.integer({ min: -9, max: 9 }), fc.boolean(), fc.string({ maxLength: 3 }), fc.array(fc.integer(), { maxLength: 2 }), tie("o")),
})).o;

/** RFC 7386 diff: the merge patch turning `a` into `b`. */
function mergeDiff(a: JsonObject, b: JsonObject): JsonObject {
  const out: Record<string, JsonValue> = {};
  const set = (k: string, v: JsonValue) => Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) set(k, null);
  for (const k of Object.keys(b)) {
    const x = Object.hasOwn(a, k) ? a[k] : undefined;
    const y = b[k] as JsonValue;
    if (isObj(x) && isObj(y)) {
      const d = mergeDiff(x, y);
      if (Object.keys(d).length > 0) set(k, d);
    } else if (JSON.stringify(x) !== JSON.stringify(y)) set(k, y);
  }
  return out;
}
const isObj = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const pointer = (k: string) => `/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`;

const op = fc.oneof(
  fc.record({ op: fc.constant("add"), path: fc.array(key, { maxLength: 2 }).map((p) => p.map(pointer).join("")), value: json }),
  fc.record({ op: fc.constant("remove"), path: fc.array(key, { minLength: 1, maxLength: 2 }).map((p) => p.map(pointer).join("")) }),
  fc.record({ op: fc.constant("replace"), path: fc.array(fc.oneof(key, fc.constantFrom("0", "-", "1")), { maxLength: 2 }).map((p) => p.map(pointer).join("")), value: json }),
  fc.record({ op: fc.constantFrom("move", "copy"), from: key.map(pointer), path: key.map(pointer) }),
  fc.record({ op: fc.constant("test"), path: key.map(pointer), value: json }),
  fc.record({ op: fc.constantFrom("bogus", "_get"), path: fc.constant("/a") }),
);

describe("patch properties", () => {
  it("merge patch: only typed errors, frozen inputs untouched", () => {
    fc.assert(fc.property(json, json, (doc, patch) => void typedOnly(() => applyMergePatch(deepFreeze(doc), deepFreeze(patch)))));
  });

  it("merge patch of a diff turns a into b (RFC 7386)", () => {
    fc.assert(
      fc.property(nullFree, nullFree, (a, b) => {
        const out = applyMergePatch(deepFreeze(a), deepFreeze(mergeDiff(a, b)));
        expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse(JSON.stringify(b)));
      }),
    );
  });

  it("merge patch is idempotent (for patches whose lists hold no nulls)", () => {
    // evanphx (and so the API server) does not prune nulls inside a list that replaces an
    // object, but does when it replaces a scalar: such a patch is not idempotent there either
    const deletions = fc.dictionary(key, fc.constant(null), { maxKeys: 2, noNullPrototype: true });
    const patchArb = fc.tuple(nullFree, deletions).map(([p, d]) => ({ ...p, ...d }) as JsonObject);
    fc.assert(
      fc.property(object, patchArb, (doc, patch) => {
        const once = typedOnly(() => applyMergePatch(deepFreeze(doc), deepFreeze(patch)));
        if (once === undefined) return;
        expect(applyMergePatch(deepFreeze(once), patch)).toEqual(once);
      }),
    );
  });

  it("JSON patch: only typed errors on arbitrary operations, frozen inputs untouched", () => {
    fc.assert(fc.property(json, fc.array(op, { maxLength: 4 }), (doc, ops) => void typedOnly(() => applyJsonPatch(deepFreeze(doc), deepFreeze(ops as unknown as JsonValue)))));
  });

  it("JSON patch add of a new key then remove restores the document", () => {
    fc.assert(
      fc.property(object, key, json, (doc, k, value) => {
        fc.pre(!Object.hasOwn(doc, k));
        const added = applyJsonPatch(deepFreeze(doc), [{ op: "add", path: pointer(k), value }]) as JsonObject;
        expect(Object.hasOwn(added, k)).toBe(true);
        expect(applyJsonPatch(deepFreeze(added), [{ op: "remove", path: pointer(k) }])).toEqual(doc);
      }),
    );
  });

  it("strategic merge patch: only typed errors, frozen inputs untouched", () => {
    const directive = fc.constantFrom<JsonValue>({ $patch: "delete" }, { $patch: "replace" }, { "$setElementOrder/a": [1] }, { "$deleteFromPrimitiveList/a": [1] }, { $retainKeys: ["a"] });
    const patch = fc.oneof(object, directive, fc.tuple(object, directive).map(([o, d]) => ({ ...o, ...(d as JsonObject) })));
    fc.assert(fc.property(object, patch, (doc, p) => void typedOnly(() => applyStrategicMergePatch(deepFreeze(doc), deepFreeze(p)))));
  });

  it("strategic merge patch agrees with merge patch on objects without lists or directives", () => {
    const noLists: fc.Arbitrary<JsonObject> = fc.letrec<{ o: JsonObject; v: JsonValue }>((tie) => ({
      o: fc.dictionary(key, tie("v"), { maxKeys: 4, noNullPrototype: true }) as fc.Arbitrary<JsonObject>,
      v: fc.oneof({ depthSize: "small" }, scalar, tie("o")),
    })).o;
    fc.assert(
      fc.property(noLists, noLists, (doc, patch) => {
        expect(applyStrategicMergePatch(deepFreeze(doc), deepFreeze(patch))).toEqual(applyMergePatch(doc, patch));
      }),
    );
  });
});
