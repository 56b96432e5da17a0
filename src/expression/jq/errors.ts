/**
 * Error helpers shared by the jq lexer, parser, compiler and runtime.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../../errors.js";
import { locationAt } from "../location.js";

/** Computes line/column (1-based, UTF-16 columns) of an offset in a query. */
export const locate = locationAt;

/** A syntax error (`E_JQ_SYNTAX`) at an offset of the query. */
export function syntaxError(source: string, offset: number, message: string): StagecraftError {
  return new StagecraftError(ErrorCode.JqSyntax, `jq: ${message}`, { location: locate(source, offset) });
}

/** A compile-time rejection of a construct outside the supported subset (`E_JQ_UNSUPPORTED`). */
export function unsupported(source: string, offset: number, what: string): StagecraftError {
  return new StagecraftError(ErrorCode.JqUnsupported, `jq: unsupported ${what}`, { location: locate(source, offset) });
}

/**
 * A jq runtime error as raised by `error/1` or a failing builtin. `value` is what `catch`
 * receives (a message string for builtin failures).
 */
export class JqRuntimeError {
  /** The error value, as seen by `try ... catch`. */
  readonly value: unknown;
  /** @param value - the error value */
  constructor(value: unknown) {
    this.value = value;
  }
}

/** Thrown when a work bound is exceeded; never caught by `try`. */
export class JqLimitError {
  /** Human-readable description of the exceeded bound. */
  readonly message: string;
  /** @param message - which bound was exceeded */
  constructor(message: string) {
    this.message = message;
  }
}

/** Raises a runtime error carrying a message string. */
export function fail(message: string): never {
  throw new JqRuntimeError(message);
}
