import { describe, expect, it } from "vitest";
import { tryParseTemplate } from "./try-parse.js";

describe("tryParseTemplate", () => {
  it("returns the template or the error instead of throwing", () => {
    const good = tryParseTemplate("{{ .a }}");
    expect(good.ok && good.template.root.nodes).toHaveLength(1);
    const bad = tryParseTemplate("{{ if }}", { name: "pod-ready" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatchObject({ code: "E_TEMPLATE_SYNTAX", rawMessage: "template: pod-ready:1: missing value for if", location: { line: 1, column: 7 } });
  });
});
