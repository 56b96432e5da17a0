/**
 * The presets behave like KWOK's stage sets: for each input object, KWOK's stage files (read
 * from ../shared/conformance/kwok, never copied) and the preset go through KWOK's harness
 * (`stageTestOutput`) and must list the same stages (names mapped) with the same delay range,
 * weight and operations. Three sets of template functions are used: the harness placeholders,
 * controller-like functions (a node IP and port, dual-stack IPs), and empty ones (no node IP,
 * port 0, no IPs), so that both sides of every `with` run.
 *
 * Inputs: KWOK's own testdata, the presets' golden inputs, and a generated corpus
 * (equivalence-corpus.ts). `pod-fast` has no counterpart here (KWOK's pod/fast files are not
 * part of the reference data); its goldens and the cross-checks at the end pin it down.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadPreset } from "../../src/presets/index.js";
import { loadStagesOrThrow } from "../../src/stage/load.js";
import type { Stage } from "../../src/stage/model.js";
import { parseYamlDocuments } from "../../src/stage/yaml.js";
import { type FunctionMap, goFunction } from "../../src/template/exec/function-map.js";
import { stageTestOutput, type StageTestOutput } from "../../src/testing/stage-test-output.js";
import { type CorpusCase, nodeCorpus, podCorpus } from "./equivalence-corpus.js";

const KWOK = join(import.meta.dirname, "../../../shared/conformance/kwok");
const HERE = import.meta.dirname;

/** KWOK stage name → preset stage name. */
const STAGE_NAMES: Readonly<Record<string, string>> = {
  "node-initialize": "node-mark-ready",
  "node-heartbeat": "node-renew-heartbeat",
  "pod-create": "pod-accepted",
  "pod-init-container-running": "pod-init-running",
  "pod-init-container-completed": "pod-init-done",
  "pod-ready": "pod-running",
  "pod-complete": "pod-succeeded",
  "pod-delete": "pod-removed",
};

function kwokSet(...dirs: string[]): Stage[] {
  return dirs.flatMap((dir) => {
    const full = join(KWOK, dir);
    const files = readdirSync(full).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml").sort();
    return loadStagesOrThrow(files.map((f) => ({ file: join(full, f), text: readFileSync(join(full, f), "utf8") })));
  });
}

interface Pair {
  readonly label: string;
  /** Run with the placeholders only (the parts are already compared with every profile). */
  readonly placeholdersOnly?: boolean;
  readonly kind: "Node" | "Pod" | "any";
  readonly kwok: () => Stage[];
  readonly preset: () => readonly Stage[];
}

const PAIRS: readonly Pair[] = [
  { label: "node-fast ~ node/fast", kind: "Node", kwok: () => kwokSet("node/fast"), preset: () => loadPreset("node-fast") },
  { label: "node-heartbeat ~ node/heartbeat", kind: "Node", kwok: () => kwokSet("node/heartbeat"), preset: () => loadPreset("node-heartbeat") },
  { label: "pod-general ~ pod/general", kind: "Pod", kwok: () => kwokSet("pod/general"), preset: () => loadPreset("pod-general") },
  {
    label: "general ~ node/fast + node/heartbeat + pod/general",
    kind: "any",
    placeholdersOnly: true,
    kwok: () => kwokSet("node/fast", "node/heartbeat", "pod/general"),
    preset: () => loadPreset("general"),
  },
];

const str = "string" as const;
const PROFILES: Readonly<Record<string, FunctionMap | undefined>> = {
  placeholders: undefined,
  controller: {
    NodeIP: goFunction([], () => "10.9.0.1"),
    NodeName: goFunction([], () => "kwok-node"),
    NodePort: goFunction([], () => 10250n),
    NodeIPWith: goFunction([str], (node: string) => `10.9.0.${node.length}`),
    NodeIPsWith: goFunction([str], () => ["10.9.0.1", "fd00::1"]),
    PodIPWith: goFunction([str, "bool", str, str, str], (_n: string, host: boolean) => (host ? "10.9.0.1" : "10.0.0.5")),
    PodIPsWith: goFunction([str, "bool", str, str, str], (_n: string, host: boolean) => (host ? ["10.9.0.1"] : ["10.0.0.5", "fd01::5"])),
  },
  empty: {
    NodeIP: goFunction([], () => ""),
    NodeName: goFunction([], () => ""),
    NodePort: goFunction([], () => 0n),
    NodeIPWith: goFunction([str], () => ""),
    NodeIPsWith: goFunction([str], () => []),
    PodIPWith: goFunction([str, "bool", str, str, str], () => ""),
    PodIPsWith: goFunction([str, "bool", str, str, str], () => []),
  },
};

function readInputs(dir: string, prefix: string): CorpusCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".input.yaml"))
    .sort()
    .map((f) => ({ id: `${prefix}/${f}`, object: parseYamlDocuments(readFileSync(join(dir, f), "utf8")).documents[0]?.value as Record<string, unknown> }));
}

const KWOK_INPUTS = [...readInputs(join(KWOK, "node/fast/testdata"), "kwok:node/fast"), ...readInputs(join(KWOK, "pod/general/testdata"), "kwok:pod/general")];
const GOLDEN_INPUTS = ["node-fast", "node-heartbeat", "pod-fast", "pod-general"].flatMap((p) => readInputs(join(HERE, p, "testdata"), `golden:${p}`));
const CORPUS: readonly CorpusCase[] = [...KWOK_INPUTS, ...GOLDEN_INPUTS, ...nodeCorpus(), ...podCorpus()];

type Outcome = { ok: true; value: StageTestOutput } | { ok: false; error: string };

async function run(object: unknown, stages: readonly Stage[], functions: FunctionMap | undefined): Promise<Outcome> {
  const r = await stageTestOutput(object, stages, functions === undefined ? {} : { functions });
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error.message };
}

function renamed(out: Outcome): Outcome {
  if (!out.ok) return out;
  return { ok: true, value: { ...out.value, stages: out.value.stages.map((s) => ({ ...s, stage: STAGE_NAMES[s.stage] ?? `unmapped:${s.stage}` })) } };
}

function kindOf(c: CorpusCase): string {
  return String(c.object.kind);
}

const tally = { compared: 0, identical: 0, bothFailed: 0, documented: 0, inputs: new Set<string>(), stages: new Map<string, number>(), failures: new Set<string>() };

describe("presets behave like KWOK's stage sets", () => {
  it("has KWOK's testdata inputs and a large corpus", () => {
    expect(KWOK_INPUTS.length).toBe(8);
    expect(CORPUS.length).toBeGreaterThan(1000);
  });

  for (const pair of PAIRS) {
    it(pair.label, async () => {
      const kwok = pair.kwok();
      const preset = pair.preset();
      const differing = new Map<string, number>();
      for (const input of CORPUS) {
        if (pair.kind !== "any" && kindOf(input) !== pair.kind) continue;
        tally.inputs.add(input.id);
        for (const [profile, functions] of Object.entries(PROFILES)) {
          if (pair.placeholdersOnly === true && functions !== undefined) continue;
          const expected = renamed(await run(input.object, kwok, functions));
          const actual = await run(input.object, preset, functions);
          tally.compared++;
          if (!expected.ok && !actual.ok) {
            tally.bothFailed++;
            tally.failures.add(`${input.id}: ${actual.error.split("\n")[0] ?? ""}`);
            continue;
          }
          const same = expected.ok && actual.ok && isDeepStrictEqual(expected.value, actual.value);
          if (same) {
            tally.identical++;
            for (const s of actual.value.stages) tally.stages.set(s.stage, (tally.stages.get(s.stage) ?? 0) + 1);
            continue;
          }
          if (input.difference !== undefined) {
            expect(actual.ok, `${input.id} [${profile}]: the preset must succeed`).toBe(true);
            differing.set(input.id, (differing.get(input.id) ?? 0) + 1);
            tally.documented++;
            continue;
          }
          // Undocumented difference: show both sides.
          expect(actual, `${input.id} [${profile}]`).toEqual(expected);
        }
      }
      // Ratchet: a documented difference that no longer shows up anywhere must be removed from the corpus.
      for (const input of CORPUS) {
        if (input.difference === undefined || (pair.kind !== "any" && kindOf(input) !== pair.kind)) continue;
        if (pair.label.startsWith("node-heartbeat")) continue; // heartbeats do not touch the fields concerned
        expect(differing.get(input.id), `${input.id}: documented difference "${input.difference}" did not show`).toBe(pair.placeholdersOnly === true ? 1 : Object.keys(PROFILES).length);
      }
    }, 180_000);
  }

  it("every preset stage was reached, many times", () => {
    for (const name of Object.values(STAGE_NAMES)) expect(tally.stages.get(name) ?? 0, name).toBeGreaterThanOrEqual(20);
  });

  it("inputs failing on both sides are only malformed ones", () => {
    expect([...tally.failures]).toEqual([expect.stringMatching(/^node-status-null: /)]);
  });

  afterAll(() => {
    console.log(
      `KWOK equivalence: ${tally.inputs.size} inputs, ${tally.compared} comparisons: ${tally.identical} identical, ${tally.bothFailed} failing on both sides, ${tally.documented} documented differences; stages listed: ${[...tally.stages].map(([k, v]) => `${k} ${v}`).join(", ")}`,
    );
  });
});
