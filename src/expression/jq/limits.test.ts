import { describe, expect, it } from "vitest";
import { ErrorCode, isStagecraftError } from "../../errors.js";
import { compileJq } from "./program.js";

function outcome(query: string, input: unknown = null, options = {}): string {
  try {
    const r = compileJq(query, options).evaluate(input);
    return r.ok ? `ok ${r.values.length}` : `${r.error.code} ${r.error.message}`;
  } catch (e) {
    return isStagecraftError(e) ? `${e.code} ${e.message}` : `foreign ${String(e)}`;
  }
}

describe("jq limits", () => {
  it("array and string growth is charged to the step budget", () => {
    expect(outcome("reduce range(40) as $i ([1]; . + .) | length")).toMatch(/^E_LIMIT_EXCEEDED .*step budget of 1000000/);
    expect(outcome('reduce range(40) as $i ("ab"; . + .) | length')).toMatch(/^E_LIMIT_EXCEEDED .*step budget/);
    expect(outcome('"x" * 100000000 | length')).toMatch(/^E_LIMIT_EXCEEDED/);
    expect(outcome("[range(3000)] - [range(3000)]")).toMatch(/^E_LIMIT_EXCEEDED/);
    expect(outcome("reduce range(10) as $i ([1]; . + .) | length")).toBe("ok 1");
  });

  it("a query nested too deeply for the stack is E_LIMIT_EXCEEDED at compile time", () => {
    expect(outcome("(".repeat(100_000) + "1" + ")".repeat(100_000))).toMatch(/^E_LIMIT_EXCEEDED jq: query nested too deeply/);
    expect(outcome("1" + "+1".repeat(50_000))).toMatch(/^E_LIMIT_EXCEEDED/);
    expect(outcome("1" + "+1".repeat(100))).toBe("ok 1");
  });

  it("maxOutputs and maxSteps", () => {
    expect(outcome("range(10)", null, { maxOutputs: 9 })).toMatch(new RegExp(`^${ErrorCode.LimitExceeded} jq: more than 9 outputs`));
    expect(outcome("range(10)", null, { maxOutputs: 10 })).toBe("ok 10");
    expect(outcome("[range(1e9)]")).toMatch(/^E_LIMIT_EXCEEDED .*step budget/);
  });
});
