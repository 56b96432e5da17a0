/**
 * Evaluation of pipelines, commands, fields, variables and function calls, after Go's
 * `text/template/exec.go`.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../../errors.js";
import type { ArgumentNode, ChainNode, CommandNode, IdentifierNode, NumberNode, PipeNode } from "../ast-operands.js";
import type { TemplateNode } from "../ast.js";
import { formatTemplateNode } from "../format.js";
import { GO_BUILTIN_FUNCTIONS } from "./builtins.js";
import { type GoFunction, type GoParamType, convertValue, goParamTypeName, toGoFunction } from "./function-map.js";
import type { ExecState } from "./state.js";
import { GoObject, MISSING, isGoMap, isTrue } from "./values.js";

/** Marks "no final argument" (Go's `missingVal`). */
const NO_FINAL = undefined;

/**
 * Evaluates a pipeline and binds its declared variables.
 * @param s - the execution state
 * @param dot - the value of dot
 * @param pipe - the pipeline, or null
 * @returns the value of the pipeline (null becomes MISSING, as Go unwraps nil interfaces)
 * @example
 * ```ts
 * const value = evalPipeline(state, dot, action.pipe);
 * ```
 * @category Template
 */
export function evalPipeline(s: ExecState, dot: unknown, pipe: PipeNode | null): unknown {
  if (pipe === null) return MISSING;
  s.at(pipe);
  let value: unknown = NO_FINAL;
  for (const cmd of pipe.cmds) {
    value = evalCommand(s, dot, cmd, value);
    if (value === null || value === undefined) value = MISSING;
  }
  for (const variable of pipe.decl) {
    const name = variable.ident[0] as string;
    if (pipe.isAssign) s.setVar(name, value);
    else s.push(name, value);
  }
  return value;
}

function notAFunction(s: ExecState, args: readonly ArgumentNode[], final: unknown): void {
  if (args.length > 1 || final !== NO_FINAL) s.fail(`can't give argument to non-function ${formatTemplateNode(args[0] as ArgumentNode)}`);
}

function evalCommand(s: ExecState, dot: unknown, cmd: CommandNode, final: unknown): unknown {
  const first = cmd.args[0] as ArgumentNode;
  switch (first.kind) {
    case "field": return evalFieldChain(s, dot, dot, first, first.ident, cmd.args, final, s.dotBoxed);
    case "chain": return evalChain(s, dot, first, cmd.args, final);
    case "identifier": return evalFunction(s, dot, first, cmd, final);
    case "pipe":
      notAFunction(s, cmd.args, final);
      return evalPipeline(s, dot, first);
    case "variable": {
      const value = s.varValue(first.ident[0] as string);
      if (first.ident.length === 1) {
        notAFunction(s, cmd.args, final);
        return value;
      }
      return evalFieldChain(s, dot, value, first, first.ident.slice(1), cmd.args, final);
    }
    default:
  }
  s.at(first);
  notAFunction(s, cmd.args, final);
  switch (first.kind) {
    case "bool": return first.value;
    case "dot": return dot;
    case "nil": return s.fail("nil is not a command");
    case "number": return idealConstant(s, first);
    case "string": return first.text;
  }
}

function idealConstant(s: ExecState, n: NumberNode): unknown {
  s.at(n);
  const isFloatText = /[.eEpP]/.test(n.text) && !/^0[xX]/.test(n.text.replace(/^[-+]/, ""));
  if (n.text.startsWith("'")) return n.int64;
  if (n.float64 !== undefined && isFloatText) return n.float64;
  if (n.int64 !== undefined) return n.int64;
  if (n.float64 !== undefined && /[.eEpP]/.test(n.text)) return n.float64;
  if (n.uint64 !== undefined) return s.fail(`${n.text} overflows int`);
  return n.float64 ?? s.fail(`${n.text} overflows int`);
}

function evalChain(s: ExecState, dot: unknown, chain: ChainNode, args: readonly ArgumentNode[], final: unknown): unknown {
  if (chain.node.kind === "nil") s.fail(`indirection through explicit nil in ${formatTemplateNode(chain)}`);
  const pipe = evalArg(s, dot, "value", chain.node);
  return evalFieldChain(s, dot, pipe, chain, chain.fields, args, final);
}

function evalFieldChain(
  s: ExecState,
  dot: unknown,
  receiver: unknown,
  node: TemplateNode,
  ident: readonly string[],
  args: readonly ArgumentNode[],
  final: unknown,
  boxed = false,
): unknown {
  s.at(node);
  const n = ident.length;
  let r = receiver;
  for (let i = 0; i < n - 1; i++) r = evalField(s, ident[i] as string, r, false, i > 0 || boxed);
  return evalField(s, ident[n - 1] as string, r, args.length > 1 || final !== NO_FINAL, n > 1 || boxed);
}

function evalField(s: ExecState, name: string, receiver: unknown, hasArgs: boolean, boxed: boolean): unknown {
  if (receiver === MISSING || receiver === undefined) return MISSING;
  if (receiver === null) return s.fail(`nil pointer evaluating interface {}.${name}`);
  if (isGoMap(receiver)) {
    if (hasArgs) s.fail(`${name} is not a method but has arguments`);
    return Object.hasOwn(receiver, name) ? receiver[name] : MISSING;
  }
  if (receiver instanceof GoObject) {
    const result = hasArgs ? undefined : receiver.goMethod(name);
    if (result !== undefined) return result;
    return s.fail(`can't evaluate field ${name} in type ${receiver.goType}`);
  }
  return s.fail(`can't evaluate field ${name} in type ${boxed ? "interface {}" : typeForField(receiver)}`);
}

function typeForField(v: unknown): string {
  if (Array.isArray(v)) return "[]interface {}";
  switch (typeof v) {
    case "string": return "string";
    case "boolean": return "bool";
    case "bigint": return "int";
    case "number": return "float64";
    default: return "json.Number";
  }
}

function lookupFunction(s: ExecState, name: string): { fn: GoFunction; builtin: boolean } {
  const own = s.functions[name];
  if (own !== undefined && Object.hasOwn(s.functions, name)) return { fn: toGoFunction(own), builtin: false };
  const builtin = GO_BUILTIN_FUNCTIONS[name];
  if (builtin !== undefined && Object.hasOwn(GO_BUILTIN_FUNCTIONS, name)) return { fn: toGoFunction(builtin), builtin: true };
  return s.fail(`function "${name}" not defined`);
}

function evalFunction(s: ExecState, dot: unknown, node: IdentifierNode, cmd: CommandNode, final: unknown): unknown {
  s.at(node);
  const { fn, builtin } = lookupFunction(s, node.name);
  return evalCall(s, dot, fn, builtin, cmd, node.name, cmd.args.slice(1), final);
}

function evalCall(s: ExecState, dot: unknown, fn: GoFunction, builtin: boolean, cmd: CommandNode, name: string, args: readonly ArgumentNode[], final: unknown): unknown {
  const numIn = args.length + (final !== NO_FINAL ? 1 : 0);
  const numParams = fn.params.length;
  if (fn.variadic !== undefined) {
    if (numIn < numParams) s.fail(`wrong number of args for ${name}: want at least ${numParams} got ${numIn}`);
  } else if (numIn !== numParams) {
    s.fail(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);
  }
  if (builtin && (name === "and" || name === "or")) {
    let v: unknown = MISSING;
    for (const arg of args) {
      v = evalArg(s, dot, "value", arg);
      if (isTrue(v) === (name === "or")) return v;
    }
    if (final !== NO_FINAL) v = final;
    return v;
  }
  const argv: unknown[] = [];
  const typeAt = (i: number): GoParamType => (i < numParams ? (fn.params[i] as GoParamType) : (fn.variadic as GoParamType));
  args.forEach((arg, i) => argv.push(evalArg(s, dot, typeAt(i), arg)));
  if (final !== NO_FINAL) {
    const c = convertValue(final, typeAt(args.length));
    if (!c.ok) s.fail(c.message);
    argv.push(c.value);
  }
  let result: unknown;
  try {
    result = (fn.fn as (...a: unknown[]) => unknown)(...argv);
  } catch (error) {
    if (error instanceof StagecraftError && error.code === ErrorCode.LimitExceeded && error.rawMessage.startsWith("limit exceeded: ")) {
      // a function's own bound (checkValueLength): report it at the call, as Go locates errors
      s.at(cmd);
      return s.limit(error.rawMessage.slice("limit exceeded: ".length));
    }
    if (isControl(error)) throw error;
    s.at(cmd);
    if (error instanceof RangeError) return s.limit(`${name}: ${error.message}`);
    return s.fail(`error calling ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if ((typeof result === "string" || Array.isArray(result)) && result.length > s.maxValueLength) {
    s.at(cmd);
    s.limit(`${name} returned a value of length ${result.length}, more than maxValueLength ${s.maxValueLength}`);
  }
  return result;
}

function isControl(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "StagecraftError";
}

/**
 * Evaluates one argument for a parameter of the given type (Go's `evalArg`).
 * @param s - the execution state
 * @param dot - the value of dot
 * @param type - the parameter type
 * @param n - the argument node
 * @returns the converted argument
 * @example
 * ```ts
 * const s = evalArg(state, dot, "string", node);
 * ```
 * @category Template
 */
export function evalArg(s: ExecState, dot: unknown, type: GoParamType, n: ArgumentNode): unknown {
  s.at(n);
  let value: unknown;
  switch (n.kind) {
    case "dot": value = dot; break;
    case "nil":
      if (type === "any" || type === "value" || type === "list" || type === "map") return type === "value" ? null : null;
      return s.fail(`cannot assign nil to ${goParamTypeName(type)}`);
    case "field": value = evalFieldChain(s, dot, dot, n, n.ident, [n], NO_FINAL, s.dotBoxed); break;
    case "variable": value = evalCommand(s, dot, { kind: "command", pos: n.pos, args: [n] }, NO_FINAL); break;
    case "pipe": value = evalPipeline(s, dot, n); break;
    case "identifier": value = evalFunction(s, dot, n, { kind: "command", pos: n.pos, args: [n] }, NO_FINAL); break;
    case "chain": value = evalChain(s, dot, n, [n], NO_FINAL); break;
    default: return evalLiteral(s, type, n);
  }
  const c = convertValue(value, type);
  if (!c.ok) return s.fail(c.message);
  return c.value;
}

function evalLiteral(s: ExecState, type: GoParamType, n: ArgumentNode): unknown {
  const found = (): never => s.fail(`expected ${type === "int" ? "integer" : type === "float64" ? "float" : goParamTypeName(type)}; found ${formatTemplateNode(n)}`);
  switch (type) {
    case "any":
    case "value":
      if (n.kind === "bool") return n.value;
      if (n.kind === "string") return n.text;
      if (n.kind === "number") return idealConstant(s, n);
      return found();
    case "bool": return n.kind === "bool" ? n.value : found();
    case "string": return n.kind === "string" ? n.text : found();
    case "int":
      if (n.kind === "number" && n.int64 !== undefined) return n.int64;
      return found();
    case "float64":
      if (n.kind === "number" && n.float64 !== undefined) return n.float64;
      return found();
    default:
      return s.fail(`can't handle ${formatTemplateNode(n)} for arg of type ${goParamTypeName(type)}`);
  }
}
