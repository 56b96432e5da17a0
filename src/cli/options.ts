/**
 * Shared option parsing for the commands (node:util parseArgs with usage errors).
 *
 * @module
 * @internal
 */
import { parseArgs } from "node:util";
import { type CliIo, UsageError } from "./io.js";

/** Output formats. */
export type OutputFormat = "human" | "json";

/** Parses `args` with `options`, turning parseArgs failures into usage errors. */
export function parseCommandArgs(
  args: readonly string[],
  options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Validates the `--output` value. */
export function outputFormat(value: unknown): OutputFormat {
  if (value === undefined || value === "human") return "human";
  if (value === "json") return "json";
  throw new UsageError(`--output must be "human" or "json", got ${JSON.stringify(value)}`);
}

/** Options every loading command accepts. */
export const LOAD_OPTIONS = {
  help: { type: "boolean", short: "h" },
  output: { type: "string", short: "o" },
  recursive: { type: "boolean", short: "r" },
  "default-api-group": { type: "string" },
} as const;

/** JSON.stringify that renders bigint as numbers and errors as their messages. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === "bigint") return Number(v);
      if (v instanceof Error) return { code: (v as { code?: string }).code, message: v.message };
      return v;
    },
    2,
  );
}

/** Reads a string option (parseArgs guarantees the type for `type: "string"` options). */
export function stringOption(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** One-line JSON with bigint rendered as numbers. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
}

/** Replaces a `-` path with the text of standard input (read once), as KWOK's loader does. */
export async function withStdin(paths: readonly string[], io: CliIo): Promise<(string | { file: string; text: string })[]> {
  if (paths.filter((p) => p === "-").length > 1) throw new UsageError('"-" (standard input) can be given only once');
  const out: (string | { file: string; text: string })[] = [];
  for (const p of paths) out.push(p === "-" ? { file: "<stdin>", text: await io.readStdin() } : p);
  return out;
}

/** The options `simulate` and `serve` share: what to simulate and how the cluster is built. */
export const SIMULATION_OPTIONS = {
  help: { type: "boolean", short: "h" },
  stages: { type: "string", short: "s", multiple: true },
  objects: { type: "string", short: "f" },
  nodes: { type: "string" },
  pods: { type: "string" },
  seed: { type: "string" },
  scheduler: { type: "boolean" },
  "node-lease": { type: "string" },
} as const;
