/**
 * Multi-document YAML with the scalar semantics Kubernetes uses when it reads files
 * (go-yaml v2, YAML 1.1): `yes`/`on`/`y` are booleans, leading-zero integers are octal,
 * `0o`/`0x`/`0b` prefixes and `_` separators are accepted, timestamps and base-60 numbers stay
 * strings, `!!binary` becomes the decoded text. Every node keeps its source position so issues
 * can point at a line and column.
 *
 * @module
 */
import {
  type Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  type ScalarTag,
  type Tags,
} from "yaml";
import { ErrorCode, type FieldPath, type SourceLocation } from "../errors.js";
import { type Issue, Severity } from "../issues.js";

/**
 * One parsed YAML document with position lookup.
 *
 * @category Spec
 */
export interface YamlDocument {
  /** Index of the document in its text, starting at 0. */
  readonly index: number;
  /** The document as JSON-like data (`null` for an empty or comment-only document). */
  readonly value: unknown;
  /** True when the document has no content (empty or only comments). */
  readonly empty: boolean;
  /** Position of the document's content. */
  readonly location: SourceLocation;
  /**
   * Finds the source position of the node at `path` (or of its key, with `key: true`). When
   * the path does not exist, returns the position of the deepest existing ancestor.
   */
  locate(path: FieldPath, options?: { readonly key?: boolean }): SourceLocation;
}

/**
 * The result of {@link parseYamlDocuments}.
 *
 * @category Spec
 */
export interface ParsedYaml {
  /** Documents that parsed. Documents with syntax errors are left out. */
  readonly documents: readonly YamlDocument[];
  /** Syntax errors and warnings, with positions. */
  readonly issues: readonly Issue[];
}

const octal: ScalarTag = {
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  default: true,
  test: /^[-+]?0o[0-7_]+$/,
  resolve: (src: string) => {
    const sign = src.startsWith("-") ? -1 : 1;
    return sign * Number.parseInt(src.replace(/^[-+]?0o/, "").replaceAll("_", ""), 8);
  },
};

const binaryAsText: ScalarTag = {
  tag: "tag:yaml.org,2002:binary",
  default: false,
  resolve: (src: string) => {
    const bytes = Uint8Array.from(atob(src.replace(/\s+/g, "")), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  },
};

/** go-yaml v2's float pattern, applied after removing `_` (`resolve.go` yamlStyleFloat). */
const GO_YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * Floats as go-yaml v2 resolves them: the `yaml` package's YAML 1.1 pattern also accepts `.`,
 * `e1` or `._` (no digits), which go-yaml keeps as strings. Plain scalars made of float
 * characters that are not go-yaml floats stay strings.
 */
const goFloat: ScalarTag = {
  tag: "tag:yaml.org,2002:float",
  default: true,
  test: /^[-+0-9._eE]+$/,
  resolve: (src: string) => {
    const plain = src.replaceAll("_", "");
    return GO_YAML_FLOAT.test(plain) ? Number.parseFloat(plain) : src;
  },
};

/** The YAML 1.1 tags minus those go-yaml v2 does not resolve (timestamps, base-60), with its float rule. */
function kubernetesTags(tags: Tags): Tags {
  const kept = tags.filter((t) => {
    const tag = typeof t === "object" && "tag" in t ? t : undefined;
    if (!tag) return true;
    if (tag.tag === "tag:yaml.org,2002:timestamp") return false;
    if ("format" in tag && tag.format === "TIME") return false;
    if (tag.tag === "tag:yaml.org,2002:binary") return false;
    // the digit-less float patterns; `.inf`/`.nan` (no format, no digits) stay
    if (tag.tag === "tag:yaml.org,2002:float" && String(tag.test).includes("[0-9]")) return false;
    return true;
  });
  return [...kept, octal, binaryAsText, goFloat];
}

/** Default of {@link YamlLimits.maxAliasCount}. */
const MAX_ALIAS_COUNT = 100;
/** Default of {@link YamlLimits.maxDepth}. */
const MAX_DEPTH = 256;
/** Default of {@link YamlLimits.maxLength}: 16 MiB. */
const MAX_LENGTH = 16 * 1024 * 1024;

/**
 * Bounds on the YAML texts {@link parseYamlDocuments} (and so `loadStages`) reads. Exceeding
 * one is an `E_LIMIT_EXCEEDED` issue, never a crash.
 *
 * @example
 * ```ts
 * parseYamlDocuments(text, { maxAliasCount: 1000, maxDepth: 64 });
 * ```
 * @category Spec
 */
export interface YamlLimits {
  /**
   * Alias expansions allowed per document, counted as the `yaml` package does (an alias of a
   * node holding aliases counts them all): the billion-laughs guard. Default 100.
   */
  readonly maxAliasCount?: number;
  /**
   * Maximum nesting depth, estimated from the text before parsing (flow brackets plus, per line,
   * the indentation and the `- `, `? `, `: ` indicators): deeper texts would overflow the
   * parser's stack. Default 256.
   */
  readonly maxDepth?: number;
  /** Maximum length of a text, in UTF-16 code units. Default 16 MiB (16,777,216). */
  readonly maxLength?: number;
}

/**
 * Options of {@link parseYamlDocuments}.
 *
 * @example
 * ```ts
 * parseYamlDocuments(text, { file: "pod.yaml", maxLength: 1 << 20 });
 * ```
 * @category Spec
 */
export interface ParseYamlOptions extends YamlLimits {
  /** Names the source in positions. */
  readonly file?: string;
}

const PARSE_OPTIONS = {
  version: "1.1",
  merge: true,
  uniqueKeys: false,
  customTags: kubernetesTags,
  prettyErrors: false,
} as const;

/**
 * Parses a multi-document YAML text the way Kubernetes reads files.
 *
 * @param text - the YAML text
 * @param options - `file` names the source in positions; the rest are {@link YamlLimits}
 * @returns the documents and any syntax or `E_LIMIT_EXCEEDED` issues (never throws)
 * @example
 * ```ts
 * const { documents, issues } = parseYamlDocuments("a: yes\n---\nb: 0755\n", { file: "x.yaml" });
 * documents[0].value; // { a: true }
 * documents[1].value; // { b: 493 }
 * ```
 * @category Spec
 */
export function parseYamlDocuments(text: string, options: ParseYamlOptions = {}): ParsedYaml {
  const lineCounter = new LineCounter();
  const position = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { ...(options.file === undefined ? {} : { file: options.file }), line, column: col, offset };
  };
  const tooBig = checkSize(text, options);
  if (tooBig !== undefined) {
    const location = { ...(options.file === undefined ? {} : { file: options.file }), ...locateOffsetInText(text, tooBig.offset) };
    return { documents: [], issues: [{ code: ErrorCode.LimitExceeded, severity: Severity.Error, message: tooBig.message, path: [], location }] };
  }
  const maxAliasCount = options.maxAliasCount ?? MAX_ALIAS_COUNT;
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const list = Array.isArray(docs) ? docs : [];
  const documents: YamlDocument[] = [];
  const issues: Issue[] = [];
  list.forEach((doc, index) => {
    const problems = collectProblems(doc, index, position);
    issues.push(...problems);
    if (problems.some((p) => p.severity === Severity.Error)) return;
    try {
      documents.push(makeDocument(doc, index, position, maxAliasCount));
    } catch (error) {
      // toJS throws when alias expansion exceeds its bound (billion laughs) or on a bad tag value.
      const message = error instanceof Error ? error.message : String(error);
      // the yaml package's billion-laughs guard ("Excessive alias count …"), not an unresolved alias
      const aliases = /excessive alias count/i.test(message);
      issues.push({
        code: aliases || error instanceof RangeError ? ErrorCode.LimitExceeded : ErrorCode.YamlSyntax,
        severity: Severity.Error,
        message: aliases ? `${message} (more than maxAliasCount ${maxAliasCount} alias expansions)` : message,
        path: [],
        location: position(doc.range?.[0] ?? 0),
        document: index,
      });
    }
  });
  return { documents, issues };
}

function collectProblems(doc: Document, index: number, position: (offset: number) => SourceLocation): Issue[] {
  const found = [
    ...doc.errors.map((e) => ({ e, severity: Severity.Error })),
    ...doc.warnings.map((e) => ({ e, severity: Severity.Warning })),
  ];
  return found.map(({ e, severity }) => ({
    code: ErrorCode.YamlSyntax,
    severity,
    message: e.message.split("\n")[0] ?? e.message,
    path: [],
    location: position(e.pos[0]),
    document: index,
  }));
}

function makeDocument(doc: Document, index: number, position: (offset: number) => SourceLocation, maxAliasCount: number): YamlDocument {
  const contents = doc.contents;
  const empty = contents === null || (isScalar(contents) && contents.value === null && contents.source === "");
  const value = empty ? null : doc.toJS({ maxAliasCount });
  const start = contents?.range?.[0] ?? doc.range?.[0] ?? 0;
  return {
    index,
    value: value === undefined ? null : value,
    empty,
    location: position(start),
    locate(path, opts = {}) {
      return position(locateOffset(contents, path, opts.key === true) ?? start);
    },
  };
}

function locateOffset(root: unknown, path: FieldPath, key: boolean): number | undefined {
  let node: unknown = root;
  let offset = isNode(root) ? root.range?.[0] : undefined;
  for (let i = 0; i < path.length; i++) {
    const item = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(item));
      if (!pair) return offset;
      if (last && key && isNode(pair.key)) return (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
      offset = (isNode(pair.value) ? pair.value.range?.[0] : undefined) ?? (pair.key as Node | null)?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof item === "number") {
      const child = node.items[item];
      if (!isNode(child)) return offset;
      node = child;
      offset = child.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

/**
 * Rejects a text longer than `maxLength` or nested deeper than `maxDepth` before the `yaml`
 * package sees it: its parser recurses per nesting level, and a stack overflow there can take
 * the whole process down (a V8 fatal error in the regexp compiler), not just throw.
 *
 * The depth is over-estimated in one linear scan: the running count of open flow brackets (reset
 * at each document marker) plus, for each line, its indentation and the number of `- `, `? `,
 * `: ` indicators on it (quotes, comments and block scalars are not tracked, so brackets inside
 * them count too).
 */
function checkSize(text: string, limits: YamlLimits): { message: string; offset: number } | undefined {
  const maxLength = limits.maxLength ?? MAX_LENGTH;
  if (text.length > maxLength) {
    return { message: `the YAML text is ${text.length} characters long, more than maxLength ${maxLength}`, offset: 0 };
  }
  const maxDepth = limits.maxDepth ?? MAX_DEPTH;
  let flow = 0;
  let line = 0;
  let lineStart = 0;
  let indentDone = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line = 0;
      lineStart = i + 1;
      indentDone = false;
      // a document marker ends every flow collection: stray brackets (in quotes or comments) do
      // not add up across the documents of a file
      if (text.startsWith("---", lineStart) || text.startsWith("...", lineStart)) flow = 0;
      continue;
    }
    if (!indentDone) {
      if (c === 32) {
        line++;
        if (flow + line <= maxDepth) continue;
      } else indentDone = true;
    }
    if (c === 91 || c === 123) flow++;
    else if (c === 93 || c === 125) flow = flow > 0 ? flow - 1 : 0;
    else if ((c === 45 || c === 63 || c === 58) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) line++;
    if (flow + line > maxDepth) {
      return { message: `the YAML text nests more than maxDepth ${maxDepth} levels (estimated from brackets, indentation and indicators)`, offset: lineStart };
    }
  }
  return undefined;
}

function locateOffsetInText(text: string, offset: number): { line: number; column: number; offset: number } {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return { line, column: offset - text.lastIndexOf("\n", offset - 1), offset };
}
