/**
 * Validation issues: what is wrong (or suspicious) in an input, where, and why.
 *
 * @module
 */
import { type ErrorCode, type FieldPath, type SourceLocation, formatLocation, formatPath } from "./errors.js";

/**
 * How serious an issue is. Only `error` issues make a load fail.
 *
 * @category Errors
 */
export const Severity = {
  /** The input is invalid; nothing from it is used. */
  Error: "error",
  /** The input is accepted, but probably not what the author meant. */
  Warning: "warning",
  /** Noted for the record (e.g. a document of another kind that was skipped). */
  Info: "info",
} as const;

/**
 * One of the values of {@link Severity}.
 *
 * @category Errors
 */
export type Severity = (typeof Severity)[keyof typeof Severity];

/**
 * One finding about an input document.
 *
 * @category Errors
 */
export interface Issue {
  /** Stable code, see {@link ErrorCode}. */
  readonly code: ErrorCode;
  /** How serious the issue is. */
  readonly severity: Severity;
  /** Human-readable explanation, without position prefix. */
  readonly message: string;
  /** Field path inside the document (empty for the document itself). */
  readonly path: FieldPath;
  /** Source position of the offending node, when known. */
  readonly location?: SourceLocation;
  /** Index of the YAML document in its file, starting at 0. */
  readonly document?: number;
  /** What was expected. */
  readonly expected?: string;
  /** What was found. */
  readonly received?: string;
}

/**
 * Formats one issue on one line: `file:line:col: severity CODE path: message`.
 *
 * @param issue - the issue to format
 * @returns a single line of text
 * @example
 * ```ts
 * formatIssue(issue);
 * // "pod.yaml:12:17: error E_INVALID_OPERATOR spec.selector.matchExpressions[0].operator: operator "in" is not supported (expected one of In, NotIn, Exists, DoesNotExist, found "in")"
 * ```
 * @category Errors
 */
export function formatIssue(issue: Issue): string {
  const where = issue.location ? `${formatLocation(issue.location)}: ` : "";
  const path = issue.path.length > 0 ? ` ${formatPath(issue.path)}` : "";
  let detail = "";
  if (issue.expected !== undefined || issue.received !== undefined) {
    const parts: string[] = [];
    if (issue.expected !== undefined) parts.push(`expected ${issue.expected}`);
    if (issue.received !== undefined) parts.push(`found ${issue.received}`);
    detail = ` (${parts.join(", ")})`;
  }
  return `${where}${issue.severity} ${issue.code}${path}: ${issue.message}${detail}`;
}

/**
 * Formats issues one per line, errors first, then warnings, then information, each group in
 * input order.
 *
 * @param issues - the issues to format
 * @returns the lines joined with `\n` (empty string for no issues)
 * @example
 * ```ts
 * const { issues } = loadStages({ text });
 * if (issues.length) console.error(formatIssues(issues));
 * ```
 * @category Errors
 */
export function formatIssues(issues: readonly Issue[]): string {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...issues]
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => rank[a.issue.severity] - rank[b.issue.severity] || a.i - b.i)
    .map(({ issue }) => formatIssue(issue))
    .join("\n");
}

/**
 * Renders a value briefly for an issue's `received` field: strings quoted, long values cut.
 *
 * @param value - any JSON-like value
 * @returns a short description such as `"in"`, `5`, `a list`, `an object`
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list (${truncate(JSON.stringify(value))})`;
  switch (typeof value) {
    case "string":
      return truncate(JSON.stringify(value));
    case "number":
    case "boolean":
    case "bigint":
      return `${typeof value} ${String(value)}`;
    case "object":
      return `an object (${truncate(JSON.stringify(value))})`;
    default:
      return typeof value;
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
