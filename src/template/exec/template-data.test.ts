import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonNumber, goJsonFloat, toTemplateData } from "./values.js";

/** The definition: KWOK's JSON round trip with numbers kept as their JSON text. */
function reference(object: unknown): unknown {
  const json = JSON.stringify(object);
  if (json === undefined) return null;
  return JSON.parse(json, (_key, value: unknown) => (typeof value === "number" ? new JsonNumber(goJsonFloat(value)) : value)) as unknown;
}

describe("toTemplateData", () => {
  it("equals the JSON round trip on arbitrary JSON-like values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(toTemplateData(v)).toEqual(reference(v));
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("follows JSON.stringify for undefined, functions, dates, non-finite numbers and -0", () => {
    const input = { a: undefined, f: () => 1, d: new Date(0), list: [undefined, () => 1, Number.NaN, -0], n: Number.POSITIVE_INFINITY };
    expect(toTemplateData(input)).toEqual(reference(input));
    expect(toTemplateData(undefined)).toBeNull();
  });

  it("keeps __proto__ as a data key and never touches a prototype", () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}') as unknown;
    const out = toTemplateData(input) as Record<string, unknown>;
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("prints bigints exactly and rejects cycles", () => {
    expect(toTemplateData({ n: 12345678901234567890n })).toEqual({ n: new JsonNumber("12345678901234567890") });
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(() => toTemplateData(cyclic)).toThrow(/circular/);
  });
});
