// Benchmark: stagecraft's jq engine vs @michaelhomer/jqjs on every distinct KWOK jq query
// (key / jq / expressionFrom in ../shared/conformance/kwok), over realistic Pod and Node objects.
// Run through bench/run.mjs (`npm run bench`), or directly: `node bench/jq.mjs [--smoke]`.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile as jqjsCompile } from "@michaelhomer/jqjs";
import { parseAllDocuments } from "yaml";
import { compileJq, toJSONValue } from "../dist/index.js";
import { fmt, measurePair } from "./lib/measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const CONFORMANCE = join(here, "../../shared/conformance/kwok");

function kwokQueries(dir) {
  const found = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if ((k === "key" || k === "jq" || k === "expressionFrom") && typeof v === "string") found.add(v);
        else visit(v);
      }
    }
  };
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".yaml") && name !== "kustomization.yaml") for (const doc of parseAllDocuments(readFileSync(p, "utf8"))) visit(doc.toJS());
    }
  };
  walk(dir);
  return [...found].sort();
}

const OBJECTS = [
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "web-0", namespace: "default", uid: "0b1c", creationTimestamp: "2006-01-02T15:04:05Z", labels: { app: "web" },
      annotations: { "pod-ready.stage.kwok.x-k8s.io/delay": "5s" }, ownerReferences: [{ kind: "ReplicaSet", name: "web" }],
    },
    spec: { nodeName: "node-1", containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }] }] },
    status: {
      phase: "Running", podIP: "10.0.0.7",
      conditions: [
        { type: "Initialized", status: "True" }, { type: "Ready", status: "True" },
        { type: "ContainersReady", status: "True" }, { type: "PodScheduled", status: "True" },
      ],
      containerStatuses: [{ name: "web", ready: true, restartCount: 0, state: { running: { startedAt: "2006-01-02T15:04:05Z" } } }],
    },
  },
  { apiVersion: "v1", kind: "Pod", metadata: { name: "new", namespace: "default", creationTimestamp: null }, spec: { nodeName: "node-1", containers: [{ name: "c" }] }, status: {} },
  {
    apiVersion: "v1", kind: "Node",
    metadata: { name: "node-1", labels: { "kubernetes.io/hostname": "node-1" }, annotations: { "kwok.x-k8s.io/node": "fake" } },
    status: { conditions: [{ type: "MemoryPressure", status: "False" }, { type: "DiskPressure", status: "False" }, { type: "Ready", status: "True" }], phase: "Running" },
  },
];

/** jqjs cannot be trusted with the jq-1.7 `.a.[]` form; it gets `.a[]`. */
const forJqjs = (q) => q.replaceAll(".[]", "[]");

function runJqjs(f, obj) {
  try {
    return [...f(obj)];
  } catch {
    return null;
  }
}

/**
 * Runs the benchmark.
 * @param {{ smoke?: boolean }} options - smoke: tiny iteration counts (CI keeps the file from rotting)
 * @returns {Promise<{ title: string, markdown: string, rows: object[] }>}
 */
export async function run({ smoke = false } = {}) {
  const queries = kwokQueries(CONFORMANCE);
  const rows = [];
  for (const query of queries) {
    const ours = compileJq(query);
    const theirs = jqjsCompile(forJqjs(query));
    // sanity: both engines must agree (KWOK view: error => no results) before we time them
    for (const obj of OBJECTS) {
      const a = ours.evaluate(obj);
      const b = runJqjs(theirs, obj);
      // compare what KWOK sees: an error means no results, null outputs are dropped
      const mine = JSON.stringify(a.ok ? a.values.map(toJSONValue).filter((v) => v !== null) : []);
      const other = JSON.stringify(b === null ? [] : b.filter((v) => v !== null));
      if (mine !== other) throw new Error(`engines disagree on ${query}: stagecraft ${mine}, jqjs ${other}`);
    }
    const opts = { runs: 7, minMs: 60, smoke, opsPerCall: OBJECTS.length };
    const { a: s, b: j, ratio } = measurePair(
      () => {
        for (const obj of OBJECTS) ours.evaluate(obj);
      },
      () => {
        for (const obj of OBJECTS) runJqjs(theirs, obj);
      },
      opts,
    );
    rows.push({ query, stagecraft: s, jqjs: j, ratio });
  }
  const lines = [
    `Each query evaluated over ${OBJECTS.length} objects (a running Pod, a fresh Pod, a Node); evaluations per CPU second, median of 7 runs alternating between the two engines; the ratio is the median of the 7 per-run ratios.`,
    "jqjs gets `.a[]` where the query says `.a.[]`. Results are checked to be identical as KWOK sees them (errors and nulls mean \"no results\"; jqjs errors on indexing a missing map, gojq gives null) before timing.",
    "",
    "| query | stagecraft (ops/s) | jqjs (ops/s) | ratio |",
    "|---|---:|---:|---:|",
    ...rows.map((r) => `| \`${r.query.replaceAll("|", "\\|")}\` | ${fmt(r.stagecraft)} | ${fmt(r.jqjs)} | ${r.ratio.toFixed(1)}× |`),
  ];
  const worst = rows.reduce((a, r) => (r.ratio < a.ratio ? r : a), rows[0]);
  const targets = [{ name: "jq vs jqjs on every KWOK key", target: "≥ 10× (slowest key)", measured: `${worst.ratio.toFixed(1)}× slowest (\`${worst.query.replaceAll("|", "\\|")}\`)`, met: worst.ratio >= 10 }];
  return { title: "jq: stagecraft vs @michaelhomer/jqjs (KWOK queries)", markdown: lines.join("\n"), rows, targets };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await run({ smoke: process.argv.includes("--smoke") });
  console.log(`## ${result.title}\n\n${result.markdown}`);
}
