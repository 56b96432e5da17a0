import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../../errors.js";
import { type CelOptions, compileCel } from "./compile-cel.js";

function outcome(source: string, self: unknown = {}, options: CelOptions = {}): string {
  try {
    const r = compileCel(source, options).evaluate(self);
    return r.ok ? `ok ${String(r.values[0])}` : `${r.error.code} ${r.error.message}`;
  } catch (e) {
    return isStagecraftError(e) ? `${e.code} ${e.message}` : `foreign ${String(e)}`;
  }
}

const TEN = "[1,2,3,4,5,6,7,8,9,10]";

describe("CEL maxIterations", () => {
  it("nested comprehensions are stopped by the iteration budget", () => {
    let e = "x";
    for (const v of "abcdefgh") e = `${TEN}.map(${v}, ${e === "x" ? v : e})`;
    expect(outcome(`${e}.size()`)).toMatch(/^E_LIMIT_EXCEEDED .*more than maxIterations 1000000 elements/);
    const l = { l: Array.from({ length: 300 }, (_, i) => i) };
    expect(outcome("self.l.all(a, self.l.all(b, self.l.all(c, self.l.all(d, a + b + c + d >= 0))))", l)).toMatch(/^E_LIMIT_EXCEEDED/);
  });

  it("counts the elements of every run of a comprehension", () => {
    const q = `${TEN}.map(a, ${TEN}.map(b, a * b)).size()`; // 10 + 10 × 10 elements
    expect(outcome(q, {}, { maxIterations: 110 })).toBe("ok 10");
    expect(outcome(q, {}, { maxIterations: 109 })).toMatch(/^E_LIMIT_EXCEEDED .*maxIterations 109/);
    // the budget is per evaluation
    const p = compileCel(q, { maxIterations: 110 });
    expect([p.evaluate({}).ok, p.evaluate({}).ok]).toEqual([true, true]);
  });
});

describe("CEL on frozen input", () => {
  it("reads deep-frozen objects (a store's) like plain ones", () => {
    const freeze = (v: unknown): unknown => {
      if (typeof v === "object" && v !== null) {
        for (const x of Object.values(v)) freeze(x);
        Object.freeze(v);
      }
      return v;
    };
    const pod = freeze({ spec: { replicas: 3, containers: [{ name: "a", ports: [{ containerPort: 80 }] }] }, metadata: JSON.parse('{"__proto__": {"x": 1}}') });
    expect(outcome("self.spec.replicas == 3 && self.spec.containers[0].ports[0].containerPort == 80", pod)).toBe("ok true");
    expect(outcome("self.spec.containers.map(c, c.name)", pod)).toBe("ok a");
    expect(outcome("self.metadata.__proto__.x", pod)).toBe("ok 1");
  });
});

describe("CEL maxConcatLength", () => {
  it("also bounds values built by functions (join doubling without a +)", () => {
    let e = "'xxxxxxxxxxxxxxxx'";
    for (let i = 0; i < 26; i++) e = `cel.bind(v${i}, ${e}, [v${i}, v${i}].join(''))`;
    expect(outcome(`${e}.size()`)).toMatch(/^E_LIMIT_EXCEEDED size limit exceeded: join\(\) produced \d+ elements \(maxConcatLength 1000000\)/);
    expect(outcome("[1, 2].map(x, 'ab').join('').size()")).toBe("ok 4");
    expect(outcome("[1, 2].map(x, 'ab').join('')", {}, { maxConcatLength: 3 })).toMatch(/^E_LIMIT_EXCEEDED .*maxConcatLength 3/);
  });
});
