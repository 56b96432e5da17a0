import { describe, expect, it } from "vitest";
import { formatTemplateNode } from "./format.js";
import { parseTemplate } from "./parser.js";

const roundTrip = (text: string): string => formatTemplateNode(parseTemplate(text).root);

describe("formatTemplateNode", () => {
  it("renders nodes like Go's String methods", () => {
    expect(roundTrip("a{{ .b | printf \"%s\" ( index $ 0 ) }}")).toBe('a{{.b | printf "%s" (index $ 0)}}');
    expect(roundTrip("{{ range $i, $v := .a }}{{ break }}{{ else }}none{{ end }}")).toBe("{{range $i, $v := .a}}{{break}}{{else}}none{{end}}");
    expect(roundTrip('{{ template "x" . }}{{ define "x" }}{{ end }}')).toBe('{{template "x" .}}');
    expect(roundTrip("{{ (.a).b }}{{ nil }}{{ true }}{{ 'c' }}{{ `r` }}")).toBe("{{(.a).b}}{{nil}}{{true}}{{'c'}}{{`r`}}");
  });

  it("renders assignments with `=` (as Go 1.22 does)", () => {
    expect(roundTrip("{{ $x := 1 }}{{ $x = 2 }}")).toBe("{{$x := 1}}{{$x = 2}}");
  });

  it("renders single nodes", () => {
    const [action] = parseTemplate("{{ .a.b }}").root.nodes;
    if (action?.kind !== "action") throw new Error("expected an action");
    expect(formatTemplateNode(action.pipe)).toBe(".a.b");
    expect(formatTemplateNode(action.pipe.cmds[0]!)).toBe(".a.b");
  });
});
