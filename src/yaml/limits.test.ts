import { describe, expect, it } from "vitest";
import { ErrorCode, isStagecraftError } from "../errors.js";
import { parseYamlDocuments } from "../stage/yaml.js";
import { marshalGoYaml } from "./marshal.js";
import { yamlToJson } from "./to-json.js";

const LAUGHS = ["a: &a [x,x,x,x,x,x,x,x,x]", ..."bcdefghi".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(",")}]`)].join("\n");

function codeOf(f: () => unknown): string {
  try {
    f();
    return "ok";
  } catch (e) {
    return isStagecraftError(e) ? `${e.code} ${e.message}` : `foreign ${String(e)}`;
  }
}

describe("YAML limits", () => {
  it("yamlToJson: alias expansion is bounded by maxAliasNodes", () => {
    expect(codeOf(() => yamlToJson(LAUGHS))).toMatch(/^E_LIMIT_EXCEEDED .*maxAliasNodes/);
    expect(yamlToJson("a: &a [1, 2]\nb: [*a, *a]\n", { maxAliasNodes: 11 })).toEqual({ a: [1, 2], b: [[1, 2], [1, 2]] });
    expect(codeOf(() => yamlToJson("a: &a [1, 2]\nb: [*a, *a]\n", { maxAliasNodes: 10 }))).toMatch(/^E_LIMIT_EXCEEDED/);
  });

  it("yamlToJson: maxLength, and js-yaml's depth bound as a limit", () => {
    expect(codeOf(() => yamlToJson("a: 12345", { maxLength: 7 }))).toMatch(/^E_LIMIT_EXCEEDED .*maxLength 7/);
    expect(yamlToJson("a: 1234", { maxLength: 7 })).toEqual({ a: 1234 });
    expect(codeOf(() => yamlToJson("[".repeat(200) + "]".repeat(200)))).toMatch(/^E_LIMIT_EXCEEDED .*maxDepth/);
  });

  it("yamlToJson stays linear on long flow lines (no backtracking prefilter)", () => {
    // 20,000 `[` took 16 s when a prefilter regex rescanned the line from every bracket
    expect(codeOf(() => yamlToJson("[".repeat(100_000)))).toMatch(/^E_/);
  });

  it("parseYamlDocuments: depth, length and alias bounds are issues, not crashes", () => {
    const code = (text: string, o = {}) => parseYamlDocuments(text, o).issues.map((i) => i.code);
    expect(code("- ".repeat(20_000) + "x")).toEqual([ErrorCode.LimitExceeded]);
    expect(code("[".repeat(20_000))).toEqual([ErrorCode.LimitExceeded]);
    expect(code("a:\n  b:\n    c: 1\n", { maxDepth: 3 })).toEqual([ErrorCode.LimitExceeded]);
    expect(code("a:\n  b:\n    c: 1\n", { maxDepth: 8 })).toEqual([]);
    expect(code("a: 1\n", { maxLength: 4 })).toEqual([ErrorCode.LimitExceeded]);
    expect(code(LAUGHS)).toEqual([ErrorCode.LimitExceeded]);
    expect(parseYamlDocuments(LAUGHS, { maxAliasCount: 1e9 }).issues).toEqual([]);
    // stray brackets in quoted text do not add up across documents
    expect(code('a: "[x"\n---\n'.repeat(1000))).toEqual([]);
    // …but do within one document: the estimate does not track quotes (a quote-aware scan could be
    // fooled into skipping real brackets); raise maxDepth for such texts
    expect(code('a: "[x"\n'.repeat(300))).toEqual([ErrorCode.LimitExceeded]);
    expect(code('a: "[x"\n'.repeat(300), { maxDepth: 400 })).toEqual([]);
  });

  it("marshalGoYaml: maxDepth", () => {
    let v: unknown = 1;
    for (let i = 0; i < 20_000; i++) v = [v];
    expect(codeOf(() => marshalGoYaml(v))).toMatch(/^E_LIMIT_EXCEEDED .*maxDepth 1000/);
    expect(codeOf(() => marshalGoYaml([[[1]]], { maxDepth: 2 }))).toMatch(/^E_LIMIT_EXCEEDED/);
    expect(marshalGoYaml([[[1]]], { maxDepth: 3 })).toBe("- - - 1\n");
  });
});
