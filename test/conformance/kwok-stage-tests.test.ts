/**
 * KWOK's own stage conformance suite (../shared/conformance/kwok), run through the harness
 * port: every case must reproduce KWOK's golden output byte for byte.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverStageTests, runStageTest } from "../../src/testing/run-stage-tests.js";

const ROOT = join(import.meta.dirname, "../../../shared/conformance/kwok");
const CASES = discoverStageTests(ROOT);

describe("KWOK stage conformance (byte for byte)", () => {
  it("finds KWOK's cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
  });
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const result = await runStageTest(testCase, { exact: true });
      expect(result.message ?? "", result.diff ?? result.message).toBe("");
      expect(result.status).toBe("pass");
    });
  }
});
