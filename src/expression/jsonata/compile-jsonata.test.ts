import { describe, expect, it } from "vitest";
import { ErrorCode, type StagecraftError } from "../../errors.js";
import type { EvalContext, Evaluation } from "../types.js";
import { compileJsonata } from "./compile-jsonata.js";

async function values(src: string, input: unknown = {}, context?: EvalContext): Promise<readonly unknown[]> {
  const r: Evaluation = await compileJsonata(src).evaluateAsync(input, context);
  if (!r.ok) throw new Error(r.error.message);
  return r.values;
}
async function failure(src: string, input: unknown = {}, options = {}): Promise<StagecraftError> {
  const r = await compileJsonata(src, options).evaluateAsync(input);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.values)}`);
  return r.error;
}
function compileError(src: string): StagecraftError {
  try {
    compileJsonata(src);
  } catch (e) {
    return e as StagecraftError;
  }
  throw new Error("expected compileJsonata to throw");
}

const pod = {
  metadata: { name: "p", labels: { app: "web" } },
  spec: { containers: [{ name: "a", ports: [{ containerPort: 80 }] }, { name: "b", ports: [] }] },
  status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }, { type: "PodScheduled", status: "True" }] },
};

describe("compileJsonata", () => {
  it("is an async program and refuses synchronous evaluation", () => {
    const p = compileJsonata("status.phase");
    expect(p).toMatchObject({ language: "jsonata", async: true, source: "status.phase" });
    const r = p.evaluate(pod);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(ErrorCode.AsyncRequired);
      expect(r.error.message).toContain("evaluateAsync");
    }
  });

  describe("result values", () => {
    it("maps no result to no values", async () => {
      expect(await values("status.missing", pod)).toEqual([]);
    });
    it("spreads a sequence into separate values", async () => {
      expect(await values("spec.containers.name", pod)).toEqual(["a", "b"]);
    });
    it("spreads an array result one level only", async () => {
      expect(await values("[[1, 2], 3]")).toEqual([[1, 2], 3]);
    });
    it("keeps a single value", async () => {
      expect(await values("status.conditions[type = 'Ready'].status = 'True'", pod)).toEqual([true]);
      expect(await values("metadata", pod)).toEqual([pod.metadata]);
    });
    it("keeps integral numbers as number", async () => {
      const [n] = await values("spec.containers[0].ports[0].containerPort + 1", pod);
      expect(n).toBe(81);
      expect(typeof n).toBe("number");
    });
  });

  describe("syntax errors", () => {
    it("reports the JSONata code and the position", () => {
      const err = compileError("status.phase =\n  (");
      expect(err.code).toBe(ErrorCode.JsonataSyntax);
      expect(err.rawMessage).toMatch(/^S0203: /);
      expect(err.location).toEqual({ line: 2, column: 4, offset: 18 });
    });
    it("points at the start of an offending token", () => {
      const err = compileError("a.b ] c");
      expect(err.code).toBe(ErrorCode.JsonataSyntax);
      expect(err.location?.offset).toBe(4);
    });
  });

  describe("runtime errors", () => {
    it("returns them with the JSONata code, never throws", async () => {
      const err = await failure("a.b + 1", { a: { b: "x" } });
      expect(err.code).toBe(ErrorCode.JsonataRuntime);
      expect(err.rawMessage).toMatch(/^T2001: /);
      expect(err.location).toEqual({ line: 1, column: 5, offset: 4 });
      expect((await failure("$error('boom')")).rawMessage).toBe("D3137: boom");
    });
  });

  describe("determinism", () => {
    const now = new Date("2006-01-02T15:04:05.000Z");
    it("takes $now() and $millis() from context.now, the epoch by default", async () => {
      expect(await values("[$now(), $millis()]", {}, { now })).toEqual(["2006-01-02T15:04:05.000Z", now.getTime()]);
      expect(await values("$now('[Y0001]-[M01]-[D01]')", {}, { now })).toEqual(["2006-01-02"]);
      expect(await values("$millis()")).toEqual([0]);
    });
    it("fills date parts $toMillis leaves out from context.now", async () => {
      // the picture has no year: JSONata takes it from "now"
      expect(await values("$toMillis('03-04', '[M01]-[D01]')", {}, { now })).toEqual([Date.UTC(2006, 2, 4)]);
      expect(await values("$toMillis('2020-01-01T00:00:00Z')")).toEqual([Date.UTC(2020, 0, 1)]);
    });
    it("takes $random() and $shuffle() from context.rng", async () => {
      expect(await values("$random()", {}, { rng: () => 0.5 })).toEqual([0.5]);
      expect(await values("$random()")).toEqual([0]);
      // inside-out Fisher–Yates: rng = 0 always picks j = 0 (a rotation), rng ≈ 1 picks j = i (identity);
      // the result array is spread into separate values
      expect(await values("$shuffle([1, 2, 3])")).toEqual([3, 1, 2]);
      expect(await values("$shuffle([1, 2, 3])", {}, { rng: () => 0.99 })).toEqual([1, 2, 3]);
    });
    it("does not share bindings between concurrent evaluations", async () => {
      const p = compileJsonata("$millis()");
      const [a, b] = await Promise.all([p.evaluateAsync({}, { now: new Date(1) }), p.evaluateAsync({}, { now: new Date(2) })]);
      expect([a.values, b.values]).toEqual([[1], [2]]);
    });
  });

  describe("limits and isolation", () => {
    it("bounds the evaluation depth", async () => {
      const src = "($f := function($n){ $n > 0 ? 1 + $f($n - 1) : 0 }; $f(500))";
      expect((await failure(src, {}, { maxDepth: 100 })).code).toBe(ErrorCode.LimitExceeded);
      expect((await compileJsonata(src, { maxDepth: 5000 }).evaluateAsync({})).values).toEqual([500]);
    });
    it("bounds the evaluation time", async () => {
      const src = "($f := function($n){ $n > 0 ? $f($n - 1) : 0 }; $f(10000000))";
      const err = await failure(src, {}, { timeoutMs: 20 });
      expect(err.code).toBe(ErrorCode.LimitExceeded);
      expect(err.rawMessage).toMatch(/^D1012: /);
    });
    it("bounds sequence length", async () => {
      expect((await failure("[1..10].($ * 2)", {}, { maxSequence: 5 })).code).toBe(ErrorCode.LimitExceeded);
    });
    it("does not expose prototypes", async () => {
      expect(await values("constructor", pod)).toEqual([]);
      expect(await values("$.__proto__", pod)).toEqual([]);
      expect(await values("$eval('constructor')", pod)).toEqual([]);
    });
  });

  it("does not mutate the input", async () => {
    const input = structuredClone(pod);
    const frozen = deepFreeze(structuredClone(pod));
    const src = "($merge([metadata.labels, {'x': '1'}]) ~> |$|{'y': 2}|; $sort(spec.containers, function($a, $b){ $a.name < $b.name }))";
    const r = await compileJsonata(src).evaluateAsync(frozen);
    expect(r.ok).toBe(true);
    await compileJsonata("spec.containers ~> |ports|{'hostPort': 1}|").evaluateAsync(frozen);
    expect(frozen).toEqual(input);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
