// Benchmark: selector evaluation on KWOK's own stages and golden inputs.
// 1. CEL terms of volume/fast (PV/PVC) through stagecraft's compileCel (lazy int view, KWOK
//    functions, result export) vs the same expressions on raw @marcbachmann/cel-js (baseline).
// 2. Whole selectors (labels, jq, CEL in KWOK's order) of every stage folder with testdata,
//    matched against each golden input: selector matches per second.
// Run through bench/run.mjs (`npm run bench`), or directly: `node bench/selectors.mjs [--smoke]`.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Environment } from "@marcbachmann/cel-js";
import { compileCel, compileSelector, parseYamlDocuments } from "../dist/index.js";
import { loadStageFiles } from "../dist/node.js";
import { fmt, measure } from "./lib/measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const KWOK = join(here, "../../shared/conformance/kwok");
const FOLDERS = ["node/fast", "pod/general", "volume/fast"];

function inputs(folder) {
  const dir = join(KWOK, folder, "testdata");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".input.yaml"))
    .sort()
    .map((f) => parseYamlDocuments(readFileSync(join(dir, f), "utf8")).documents[0].value);
}

function load(folder) {
  const result = loadStageFiles(join(KWOK, folder));
  if (!result.ok) throw new Error(`cannot load ${folder}`);
  return result.stages;
}

function celTable(smoke) {
  const stages = load("volume/fast");
  const objects = inputs("volume/fast");
  const env = new Environment({ unlistedVariablesAreDyn: true });
  const rows = [];
  for (const stage of stages) {
    const exprs = stage.selector.matchExpressions.filter((e) => "cel" in e).map((e) => e.cel.expression);
    if (exprs.length === 0) continue;
    const ours = exprs.map((e) => compileCel(e));
    const raw = exprs.map((e) => env.parse(e));
    const object = objects.find((o) => o.kind === stage.resourceRef.kind) ?? objects[0];
    const runOurs = () => {
      for (const p of ours) p.evaluate(object);
    };
    const runRaw = () => {
      for (const p of raw) {
        try {
          p({ self: object });
        } catch {
          // a missing key is an error in both; the baseline only pays for throwing it
        }
      }
    };
    const opts = { runs: 7, minMs: 60, smoke, opsPerCall: exprs.length };
    const s = measure(runOurs, opts);
    const b = measure(runRaw, opts);
    rows.push(`| ${stage.name} (${exprs.length} terms) on a ${object.kind} | ${fmt(s)} | ${fmt(b)} | ${(s / b).toFixed(2)}× |`);
  }
  return [
    "CEL terms of KWOK's `volume/fast` stages on their golden inputs; evaluations per CPU second, median of 7 runs.",
    "Baseline: the same expressions on raw cel-js with the object passed as is (no int64 view of JSON numbers, no KWOK functions, no result conversion, exceptions instead of results).",
    "",
    "| stage | stagecraft `compileCel` | raw cel-js | ratio |",
    "|---|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

function matchTable(smoke) {
  const rows = [];
  for (const folder of FOLDERS) {
    const stages = load(folder).filter((s) => s.selector !== null);
    const objects = inputs(folder);
    const selectors = stages.map((s) => ({ ref: s.resourceRef, selector: compileSelector(s.selector) }));
    const pairs = [];
    for (const o of objects) {
      for (const s of selectors) if (s.ref.apiGroup === o.apiVersion && s.ref.kind === o.kind) pairs.push([s.selector, o]);
    }
    const rate = measure(
      () => {
        for (const [selector, object] of pairs) selector.match(object);
      },
      { runs: 7, minMs: 80, smoke, opsPerCall: pairs.length },
    );
    rows.push(`| ${folder} | ${stages.length} | ${objects.length} | ${pairs.length} | ${fmt(rate)} |`);
  }
  return [
    "Every stage's whole selector (labels, jq terms, CEL terms, in KWOK's order) matched against every golden input of the same kind; selector matches per CPU second, median of 7 runs.",
    "",
    "| stage folder | stages | inputs | selector × input pairs | matches/s |",
    "|---|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

/**
 * Runs the benchmark.
 * @param {{ smoke?: boolean }} options - smoke: tiny iteration counts (CI keeps the file from rotting)
 * @returns {Promise<{ title: string, markdown: string }>}
 */
export async function run({ smoke = false } = {}) {
  const markdown = `### CEL selectors\n\n${celTable(smoke)}\n\n### Whole selectors\n\n${matchTable(smoke)}`;
  return { title: "Selectors: CEL terms and whole selectors on KWOK's stages", markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await run({ smoke: process.argv.includes("--smoke") });
  console.log(result.markdown);
}
