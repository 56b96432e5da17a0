import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../errors.js";
import type { EvalContext, Evaluation } from "../types.js";
import { compileCel } from "./compile-cel.js";
import { Quantity } from "./quantity.js";

const NOW = new Date("2006-01-02T15:04:05.250Z");
function value(src: string, input: unknown = {}, context: EvalContext = {}): unknown {
  const r: Evaluation = compileCel(src).evaluate(input, context);
  if (!r.ok) throw new Error(r.error.message);
  return r.values[0];
}
function errorOf(src: string, input: unknown = {}, context: EvalContext = {}) {
  const r = compileCel(src).evaluate(input, context);
  return r.ok ? undefined : r.error;
}
const nanosOf = (src: string): bigint => (value(src) as Quantity).nanos;

describe("Now()", () => {
  it("returns context.now, never the wall clock", () => {
    expect(value("Now()", {}, { now: NOW })).toEqual(NOW);
    expect(value("Now()")).toEqual(new Date(0));
  });
  it("supports timestamp arithmetic", () => {
    expect(value("Now() - timestamp('2006-01-02T15:04:00Z') > duration('5s')", {}, { now: NOW })).toBe(true);
  });
});

describe("Rand()", () => {
  it("reads context.rng for every call and defaults to 0", () => {
    // cel-js evaluates operands in no fixed order, so only the sum is checked
    const seq = [0.25, 0.5];
    expect(value("Rand() + Rand()", {}, { rng: () => seq.shift() ?? 0 })).toBe(0.75);
    expect(seq).toEqual([]);
    expect(value("Rand()")).toBe(0);
  });
});

describe("UnixSecond()", () => {
  it("returns seconds as a double, in both call forms", () => {
    expect(value("UnixSecond(Now())", {}, { now: NOW })).toBe(1136214245.25);
    expect(value("Now().UnixSecond()", {}, { now: NOW })).toBe(1136214245.25);
    expect(value("timestamp('1970-01-01T00:00:01.5Z').UnixSecond()")).toBe(1.5);
  });
});

describe("SinceSecond()", () => {
  const pod = { metadata: { creationTimestamp: "2006-01-02T15:04:00Z" } };
  it("measures from metadata.creationTimestamp to context.now", () => {
    expect(value("SinceSecond(self)", pod, { now: NOW })).toBe(5.25);
    expect(value("self.SinceSecond() > 5.0", pod, { now: NOW })).toBe(true);
  });
  it("fails when the timestamp is missing or malformed", () => {
    expect(errorOf("SinceSecond(self)", {}, { now: NOW })?.code).toBe(ErrorCode.CelRuntime);
    expect(errorOf("SinceSecond(self)", { metadata: { creationTimestamp: "yesterday" } })?.rawMessage).toContain("RFC 3339");
  });
});

describe("Quantity()", () => {
  it("parses in both call forms", () => {
    expect(value("Quantity('1Gi')")).toBeInstanceOf(Quantity);
    expect(nanosOf("'1Gi'.Quantity()")).toBe(1024n ** 3n * 1_000_000_000n);
    const pvc = { spec: { resources: { requests: { storage: "5Gi" } } } };
    const q = value("Quantity(self.spec.resources.requests.storage)", pvc) as Quantity;
    expect(q.nanos).toBe(nanosOf("Quantity('5Gi')"));
  });
  it("fails at run time on invalid text", () => {
    const err = errorOf("Quantity('1 Gi')");
    expect(err?.code).toBe(ErrorCode.CelRuntime);
    expect(err?.rawMessage).toContain("quantities must match the regular expression");
  });
  it("adds, subtracts and negates exactly", () => {
    expect(nanosOf("Quantity('1Gi') + Quantity('512Mi')")).toBe(nanosOf("Quantity('1.5Gi')"));
    expect(nanosOf("Quantity('1') - Quantity('1n')")).toBe(999_999_999n);
    expect(nanosOf("-Quantity('250m')")).toBe(-250_000_000n);
    expect(String(value("Quantity('1Gi') + Quantity('512Mi')"))).toBe("1536Mi");
  });
  it("multiplies and divides in milli-units", () => {
    expect(nanosOf("Quantity('250m') * 4")).toBe(1_000_000_000n);
    expect(nanosOf("Quantity('250m') * 4u")).toBe(1_000_000_000n);
    expect(nanosOf("Quantity('1') * 0.0015")).toBe(1_000_000n); // 1.5m truncated to 1m
    expect(nanosOf("Quantity('1n') * 2")).toBe(2_000_000n); // 1n is 1m once rounded up
    expect(nanosOf("Quantity('1') / 3")).toBe(333_000_000n);
    expect(nanosOf("Quantity('1') / 4.0")).toBe(250_000_000n);
    expect(errorOf("Quantity('1') / 0")?.rawMessage).toBe("division by zero");
    expect(errorOf("Quantity('1') / 0.0")?.rawMessage).toBe("division by zero");
  });
  it("compares by value", () => {
    expect(value("Quantity('1Gi') == Quantity('1073741824')")).toBe(true);
    expect(value("Quantity('1Gi') != Quantity('1G')")).toBe(true);
    expect(value("Quantity('1Gi') > Quantity('1G')")).toBe(true);
    expect(value("Quantity('1G') >= Quantity('1000M')")).toBe(true);
    expect(value("Quantity('500m') < Quantity('1')")).toBe(true);
    expect(value("Quantity('2') <= Quantity('1')")).toBe(false);
  });
  it("does not expose fields or mix with numbers", () => {
    expect(() => compileCel("Quantity('1').nanos")).toThrow(expect.objectContaining({ code: ErrorCode.CelSyntax }));
    expect(() => compileCel("Quantity('1') + 1")).toThrow(expect.objectContaining({ code: ErrorCode.CelSyntax }));
    expect(() => compileCel("2 * Quantity('1')")).toThrow(expect.objectContaining({ code: ErrorCode.CelSyntax }));
  });
});

describe("isolation", () => {
  it("has no way to reach the environment, files, network or process", () => {
    for (const src of ["process.env", "env('HOME')", "readFile('/etc/passwd')", "http('x')", "self.constructor.constructor('return process')()"]) {
      expect(() => compileCel(src), src).toThrow(expect.objectContaining({ code: ErrorCode.CelSyntax }));
    }
  });
});
