/**
 * Loads Stages from multi-document YAML texts, dispatching documents by `kind` the way KWOK's
 * config loader does: `Stage` documents become stages, other kinds are reported as ignored.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { formatIssues, type Issue, Severity } from "../issues.js";
import type { SourceLocation } from "../errors.js";
import type { Stage } from "./model.js";
import { type ParseStageOptions, parseStageWith } from "./parse-stage.js";
import { parseYamlDocuments, type YamlDocument, type YamlLimits } from "./yaml.js";
import { isPlainObject } from "./decode.js";

/**
 * A YAML text to load, with the name it is reported under.
 *
 * @category Spec
 */
export interface StageSource {
  /** The YAML text (one or many documents). */
  readonly text: string;
  /** File name or label used in issues; defaults to `<string>`. */
  readonly file?: string;
}

/**
 * A document that was skipped because it is not a Stage.
 *
 * @category Spec
 */
export interface IgnoredDocument {
  /** The file it came from. */
  readonly file: string;
  /** Index of the document in the file. */
  readonly document: number;
  /** Its `kind`. */
  readonly kind: string;
  /** Its `apiVersion`, when set. */
  readonly apiVersion?: string;
  /** Its `metadata.name`, when set. */
  readonly name?: string;
  /** Where it starts. */
  readonly location: SourceLocation;
  /** Why it was skipped. */
  readonly reason: string;
}

/**
 * The result of loading. When `ok` is false, `stages` is empty: nothing is half-loaded.
 *
 * @category Spec
 */
export interface LoadStagesResult {
  /** True when no issue is an error. */
  readonly ok: boolean;
  /** The stages, in source order (file order, then document order). */
  readonly stages: readonly Stage[];
  /** Documents of other kinds, reported like KWOK's "Unsupported type" warning. */
  readonly ignored: readonly IgnoredDocument[];
  /** Every issue found in every source, with file, line and column. */
  readonly issues: readonly Issue[];
}

/**
 * Options of {@link loadStages}: those of `parseStage` plus bounds on the YAML texts.
 *
 * @example
 * ```ts
 * loadStages({ text }, { yaml: { maxAliasCount: 1000 } });
 * ```
 * @category Spec
 */
export interface LoadStagesOptions extends ParseStageOptions {
  /** Bounds on each YAML text (alias expansions, nesting depth, length); see {@link YamlLimits}. */
  readonly yaml?: YamlLimits;
}

/** Kinds KWOK's loader recognises besides Stage; they configure KWOK, not the lifecycle. */
const KWOK_CONFIG_KINDS = new Set([
  "KwokConfiguration",
  "KwokctlConfiguration",
  "KwokctlResource",
  "PortForward",
  "ClusterPortForward",
  "Exec",
  "ClusterExec",
  "Logs",
  "ClusterLogs",
  "Attach",
  "ClusterAttach",
  "ResourceUsage",
  "ClusterResourceUsage",
  "Metric",
]);

/**
 * Loads Stages from one or many YAML texts. Never throws; see {@link loadStagesOrThrow}.
 *
 * @param sources - one source or a list, loaded in order
 * @param options - see {@link LoadStagesOptions}
 * @returns stages, ignored documents and issues
 * @example
 * ```ts
 * const result = loadStages({ file: "pod-ready.yaml", text });
 * if (!result.ok) console.error(formatIssues(result.issues));
 * ```
 * @category Spec
 */
export function loadStages(sources: StageSource | readonly StageSource[], options: LoadStagesOptions = {}): LoadStagesResult {
  const list: readonly StageSource[] = isSourceList(sources) ? sources : [sources];
  const stages: Stage[] = [];
  const ignored: IgnoredDocument[] = [];
  const issues: Issue[] = [];
  for (const source of list) {
    const file = source.file ?? "<string>";
    const parsed = parseYamlDocuments(source.text, { ...options.yaml, file });
    issues.push(...parsed.issues);
    for (const doc of parsed.documents) {
      if (doc.empty) continue;
      loadDocument(doc, file, options, { stages, ignored, issues });
    }
  }
  const ok = !issues.some((i) => i.severity === Severity.Error);
  return { ok, stages: ok ? stages : [], ignored, issues };
}

/**
 * Like {@link loadStages}, but throws when any issue is an error.
 *
 * @param sources - one source or a list
 * @param options - see {@link LoadStagesOptions}
 * @returns the stages
 * @throws StagecraftError whose message lists every error (code of the first one)
 * @example
 * ```ts
 * const stages = loadStagesOrThrow({ text });
 * ```
 * @category Spec
 */
export function loadStagesOrThrow(sources: StageSource | readonly StageSource[], options: LoadStagesOptions = {}): readonly Stage[] {
  const result = loadStages(sources, options);
  if (result.ok) return result.stages;
  const errors = result.issues.filter((i) => i.severity === Severity.Error);
  const first = errors[0];
  throw new StagecraftError(first?.code ?? ErrorCode.InvalidValue, `invalid stages:\n${formatIssues(errors)}`, {
    ...(first?.location ? { location: first.location } : {}),
  });
}

interface Sink {
  stages: Stage[];
  ignored: IgnoredDocument[];
  issues: Issue[];
}

function loadDocument(doc: YamlDocument, file: string, options: ParseStageOptions, sink: Sink): void {
  const value = doc.value;
  if (!isPlainObject(value)) {
    sink.issues.push({
      code: ErrorCode.TypeMismatch,
      severity: Severity.Error,
      message: "a document must be a Kubernetes object (a mapping with apiVersion and kind)",
      path: [],
      location: doc.location,
      document: doc.index,
      expected: "a mapping",
      received: Array.isArray(value) ? "a list" : typeof value,
    });
    return;
  }
  const kind = typeof value.kind === "string" ? value.kind : "";
  if (kind === "") {
    sink.issues.push({
      code: ErrorCode.MissingKind,
      severity: Severity.Error,
      message: "document has no kind (KWOK would silently reuse the kind of the previous document)",
      path: ["kind"],
      location: doc.location,
      document: doc.index,
    });
    return;
  }
  if (kind !== "Stage") {
    const meta = isPlainObject(value.metadata) ? value.metadata : {};
    sink.ignored.push({
      file,
      document: doc.index,
      kind,
      ...(typeof value.apiVersion === "string" ? { apiVersion: value.apiVersion } : {}),
      ...(typeof meta.name === "string" ? { name: meta.name } : {}),
      location: doc.location,
      reason: KWOK_CONFIG_KINDS.has(kind) ? "KWOK configuration, not a Stage" : "not a Stage (KWOK: unsupported type)",
    });
    return;
  }
  const stage = parseStageWith(value, options, (issue) => {
    const { key, ...rest } = issue;
    sink.issues.push({ ...rest, location: doc.locate(issue.path, { key: key === true }), document: doc.index });
  });
  if (stage) sink.stages.push({ ...stage, origin: { file, document: doc.index, location: doc.location } });
}

function isSourceList(sources: StageSource | readonly StageSource[]): sources is readonly StageSource[] {
  return Array.isArray(sources);
}
