/**
 * Differential test of src/yaml against the real go-yaml v2 (Debian's golang-gopkg-yaml.v2-dev,
 * built with the local Go, GO111MODULE=off). `goyaml/main.go` reproduces
 * `sigs.k8s.io/yaml.YAMLToJSON` (y2j) and `sigs.k8s.io/yaml.Marshal` (j2y); every case of the
 * corpora in `goyaml/corpus.ts` goes through one process and is compared byte for byte.
 * When both sides fail, they agree (messages are not compared).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goJsonStringify, marshalGoYaml, yamlToJson } from "../../src/yaml/index.js";
import { DOCUMENTS, SCALARS, STRINGS, VALUES } from "./goyaml/corpus.js";

const PROGRAM = join(import.meta.dirname, "goyaml");

type Mode = "y2j" | "j2y";
interface Case {
  readonly mode: Mode;
  readonly input: string;
}
type Outcome = { readonly ok: true; readonly out: string } | { readonly ok: false; readonly error: string };

/**
 * Where stagecraft differs from go-yaml v2, with the reason. The test fails when one of these
 * starts to agree, so the list can only shrink.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
};

function hasGo(): boolean {
  return spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;
}

function runOurs(c: Case): Outcome {
  try {
    const out = c.mode === "y2j" ? goJsonStringify(yamlToJson(c.input)) : marshalGoYaml(JSON.parse(c.input));
    return { ok: true, out };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const y2j = (inputs: readonly string[]): Case[] => inputs.map((input) => ({ mode: "y2j", input }));
const j2y = (values: readonly unknown[]): Case[] => values.map((v) => ({ mode: "j2y", input: JSON.stringify(v) }));

const scalarValues = y2j(SCALARS.map((s) => `v: ${s}\n`));
const scalarKeys = y2j(SCALARS.map((s) => `${s}: v\n`));
const documents = y2j(DOCUMENTS);
const stringCases = j2y(STRINGS.flatMap((s) => [s, { v: s }, { [s]: 1 }, [s], { a: { b: [s] } }]));
const valueCases = j2y(VALUES);

const available = hasGo();
if (!available && process.env["CI"]) throw new Error("Go is required in CI for the go-yaml oracle (apt-get install golang-go golang-gopkg-yaml.v2-dev)");
const reason = available ? "" : " (SKIPPED: go not on PATH)";

describe.skipIf(!available)(`src/yaml vs go-yaml v2${reason}`, () => {
  let binary = "";
  const tally = { same: 0, known: 0, cases: 0 };

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-goyaml-"));
    binary = join(dir, "goyaml");
    const env = { ...process.env, GO111MODULE: "off", GOPATH: "/usr/share/gocode", CGO_ENABLED: "0", GOCACHE: process.env["GOCACHE"] ?? join(dir, "cache") };
    const build = spawnSync("go", ["build", "-o", binary, "."], { cwd: PROGRAM, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`go build failed (is golang-gopkg-yaml.v2-dev installed?): ${build.stderr}`);
  }, 120_000);

  afterAll(() => {
    console.info(`go-yaml oracle: ${tally.same} of ${tally.cases} identical, ${tally.known} known differences`);
  });

  function runGo(cases: readonly Case[]): Outcome[] {
    const input = `${cases.map((c) => JSON.stringify(c)).join("\n")}\n`;
    const r = spawnSync(binary, [], { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`goyaml failed: ${r.stderr}`);
    return r.stdout.trimEnd().split("\n").map((line) => {
      const o = JSON.parse(line) as { ok: boolean; out?: string; error?: string };
      return o.ok ? { ok: true, out: o.out ?? "" } : { ok: false, error: o.error ?? "" };
    });
  }

  function disagreements(cases: readonly Case[]): string[] {
    const go = runGo(cases);
    expect(go.length).toBe(cases.length);
    const out: string[] = [];
    cases.forEach((c, i) => {
      const theirs = go[i] as Outcome;
      const ours = runOurs(c);
      const agrees = theirs.ok ? ours.ok && ours.out === theirs.out : !ours.ok;
      const key = `${c.mode}:${c.input}`;
      const known = Object.hasOwn(KNOWN_DIFFERENCES, key);
      tally.cases++;
      if (agrees) tally.same++;
      if (known) tally.known++;
      if (agrees === known) {
        out.push(`${known ? "now agrees, remove from KNOWN_DIFFERENCES: " : ""}${JSON.stringify(key)}\n   go         ${JSON.stringify(theirs)}\n   stagecraft ${JSON.stringify(ours)}`);
      }
    });
    return out;
  }

  it(`YAML→JSON: ${scalarValues.length} plain scalars as values`, () => {
    expect(disagreements(scalarValues).join("\n")).toBe("");
  });

  it(`YAML→JSON: ${scalarKeys.length} plain scalars as keys`, () => {
    expect(disagreements(scalarKeys).join("\n")).toBe("");
  });

  it(`YAML→JSON: ${documents.length} documents`, () => {
    expect(disagreements(documents).join("\n")).toBe("");
  });

  it(`JSON→YAML: ${stringCases.length} string placements`, () => {
    expect(disagreements(stringCases).join("\n")).toBe("");
  });

  it(`JSON→YAML: ${valueCases.length} values`, () => {
    expect(disagreements(valueCases).join("\n")).toBe("");
  });
});
