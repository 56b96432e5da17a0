import { describe, expect, it } from "vitest";
import { ItemType, itemString, type Item } from "./item.js";
import { Lexer } from "./lexer.js";

const NAMES = Object.fromEntries(Object.entries(ItemType).map(([k, v]) => [v, k])) as Record<number, string>;

function lex(text: string): string[] {
  const l = new Lexer(text);
  const out: string[] = [];
  for (;;) {
    const i: Item = l.nextItem();
    out.push(i.typ === ItemType.Space ? "_" : `${NAMES[i.typ]}:${i.val}@${i.line}`);
    if (i.typ === ItemType.EOF || i.typ === ItemType.Error) return out;
  }
}

describe("Lexer", () => {
  it("lexes text, delimiters, fields, variables, pipes and declarations", () => {
    expect(lex("a {{ $x := .b.c | Quote }}")).toEqual([
      "Text:a @1", "LeftDelim:{{@1", "_", "Variable:$x@1", "_", "Declare::=@1", "_", "Field:.b@1", "Field:.c@1", "_", "Pipe:|@1", "_",
      "Identifier:Quote@1", "_", "RightDelim:}}@1", "EOF:@1",
    ]);
  });

  it("lexes keywords, dot, $, bools, nil, chars, strings, numbers and commas", () => {
    expect(lex("{{range $i, $ := . }}{{if true}}{{nil}}{{'a'}}{{\"s\"}}{{`r`}}{{0x1F}}{{1+2i}}{{end}}")).toEqual([
      "LeftDelim:{{@1", "Range:range@1", "_", "Variable:$i@1", "Char:,@1", "_", "Variable:$@1", "_", "Declare::=@1", "_", "Dot:.@1", "_", "RightDelim:}}@1",
      "LeftDelim:{{@1", "If:if@1", "_", "Bool:true@1", "RightDelim:}}@1", "LeftDelim:{{@1", "Nil:nil@1", "RightDelim:}}@1",
      "LeftDelim:{{@1", "CharConstant:'a'@1", "RightDelim:}}@1", "LeftDelim:{{@1", 'String:"s"@1', "RightDelim:}}@1",
      "LeftDelim:{{@1", "RawString:`r`@1", "RightDelim:}}@1", "LeftDelim:{{@1", "Number:0x1F@1", "RightDelim:}}@1",
      "LeftDelim:{{@1", "Complex:1+2i@1", "RightDelim:}}@1", "LeftDelim:{{@1", "End:end@1", "RightDelim:}}@1", "EOF:@1",
    ]);
  });

  it("trims around trim markers, which need the space", () => {
    expect(lex("a \n {{- .x -}} \n b")).toEqual(["Text:a@1", "LeftDelim:{{@2", "Field:.x@2", "RightDelim:}}@2", "Text:b@3", "EOF:@3"]);
    expect(lex("{{-3}}")).toEqual(["LeftDelim:{{@1", "Number:-3@1", "RightDelim:}}@1", "EOF:@1"]);
    expect(lex("{{3 -}} x")).toEqual(["LeftDelim:{{@1", "Number:3@1", "RightDelim:}}@1", "Text:x@1", "EOF:@1"]);
    expect(lex("{{3  -}}x")).toEqual(["LeftDelim:{{@1", "Number:3@1", "_", "RightDelim:}}@1", "Text:x@1", "EOF:@1"]);
  });

  it("drops comments, which must touch the delimiters, and counts their newlines", () => {
    expect(lex("a {{- /* x\ny */ -}} b{{.c}}")).toEqual(["Text:a@1", "Text:b@2", "LeftDelim:{{@2", "Field:.c@2", "RightDelim:}}@2", "EOF:@2"]);
    expect(lex("{{/* x */ }}")).toEqual(["Error:comment ends before closing delimiter@1"]);
    expect(lex("{{/* x")).toEqual(["Error:unclosed comment@1"]);
  });

  it("counts newlines inside raw strings and actions", () => {
    expect(lex("{{`a\nb`\n.c}}")).toEqual(["LeftDelim:{{@1", "RawString:`a\nb`@1", "_", "Field:.c@3", "RightDelim:}}@3", "EOF:@3"]);
  });

  it("reports lexical errors with Go's wording", () => {
    expect(lex("{{ .a")).toContain("Error:unclosed action@1");
    expect(lex("{{ 1x }}")).toContain('Error:bad number syntax: "1x"@1');
    expect(lex("{{ .a# }}")).toContain("Error:bad character U+0023 '#'@1");
    expect(lex("{{ \u00a7 }}")).toContain("Error:unrecognized character in action: U+00A7 '\u00a7'@1");
    expect(lex("{{ ) }}")).toContain("Error:unexpected right paren@1");
    expect(lex("{{ ( }}")).toContain("Error:unclosed left paren@1");
    expect(lex('{{ "a\\')).toContain("Error:unterminated quoted string@1");
  });

  it("lexes break and continue as identifiers when asked to", () => {
    const l = new Lexer("{{break}}");
    l.options = { breakOK: false, continueOK: true };
    l.nextItem();
    expect(l.nextItem()).toMatchObject({ typ: ItemType.Identifier, val: "break" });
  });

  it("renders items like Go's item.String", () => {
    const item = (typ: ItemType, val: string): Item => ({ typ, val, pos: 0, line: 1 });
    expect(itemString(item(ItemType.EOF, ""))).toBe("EOF");
    expect(itemString(item(ItemType.Else, "else"))).toBe("<else>");
    expect(itemString(item(ItemType.Char, "}"))).toBe('"}"');
    expect(itemString(item(ItemType.String, '"aaaaaaaaaaaa"'))).toBe('"\\"aaaaaaaaa"...');
  });
});
