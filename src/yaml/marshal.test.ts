import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { marshalGoYaml } from "./marshal.js";
import { yamlToJson } from "./to-json.js";

const CONFORMANCE = join(import.meta.dirname, "../../../shared/conformance/kwok");

function goldenFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? goldenFiles(p) : name.endsWith(".output.yaml") ? [p] : [];
    });
}

describe("marshalGoYaml", () => {
  it("sorts keys like go-yaml v2", () => {
    const keys = ["é", "z", "b", "ab", "aB", "a10", "a9", "a01", "a1", "a_b", "a.b", "a-b", "Port", "A"];
    const out = marshalGoYaml(Object.fromEntries(keys.map((k) => [k, 1])));
    expect(out).toBe("A: 1\nPort: 1\na-b: 1\na.b: 1\na_b: 1\na1: 1\na01: 1\na9: 1\na10: 1\naB: 1\nab: 1\nb: 1\nz: 1\né: 1\n");
    const odd = ["yes", "on", "null", "a: b", "a b", "123", "~", "<<", ""];
    expect(marshalGoYaml(Object.fromEntries(odd.map((k) => [k, 1])))).toBe('"": 1\n<<: 1\n"~": 1\n"123": 1\na b: 1\n\'a: b\': 1\n"null": 1\n"on": 1\n"yes": 1\n');
  });

  it("lays out block collections", () => {
    expect(marshalGoYaml({ b: [1, "yes", { x: 1, y: [] }], a: { x: "a: b", z: {} } })).toBe(
      "a:\n  x: 'a: b'\n  z: {}\nb:\n- 1\n- \"yes\"\n- x: 1\n  \"y\": []\n",
    );
    expect(marshalGoYaml([[1, 2], [3]])).toBe("- - 1\n  - 2\n- - 3\n");
    expect(marshalGoYaml(null)).toBe("null\n");
    expect(marshalGoYaml({})).toBe("{}\n");
  });

  it("chooses scalar styles", () => {
    expect(marshalGoYaml({ a: "a\nb\n", b: "a\nb", c: "a\n\n", d: " a\nb", e: "a \nb", f: "tab\t", g: "😀", h: "1:20", i: "2006-01-02", j: "- x", k: "#x", l: "a #b", m: "it's" })).toBe(
      'a: |\n  a\n  b\nb: |-\n  a\n  b\nc: |+\n  a\n\nd: |2-\n   a\n  b\ne: "a \\nb"\nf: "tab\\t"\ng: "\\U0001F600"\nh: "1:20"\ni: "2006-01-02"\nj: \'- x\'\nk: \'#x\'\nl: \'a #b\'\nm: it\'s\n',
    );
    expect(marshalGoYaml({ a: 1.5, b: 1e21, c: 1234567.5, d: 0.00001, e: 2 ** 63 })).toBe("a: 1.5\nb: 1e+21\nc: 1.2345675e+06\nd: 1e-05\ne: 9223372036854776000\n");
  });

  it("folds long plain text after column 80", () => {
    expect(marshalGoYaml({ k: `${"x ".repeat(60)}end` })).toBe(`k: ${"x ".repeat(39)}x\n  ${"x ".repeat(20)}end\n`);
  });

  it("does not mutate the input", () => {
    const input = { b: [2, 1], a: "x" };
    marshalGoYaml(input);
    expect(input).toEqual({ b: [2, 1], a: "x" });
  });

  const golden = goldenFiles(CONFORMANCE);
  it(`re-emits KWOK's ${golden.length} golden outputs byte for byte`, () => {
    expect(golden.length).toBeGreaterThanOrEqual(12);
    for (const file of golden) {
      const text = readFileSync(file, "utf8");
      expect(marshalGoYaml(yamlToJson(text)), file).toBe(text);
    }
  });
});
