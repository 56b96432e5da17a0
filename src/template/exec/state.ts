/**
 * The mutable state of one template execution: variables, output, work counters, and the
 * node being evaluated (for Go's error location).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../../errors.js";
import type { TemplateNode } from "../ast.js";
import { formatTemplateNode } from "../format.js";
import type { ParsedTemplate } from "../parser.js";
import { goQuote } from "../quote.js";
import type { FunctionMap } from "./function-map.js";

/**
 * Work bounds of one execution.
 * @example
 * ```ts
 * executeTemplate(parsed, data, { functions, limits: { maxOutputBytes: 4096 } });
 * ```
 * @category Template
 */
export interface ExecuteLimits {
  /** Maximum output size in UTF-8 bytes (default 1 MiB). */
  readonly maxOutputBytes?: number;
  /** Maximum number of `range` iterations, in total (default 100,000). */
  readonly maxIterations?: number;
  /** Maximum depth of nested `{{template}}` calls (default 1000). */
  readonly maxTemplateDepth?: number;
  /**
   * Maximum length of a string (UTF-16 code units) or list that a function builds or returns
   * (default 1,048,576): `until`, `seq`, `repeat`, `indent`, `randAlpha`… are checked before
   * they allocate, every other result right after the call (so doubling a value in a loop stops
   * at twice the bound).
   */
  readonly maxValueLength?: number;
}

/** Default of {@link ExecuteLimits.maxValueLength}. */
const DEFAULT_MAX_VALUE_LENGTH = 1 << 20;

/**
 * The value-size bound of the execution in progress (executions are synchronous), read by the
 * functions that allocate from a count argument.
 * @example
 * ```ts
 * valueLimit.max; // 1048576 outside an execution
 * ```
 * @category Template
 */
export const valueLimit = { max: DEFAULT_MAX_VALUE_LENGTH };

/**
 * Fails with `E_LIMIT_EXCEEDED` when a function is about to build a value longer than
 * {@link ExecuteLimits.maxValueLength}.
 * @param fn - the function's name
 * @param length - the length it would build
 * @example
 * ```ts
 * checkValueLength("until", n);
 * ```
 * @category Template
 */
export function checkValueLength(fn: string, length: number | bigint): void {
  if (length > valueLimit.max) {
    throw new StagecraftError(ErrorCode.LimitExceeded, `limit exceeded: ${fn} would build a value of length ${length}, more than maxValueLength ${valueLimit.max}`);
  }
}

/**
 * Thrown inside the executor to leave a `range` iteration.
 * @example
 * ```ts
 * if (error === BREAK) return;
 * ```
 * @category Template
 */
export const BREAK = Symbol("break");
/**
 * Thrown inside the executor to end a `range` iteration.
 * @example
 * ```ts
 * if (error === CONTINUE) continue;
 * ```
 * @category Template
 */
export const CONTINUE = Symbol("continue");

/** A variable binding. */
interface Variable {
  readonly name: string;
  value: unknown;
}

/**
 * One execution.
 * @example
 * ```ts
 * const state = new ExecState(parsed, functions, parsed.name, {});
 * ```
 * @category Template
 */
export class ExecState {
  readonly vars: Variable[] = [];
  out = "";
  outBytes = 0;
  iterations = 0;
  depth = 0;
  node: TemplateNode | null = null;
  /** True while dot is a `range` element (Go's static type `interface {}` in messages). */
  dotBoxed = false;
  readonly maxOutputBytes: number;
  readonly maxIterations: number;
  readonly maxTemplateDepth: number;
  readonly maxValueLength: number;

  constructor(
    readonly parsed: ParsedTemplate,
    readonly functions: FunctionMap,
    public templateName: string,
    limits: ExecuteLimits,
  ) {
    this.maxOutputBytes = limits.maxOutputBytes ?? 1 << 20;
    this.maxIterations = limits.maxIterations ?? 100_000;
    this.maxTemplateDepth = limits.maxTemplateDepth ?? 1000;
    this.maxValueLength = limits.maxValueLength ?? DEFAULT_MAX_VALUE_LENGTH;
  }

  /** Records the node being evaluated. */
  at(node: TemplateNode): void {
    this.node = node;
  }

  /** Appends output, enforcing the size bound. */
  write(text: string): void {
    this.outBytes += utf8Length(text);
    if (this.outBytes > this.maxOutputBytes) {
      this.limit(`output exceeds ${this.maxOutputBytes} bytes`);
    }
    this.out += text;
  }

  /** Counts one `range` iteration. */
  iterate(): void {
    if (++this.iterations > this.maxIterations) this.limit(`more than ${this.maxIterations} range iterations`);
  }

  /** The current variable stack height. */
  mark(): number {
    return this.vars.length;
  }

  /** Pops variables down to a mark. */
  pop(mark: number): void {
    this.vars.length = mark;
  }

  /** Declares a variable. */
  push(name: string, value: unknown): void {
    this.vars.push({ name, value });
  }

  /** Sets the n-th variable from the top. */
  setTopVar(n: number, value: unknown): void {
    const v = this.vars[this.vars.length - n];
    if (v !== undefined) v.value = value;
  }

  /** Assigns an existing variable. */
  setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) {
        v.value = value;
        return;
      }
    }
    this.fail(`undefined variable: ${name}`);
  }

  /** Reads a variable. */
  varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) return v.value;
    }
    return this.fail(`undefined variable: ${name}`);
  }

  /** Throws Go's execution error at the current node. */
  fail(message: string, code: ErrorCode = ErrorCode.TemplateExecution): never {
    throw new StagecraftError(code, `${this.location()}${message}`);
  }

  /** Throws a limit error. */
  limit(message: string): never {
    return this.fail(`limit exceeded: ${message}`, ErrorCode.LimitExceeded);
  }

  private location(): string {
    const name = this.parsed.name;
    const node = this.node;
    if (node === null) return `template: ${this.templateName}: `;
    const before = this.parsed.text.slice(0, node.pos);
    const line = 1 + countNewlines(before);
    const lastNl = before.lastIndexOf("\n");
    const col = utf8Length(lastNl === -1 ? before : before.slice(lastNl + 1));
    const context = formatTemplateNode(node);
    return `template: ${name}:${line}:${col}: executing ${goQuote(this.templateName)} at <${context}>: `;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * UTF-8 length of a string.
 * @param s - the execution state
 * @returns the number of UTF-8 bytes
 * @example
 * ```ts
 * utf8Length("é"); // 2
 * ```
 * @category Template
 */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}
