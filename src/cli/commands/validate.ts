/**
 * `stagecraft validate PATH...`: load Stage files and folders, report every issue.
 *
 * @module
 * @internal
 */
import { formatIssues, formatLocation } from "../../index.js";
import { loadStageFiles } from "../../node.js";
import { type CliIo, ExitCode, UsageError } from "../io.js";
import { LOAD_OPTIONS, withStdin, outputFormat, parseCommandArgs, stringOption, toJson } from "../options.js";

const HELP = `Usage: stagecraft validate PATH... [-r]   ("-" reads standard input) [-o human|json] [--default-api-group v1]

Loads every Stage in the given files and folders the way KWOK reads them and reports each
problem with file:line:column, field path, code and what was expected. Documents of other
kinds are listed as ignored. Exit code 2 when any error is found.
`;

/** Runs `validate`. */
export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, LOAD_OPTIONS);
  if (values.help) {
    io.out(HELP);
    return ExitCode.Ok;
  }
  if (positionals.length === 0) throw new UsageError("validate needs at least one file or folder");
  const format = outputFormat(values.output);
  const defaultApiGroup = stringOption(values["default-api-group"]);
  const result = loadStageFiles(await withStdin(positionals, io), {
    recursive: values.recursive === true,
    ...(defaultApiGroup === undefined ? {} : { defaultApiGroup }),
  });
  if (format === "json") {
    io.out(`${toJson({ ok: result.ok, stages: result.stages, ignored: result.ignored, issues: result.issues })}\n`);
  } else {
    if (result.issues.length > 0) io.out(`${formatIssues(result.issues)}\n`);
    for (const doc of result.ignored) {
      io.out(`${formatLocation(doc.location)}: ignored ${doc.kind}${doc.name ? ` ${doc.name}` : ""}: ${doc.reason}\n`);
    }
    const errors = result.issues.filter((i) => i.severity === "error").length;
    const warnings = result.issues.filter((i) => i.severity === "warning").length;
    const stageCount = result.ok ? result.stages.length : 0;
    io.out(
      `${result.ok ? "ok" : "invalid"}: ${stageCount} stage(s), ${result.ignored.length} ignored document(s), ${errors} error(s), ${warnings} warning(s)\n`,
    );
  }
  return result.ok ? ExitCode.Ok : ExitCode.Invalid;
}
