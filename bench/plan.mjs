// Benchmark: the planner on KWOK's pod-general stage set — `listPossible` (match every stage's
// selector and weight) and a full `plan` (match, delay, steps rendered into operations) for each
// golden Pod input. Baseline in the same run: JSON.parse(JSON.stringify(pod)), the JSON round
// trip every render needs anyway.
// Run through bench/run.mjs (`npm run bench`), or directly: `node bench/plan.mjs [--smoke]`.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileLifecycle, listPossible, parseYamlDocuments, placeholderFunctions, plan } from "../dist/index.js";
import { loadStageFiles } from "../dist/node.js";
import { fmt, measure } from "./lib/measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const GENERAL = join(here, "../../shared/conformance/kwok/pod/general");
const NOW = new Date("2006-01-02T15:04:05Z");

/**
 * Runs the benchmark.
 * @param {{ smoke?: boolean }} options - smoke: tiny iteration counts (CI keeps the file from rotting)
 * @returns {Promise<{ title: string, markdown: string }>}
 */
export async function run({ smoke = false } = {}) {
  const { stages } = loadStageFiles(GENERAL);
  const lifecycle = compileLifecycle(stages, { functions: placeholderFunctions() });
  const inputs = readdirSync(join(GENERAL, "testdata"))
    .filter((f) => f.endsWith(".input.yaml"))
    .sort()
    .map((f) => [f, parseYamlDocuments(readFileSync(join(GENERAL, "testdata", f), "utf8")).documents[0].value]);
  const opts = { runs: 7, minMs: 150, smoke, opsPerCall: inputs.length };
  let seed = 1;
  const rng = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (const [name, pod] of inputs) {
    const r = plan(pod, lifecycle, { now: NOW, rng });
    if (!r.ok || r.plan === undefined) throw new Error(`${name}: no plan (${r.ok ? "nothing matched" : r.error.message})`);
  }
  const matches = measure(() => {
    for (const [, pod] of inputs) listPossible(pod, lifecycle, { now: NOW });
  }, opts);
  const plans = measure(() => {
    for (const [, pod] of inputs) plan(pod, lifecycle, { now: NOW, rng });
  }, opts);
  const base = measure(() => {
    for (const [, pod] of inputs) JSON.parse(JSON.stringify(pod));
  }, opts);
  const markdown = [
    `KWOK's \`pod/general\` stage set (${lifecycle.stages.length} stages), averaged over its ${inputs.length} golden Pod inputs; operations per CPU second, median of 7 runs. Targets: ≥ 100,000 matches/s, ≥ 20,000 full plans/s.`,
    "Baseline: a bare JSON round trip of the same Pod (`JSON.parse(JSON.stringify(pod))`).",
    "",
    "| operation | ops/s | µs each | JSON round trips/s | ratio |",
    "|---|---:|---:|---:|---:|",
    `| \`listPossible\` (every selector + weights) | ${fmt(matches)} | ${(1e6 / matches).toFixed(1)} | ${fmt(base)} | ${(base / matches).toFixed(1)}× |`,
    `| \`plan\` (match + delay + steps rendered to operations) | ${fmt(plans)} | ${(1e6 / plans).toFixed(1)} | ${fmt(base)} | ${(base / plans).toFixed(1)}× |`,
  ].join("\n");
  const targets = [
    { name: "listPossible on pod-general", target: "≥ 100,000 matches/s", measured: `${Math.round(matches).toLocaleString("en")} matches/s`, met: matches >= 100_000 },
    { name: "full plan on pod-general", target: "≥ 20,000 plans/s", measured: `${Math.round(plans).toLocaleString("en")} plans/s`, met: plans >= 20_000 },
  ];
  return { title: "Planner: listPossible and plan on KWOK's pod-general stages", markdown, targets };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await run({ smoke: process.argv.includes("--smoke") });
  console.log(result.markdown);
}
