import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../../errors.js";
import { parseKwokTemplate } from "../parser.js";
import { kwokFunctions } from "./kwok-functions.js";
import { renderToJson } from "./render-json.js";
import { toTemplateData } from "./values.js";

const functions = kwokFunctions({ now: () => "2006-01-02T15:04:05Z", startTime: "2006-01-02T15:04:05Z" });
const render = (text: string, object: unknown): unknown => renderToJson(parseKwokTemplate(text), toTemplateData(object), { functions });

describe("renderToJson", () => {
  it("reads the output as YAML 1.1 the way go-yaml v2 does", () => {
    expect(render("ready: {{ .ready }}\nmode: 0755\nat: {{ Now }}", { ready: "yes" })).toEqual({ ready: true, mode: 493, at: "2006-01-02T15:04:05Z" });
  });

  it("keeps numbers of the object as their JSON text, so they re-read as YAML numbers", () => {
    expect(render("count: {{ .n }}\nq: {{ Quote .n }}", { n: 1.5e3 })).toEqual({ count: 1500, q: "1500" });
    // a plain `n` key is the YAML 1.1 boolean false, as in go-yaml v2
    expect(render("n: 1", {})).toEqual({ false: 1 });
  });

  it("gives null for empty output, as KWOK does", () => {
    expect(render("{{ if .x }}a: 1{{ end }}", {})).toBeNull();
    expect(render("# only a comment", {})).toBeNull();
  });

  it("turns an empty range under a key into null", () => {
    expect(render("list:\n{{ range .items }}- {{ . }}\n{{ end }}", { items: [] })).toEqual({ list: null });
  });

  it("reports output that is not YAML with the template name and the position in the output", () => {
    let caught: unknown;
    try {
      render("a: {{ .v }}\nb: [", { v: 1 });
    } catch (error) {
      caught = error;
    }
    expect(isStagecraftError(caught)).toBe(true);
    const error = caught as { code: string; message: string; location?: { file?: string; line: number } };
    expect(error.code).toBe("E_YAML_SYNTAX");
    expect(error.message).toContain("template: _: the rendered output is not valid YAML");
    expect(error.location?.file).toBe("<rendered _>");
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
  });

  it("passes execution errors through unchanged", () => {
    expect(() => render("a: {{ .a.b }}", { a: null })).toThrow(/nil pointer evaluating interface \{\}\.b/);
  });

  it("reports a YAML function whose JSON → YAML step fails as a function error, as sigs.k8s.io/yaml.Marshal does", async () => {
    const { marshalGoYaml, yamlToJson } = await import("../../yaml/index.js");
    const { goJsonMarshal } = await import("./go-json.js");
    const yaml = (v: unknown): string => marshalGoYaml(yamlToJson(goJsonMarshal(v)));
    const fns = kwokFunctions({ now: () => "", startTime: "", yaml });
    const t = parseKwokTemplate("a: {{ YAML .s }}");
    expect(() => renderToJson(t, toTemplateData({ s: "\x7f" }), { functions: fns })).toThrow(
      'template: _:1:6: executing "_" at <YAML .s>: error calling YAML: error converting JSON to YAML: yaml: control characters are not allowed',
    );
  });
});
