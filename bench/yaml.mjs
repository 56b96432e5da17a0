// Benchmark: stagecraft's go-yaml v2 compatible YAML → JSON (a fast path for plain block and one-line flow YAML, else js-yaml with a go-yaml v2 schema)
// against the `yaml` package (version 1.1) on rendered KWOK status templates, and
// marshalGoYaml (sigs.k8s.io/yaml.Marshal port) on the same data.
// Run through bench/run.mjs (`npm run bench`), or directly: `node bench/yaml.mjs [--smoke]`.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as yamlParse, parseAllDocuments } from "yaml";
import { marshalGoYaml, yamlToJson } from "../dist/index.js";
import { fmt, measure } from "./lib/measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const CONFORMANCE = join(here, "../../shared/conformance/kwok");

/** A rendered pod-ready status template, as KWOK's renderer hands it to go-yaml. */
const POD_READY = `conditions:
- lastProbeTime: null
  lastTransitionTime: 2006-01-02T15:04:05Z
  message: ''
  reason: ''
  status: "True"
  type: Initialized
- lastProbeTime: null
  lastTransitionTime: 2006-01-02T15:04:05Z
  message: ''
  reason: ''
  status: "True"
  type: Ready
- lastProbeTime: null
  lastTransitionTime: 2006-01-02T15:04:05Z
  message: ''
  reason: ''
  status: "True"
  type: ContainersReady
containerStatuses:
- image: nginx:1.25
  name: web
  ready: true
  restartCount: 0
  started: true
  state:
    running:
      startedAt: 2006-01-02T15:04:05Z
- image: busybox
  name: sidecar
  ready: true
  restartCount: 0
  started: true
  state:
    running:
      startedAt: 2006-01-02T15:04:05Z
hostIP: 10.0.0.1
podIP: 10.0.0.7
podIPs:
- ip: 10.0.0.7
phase: Running
startTime: 2006-01-02T15:04:05Z
`;

/** The patch bodies of KWOK's golden outputs, re-emitted as go-yaml text (rendered-template sized). */
function goldenPatchBodies(dir) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "data" && v !== null && typeof v === "object") found.push(v);
        else visit(v);
      }
    }
  };
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".output.yaml")) for (const doc of parseAllDocuments(readFileSync(p, "utf8"))) visit(doc.toJS());
    }
  };
  walk(dir);
  return found;
}

/**
 * Runs the benchmark.
 * @param {{ smoke?: boolean }} options - smoke: tiny iteration counts (CI keeps the file from rotting)
 * @returns {Promise<{ title: string, markdown: string, rows: object[] }>}
 */
export async function run({ smoke = false } = {}) {
  const bodies = goldenPatchBodies(CONFORMANCE);
  const samples = [
    { name: "pod-ready status (rendered)", text: POD_READY },
    ...bodies.map((b, i) => ({ name: `KWOK golden patch body #${i + 1}`, text: marshalGoYaml(b) })),
  ];
  const corpus = samples.map((s) => s.text);
  // sanity: the YAML 1.1 reading of both parsers agrees on these texts (as JSON) before timing
  for (const text of corpus) {
    const ours = JSON.stringify(yamlToJson(text));
    // the yaml package turns timestamps into Dates; go-yaml keeps them as text
    const theirs = JSON.stringify(yamlParse(text, { version: "1.1" })).replaceAll('.000Z"', 'Z"');
    if (ours !== theirs) throw new Error(`parsers disagree on:\n${text}\nstagecraft ${ours}\nyaml ${theirs}`);
  }
  const opts = { runs: 7, minMs: 100, smoke };
  const rows = [];
  const single = measure(() => yamlToJson(POD_READY), opts);
  const singleYaml = measure(() => yamlParse(POD_READY, { version: "1.1" }), opts);
  rows.push({ what: "yamlToJson, pod-ready status", stagecraft: single, yaml: singleYaml });
  const all = measure(() => {
    for (const t of corpus) yamlToJson(t);
  }, { ...opts, opsPerCall: corpus.length });
  const allYaml = measure(() => {
    for (const t of corpus) yamlParse(t, { version: "1.1" });
  }, { ...opts, opsPerCall: corpus.length });
  rows.push({ what: `yamlToJson, ${corpus.length} KWOK patch bodies`, stagecraft: all, yaml: allYaml });
  const values = [yamlToJson(POD_READY), ...bodies];
  const marshal = measure(() => {
    for (const v of values) marshalGoYaml(v);
  }, { ...opts, opsPerCall: values.length });
  const lines = [
    "YAML → JSON data as `sigs.k8s.io/yaml.YAMLToJSON` reads it (stagecraft: a fast path for plain block and one-line flow YAML — what KWOK's templates render — else js-yaml with a go-yaml v2 schema) vs the `yaml` package parsing as YAML 1.1; operations per CPU second, median of 7 runs (µs/op in brackets).",
    "",
    "| operation | stagecraft (ops/s) | yaml 1.1 (ops/s) | ratio |",
    "|---|---:|---:|---:|",
    ...rows.map((r) => `| ${r.what} | ${fmt(r.stagecraft)} (${(1e6 / r.stagecraft).toFixed(1)} µs) | ${fmt(r.yaml)} (${(1e6 / r.yaml).toFixed(1)} µs) | ${(r.stagecraft / r.yaml).toFixed(1)}× |`),
    `| marshalGoYaml, ${values.length} patch bodies | ${fmt(marshal)} (${(1e6 / marshal).toFixed(1)} µs) | — | — |`,
  ];
  return { title: "YAML: go-yaml v2 semantics (yamlToJson, marshalGoYaml)", markdown: lines.join("\n"), rows };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await run({ smoke: process.argv.includes("--smoke") });
  console.log(`## ${result.title}\n\n${result.markdown}`);
}
