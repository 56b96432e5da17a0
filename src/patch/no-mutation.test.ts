import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../errors.js";
import { deepFreeze } from "./deep-freeze.fixture.js";
import type { JsonValue } from "./json.js";
import { applyJsonPatch } from "./json-patch.js";
import { applyMergePatch } from "./merge-patch.js";
import { applyStrategicMergePatch } from "./strategic-merge-patch.js";

const KEYS = ["a", "b", "0", "1", "type", "name", "__proto__", "constructor", "$patch", "$retainKeys"];

/** JSON with a small key set, so patches and documents overlap; `__proto__` keys are own data. */
const { json } = fc.letrec<{ json: JsonValue }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom<JsonValue>(null, true, 0, 1, "a", "delete", "replace"),
    fc.array(tie("json"), { maxLength: 3 }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie("json")), { maxLength: 4 }).map((entries) => {
      const out: Record<string, JsonValue> = {};
      for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    }),
  ),
}));
const pointer = fc.array(fc.constantFrom(...KEYS, "-", "2"), { minLength: 1, maxLength: 3 }).map((t) => `/${t.join("/")}`);
const op = fc.record({ op: fc.constantFrom("add", "remove", "replace", "move", "copy", "test"), path: pointer, from: pointer, value: json });

/** Runs a patch on frozen inputs: it may fail with a StagecraftError, nothing else. */
function safely(run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!isStagecraftError(e)) throw e;
  }
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

describe("patch functions never mutate their inputs and never reach a prototype", () => {
  it("applyJsonPatch", () => {
    fc.assert(fc.property(json, fc.array(op, { maxLength: 4 }), (doc, ops) => safely(() => applyJsonPatch(deepFreeze(doc), deepFreeze(ops)))), { numRuns: 500, seed: 20261123 });
  });

  it("applyMergePatch", () => {
    fc.assert(fc.property(json, json, (doc, patch) => safely(() => applyMergePatch(deepFreeze(doc), deepFreeze(patch)))), { numRuns: 500, seed: 20261123 });
  });

  it("applyStrategicMergePatch", () => {
    fc.assert(
      fc.property(json, json, fc.constantFrom("Pod", "Node", "Foo"), (doc, patch, kind) => safely(() => applyStrategicMergePatch(deepFreeze(doc), deepFreeze(patch), { kind, apiVersion: "v1" }))),
      { numRuns: 500, seed: 20261123 },
    );
  });
});
