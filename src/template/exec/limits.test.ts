import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../../errors.js";
import { KWOK_TEMPLATE_FUNCTIONS } from "../functions.js";
import { parseTemplate } from "../parser.js";
import { executeTemplate } from "./execute.js";
import type { ExecuteLimits } from "./state.js";
import { sprigFunctions } from "./sprig.js";

const functions = sprigFunctions({ now: () => new Date(0), random: () => 0.25 });

function run(text: string, limits: ExecuteLimits = {}): string {
  try {
    return `ok ${executeTemplate(parseTemplate(text, { functions: KWOK_TEMPLATE_FUNCTIONS }), {}, { functions, limits })}`;
  } catch (e) {
    return isStagecraftError(e) ? `${e.code} ${e.message}` : `foreign ${String(e)}`;
  }
}

describe("template limits", () => {
  it("functions that allocate from a count are checked before they allocate", () => {
    for (const call of ["until 1000000000", "untilStep 0 1000000000 1", "seq 1 1000000000", 'repeat 1000000000 "ab"', 'indent 1000000000 "x"', 'nindent 600000 "a\\nb"', "randAlpha 1000000000", "randBytes 1000000000"]) {
      expect(run(`{{ ${call} | len }}`), call).toMatch(/^E_LIMIT_EXCEEDED template: _:1:3: executing "_" at <.*>: limit exceeded: \w+ would build a value of length \d+, more than maxValueLength 1048576$/);
    }
    expect(run("{{ until 10 | len }}", { maxValueLength: 10 })).toBe("ok 10");
    expect(run("{{ until 11 | len }}", { maxValueLength: 10 })).toMatch(/^E_LIMIT_EXCEEDED .*maxValueLength 10$/);
  });

  it("doubling a value in a loop stops at the bound", () => {
    expect(run('{{ $s := "ab" }}{{ range until 40 }}{{ $s = cat $s $s }}{{ end }}{{ len $s }}')).toMatch(/^E_LIMIT_EXCEEDED .*<cat \$s \$s>: limit exceeded: cat returned a value of length \d+, more than maxValueLength/);
    expect(run('{{ $l := list 1 }}{{ range until 40 }}{{ $l = concat $l $l }}{{ end }}{{ len $l }}', { maxValueLength: 1000 })).toMatch(/^E_LIMIT_EXCEEDED .*concat returned a value of length 1024/);
  });

  it("deep nesting is E_LIMIT_EXCEEDED at parse time, not a RangeError", () => {
    expect(run("{{" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "}}")).toMatch(/^E_LIMIT_EXCEEDED template: _: limit exceeded: nested too deeply/);
    expect(run("{{if 1}}".repeat(100_000) + "{{end}}".repeat(100_000))).toMatch(/^E_LIMIT_EXCEEDED/);
  });

  it("range iterations, template depth and output size", () => {
    expect(run("{{ range 1000000000 }}{{ end }}")).toMatch(/^E_LIMIT_EXCEEDED .*more than 100000 range iterations/);
    expect(run('{{ define "a" }}{{ template "a" . }}{{ end }}{{ template "a" . }}')).toMatch(/^E_LIMIT_EXCEEDED .*maximum template depth \(1000\)/);
    expect(run("{{ range 100 }}x{{ end }}", { maxOutputBytes: 99 })).toMatch(/^E_LIMIT_EXCEEDED .*output exceeds 99 bytes/);
  });
});

describe("template maps and prototype keys", () => {
  it("dict, set, merge and mergeOverwrite keep __proto__ as a key", () => {
    expect(run('{{ $d := dict "__proto__" (dict "p" 1) }}{{ toJson $d }}')).toBe('ok {"__proto__":{"p":1}}');
    expect(run('{{ $d := dict }}{{ $_ := set $d "__proto__" (list 1) }}{{ toJson $d }} {{ kindOf $d }}')).toBe('ok {"__proto__":[1]} map');
    expect(run('{{ $d := merge (dict) (dict "__proto__" 1) }}{{ toJson $d }}')).toBe('ok {"__proto__":1}');
    expect(run('{{ $d := mergeOverwrite (dict) (dict "__proto__" 1) }}{{ toJson $d }}')).toBe('ok {"__proto__":1}');
    expect(({} as Record<string, unknown>)["p"]).toBeUndefined();
  });
});
