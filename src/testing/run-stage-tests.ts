/**
 * `runStageTests`: KWOK's stage-testing harness over a folder (spec §7; design.md
 * "Conformance output format"), as a library function.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { isStagecraftError } from "../errors.js";
import { formatIssues } from "../issues.js";
import { loadStageFiles } from "../stage/load-files.js";
import { parseYamlDocuments } from "../stage/yaml.js";
import { yamlToJson } from "../yaml/to-json.js";
import { lineDiff } from "./line-diff.js";
import { formatStageTestOutput, stageTestOutput, type StageTestOutputOptions } from "./stage-test-output.js";

const INPUT = ".input.yaml";
const OUTPUT = ".output.yaml";
const KUSTOMIZATION = /^kustomization\.ya?ml$/i;

/**
 * One test case: an input object, the stage files of its folder and the golden output.
 *
 * @category Testing
 */
export interface StageTestCase {
  /** `<stage folder relative to the root>/<case>`, e.g. `pod/general/pod-ready`. */
  readonly name: string;
  /** The input object file (`testdata/<case>.input.yaml`). */
  readonly input: string;
  /** The golden file (`testdata/<case>.output.yaml`). */
  readonly output: string;
  /** The stage files: every `*.yaml` beside `testdata/` except `kustomization.yaml`, sorted. */
  readonly stageFiles: readonly string[];
}

/**
 * The outcome of one case.
 *
 * @category Testing
 */
export interface StageTestResult {
  /** The case. */
  readonly case: StageTestCase;
  /** `pass`, `fail` (output differs, or no golden), `error` (the harness failed), `updated` (golden written). */
  readonly status: "pass" | "fail" | "error" | "updated";
  /** What went wrong, for `fail` and `error`. */
  readonly message?: string;
  /** Expected vs actual lines, for an output mismatch. */
  readonly diff?: string;
  /** The produced output, when the harness succeeded. */
  readonly actual?: string;
  /** Set when the golden file matches only semantically (same data, different formatting). */
  readonly formattingDiffers?: boolean;
}

/**
 * Options of {@link runStageTests}.
 *
 * @category Testing
 * @example
 * ```ts
 * await runStageTests("stages/", { update: process.env.UPDATE_GOLDEN === "1" });
 * ```
 */
export interface RunStageTestsOptions extends StageTestOutputOptions {
  /** Write the produced outputs to the golden files instead of comparing. */
  readonly update?: boolean;
  /** Require the golden file byte for byte (default: the same data in any YAML formatting passes). */
  readonly exact?: boolean;
  /** Called after each case, e.g. to print progress. */
  readonly onResult?: (result: StageTestResult) => void;
}

/**
 * The summary of a run.
 *
 * @category Testing
 */
export interface StageTestSummary {
  /** Every case, in order. */
  readonly results: readonly StageTestResult[];
  /** Cases that passed (or were updated). */
  readonly passed: number;
  /** Cases that failed or errored. */
  readonly failed: number;
}

/**
 * Finds the test cases under a folder: every `testdata/*.input.yaml` below it (hidden folders
 * and `node_modules` skipped), with the stage files of the folder that holds `testdata/`.
 * KWOK's own layout `<group>/<variant>/testdata/` is one instance of this.
 *
 * @param root - the folder (or a stage folder with its own `testdata/`)
 * @returns the cases, sorted by path as Go's `filepath.Glob` returns them
 * @example
 * ```ts
 * discoverStageTests("../shared/conformance/kwok").map((c) => c.name);
 * // ["node/fast/node-pending", "pod/general/pod-complete", …]
 * ```
 * @category Testing
 */
export function discoverStageTests(root: string): StageTestCase[] {
  const cases: StageTestCase[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir).sort();
    if (basename(dir) === "testdata") {
      const stageDir = dirname(dir);
      const stageFiles = readdirSync(stageDir)
        .filter((f) => f.endsWith(".yaml") && !KUSTOMIZATION.test(f) && statSync(join(stageDir, f)).isFile())
        .sort()
        .map((f) => join(stageDir, f));
      for (const f of entries.filter((e) => e.endsWith(INPUT))) {
        const caseName = f.slice(0, -INPUT.length);
        const rel = relative(root, stageDir).split(sep).filter((p) => p !== "");
        cases.push({ name: [...rel, caseName].join("/"), input: join(dir, f), output: join(dir, `${caseName}${OUTPUT}`), stageFiles });
      }
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith(".") || entry === "node_modules") continue;
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) visit(p);
    }
  };
  visit(root);
  return cases.sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
}

/**
 * Runs one case: loads its stage files and input, computes the harness document and compares
 * it with the golden file (or writes it with `update`).
 *
 * @param testCase - the case
 * @param options - update/exact switches, instant and functions
 * @returns the result
 * @example
 * ```ts
 * const [first] = discoverStageTests("stages/");
 * if (first) console.log((await runStageTest(first)).status);
 * ```
 * @category Testing
 */
export async function runStageTest(testCase: StageTestCase, options: RunStageTestsOptions = {}): Promise<StageTestResult> {
  try {
    const loaded = loadStageFiles(testCase.stageFiles);
    if (!loaded.ok) return { case: testCase, status: "error", message: formatIssues(loaded.issues.filter((i) => i.severity === "error")) };
    if (loaded.stages.length === 0) return { case: testCase, status: "error", message: "no stages found in the stage files" };
    const parsed = parseYamlDocuments(readFileSync(testCase.input, "utf8"), { file: testCase.input });
    const errors = parsed.issues.filter((i) => i.severity === "error");
    if (errors.length > 0) return { case: testCase, status: "error", message: formatIssues(errors) };
    const docs = parsed.documents.filter((d) => !d.empty);
    if (docs.length !== 1) return { case: testCase, status: "error", message: `${testCase.input}: expected exactly one object, found ${docs.length}` };
    const result = await stageTestOutput(docs[0]?.value, loaded.stages, options);
    if (!result.ok) return { case: testCase, status: "error", message: result.error.message };
    const actual = formatStageTestOutput(result.value);
    if (options.update === true) {
      if (!existsSync(testCase.output) || readFileSync(testCase.output, "utf8") !== actual) writeFileSync(testCase.output, actual);
      return { case: testCase, status: "updated", actual };
    }
    if (!existsSync(testCase.output)) return { case: testCase, status: "fail", message: `no golden file ${testCase.output} (run with --update to write it)`, actual };
    const expected = readFileSync(testCase.output, "utf8");
    if (expected === actual) return { case: testCase, status: "pass", actual };
    const same = options.exact !== true && sameData(expected, actual);
    if (same) return { case: testCase, status: "pass", actual, formattingDiffers: true };
    return { case: testCase, status: "fail", message: `output differs from ${testCase.output}`, diff: lineDiff(expected, actual), actual };
  } catch (error) {
    if (isStagecraftError(error)) return { case: testCase, status: "error", message: error.message };
    throw error;
  }
}

function sameData(expected: string, actual: string): boolean {
  try {
    return canonical(expected) === canonical(actual);
  } catch {
    return false;
  }
}

function bigintText(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** Key order does not matter for the semantic comparison: sort keys recursively. */
function canonical(text: string): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(yamlToJson(text)), bigintText);
}

/**
 * Runs every case under a folder (see {@link discoverStageTests}) in order.
 *
 * @param root - the folder
 * @param options - update/exact switches, a progress callback, instant and functions
 * @returns the summary
 * @example
 * ```ts
 * const summary = await runStageTests("../shared/conformance/kwok");
 * console.log(`${summary.passed} passed, ${summary.failed} failed`);
 * ```
 * @category Testing
 */
export async function runStageTests(root: string, options: RunStageTestsOptions = {}): Promise<StageTestSummary> {
  const results: StageTestResult[] = [];
  for (const testCase of discoverStageTests(root)) {
    const result = await runStageTest(testCase, options);
    results.push(result);
    options.onResult?.(result);
  }
  const failed = results.filter((r) => r.status === "fail" || r.status === "error").length;
  return { results, passed: results.length - failed, failed };
}
