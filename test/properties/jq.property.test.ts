/**
 * jq properties over queries built from the grammar (paths, pipes, comma, arithmetic,
 * comparisons, constructors, conditionals, reduce, try, optional, builtins): compiling throws
 * only typed errors, evaluation never throws, never mutates its (frozen) input, is
 * deterministic, and never reports an internal error.
 */
import { describe, expect, it } from "vitest";
import { compileJq, type JqProgram } from "../../src/index.js";
import { deepFreeze, fc, RUNS, typedOnly } from "./fc.js";

const key = fc.constantFrom("a", "b", "c", "__proto__", "constructor", "spec", "x y", "é");
const literal = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom("null", "true", "false", "1.5", "1e300", "-0", '"s"', '""', '"__proto__"', "[]", "{}", "nan", "infinite"),
);

const query: fc.Arbitrary<string> = fc.letrec<{ q: string }>((tie) => ({
  q: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant("."),
    literal,
    key.map((k) => (/^[a-z_]+$/.test(k) ? `.${k}` : `.[${JSON.stringify(k)}]`)),
    fc.constantFrom(".[]", ".[0]", ".[-1]", ".[1:]", ".[]?", "..", ".a?", "$__loc__"),
    fc.constantFrom("length", "keys", "values", "to_entries", "from_entries", "add", "sort", "unique", "reverse", "tostring", "tojson", "fromjson", "type", "not", "empty", "floor", "sqrt", "ascii_downcase", "explode", "min", "max", "flatten", "tonumber", "utf8bytelength", "first", "last", "error", "paths"),
    fc.tuple(tie("q"), fc.constantFrom(" | ", ", ", " + ", " - ", " * ", " / ", " % ", " == ", " != ", " < ", " >= ", " and ", " or ", " // "), tie("q")).map(([a, op, b]) => `(${a}${op}${b})`),
    tie("q").map((a) => `[${a}]`),
    fc.tuple(key, tie("q")).map(([k, v]) => `{${JSON.stringify(k)}: ${v}}`),
    fc.tuple(tie("q"), tie("q"), tie("q")).map(([c, t, e]) => `(if ${c} then ${t} else ${e} end)`),
    fc.tuple(fc.constantFrom("select", "map", "map_values", "sort_by", "group_by", "unique_by", "min_by", "any", "all", "with_entries", "recurse", "walk", "has", "contains", "startswith", "split", "join", "ltrimstr", "index", "limit(2; ", "first(", "isempty(", "range(", "until(. > 3; ", "while(. < 3; "), tie("q")).map(([f, a]) =>
      f.endsWith("; ") || f.endsWith("(") ? `${f}${a})` : `${f}(${a})`,
    ),
    fc.tuple(tie("q"), tie("q")).map(([a, b]) => `reduce (${a}) as $v (${b}; . + $v)`),
    fc.tuple(tie("q"), tie("q")).map(([a, b]) => `(${a}) as $x | ${b}`),
    tie("q").map((a) => `try (${a}) catch .`),
    tie("q").map((a) => `(${a})?`),
  ),
})).q;

const input = fc.jsonValue({ maxDepth: 3, depthSize: "small" });

describe("jq properties", () => {
  it("compileJq throws only StagecraftError, on grammar queries and on noise", () => {
    fc.assert(fc.property(fc.oneof(query, fc.string({ maxLength: 40 })), (q) => void typedOnly(() => compileJq(q))));
  });

  it("evaluation never throws, never mutates its input, is deterministic, and reports no internal error", () => {
    let compiled = 0;
    fc.assert(
      fc.property(query, input, (q, data) => {
        const program = typedOnly((): JqProgram => compileJq(q, { maxSteps: 20_000, maxOutputs: 1000 }));
        if (program === undefined) return;
        compiled++;
        const frozen = deepFreeze(data);
        const first = program.evaluate(frozen);
        const second = program.evaluate(frozen);
        expect(second).toEqual(first);
        if (!first.ok) expect(first.error.message).not.toMatch(/internal error/);
        expect(({} as Record<string, unknown>)["s"]).toBeUndefined();
      }),
    );
    expect(compiled).toBeGreaterThan(RUNS / 2);
  });

  it("outputs are bounded by maxOutputs and work by maxSteps", () => {
    fc.assert(
      fc.property(query, input, fc.integer({ min: 1, max: 50 }), (q, data, maxOutputs) => {
        const program = typedOnly(() => compileJq(q, { maxSteps: 5000, maxOutputs }));
        if (program === undefined) return;
        const r = program.evaluate(deepFreeze(data));
        expect(r.values.length).toBeLessThanOrEqual(maxOutputs);
        if (!r.ok && r.error.code === "E_LIMIT_EXCEEDED") expect(r.error.message).toMatch(/outputs|step budget|nested|stack|length/);
      }),
    );
  });
});
