import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../errors.js";
import { INVALID_TEMPLATES, VALID_TEMPLATES } from "./parse-cases.fixture.js";
import { formatTemplateNode } from "./format.js";
import { parseTemplate } from "./parser.js";

function parseError(text: string): unknown {
  try {
    parseTemplate(text, { name: "t" });
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("parse errors", () => {
  it("has a table of at least 40 invalid templates", () => {
    expect(INVALID_TEMPLATES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(INVALID_TEMPLATES.map(([text, message]) => [JSON.stringify(text), text, message] as const))("rejects %s", (_, text, message) => {
    const e = parseError(text);
    if (!isStagecraftError(e)) throw new Error(`expected a StagecraftError, got ${String(e)}`);
    expect(e.code).toBe("E_TEMPLATE_SYNTAX");
    expect(e.rawMessage).toBe(message);
    const line = Number(/^template: t:(\d+):/.exec(message)?.[1]);
    expect(e.location?.line).toBe(line);
    expect(e.message).toBe(`${line}:${e.location?.column}: ${message}`);
  });

  it.each(VALID_TEMPLATES.map(([text, tree]) => [JSON.stringify(text), text, tree] as const))("parses %s", (_, text, tree) => {
    expect(formatTemplateNode(parseTemplate(text, { name: "t" }).root)).toBe(tree);
  });

  it("locates errors at the last token read, as Go's line", () => {
    expect(parseError("a: 1\nb: {{ .x | nosuch }}")).toMatchObject({ location: { line: 2, column: 12, offset: 16 } });
    expect(parseError("{{ if .a }}\n  {{ $x }}\n{{ end }}")).toMatchObject({ location: { line: 2, column: 9, offset: 20 } });
    expect(parseError("x\n{{ .a\n\n")).toMatchObject({ rawMessage: "template: t:4: unclosed action started at t:2", location: { line: 4, column: 1, offset: 9 } });
  });

  it("names the template as asked, and `_` (KWOK's name) by default", () => {
    expect(parseError("{{end}}")).toMatchObject({ rawMessage: "template: t:1: unexpected {{end}}" });
    expect(() => parseTemplate("{{end}}")).toThrowError(expect.objectContaining({ rawMessage: "template: _:1: unexpected {{end}}" }));
    expect(() => parseTemplate("\n\n{{ env }}", { name: "pod-ready" })).toThrowError(
      expect.objectContaining({ rawMessage: `template: pod-ready:3: function "env" not defined (stagecraft leaves out sprig's env: it reads the process environment)` }),
    );
  });
});
