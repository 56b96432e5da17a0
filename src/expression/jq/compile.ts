/**
 * Compiles a jq AST to closures in continuation-passing style: each node becomes
 * `(input, env, emit) => void`, plus a direct `(input, env) => value` form for nodes known
 * to yield exactly one value. The AST is never walked at evaluation time.
 *
 * @module
 */
import type { Node, ObjectEntry } from "./ast.js";
import { type BuiltinContext, lookupBuiltin } from "./builtins.js";
import { JqRuntimeError, fail, unsupported } from "./errors.js";
import type { Evaluation } from "../types.js";
import { compileFieldPath } from "./field-path.js";
import { encodeJson } from "./json.js";
import { binary, index, iterValues, negate, slice } from "./ops.js";
import { type Compiled, type Emit, type Env, type Fn, fromRun, fromSingle, guard, lookup, tick } from "./runtime.js";
import { type Value, getOwn, isObject, newObject, setOwn, truthy } from "./values.js";

/** Compile-time scope: variable names, innermost last. */
type Scope = readonly string[];

/**
 * Compiles a parsed query.
 *
 * @param node - the AST root
 * @param source - the query text (for error positions)
 * @returns the compiled closure pair
 * @throws StagecraftError `E_JQ_UNSUPPORTED` for unknown functions or variables
 */
export function compileNode(node: Node, source: string): Compiled {
  return new Compiler(source).compile(node, []);
}

/**
 * When the query starts by iterating a single value (`.a.b.[] | ...`, `.a.[].b`), returns that value's
 * getter: if it is not iterable, the evaluation fails before producing anything, which the
 * program checks up front instead of throwing (KWOK's common "condition missing" case).
 *
 * @param node - the AST root
 * @param source - the query text
 * @returns the getter of the iterated value, or null
 */
export function leadingIterationTarget(node: Node, source: string): ((input: Value) => Value) | null {
  let head = node;
  for (;;) {
    if (head.type === "Pipe") head = head.left;
    else if (head.type === "Index" && head.optional !== true && head.key.type === "Literal") head = head.target;
    else break;
  }
  if (head.type !== "Iterate" || head.optional === true) return null;
  const single = new Compiler(source).compile(head.target, []).single;
  return single === null ? null : (input) => single(input, null);
}

class Compiler implements BuiltinContext {
  constructor(readonly source: string) {}

  compile(node: Node, scope: Scope): Compiled {
    switch (node.type) {
      case "Identity":
        return fromSingle((i) => i);
      case "Literal": {
        const value = node.value;
        return fromSingle(() => value);
      }
      case "Index":
        if (node.optional === true) return this.optional(this.compile(node.target, scope), this.compile(node.key, scope), index);
        return this.compileIndex(node.target, node.key, scope);
      case "Slice":
        if (node.optional === true) return this.compileOptionalSlice(node.target, node.from, node.to, scope);
        return this.compileSlice(node.target, node.from, node.to, scope);
      case "Iterate": {
        const target = this.compile(node.target, scope);
        if (node.optional === true) return fromRun(iterateOptional(target));
        return fromRun(iterate(target));
      }
      case "Pipe":
        return this.compilePipe(this.compile(node.left, scope), this.compile(node.right, scope));
      case "Comma": {
        const l = this.compile(node.left, scope).run;
        const r = this.compile(node.right, scope).run;
        return fromRun((i, e, emit) => {
          l(i, e, emit);
          r(i, e, emit);
        });
      }
      case "Binary": {
        const op = node.op;
        return this.combine2(this.compile(node.left, scope), this.compile(node.right, scope), (l, r) => binary(op, l, r));
      }
      case "And":
      case "Or":
        return this.compileLogic(node.type, this.compile(node.left, scope), this.compile(node.right, scope));
      case "Alt":
        return this.compileAlt(this.compile(node.left, scope), this.compile(node.right, scope));
      case "Neg":
        return this.map1(this.compile(node.operand, scope), negate);
      case "Array":
        return this.compileArray(node.body === null ? null : this.compile(node.body, scope).run);
      case "Object":
        return this.compileObject(node.entries, scope, node.offset);
      case "Str":
        return this.compileString(node.parts, scope);
      case "If":
        return this.compileIf(node.cond, node.then, node.else, scope);
      case "Try":
        return this.compileTry(this.compile(node.body, scope).run, node.handler === null ? null : this.compile(node.handler, scope).run);
      case "Reduce":
        return this.compileReduce(node, scope);
      case "Foreach":
        return this.compileForeach(node, scope);
      case "Bind": {
        const src = this.compile(node.source, scope);
        const body = this.compile(node.body, [...scope, node.name]).run;
        const ss = src.single;
        if (ss !== null) return fromRun((i, e, emit) => body(i, { value: ss(i, e), next: e }, emit));
        const sr = src.run;
        return fromRun((i, e, emit) => sr(i, e, (v) => body(i, { value: v, next: e }, emit)));
      }
      case "Var": {
        const pos = scope.lastIndexOf(node.name);
        if (pos < 0) throw unsupported(this.source, node.offset, `jq variable "$${node.name}" (not defined)`);
        const depth = scope.length - 1 - pos;
        if (depth === 0) return fromSingle((_i, e) => (e as Env).value);
        return fromSingle((_i, e) => lookup(e, depth));
      }
      case "RecurseAll":
        return fromRun(recurseAll);
      case "Call": {
        const builtin = lookupBuiltin(node.name, node.args.length);
        if (builtin === undefined) throw unsupported(this.source, node.offset, `jq function "${node.name}/${node.args.length}"`);
        return builtin(
          node.args.map((a) => this.compile(a, scope)),
          this,
        );
      }
    }
  }

  private compileIndex(target: Node, key: Node, scope: Scope): Compiled {
    const path = literalPath(target, key);
    if (path !== null) return fromSingle(compileFieldPath(path, NULL_EVALUATION, unreachable, index).single);
    return this.combine2(this.compile(target, scope), this.compile(key, scope), index);
  }

  private compileSlice(target: Node, from: Node | null, to: Node | null, scope: Scope): Compiled {
    const t = this.compile(target, scope);
    const f = from === null ? fromSingle(() => null) : this.compile(from, scope);
    const g = to === null ? fromSingle(() => null) : this.compile(to, scope);
    const ts = t.single;
    const fs = f.single;
    const gs = g.single;
    if (ts !== null && fs !== null && gs !== null) return fromSingle((i, e) => slice(ts(i, e), fs(i, e), gs(i, e)));
    return fromRun((i, e, emit) => f.run(i, e, (a) => g.run(i, e, (b) => t.run(i, e, (v) => emit(slice(v, a, b))))));
  }

  /** `t[k]?`: like {@link combine2} with `index`, dropping failures of the indexing itself. */
  private optional(target: Compiled, key: Compiled, f: (t: Value, k: Value) => Value): Compiled {
    const t = target.run;
    const k = key.run;
    return fromRun((i, e, emit) =>
      k(i, e, (kv) =>
        t(i, e, (tv) => {
          let out: Value;
          try {
            out = f(tv, kv);
          } catch (err) {
            if (err instanceof JqRuntimeError) return;
            throw err;
          }
          emit(out);
        }),
      ),
    );
  }

  private compileOptionalSlice(target: Node, from: Node | null, to: Node | null, scope: Scope): Compiled {
    const bounds = this.combine2(
      from === null ? fromSingle(() => null) : this.compile(from, scope),
      to === null ? fromSingle(() => null) : this.compile(to, scope),
      (a, b) => [a, b],
    );
    return this.optional(this.compile(target, scope), bounds, (v, ab) => slice(v, (ab as Value[])[0], (ab as Value[])[1]));
  }

  private compilePipe(left: Compiled, right: Compiled): Compiled {
    const ls = left.single;
    const rs = right.single;
    if (ls !== null && rs !== null) return fromSingle((i, e) => rs(ls(i, e), e));
    const guard = left.select;
    if (guard !== undefined && rs !== null) return fromRun((i, e, emit) => (truthy(guard(i, e)) ? emit(rs(i, e)) : undefined));
    const r = right.run;
    if (ls !== null) return fromRun((i, e, emit) => r(ls(i, e), e, emit));
    const l = left.run;
    if (rs !== null) return fromRun((i, e, emit) => l(i, e, (v) => emit(rs(v, e))));
    return fromRun((i, e, emit) => l(i, e, (v) => r(v, e, emit)));
  }

  /** Applies `f` to every pair of outputs, the right operand in the outer loop (jq's order). */
  combine2(left: Compiled, right: Compiled, f: (l: Value, r: Value) => Value): Compiled {
    const ls = left.single;
    const rs = right.single;
    if (ls !== null && rs !== null) return fromSingle((i, e) => f(ls(i, e), rs(i, e)));
    const l = left.run;
    const r = right.run;
    return fromRun((i, e, emit) => r(i, e, (b) => l(i, e, (a) => emit(f(a, b)))));
  }

  /** Applies `f` to each output of `arg`. */
  map1(arg: Compiled, f: (v: Value) => Value): Compiled {
    const s = arg.single;
    if (s !== null) return fromSingle((i, e) => f(s(i, e)));
    const r = arg.run;
    return fromRun((i, e, emit) => r(i, e, (v) => emit(f(v))));
  }

  private compileLogic(kind: "And" | "Or", left: Compiled, right: Compiled): Compiled {
    const isAnd = kind === "And";
    const ls = left.single;
    const rs = right.single;
    if (ls !== null && rs !== null) {
      return fromSingle(isAnd ? (i, e) => truthy(ls(i, e)) && truthy(rs(i, e)) : (i, e) => truthy(ls(i, e)) || truthy(rs(i, e)));
    }
    const l = left.run;
    const r = right.run;
    return fromRun((i, e, emit) =>
      l(i, e, (a) => {
        if (truthy(a) !== isAnd) emit(!isAnd);
        else r(i, e, (b) => emit(truthy(b)));
      }),
    );
  }

  private compileAlt(left: Compiled, right: Compiled): Compiled {
    const l = left.run;
    const r = right.run;
    return fromRun((i, e, emit) => {
      let any = false;
      l(i, e, (v) => {
        if (truthy(v)) {
          any = true;
          emit(v);
        }
      });
      if (!any) r(i, e, emit);
    });
  }

  compileArray(body: Fn | null): Compiled {
    if (body === null) return fromSingle(() => []);
    return fromSingle((i, e) => {
      const out: Value[] = [];
      body(i, e, (v) => {
        out.push(v);
      });
      tick(out.length >> 4);
      return out;
    });
  }

  private compileObject(entries: readonly ObjectEntry[], scope: Scope, offset: number): Compiled {
    const parts = entries.map((en) => this.compileEntry(en, scope, offset));
    if (parts.every((p) => p.key.single !== null && p.value.single !== null)) {
      const ks = parts.map((p) => p.key.single as (i: Value, e: Env | null) => Value);
      const vs = parts.map((p) => p.value.single as (i: Value, e: Env | null) => Value);
      return fromSingle((i, e) => {
        const out = newObject();
        for (let n = 0; n < ks.length; n++) setOwn(out, objectKey((ks[n] as (i: Value, e: Env | null) => Value)(i, e)), (vs[n] as (i: Value, e: Env | null) => Value)(i, e));
        return out;
      });
    }
    return fromRun((i, e, emit) => {
      const pairs: [string, Value][] = [];
      const step = (n: number): void => {
        const p = parts[n];
        if (p === undefined) {
          const out = newObject();
          for (const [k, v] of pairs) setOwn(out, k, v);
          emit(out);
          return;
        }
        p.key.run(i, e, (k) => {
          const key = objectKey(k);
          p.value.run(i, e, (v) => {
            pairs[n] = [key, v];
            step(n + 1);
          });
        });
      };
      step(0);
    });
  }

  private compileEntry(en: ObjectEntry, scope: Scope, offset: number): { key: Compiled; value: Compiled } {
    if (en.variable !== undefined) {
      const name = en.variable;
      return { key: fromSingle(() => name), value: this.compile({ type: "Var", name, offset }, scope) };
    }
    const key = typeof en.key === "string" ? fromSingle(((k: string) => () => k)(en.key)) : this.compile(en.key, scope);
    if (en.value !== null) return { key, value: this.compile(en.value, scope) };
    if (typeof en.key === "string") {
      const k = en.key;
      return { key, value: fromSingle((i) => index(i, k)) };
    }
    return { key, value: this.combine2(fromSingle((i) => i), key, index) };
  }

  private compileString(parts: readonly (string | Node)[], scope: Scope): Compiled {
    const compiled = parts.map((p) => (typeof p === "string" ? fromSingle(() => p) : this.map1(this.compile(p, scope), (v) => (typeof v === "string" ? v : encodeJson(v)))));
    if (compiled.every((c) => c.single !== null)) {
      const ss = compiled.map((c) => c.single as (i: Value, e: Env | null) => Value);
      return fromSingle((i, e) => {
        let out = "";
        for (const s of ss) out += s(i, e) as string;
        return out;
      });
    }
    return fromRun((i, e, emit) => {
      const vals: string[] = new Array<string>(compiled.length);
      const step = (n: number): void => {
        if (n < 0) {
          emit(vals.join(""));
          return;
        }
        (compiled[n] as Compiled).run(i, e, (v) => {
          vals[n] = v as string;
          step(n - 1);
        });
      };
      step(compiled.length - 1);
    });
  }

  private compileIf(cond: Node, then: Node, otherwise: Node | null, scope: Scope): Compiled {
    const c = this.compile(cond, scope);
    const t = this.compile(then, scope);
    const f = otherwise === null ? fromSingle((i) => i) : this.compile(otherwise, scope);
    const cs = c.single;
    const ts = t.single;
    const fs = f.single;
    if (cs !== null && ts !== null && fs !== null) return fromSingle((i, e) => (truthy(cs(i, e)) ? ts(i, e) : fs(i, e)));
    const tr = t.run;
    const fr = f.run;
    return fromRun((i, e, emit) => c.run(i, e, (v) => (truthy(v) ? tr(i, e, emit) : fr(i, e, emit))));
  }

  private compileTry(body: Fn, handler: Fn | null): Compiled {
    return fromRun((i, e, emit) =>
      guard(
        (out) => body(i, e, out),
        emit,
        (err) => {
          if (handler !== null && err !== null) handler(err, e, emit);
        },
      ),
    );
  }

  private compileReduce(node: Extract<Node, { type: "Reduce" }>, scope: Scope): Compiled {
    const src = this.compile(node.source, scope).run;
    const init = this.compile(node.init, scope).run;
    const update = this.compile(node.update, [...scope, node.name]).run;
    return fromSingle((i, e) => {
      let acc: Value = null;
      init(i, e, (v) => {
        acc = v;
      });
      src(i, e, (x) => {
        tick(1);
        const frame: Env = { value: x, next: e };
        update(acc, frame, (v) => {
          acc = v;
        });
      });
      return acc;
    });
  }

  private compileForeach(node: Extract<Node, { type: "Foreach" }>, scope: Scope): Compiled {
    const src = this.compile(node.source, scope).run;
    const init = this.compile(node.init, scope).run;
    const inner = [...scope, node.name];
    const update = this.compile(node.update, inner).run;
    const extract = node.extract === null ? null : this.compile(node.extract, inner).run;
    return fromRun((i, e, emit) =>
      init(i, e, (start) => {
        let acc = start;
        src(i, e, (x) => {
          tick(1);
          const frame: Env = { value: x, next: e };
          update(acc, frame, (v) => {
            acc = v;
            if (extract === null) emit(v);
            else extract(v, frame, emit);
          });
        });
      }),
    );
  }
}

function objectKey(k: Value): string {
  if (typeof k === "string") return k;
  return fail(`expected a string for object key but got: ${k === null ? "null" : `${Array.isArray(k) ? "array" : typeof k === "bigint" ? "number" : typeof k} (${encodeJson(k)})`}`);
}

/**
 * The keys of a query that is nothing but a chain of literal field accesses on its input
 * (`.a.b["c"]`, no `?`), or null.
 *
 * @param node - the AST root
 * @returns the keys, outermost first
 */
export function fieldPath(node: Node): string[] | null {
  if (node.type !== "Index" || node.optional === true) return null;
  return literalPath(node.target, node.key);
}

/** `.a.b["c"]` chains of literal string keys on the input (none optional), as a key list. */
function literalPath(target: Node, key: Node): string[] | null {
  if (key.type !== "Literal" || typeof key.value !== "string") return null;
  if (target.type === "Identity") return [key.value];
  if (target.type !== "Index" || target.optional === true) return null;
  const inner = literalPath(target.target, target.key);
  return inner === null ? null : [...inner, key.value];
}

/** The field path evaluations are not used inside a query: placeholders. */
const NULL_EVALUATION: Evaluation = { ok: true, values: [null] };
function unreachable(): never {
  throw new Error("jq: internal error: field path evaluation used inside a query");
}

function iterate(target: Compiled): Fn {
  const ts = target.single;
  const each = (v: Value, emit: Emit): void => {
    if (Array.isArray(v)) {
      tick(v.length);
      for (let n = 0; n < v.length; n++) emit(v[n] === undefined ? null : v[n]);
    } else {
      const vals = iterValues(v);
      tick(vals.length);
      for (const x of vals) emit(x);
    }
  };
  if (ts !== null) return (i, e, emit) => each(ts(i, e), emit);
  const tr = target.run;
  return (i, e, emit) => tr(i, e, (v) => each(v, emit));
}

function iterateOptional(target: Compiled): Fn {
  const tr = target.run;
  return (i, e, emit) =>
    tr(i, e, (v) => {
      if (Array.isArray(v) || isObject(v)) {
        const vals = iterValues(v);
        tick(vals.length);
        for (const x of vals) emit(x);
      }
    });
}

/** `..`: the input and every value below it, depth first, object values in key order. */
export function recurseAll(v: Value, _e: Env | null, emit: Emit): void {
  tick(1);
  emit(v);
  if (Array.isArray(v)) for (const x of v) recurseAll(x === undefined ? null : x, null, emit);
  else if (isObject(v)) for (const x of iterValues(v)) recurseAll(x, null, emit);
}
