/**
 * CEL and JSONata properties over expressions built from their grammars: compiling throws only
 * typed errors, evaluation never throws (errors come back typed), never mutates the (frozen)
 * input and is deterministic; CEL comprehensions stay within maxIterations.
 */
import { describe, expect, it } from "vitest";
import { compileCel, compileJsonata, isStagecraftError, type CelProgram, type JsonataProgram } from "../../src/index.js";
import { deepFreeze, fc, RUNS, typedOnly, typedOnlyAsync } from "./fc.js";

const celAtom = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom("1.5", "0.0", "'s'", "''", "true", "false", "null", "[]", "{}", "[1, 2, 3]", "{'a': 1}", "b'x'", "9223372036854775807", "-9223372036854775808", "1u", "duration('1s')", "timestamp('2024-01-01T00:00:00Z')"),
  fc.constantFrom("self", "self.a", "self.l", "self.m", "self.n", "self.s", "self.a.b", "self.__proto__", "self.m['k']", "self.l[0]"),
);
const cel: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    celAtom,
    fc.tuple(tie("e"), fc.constantFrom(" + ", " - ", " * ", " / ", " % ", " == ", " != ", " < ", " >= ", " && ", " || ", " in "), tie("e")).map(([a, op, b]) => `(${a}${op}${b})`),
    tie("e").map((a) => `!(${a})`),
    tie("e").map((a) => `-(${a})`),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc.tuple(tie("e"), fc.constantFrom("size()", "startsWith('a')", "contains('b')", "endsWith('')", "matches('^a+$')", "lowerAscii()")).map(([a, m]) => `(${a}).${m}`),
    fc.tuple(fc.constantFrom("size", "int", "uint", "double", "string", "bytes", "type", "has"), tie("e")).map(([f, a]) => (f === "has" ? "has(self.a)" : `${f}(${a})`)),
    fc.tuple(tie("e"), fc.constantFrom("map", "all", "exists", "exists_one", "filter"), tie("e")).map(([l, m, b]) => `(${l}).${m}(x, ${b.replaceAll("self.n", "x")})`),
    tie("e").map((a) => `cel.bind(v, ${a}, [v, v])`),
    tie("e").map((a) => `[${a}, ${a}]`),
    tie("e").map((a) => `{'k': ${a}}`),
  ),
})).e;

const input = fc.record({
  a: fc.oneof(fc.constant(null), fc.record({ b: fc.jsonValue({ maxDepth: 1 }) })),
  l: fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 6 }),
  m: fc.dictionary(fc.constantFrom("k", "j", "__proto__"), fc.integer(), { maxKeys: 2 }),
  n: fc.oneof(fc.integer(), fc.double()),
  s: fc.string({ maxLength: 6 }),
});

const jsonataExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("a", "a.b", "l", "l[0]", "l[-1]", "m", "s", "n", "$", "$$", "1", "'x'", "true", "null", "[1, 2]", '{"k": 1}', "**", "*", "constructor", "__proto__"),
    fc.tuple(tie("e"), fc.constantFrom(" + ", " - ", " * ", " / ", " % ", " = ", " != ", " < ", " and ", " or ", " & ", " in ", ".."), tie("e")).map(([a, op, b]) => `(${a}${op}${b})`),
    fc.tuple(fc.constantFrom("$count", "$sum", "$string", "$number", "$keys", "$length", "$uppercase", "$reverse", "$sort", "$distinct", "$exists", "$boolean", "$not", "$type", "$eval", "$split", "$join", "$now", "$random", "$lookup", "$spread", "$merge", "$each"), tie("e")).map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => `${a}[${b}]`),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    tie("e").map((a) => `$map(l, function($v) { ${a} })`),
    tie("e").map((a) => `($x := ${a}; $x)`),
  ),
})).e;

describe("CEL properties", () => {
  it("compileCel throws only StagecraftError, on grammar expressions and on noise", () => {
    fc.assert(fc.property(fc.oneof(cel, fc.string({ maxLength: 30 })), (source) => void typedOnly(() => compileCel(source))));
  });

  it("evaluation never throws, returns typed errors, never mutates its input and is deterministic", () => {
    let compiled = 0;
    fc.assert(
      fc.property(cel, input, (source, raw) => {
        const program = typedOnly((): CelProgram => compileCel(source, { maxIterations: 2000 }));
        if (program === undefined) return;
        compiled++;
        const frozen = deepFreeze(raw);
        const first = program.evaluate(frozen);
        expect(program.evaluate(frozen)).toEqual(first);
        if (!first.ok) {
          expect(isStagecraftError(first.error)).toBe(true);
          expect(first.error.message).not.toMatch(/proxy|is not a function|Cannot read prop/);
        }
      }),
    );
    expect(compiled).toBeGreaterThan(RUNS / 4);
  });
});

describe("JSONata properties", () => {
  it("compileJsonata throws only StagecraftError, on grammar expressions and on noise", () => {
    fc.assert(fc.property(fc.oneof(jsonataExpr, fc.string({ maxLength: 30 })), (source) => void typedOnly(() => compileJsonata(source))));
  });

  it("evaluateAsync never rejects, returns typed errors, never mutates its input and is deterministic", async () => {
    let compiled = 0;
    await fc.assert(
      fc.asyncProperty(jsonataExpr, input, async (source, raw) => {
        const program = typedOnly((): JsonataProgram => compileJsonata(source, { maxDepth: 50, maxSequence: 2000, timeoutMs: 1000 }));
        if (program === undefined) return;
        compiled++;
        const frozen = deepFreeze(raw);
        const context = { now: new Date("2024-01-01T00:00:00Z"), rng: () => 0.5 };
        const first = await typedOnlyAsync(() => program.evaluateAsync(frozen, context));
        const second = await program.evaluateAsync(frozen, context);
        // compared as JSON: nested JSONata sequences carry a per-run `push` function
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        if (first !== undefined && !first.ok) expect(isStagecraftError(first.error)).toBe(true);
      }),
    );
    expect(compiled).toBeGreaterThan(RUNS / 4);
  });
});
