import { describe, expect, it } from "vitest";
import { decodeBody, decodeObjectBody } from "./body.js";

describe("decodeBody", () => {
  it("decodes JSON, and YAML only when allowed", () => {
    expect(decodeBody('{"a":1}')).toEqual({ a: 1 });
    expect(decodeBody("a: yes\nb: 0755\n", { yaml: true })).toEqual({ a: true, b: 493 });
    expect(() => decodeBody("a: 1")).toThrowError(expect.objectContaining({ statusCode: 400 }) as Error);
  });

  it("answers 400 for empty and undecodable bodies", () => {
    expect(() => decodeBody("  ")).toThrowError(/empty/);
    expect(() => decodeBody("a: [", { yaml: true })).toThrowError(expect.objectContaining({ statusCode: 400 }) as Error);
    expect(() => decodeObjectBody("[]", "Pod")).toThrowError(/must be a JSON object/);
  });
});
