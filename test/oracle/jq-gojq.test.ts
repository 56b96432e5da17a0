/**
 * Differential tests of the jq engine against gojq, the implementation KWOK uses.
 * Every query runs in one gojq process over all objects (a JSON stream); each result is
 * compared with stagecraft's: both fail, or both succeed with deeply equal outputs.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../../src/errors.js";
import { compileJq, toJSONValue } from "../../src/expression/jq/index.js";
import { INVALID, OBJECTS, QUERIES, UNSUPPORTED } from "./jq-corpus.js";

const CONFORMANCE = join(import.meta.dirname, "../../../shared/conformance/kwok");

function hasGojq(): boolean {
  return spawnSync("gojq", ["--version"]).status === 0;
}

/** Every distinct `key`, `jq` and `expressionFrom` string in KWOK's stage files. */
export function kwokQueries(dir = CONFORMANCE): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if ((k === "key" || k === "jq" || k === "expressionFrom") && typeof v === "string") found.add(v);
        else visit(v);
      }
    }
  };
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".yaml") && name !== "kustomization.yaml") for (const doc of parseAllDocuments(readFileSync(p, "utf8"))) visit(doc.toJS());
    }
  };
  walk(dir);
  return [...found].sort();
}

type Outcome = { ok: unknown[] } | { error: true } | { compileError: string };

/** Runs `query` with gojq over every object; one outcome per object. */
export function runGojq(query: string, objects: readonly string[]): Outcome[] {
  const wrapped = `[try ([${query}\n] | {ok: .}) catch {error: true}] | if length == 0 then {error: true} else .[0] end`;
  const r = spawnSync("gojq", ["-c", wrapped], { input: objects.join("\n"), encoding: "utf8", timeout: 10_000 });
  if (r.status !== 0) return objects.map(() => ({ compileError: r.stderr }));
  const lines = r.stdout.trim().split("\n");
  expect(lines).toHaveLength(objects.length);
  return lines.map((l) => JSON.parse(l) as Outcome);
}

/** Runs `query` with stagecraft over one object, shaped like {@link runGojq}'s outcomes. */
export function runStagecraft(query: string, object: string): Outcome {
  const result = compileJq(query).evaluate(JSON.parse(object));
  return result.ok ? { ok: result.values.map(toJSONValue) } : { error: true };
}

const available = hasGojq();
if (!available && process.env.CI) throw new Error("gojq is required in CI (apt-get install gojq)");
const reason = available ? "" : " (SKIPPED: gojq not on PATH)";

const kwok = kwokQueries();
const all = [...new Set([...kwok, ...QUERIES])];

describe.skipIf(!available)(`jq vs gojq: ${all.length} queries × ${OBJECTS.length} objects${reason}`, () => {
  it("reads KWOK's own keys from the conformance stages", () => {
    expect(kwok.length).toBeGreaterThanOrEqual(10);
    expect(kwok).toContain('.status.conditions.[] | select( .type == "Ready" ) | .status');
  });

  it(`agrees on all ${all.length * OBJECTS.length} (query, object) pairs`, () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const query of all) {
      const expected = runGojq(query, OBJECTS);
      OBJECTS.forEach((object, n) => {
        const want = expected[n] as Outcome;
        if ("compileError" in want) {
          disagreements.push(`${query}: gojq could not compile it: ${want.compileError.trim()}`);
          return;
        }
        const got = runStagecraft(query, object);
        if (disagreements.some((d) => d.startsWith(`${query}\n`))) return;
        compared++;
        try {
          expect(got).toEqual(want);
        } catch {
          disagreements.push(`${query}\n   on ${object.slice(0, 80)}\n   gojq       ${JSON.stringify(want)}\n   stagecraft ${JSON.stringify(got)}`);
        }
      });
    }
    expect(disagreements.slice(0, 40).join("\n")).toBe("");
    expect(compared).toBe(all.length * OBJECTS.length);
  });

  it.each(UNSUPPORTED)("rejects %s at compile time (gojq accepts it)", (query) => {
    const gojq = spawnSync("gojq", ["-n", "-c", query], { encoding: "utf8", input: "", timeout: 5000 });
    expect(gojq.stderr).not.toMatch(/compile error|invalid query/);
    let code: string | undefined;
    try {
      compileJq(query);
    } catch (e) {
      if (isStagecraftError(e)) code = e.code;
    }
    expect(code).toBe("E_JQ_UNSUPPORTED");
  });

  it.each(INVALID)("fails to compile %s, like gojq", (query) => {
    const gojq = spawnSync("gojq", ["-n", "-c", query], { encoding: "utf8", input: "" });
    expect(gojq.status).not.toBe(0);
    expect(gojq.stderr).toMatch(/compile error|invalid query/);
    expect(() => compileJq(query)).toThrowError(expect.objectContaining({ code: expect.stringMatching(/^E_JQ_(SYNTAX|UNSUPPORTED)$/) }));
  });
});
