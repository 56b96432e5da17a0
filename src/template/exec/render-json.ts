/**
 * KWOK's `Renderer.ToJSON`: execute a template, read the output as YAML 1.1 the way go-yaml v2
 * does, and return the JSON data (spec §5.1).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../../errors.js";
import { yamlToJson } from "../../yaml/to-json.js";
import type { ParsedTemplate } from "../parser.js";
import { executeTemplate, type ExecuteTemplateOptions } from "./execute.js";

/**
 * Renders a parsed template against template data and converts the output to JSON data,
 * exactly as KWOK's `Renderer.ToJSON` does: Go `text/template` execution, then
 * `sigs.k8s.io/yaml.YAMLToJSON` (YAML 1.1 as go-yaml v2 reads it). Output that is empty or only
 * comments gives `null`.
 *
 * Prepare `data` once per object with {@link toTemplateData} and reuse it for every template
 * of a stage; the template is parsed once (e.g. with {@link parseKwokTemplate}) and reused.
 *
 * @param template - the parsed template
 * @param data - the template's dot: {@link toTemplateData} of the object
 * @param options - functions and work bounds, as for {@link executeTemplate}
 * @returns JSON data (objects, arrays, strings, numbers, bigints beyond 2^53, booleans, null)
 * @throws StagecraftError `E_TEMPLATE_EXEC` or `E_LIMIT_EXCEEDED` from execution, and
 *   `E_YAML_SYNTAX` (with the template name and the line and column in the rendered text) when the
 *   output is not YAML
 * @example
 * ```ts
 * const t = parseKwokTemplate("phase: Running\nready: {{ .ready }}");
 * renderToJson(t, toTemplateData({ ready: "yes" }), { functions: {} });
 * // { phase: "Running", ready: true }
 * ```
 * @category Template
 */
export function renderToJson(template: ParsedTemplate, data: unknown, options: ExecuteTemplateOptions): unknown {
  const text = executeTemplate(template, data, options);
  try {
    return yamlToJson(text);
  } catch (error) {
    if (error instanceof StagecraftError && error.code === ErrorCode.YamlSyntax) {
      throw new StagecraftError(ErrorCode.YamlSyntax, `template: ${template.name}: the rendered output is not valid YAML: ${error.rawMessage}`, {
        ...(error.location === undefined ? {} : { location: { ...error.location, file: `<rendered ${template.name}>` } }),
        received: excerpt(text),
        cause: error,
      });
    }
    throw error;
  }
}

function excerpt(text: string): string {
  return text.length <= 200 ? text : `${text.slice(0, 200)}…`;
}
