import { describe, expect, it } from "vitest";
import { parse } from "./parser.js";

describe("parse", () => {
  it("parses `.a.[]` and `.a[]` to the same tree", () => {
    expect(parse(".a.[]")).toEqual(parse(".a[]"));
  });

  it("binds pipe loosest and `as` to the rest of the pipe", () => {
    const ast = parse("1, 2 as $x | $x");
    expect(ast.type).toBe("Comma");
    expect(ast.type === "Comma" && ast.right.type).toBe("Bind");
  });

  it("parses arithmetic with the usual precedence", () => {
    const ast = parse("1 + 2 * 3");
    expect(ast).toMatchObject({ type: "Binary", op: "+", right: { type: "Binary", op: "*" } });
  });

  it("makes a trailing `?` guard only the last suffix", () => {
    expect(parse(".a[]?")).toMatchObject({ type: "Iterate", optional: true, target: { type: "Index" } });
    expect(parse("(.a)?")).toMatchObject({ type: "Index", optional: true });
    expect(parse("f?")).toMatchObject({ type: "Try", handler: null });
  });

  it("represents integer literals as bigint and others as number", () => {
    expect(parse("12")).toMatchObject({ type: "Literal", value: 12n });
    expect(parse("1.0")).toMatchObject({ type: "Literal", value: 1 });
  });

  it("rejects syntax errors with E_JQ_SYNTAX and a location", () => {
    expect(() => parse(".a |")).toThrowError(expect.objectContaining({ code: "E_JQ_SYNTAX", rawMessage: "jq: unexpected EOF", location: { line: 1, column: 5, offset: 4 } }));
    expect(() => parse("1 == 1 == 1")).toThrowError(/unexpected token "=="/);
    expect(() => parse("{a: 1 + 1}")).toThrowError(/unexpected token "\+"/);
  });

  it("rejects unsupported constructs with E_JQ_UNSUPPORTED naming them", () => {
    expect(() => parse(".a = 1")).toThrowError(expect.objectContaining({ code: "E_JQ_UNSUPPORTED", rawMessage: 'jq: unsupported jq operator "=" (assignment)' }));
    expect(() => parse("def f: 1; f")).toThrowError(/def/);
    expect(() => parse("@base64")).toThrowError(/@base64/);
    expect(() => parse(". as [$a] | $a")).toThrowError(/destructuring/);
  });
});
