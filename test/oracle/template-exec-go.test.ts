/**
 * Differential test of the template executor against Go's `text/template` (the local Go
 * toolchain, Debian's golang-go, built with GO111MODULE=off). `gotemplate-exec/main.go`
 * renders each case with a FuncMap of KWOK's `Quote`, the test-harness placeholders and sprig's
 * TxtFuncMap (Debian's golang-github-masterminds-sprig-dev, v3.2.3, when installed; otherwise
 * copies of `default empty dict list` and the sprig cases are skipped visibly); data is JSON decoded with `UseNumber` as KWOK does.
 * Both sides must succeed with byte-identical output or fail with the same message.
 *
 * Corpus: every KWOK stage template against every testdata input of its directory (trimmed as
 * KWOK does), the executor's fixture table and the sprig fixture table (`sprig-cases.fixture.ts`:
 * dates only with explicit times, random functions only where the draw does not matter; Go runs
 * with TZ=UTC), and 1,000 generated regular expressions run through the regex functions.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStagecraftError } from "../../src/errors.js";
import { EXEC_DATA, EXEC_TEMPLATES, SPRIG_TEMPLATES } from "../../src/template/exec/exec-cases.fixture.js";
import { SPRIG_CASES, SPRIG_KNOWN_DIFFERENCES } from "../../src/template/exec/sprig-cases.fixture.js";
import { executeTemplate, goJsonMarshal, kwokFunctions, placeholderFunctions, sprigFunctions, toTemplateData } from "../../src/template/exec/index.js";
import { KWOK_TEMPLATE_FUNCTIONS, parseTemplate } from "../../src/template/index.js";

const CONFORMANCE = join(import.meta.dirname, "../../../shared/conformance/kwok");
const PROGRAM = join(import.meta.dirname, "gotemplate-exec");

interface Case {
  readonly name: string;
  readonly text: string;
  readonly data: string;
  readonly trim: boolean;
}

type Outcome = { readonly ok: true; readonly out: string } | { readonly ok: false; readonly error: string };

/**
 * Where stagecraft (Go 1.22, sprig 3.3.0) deliberately differs from the local Go 1.19 and
 * Debian's sprig 3.2.3; the list can only shrink.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  "{{range 3}}{{.}}{{end}}": "range over an integer is Go 1.22; Go 1.19 says range can't iterate over 3",
  "{{with .f}}W{{else with .str}}{{.}}{{end}}": "{{else with}} is Go 1.23 syntax; Go 1.19 says unexpected <with> in else",
  ...SPRIG_KNOWN_DIFFERENCES,
};

function hasGo(): boolean {
  return spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;
}

function kwokCases(): Case[] {
  const out: Case[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) {
        if (entry !== "testdata") walk(p);
        continue;
      }
      if (!entry.endsWith(".yaml") || entry === "kustomization.yaml") continue;
      const td = join(d, "testdata");
      const inputs = existsSync(td) ? readdirSync(td).filter((f) => f.endsWith(".input.yaml")).sort() : [];
      for (const doc of parseAllDocuments(readFileSync(p, "utf8"))) {
        const js = doc.toJS() as { kind?: string; metadata?: { name?: string } } | null;
        if (js?.kind !== "Stage") continue;
        const texts: string[] = [];
        const visit = (n: unknown): void => {
          if (Array.isArray(n)) n.forEach(visit);
          else if (n !== null && typeof n === "object") {
            for (const [k, v] of Object.entries(n)) {
              if ((k === "statusTemplate" || k === "template") && typeof v === "string") texts.push(v);
              else visit(v);
            }
          }
        };
        visit(js);
        for (const f of inputs) {
          const data = JSON.stringify(parse(readFileSync(join(td, f), "utf8")));
          for (const text of texts) out.push({ name: js.metadata?.name ?? "_", text, data, trim: true });
        }
      }
    }
  };
  walk(CONFORMANCE);
  return out;
}

const SPRIG_DIR = "/usr/share/gocode/src/github.com/Masterminds/sprig";
const sprig = existsSync(SPRIG_DIR);
// Without sprig the Go side has the builtin `slice`; with it, sprig's `slice` replaces it (as in KWOK).
/** A deterministic random source (the Go side draws from its own; cases only test what does not depend on the draw). */
function seededRandom(): () => number {
  let x = 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}
const { slice: sprigSlice, ...sprigRest } = sprigFunctions({ random: seededRandom() });
const FUNCTIONS = {
  ...sprigRest,
  ...(sprig && sprigSlice !== undefined ? { slice: sprigSlice } : {}),
  ...kwokFunctions({ now: () => "unused", startTime: "2006-01-02T15:04:05Z", yaml: (v) => `${goJsonMarshal(v)}\n` }),
  ...placeholderFunctions(),
};

function runStagecraft(c: Case): Outcome {
  try {
    const t = parseTemplate(c.text, { name: c.name, trim: c.trim, functions: KWOK_TEMPLATE_FUNCTIONS });
    return { ok: true, out: executeTemplate(t, toTemplateData(JSON.parse(c.data)), { functions: FUNCTIONS }) };
  } catch (e) {
    if (!isStagecraftError(e)) throw e;
    return { ok: false, error: e.code === "E_TEMPLATE_SYNTAX" ? `parse: ${e.rawMessage}` : e.rawMessage };
  }
}


/**
 * A generated corpus of Go regular expressions (classes, anchors, flags, lazy and counted
 * repetition, alternation, groups) for the regex functions, deterministic from a fixed seed.
 * Repetition of groups is left out: RE2 and JavaScript differ there by design (empty
 * iterations, captures kept across iterations; see docs/template-functions.md).
 */
function regexCorpus(count: number): string[] {
  let seed = 20_241_123;
  const rnd = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed % n;
  };
  const atoms = ["(?i:[a-cK])", "[[:upper:]]", "(?i)[[:lower:]]", "(?i:k)", "[^[:space:]]", "\\PL", "[é-ü]", "(?U)a+", "\\Qa.\\E",
    "\\A", "\\z", "a", "b", ".", "\\d", "\\w", "\\s", "[ab]", "[^a]", "[a-c]", "\\b", "^", "$", "x", "é", "\\.", "(?i)A", "[[:alpha:]]", "\\pL", "a|b", "\\S", "\\W",
    "\\D", "[\\d.]", "\\x61", "(?s:.)", "(?m:^)"];
  const quants = ["", "", "", "*", "+", "?", "{2}", "{1,2}", "*?", "+?", "??", "{0,}"];
  const unquantified = (a: string): boolean => a === "^" || a === "$" || a === "\\b" || a.startsWith("(");
  const gen = (depth: number): string => {
    let out = "";
    for (let i = 1 + rnd(3); i > 0; i--) {
      let atom = atoms[rnd(atoms.length)] as string;
      if (depth < 2 && rnd(4) === 0) atom = `(${gen(depth + 1)})`;
      if (depth < 2 && rnd(6) === 0) atom = `(?:${gen(depth + 1)})`;
      out += atom + (unquantified(atom) ? "" : (quants[rnd(quants.length)] as string));
    }
    return rnd(5) === 0 ? `${out}|${gen(depth + 1)}` : out;
  };
  const inputs = ["Kk\u212a sS\u017f", "ÉéüÜ", "", "a", "ab", "aab ba", "xa.b\nAb", "é a1_b", "  aa\tbb  ", "abcabc", "A1 b2 C3", "..a..", "ba\nab\n"];
  const q = (x: string): string => JSON.stringify(x);
  return Array.from({ length: count }, () => {
    const re = q(gen(0));
    const input = q(inputs[rnd(inputs.length)] as string);
    switch (rnd(4)) {
      case 0: return `{{ regexFindAll ${re} ${input} -1 }}`;
      case 1: return `{{ regexReplaceAll ${re} ${input} "<$1>" }}`;
      case 2: return `{{ regexSplit ${re} ${input} -1 }}`;
      default: return `{{ regexFind ${re} ${input} }}`;
    }
  });
}

const available = hasGo();
if (!available && process.env["CI"]) throw new Error("Go is required in CI for the template oracle (apt-get install golang-go)");
const reason = available ? "" : " (SKIPPED: go not on PATH)";

if (!sprig) console.info(`template exec oracle: SKIPPING ${SPRIG_TEMPLATES.length + SPRIG_CASES.length} sprig cases (apt-get install golang-github-masterminds-sprig-dev)`);
const data = JSON.stringify(EXEC_DATA);
const CASES: Case[] = [
  ...kwokCases(),
  ...EXEC_TEMPLATES.map((text) => ({ name: "t", text, data, trim: false })),
  ...(sprig ? SPRIG_TEMPLATES.map((text) => ({ name: "t", text, data, trim: false })) : []),
  ...(sprig ? SPRIG_CASES.map((text) => ({ name: "t", text, data, trim: false })) : []),
  ...(sprig ? regexCorpus(1000).map((text) => ({ name: "t", text, data: "{}", trim: false })) : []),
];

describe.skipIf(!available)(`template execution vs Go's text/template${reason}`, () => {
  let binary = "";
  const tally = { same: 0, known: 0, different: 0, goErrors: 0 };

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-gotemplate-exec-"));
    binary = join(dir, "gotemplate-exec");
    const env = { ...process.env, GO111MODULE: "off", CGO_ENABLED: "0", GOCACHE: process.env["GOCACHE"] ?? join(dir, "cache"), ...(sprig ? { GOPATH: "/usr/share/gocode" } : {}) };
    const build = spawnSync("go", ["build", ...(sprig ? ["-tags", "sprig"] : []), "-o", binary, "."], { cwd: PROGRAM, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`go build failed: ${build.stderr}`);
  }, 120_000);

  afterAll(() => {
    console.info(`template exec oracle: ${tally.same}/${CASES.length} identical (${tally.goErrors} of them errors in both), ${tally.known} listed known differences (Go or sprig version, regexp translation), ${tally.different} different`);
  });

  it("agrees with Go on KWOK's templates and the fixture corpus", () => {
    expect(CASES.length).toBeGreaterThan(150);
    // Go's time.Local is UTC, as stagecraft reads "Local".
    const r = spawnSync(binary, [], { input: JSON.stringify({ cases: CASES }), encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, TZ: "UTC" } });
    if (r.status !== 0) throw new Error(`gotemplate-exec failed: ${r.stderr}`);
    const go = (JSON.parse(r.stdout) as { ok: boolean; out: string; error?: string }[]).map((o): Outcome => (o.ok ? { ok: true, out: o.out } : { ok: false, error: o.error ?? "" }));
    const diffs: string[] = [];
    CASES.forEach((c, i) => {
      const g = go[i] as Outcome;
      const ours = runStagecraft(c);
      const same = JSON.stringify(g) === JSON.stringify(ours);
      if (KNOWN_DIFFERENCES[c.text] !== undefined) {
        tally.known++;
        if (same) diffs.push(`listed as a known difference but agrees: ${c.text}`);
        return;
      }
      if (same) {
        tally.same++;
        if (!g.ok) tally.goErrors++;
      } else {
        tally.different++;
        diffs.push(`${c.name}: ${JSON.stringify(c.text.slice(0, 120))}\n  go:   ${JSON.stringify(g)}\n  ours: ${JSON.stringify(ours)}`);
      }
    });
    expect(diffs).toEqual([]);
  });
});
