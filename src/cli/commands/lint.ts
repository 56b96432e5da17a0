/**
 * `stagecraft lint STAGES... [--seed FILE]`: checks a stage set offline; exits 1 on errors so it
 * can gate a repository's CI.
 *
 * @module
 * @internal
 */
import { formatIssues, type LintFinding, lintAsync, parseYamlDocuments } from "../../index.js";
import { loadStageFiles } from "../../node.js";
import { type CliIo, ExitCode, UsageError } from "../io.js";
import { LOAD_OPTIONS, outputFormat, parseCommandArgs, stringOption, toJson, withStdin } from "../options.js";
import { readText } from "../inputs.js";

const HELP = `Usage: stagecraft lint STAGES... [--seed FILE] [-o human|json]

Checks a stage set: explores it from seed objects (default: a pending pod, a Job's pod with an
init container, a bare node, and the pods being deleted) and reports, one line per finding:
  error    never-matches            a selector that contradicts itself
  error    phase-regression         a Pod phase going backwards, or Ready True → False without cause
  error    zero-delay-cycle         a cycle of stages none of which waits (hot loop)
  warning  zero-weight-overlap      stages possible in the same state, all with weight 0
  warning  unreachable-stage        a stage no seed reaches
  warning  terminal-without-delete  a deleting object no stage deletes
  warning  missing-node-stages      Pod stages without Node stages
  info     template-missing-field   a template reading a .status field no explored object has
Exit 1 when there is an error finding, 0 otherwise (2 for invalid input).

Options:
      --seed FILE        seed objects (YAML, several documents allowed) instead of the defaults
  -r, --recursive        descend into subfolders
  -o, --output FORMAT    human (default) or json
`;

function readSeeds(file: string): unknown[] {
  const parsed = parseYamlDocuments(readText(file), { file });
  if (parsed.issues.some((i) => i.severity === "error")) throw new UsageError(formatIssues(parsed.issues));
  const seeds = parsed.documents.filter((d) => !d.empty).map((d) => d.value);
  if (seeds.length === 0) throw new UsageError(`${file} holds no object`);
  return seeds;
}

function line(f: LintFinding): string {
  const path = f.path === undefined || f.path.length === 0 ? "" : ` (path: ${f.path.join(" → ")})`;
  return `${f.severity.padEnd(7)} ${f.rule} [${f.stages.join(", ")}]: ${f.message}${path} — ${f.suggestion}`;
}

/** Runs `lint`. */
export async function runLint(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { help: LOAD_OPTIONS.help, recursive: LOAD_OPTIONS.recursive, output: LOAD_OPTIONS.output, seed: { type: "string" } });
  if (values.help) {
    io.out(HELP);
    return ExitCode.Ok;
  }
  const format = outputFormat(values.output);
  if (positionals.length === 0) throw new UsageError("lint needs stage files or folders");
  const seedFile = stringOption(values.seed);
  const seeds = seedFile === undefined ? undefined : readSeeds(seedFile);
  const loaded = loadStageFiles(await withStdin(positionals, io), { recursive: values.recursive === true });
  if (!loaded.ok) {
    io.err(`${formatIssues(loaded.issues)}\n`);
    return ExitCode.Invalid;
  }
  const findings = await lintAsync(loaded.stages, seeds === undefined ? {} : { seeds });
  if (format === "json") io.out(`${toJson(findings)}\n`);
  else io.out(findings.length === 0 ? "no findings\n" : `${findings.map(line).join("\n")}\n`);
  return findings.some((f) => f.severity === "error") ? ExitCode.Failure : ExitCode.Ok;
}
