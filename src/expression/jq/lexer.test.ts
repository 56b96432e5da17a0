import { describe, expect, it } from "vitest";
import { tokenize } from "./lexer.js";

const kinds = (q: string): string[] => tokenize(q).map((t) => (t.kind === "string" ? "string" : t.kind === "eof" ? "eof" : `${t.kind}:${t.value}`));

describe("tokenize", () => {
  it("lexes fields, jq-1.7 `.[]` after a dot, brackets and pipes", () => {
    expect(kinds('.status.conditions.[] | select( .type == "Ready" )')).toEqual([
      "field:status", "field:conditions", "punct:.", "punct:[", "punct:]", "punct:|", "ident:select", "punct:(", "field:type", "punct:==", "string", "punct:)", "eof",
    ]);
  });

  it("prefers the longest operator", () => {
    expect(kinds("a // b ?// c .. d <= e |= f")).toEqual(["ident:a", "punct://", "ident:b", "punct:?//", "ident:c", "punct:..", "ident:d", "punct:<=", "ident:e", "punct:|=", "ident:f", "eof"]);
  });

  it("lexes numbers, variables, formats and comments", () => {
    expect(kinds("1 2.5 .5 1e3 $x @base64 # comment\n3")).toEqual(["number:1", "number:2.5", "number:.5", "number:1e3", "var:x", "format:base64", "number:3", "eof"]);
  });

  it("decodes string escapes", () => {
    const [t] = tokenize('"a\\tb\\u00e9\\"\\\\\\/"');
    expect(t).toMatchObject({ kind: "string", parts: ['a\tbé"\\/'] });
  });

  it("keeps interpolations as nested token lists", () => {
    const [t] = tokenize('"x\\(.a | (1))y"');
    if (t?.kind !== "string") throw new Error("expected a string token");
    expect(t.parts[0]).toBe("x");
    expect(t.parts[2]).toBe("y");
    const inner = t.parts[1];
    expect(typeof inner === "object" && inner.tokens.map((x) => x.kind)).toEqual(["field", "punct", "punct", "number", "punct", "eof"]);
  });

  it("reports unterminated strings and bad escapes with a position", () => {
    expect(() => tokenize('.a | "abc')).toThrowError(expect.objectContaining({ code: "E_JQ_SYNTAX", location: { line: 1, column: 6, offset: 5 } }));
    expect(() => tokenize('"\\q"')).toThrowError(/invalid escape sequence/);
    expect(() => tokenize("\n  .a ^")).toThrowError(expect.objectContaining({ location: { line: 2, column: 6, offset: 6 } }));
  });
});
