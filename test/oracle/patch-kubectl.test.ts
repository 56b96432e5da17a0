/**
 * Differential test of src/patch's strategic merge patch against kubectl (`kubectl patch --local
 * -f FILE --type strategic -p PATCH -o json`), which applies apimachinery's strategicpatch with
 * the compiled-in core types (Pod, Node, PersistentVolumeClaim, PersistentVolume, Lease) — the same code the API server runs. One kubectl process
 * per case (about 0.1 s each), eight at a time. Results are compared as JSON with sorted keys;
 * when both sides fail they agree (messages are not compared).
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyStrategicMergePatch } from "../../src/patch/index.js";
import type { JsonValue } from "../../src/patch/index.js";
import { generatedStrategicCases, STRATEGIC_CASES } from "./jsonpatch/strategic-cases.js";
import type { StrategicCase } from "./jsonpatch/strategic-cases.js";

type Outcome = { readonly ok: true; readonly out: string } | { readonly ok: false; readonly error: string };

/**
 * Where stagecraft knowingly differs from apimachinery, by case name, with the reason. The test
 * fails when one of these starts to agree, so the list can only shrink.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  "pod: unknown field on both sides":
    "apimachinery fails (unable to find api field in struct PodSpec) when a field unknown to the Go type is an object or list on both sides; stagecraft's tables only list tagged fields, so it merges the unknown field like an untagged one",
};

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function runOurs(c: StrategicCase): Outcome {
  try {
    const out = applyStrategicMergePatch(c.object as JsonValue, c.patch as JsonValue, { kind: String(c.object["kind"]), apiVersion: String(c.object["apiVersion"]) });
    return { ok: true, out: canonical(out) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function runKubectl(file: string, patch: unknown): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile("kubectl", ["patch", "--local", "-f", file, "--type", "strategic", "-p", JSON.stringify(patch), "-o", "json"], { encoding: "utf8", env: { ...process.env, KUBECONFIG: "/dev/null" } }, (error, stdout, stderr) => {
      if (error) resolve({ ok: false, error: stderr.trim() || error.message });
      else resolve({ ok: true, out: canonical(JSON.parse(stdout)) });
    });
  });
}

async function pool<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return out;
}

const available = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" }).status === 0;
if (!available && process.env["CI"]) throw new Error("kubectl is required in CI for the strategic merge patch oracle (apt-get install kubernetes-client)");
const reason = available ? "" : " (SKIPPED: kubectl not on PATH)";

const GENERATED = generatedStrategicCases(100, 7386);

describe.skipIf(!available)(`src/patch strategic merge vs kubectl patch --local${reason}`, () => {
  const files = new Map<object, string>();
  const tally = { same: 0, cases: 0, bothFailed: 0 };

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-kubectl-patch-"));
    for (const c of [...STRATEGIC_CASES, ...GENERATED]) {
      if (files.has(c.object)) continue;
      const file = join(dir, `object-${files.size}.json`);
      writeFileSync(file, JSON.stringify(c.object));
      files.set(c.object, file);
    }
  });

  afterAll(() => {
    console.info(`kubectl strategic merge oracle: ${tally.same} of ${tally.cases} agree (${tally.bothFailed} fail on both sides)`);
  });

  async function disagreements(cases: readonly StrategicCase[]): Promise<string> {
    const theirs = await pool(cases, 8, (c) => runKubectl(files.get(c.object) as string, c.patch));
    const problems: string[] = [];
    cases.forEach((c, i) => {
      const go = theirs[i] as Outcome;
      const ours = runOurs(c);
      const agrees = go.ok ? ours.ok && ours.out === go.out : !ours.ok;
      const known = Object.hasOwn(KNOWN_DIFFERENCES, c.name);
      tally.cases++;
      if (agrees) tally.same++;
      if (!go.ok && !ours.ok) tally.bothFailed++;
      if (agrees === known) problems.push(`${known ? "now agrees, remove from KNOWN_DIFFERENCES: " : ""}${c.name}\n   patch      ${JSON.stringify(c.patch)}\n   kubectl    ${JSON.stringify(go)}\n   stagecraft ${JSON.stringify(ours)}`);
    });
    return problems.join("\n");
  }

  it(`${STRATEGIC_CASES.length} hand-written cases (Pod, Node, PersistentVolumeClaim, PersistentVolume, Lease)`, async () => {
    expect(await disagreements(STRATEGIC_CASES)).toBe("");
  }, 120_000);

  it(`${GENERATED.length} generated Pod and Node cases (conditions, addresses, containers, finalizers, directives)`, async () => {
    expect(await disagreements(GENERATED)).toBe("");
  }, 120_000);
});
