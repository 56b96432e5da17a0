/**
 * Bounds the size of strings, lists and bytes built by `+` and by function calls in a checked
 * cel-js AST.
 *
 * CEL has no loops, but each `+` can double a value (`cel.bind(a, s + s, cel.bind(b, a + a, …))`
 * or `[[x]].map(l, l + l).map(l, l + l)…`), so a few dozen AST nodes could exhaust memory.
 * cel-js has no runtime cost limit, so after type checking every `+` node's handler is wrapped
 * with a length check. This relies on cel-js 8 setting `node.handle` during the check; the
 * tests pin that behaviour.
 *
 * @module
 */
import { EvaluationError } from "@marcbachmann/cel-js";

type Handler = (left: unknown, right: unknown, ast: unknown, ev: unknown) => unknown;

interface NodeLike {
  op: string;
  args: unknown;
  handle?: Handler;
  readonly meta?: Record<string, unknown>;
}

/** Message prefix the program recognises to report `E_LIMIT_EXCEEDED`. */
export const GROWTH_LIMIT_MESSAGE = "size limit exceeded";

/**
 * Wraps the handler of every `+` node under `root` (including macro expansions) so that a
 * result longer than `maxLength` elements/characters/bytes raises an evaluation error.
 *
 * @returns the number of `+` nodes guarded
 */
export function guardConcatenation(root: unknown, maxLength: number): number {
  return forEachNode(root, (node) => {
    if (node.op === "+" && typeof node.handle === "function") {
      node.handle = limitLength(node.handle, maxLength);
      return true;
    }
    if ((node.op === "call" || node.op === "rcall") && typeof node.handle === "function") {
      // functions grow values too: `[s, s].join('')` doubles a string without a `+`
      const name = Array.isArray(node.args) && typeof node.args[0] === "string" ? node.args[0] : "call";
      node.handle = limitCallLength(node.handle as unknown as (...a: unknown[]) => unknown, name, maxLength) as unknown as Handler;
      return true;
    }
    return false;
  });
}

/**
 * Calls `onNode` once for every AST node under `root`, macro expansions and alternates included.
 *
 * @param root - the AST (or any value holding nodes)
 * @param onNode - may replace the node's handler; returns whether it did
 * @returns how many times `onNode` returned `true`
 */
function forEachNode(root: unknown, onNode: (node: NodeLike) => boolean): number {
  const seen = new Set<object>();
  let count = 0;
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (isNode(value)) {
      if (onNode(value)) count++;
      visit(value.args);
      const meta = value.meta;
      if (meta) {
        visit(meta["alternate"]);
        visit(meta["macro"]);
      }
      return;
    }
    if (Object.getPrototypeOf(value) === Object.prototype) for (const v of Object.values(value)) visit(v);
  };
  visit(root);
  return count;
}

function isNode(value: object): value is NodeLike {
  return typeof (value as Partial<NodeLike>).op === "string" && "args" in value;
}

function limitCallLength(handler: (...a: unknown[]) => unknown, name: string, maxLength: number): (...a: unknown[]) => unknown {
  return (...a) => {
    const result = handler(...a);
    const length = typeof result === "string" || Array.isArray(result) || result instanceof Uint8Array ? result.length : 0;
    if (length > maxLength) {
      throw new EvaluationError(`${GROWTH_LIMIT_MESSAGE}: ${name}() produced ${length} elements (maxConcatLength ${maxLength})`);
    }
    return result;
  };
}

function limitLength(handler: Handler, maxLength: number): Handler {
  return (left, right, ast, ev) => {
    const result = handler(left, right, ast, ev);
    const length = typeof result === "string" || Array.isArray(result) || result instanceof Uint8Array ? result.length : 0;
    if (length > maxLength) {
      throw new EvaluationError(`${GROWTH_LIMIT_MESSAGE}: \`+\` produced ${length} elements (maxConcatLength ${maxLength})`);
    }
    return result;
  };
}

/** The comprehension work left in the evaluation in progress (evaluations are synchronous). */
export const comprehensionBudget = { left: 0, max: 0 };

/** Message prefix the program recognises to report `E_LIMIT_EXCEEDED`. */
export const ITERATION_LIMIT_MESSAGE = "iteration limit exceeded";

type ComprehensionHandler = (iterable: unknown, args: unknown, ev: unknown, ctx: unknown) => unknown;

/**
 * Wraps the handler of every comprehension (`all`, `exists`, `exists_one`, `map`, `filter`)
 * under `root` so that each run charges the size of its range to {@link comprehensionBudget}
 * before iterating: nested comprehensions multiply, so `l.map(a, l.map(b, l.map(c, …)))` is
 * stopped after `maxIterations` elements instead of running for hours.
 *
 * @returns the number of comprehensions guarded
 */
export function guardComprehensions(root: unknown): number {
  return forEachNode(root, (node) => {
    if (node.op !== "comprehension" || typeof node.handle !== "function") return false;
    node.handle = chargeRange(node.handle as unknown as ComprehensionHandler) as unknown as Handler;
    return true;
  });
}

function chargeRange(handler: ComprehensionHandler): ComprehensionHandler {
  return (iterable, args, ev, ctx) => {
    const size = rangeSize(iterable);
    comprehensionBudget.left -= size;
    if (comprehensionBudget.left < 0) {
      throw new EvaluationError(`${ITERATION_LIMIT_MESSAGE}: comprehensions would visit more than maxIterations ${comprehensionBudget.max} elements`);
    }
    return handler(iterable, args, ev, ctx);
  };
}

function rangeSize(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value instanceof Map || value instanceof Set) return value.size;
  if (typeof value === "object" && value !== null) return Object.keys(value).length;
  return 1;
}
