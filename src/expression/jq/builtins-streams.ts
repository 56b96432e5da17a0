/**
 * Builtins that take closure arguments or produce streams: `select`, `map`, `range`,
 * `limit`, `first/1`, `any/all`, `sort_by` and friends, `recurse`, `walk`.
 *
 * @module
 */
import { JqRuntimeError, fail } from "./errors.js";
import { preview } from "./json.js";
import { iterValues } from "./ops.js";
import { type Compiled, type Emit, type Env, type Fn, Stop, fromRun, fromSingle, tick } from "./runtime.js";
import { VALUE0, cannotApply } from "./builtins-values.js";
import { type Value, compare, getOwn, isNumber, isObject, newObject, setOwn, sortedKeys, toFloat, truthy } from "./values.js";

/** Builds a builtin from its compiled arguments. */
export type BuiltinFactory = (args: readonly Compiled[]) => Compiled;

function run(c: Compiled | undefined): Fn {
  return (c as Compiled).run;
}

/** Collects the outputs of `f` on `input`. */
export function collect(f: Fn, input: Value, env: Env | null): Value[] {
  const out: Value[] = [];
  f(input, env, (v) => {
    out.push(v);
  });
  return out;
}

/** Runs `f`, stopping after the first output; returns whether one was produced. */
function firstOf(f: Fn, input: Value, env: Env | null, onValue: Emit): boolean {
  const token = {};
  let found = false;
  try {
    f(input, env, (v) => {
      found = true;
      onValue(v);
      throw new Stop(token);
    });
  } catch (e) {
    if (!(e instanceof Stop && e.token === token)) throw e;
  }
  return found;
}

function range(emit: Emit, from: Value, upto: Value, by: Value): void {
  for (const x of [from, upto, by]) if (!isNumber(x)) cannotApply("range", x);
  if (typeof from === "bigint" && typeof by === "bigint" && typeof upto === "bigint") {
    if (by > 0n) for (let x = from; x < upto; x += by) (tick(1), emit(x));
    else if (by < 0n) for (let x = from; x > upto; x += by) (tick(1), emit(x));
    return;
  }
  const intOut = typeof from === "bigint" && typeof by === "bigint";
  const f = toFloat(from as number);
  const u = toFloat(upto as number);
  const b = toFloat(by as number);
  const out = (x: number): void => {
    tick(1);
    emit(intOut ? BigInt(x) : x);
  };
  if (b > 0) for (let x = f; x < u; x += b) out(x);
  else if (b < 0) for (let x = f; x > u; x += b) out(x);
}

function sortKeyed(name: string, f: Fn, input: Value, env: Env | null): [Value, Value[]][] {
  if (!Array.isArray(input)) {
    if (isObject(input) || input === null) return cannotApply(name, input);
    return fail(`cannot iterate over: ${preview(input)}`);
  }
  tick(input.length);
  const keyed = (input as Value[]).map((x): [Value, Value[]] => [x, collect(f, x, env)]);
  return keyed.sort((a, b) => compare(a[1], b[1]));
}

function byFactory(name: string, finish: (sorted: [Value, Value[]][]) => Value): BuiltinFactory {
  return (args) => {
    const f = run(args[0]);
    return fromSingle((i, e) => finish(sortKeyed(name, f, i, e)));
  };
}

function groups(sorted: [Value, Value[]][]): Value[][] {
  const out: Value[][] = [];
  let prev: Value[] | null = null;
  for (const [x, k] of sorted) {
    if (prev !== null && compare(prev, k) === 0) (out[out.length - 1] as Value[]).push(x);
    else out.push([x]);
    prev = k;
  }
  return out;
}

function recurseWith(f: Fn, cond: Fn | null): Fn {
  const r = (v: Value, e: Env | null, emit: Emit, depth: number): void => {
    tick(1);
    if (depth > 5000) throw new RangeError("recursion too deep");
    emit(v);
    f(v, e, (x) => {
      if (cond === null) r(x, e, emit, depth + 1);
      else firstOf(cond, x, e, (c) => (truthy(c) ? r(x, e, emit, depth + 1) : undefined));
    });
  };
  return (i, e, emit) => r(i, e, emit, 0);
}

function anyAll(isAny: boolean, gen: Fn | null, cond: Fn): Fn {
  return (i, e, emit) => {
    const source: Fn = gen ?? ((v, _e, out) => iterValues(v).forEach((x) => out(x)));
    let result = !isAny;
    const token = {};
    try {
      source(i, e, (x) =>
        cond(x, e, (c) => {
          if (truthy(c) === isAny) {
            result = isAny;
            throw new Stop(token);
          }
        }),
      );
    } catch (err) {
      if (!(err instanceof Stop && err.token === token)) throw err;
    }
    emit(result);
  };
}

function mapValues(f: Fn): (v: Value, e: Env | null) => Value {
  return (v, e) => {
    if (Array.isArray(v)) {
      const out: Value[] = [];
      for (const x of v as Value[]) firstOf(f, x, e, (y) => out.push(y));
      return out;
    }
    if (!isObject(v)) return fail(`cannot iterate over: ${preview(v)}`);
    const out = newObject();
    for (const k of sortedKeys(v)) firstOf(f, getOwn(v, k), e, (y) => setOwn(out, k, y));
    return out;
  };
}

function walk(f: Fn): Fn {
  const w = (v: Value, e: Env | null, emit: Emit): void => {
    tick(1);
    let inner: Value = v;
    if (Array.isArray(v)) {
      const out: Value[] = [];
      for (const x of v as Value[]) firstOf((y, env, em) => w(y, env, em), x, e, (y) => out.push(y));
      inner = out;
    } else if (isObject(v)) {
      const out = newObject();
      for (const k of sortedKeys(v)) firstOf((y, env, em) => w(y, env, em), getOwn(v, k), e, (y) => setOwn(out, k, y));
      inner = out;
    }
    f(inner, e, emit);
  };
  return w;
}

const id: Fn = (i, _e, emit) => emit(i);
const iterAll: Fn = (i, _e, emit) => iterValues(i).forEach((x) => emit(x));

/** Builtins with closure arguments, keyed by `name/arity`. */
export const STREAMS: Readonly<Record<string, BuiltinFactory>> = {
  "empty/0": () => fromRun(() => undefined),
  "error/0": () => fromRun((i) => raise(i)),
  "error/1": (a) => fromRun((i, e) => run(a[0])(i, e, raise)),
  "select/1": (a) => {
    const f = run(a[0]);
    const s = (a[0] as Compiled).single;
    if (s !== null) return { run: (i, e, emit) => (truthy(s(i, e)) ? emit(i) : undefined), single: null, select: s };
    return fromRun((i, e, emit) => f(i, e, (c) => (truthy(c) ? emit(i) : undefined)));
  },
  "map/1": (a) => {
    const f = run(a[0]);
    return fromSingle((i, e) => {
      const out: Value[] = [];
      for (const x of iterValues(i)) f(x, e, (v) => out.push(v));
      tick(out.length);
      return out;
    });
  },
  "map_values/1": (a) => fromSingle(mapValues(run(a[0]))),
  "with_entries/1": (a) => {
    const f = run(a[0]);
    return fromSingle((i, e) => {
      const out: Value[] = [];
      for (const x of VALUE0["to_entries"]?.(i) as Value[]) f(x, e, (v) => out.push(v));
      return VALUE0["from_entries"]?.(out);
    });
  },
  "range/1": (a) => fromRun((i, e, emit) => run(a[0])(i, e, (n) => range(emit, 0n, n, 1n))),
  "range/2": (a) => fromRun((i, e, emit) => run(a[0])(i, e, (f) => run(a[1])(i, e, (u) => range(emit, f, u, 1n)))),
  "range/3": (a) =>
    fromRun((i, e, emit) => run(a[0])(i, e, (f) => run(a[1])(i, e, (u) => run(a[2])(i, e, (b) => range(emit, f, u, b))))),
  "limit/2": (a) =>
    fromRun((i, e, emit) =>
      run(a[0])(i, e, (n) => {
        if (!isNumber(n)) return cannotApply("limit", n);
        if (n <= 0) {
          if (n < 0) run(a[1])(i, e, emit);
          return;
        }
        let count = 0;
        const token = {};
        try {
          run(a[1])(i, e, (v) => {
            count++;
            emit(v);
            if (count >= n) throw new Stop(token);
          });
        } catch (err) {
          if (!(err instanceof Stop && err.token === token)) throw err;
        }
      }),
    ),
  "first/1": (a) => fromRun((i, e, emit) => void firstOf(run(a[0]), i, e, emit)),
  "last/1": (a) =>
    fromRun((i, e, emit) => {
      let last: Value = null;
      run(a[0])(i, e, (v) => {
        last = v;
      });
      emit(last);
    }),
  "nth/2": (a) =>
    fromRun((i, e, emit) =>
      run(a[0])(i, e, (n) => {
        if (!isNumber(n)) return cannotApply("nth", n);
        if (n < 0) raise("nth doesn't support negative indices");
        let k = 0;
        const target = Math.floor(Number(n));
        firstOf((v, env, out) => run(a[1])(v, env, (x) => (k++ === target ? out(x) : undefined)), i, e, emit);
      }),
    ),
  "isempty/1": (a) => fromRun((i, e, emit) => emit(!firstOf(run(a[0]), i, e, () => undefined))),
  "any/0": () => fromRun(anyAll(true, null, id)),
  "all/0": () => fromRun(anyAll(false, null, id)),
  "any/1": (a) => fromRun(anyAll(true, null, run(a[0]))),
  "all/1": (a) => fromRun(anyAll(false, null, run(a[0]))),
  "any/2": (a) => fromRun(anyAll(true, run(a[0]), run(a[1]))),
  "all/2": (a) => fromRun(anyAll(false, run(a[0]), run(a[1]))),
  "IN/1": (a) => fromRun((i, e, emit) => anyAll(true, run(a[0]), (x, _e, out) => out(x === i || compare(x, i) === 0))(i, e, emit)),
  "IN/2": (a) =>
    fromRun((i, e, emit) => anyAll(true, run(a[0]), (x, env, out) => run(a[1])(i, env, (y) => out(compare(x, y) === 0)))(i, e, emit)),
  "recurse/0": () => fromRun(recurseWith(tryIter, null)),
  "recurse/1": (a) => fromRun(recurseWith(run(a[0]), null)),
  "recurse/2": (a) => fromRun(recurseWith(run(a[0]), run(a[1]))),
  "until/2": (a) => {
    const cond = run(a[0]);
    const next = run(a[1]);
    const u = (v: Value, e: Env | null, emit: Emit): void => {
      tick(1);
      cond(v, e, (c) => (truthy(c) ? emit(v) : next(v, e, (x) => u(x, e, emit))));
    };
    return fromRun(u);
  },
  "while/2": (a) => {
    const cond = run(a[0]);
    const update = run(a[1]);
    const w = (v: Value, e: Env | null, emit: Emit): void => {
      tick(1);
      cond(v, e, (c) => {
        if (!truthy(c)) return;
        emit(v);
        update(v, e, (x) => w(x, e, emit));
      });
    };
    return fromRun(w);
  },
  "walk/1": (a) => fromRun(walk(run(a[0]))),
  "sort_by/1": byFactory("sort_by", (s) => s.map(([x]) => x)),
  "group_by/1": byFactory("group_by", groups),
  "unique_by/1": byFactory("unique_by", (s) => groups(s).map((g) => g[0])),
  "min_by/1": byFactory("min_by", (s) => (s.length === 0 ? null : (s[0] as [Value, Value[]])[0])),
  "max_by/1": byFactory("max_by", (s) => (s.length === 0 ? null : (s[s.length - 1] as [Value, Value[]])[0])),
  "values/0": filter((v) => v !== null),
  "nulls/0": filter((v) => v === null),
  "booleans/0": filter((v) => typeof v === "boolean"),
  "numbers/0": filter(isNumber),
  "strings/0": filter((v) => typeof v === "string"),
  "arrays/0": filter(Array.isArray),
  "objects/0": filter(isObject),
  "iterables/0": filter((v) => Array.isArray(v) || isObject(v)),
  "scalars/0": filter((v) => !Array.isArray(v) && !isObject(v)),
};

const tryIter: Fn = (i, e, emit) => {
  if (Array.isArray(i) || isObject(i)) iterAll(i, e, emit);
};

function filter(p: (v: Value) => boolean): BuiltinFactory {
  return () => fromRun((i, _e, emit) => (p(i) ? emit(i) : undefined));
}

function raise(v: Value): void {
  if (v === null) return; // gojq 0.12.11: error(null) behaves like empty
  throw new JqRuntimeError(v);
}
