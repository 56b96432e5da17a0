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

/** Alias expansions allowed per document before it is rejected (billion-laughs guard). */
const MAX_ALIAS_COUNT = 100;

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
 * @param options - `file` names the source in positions
 * @returns the documents and any syntax issues (never throws)
 * @example
 * ```ts
 * const { documents, issues } = parseYamlDocuments("a: yes\n---\nb: 0755\n", { file: "x.yaml" });
 * documents[0].value; // { a: true }
 * documents[1].value; // { b: 493 }
 * ```
 * @category Spec
 */
export function parseYamlDocuments(text: string, options: { readonly file?: string } = {}): ParsedYaml {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const list = Array.isArray(docs) ? docs : [];
  const position = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { ...(options.file === undefined ? {} : { file: options.file }), line, column: col, offset };
  };
  const documents: YamlDocument[] = [];
  const issues: Issue[] = [];
  list.forEach((doc, index) => {
    const problems = collectProblems(doc, index, position);
    issues.push(...problems);
    if (problems.some((p) => p.severity === Severity.Error)) return;
    try {
      documents.push(makeDocument(doc, index, position));
    } catch (error) {
      // toJS throws when alias expansion exceeds its bound (billion laughs) or on a bad tag value.
      const message = error instanceof Error ? error.message : String(error);
      issues.push({
        code: /alias/i.test(message) ? ErrorCode.LimitExceeded : ErrorCode.YamlSyntax,
        severity: Severity.Error,
        message,
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

function makeDocument(doc: Document, index: number, position: (offset: number) => SourceLocation): YamlDocument {
  const contents = doc.contents;
  const empty = contents === null || (isScalar(contents) && contents.value === null && contents.source === "");
  const value = empty ? null : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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
