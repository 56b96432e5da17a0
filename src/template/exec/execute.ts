/**
 * The entry point of template execution.
 *
 * @module
 */
import { StagecraftError } from "../../errors.js";
import type { ParsedTemplate } from "../parser.js";
import type { FunctionMap } from "./function-map.js";
import { ExecState, type ExecuteLimits, valueLimit } from "./state.js";
import { walkList } from "./walk.js";
import { MISSING } from "./values.js";

/**
 * Options of {@link executeTemplate}.
 *
 * @category Template
 * @example
 * ```ts
 * executeTemplate(parsed, data, { functions: kwokFunctions(opts), limits: { maxIterations: 1000 } });
 * ```
 */
export interface ExecuteTemplateOptions {
  /** The functions the template may call, over Go's builtins (KWOK's, sprig's, placeholders). */
  readonly functions: FunctionMap;
  /** Work bounds; exceeding one fails with `E_LIMIT_EXCEEDED`. */
  readonly limits?: ExecuteLimits;
}

/**
 * Executes a parsed template with Go 1.22 `text/template` semantics (`missingkey=default`).
 *
 * @param parsed - the parsed template
 * @param data - dot: usually {@link toTemplateData} of a Kubernetes object
 * @param options - functions and work bounds
 * @returns the rendered text
 * @throws StagecraftError `E_TEMPLATE_EXEC` with Go's message
 *   (`template: NAME:LINE:COL: executing "NAME" at <ACTION>: MESSAGE`), or `E_LIMIT_EXCEEDED`
 * @example
 * ```ts
 * const t = parseTemplate("{{ .a.b }}", { functions: KWOK_TEMPLATE_FUNCTIONS });
 * executeTemplate(t, toTemplateData({ a: { b: 1 } }), { functions: {} }); // "1"
 * ```
 * @category Template
 */
export function executeTemplate(parsed: ParsedTemplate, data: unknown, options: ExecuteTemplateOptions): string {
  const state = new ExecState(parsed, options.functions, parsed.name, options.limits ?? {});
  const dot = data === null || data === undefined ? MISSING : data;
  state.push("$", dot);
  const savedMax = valueLimit.max;
  valueLimit.max = state.maxValueLength;
  try {
    walkList(state, dot, parsed.root);
  } catch (error) {
    if (error instanceof StagecraftError) throw error;
    if (error instanceof RangeError) state.limit(`the JavaScript stack (${error.message})`);
    throw error;
  } finally {
    valueLimit.max = savedMax;
  }
  return state.out;
}

export type { ExecuteLimits };
