/**
 * Differential test of the plain-block fast path of yamlToJson against the general path (js-yaml
 * with go-yaml's rules, itself checked against go-yaml by the oracles): wherever the fast path
 * answers, the answer must be the general path's — same values, types, key order — and the
 * general path must not fail. Inputs: the go-yaml and render-json oracle corpora (rendered), every
 * KWOK template on every testdata input, go-yaml-style output of generated values, and generated
 * line-structured texts (fast-check, fixed seeds).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { DOCUMENTS, SCALARS, STRINGS } from "../../test/oracle/goyaml/corpus.js";
import { CORPUS, CORPUS_DATA } from "../../test/oracle/render-json/corpus.js";
import { executeTemplate, kwokFunctions, placeholderFunctions, sprigFunctions, toTemplateData } from "../template/exec/index.js";
import { KWOK_TEMPLATE_FUNCTIONS, parseKwokTemplate } from "../template/index.js";
import { DECLINED, fastBlockYamlToJson } from "./fast-block.js";
import { marshalGoYaml } from "./marshal.js";
import { generalYamlToJson, yamlToJson } from "./to-json.js";

const CONFORMANCE = join(import.meta.dirname, "../../../shared/conformance/kwok");
const TIME = "2006-01-02T15:04:05Z";
const FUNCTIONS = { ...sprigFunctions(), ...kwokFunctions({ now: () => TIME, startTime: TIME, yaml: marshalGoYaml }), ...placeholderFunctions() };

/** JSON text with key order, `-0` and bigints made visible. */
function exact(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : Object.is(x, -0) ? "-0" : x));
}

/** Compares one text; returns whether the fast path answered. */
function check(text: string): boolean {
  const fast = fastBlockYamlToJson(text);
  if (fast === DECLINED) return false;
  let general: unknown;
  try {
    general = generalYamlToJson(text);
  } catch (e) {
    throw new Error(`the fast path read ${JSON.stringify(text)} as ${exact(fast)}, the general path fails: ${String(e)}`);
  }
  expect(exact(fast), JSON.stringify(text)).toBe(exact(general));
  expect(fast, JSON.stringify(text)).toStrictEqual(general);
  return true;
}

function render(text: string, data: unknown): string | undefined {
  try {
    return executeTemplate(parseKwokTemplate(text, { name: "_", functions: KWOK_TEMPLATE_FUNCTIONS }), toTemplateData(data), { functions: FUNCTIONS });
  } catch {
    return undefined;
  }
}

function kwokRenders(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) {
        if (entry !== "testdata") walk(p);
        continue;
      }
      if (!entry.endsWith(".yaml") || entry === "kustomization.yaml") continue;
      const td = join(d, "testdata");
      const inputs = existsSync(td) ? readdirSync(td).filter((f) => f.endsWith(".input.yaml")).map((f) => parse(readFileSync(join(td, f), "utf8")) as unknown) : [];
      for (const doc of parseAllDocuments(readFileSync(p, "utf8"))) {
        const visit = (n: unknown): void => {
          if (Array.isArray(n)) n.forEach(visit);
          else if (n !== null && typeof n === "object") {
            for (const [k, v] of Object.entries(n)) {
              if ((k === "statusTemplate" || k === "template") && typeof v === "string") {
                for (const input of [...inputs, {}]) {
                  const r = render(v, input);
                  if (r !== undefined) out.push(r);
                }
              } else visit(v);
            }
          }
        };
        visit(doc.toJS());
      }
    }
  };
  if (existsSync(CONFORMANCE)) walk(CONFORMANCE);
  return out;
}

/** The value in YAML flow style with plain keys and scalars where JSON would quote them. */
function flowStyle(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flowStyle).join(", ")}]`;
  if (v !== null && typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${/^[a-z]+$/.test(k) ? k : JSON.stringify(k)}: ${flowStyle(x)}`).join(", ")}}`;
  return typeof v === "string" && /^[a-z0-9.~-]+$/.test(v) ? v : JSON.stringify(v);
}

describe("yamlToJson's plain-block fast path", () => {
  it("answers KWOK's rendered status templates as the general path does (and answers most of them)", () => {
    const texts = kwokRenders();
    const answered = texts.filter(check).length;
    expect(texts.length).toBeGreaterThan(50);
    expect(answered / texts.length).toBeGreaterThan(0.5);
  });

  it("agrees on the go-yaml oracle corpus (documents, scalars as values, keys and entries, quoted strings)", () => {
    const texts = [
      ...DOCUMENTS,
      ...SCALARS.flatMap((s) => [`a: ${s}\n`, `${s}: a\n`, `- ${s}\n`, s, `a:\n  ${s}\n`, `a:\n- ${s}\n- x\n`]),
      ...STRINGS.flatMap((s) => [`a: ${JSON.stringify(s)}\n`, `a: '${s.replaceAll("'", "''")}'\n`, `a: ${s}\n`]),
    ];
    expect(texts.filter(check).length).toBeGreaterThan(200);
  });

  it("agrees on the render-json corpus, rendered", () => {
    let answered = 0;
    for (const c of CORPUS) {
      const text = render(c.text, c.data === undefined ? CORPUS_DATA : c.data);
      if (text !== undefined && check(text)) answered++;
    }
    expect(answered).toBeGreaterThan(100);
  });

  it("agrees on go-yaml-style output of generated values", () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("y", "n", "on", "1", "null", "a.b/c", "x-y_z", "__proto__", "<<", "a b", "2006-01-02"));
    const leaf = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(..."ab -:'\"\\#[]{},.~01yYnN_/\t\u00e9"), maxLength: 10 }),
      fc.constantFrom("y", "no", "~", "null", "0755", "0x1F", "1_000", "1:20", "1e3", ".5", "-0", "2006-01-02T15:04:05Z", "<Now>", "", " a", "a ", "- a", "a: b", "a:"),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("list"), tie("map")),
      list: fc.array(tie("node"), { maxLength: 4 }),
      map: fc.dictionary(key, tie("node"), { maxKeys: 4 }),
    })).node;
    let answered = 0;
    fc.assert(
      fc.property(value, (v) => {
        let text: string;
        try {
          text = marshalGoYaml(v);
        } catch {
          return;
        }
        if (check(text)) answered++;
        // toJson fragments (strict JSON), alone and as a value; flow style with plain keys
        const json = JSON.stringify(v);
        if (check(json)) answered++;
        if (check(`status:\n  a: ${json}\n- x\n`)) answered++;
        if (check(`status:\n  a: ${json}\n  b: 1\n`)) answered++;
        if (check(`- ${flowStyle(v)}\n- ${json}\n`)) answered++;
        // KWOK's templates often leave blank lines and indent differently
        if (check(text.replaceAll("\n", "\n\n"))) answered++;
        if (check(text.replace(/^/gm, "  "))) answered++;
      }),
      { seed: 20261123, numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it("agrees on generated line-structured texts (indentation, dashes, keys, scalars)", () => {
    const part = fc.constantFrom("{", "}", "[", "]", ",", ", ", "{a: b}", '{"a":"b"}', '"a": ', "a: {b: c}", "[a, 1]", "a", "b", "k8s.io/x", "y", "1", "- ", "-", ": ", ":", " ", "  ", "'", "''", '"', '\\"', "\\u003c", "\\/", "[]", "{}", "[", "x:y", "~", "null", "0x1", ".5", "é", "\t");
    const line = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.array(part, { maxLength: 6 })).map(([n, ps]) => " ".repeat(n) + ps.join(""));
    let answered = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        if (check(lines.join("\n"))) answered++;
      }),
      { seed: 424242, numRuns: 20000 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it("is what yamlToJson returns, and declines what it does not cover", () => {
    expect(yamlToJson("conditions:\n- type: Ready\n  status: \"True\"\nphase: Running\n")).toEqual({ conditions: [{ type: "Ready", status: "True" }], phase: "Running" });
    expect(fastBlockYamlToJson('a: {running: {startedAt: "x"}, m: [1, ~, y]}\nb: {"cpu":"1k"}\n')).not.toBe(DECLINED);
    expect(yamlToJson('a: {running: {startedAt: "x"}, m: [1, ~, y]}\nb: {"cpu":"1k"}\n')).toEqual({ a: { running: { startedAt: "x" }, m: [1, null, true] }, b: { cpu: "1k" } });
    for (const text of ["a: 1.5", "a: 9007199254740993", "a: &x 1", "a: |\n  x", "a: b # c", "\ta: 1", "y: 1", "a: 1\na: 2", "a: [1, 2.5]", "a: {b: c d}", "a: [b, ]", "a: {b}", "a: \"\\/\"", "a:\n  b\n  c", "a: é", "---\na: 1"]) {
      expect(fastBlockYamlToJson(text), text).toBe(DECLINED);
    }
  });
});
