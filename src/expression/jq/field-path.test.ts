import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Evaluation } from "../types.js";
import { compileFieldPath, INDEX_FAILED, interpretedFieldPath } from "./field-path.js";

const NULL: Evaluation = { ok: true, values: [null] };
const failure = (value: unknown, key: string): Evaluation => ({ ok: false, values: [], error: new Error(`cannot index ${typeof value} with "${key}"`) } as unknown as Evaluation);
const index = (value: unknown, key: string): never => {
  throw new Error(`cannot index ${Array.isArray(value) ? "array" : typeof value} with "${key}"`);
};
const outcome = (f: () => unknown): unknown => {
  try {
    const v = f();
    return v === INDEX_FAILED ? "FAILED" : { value: v };
  } catch (error) {
    return { threw: (error as Error).message };
  }
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("field paths without code generation", () => {
  const keys = fc.array(fc.constantFrom("a", "b", "__proto__", "constructor", "toString", "0", "*/"), { minLength: 1, maxLength: 4 });
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom(null, undefined, "s", 0, true),
      fc.array(tie("v"), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom("a", "b", "constructor", "0", "*/"), tie("v"), { maxKeys: 3 }),
    ),
  })).v;

  it("give what the generated code gives, for every form (seeded)", () => {
    fc.assert(
      fc.property(keys, value, (path, input) => {
        const generated = compileFieldPath(path, NULL, failure, index);
        const interpreted = interpretedFieldPath(path, NULL, failure, index);
        expect(outcome(() => interpreted.get(input))).toEqual(outcome(() => generated.get(input)));
        expect(outcome(() => interpreted.single(input))).toEqual(outcome(() => generated.single(input)));
        const a = interpreted.evaluate(input);
        const b = generated.evaluate(input);
        expect(a.ok).toBe(b.ok);
        if (a.ok && b.ok) expect(a.values).toEqual(b.values);
        else expect(String((a as { error?: unknown }).error)).toBe(String((b as { error?: unknown }).error));
      }),
      { seed: 20261123, numRuns: 1000 },
    );
  });

  it("are used when code generation from strings is disallowed (a Content Security Policy)", () => {
    vi.stubGlobal("Function", function Disallowed() {
      throw new EvalError("Code generation from strings disallowed for this context");
    });
    const path = compileFieldPath(["status", "phase"], NULL, failure, index);
    expect(path.get({ status: { phase: "Running" } })).toBe("Running");
    expect(path.evaluate({ status: {} })).toBe(NULL);
    expect(path.get({ status: "x" })).toBe(INDEX_FAILED);
  });
});
