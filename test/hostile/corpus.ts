/**
 * The hostile-input corpus: case files under `test/hostile/cases/*.json`, the generators that
 * build large inputs from small descriptions, and one runner per input kind.
 *
 * A case file is `{ "category": string, "cases": Case[] }`. JSON keeps `__proto__` keys as own
 * data (JSON.parse defines them), and lone surrogates and NUL as `\ud800` and `\u0000` escapes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  compileCel,
  compileJq,
  compileJsonata,
  executeTemplate,
  goJsonStringify,
  kwokFunctions,
  KWOK_TEMPLATE_FUNCTIONS,
  loadStages,
  marshalGoYaml,
  parseTemplate,
  parseYamlDocuments,
  sprigFunctions,
  toJSONValue,
  toTemplateData,
  yamlToJson,
  type Evaluation,
  type JsonValue,
} from "../../src/index.js";
import { createMemoryStore } from "../../src/adapters/memory/index.js";
import type { KubeObject } from "../../src/store/types.js";

/** What a case expects. */
export type Expectation =
  | { readonly code: string; readonly message?: string }
  | { readonly value: unknown }
  | { readonly valueSize: number }
  | { readonly issues: readonly string[]; readonly message?: string; readonly stages?: number }
  | { readonly storeError: string; readonly message?: string };

/** One hostile input. */
export interface HostileCase {
  readonly name: string;
  readonly kind: Kind;
  readonly input?: unknown;
  readonly data?: unknown;
  readonly options?: Record<string, unknown>;
  readonly expect: Expectation;
  /** Own keys the (object) result must have, e.g. `__proto__` kept as data. */
  readonly ownKeys?: readonly string[];
  /** For store cases: the store's snapshot must be the same after the call. */
  readonly unchanged?: boolean;
}

/** The input kinds, one runner each. */
export type Kind =
  | "yamlToJson"
  | "parseYaml"
  | "loadStages"
  | "marshalGoYaml"
  | "jq"
  | "template"
  | "cel"
  | "jsonata"
  | "mergePatch"
  | "jsonPatch"
  | "strategicPatch"
  | "store";

/** A case file. */
export interface CaseFile {
  readonly category: string;
  readonly file: string;
  readonly cases: readonly HostileCase[];
}

/** Reads every case file. */
export function readCorpus(dir: string): CaseFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = JSON.parse(readFileSync(join(dir, file), "utf8")) as { category: string; cases: HostileCase[] };
      return { category: parsed.category, file, cases: parsed.cases };
    });
}

/**
 * Builds an input from its description:
 * - `{ "gen": [part, …] }` concatenates parts; a part is a string, `{ "repeat": part, "times": n }`
 *   or a nested `{ "gen": … }`;
 * - `{ "json": gen }` parses the generated text as JSON;
 * - `{ "deep": { "depth": n, "in": "array" | "object", "leaf": value, "key"?: "a" } }` nests a
 *   value `n` levels deep without recursion;
 * - `{ "bytes": [0xff, …] }` decodes bytes as UTF-8 the way a file read does (invalid sequences
 *   become U+FFFD), `{ "bytesThen": [bytes, gen] }` prepends bytes to a generated text;
 * - `{ "literal": value }` is the value itself (to pass an object holding these keys);
 * - arrays and other objects are walked, strings and scalars are themselves.
 */
export function build(spec: unknown): unknown {
  if (typeof spec === "string" || spec === null || typeof spec !== "object") return spec;
  if (Array.isArray(spec)) return spec.map(build);
  const o = spec as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1) {
    if (keys[0] === "gen") return text(o["gen"]);
    if (keys[0] === "json") return JSON.parse(text(o["json"]));
    if (keys[0] === "bytes") return new TextDecoder().decode(Uint8Array.from(o["bytes"] as number[]));
    if (keys[0] === "literal") return o["literal"];
    if (keys[0] === "deep") return deep(o["deep"] as DeepSpec);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) Object.defineProperty(out, k, { value: build(o[k]), enumerable: true, writable: true, configurable: true });
  return out;
}

interface DeepSpec {
  readonly depth: number;
  readonly in: "array" | "object";
  readonly leaf: unknown;
  readonly key?: string;
}

function deep(spec: DeepSpec): unknown {
  let v: unknown = spec.leaf;
  for (let i = 0; i < spec.depth; i++) v = spec.in === "array" ? [v] : { [spec.key ?? "a"]: v };
  return v;
}

function text(part: unknown): string {
  if (typeof part === "string") return part;
  if (Array.isArray(part)) return part.map(text).join("");
  const o = part as Record<string, unknown>;
  if ("repeat" in o) return text(o["repeat"]).repeat(o["times"] as number);
  if ("gen" in o) return text(o["gen"]);
  if ("bytes" in o) return new TextDecoder().decode(Uint8Array.from(o["bytes"] as number[]));
  throw new Error(`bad text part ${JSON.stringify(part)}`);
}

export { deepFreeze } from "../support/deep-freeze.js";

const FUNCTIONS = {
  ...sprigFunctions({ now: () => new Date("2024-01-01T00:00:00Z"), random: () => 0.5 }),
  ...kwokFunctions({ now: () => "2024-01-01T00:00:00Z", startTime: "2024-01-01T00:00:00Z" }),
};

function unwrap(e: Evaluation): unknown[] {
  if (!e.ok) throw e.error;
  return [...e.values];
}

/** The result of a runner: a value, or issues for loaders. */
export type Outcome = { readonly value: unknown } | { readonly issues: readonly { code: string; message: string; severity: string }[]; readonly stages?: number };

/** Runs one case's input through its kind's public function. Throws what the function throws. */
export async function runCase(c: HostileCase, input: unknown, data: unknown): Promise<Outcome> {
  const options = c.options ?? {};
  switch (c.kind) {
    case "yamlToJson":
      return { value: yamlToJson(input as string, options) };
    case "parseYaml": {
      const r = parseYamlDocuments(input as string, options);
      return { issues: r.issues, stages: r.documents.length };
    }
    case "loadStages": {
      const r = loadStages({ text: input as string, file: "hostile.yaml" }, options);
      return { issues: r.issues, stages: r.stages.length };
    }
    case "marshalGoYaml":
      return { value: marshalGoYaml(input, options) };
    case "jq":
      return { value: unwrap(compileJq(input as string, options).evaluate(data)).map(toJSONValue) };
    case "template": {
      const parsed = parseTemplate(input as string, { functions: KWOK_TEMPLATE_FUNCTIONS });
      return { value: executeTemplate(parsed, toTemplateData(data ?? {}), { functions: FUNCTIONS, limits: options }) };
    }
    case "cel":
      return { value: unwrap(compileCel(input as string, options).evaluate(data ?? {})) };
    case "jsonata":
      return { value: unwrap(await compileJsonata(input as string, options).evaluateAsync(data ?? {})) };
    case "mergePatch":
      return { value: applyMergePatch(data as JsonValue, input as JsonValue) };
    case "jsonPatch":
      return { value: applyJsonPatch(data as JsonValue, input as JsonValue) };
    case "strategicPatch":
      return { value: applyStrategicMergePatch(data as JsonValue, input as JsonValue, options) };
    case "store":
      return { value: await runStore(input as StoreInput) };
  }
}

interface StoreInput {
  readonly seed?: readonly KubeObject[];
  readonly op: "create" | "update" | "patch";
  readonly object?: KubeObject;
  readonly ref?: { apiVersion: string; kind: string; name: string; namespace?: string };
  readonly patchType?: "json" | "merge" | "strategic";
  readonly patch?: unknown;
}

/** The store of the last store case, and its snapshots before and after the call. */
export const storeTrace: { before: string; after: string } = { before: "", after: "" };

async function runStore(input: StoreInput): Promise<unknown> {
  const store = createMemoryStore({ clock: { now: () => new Date("2024-01-01T00:00:00Z") } });
  for (const o of input.seed ?? []) await store.create(o);
  storeTrace.before = store.snapshot();
  storeTrace.after = storeTrace.before;
  try {
    switch (input.op) {
      case "create":
        return await store.create(input.object as KubeObject);
      case "update":
        return await store.update(input.object as KubeObject);
      case "patch":
        return await store.patch(input.ref as never, { patchType: input.patchType ?? "merge", data: input.patch });
    }
  } finally {
    storeTrace.after = store.snapshot();
  }
}

/** JSON text of a result, bigints as numbers, for comparisons and messages. */
export function show(v: unknown): string {
  try {
    return goJsonStringify(v);
  } catch {
    return String(v);
  }
}
