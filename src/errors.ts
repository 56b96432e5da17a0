/**
 * One error base for the whole library: every failure stagecraft reports is a
 * {@link StagecraftError} with a stable {@link ErrorCode}, and, where known, the field
 * path and the source position of the offending input.
 *
 * @module
 */

/**
 * Stable error codes. The string values never change once released; match on them
 * instead of on messages.
 *
 * @category Errors
 */
export const ErrorCode = {
  /** The YAML text could not be parsed. */
  YamlSyntax: "E_YAML_SYNTAX",
  /** A document is not a mapping, or a field has the wrong JSON type. */
  TypeMismatch: "E_TYPE_MISMATCH",
  /** A required field is missing or empty. */
  Required: "E_REQUIRED",
  /** A string field holds a value outside its allowed set. */
  InvalidValue: "E_INVALID_VALUE",
  /** A selector operator is not one of `In`, `NotIn`, `Exists`, `DoesNotExist`. */
  InvalidOperator: "E_INVALID_OPERATOR",
  /** `In`/`NotIn` without values. */
  ValuesRequired: "E_VALUES_REQUIRED",
  /** `Exists`/`DoesNotExist` with values. */
  ValuesForbidden: "E_VALUES_FORBIDDEN",
  /** A match expression has neither `jq`, `cel`, `jsonata` nor a legacy `key`. */
  EmptyExpression: "E_EMPTY_EXPRESSION",
  /** A field is set that KWOK would silently ignore (reported as a warning). */
  IgnoredField: "W_IGNORED_FIELD",
  /** A document of a kind stagecraft does not load (reported as information). */
  IgnoredDocument: "I_IGNORED_DOCUMENT",
  /** A Stage without `spec.selector` is dropped by KWOK (reported as a warning). */
  NoSelector: "W_NO_SELECTOR",
  /** A field is not part of the Stage API (reported as a warning; KWOK ignores it). */
  UnknownField: "W_UNKNOWN_FIELD",
  /** A jq query does not parse. */
  JqSyntax: "E_JQ_SYNTAX",
  /** A jq query uses a construct outside the supported gojq subset. */
  JqUnsupported: "E_JQ_UNSUPPORTED",
  /** A jq query failed while running (the `error` KWOK swallows into "no results"). */
  JqRuntime: "E_JQ_RUNTIME",
  /** A CEL expression does not parse or type-check. */
  CelSyntax: "E_CEL_SYNTAX",
  /** A CEL expression failed while running. */
  CelRuntime: "E_CEL_RUNTIME",
  /** A JSONata expression does not parse. */
  JsonataSyntax: "E_JSONATA_SYNTAX",
  /** A JSONata expression failed while running. */
  JsonataRuntime: "E_JSONATA_RUNTIME",
  /** A Go template does not parse. */
  TemplateSyntax: "E_TEMPLATE_SYNTAX",
  /** A Go template failed while executing. */
  TemplateExecution: "E_TEMPLATE_EXEC",
  /** A synchronous API was called on something that needs async evaluation (JSONata). */
  AsyncRequired: "E_ASYNC_REQUIRED",
  /** A value produced by an expression could not be used (e.g. a CEL selector not returning a bool). */
  ResultType: "E_RESULT_TYPE",
  /** A work or size bound was exceeded. */
  LimitExceeded: "E_LIMIT_EXCEEDED",
  /** A file-loaded Stage has no `resourceRef.apiGroup` (KWOK gives it no default; reported as a warning). */
  MissingApiGroup: "W_MISSING_API_GROUP",
  /** A document has no `kind` (KWOK would silently reuse the previous document's kind). */
  MissingKind: "E_MISSING_KIND",
  /** A step with no action, or an event that client-go would drop (reported as a warning). */
  SuspiciousStep: "W_SUSPICIOUS_STEP",
  /** A file or folder could not be read. */
  Io: "E_IO",
  /** Command-line usage error. */
  Usage: "E_USAGE",
  /** A patch is malformed: not a JSON patch array, an unknown op, a bad pointer, a bad strategic directive. */
  PatchInvalid: "E_PATCH_INVALID",
  /** A well-formed patch does not apply to the object (a missing path or parent, an index out of range). */
  PatchConflict: "E_PATCH_CONFLICT",
  /** A JSON patch `test` operation found a different value. */
  PatchTestFailed: "E_PATCH_TEST_FAILED",
} as const;

/**
 * One of the values of {@link ErrorCode}.
 *
 * @category Errors
 */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A path to a field inside a document: object keys and array indexes, outermost first.
 *
 * @category Errors
 */
export type FieldPath = readonly (string | number)[];

/**
 * A position in a source text. Lines and columns start at 1.
 *
 * @category Errors
 */
export interface SourceLocation {
  /** The file (or a label such as `<string>`) the text came from, when known. */
  readonly file?: string;
  /** Line, starting at 1. */
  readonly line: number;
  /** Column, starting at 1, counted in UTF-16 code units. */
  readonly column: number;
  /** Offset from the start of the text, starting at 0. */
  readonly offset?: number;
}

/**
 * Structured details of an error, shared by {@link StagecraftError} and validation issues.
 *
 * @category Errors
 */
export interface ErrorDetails {
  /** Field path inside the document, e.g. `["spec", "selector", "matchExpressions", 0, "key"]`. */
  readonly path?: FieldPath;
  /** Where in the source text the problem is. */
  readonly location?: SourceLocation;
  /** What was expected, in words (`"one of In, NotIn, Exists, DoesNotExist"`). */
  readonly expected?: string;
  /** What was found, in words or as a short rendering of the value. */
  readonly received?: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

const BRAND = Symbol.for("stagecraft/error");

/**
 * The single error class thrown (or returned) by stagecraft.
 *
 * @example
 * ```ts
 * try {
 *   compileJq(".a |");
 * } catch (e) {
 *   if (isStagecraftError(e)) console.log(e.code, e.location?.column);
 * }
 * ```
 * @category Errors
 */
export class StagecraftError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Field path inside the document, when the error concerns a field. */
  readonly path: FieldPath | undefined;
  /** Source position, when known. */
  readonly location: SourceLocation | undefined;
  /** What was expected, when the error is a mismatch. */
  readonly expected: string | undefined;
  /** What was found, when the error is a mismatch. */
  readonly received: string | undefined;
  /** The message without position prefix. */
  readonly rawMessage: string;

  /**
   * @param code - stable error code
   * @param message - human readable message, without position prefix
   * @param details - path, location, expected/received and cause
   */
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(formatMessage(message, details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "StagecraftError";
    this.code = code;
    this.rawMessage = message;
    this.path = details.path;
    this.location = details.location;
    this.expected = details.expected;
    this.received = details.received;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Tells whether a value is a {@link StagecraftError}, also across copies of the library.
 *
 * @param value - anything caught
 * @returns true when `value` is a stagecraft error
 * @example
 * ```ts
 * if (isStagecraftError(err) && err.code === ErrorCode.JqSyntax) { ... }
 * ```
 * @category Errors
 */
export function isStagecraftError(value: unknown): value is StagecraftError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * Renders a field path the way Kubernetes does: `spec.selector.matchExpressions[0].key`.
 * Keys that are not plain identifiers are bracketed: `metadata.annotations["a.b/c"]`.
 *
 * @param path - the path to render
 * @returns the rendered path, `""` for an empty path
 * @example
 * ```ts
 * formatPath(["spec", "selector", "matchExpressions", 0, "key"]); // "spec.selector.matchExpressions[0].key"
 * ```
 * @category Errors
 */
export function formatPath(path: FieldPath): string {
  let out = "";
  for (const item of path) {
    if (typeof item === "number") out += `[${item}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(item)) out += out === "" ? item : `.${item}`;
    else out += `[${JSON.stringify(item)}]`;
  }
  return out;
}

/**
 * Renders a source location as `file:line:column` (or `line:column` without a file).
 *
 * @param location - the location to render
 * @returns the rendered location
 * @example
 * ```ts
 * formatLocation({ file: "pod.yaml", line: 3, column: 7 }); // "pod.yaml:3:7"
 * ```
 * @category Errors
 */
export function formatLocation(location: SourceLocation): string {
  const lc = `${location.line}:${location.column}`;
  return location.file ? `${location.file}:${lc}` : lc;
}

function formatMessage(message: string, details: ErrorDetails): string {
  const where = details.location ? `${formatLocation(details.location)}: ` : "";
  const path = details.path && details.path.length > 0 ? `${formatPath(details.path)}: ` : "";
  return `${where}${path}${message}`;
}
