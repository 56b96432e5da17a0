/**
 * Compiles a Stage selector into a {@link CompiledSelector} that evaluates its terms in KWOK's
 * order (labels → annotations → jq → CEL; JSONata, a stagecraft extension, last).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import type { EvalContext } from "../expression/types.js";
import type { StageSelector } from "../stage/model.js";
import { booleanTerm, jqTerm, metadataTerm, type Term } from "./terms.js";
import type { CompiledSelector, SelectorExplanation, SelectorMatch, TermOutcome } from "./types.js";

const SELECTOR_PATH = ["spec", "selector"] as const;

/**
 * Compiles a normalized selector once for repeated matching.
 *
 * @param selector - a selector from a loaded {@link Stage} (`stage.selector`)
 * @returns the compiled selector
 * @throws StagecraftError when an expression does not compile (loaded stages are already checked)
 * @example
 * ```ts
 * const selector = compileSelector({
 *   matchExpressions: [{ jq: { key: ".status.phase", operator: "In", values: ["Pending"] } }],
 * });
 * selector.match({ status: { phase: "Pending" } }); // { matched: true }
 * ```
 * @category Selector
 */
export function compileSelector(selector: StageSelector): CompiledSelector {
  const terms = buildTerms(selector);
  const async = terms.some((t) => t.async);
  const requireSync = (what: string) => {
    if (async) {
      throw new StagecraftError(
        ErrorCode.AsyncRequired,
        `this selector has a JSONata term, which only evaluates asynchronously: use ${what}Async()`,
      );
    }
  };
  return {
    async,
    size: terms.length,
    match(object, context) {
      requireSync("match");
      for (const term of terms) {
        const outcome = term.check(object, context);
        if (outcome !== null) return decided(outcome);
      }
      return MATCHED;
    },
    async matchAsync(object, context) {
      for (const term of terms) {
        const outcome = await term.runAsync(object, context);
        if (outcome.status !== "pass") return decided(outcome);
      }
      return MATCHED;
    },
    explain(object, context) {
      requireSync("explain");
      return explanation(terms.map((t) => t.run(object, context)));
    },
    async explainAsync(object, context?: EvalContext) {
      const outcomes: TermOutcome[] = [];
      for (const term of terms) outcomes.push(await term.runAsync(object, context));
      return explanation(outcomes);
    },
  };
}

const MATCHED: SelectorMatch = Object.freeze({ matched: true });

function decided(outcome: TermOutcome): SelectorMatch {
  return outcome.error ? { matched: false, term: outcome, error: outcome.error } : { matched: false, term: outcome };
}

function explanation(outcomes: readonly TermOutcome[]): SelectorExplanation {
  const first = outcomes.findIndex((o) => o.status !== "pass");
  if (first < 0) return { matched: true, terms: outcomes };
  const deciding = outcomes[first];
  const terms = outcomes.map((o, i): TermOutcome => {
    if (i <= first) return o;
    const alone = `${o.status}${o.detail ? ` (${o.detail})` : ""}`;
    return { ...o, status: "skipped", detail: `KWOK does not reach this term (an earlier one decided); alone it would ${alone}` };
  });
  return { matched: false, ...(deciding?.error ? { error: deciding.error } : {}), terms };
}

function buildTerms(selector: StageSelector): Term[] {
  const terms: Term[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    terms.push(metadataTerm("label", key, value, [...SELECTOR_PATH, "matchLabels", key]));
  }
  for (const [key, value] of Object.entries(selector.matchAnnotations ?? {})) {
    terms.push(metadataTerm("annotation", key, value, [...SELECTOR_PATH, "matchAnnotations", key]));
  }
  const expressions = selector.matchExpressions.map((e, i) => ({ e, path: [...SELECTOR_PATH, "matchExpressions", i] }));
  for (const { e, path } of expressions) if ("jq" in e) terms.push(jqTerm(e.jq, path));
  for (const { e, path } of expressions) if ("cel" in e) terms.push(booleanTerm("cel", e.cel.expression, path));
  for (const { e, path } of expressions) if ("jsonata" in e) terms.push(booleanTerm("jsonata", e.jsonata.expression, path));
  return terms;
}
