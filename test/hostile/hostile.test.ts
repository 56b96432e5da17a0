/**
 * Runs the hostile-input corpus (`test/hostile/cases/*.json`, described in README.md): every
 * case ends with its expected typed error (code and message fragment) or its expected safe
 * result, leaves the prototypes of built-in objects untouched and does not mutate its
 * (deep-frozen) inputs. Work is bounded by the library's limits, not by wall-clock assertions:
 * elapsed times are only recorded (printed with `HOSTILE_TIMES=1`); the vitest timeout is a
 * hang guard.
 */
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { isStagecraftError } from "../../src/index.js";
import { isStoreError } from "../../src/store/errors.js";
import { build, deepFreeze, readCorpus, runCase, show, storeTrace } from "./corpus.js";

const corpus = readCorpus(fileURLToPath(new URL("./cases", import.meta.url)));
const times: string[] = [];

function prototypes(): string {
  const names = (o: object) => Object.getOwnPropertyNames(o).sort().join(",");
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(names).join("|");
}
const PROTOTYPES = prototypes();

function describeError(e: unknown): string {
  if (isStagecraftError(e)) return `${e.code}: ${e.message.slice(0, 300)}`;
  if (isStoreError(e)) return `store ${e.reason}: ${e.message.slice(0, 300)}`;
  return `foreign ${(e as Error)?.constructor?.name}: ${String((e as Error)?.message ?? e).slice(0, 300)}`;
}

describe("hostile-input corpus", () => {
  it("has at least 100 cases with unique names", () => {
    const names = corpus.flatMap((f) => f.cases.map((c) => `${f.category}/${c.name}`));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(100);
  });

  for (const file of corpus) {
    describe(file.category, () => {
      for (const c of file.cases) {
        it(c.name, { timeout: 60_000 }, async () => {
          const input = deepFreeze(build(c.input));
          const data = deepFreeze(build(c.data));
          const started = performance.now();
          let outcome: Awaited<ReturnType<typeof runCase>> | undefined;
          let error: unknown;
          try {
            outcome = await runCase(c, input, data);
          } catch (e) {
            error = e;
          }
          times.push(`${(performance.now() - started).toFixed(0).padStart(6)} ms  ${file.category}/${c.name}`);
          // nothing reached the prototypes of built-in objects
          expect(prototypes()).toBe(PROTOTYPES);
          expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
          const want = c.expect;
          if ("code" in want || "storeError" in want) {
            expect(outcome === undefined ? describeError(error) : `no error, got ${show("value" in outcome ? outcome.value : outcome)}`.slice(0, 300)).toMatch(
              "code" in want ? new RegExp(`^${want.code}: `) : new RegExp(`^store ${want.storeError}: `),
            );
            if (want.message !== undefined) expect((error as Error).message).toContain(want.message);
          } else {
            if (outcome === undefined) expect.fail(`unexpected error ${describeError(error)}`);
            if ("issues" in want) {
              const issues = "issues" in outcome ? outcome.issues : [];
              expect(issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(want.issues);
              if (want.message !== undefined) expect(issues.map((i) => i.message).join("\n")).toContain(want.message);
              if (want.stages !== undefined) expect("stages" in outcome ? outcome.stages : undefined).toBe(want.stages);
            } else {
              const value = "value" in outcome ? outcome.value : undefined;
              if ("valueSize" in want) expect(show(value).length).toBe(want.valueSize);
              else expect(JSON.parse(show(value))).toEqual(want.value);
              for (const key of c.ownKeys ?? []) {
                const target = Array.isArray(value) ? value[0] : value;
                expect(Object.prototype.hasOwnProperty.call(target, key), `own key ${key}`).toBe(true);
              }
            }
          }
          if (c.unchanged === true) expect(storeTrace.after).toBe(storeTrace.before);
          // generous: a case that escaped its bounds would exhaust the heap long before this
          expect(process.memoryUsage().heapUsed).toBeLessThan(1536 * 1024 * 1024);
        });
      }
    });
  }

  afterAll(() => {
    if (process.env["HOSTILE_TIMES"]) console.log(times.sort().reverse().join("\n"));
  });
});
