/**
 * Per-evaluation replacements for the JSONata builtins that read the wall clock or
 * `Math.random`: `$now`, `$millis`, `$toMillis` (its picture form defaults missing date parts
 * from "now"), `$random` and `$shuffle`. They are passed as bindings, which shadow the
 * builtins, so concurrent evaluations with different contexts never share state.
 *
 * @module
 */
import jsonata from "jsonata";

/** JSONata's representation of a native function with a signature. */
interface JsonataFunction {
  readonly _jsonata_function: true;
  readonly implementation: (this: jsonata.Focus, ...args: unknown[]) => unknown;
  readonly signature: unknown;
}

interface Originals {
  readonly fromMillis: JsonataFunction;
  readonly toMillis: JsonataFunction;
  readonly shuffle: JsonataFunction;
}

let originals: Promise<Originals> | undefined;

/** Reads the original builtin definitions once (lazily, so importing has no side effect). */
function loadOriginals(): Promise<Originals> {
  originals ??= jsonata("{'fromMillis': $fromMillis, 'toMillis': $toMillis, 'shuffle': $shuffle}").evaluate({}) as Promise<Originals>;
  return originals;
}

/**
 * Builds the bindings that make one evaluation deterministic.
 *
 * @param now - the instant `$now()`/`$millis()` return
 * @param rng - the random source for `$random()`/`$shuffle()`
 */
export async function deterministicBindings(now: Date, rng: () => number): Promise<Record<string, unknown>> {
  const { fromMillis, toMillis, shuffle } = await loadOriginals();
  const millis = now.getTime();
  return {
    now(this: jsonata.Focus, picture?: unknown, timezone?: unknown) {
      return fromMillis.implementation.call(this, millis, picture, timezone);
    },
    millis: () => millis,
    toMillis: {
      ...toMillis,
      implementation(this: jsonata.Focus, ...args: unknown[]) {
        const environment = Object.create(this.environment, { timestamp: { value: new Date(millis) } }) as jsonata.Environment;
        return toMillis.implementation.call({ environment, input: this.input }, ...args);
      },
    },
    random: () => rng(),
    shuffle: { ...shuffle, implementation: (arr: unknown) => shuffled(arr, rng) },
  };
}

/** JSONata's inside-out Fisher–Yates shuffle with an injected random source. */
function shuffled(arr: unknown, rng: () => number): unknown {
  if (!Array.isArray(arr) || arr.length <= 1) return arr;
  const result: unknown[] = new Array<unknown>(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const j = Math.floor(rng() * (i + 1));
    if (i !== j) result[i] = result[j];
    result[j] = arr[i];
  }
  return result;
}
