import { describe, expect, it } from "vitest";
import { parseYamlDocuments } from "./yaml.js";

describe("parseYamlDocuments (Kubernetes YAML 1.1 scalars)", () => {
  const value = (text: string) => parseYamlDocuments(text).documents[0]?.value;

  it("reads YAML 1.1 booleans like go-yaml v2", () => {
    expect(value("[yes, Yes, YES, on, On, ON, y, Y, true, no, off, n, N, false]")).toEqual([
      true, true, true, true, true, true, true, true, true, false, false, false, false, false,
    ]);
  });

  it("reads leading-zero, 0o, 0x, 0b and underscored integers", () => {
    expect(value("[0755, 0o17, 0x1F, 0b101, 1_000, -010]")).toEqual([493, 15, 31, 5, 1000, -8]);
  });

  it("keeps timestamps and base-60 numbers as strings", () => {
    expect(value("[2006-01-02T15:04:05Z, 2006-01-02, '1:20', 1:20, 190:20:30]")).toEqual([
      "2006-01-02T15:04:05Z",
      "2006-01-02",
      "1:20",
      "1:20",
      "190:20:30",
    ]);
  });

  it("reads nulls and floats", () => {
    expect(value("[~, null, Null, NULL, .5, 1e3, -1.5]")).toEqual([null, null, null, null, 0.5, 1000, -1.5]);
  });

  it("decodes !!binary to text and resolves merge keys", () => {
    expect(value("a: !!binary aGk=\nb: &x {c: 1}\nd:\n  <<: *x\n  e: 2\n")).toEqual({ a: "hi", b: { c: 1 }, d: { c: 1, e: 2 } });
  });

  it("splits documents and flags empty and comment-only ones", () => {
    const { documents, issues } = parseYamlDocuments("a: 1\n---\n# only a comment\n---\n---\nb: 2\n");
    expect(issues).toEqual([]);
    expect(documents.map((d) => [d.index, d.empty, d.value])).toEqual([
      [0, false, { a: 1 }],
      [1, true, null],
      [2, true, null],
      [3, false, { b: 2 }],
    ]);
  });

  it("lets the last of duplicate keys win, as Kubernetes does", () => {
    expect(value("a: 1\na: 2\n")).toEqual({ a: 2 });
  });

  it("reports syntax errors with file, line and column and drops that document only", () => {
    const { documents, issues } = parseYamlDocuments("a: 1\n---\nb: [1, 2\n---\nc: 3\n", { file: "x.yaml" });
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ code: "E_YAML_SYNTAX", severity: "error", document: 1, location: { file: "x.yaml" } });
    expect(issues[0]?.location?.line).toBeGreaterThanOrEqual(3);
  });

  it("locates nodes and keys by field path", () => {
    const [doc] = parseYamlDocuments("spec:\n  selector:\n    matchExpressions:\n    - key: .a\n      operator: in\n").documents;
    expect(doc?.locate(["spec", "selector", "matchExpressions", 0, "operator"])).toMatchObject({ line: 5, column: 17 });
    expect(doc?.locate(["spec", "selector", "matchExpressions", 0, "operator"], { key: true })).toMatchObject({ line: 5, column: 7 });
    // A missing field points at its deepest existing ancestor.
    expect(doc?.locate(["spec", "selector", "matchLabels", "x"])).toMatchObject({ line: 3, column: 5 });
  });
});

describe("parseYamlDocuments bounds", () => {
  it("rejects billion-laughs alias expansion with E_LIMIT_EXCEEDED instead of expanding it", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const { documents, issues } = parseYamlDocuments(`${lines.join("\n")}\n`);
    expect(documents).toEqual([]);
    expect(issues[0]).toMatchObject({ code: "E_LIMIT_EXCEEDED", severity: "error" });
  });
});

describe("go-yaml v2 float resolution", () => {
  it("keeps digit-less float look-alikes as strings and reads go-yaml floats", () => {
    const v = parseYamlDocuments("a: [., +., ._, e1, E5, e-1, .e5, 1e5, 1.5, 1_000.5, .5, 5., 0755, 12]").documents[0]?.value;
    expect(v).toEqual({ a: [".", "+.", "._", "e1", "E5", "e-1", ".e5", 100000, 1.5, 1000.5, 0.5, 5, 493, 12] });
  });
  it("loads a stage named like an exponent", () => {
    const v = parseYamlDocuments("metadata: {name: e29}").documents[0]?.value;
    expect(v).toEqual({ metadata: { name: "e29" } });
  });
});
