import { describe, expect, it } from "vitest";
import { ErrorCode, type StagecraftError } from "../../errors.js";
import type { Evaluation } from "../types.js";
import { CelDuration } from "./cel-duration.js";
import { compileCel } from "./compile-cel.js";

function values(r: Evaluation): readonly unknown[] {
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`);
  return r.values;
}
function failure(r: Evaluation): StagecraftError {
  if (r.ok) throw new Error(`expected an error, got ${String(r.values[0])}`);
  return r.error;
}
const run = (src: string, input: unknown = {}) => compileCel(src).evaluate(input);
function compileError(src: string): StagecraftError {
  try {
    compileCel(src);
  } catch (e) {
    return e as StagecraftError;
  }
  throw new Error("expected compileCel to throw");
}

describe("compileCel", () => {
  it("describes itself as a synchronous CEL program", () => {
    const p = compileCel("self.a == 'x'");
    expect(p).toMatchObject({ language: "cel", async: false, source: "self.a == 'x'", resultType: "bool" });
  });

  describe("integers like Kubernetes CEL on unstructured objects", () => {
    it("reads integral JSON numbers as int", () => {
      expect(values(run("self.spec.replicas == 3", { spec: { replicas: 3 } }))).toEqual([true]);
      expect(values(run("self.spec.replicas + 1", { spec: { replicas: 3 } }))).toEqual([4n]);
      expect(values(run("type(self.spec.replicas) == int", { spec: { replicas: 3 } }))).toEqual([true]);
      expect(values(run("self.spec.replicas", { spec: { replicas: 3 } }))).toEqual([3n]);
    });

    it("reads other numbers as double", () => {
      expect(values(run("type(self.x) == double", { x: 1.5 }))).toEqual([true]);
      expect(values(run("self.x * 2.0", { x: 1.5 }))).toEqual([3]);
      // int + double has no overload in CEL
      expect(failure(run("self.x + 1", { x: 1.5 })).code).toBe(ErrorCode.CelRuntime);
    });

    it("compares dyn values across numeric types at run time (heterogeneous equality)", () => {
      expect(values(run("self.x == 1.0", { x: 1 }))).toEqual([true]);
      expect(values(run("self.x == 1", { x: 1.5 }))).toEqual([false]);
      expect(values(run("self.x < 2", { x: 1.5 }))).toEqual([true]);
      expect(values(run("self.x == 1u", { x: 1 }))).toEqual([true]);
    });

    it("rejects mixed numeric literals in the type checker, like cel-go", () => {
      expect(compileError("1 == 1.0").code).toBe(ErrorCode.CelSyntax);
    });

    it("converts integers inside lists and returned objects", () => {
      expect(values(run("self.l[0] + self.l[1]", { l: [1, 2] }))).toEqual([3n]);
      expect(values(run("self.m", { m: { a: 1, b: [2, 2.5], c: "x", d: null } }))).toEqual([
        { a: 1n, b: [2n, 2.5], c: "x", d: null },
      ]);
      expect(values(run("self.l.map(x, x * 2)", { l: [1, 2] }))).toEqual([[2n, 4n]]);
    });

    it("sees an object mutated between evaluations as it is now", () => {
      const obj = { spec: { replicas: 1 } };
      const p = compileCel("self.spec.replicas");
      expect(values(p.evaluate(obj))).toEqual([1n]);
      obj.spec.replicas = 2;
      expect(values(p.evaluate(obj))).toEqual([2n]);
    });
  });

  describe("missing keys and has()", () => {
    it("reports a missing key as a runtime error", () => {
      const err = failure(run("self.status.phase == 'Running'", { spec: {} }));
      expect(err.code).toBe(ErrorCode.CelRuntime);
      expect(err.rawMessage).toBe("no such key: status");
      expect(err.location).toEqual({ line: 1, column: 6, offset: 5 });
    });

    it("tests key presence with has()", () => {
      expect(values(run("has(self.metadata.deletionTimestamp)", { metadata: {} }))).toEqual([false]);
      expect(values(run("has(self.metadata.deletionTimestamp)", { metadata: { deletionTimestamp: null } }))).toEqual([true]);
      // the operand itself must exist
      expect(failure(run("has(self.metadata.deletionTimestamp)", {})).rawMessage).toBe("no such key: metadata");
    });

    it("does not expose inherited properties as keys", () => {
      expect(values(run("has(self.toString)", {}))).toEqual([false]);
      expect(failure(run("self.constructor", {})).rawMessage).toBe("no such key: constructor");
    });
  });

  describe("errors", () => {
    it("reports parse errors with a position", () => {
      const err = compileError("self.a ==\n  ");
      expect(err.code).toBe(ErrorCode.CelSyntax);
      expect(err.location).toEqual({ line: 2, column: 3, offset: 12 });
      expect(err.message).toMatch(/^2:3: /);
    });

    it("reports type errors with a position", () => {
      const err = compileError("self.a == 1 &&\n  nope(1)");
      expect(err.code).toBe(ErrorCode.CelSyntax);
      expect(err.location).toMatchObject({ line: 2, column: 3 });
      expect(err.rawMessage).toContain("nope");
    });

    it("rejects variables other than self", () => {
      expect(compileError("object.a").code).toBe(ErrorCode.CelSyntax);
    });

    it("never throws from evaluate", () => {
      const p = compileCel("self.a");
      expect(failure(p.evaluate(undefined)).code).toBe(ErrorCode.CelRuntime);
      expect(failure(p.evaluate("text")).code).toBe(ErrorCode.CelRuntime);
    });

    it("resolves evaluateAsync with the same result", async () => {
      await expect(compileCel("self.a + 1").evaluateAsync({ a: 1 })).resolves.toEqual({ ok: true, values: [2n] });
    });
  });

  describe("result values", () => {
    it.each([
      ["'a' + 'b'", "ab"],
      ["1u + 2u", 3n],
      ["2.5", 2.5],
      ["null", null],
      ["[1, 2]", [1n, 2n]],
      ["{'a': 1}", { a: 1n }],
      ["b'ab'", new Uint8Array([97, 98])],
      ["type(1)", "int"],
    ])("%s", (src, expected) => {
      expect(values(run(src))).toEqual([expected]);
    });

    it("maps timestamps to Date and durations to CelDuration", () => {
      const [ts] = values(run("timestamp('2006-01-02T15:04:05Z')"));
      expect(ts).toEqual(new Date("2006-01-02T15:04:05Z"));
      const [d] = values(run("duration('1m30.5s')"));
      expect(d).toBeInstanceOf(CelDuration);
      expect((d as CelDuration).nanoseconds).toBe(90_500_000_000n);
      expect(String(d)).toBe("90.5s");
    });
  });

  describe("limits", () => {
    it("bounds the AST size at compile time", () => {
      expect(() => compileCel("1 + 1 + 1 + 1 + 1")).not.toThrow();
      let limited: StagecraftError | undefined;
      try {
        compileCel("1 + 1 + 1 + 1 + 1", { limits: { maxAstNodes: 3 } });
      } catch (e) {
        limited = e as StagecraftError;
      }
      expect(limited?.code).toBe(ErrorCode.LimitExceeded);
    });

    it("bounds what + can build at run time", () => {
      const doubling = `[[1]]${".map(l, l + l)".repeat(20)}.map(l, size(l))`;
      const err = failure(run(doubling));
      expect(err.code).toBe(ErrorCode.LimitExceeded);
      const strings = "cel.bind(a, 'abcdefgh', cel.bind(b, a + a, cel.bind(c, b + b, c + c)))";
      expect(values(compileCel(strings, { maxConcatLength: 64 }).evaluate({}))).toEqual(["abcdefgh".repeat(8)]);
      expect(failure(compileCel(strings, { maxConcatLength: 63 }).evaluate({})).code).toBe(ErrorCode.LimitExceeded);
    });
  });

  it("does not mutate the input", () => {
    const input = { metadata: { name: "a", labels: { x: "1" } }, spec: { replicas: 3, list: [1, 2.5] } };
    const copy = structuredClone(input);
    const p = compileCel("self.spec.list.map(x, x).size() == 2 && self.metadata.labels.x == '1' && self.spec.replicas == 3");
    expect(values(p.evaluate(input))).toEqual([true]);
    compileCel("self").evaluate(input);
    expect(input).toEqual(copy);
    expect(Object.isFrozen(input)).toBe(false);
  });
});
