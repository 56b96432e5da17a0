/**
 * stagecraft's own golden folder (test/golden, see its README): cases KWOK's suite does not
 * cover, laid out like KWOK's (`<group>/<variant>/testdata/<case>.{input,output}.yaml`), every
 * output reviewed by hand against the behavioural spec. Run through the harness port, byte for
 * byte.
 */
import { describe, expect, it } from "vitest";
import { discoverStageTests, runStageTest } from "../../src/testing/run-stage-tests.js";

const ROOT = import.meta.dirname;
const CASES = discoverStageTests(ROOT);

describe("stagecraft golden cases (byte for byte)", () => {
  it("finds at least 30 cases in at least 6 folders", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const folders = new Set(CASES.map((c) => c.name.split("/").slice(0, -1).join("/")));
    expect(folders.size).toBeGreaterThanOrEqual(6);
  });
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const result = await runStageTest(testCase, { exact: true });
      expect(result.message ?? "", result.diff ?? result.message).toBe("");
      expect(result.status).toBe("pass");
    });
  }
});
