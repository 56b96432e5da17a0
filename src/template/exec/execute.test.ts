import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../../errors.js";
import { KWOK_TEMPLATE_FUNCTIONS, parseTemplate } from "../index.js";
import { EXEC_DATA } from "./exec-cases.fixture.js";
import { JsonNumber, executeTemplate, goSprintf, kwokFunctions, kwokQuote, kwokYaml, placeholderFunctions, sprigFunctions, toTemplateData } from "./index.js";

const FUNCTIONS = { ...sprigFunctions(), ...kwokFunctions({ now: () => "NOW", startTime: "START" }), ...placeholderFunctions() };
const DATA = toTemplateData(EXEC_DATA);

function run(text: string, data: unknown = DATA, limits = {}): string {
  return executeTemplate(parseTemplate(text, { name: "t", functions: KWOK_TEMPLATE_FUNCTIONS }), data, { functions: FUNCTIONS, limits });
}

function fails(text: string, data: unknown = DATA, limits = {}): string {
  try {
    run(text, data, limits);
  } catch (e) {
    if (isStagecraftError(e)) return `${e.code} ${e.message}`;
    throw e;
  }
  throw new Error("expected an error");
}

describe("executeTemplate: Go behaviours", () => {
  it.each([
    ["{{.a}}", "map[b:1 n:<nil> s:str z:0]"],
    ["{{.list}} {{.nil}} {{.missing}} {{.missing.x.y}}", "[x y z] <no value> <no value> <no value>"],
    ["{{.t}} {{1.5}} {{1e6}} {{0.00001}} {{'a'}}", "true 1.5 1e+06 1e-05 97"],
    ["{{if .zero}}T{{else}}F{{end}}{{if .a.z}}T{{end}}{{if .emptyList}}T{{else}}F{{end}}", "TTF"],
    ['{{eq .num "3"}} {{eq .missing "x"}} {{eq 1 2 1}}', "true false true"],
    ['{{or .missing "d"}} {{and .str .zero}} {{not .str}}', "d 0 false"],
    ["{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}", "a=1;b=2;c=map[d:<nil>];"],
    ["{{range .list}}{{if eq . \"y\"}}{{continue}}{{end}}{{.}}{{end}}|{{range .list}}{{if eq . \"y\"}}{{break}}{{end}}{{.}}{{end}}", "xz|x"],
    ["{{range .emptyList}}x{{else}}none{{end}}", "none"],
    ['{{define "t2"}}[{{.}}]{{end}}{{template "t2" .str}}', "[hello]"],
    ["{{$x := 1}}{{if true}}{{$x = 2}}{{$y := 3}}{{end}}{{$x}}", "2"],
    ['{{printf "%d|%s|%5.2f|%q|%x" 3 .num 3.14159 "a" "hi"}}', "3|3| 3.14|\"a\"|6869"],
    ['{{printf "%d" .str}} {{printf "%d %d" 1}}', "%!d(string=hello) 1 %!d(MISSING)"],
    ["{{html .html}} {{js .html}}", "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt; \\u003Ca href\\u003D\\'x\\'\\u003E\\u0026\\u003C/a\\u003E"],
    ["{{ .html | Quote }} {{ .num | Quote }} {{ .missing | Quote }}", '"\\u003ca href=\'x\'\\u003e\\u0026\\u003c/a\\u003e" "3" "null"'],
    ['{{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) }}', '<PodIPWith("node", false, "")>'],
    ["{{ range NodeIPsWith \"n\" }}{{.}};{{end}}", '<0 of NodeIPsWith("n")>;<1 of NodeIPsWith("n")>;'],
    ['{{ default "d" .missing }} {{ dict "a" 1 "b" .str }} {{ list 1 "a" }} {{ join "," .list }}', "d map[a:1 b:hello] [1 a] x,y,z"],
    ['{{ upper "ab" }} {{ trimPrefix "a" "abc" }} {{ add 1 .num }} {{ int "042" }} {{ b64enc "hi" }} {{ nindent 2 "a\\nb" }}', "AB bc 4 34 aGk= \n  a\n  b"],
  ])("%s", (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each([
    ["{{eq .num 3}}", 'E_TEMPLATE_EXEC template: t:1:2: executing "t" at <eq .num 3>: error calling eq: incompatible types for comparison'],
    ["{{.a.n.x}}", 'E_TEMPLATE_EXEC template: t:1:4: executing "t" at <.a.n.x>: nil pointer evaluating interface {}.x'],
    ["{{index .missing 0}}", 'E_TEMPLATE_EXEC template: t:1:2: executing "t" at <index .missing 0>: error calling index: index of untyped nil'],
    ["{{index .list 5}}", 'E_TEMPLATE_EXEC template: t:1:2: executing "t" at <index .list 5>: error calling index: index out of range: 5'],
    ["{{upper .missing}}", 'E_TEMPLATE_EXEC template: t:1:8: executing "t" at <.missing>: invalid value; expected string'],
    ["{{upper .num}}", 'E_TEMPLATE_EXEC template: t:1:8: executing "t" at <.num>: wrong type for value; expected string; got json.Number'],
  ])("%s fails", (text, message) => {
    expect(fails(text)).toBe(message);
  });

  it("accepts plain JavaScript functions as variadic interface{} functions", () => {
    const parsed = parseTemplate("{{ count .missing 1 .str }}", { functions: new Set(["count"]) });
    expect(executeTemplate(parsed, DATA, { functions: { count: (...args: unknown[]) => `${args.length}:${String(args[0])}` } })).toBe("3:null");
  });

  it("keeps numbers as json.Number", () => {
    expect(toTemplateData({ a: [1, 2.5] })).toEqual({ a: [new JsonNumber("1"), new JsonNumber("2.5")] });
  });

  it("does not mutate the input", () => {
    const input = { a: { b: 1 } };
    run('{{ $_ := set .a "c" 2 }}{{.a.c}}', toTemplateData(input));
    expect(input).toEqual({ a: { b: 1 } });
  });

  it("bounds output, iterations and template depth", () => {
    expect(fails("{{range .list}}{{.}}{{end}}", DATA, { maxOutputBytes: 2 })).toMatch(/^E_LIMIT_EXCEEDED .*output exceeds 2 bytes$/);
    expect(fails("{{range .list}}{{range $.list}}{{end}}{{end}}", DATA, { maxIterations: 5 })).toMatch(/more than 5 range iterations$/);
    expect(fails('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', DATA, { maxTemplateDepth: 50 })).toMatch(/maximum template depth \(50\)$/);
    expect(fails('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}')).toMatch(/^E_LIMIT_EXCEEDED/);
  });
});

describe("KWOK functions", () => {
  it("Quote follows spec §5.2", () => {
    expect(kwokQuote("a<b")).toBe('"a\\u003cb"');
    expect(kwokQuote(true)).toBe('"true"');
    expect(kwokQuote(null)).toBe('"null"');
    expect(kwokQuote({ b: 1n, a: "x" })).toBe('"{\\"a\\":\\"x\\",\\"b\\":1}"');
  });

  it("YAML indents by 2·n after a newline", () => {
    expect(kwokYaml(() => "- a\n- b\n", [], [1n])).toBe("\n  - a\n  - b\n  ");
    expect(kwokYaml(() => "a: 1\n", {}, [])).toBe("a: 1\n");
  });

  it("printf verbs", () => {
    expect(goSprintf("%05.1f|%-4s|%d|%+d|%o|%X|%c|%%", [3.14159, "ab", 7n, 7n, 8n, 255n, 65n])).toBe("003.1|ab  |7|+7|10|FF|A|%");
  });
});

describe("builtins and ordering found by the render-json oracle", () => {
  const run = (text: string, data: unknown): string => executeTemplate(parseTemplate(text, { name: "t" }), toTemplateData(data), { functions: {} });

  it("js escapes non-printable runes beyond ASCII as \\uXXXX and leaves DEL alone", () => {
    expect(run('{{ js "é\\u2028\\u00a0<\\x01\\x7f" }}', {})).toBe("é\\u2028\\u00A0\\u003C\\u0001\x7f");
  });

  it("html, js and urlquery print nil and missing operands as <no value>", () => {
    expect(run("{{ html .n .t .nil }}|{{ urlquery .missing }}", { n: 1, t: true, nil: null })).toBe("1true&lt;no value&gt;|%3Cno+value%3E");
  });

  it("orders map keys by their UTF-8 bytes (code points), not UTF-16 units", () => {
    const data = { "\uf8ff": 1, "😀": 2, a: 3 };
    expect(run("{{ range $k, $v := . }}{{ $k }}{{ end }}|{{ . }}|{{ lt \"\\uf8ff\" \"😀\" }}", data)).toBe("a\uf8ff😀|map[a:3 \uf8ff:1 😀:2]|true");
  });
});
