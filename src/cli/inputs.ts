/**
 * Reading the inputs commands share: stage files named on the command line and objects from a
 * YAML file or standard input.
 *
 * @module
 * @internal
 */
import { readFileSync } from "node:fs";
import { formatIssues, parseYamlDocuments, type Stage } from "../index.js";
import { loadStageFiles } from "../node.js";
import { type CliIo, UsageError } from "./io.js";
import { stringOption, withStdin } from "./options.js";

/** Reads a file, turning a read failure into a usage error. */
export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * Loads the stage files and folders of `positionals` (`-` = stdin) with `--recursive` and
 * `--default-api-group`; prints the issues and returns `undefined` when they do not load.
 */
export async function loadStageArgs(positionals: readonly string[], values: Readonly<Record<string, unknown>>, io: CliIo): Promise<readonly Stage[] | undefined> {
  const defaultApiGroup = stringOption(values["default-api-group"] as string | undefined);
  const loaded = loadStageFiles(await withStdin(positionals, io), {
    recursive: values["recursive"] === true,
    ...(defaultApiGroup === undefined ? {} : { defaultApiGroup }),
  });
  if (!loaded.ok) {
    io.err(`${formatIssues(loaded.issues)}\n`);
    return undefined;
  }
  return loaded.stages;
}

/**
 * Reads the objects of a YAML file (`-` = stdin), empty documents left out; when the text has
 * syntax errors, prints its issues and returns `undefined`.
 */
export async function readObjects(file: string, io: CliIo): Promise<unknown[] | undefined> {
  const text = file === "-" ? await io.readStdin() : readText(file);
  const parsed = parseYamlDocuments(text, { file: file === "-" ? "<stdin>" : file });
  if (parsed.issues.some((i) => i.severity === "error")) {
    io.err(`${formatIssues(parsed.issues)}\n`);
    return undefined;
  }
  return parsed.documents.filter((d) => !d.empty).map((d) => d.value);
}
