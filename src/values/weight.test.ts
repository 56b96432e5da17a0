import { describe, expect, it } from "vitest";
import { compileWeight } from "./weight.js";

const jq = (expression: string) => ({ language: "jq" as const, expression });
const annotated = (w: unknown) => ({ metadata: { annotations: { w } } });

describe("compileWeight (KWOK spec §3.1)", () => {
  it("returns the static weight without weightFrom", () => {
    expect(compileWeight({ weight: 3 }).get({})).toEqual({ status: "value", value: 3 });
  });

  describe("jq weightFrom", () => {
    const weight = compileWeight({ weight: 1, weightFrom: jq(".metadata.annotations.w") });
    it.each([
      ["5", 5],
      ["0x10", 16],
      ["010", 8],
      ["-2", -2],
    ])("parses the string %j as a Go integer", (text, value) => {
      expect(weight.get(annotated(text))).toEqual({ status: "value", value });
    });

    it("falls back to the static weight when the query yields nothing or null", () => {
      expect(weight.get({})).toEqual({ status: "value", value: 1 });
      expect(weight.get(annotated(null))).toEqual({ status: "value", value: 1 });
    });

    it('is unknown (not the default) for "" and for unparsable strings', () => {
      expect(weight.get(annotated(""))).toEqual({ status: "unknown" });
      expect(weight.get(annotated("1.5"))).toEqual({ status: "unknown" });
      expect(weight.get(annotated("heavy"))).toEqual({ status: "unknown" });
    });

    it("truncates numbers read from the object (float64 in KWOK)", () => {
      expect(weight.get(annotated(7.9))).toEqual({ status: "value", value: 7 });
    });

    it("uses the static weight for jq integers, booleans and objects", () => {
      expect(compileWeight({ weight: 4, weightFrom: jq("5") }).get({})).toEqual({ status: "value", value: 4 });
      expect(weight.get(annotated(true))).toEqual({ status: "value", value: 1 });
      expect(weight.get(annotated({ a: 1 }))).toEqual({ status: "value", value: 1 });
    });

    it("uses only the first non-null output", () => {
      const w = compileWeight({ weight: 1, weightFrom: jq('null, "3", "4"') });
      expect(w.get({})).toEqual({ status: "value", value: 3 });
    });
  });

  describe("CEL weightFrom", () => {
    const cel = (expression: string) => compileWeight({ weight: 1, weightFrom: { language: "cel", expression } });
    it("converts int, double (truncated) and bool", () => {
      expect(cel("3").get({})).toEqual({ status: "value", value: 3 });
      expect(cel("2.9").get({})).toEqual({ status: "value", value: 2 });
      expect(cel("true").get({})).toEqual({ status: "value", value: 1 });
      expect(cel("int(self.spec.replicas) * 2").get({ spec: { replicas: 3 } })).toEqual({ status: "value", value: 6 });
    });
    it("is an error for a runtime failure or an unusable type", () => {
      expect(cel("self.spec.missing").get({ spec: {} })).toMatchObject({ status: "error", error: { code: "E_CEL_RUNTIME" } });
      expect(cel("'heavy'").get({})).toMatchObject({ status: "error", error: { code: "E_RESULT_TYPE" } });
    });
  });
});

describe("JSONata weightFrom", () => {
  const weight = compileWeight({ weight: 1, weightFrom: { language: "jsonata", expression: "metadata.annotations.w" } });
  it("is async and follows the jq rules", async () => {
    expect(weight.async).toBe(true);
    expect(await weight.getAsync(annotated("7"))).toEqual({ status: "value", value: 7 });
    expect(await weight.getAsync(annotated(2.5))).toEqual({ status: "value", value: 2 });
    expect(await weight.getAsync({})).toEqual({ status: "value", value: 1 });
  });
  it("refuses the sync getter instead of silently using the fallback", () => {
    expect(weight.get(annotated("7"))).toMatchObject({ status: "error", error: { code: "E_ASYNC_REQUIRED" } });
  });
});
