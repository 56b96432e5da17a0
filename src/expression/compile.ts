/**
 * Compiles an expression in any of the supported languages through one entry point.
 *
 * @module
 */
import { compileCel } from "./cel/index.js";
import { compileJq } from "./jq/index.js";
import { compileJsonata } from "./jsonata/index.js";
import { type StagecraftError, isStagecraftError } from "../errors.js";
import type { CompiledExpression, ExpressionLanguage } from "./types.js";

/**
 * The outcome of {@link tryCompileExpression}: the compiled expression, or the compile error.
 *
 * @category Expression
 */
export type CompileExpressionResult =
  | {
      /** Compilation succeeded. */
      readonly ok: true;
      /** The compiled expression. */
      readonly expression: CompiledExpression;
    }
  | {
      /** Compilation failed. */
      readonly ok: false;
      /** Why compilation failed. */
      readonly error: StagecraftError;
    };

/**
 * Compiles `source` written in `language`.
 *
 * @param language - `jq`, `cel` or `jsonata`
 * @param source - the expression text
 * @returns the compiled expression
 * @throws StagecraftError with code `E_JQ_SYNTAX`, `E_JQ_UNSUPPORTED`, `E_CEL_SYNTAX` or `E_JSONATA_SYNTAX`
 * @example
 * ```ts
 * const q = compileExpression("jq", ".status.phase");
 * q.evaluate({ status: { phase: "Running" } }); // { ok: true, values: ["Running"] }
 * ```
 * @category Expression
 */
export function compileExpression(language: ExpressionLanguage, source: string): CompiledExpression {
  switch (language) {
    case "jq":
      return compileJq(source);
    case "cel":
      return compileCel(source);
    case "jsonata":
      return compileJsonata(source);
  }
}

/**
 * The non-throwing form of {@link compileExpression}.
 *
 * @param language - `jq`, `cel` or `jsonata`
 * @param source - the expression text
 * @returns `{ ok: true, expression }` or `{ ok: false, error }`
 * @example
 * ```ts
 * const r = tryCompileExpression("cel", "self.spec.x ==");
 * if (!r.ok) console.error(r.error.message);
 * ```
 * @category Expression
 */
export function tryCompileExpression(
  language: ExpressionLanguage,
  source: string,
): CompileExpressionResult {
  try {
    return { ok: true, expression: compileExpression(language, source) };
  } catch (error) {
    if (isStagecraftError(error)) return { ok: false, error };
    throw error;
  }
}
