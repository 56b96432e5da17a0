/**
 * `stagecraft explain STAGES... -f OBJECT` (alias `match`): which stages of an object's kind match it,
 * and why.
 *
 * @module
 * @internal
 */
import {
  compileLifecycle,
  type ExplainFinding,
  explainAsync,
  formatGoDuration,
  formatPath,
  parseRfc3339Nano,
  type StageExplanation,
  type ValueResult,
} from "../../index.js";
import { type CliIo, ExitCode, UsageError } from "../io.js";
import { LOAD_OPTIONS, compactJson, outputFormat, parseCommandArgs, stringOption, toJson } from "../options.js";
import { loadStageArgs, readObjects } from "../inputs.js";

const HELP = `Usage: stagecraft explain STAGES... -f OBJECT.yaml [--now RFC3339] [-o human|json]
       (also: stagecraft match …)

For every object in OBJECT.yaml, evaluates each stage whose resourceRef equals the object's
{apiVersion, kind} and shows whether it matches, the deciding selector term and what its query
returned, whether KWOK could choose it, the weight and the possible delay; then findings such as
"no stage for this kind", "stages exist with another apiGroup" or "nothing matches".
"-f -" reads the objects from stdin.
`;

/** Runs \`explain\` (alias \`match\`). */
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
  if (positionals.length === 0) throw new UsageError("explain needs stage files or folders");
  const file = stringOption(values.object);
  if (file === undefined) throw new UsageError("explain needs the object to explain: -f OBJECT.yaml");
  if (file === "-" && positionals.includes("-")) throw new UsageError('standard input ("-") can hold either the stages or the objects, not both');
  const format = outputFormat(values.output);
  const now = parseNow(stringOption(values.now));
  const stages = await loadStageArgs(positionals, values, io);
  if (stages === undefined) return ExitCode.Invalid;
  const objects = await readObjects(file, io);
  if (objects === undefined) return ExitCode.Invalid;
  const lifecycle = compileLifecycle(stages);
  const reports = [];
  for (const value of objects) {
    const object = value as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
    const explanation = await explainAsync(object, lifecycle, { now });
    reports.push({
      object: { apiGroup: object.apiVersion ?? "", kind: object.kind ?? "", name: object.metadata?.name, namespace: object.metadata?.namespace },
      stages: explanation.stages,
      findings: explanation.findings,
    });
  }
  if (format === "json") io.out(`${toJson(reports)}\n`);
  else for (const r of reports) io.out(renderHuman(r.object, r.stages, r.findings));
  return ExitCode.Ok;
}

function renderHuman(
  object: { apiGroup: string; kind: string; name?: string | undefined; namespace?: string | undefined },
  stages: readonly StageExplanation[],
  findings: readonly ExplainFinding[],
): string {
  const name = object.namespace ? `${object.namespace}/${object.name ?? ""}` : (object.name ?? "");
  const lines = [`${object.kind} ${name} (apiVersion ${object.apiGroup || "<none>"})`];
  for (const s of stages) {
    if (s.matched) {
      const chosen = s.possible ? "" : "  (never chosen: another matching stage has a positive weight)";
      lines.push(`  ✓ ${s.stage}  weight ${renderValue(s.weight, String)}  delay ${renderValue(s.delay, (d) => d.map(formatGoDuration).join("..."))}${chosen}`);
      continue;
    }
    const term = s.selector.terms.find((t) => t.status === "fail" || t.status === "error");
    lines.push(`  ✗ ${s.stage}`);
    if (term) {
      lines.push(`      ${formatPath(term.path)}: ${term.description}`);
      const got = term.error ? `error: ${term.error.rawMessage}` : `got ${compactJson(term.values ?? [])}`;
      lines.push(`      ${term.status}: ${got}${term.detail ? ` — ${term.detail}` : ""}`);
    }
  }
  for (const f of findings) lines.push(`  ! ${f.id}: ${f.message}`);
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

