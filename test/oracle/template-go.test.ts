/**
 * Differential test of the template parser against Go's `text/template` (the local Go
 * toolchain, Debian's golang-go: Go 1.19 at the time of writing). A tiny Go program
 * (`gotemplate/main.go`, built with GO111MODULE=off) parses every template with a FuncMap of
 * the same names and prints the error or the tree (`Root.String()`); both sides must accept
 * the same templates, give the same message and the same tree.
 *
 * Corpus: KWOK's stage templates (trimmed as KWOK does); every prefix, suffix and
 * one-character deletion of them (which reach most error paths, at many lines and columns);
 * and the parser's fixture tables.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStagecraftError } from "../../src/errors.js";
import { formatTemplateNode } from "../../src/template/format.js";
import { KWOK_TEMPLATE_FUNCTIONS, parseTemplate } from "../../src/template/index.js";
import { INVALID_TEMPLATES, VALID_TEMPLATES } from "../../src/template/parse-cases.fixture.js";

const CONFORMANCE = join(import.meta.dirname, "../../../shared/conformance/kwok");
const PROGRAM = join(import.meta.dirname, "gotemplate");

interface Case {
  readonly name: string;
  readonly text: string;
  readonly trim: boolean;
}

type Outcome = { readonly ok: true; readonly tree: string; readonly templates: readonly string[] } | { readonly ok: false; readonly error: string };

/**
 * Where stagecraft deliberately differs from the local Go 1.19. The test fails when one of
 * these starts to agree, so the list can only shrink.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  "{{ 1i }}": "complex constants are rejected as unsupported; Go accepts them",
  "{{with .a}}{{else with .b}}{{end}}": "{{else with}} is Go 1.23 syntax; Go 1.19 says unexpected <with> in else",
};

function hasGo(): boolean {
  return spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;
}

function kwokTemplates(dir = CONFORMANCE): Case[] {
  const out: Case[] = [];
  const visit = (name: string, node: unknown): void => {
    if (Array.isArray(node)) node.forEach((n) => visit(name, n));
    else if (node !== null && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if ((k === "statusTemplate" || k === "template") && typeof v === "string") out.push({ name, text: v, trim: true });
        else visit(name, v);
      }
    }
  };
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (entry.endsWith(".yaml")) {
        for (const doc of parseAllDocuments(readFileSync(p, "utf8"))) {
          const js = doc.toJS() as { metadata?: { name?: string } } | null;
          visit(js?.metadata?.name ?? "_", js);
        }
      }
    }
  };
  walk(dir);
  return out;
}

function runStagecraft(c: Case): Outcome {
  try {
    const t = parseTemplate(c.text, { name: c.name, trim: c.trim });
    return { ok: true, tree: formatTemplateNode(t.root), templates: [...t.templates.keys()].sort() };
  } catch (e) {
    if (!isStagecraftError(e)) throw e;
    return { ok: false, error: e.rawMessage.replace(/ \(stagecraft leaves out sprig's .*\)$/, "") };
  }
}

const ASSIGNMENT = /\{\{((?:if |range |with )?\$[\p{L}\p{Nd}_]*(?:, \$[\p{L}\p{Nd}_]*)?) = /gu;
const GO119_RIGHT_PAREN = /^(template: .*?:\d+: )unexpected "\)" in [^\n]+$/;

/**
 * Compares outcomes, allowing for two differences between Go 1.19 and Go 1.22 (which
 * stagecraft follows): Go 1.19 prints an assignment `{{$x = v}}` as `{{$x := v}}`, and reports
 * a stray `)` as `unexpected ")" in CONTEXT` where Go 1.20+ says `unexpected right paren`.
 */
function compare(go: Outcome, ours: Outcome): "same" | "go-version" | "different" {
  if (go.ok && ours.ok) {
    if (JSON.stringify(go.templates) !== JSON.stringify(ours.templates)) return "different";
    if (ours.tree === go.tree) return "same";
    return ours.tree.replace(ASSIGNMENT, "{{$1 := ") === go.tree ? "go-version" : "different";
  }
  if (go.ok || ours.ok) return "different";
  if (go.error === ours.error) return "same";
  const paren = GO119_RIGHT_PAREN.exec(go.error);
  return paren !== null && ours.error === `${paren[1]}unexpected right paren` ? "go-version" : "different";
}

const available = hasGo();
if (!available && process.env["CI"]) throw new Error("Go is required in CI for the template oracle (apt-get install golang-go)");
const reason = available ? "" : " (SKIPPED: go not on PATH)";

const kwok = kwokTemplates();
const positions = (c: Case): number[] => [...Array(c.text.length).keys()];
const prefixes = kwok.flatMap((c) => positions(c).map((n) => ({ name: c.name, text: c.text.slice(0, n), trim: false })));
const suffixes = kwok.flatMap((c) => positions(c).map((n) => ({ name: c.name, text: c.text.slice(n + 1), trim: false })));
const deletions = kwok.flatMap((c) => positions(c).map((n) => ({ name: c.name, text: c.text.slice(0, n) + c.text.slice(n + 1), trim: false })));
const fixtures: Case[] = [...INVALID_TEMPLATES, ...VALID_TEMPLATES].map(([text]) => ({ name: "t", text, trim: false }));

describe.skipIf(!available)(`templates vs Go's text/template${reason}`, () => {
  let binary = "";

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-gotemplate-"));
    binary = join(dir, "gotemplate");
    const env = { ...process.env, GO111MODULE: "off", CGO_ENABLED: "0", GOCACHE: process.env["GOCACHE"] ?? join(dir, "cache") };
    const build = spawnSync("go", ["build", "-o", binary, "."], { cwd: PROGRAM, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`go build failed: ${build.stderr}`);
  }, 120_000);

  function runGo(cases: readonly Case[]): Outcome[] {
    const input = JSON.stringify({ functions: [...KWOK_TEMPLATE_FUNCTIONS], cases });
    const r = spawnSync(binary, [], { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`gotemplate failed: ${r.stderr}`);
    return (JSON.parse(r.stdout) as ({ ok: true; tree?: string; templates?: string[] } | { ok: false; error: string })[]).map((o) =>
      o.ok ? { ok: true, tree: o.tree ?? "", templates: o.templates ?? [] } : o,
    );
  }

  const tally = { same: 0, "go-version": 0, different: 0, accepted: 0 };

  afterAll(() => {
    console.info(`template oracle: ${tally.same} identical, ${tally["go-version"]} differing only as Go 1.19 and 1.22 do, ${tally.different} different; Go accepted ${tally.accepted}`);
  });

  function disagreements(cases: readonly Case[]): string[] {
    const go = runGo(cases);
    const out: string[] = [];
    cases.forEach((c, i) => {
      const theirs = go[i] as Outcome;
      const ours = runStagecraft(c);
      const known = Object.hasOwn(KNOWN_DIFFERENCES, c.text);
      const verdict = compare(theirs, ours);
      tally[verdict]++;
      if (theirs.ok) tally.accepted++;
      const agrees = verdict !== "different";
      if (agrees === known) {
        out.push(`${known ? "now agrees, remove from KNOWN_DIFFERENCES: " : ""}${JSON.stringify(c.text.slice(-120))}\n   go         ${JSON.stringify(theirs)}\n   stagecraft ${JSON.stringify(ours)}`);
      }
    });
    return out;
  }

  it(`agrees on KWOK's ${kwok.length} stage templates (trimmed, named after the stage)`, () => {
    expect(kwok.length).toBe(16);
    expect(disagreements(kwok).join("\n")).toBe("");
  });

  it(`agrees on all ${prefixes.length} prefixes of KWOK's templates`, () => {
    expect(disagreements(prefixes).slice(0, 20).join("\n")).toBe("");
  }, 120_000);

  it(`agrees on all ${suffixes.length} suffixes of KWOK's templates`, () => {
    expect(disagreements(suffixes).slice(0, 20).join("\n")).toBe("");
  }, 120_000);

  it(`agrees on all ${deletions.length} one-character deletions from KWOK's templates`, () => {
    expect(disagreements(deletions).slice(0, 20).join("\n")).toBe("");
  }, 120_000);

  it(`agrees on the ${fixtures.length} fixture templates, except the ${Object.keys(KNOWN_DIFFERENCES).length} known differences`, () => {
    expect(disagreements(fixtures).join("\n")).toBe("");
  });
});
