import { describe, expect, it } from "vitest";
import { compileWeight } from "./weight.js";

const jq = (expression: string) => ({ language: "jq" as const, expression });
const annotated = (w: unknown) => ({ metadata: { annotations: { w } } });

describe("compileWeight (KWOK spec §3.1)", () => {
  it("returns the static weight without weightFrom", () => {
    expect(compileWeight({ weight: 3 })({})).toEqual({ status: "value", value: 3 });
  });

  describe("jq weightFrom", () => {
    const weight = compileWeight({ weight: 1, weightFrom: jq(".metadata.annotations.w") });
    it.each([
      ["5", 5],
      ["0x10", 16],
      ["010", 8],
      ["-2", -2],
    ])("parses the string %j as a Go integer", (text, value) => {
      expect(weight(annotated(text))).toEqual({ status: "value", value });
    });

    it("falls back to the static weight when the query yields nothing or null", () => {
      expect(weight({})).toEqual({ status: "value", value: 1 });
      expect(weight(annotated(null))).toEqual({ status: "value", value: 1 });
    });

    it('is unknown (not the default) for "" and for unparsable strings', () => {
      expect(weight(annotated(""))).toEqual({ status: "unknown" });
      expect(weight(annotated("1.5"))).toEqual({ status: "unknown" });
      expect(weight(annotated("heavy"))).toEqual({ status: "unknown" });
    });

    it("truncates numbers read from the object (float64 in KWOK)", () => {
      expect(weight(annotated(7.9))).toEqual({ status: "value", value: 7 });
    });

    it("uses the static weight for jq integers, booleans and objects", () => {
      expect(compileWeight({ weight: 4, weightFrom: jq("5") })({})).toEqual({ status: "value", value: 4 });
      expect(weight(annotated(true))).toEqual({ status: "value", value: 1 });
      expect(weight(annotated({ a: 1 }))).toEqual({ status: "value", value: 1 });
    });

    it("uses only the first non-null output", () => {
      const w = compileWeight({ weight: 1, weightFrom: jq('null, "3", "4"') });
      expect(w({})).toEqual({ status: "value", value: 3 });
    });
  });

  describe("CEL weightFrom", () => {
    const cel = (expression: string) => compileWeight({ weight: 1, weightFrom: { language: "cel", expression } });
    it("converts int, double (truncated) and bool", () => {
      expect(cel("3")({})).toEqual({ status: "value", value: 3 });
      expect(cel("2.9")({})).toEqual({ status: "value", value: 2 });
      expect(cel("true")({})).toEqual({ status: "value", value: 1 });
      expect(cel("int(self.spec.replicas) * 2")({ spec: { replicas: 3 } })).toEqual({ status: "value", value: 6 });
    });
    it("is an error for a runtime failure or an unusable type", () => {
      expect(cel("self.spec.missing")({ spec: {} })).toMatchObject({ status: "error", error: { code: "E_CEL_RUNTIME" } });
      expect(cel("'heavy'")({})).toMatchObject({ status: "error", error: { code: "E_RESULT_TYPE" } });
    });
  });
});
