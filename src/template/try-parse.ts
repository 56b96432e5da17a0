/**
 * The non-throwing entry point of the template parser.
 *
 * @module
 */
import { type StagecraftError, isStagecraftError } from "../errors.js";
import { parseTemplate, type ParseTemplateOptions, type ParsedTemplate } from "./parser.js";

/**
 * The outcome of {@link tryParseTemplate}: the parsed template, or the parse error.
 *
 * @example
 * ```ts
 * const r: ParseTemplateResult = tryParseTemplate("{{ .a }}");
 * ```
 * @category Template
 */
export type ParseTemplateResult =
  | {
      /** Parsing succeeded. */
      readonly ok: true;
      /** The parsed template. */
      readonly template: ParsedTemplate;
    }
  | {
      /** Parsing failed. */
      readonly ok: false;
      /** Why parsing failed (`E_TEMPLATE_SYNTAX`, with Go's message). */
      readonly error: StagecraftError;
    };

/**
 * The non-throwing form of {@link parseTemplate}.
 *
 * @param text - the template text
 * @param options - name, known functions and trimming, as for {@link parseTemplate}
 * @returns `{ ok: true, template }` or `{ ok: false, error }`
 * @example
 * ```ts
 * const r = tryParseTemplate("{{ if }}", { name: "pod-ready" });
 * if (!r.ok) console.error(r.error.rawMessage); // template: pod-ready:1: missing value for if
 * ```
 * @category Template
 */
export function tryParseTemplate(text: string, options: ParseTemplateOptions = {}): ParseTemplateResult {
  try {
    return { ok: true, template: parseTemplate(text, options) };
  } catch (error) {
    if (isStagecraftError(error)) return { ok: false, error };
    throw error;
  }
}
