import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import type { ActionNode, BranchNode, ItemNode } from "./ast.js";
import { formatTemplateNode } from "./format.js";
import { parseKwokTemplate, parseTemplate } from "./parser.js";

const CONFORMANCE = join(import.meta.dirname, "../../../shared/conformance/kwok");

interface CorpusTemplate {
  readonly where: string;
  readonly stage: string;
  readonly text: string;
}

/** Every `statusTemplate`, `patches[].template`, `steps[].patch.template` and `steps[].apply.template`. */
function kwokTemplates(dir = CONFORMANCE): CorpusTemplate[] {
  const out: CorpusTemplate[] = [];
  const visit = (file: string, stage: string, node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => visit(file, stage, n, `${path}[${i}]`));
    else if (node !== null && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if ((k === "statusTemplate" || k === "template") && typeof v === "string") out.push({ where: `${file} ${path}.${k}`, stage, text: v });
        else visit(file, stage, v, `${path}.${k}`);
      }
    }
  };
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".yaml")) {
        for (const doc of parseAllDocuments(readFileSync(p, "utf8"))) {
          const js = doc.toJS() as { metadata?: { name?: string } } | null;
          visit(p.slice(dir.length + 1), js?.metadata?.name ?? "_", js, "");
        }
      }
    }
  };
  walk(dir);
  return out;
}

const actions = (nodes: readonly ItemNode[]): ActionNode[] => nodes.filter((n): n is ActionNode => n.kind === "action");
const branches = (nodes: readonly ItemNode[]): BranchNode[] => nodes.filter((n): n is BranchNode => n.kind === "if" || n.kind === "range" || n.kind === "with");

describe("KWOK's stage templates", () => {
  const corpus = kwokTemplates();

  it("finds the 16 templates of the conformance stages", () => {
    expect(corpus).toHaveLength(16);
  });

  it.each(corpus.map((t) => [t.where, t] as const))("parses %s", (_, t) => {
    const parsed = parseKwokTemplate(t.text, { name: t.stage });
    expect(parsed.name).toBe(t.stage);
    expect(parsed.text).toBe(t.text.trim());
    expect(parsed.templates.size).toBe(0);
    // Go's String() of the tree round-trips through the parser.
    const again = parseTemplate(formatTemplateNode(parsed.root));
    expect(formatTemplateNode(again.root)).toBe(formatTemplateNode(parsed.root));
  });

  it("parses pod-ready's range with two declared variables and an index call on $root", () => {
    const t = corpus.find((c) => c.stage === "pod-ready") as CorpusTemplate;
    const { root } = parseKwokTemplate(t.text, { name: t.stage });
    const [now, rootVar] = actions(root.nodes);
    expect(now?.pipe).toMatchObject({ isAssign: false, decl: [{ ident: ["$now"] }], cmds: [{ args: [{ kind: "identifier", name: "Now" }] }] });
    expect(rootVar?.pipe.cmds[0]?.args[0]).toMatchObject({ kind: "dot" });
    const [range] = branches(root.nodes);
    expect(range).toMatchObject({ kind: "range", elseList: null, pipe: { decl: [{ ident: ["$index"] }, { ident: ["$item"] }], cmds: [{ args: [{ kind: "field", ident: ["spec", "containers"] }] }] } });
    const origin = actions(range?.list.nodes ?? [])[0];
    expect(origin?.pipe.cmds[0]?.args).toMatchObject([
      { kind: "identifier", name: "index" },
      { kind: "variable", ident: ["$root", "status", "containerStatuses"] },
      { kind: "variable", ident: ["$index"] },
    ]);
    expect(formatTemplateNode(actions(range?.list.nodes ?? [])[1] as ActionNode)).toBe("{{$item.image | Quote}}");
  });

  it("parses node-initialize's assignments, with/else and YAML calls", () => {
    const t = corpus.find((c) => c.stage === "node-initialize") as CorpusTemplate;
    const { root } = parseKwokTemplate(t.text, { name: t.stage });
    const text = formatTemplateNode(root);
    expect(text).toContain("{{$hasInternalIP = true}}");
    expect(text).toContain("{{if or (not $hasInternalIP) (not $hasHostname)}}");
    expect(text).toContain("{{with .status.allocatable}}\n{{YAML . 1}}\n{{else}}");
    expect(text).toContain('{{or $nodeInfo.bootID `""`}}');
    const withNodePort = branches(root.nodes).find((b) => b.kind === "with" && formatTemplateNode(b.pipe) === "NodePort");
    expect(withNodePort?.elseList).toBeNull();
  });

  it("keeps KWOK's trimming: line numbers count from the first non-blank line", () => {
    expect(() => parseKwokTemplate("\n\n  a: 1\n  b: {{ .x ")).toThrowError(expect.objectContaining({ rawMessage: "template: _:2: unclosed action", location: { line: 2, column: 11, offset: 15 } }));
    expect(() => parseTemplate("\n\n  a: 1\n  b: {{ .x ")).toThrowError(expect.objectContaining({ rawMessage: "template: _:4: unclosed action" }));
  });
});

describe("parseTemplate", () => {
  it("folds {{else if}} and {{else with}} into a nested branch", () => {
    const [ifNode] = parseTemplate("{{if .a}}1{{else if .b}}2{{else}}3{{end}}").root.nodes;
    expect(ifNode).toMatchObject({ kind: "if", elseList: { nodes: [{ kind: "if", list: { nodes: [{ text: "2" }] }, elseList: { nodes: [{ text: "3" }] } }] } });
    const [withNode] = parseTemplate("{{with .a}}1{{else with .b}}2{{end}}").root.nodes;
    expect(withNode).toMatchObject({ kind: "with", elseList: { nodes: [{ kind: "with", elseList: null }] } });
  });

  it("makes chains, and merges fields after variables and fields", () => {
    const [a] = parseTemplate("{{ (.a).b.c }}{{ $.x }}").root.nodes;
    expect((a as ActionNode).pipe.cmds[0]?.args[0]).toMatchObject({ kind: "chain", node: { kind: "pipe" }, fields: ["b", "c"] });
    expect(formatTemplateNode(parseTemplate("{{ $.x.y }}").root)).toBe("{{$.x.y}}");
  });

  it("collects {{define}} and {{block}} bodies, each with its own variable scope", () => {
    const t = parseTemplate('{{ $x := 1 }}{{define "a"}}A{{end}}{{block "b" .}}B{{end}}');
    expect([...t.templates.keys()]).toEqual(["a", "b"]);
    expect(formatTemplateNode(t.root)).toBe('{{$x := 1}}{{template "b" .}}');
    expect(() => parseTemplate('{{ $x := 1 }}{{define "a"}}{{$x}}{{end}}')).toThrowError(/undefined variable "\$x"/);
  });

  it("lets a {{define}} of the template's own name replace an empty body, as Go does", () => {
    const t = parseTemplate('{{define "_"}}X{{end}}\n');
    expect(formatTemplateNode(t.root)).toBe("X");
    expect(t.templates.size).toBe(0);
  });

  it("scopes variables to the enclosing control structure", () => {
    expect(() => parseTemplate("{{if .a}}{{$x := 1}}{{end}}{{$x}}")).toThrowError(/undefined variable "\$x"/);
    expect(() => parseTemplate("{{if $x := .a}}{{$x}}{{else}}{{$x}}{{end}}")).not.toThrow();
    expect(() => parseTemplate("{{range $i, $v := .a}}{{$i}}{{$v}}{{end}}{{$v}}")).toThrowError(/undefined variable "\$v"/);
  });

  it("checks functions against the given set plus Go's builtins", () => {
    const functions = new Set(["f"]);
    expect(() => parseTemplate("{{ f | printf }}", { functions })).not.toThrow();
    expect(() => parseTemplate("{{ Quote }}", { functions })).toThrowError(/function "Quote" not defined/);
    expect(() => parseTemplate("{{ env }}", { functions: new Set(["env"]) })).not.toThrow();
  });

  it("lexes break and continue as functions when the FuncMap has them", () => {
    expect(() => parseTemplate("{{ break }}", { functions: new Set(["break"]) })).not.toThrow();
  });
});
