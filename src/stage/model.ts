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
      /** A jq requirement. */
      readonly jq: JqRequirement;
    }
  | {
      /** A CEL boolean expression over `self`. */
      readonly cel: {
        /** The CEL expression text. */
        readonly expression: string;
      };
    }
  | {
      /** A JSONata boolean expression over the object. */
      readonly jsonata: {
        /** The JSONata expression text. */
        readonly expression: string;
      };
    };

/**
 * A normalized jq requirement: the query's outputs compared with `values` by `operator`.
 *
 * @category Spec
 */
export interface JqRequirement {
  /** The jq query. */
  readonly key: string;
  /** How the outputs are compared with `values`. */
  readonly operator: SelectorOperator;
  /** Values for `In`/`NotIn`; empty for the other operators. */
  readonly values: readonly string[];
}

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
  | {
      /** The expression is a jq query; its first output is used. */
      readonly language: "jq";
      /** The jq query text. */
      readonly expression: string;
    }
  | {
      /** The expression is CEL over `self`. */
      readonly language: "cel";
      /** The CEL expression text. */
      readonly expression: string;
    }
  | {
      /** The expression is JSONata over the object. */
      readonly language: "jsonata";
      /** The JSONata expression text. */
      readonly expression: string;
    };

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
  readonly event?: StageEvent;
  /** Finalizer changes. */
  readonly finalizers?: StageFinalizers;
  /** Delete the object. */
  readonly delete?: true;
  /** Patch rendered from a template. */
  readonly patch?: StagePatch;
  /** Object applied from a template. */
  readonly apply?: StageApply;
}

/**
 * A normalized event step action.
 *
 * @category Spec
 */
export interface StageEvent {
  /** `Normal` or `Warning`. */
  readonly type: string;
  /** Short machine-readable reason. */
  readonly reason: string;
  /** Human-readable message. */
  readonly message: string;
}

/**
 * Normalized finalizer changes.
 *
 * @category Spec
 */
export interface StageFinalizers {
  /** Finalizer names to add. */
  readonly add: readonly string[];
  /** Finalizer names to remove. */
  readonly remove: readonly string[];
  /** Whether all finalizers are removed first. */
  readonly empty: boolean;
}

/**
 * The user a request is sent as.
 *
 * @category Spec
 */
export interface Impersonation {
  /** The user name to impersonate. */
  readonly username: string;
}

/**
 * A normalized patch rendered from a Go template.
 *
 * @category Spec
 */
export interface StagePatch {
  /** Subresource to patch, e.g. `status`; `""` for the main resource. */
  readonly subresource: string;
  /** Wrap the rendered document under this key (merge/strategic) or prefix paths (json); `""` for none. */
  readonly root: string;
  /** The Go template producing the patch. */
  readonly template: string;
  /** Unset means KWOK's default (merge for unstructured objects, strategic for typed Pods/Nodes). */
  readonly type?: "json" | "merge" | "strategic";
  /** Send the patch as this user. */
  readonly impersonation?: Impersonation;
}

/**
 * A normalized object applied from a Go template.
 *
 * @category Spec
 */
export interface StageApply {
  /** Subresource to patch; `""` creates or patches the main resource. */
  readonly subresource: string;
  /** The Go template producing the object. */
  readonly template: string;
  /** Unset means server-side apply. */
  readonly type?: "apply" | "merge" | "strategic";
  /** Send the request as this user. */
  readonly impersonation?: Impersonation;
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
