/**
 * `stagecraft simulate`: drive nodes and pods through their stages on the in-memory store in
 * virtual time and print the timeline.
 *
 * @module
 * @internal
 */
import { existsSync } from "node:fs";
import { compileLifecycle, formatIssues, loadPreset, marshalGoYaml, parseGoDuration, parseYamlDocuments, presetNames, type Stage } from "../../index.js";
import { createMemoryStore } from "../../memory.js";
import { loadStageFiles } from "../../node.js";
import { formatHistory, type KubeObject, Simulator, VirtualClock } from "../../runtime.js";
import { type CliIo, ExitCode, UsageError } from "../io.js";
import { parseCommandArgs, SIMULATION_OPTIONS, stringOption, toJson } from "../options.js";
import { generatedObjects } from "./simulate-objects.js";
import { summarize } from "./simulate-summary.js";
import { readText } from "../inputs.js";

const HELP = `Usage: stagecraft simulate [--stages DIR|FILE|PRESET]... [--objects FILE] [--nodes N] [--pods N]
                          [--seed S] [--until DURATION] [--start RFC3339] [-o human|json|yaml]

Creates objects in an in-memory store and drives them through their stages in virtual time,
then prints the timeline and the final state. Deterministic: the same seed gives the same run.

Options:
  -s, --stages X     stage files/folders, or a preset: PRESETS (default: fast)
  -f, --objects FILE objects to create at the start (YAML, "-" = stdin)
      --nodes N      also create N nodes node-0 … (default 0; 1 when --pods is given alone)
      --pods N       also create N pods pod-0 … spread over the nodes
      --seed S       random seed (default 0)
      --until D      stop after this much virtual time (Go duration, default 10m) or when idle
      --start T      virtual start time (default 2006-01-02T15:04:05Z)
      --all          print every operation, not only scheduled/applied stages
      --scheduler    bind pods without spec.nodeName to the first schedulable node
                     (--pods then creates unbound pods)
      --node-lease S keep a Lease per node, S seconds long (KWOK's node-lease controller)
      --pending-jobs kwok|cancel
                     a pending job whose object stops matching runs (kwok, default) or
                     is cancelled
  -o, --output       human (default), json or yaml
`;

function count(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** Loads `--stages` values: preset names, stage files and folders (default: the `fast` preset). */
export function loadStagesArg(args: readonly string[], io: CliIo): Stage[] | undefined {
  const stages: Stage[] = [];
  const paths: string[] = [];
  for (const arg of args.length === 0 ? ["fast"] : args) {
    if (!existsSync(arg) && presetNames().includes(arg)) stages.push(...loadPreset(arg));
    else paths.push(arg);
  }
  if (paths.length > 0) {
    const loaded = loadStageFiles(paths, { recursive: true });
    if (!loaded.ok) {
      io.err(`${formatIssues(loaded.issues)}\n`);
      return undefined;
    }
    stages.push(...loaded.stages);
  }
  return stages;
}

/** Runs `simulate`. */
export async function runSimulate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...SIMULATION_OPTIONS,
    output: { type: "string", short: "o" },
    until: { type: "string" },
    start: { type: "string" },
    all: { type: "boolean" },
    "pending-jobs": { type: "string" },
  });
  if (values.help) {
    io.out(HELP.replace("PRESETS", presetNames().join(", ")));
    return ExitCode.Ok;
  }
  if (positionals.length > 0) throw new UsageError(`simulate takes no positional arguments (got ${positionals.join(" ")}); use --stages and --objects`);
  const format = values.output ?? "human";
  if (format !== "human" && format !== "json" && format !== "yaml") throw new UsageError(`--output must be human, json or yaml, got ${JSON.stringify(format)}`);
  const untilText = stringOption(values.until) ?? "10m";
  const untilNs = parseGoDuration(untilText);
  if (untilNs === undefined || untilNs < 0) throw new UsageError(`--until must be a Go duration such as 90s or 5m, got ${JSON.stringify(untilText)}`);
  const seedText = stringOption(values.seed) ?? "0";
  if (!/^-?\d+$/.test(seedText)) throw new UsageError(`--seed must be an integer, got ${JSON.stringify(seedText)}`);
  const pods = count(stringOption(values.pods), "--pods");
  let nodes = count(stringOption(values.nodes), "--nodes");
  if (pods > 0 && nodes === 0 && values.nodes === undefined) nodes = 1;
  if (pods > 0 && nodes === 0) throw new UsageError("--pods needs at least one node (--nodes N)");

  const stageArgs = Array.isArray(values.stages) ? values.stages : [];
  const stages = loadStagesArg(stageArgs, io);
  if (stages === undefined) return ExitCode.Invalid;
  const objects: KubeObject[] = [];
  const file = stringOption(values.objects);
  if (file !== undefined) {
    const text = file === "-" ? await io.readStdin() : readText(file);
    const parsed = parseYamlDocuments(text, { file: file === "-" ? "<stdin>" : file });
    const errors = parsed.issues.filter((i) => i.severity === "error");
    if (errors.length > 0) {
      io.err(`${formatIssues(errors)}\n`);
      return ExitCode.Invalid;
    }
    for (const doc of parsed.documents) if (!doc.empty) objects.push(doc.value as KubeObject);
  }
  const scheduler = values.scheduler === true;
  const leaseText = stringOption(values["node-lease"]);
  if (leaseText !== undefined && !/^[1-9]\d*$/.test(leaseText)) throw new UsageError(`--node-lease must be a positive number of seconds, got ${JSON.stringify(leaseText)}`);
  const pendingJobs = stringOption(values["pending-jobs"]) ?? "kwok";
  if (pendingJobs !== "kwok" && pendingJobs !== "cancel") throw new UsageError(`--pending-jobs must be kwok or cancel, got ${JSON.stringify(pendingJobs)}`);
  objects.push(...generatedObjects({ nodes, pods, bound: !scheduler }));
  if (objects.length === 0) throw new UsageError("nothing to simulate: give --objects FILE, --nodes N or --pods N");

  const clock = new VirtualClock({ start: stringOption(values.start) ?? "2006-01-02T15:04:05Z" });
  const store = createMemoryStore({ clock });
  const lifecycle = compileLifecycle(stages, { defaultPatchType: "controller" });
  const simulator = new Simulator({
    store,
    lifecycle,
    clock,
    seed: Number(seedText),
    history: values.all === true ? "operations" : "stages",
    pendingJobs,
    ...(scheduler ? { scheduler: true } : {}),
    ...(leaseText === undefined ? {} : { nodeLease: { durationSeconds: Number(leaseText) } }),
  });
  await simulator.start();
  for (const w of simulator.warnings) io.err(`warning: ${w}\n`);
  for (const o of objects) {
    try {
      await store.create(o);
    } catch (error) {
      io.err(`stagecraft: cannot create ${o.kind ?? "object"} ${o.metadata?.name ?? ""}: ${(error as Error).message}\n`);
      return ExitCode.Invalid;
    }
  }
  const total = untilNs / 1e6;
  const progress = io.progress;
  const step = Math.max(1000, total / 100);
  let idle = false;
  for (let t = 0; t < total && !idle; t += step) {
    idle = await clock.runUntil(() => simulator.idle, { timeout: Math.min(step, total - t) });
    progress?.(Math.min(1, (t + step) / total));
  }
  simulator.stop();
  const final = await summarize(store, lifecycle);
  if (format === "human") {
    io.out(formatHistory(simulator.history, values.all === true ? { kinds: ["scheduled", "cancelled", "applied", "operation", "retry", "error"] } : {}));
    io.out(`\n${idle ? "idle" : "stopped"} after ${(clock.elapsed / 1000).toFixed(3)}s of virtual time, ${simulator.history.filter((e) => e.kind === "applied").length} stages applied\n`);
    io.out(final.text);
  } else {
    const report = { elapsedMs: clock.elapsed, idle, history: simulator.history, objects: final.objects };
    io.out(format === "json" ? `${toJson(report)}\n` : marshalGoYaml(JSON.parse(toJson(report))));
  }
  return simulator.history.some((e) => e.kind === "error") ? ExitCode.Failure : ExitCode.Ok;
}
