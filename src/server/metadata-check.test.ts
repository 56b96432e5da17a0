import { describe, expect, it } from "vitest";
import { checkMetadata } from "./metadata-check.js";

describe("checkMetadata", () => {
  it("accepts well-formed metadata, and nulls in patches", () => {
    expect(() => checkMetadata(undefined)).not.toThrow();
    expect(() => checkMetadata({ name: "a", labels: { a: "b" }, annotations: {}, finalizers: ["x"] })).not.toThrow();
    expect(() => checkMetadata({ labels: { a: null }, finalizers: null }, { patch: true })).not.toThrow();
  });

  it.each([
    [{ name: 5 }, "metadata.name: expected a string, got 5"],
    [{ labels: "x" }, 'metadata.labels: expected an object of strings, got "x"'],
    [{ labels: { a: 5 } }, "metadata.labels.a: expected a string, got 5"],
    [{ annotations: [1] }, "metadata.annotations: expected an object of strings, got [1]"],
    [{ finalizers: 7 }, "metadata.finalizers: expected a list of strings, got 7"],
    [{ labels: { a: null } }, "metadata.labels.a: expected a string, got null"],
    ["x", "metadata must be an object"],
  ])("rejects %j with a 400", (metadata, message) => {
    expect(() => checkMetadata(metadata)).toThrowError(expect.objectContaining({ statusCode: 400, message }) as Error);
  });
});
