/**
 * `stagecraft test DIR...`: KWOK's stage-testing harness over golden folders.
 *
 * @module
 * @internal
 */
import { type StageTestResult, runStageTests } from "../../testing.js";
import { type CliIo, ExitCode, UsageError } from "../io.js";
import { outputFormat, parseCommandArgs, toJson } from "../options.js";

const HELP = `Usage: stagecraft test DIR... [--update] [--exact] [-o human|json]

Runs KWOK's stage-testing harness: for every testdata/<case>.input.yaml under DIR, loads the
stage files of the folder holding testdata/ (every *.yaml except kustomization.yaml), lists
the stages that could be chosen for the object (delays computed at now =
2006-01-02T15:04:05Z, placeholder template functions such as <Now> and
<NodeIPWith("node")>), and compares the result with testdata/<case>.output.yaml. Prints one line per case and "N passed, N failed".

Options:
  -u, --update   write the outputs to the golden files instead of comparing
      --exact    require the golden files byte for byte (default: same data passes)
  -o, --output   human (default) or json
`;

function line(result: StageTestResult): string {
  switch (result.status) {
    case "pass":
      return `ok      ${result.case.name}${result.formattingDiffers === true ? " (same data, different formatting)" : ""}`;
    case "updated":
      return `updated ${result.case.name}`;
    case "fail":
      return `FAIL    ${result.case.name}: ${result.message ?? ""}${result.diff === undefined ? "" : `\n${indent(`(- golden, + actual)\n${result.diff}`)}`}`;
    case "error":
      return `ERROR   ${result.case.name}: ${indent(result.message ?? "").trimStart()}`;
  }
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

/** Runs `test`. */
export async function runTest(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    help: { type: "boolean", short: "h" },
    output: { type: "string", short: "o" },
    update: { type: "boolean", short: "u" },
    exact: { type: "boolean" },
  });
  if (values.help) {
    io.out(HELP);
    return ExitCode.Ok;
  }
  if (positionals.length === 0) throw new UsageError("test needs a folder with testdata/*.input.yaml cases");
  const format = outputFormat(values.output);
  let passed = 0;
  let failed = 0;
  const all: StageTestResult[] = [];
  for (const dir of positionals) {
    const summary = await runStageTests(dir, {
      update: values.update === true,
      exact: values.exact === true,
      onResult: (r) => {
        if (format === "human") io.out(`${line(r)}\n`);
      },
    });
    if (summary.results.length === 0) {
      io.err(`stagecraft: no test cases (testdata/*.input.yaml) under ${dir}\n`);
      return ExitCode.Invalid;
    }
    passed += summary.passed;
    failed += summary.failed;
    all.push(...summary.results);
  }
  if (format === "json") {
    io.out(`${toJson({ passed, failed, results: all.map(({ actual: _actual, ...r }) => r) })}\n`);
  } else {
    io.out(`${passed} passed, ${failed} failed\n`);
  }
  return failed === 0 ? ExitCode.Ok : ExitCode.Failure;
}
