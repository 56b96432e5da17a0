// Benchmark: render + YAML→JSON of KWOK's pod-create and pod-ready status templates (the
// work KWOK does for every status patch), on their golden inputs, with the test harness's
// placeholder functions. Baseline in the same run: JSON.parse(JSON.stringify(object)), the data
// conversion every render needs anyway (KWOK's own JSON round trip).
// Run through bench/run.mjs (`npm run bench`), or directly: `node bench/template.mjs [--smoke]`.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  renderToJson,
  kwokFunctions,
  marshalGoYaml,
  parseKwokTemplate,
  parseYamlDocuments,
  placeholderFunctions,
  sprigFunctions,
  toTemplateData,
} from "../dist/index.js";
import { loadStageFiles } from "../dist/node.js";
import { fmt, measure } from "./lib/measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const GENERAL = join(here, "../../shared/conformance/kwok/pod/general");
const CASES = [
  ["pod-create", "pod-create.input.yaml"],
  ["pod-ready", "pod-ready.input.yaml"],
];

const functions = {
  ...sprigFunctions(),
  ...kwokFunctions({ now: () => "2006-01-02T15:04:05Z", startTime: "2006-01-02T15:04:05Z", yaml: marshalGoYaml }),
  ...placeholderFunctions(),
};

/**
 * Runs the benchmark.
 * @param {{ smoke?: boolean }} options - smoke: tiny iteration counts (CI keeps the file from rotting)
 * @returns {Promise<{ title: string, markdown: string }>}
 */
export async function run({ smoke = false } = {}) {
  const { stages } = loadStageFiles(GENERAL);
  const rows = [];
  const rates = [];
  for (const [name, input] of CASES) {
    const stage = stages.find((s) => s.name === name);
    const template = stage.steps.find((s) => s.patch)?.patch.template;
    const parsed = parseKwokTemplate(template, { name });
    const object = parseYamlDocuments(readFileSync(join(GENERAL, "testdata", input), "utf8")).documents[0].value;
    const render = () => renderToJson(parsed, toTemplateData(object), { functions });
    render(); // must not throw
    const opts = { runs: 7, minMs: 100, smoke };
    const ours = measure(render, opts);
    const base = measure(() => JSON.parse(JSON.stringify(object)), opts);
    rates.push(ours);
    rows.push(`| ${name} status template on \`${input}\` | ${fmt(ours)} (${(1e6 / ours).toFixed(1)} µs) | ${fmt(base)} | ${(base / ours).toFixed(1)}× |`);
  }
  const markdown = [
    "`toTemplateData` + `renderToJson` (execute, then YAML→JSON) per render (KWOK's `Renderer.ToJSON`), with the harness placeholders, sprig and KWOK functions; renders per CPU second, median of 7 runs. Target: ≥ 20,000 renders/s.",
    "Baseline: a bare JSON round trip of the same object (`JSON.parse(JSON.stringify(o))`); the ratio says how many round trips one render costs.",
    "",
    "| template | renders/s | JSON round trips/s | ratio |",
    "|---|---:|---:|---:|",
    ...rows,
  ].join("\n");
  const slowest = Math.min(...rates);
  const targets = [{ name: "template render + YAML→JSON (pod-create, pod-ready)", target: "≥ 20,000 renders/s", measured: `${Math.round(slowest).toLocaleString("en")} renders/s (slower template)`, met: slowest >= 20_000 }];
  return { title: "Templates: render + YAML→JSON of KWOK status templates", markdown, targets };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await run({ smoke: process.argv.includes("--smoke") });
  console.log(result.markdown);
}
