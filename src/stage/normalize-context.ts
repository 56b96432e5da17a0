/**
 * What the normalizer needs besides the document: a place to report issues and a way to
 * check that expressions compile.
 *
 * @module
 * @internal
 */
import { ErrorCode, type FieldPath } from "../errors.js";
import { tryCompileExpression } from "../expression/compile.js";
import { isStagecraftError } from "../errors.js";
import { parseKwokTemplate } from "../template/index.js";
import type { ExpressionLanguage } from "../expression/types.js";
import { Severity } from "../issues.js";
import type { Report } from "./decode.js";

/** Shared state of one normalization run. */
export interface NormalizeContext {
  /** Receives issues. */
  readonly report: Report;
  /** Compiles an expression and reports a syntax error at `path`; returns whether it compiled. */
  readonly checkExpression: (language: ExpressionLanguage, source: string, path: FieldPath) => boolean;
  /** Parses a Go template as KWOK does and reports a syntax error at `path`; returns whether it parsed. */
  readonly checkTemplate: (template: string, path: FieldPath) => boolean;
  /** The stage's name, used as the template name in messages (`template: NAME:LINE: …`). */
  readonly stageName: string;
  /** `resourceRef.apiGroup` to use when a stage does not set it (KWOK: none). */
  readonly defaultApiGroup: string | undefined;
}

/** Builds a context that reports compile errors with their position inside the expression. */
export function createContext(
  report: Report,
  options: { readonly defaultApiGroup: string | undefined; readonly stageName: string },
): NormalizeContext {
  const { defaultApiGroup, stageName } = options;
  return {
    report,
    defaultApiGroup,
    stageName,
    checkTemplate(template, path) {
      try {
        parseKwokTemplate(template, { name: stageName || "_" });
        return true;
      } catch (error) {
        if (!isStagecraftError(error)) throw error;
        const inner = error.location;
        report({
          code: error.code,
          severity: Severity.Error,
          message: `${error.rawMessage}${inner ? ` (line ${inner.line}, column ${inner.column} of the trimmed template)` : ""}`,
          path,
        });
        return false;
      }
    },
    checkExpression(language, source, path) {
      const result = tryCompileExpression(language, source);
      if (result.ok) return true;
      const inner = result.error.location;
      const raw = result.error.rawMessage.replace(new RegExp(`^${language}: `), "");
      report({
        code: result.error.code,
        severity: Severity.Error,
        message: inner ? `${language}:${inner.line}:${inner.column}: ${raw}` : raw,
        path,
        received: JSON.stringify(source),
      });
      return false;
    },
  };
}

/** Reports that a field is set but ignored, and why. */
export function ignored(ctx: NormalizeContext, path: FieldPath, why: string): void {
  ctx.report({ code: ErrorCode.IgnoredField, severity: Severity.Warning, message: `ignored: ${why}`, path });
}
