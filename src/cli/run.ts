/**
 * The `stagecraft` command's dispatcher. Argument parsing only; the work is in `commands/*`.
 *
 * @module
 * @internal
 */
import { createRequire } from "node:module";
import { isStagecraftError } from "../index.js";
import { runExplore } from "./commands/explore.js";
import { runGraph } from "./commands/graph.js";
import { runLint } from "./commands/lint.js";
import { runMatch } from "./commands/match.js";
import { runServe } from "./commands/serve.js";
import { runSimulate } from "./commands/simulate.js";
import { runTest } from "./commands/test.js";
import { runValidate } from "./commands/validate.js";
import { type CliIo, ExitCode, UsageError } from "./io.js";

const HELP = `stagecraft — simulate Kubernetes resource lifecycles with KWOK Stages

Usage:
  stagecraft <command> [options]

Commands:
  validate PATH...            Load Stage files/folders ("-" = stdin) and report every problem
                              (file:line:column, field path, code). Exit 2 on errors.
  explain STAGES... -f OBJECT Show which stages of an object's kind match it and why
                              (the deciding selector term and what its query returned),
                              with findings; "match" is the same command.
  explore STAGES... -f SEED   Every state the seed object can reach through the stages
                              (breadth-first over all possible stages) and the stages between.
  graph STAGES... -f SEED     The explored states as a diagram: --format mermaid|dot|svg,
                              -o FILE (SVG needs the optional package @viz-js/viz).
  lint STAGES...              Check a stage set (phase regressions, hot loops, selectors that
                              never match, unreachable stages, …); --seed FILE. Exit 1 on errors.
  simulate [options]          Drive nodes and pods through their stages on the in-memory
                              store in virtual time; prints the timeline (see simulate --help).
  serve [options]             Serve a simulated cluster with the Kubernetes API on 127.0.0.1
                              (kubectl works against it) and drive its objects through their
                              stages in real time until Ctrl-C (see serve --help).
  test DIR...                 Run golden stage tests (testdata/<case>.input.yaml → .output.yaml)
                              the way KWOK's stage_test.go does; --update rewrites the goldens.

Options:
  -h, --help                  Show this help (or a command's help: stagecraft validate --help)
  -v, --version               Print the version
  -o, --output human|json     Output format (default human)
  -r, --recursive             Descend into subfolders (skips testdata/ and hidden folders)
      --default-api-group G   resourceRef.apiGroup for stages without one (KWOK: none)
  -f, --object FILE           (match) the object(s) to match, YAML; "-" reads stdin
      --now RFC3339           (match) the instant CEL Now() and delays see (default: now)

Exit codes: 0 ok, 1 failure, 2 invalid input or usage.
`;

function version(): string {
  const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
  return pkg.version;
}

/**
 * Runs the CLI with the given arguments (without `node` and the script path).
 *
 * @param args - command-line arguments
 * @param io - output streams
 * @returns the exit code
 */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === "-h" || command === "--help" || command === "help") {
      io.out(HELP);
      return command === undefined ? ExitCode.Invalid : ExitCode.Ok;
    }
    if (command === "-v" || command === "--version") {
      io.out(`${version()}\n`);
      return ExitCode.Ok;
    }
    switch (command) {
      case "validate":
        return await runValidate(rest, io);
      case "explain":
      case "match":
        return await runMatch(rest, io);
      case "explore":
        return await runExplore(rest, io);
      case "graph":
        return await runGraph(rest, io);
      case "lint":
        return await runLint(rest, io);
      case "test":
        return await runTest(rest, io);
      case "simulate":
        return await runSimulate(rest, io);
      case "serve":
        return await runServe(rest, io);
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`stagecraft: ${error.message}\nRun 'stagecraft --help' for usage.\n`);
      return ExitCode.Invalid;
    }
    if (isStagecraftError(error)) {
      io.err(`stagecraft: ${error.message}\n`);
      return ExitCode.Invalid;
    }
    io.err(`stagecraft: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.Failure;
  }
}

