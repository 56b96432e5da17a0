/**
 * Template properties over templates built from the grammar (text, fields, variables, if/else,
 * range/break, with, define/template, pipelines of builtins and sprig functions, trim markers,
 * comments): parsing throws only typed errors, execution throws only typed errors, does not
 * mutate its (frozen) data, is deterministic and stays within the limits it was given.
 */
import { describe, expect, it } from "vitest";
import { executeTemplate, KWOK_TEMPLATE_FUNCTIONS, kwokFunctions, parseTemplate, sprigFunctions, toTemplateData, utf8Length } from "./template-imports.js";
import { deepFreeze, fc, RUNS, typedOnly } from "./fc.js";

const functions = {
  ...sprigFunctions({ now: () => new Date("2024-01-01T00:00:00Z"), random: () => 0.5 }),
  ...kwokFunctions({ now: () => "2024-01-01T00:00:00Z", startTime: "2024-01-01T00:00:00Z" }),
};

const field = fc.constantFrom(".", ".a", ".a.b", ".l", ".m", ".n", ".s", ".__proto__", ".constructor", "$", "$x", "$.a");
const arg: fc.Arbitrary<string> = fc.oneof(field, fc.constantFrom('"x"', '"a\\nb"', "1", "-2", "3.5", "true", "nil", "'c'", "0x10", "1e3"));
const fn = fc.constantFrom(
  "len", "print", "printf \"%v-%d\"", "println", "quote", "upper", "lower", "title", "trim", "default \"d\"", "toJson", "fromJson", "list", "dict \"k\"", "index",
  "eq", "ne", "lt", "not", "and", "or", "add", "sub", "mul", "div", "mod", "until", "seq", "repeat 3", "indent 2", "nindent 2", "trunc 2", "b64enc", "sha256sum",
  "toString", "atoi", "int", "float64", "splitList \",\"", "join \",\"", "first", "last", "keys", "hasKey", "get", "set", "merge", "concat", "uniq", "sortAlpha",
  "empty", "coalesce", "ternary 1 2", "semver", "regexMatch \"a+\"", "regexReplaceAll \"a\"", "toYaml", "YAML", "Quote", "kindOf", "typeOf", "deepEqual", "slice", "html", "js",
  "urlquery", "date \"2006\"", "duration", "b64dec", "toDate \"2006-01-02\"", "randAlpha", "until", "tuple", "pick", "omit", "dig \"a\"", "chunk 2", "abbrev 5", "wrap 3",
);
const pipeline: fc.Arbitrary<string> = fc.oneof(
  arg,
  fc.tuple(fn, fc.array(arg, { maxLength: 2 })).map(([f, a]) => [f, ...a].join(" ")),
  fc.tuple(arg, fn).map(([a, f]) => `${a} | ${f}`),
  fc.tuple(fn, arg, fn).map(([f, a, g]) => `(${f} ${a}) | ${g}`),
);

const body: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("text", " ", "\n", "é", "{{/* c */}}", "{{- \" \" -}}", "}}", "{{"),
    pipeline.map((p) => `{{ ${p} }}`),
    pipeline.map((p) => `{{ $x := ${p} }}`),
    fc.tuple(pipeline, tie("t"), tie("t")).map(([p, a, b]) => `{{ if ${p} }}${a}{{ else }}${b}{{ end }}`),
    fc.tuple(pipeline, tie("t")).map(([p, a]) => `{{ range $i, $v := ${p} }}${a}{{ if $i }}{{ break }}{{ end }}{{ end }}`),
    fc.tuple(pipeline, tie("t")).map(([p, a]) => `{{ with ${p} }}${a}{{ else }}none{{ end }}`),
    fc.tuple(tie("t"), tie("t")).map(([a, b]) => a + b),
    tie("t").map((a) => `{{ define "d" }}${a}{{ end }}{{ template "d" . }}`),
  ),
})).t;

const data = fc.record({
  a: fc.oneof(fc.constant(null), fc.record({ b: fc.jsonValue({ maxDepth: 1 }) })),
  l: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 4 }),
  m: fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 3 }),
  n: fc.integer({ min: -3, max: 40 }),
  s: fc.string({ maxLength: 8 }),
});

const LIMITS = { maxOutputBytes: 4096, maxIterations: 500, maxValueLength: 4096, maxTemplateDepth: 20 };

describe("template properties", () => {
  it("parseTemplate throws only StagecraftError, on grammar templates and on noise", () => {
    fc.assert(fc.property(fc.oneof(body, fc.string({ maxLength: 40 }).map((s) => `{{${s}}}`)), (text) => void typedOnly(() => parseTemplate(text, { functions: KWOK_TEMPLATE_FUNCTIONS }))));
  });

  it("execution throws only typed errors, does not mutate data, is deterministic and respects its limits", () => {
    let rendered = 0;
    fc.assert(
      fc.property(body, data, (text, raw) => {
        const parsed = typedOnly(() => parseTemplate(text, { functions: KWOK_TEMPLATE_FUNCTIONS }));
        if (parsed === undefined) return;
        const dot = deepFreeze(toTemplateData(deepFreeze(raw)));
        const run = () => typedOnly(() => executeTemplate(parsed, dot, { functions, limits: LIMITS }));
        const first = run();
        expect(run()).toBe(first);
        if (first !== undefined) {
          rendered++;
          expect(utf8Length(first)).toBeLessThanOrEqual(LIMITS.maxOutputBytes);
        }
        expect(({} as Record<string, unknown>)["k"]).toBeUndefined();
      }),
    );
    expect(rendered).toBeGreaterThan(RUNS / 4);
  });
});
