/**
 * `stagecraft explore STAGES... -f SEED.yaml`: the states a seed object can reach through a
 * stage set, and the stages between them.
 *
 * @module
 * @internal
 */
import {
  compileLifecycle,
  delayText,
  type Exploration,
  type ExploreOptions,
  exploreAsync,
  type Lifecycle,
  parseRfc3339Nano,
  stateLines,
} from "../../index.js";
import { type CliIo, ExitCode, UsageError } from "../io.js";
import { LOAD_OPTIONS, outputFormat, parseCommandArgs, stringOption, toJson } from "../options.js";
import { loadStageArgs, readObjects } from "../inputs.js";

const HELP = `Usage: stagecraft explore STAGES... -f SEED.yaml [--max-depth N] [--max-states N] [--now RFC3339] [-o human|json]

Explores, breadth-first, every state each object of SEED.yaml can reach: from each state every
stage KWOK could choose is planned (placeholder template functions such as <PodIP>, a fixed clock,
patches without a type sent as KWOK's Pod and Node controllers send them) and its patches applied.
A state is the object's projection: for Pods the phase, conditions, container states and whether
it is being deleted; for Nodes the conditions, taints and unschedulable; otherwise the status.
A delete leads to "deleted", a stage that fails to "error". "-f -" reads the objects from stdin.

Options:
  -f, --object FILE      the seed object(s), YAML
      --max-depth N      do not expand states farther than N stages from the seed (default 50)
      --max-states N     stop at N states (default 1000)
      --now RFC3339      the fixed instant templates and delays see (default 2006-01-02T15:04:05Z)
  -o, --output FORMAT    human (default) or json
`;

/** Options of `explore` that `graph` shares. */
export const EXPLORE_OPTIONS = {
  help: LOAD_OPTIONS.help,
  recursive: LOAD_OPTIONS.recursive,
  "default-api-group": LOAD_OPTIONS["default-api-group"],
  object: { type: "string", short: "f" },
  "max-depth": { type: "string" },
  "max-states": { type: "string" },
  now: { type: "string" },
} as const;

/** A seed object and what exploring it found. */
export interface SeedExploration {
  readonly object: { readonly kind: string; readonly name?: string; readonly namespace?: string };
  readonly exploration: Exploration;
}

type Values = Record<string, string | boolean | string[] | undefined>;

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
  return Number(value);
}

function exploreOptions(values: Values): ExploreOptions {
  const maxDepth = count(stringOption(values["max-depth"]), "max-depth");
  const maxStates = count(stringOption(values["max-states"]), "max-states");
  const nowText = stringOption(values.now);
  const ns = nowText === undefined ? undefined : parseRfc3339Nano(nowText);
  if (nowText !== undefined && ns === undefined) throw new UsageError(`--now must be an RFC 3339 time such as 2006-01-02T15:04:05Z, got ${JSON.stringify(nowText)}`);
  return {
    ...(maxDepth === undefined ? {} : { maxDepth }),
    ...(maxStates === undefined ? {} : { maxStates }),
    ...(ns === undefined ? {} : { now: new Date(Number(ns / 1_000_000n)) }),
  };
}


/**
 * Loads the stages and seeds named on the command line and explores each seed; prints load
 * problems to stderr and returns `undefined` for them.
 */
export async function exploreSeeds(command: string, values: Values, positionals: readonly string[], io: CliIo): Promise<SeedExploration[] | undefined> {
  if (positionals.length === 0) throw new UsageError(`${command} needs stage files or folders`);
  const file = stringOption(values.object);
  if (file === undefined) throw new UsageError(`${command} needs the seed object: -f SEED.yaml`);
  if (file === "-" && positionals.includes("-")) throw new UsageError('standard input ("-") can hold either the stages or the objects, not both');
  const options = exploreOptions(values);
  const stages = await loadStageArgs(positionals, values, io);
  if (stages === undefined) return undefined;
  const objects = await readObjects(file, io);
  if (objects === undefined) return undefined;
  // KWOK's Pod and Node controllers send patches without a type as strategic merge patches
  const lifecycle: Lifecycle = compileLifecycle(stages, { defaultPatchType: "controller" });
  const out: SeedExploration[] = [];
  for (const value of objects) {
    const object = value as { kind?: string; metadata?: { name?: string; namespace?: string } };
    const { name, namespace } = object.metadata ?? {};
    out.push({
      object: { kind: object.kind ?? "", ...(name === undefined ? {} : { name }), ...(namespace === undefined ? {} : { namespace }) },
      exploration: await exploreAsync(object, lifecycle, options),
    });
  }
  if (out.length === 0) throw new UsageError(`${file} holds no object`);
  return out;
}

/** Runs `explore`. */
export async function runExplore(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...EXPLORE_OPTIONS, output: LOAD_OPTIONS.output });
  if (values.help) {
    io.out(HELP);
    return ExitCode.Ok;
  }
  const format = outputFormat(values.output);
  const seeds = await exploreSeeds("explore", values, positionals, io);
  if (seeds === undefined) return ExitCode.Invalid;
  if (format === "json") io.out(`${toJson(seeds.map((s) => ({ object: s.object, ...s.exploration })))}\n`);
  else for (const s of seeds) io.out(renderHuman(s));
  return ExitCode.Ok;
}

function renderHuman({ object, exploration: x }: SeedExploration): string {
  const name = object.namespace ? `${object.namespace}/${object.name ?? ""}` : (object.name ?? "");
  const lines = [`${object.kind} ${name}: ${x.states.length} state(s), ${x.edges.length} transition(s)`, "States:"];
  for (const s of x.states) {
    const marks = [s.terminal && !s.deleted && !s.error ? "terminal" : "", s.unexplored ? "not expanded: --max-depth" : ""].filter((m) => m !== "");
    lines.push(`  ${s.id.padEnd(7)} ${stateLines(s).join(" · ")}${marks.length === 0 ? "" : `  (${marks.join(", ")})`}`);
  }
  lines.push("Transitions:");
  for (const e of x.edges) {
    const delay = e.delayError === undefined ? delayText(e.delay) : `error (${e.delayError})`;
    lines.push(`  ${e.from} → ${e.to}  ${e.stage}  delay ${delay}${e.weight === undefined ? "" : `  weight ${e.weight}`}`);
    for (const op of e.operations) lines.push(`      ${op}`);
    if (e.error !== undefined) lines.push(`      error: ${e.error}`);
  }
  if (x.truncated) lines.push("  ! truncated: --max-depth or --max-states was reached; more states exist than shown");
  return `${lines.join("\n")}\n`;
}
