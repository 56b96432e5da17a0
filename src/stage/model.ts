/**
 * The normalized, readonly internal Stage model the engine works on: legacy forms resolved
 * (`next` → `steps`, `key/operator/values` → jq, `expressionFrom` → jq), KWOK's precedence
 * rules applied, plain data only (JSON-serialisable).
 *
 * @module
 */
import type { SourceLocation } from "../errors.js";

/**
 * The kind of object a stage applies to.
 *
 * @category Spec
 */
export interface ResourceRef {
  /** Group/version (`v1`, `batch/v1`); `""` when the file did not set it. */
  readonly apiGroup: string;
  /** The kind, e.g. `Pod`. */
  readonly kind: string;
}

/**
 * The operators of a jq requirement.
 *
 * @category Spec
 */
export const SelectorOperator = {
  /** Some output stringifies to one of the values. */
  In: "In",
  /** No output stringifies to one of the values. */
  NotIn: "NotIn",
  /** The query has at least one non-null output. */
  Exists: "Exists",
  /** The query has no non-null output. */
  DoesNotExist: "DoesNotExist",
} as const;

/**
 * One of the values of {@link SelectorOperator}.
 *
 * @category Spec
 */
export type SelectorOperator = (typeof SelectorOperator)[keyof typeof SelectorOperator];

/**
 * A normalized `matchExpressions` element: exactly one language.
 *
 * @category Spec
 */
export type MatchExpression =
  | {
      readonly jq: { readonly key: string; readonly operator: SelectorOperator; readonly values: readonly string[] };
    }
  | { readonly cel: { readonly expression: string } }
  | { readonly jsonata: { readonly expression: string } };

/**
 * A normalized selector.
 *
 * @category Spec
 */
export interface StageSelector {
  /** Required label values; `undefined` when not given. */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** Required annotation values; `undefined` when not given. */
  readonly matchAnnotations?: Readonly<Record<string, string>>;
  /** Requirements in file order (evaluation order is jq, then CEL, then JSONata). */
  readonly matchExpressions: readonly MatchExpression[];
}

/**
 * A normalized value source: exactly one language. KWOK's precedence is applied at load
 * (CEL over jq; JSONata only when neither is set).
 *
 * @category Spec
 */
export type ExpressionSource =
  | { readonly language: "jq"; readonly expression: string }
  | { readonly language: "cel"; readonly expression: string }
  | { readonly language: "jsonata"; readonly expression: string };

/**
 * A normalized `spec.delay`. Milliseconds as in the YAML.
 *
 * @category Spec
 */
export interface StageDelay {
  /** Base delay in milliseconds (KWOK uses 0 when only `durationFrom` is set). */
  readonly durationMilliseconds?: number;
  /** Reads the delay from the object. */
  readonly durationFrom?: ExpressionSource;
  /** Jitter bound in milliseconds. */
  readonly jitterDurationMilliseconds?: number;
  /** Reads the jitter bound from the object. */
  readonly jitterDurationFrom?: ExpressionSource;
}

/**
 * The patch content types, as KWOK names them in Stage files.
 *
 * @category Spec
 */
export const PatchType = {
  /** RFC 6902 JSON patch. */
  Json: "json",
  /** RFC 7386 JSON merge patch. */
  Merge: "merge",
  /** Kubernetes strategic merge patch. */
  Strategic: "strategic",
  /** Server-side apply (apply steps only). */
  Apply: "apply",
} as const;

/**
 * One of the values of {@link PatchType}.
 *
 * @category Spec
 */
export type PatchType = (typeof PatchType)[keyof typeof PatchType];

/**
 * A normalized step. Actions inside one step run in the order event → finalizers → delete →
 * patch → apply.
 *
 * @category Spec
 */
export interface StageStep {
  /** Event to record. */
  readonly event?: { readonly type: string; readonly reason: string; readonly message: string };
  /** Finalizer changes. */
  readonly finalizers?: {
    readonly add: readonly string[];
    readonly remove: readonly string[];
    readonly empty: boolean;
  };
  /** Delete the object. */
  readonly delete?: true;
  /** Patch rendered from a template. */
  readonly patch?: {
    readonly subresource: string;
    readonly root: string;
    readonly template: string;
    /** Unset means KWOK's default (merge for unstructured objects, strategic for typed Pods/Nodes). */
    readonly type?: "json" | "merge" | "strategic";
    readonly impersonation?: { readonly username: string };
  };
  /** Object applied from a template. */
  readonly apply?: {
    readonly subresource: string;
    readonly template: string;
    /** Unset means server-side apply. */
    readonly type?: "apply" | "merge" | "strategic";
    readonly impersonation?: { readonly username: string };
  };
}

/**
 * Where a stage came from.
 *
 * @category Spec
 */
export interface StageOrigin {
  /** File name or label of the source text. */
  readonly file?: string;
  /** Index of the YAML document inside the file, starting at 0. */
  readonly document: number;
  /** Position of the document start. */
  readonly location?: SourceLocation;
}

/**
 * A normalized Stage, ready to be compiled into a lifecycle.
 *
 * @example
 * ```ts
 * const { stages } = loadStages({ text: yamlText });
 * for (const stage of stages) console.log(stage.name, stage.resourceRef.kind, stage.steps.length);
 * ```
 * @category Spec
 */
export interface Stage {
  /** `metadata.name`. */
  readonly name: string;
  /** The kind of object the stage applies to. */
  readonly resourceRef: ResourceRef;
  /** `null` when the file has no selector: KWOK drops such a stage. */
  readonly selector: StageSelector | null;
  /** Static weight (default 0). */
  readonly weight: number;
  /** Reads the weight from the object. */
  readonly weightFrom?: ExpressionSource;
  /** Absent when the stage has no `delay`. */
  readonly delay?: StageDelay;
  /** The steps, legacy `next` already converted. */
  readonly steps: readonly StageStep[];
  /** Whether the object is re-matched right after the steps. */
  readonly immediateNextStage: boolean;
  /** Where the stage was loaded from, when known. */
  readonly origin?: StageOrigin;
}
