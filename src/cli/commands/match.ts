/**
 * `stagecraft match STAGES... -f OBJECT`: which stages of an object's kind match it, and why.
 *
 * @module
 * @internal
 */
import { readFileSync } from "node:fs";
import {
  type Stage,
  compileDelay,
  compileSelector,
  compileWeight,
  formatGoDuration,
  formatIssues,
  formatPath,
  parseRfc3339Nano,
  parseYamlDocuments,
  type SelectorExplanation,
  type ValueResult,
} from "../../index.js";
import { loadStageFiles } from "../../node.js";
import { type CliIo, ExitCode, UsageError } from "../io.js";
import { LOAD_OPTIONS, withStdin, compactJson, outputFormat, parseCommandArgs, stringOption, toJson } from "../options.js";

const HELP = `Usage: stagecraft match STAGES... -f OBJECT.yaml [--now RFC3339] [-o human|json]

For every object in OBJECT.yaml, evaluates each stage whose resourceRef equals the object's
{apiVersion, kind} and shows whether it matches, the deciding selector term and what its query
returned, the weight and the possible delay. "-f -" reads the objects from stdin.
`;

interface StageReport {
  readonly stage: string;
  readonly matched: boolean;
  readonly dropped?: string;
  readonly explanation?: SelectorExplanation;
  readonly weight?: ValueResult<number>;
  readonly delay?: ValueResult<readonly number[]>;
}

/** Runs `match`. */
export async function runMatch(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...LOAD_OPTIONS,
    object: { type: "string", short: "f" },
    now: { type: "string" },
  });
  if (values.help) {
    io.out(HELP);
    return ExitCode.Ok;
  }
  if (positionals.length === 0) throw new UsageError("match needs stage files or folders");
  const file = stringOption(values.object);
  if (file === undefined) throw new UsageError("match needs the object to match: -f OBJECT.yaml");
  if (file === "-" && positionals.includes("-")) throw new UsageError('standard input ("-") can hold either the stages or the objects, not both');
  const format = outputFormat(values.output);
  const now = parseNow(stringOption(values.now));
  const defaultApiGroup = stringOption(values["default-api-group"]);
  const loaded = loadStageFiles(await withStdin(positionals, io), {
    recursive: values.recursive === true,
    ...(defaultApiGroup === undefined ? {} : { defaultApiGroup }),
  });
  if (!loaded.ok) {
    io.err(`${formatIssues(loaded.issues)}\n`);
    return ExitCode.Invalid;
  }
  const text = file === "-" ? await io.readStdin() : readText(file);
  const parsed = parseYamlDocuments(text, { file: file === "-" ? "<stdin>" : file });
  if (parsed.issues.some((i) => i.severity === "error")) {
    io.err(`${formatIssues(parsed.issues)}\n`);
    return ExitCode.Invalid;
  }
  const reports = [];
  for (const doc of parsed.documents) {
    if (doc.empty) continue;
    const object = doc.value as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
    const ref = { apiGroup: object.apiVersion ?? "", kind: object.kind ?? "" };
    const stages = loaded.stages.filter((s) => s.resourceRef.apiGroup === ref.apiGroup && s.resourceRef.kind === ref.kind);
    const results: StageReport[] = [];
    for (const stage of stages) results.push(await reportStage(stage, object, now));
    reports.push({ object: { ...ref, name: object.metadata?.name, namespace: object.metadata?.namespace }, stages: results });
  }
  if (format === "json") io.out(`${toJson(reports)}\n`);
  else for (const r of reports) io.out(renderHuman(r.object, r.stages, loaded.stages.length));
  return ExitCode.Ok;
}

async function reportStage(stage: Stage, object: unknown, now: Date): Promise<StageReport> {
  if (stage.selector === null) return { stage: stage.name, matched: false, dropped: "no selector: KWOK drops this stage" };
  const explanation = await compileSelector(stage.selector).explainAsync(object, { now });
  if (!explanation.matched) return { stage: stage.name, matched: false, explanation };
  return {
    stage: stage.name,
    matched: true,
    explanation,
    weight: await compileWeight(stage).getAsync(object, { now }),
    delay: await compileDelay(stage).rangeAsync(object, { now }),
  };
}

function renderHuman(
  object: { apiGroup: string; kind: string; name?: string | undefined; namespace?: string | undefined },
  stages: readonly StageReport[],
  total: number,
): string {
  const name = object.namespace ? `${object.namespace}/${object.name ?? ""}` : (object.name ?? "");
  const lines = [`${object.kind} ${name} (apiVersion ${object.apiGroup || "<none>"})`];
  if (stages.length === 0) {
    lines.push(`  no stage has resourceRef {apiGroup: ${object.apiGroup}, kind: ${object.kind}} (${total} stage(s) loaded)`);
  }
  for (const s of stages) {
    if (s.dropped) {
      lines.push(`  - ${s.stage}: ${s.dropped}`);
      continue;
    }
    if (s.matched) {
      lines.push(`  ✓ ${s.stage}  weight ${renderValue(s.weight, String)}  delay ${renderValue(s.delay, (d) => d.map(formatGoDuration).join("..."))}`);
      continue;
    }
    const term = s.explanation?.terms.find((t) => t.status === "fail" || t.status === "error");
    lines.push(`  ✗ ${s.stage}`);
    if (term) {
      lines.push(`      ${formatPath(term.path)}: ${term.description}`);
      const got = term.error ? `error: ${term.error.rawMessage}` : `got ${compactJson(term.values ?? [])}`;
      lines.push(`      ${term.status}: ${got}${term.detail ? ` — ${term.detail}` : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function renderValue<T>(value: ValueResult<T> | undefined, render: (v: T) => string): string {
  if (value === undefined || value.status === "unknown") return "none";
  if (value.status === "error") return `error (${value.error.rawMessage})`;
  return render(value.value);
}

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const ns = parseRfc3339Nano(text);
  if (ns === undefined) throw new UsageError(`--now must be an RFC 3339 time such as 2006-01-02T15:04:05Z, got ${JSON.stringify(text)}`);
  return new Date(Number(ns / 1_000_000n));
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}
