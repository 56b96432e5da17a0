/**
 * `stagecraft graph STAGES... -f SEED.yaml`: the explored states of one seed object as a Mermaid,
 * Graphviz DOT or SVG diagram.
 *
 * @module
 * @internal
 */
import { writeFileSync } from "node:fs";
import { type GraphOptions, toDot, toMermaid } from "../../index.js";
import { toSvg } from "../../node.js";
import { type CliIo, ExitCode, UsageError } from "../io.js";
import { parseCommandArgs, stringOption } from "../options.js";
import { EXPLORE_OPTIONS, exploreSeeds } from "./explore.js";

const HELP = `Usage: stagecraft graph STAGES... -f SEED.yaml [--format mermaid|dot|svg] [--direction TB|LR] [-o FILE]

Explores the states the seed object can reach (as "stagecraft explore" does) and draws them:
one box per state (phase, conditions, container states), one arrow per stage (name and delay
range); terminal states have a double/green border, "deleted" and "error" their own shapes.
SVG needs the optional package @viz-js/viz (npm install @viz-js/viz).

Options:
  -f, --object FILE      the seed object, YAML (one object)
      --format F         mermaid (default), dot or svg
      --direction D      TB (top to bottom, default) or LR
  -o, --output FILE      write the diagram to FILE instead of standard output
      --max-depth N      do not expand states farther than N stages from the seed (default 50)
      --max-states N     stop at N states (default 1000)
      --now RFC3339      the fixed instant templates and delays see (default 2006-01-02T15:04:05Z)
`;

const FORMATS = ["mermaid", "dot", "svg"] as const;

function choice<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
}

/** Runs `graph`. */
export async function runGraph(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...EXPLORE_OPTIONS,
    format: { type: "string" },
    direction: { type: "string" },
    output: { type: "string", short: "o" },
  });
  if (values.help) {
    io.out(HELP);
    return ExitCode.Ok;
  }
  const format = choice(stringOption(values.format), FORMATS, "format") ?? "mermaid";
  const direction = choice(stringOption(values.direction), ["TB", "LR"] as const, "direction");
  const seeds = await exploreSeeds("graph", values, positionals, io);
  if (seeds === undefined) return ExitCode.Invalid;
  const [seed, ...more] = seeds;
  if (seed === undefined || more.length > 0) throw new UsageError(`graph draws one seed object; ${stringOption(values.object)} holds ${seeds.length}`);
  const options: GraphOptions = direction === undefined ? {} : { direction };
  const text = format === "svg" ? await toSvg(seed.exploration, options) : format === "dot" ? toDot(seed.exploration, options) : toMermaid(seed.exploration, options);
  const file = stringOption(values.output);
  if (file === undefined) io.out(text);
  else {
    try {
      writeFileSync(file, text.endsWith("\n") ? text : `${text}\n`);
    } catch (error) {
      throw new UsageError(`cannot write ${file}: ${(error as Error).message}`);
    }
  }
  if (seed.exploration.truncated) io.err("stagecraft: the graph is truncated: --max-depth or --max-states was reached\n");
  return ExitCode.Ok;
}
