/**
 * Differential test of src/patch's JSON patch and merge patch against evanphx/json-patch (the
 * root, v4 API package of Debian's golang-github-evanphx-json-patch-dev), which the Kubernetes
 * API server and KWOK use. `jsonpatch/main.go` applies each case of `jsonpatch/corpus.ts`; the
 * results must be the same JSON (compared with sorted keys), or both sides must fail.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyJsonPatch, applyMergePatch } from "../../src/patch/index.js";
import type { JsonValue } from "../../src/patch/index.js";
import { generatedJsonPatchCases, generatedMergePatchCases, JSON_PATCH_CASES, MERGE_PATCH_CASES } from "./jsonpatch/corpus.js";
import type { PatchCase } from "./jsonpatch/corpus.js";

const PROGRAM = join(import.meta.dirname, "jsonpatch");
const SOURCE = "/usr/share/gocode/src/github.com/evanphx/json-patch";

type Outcome = { readonly ok: true; readonly out: string } | { readonly ok: false; readonly error: string };

/** Where stagecraft knowingly differs from evanphx, with the reason (none so far). */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {};

/** JSON text with object keys sorted at every depth (own keys only, so `__proto__` is data). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function runOurs(c: PatchCase): Outcome {
  try {
    const doc = JSON.parse(c.doc) as JsonValue;
    const patch = JSON.parse(c.patch) as JsonValue;
    const out = c.mode === "json" ? applyJsonPatch(doc, patch) : applyMergePatch(doc, patch);
    return { ok: true, out: canonical(out) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function hasOracle(): boolean {
  return spawnSync("go", ["version"], { encoding: "utf8" }).status === 0 && existsSync(SOURCE);
}

const available = hasOracle();
if (!available && process.env["CI"]) throw new Error("Go and evanphx/json-patch are required in CI for the JSON patch oracle (apt-get install golang-go golang-github-evanphx-json-patch-dev)");
const reason = available ? "" : " (SKIPPED: go or golang-github-evanphx-json-patch-dev missing)";

const generatedJson = generatedJsonPatchCases(220, 6902);
const generatedMerge = generatedMergePatchCases(120, 7386);

describe.skipIf(!available)(`src/patch vs evanphx/json-patch${reason}`, () => {
  let binary = "";
  const tally = { same: 0, cases: 0, bothFailed: 0 };

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-jsonpatch-"));
    binary = join(dir, "jsonpatch");
    const env = { ...process.env, GO111MODULE: "off", GOPATH: "/usr/share/gocode", CGO_ENABLED: "0", GOCACHE: process.env["GOCACHE"] ?? join(dir, "cache") };
    const build = spawnSync("go", ["build", "-o", binary, "."], { cwd: PROGRAM, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`go build failed (is golang-github-evanphx-json-patch-dev installed?): ${build.stderr}`);
  }, 120_000);

  afterAll(() => {
    console.info(`evanphx/json-patch oracle: ${tally.same} of ${tally.cases} agree (${tally.bothFailed} fail on both sides)`);
  });

  function runGo(cases: readonly PatchCase[]): Outcome[] {
    const input = `${cases.map((c) => JSON.stringify(c)).join("\n")}\n`;
    const r = spawnSync(binary, [], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`jsonpatch oracle failed: ${r.stderr}`);
    return r.stdout.trimEnd().split("\n").map((line) => {
      const o = JSON.parse(line) as { ok: boolean; out?: string; error?: string };
      return o.ok ? { ok: true, out: canonical(JSON.parse(o.out ?? "null")) } : { ok: false, error: o.error ?? "" };
    });
  }

  function disagreements(cases: readonly PatchCase[]): string[] {
    const go = runGo(cases);
    expect(go.length).toBe(cases.length);
    const out: string[] = [];
    cases.forEach((c, i) => {
      const theirs = go[i] as Outcome;
      const ours = runOurs(c);
      const agrees = theirs.ok ? ours.ok && ours.out === theirs.out : !ours.ok;
      const key = `${c.mode}:${c.doc}:${c.patch}`;
      const known = Object.hasOwn(KNOWN_DIFFERENCES, key);
      tally.cases++;
      if (agrees) tally.same++;
      if (!theirs.ok && !ours.ok) tally.bothFailed++;
      if (agrees === known) out.push(`${known ? "now agrees, remove from KNOWN_DIFFERENCES: " : ""}${c.mode} doc=${c.doc} patch=${c.patch}\n   evanphx    ${JSON.stringify(theirs)}\n   stagecraft ${JSON.stringify(ours)}`);
    });
    return out;
  }

  it(`JSON patch: ${JSON_PATCH_CASES.length} hand-written cases`, () => {
    expect(disagreements(JSON_PATCH_CASES).join("\n")).toBe("");
  });

  it(`JSON patch: ${generatedJson.length} generated cases`, () => {
    expect(disagreements(generatedJson).join("\n")).toBe("");
  });

  it(`merge patch: ${MERGE_PATCH_CASES.length} hand-written cases`, () => {
    expect(disagreements(MERGE_PATCH_CASES).join("\n")).toBe("");
  });

  it(`merge patch: ${generatedMerge.length} generated cases`, () => {
    expect(disagreements(generatedMerge).join("\n")).toBe("");
  });
});
