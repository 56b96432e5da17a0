/**
 * The wire format of KWOK's `Stage` resource, `kwok.x-k8s.io/v1alpha1`, as written in YAML
 * files and stored by the API server. Field names and optionality follow KWOK's Go types
 * (`pkg/apis/v1alpha1/stage_types.go`), including the deprecated `next` form.
 *
 * @module
 */

/**
 * A KWOK Stage as written in YAML (`apiVersion: kwok.x-k8s.io/v1alpha1`, `kind: Stage`).
 *
 * @example
 * ```ts
 * const stage: StageV1alpha1 = {
 *   apiVersion: "kwok.x-k8s.io/v1alpha1",
 *   kind: "Stage",
 *   metadata: { name: "pod-ready" },
 *   spec: { resourceRef: { apiGroup: "v1", kind: "Pod" }, selector: {} },
 * };
 * ```
 * @category Spec
 */
export interface StageV1alpha1 {
  /** `kwok.x-k8s.io/v1alpha1`. KWOK dispatches on `kind` only and does not check this. */
  apiVersion?: string;
  /** `Stage`. */
  kind?: string;
  /** Only `metadata.name` is used. */
  metadata?: {
    /** The stage's name. */
    name?: string;
    /** Other metadata fields, ignored by the engine. */
    [key: string]: unknown;
  };
  /** The behaviour of the stage. */
  spec: StageSpecV1alpha1;
  /** Ignored by the engine. */
  status?: unknown;
}

/**
 * `Stage.spec`.
 *
 * @category Spec
 */
export interface StageSpecV1alpha1 {
  /** The kind of object this stage applies to. `apiGroup` is a group/version such as `v1`. */
  resourceRef: ResourceRefV1alpha1;
  /** Which objects the stage matches. Absent or `null`: KWOK drops the stage. `{}` matches everything. */
  selector?: StageSelectorV1alpha1 | null;
  /** Weight for the random choice among matching stages (default 0). */
  weight?: number;
  /** Reads the weight from the object; falls back to `weight`. */
  weightFrom?: ExpressionFromSourceV1alpha1;
  /** When the stage's steps run after the object matched. */
  delay?: StageDelayV1alpha1;
  /** The actions, in order. Takes precedence over `next`. */
  steps?: StageStepV1alpha1[];
  /** Deprecated single-step form; used only when `steps` is empty. */
  next?: StageNextV1alpha1;
  /** Re-match the object right after the steps, without waiting for the watch event. */
  immediateNextStage?: boolean;
}

/**
 * `spec.resourceRef`.
 *
 * @category Spec
 */
export interface ResourceRefV1alpha1 {
  /** Group/version, e.g. `v1` or `batch/v1`. File-loaded stages get no default. */
  apiGroup?: string;
  /** The kind, e.g. `Pod`. */
  kind: string;
}

/**
 * `spec.selector`.
 *
 * @category Spec
 */
export interface StageSelectorV1alpha1 {
  /** Labels that must be present with exactly these values. */
  matchLabels?: Record<string, string>;
  /** Annotations that must be present with exactly these values. */
  matchAnnotations?: Record<string, string>;
  /** Requirements written in jq, CEL or (stagecraft extension) JSONata. */
  matchExpressions?: SelectorExpressionV1alpha1[];
}

/**
 * One element of `spec.selector.matchExpressions`.
 *
 * @category Spec
 */
export interface SelectorExpressionV1alpha1 {
  /** A jq requirement. Wins over `cel` when both are set. */
  jq?: SelectorJqV1alpha1;
  /** A CEL boolean expression over `self`. */
  cel?: ExpressionV1alpha1;
  /** A JSONata boolean expression over the object (stagecraft extension, not portable to KWOK). */
  jsonata?: ExpressionV1alpha1;
  /** Deprecated inline jq key; same as `jq.key`. */
  key?: string;
  /** Deprecated inline operator; same as `jq.operator`. */
  operator?: string;
  /** Deprecated inline values; same as `jq.values`. */
  values?: string[];
}

/**
 * A jq requirement: the query's outputs compared with `values` by `operator`.
 *
 * @category Spec
 */
export interface SelectorJqV1alpha1 {
  /** The jq query. */
  key: string;
  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  operator: string;
  /** Values for `In`/`NotIn`. */
  values?: string[];
}

/**
 * An expression holder: `{expression: "..."}`.
 *
 * @category Spec
 */
export interface ExpressionV1alpha1 {
  /** The expression text. */
  expression: string;
}

/**
 * Where a value (weight, duration) is read from. CEL wins over jq; the deprecated
 * `expressionFrom` is jq.
 *
 * @category Spec
 */
export interface ExpressionFromSourceV1alpha1 {
  /** A CEL expression over `self`. */
  cel?: ExpressionV1alpha1;
  /** A jq query; its first output is used. */
  jq?: ExpressionV1alpha1;
  /** A JSONata expression (stagecraft extension, not portable to KWOK). */
  jsonata?: ExpressionV1alpha1;
  /** Deprecated: a jq query. */
  expressionFrom?: string;
}

/**
 * `spec.delay`.
 *
 * @category Spec
 */
export interface StageDelayV1alpha1 {
  /** Base delay in milliseconds. */
  durationMilliseconds?: number;
  /** Reads the delay from the object. */
  durationFrom?: ExpressionFromSourceV1alpha1;
  /** Upper bound of the random delay in milliseconds. */
  jitterDurationMilliseconds?: number;
  /** Reads the jitter bound from the object (only its jq part is honoured, as in KWOK). */
  jitterDurationFrom?: ExpressionFromSourceV1alpha1;
}

/**
 * One element of `spec.steps`. A step may hold several actions; they run in the order
 * event → finalizers → delete → patch → apply.
 *
 * @category Spec
 */
export interface StageStepV1alpha1 {
  /** Record an event on the object. */
  event?: StageEventV1alpha1;
  /** Change `metadata.finalizers`. */
  finalizers?: StageFinalizersV1alpha1;
  /** Delete the object. */
  delete?: boolean;
  /** Patch the object with a rendered template. */
  patch?: StagePatchV1alpha1;
  /** Create or patch an object from a rendered template. */
  apply?: StageApplyV1alpha1;
}

/**
 * An event to record.
 *
 * @category Spec
 */
export interface StageEventV1alpha1 {
  /** `Normal` or `Warning`. */
  type?: string;
  /** Short machine-readable reason. */
  reason?: string;
  /** Human-readable message. */
  message?: string;
}

/**
 * Finalizer changes.
 *
 * @category Spec
 */
export interface StageFinalizersV1alpha1 {
  /** Finalizers to add. */
  add?: FinalizerItemV1alpha1[];
  /** Finalizers to remove. */
  remove?: FinalizerItemV1alpha1[];
  /** Remove all finalizers first. */
  empty?: boolean;
}

/**
 * One element of `finalizers.add` or `finalizers.remove`.
 *
 * @category Spec
 */
export interface FinalizerItemV1alpha1 {
  /** The finalizer name. */
  value: string;
}

/**
 * The user a request is sent as.
 *
 * @category Spec
 */
export interface ImpersonationV1alpha1 {
  /** The user name to impersonate. */
  username: string;
}

/**
 * A patch rendered from a Go template.
 *
 * @category Spec
 */
export interface StagePatchV1alpha1 {
  /** Subresource to patch, e.g. `status`; empty for the main resource. */
  subresource?: string;
  /** Wrap the rendered document under this key (merge/strategic) or prefix paths (json). */
  root?: string;
  /** The Go template producing the patch as YAML/JSON. */
  template?: string;
  /** `json`, `merge` or `strategic`; unset picks KWOK's default. */
  type?: string;
  /** Send the patch as this user. */
  impersonation?: ImpersonationV1alpha1;
}

/**
 * An object applied from a Go template.
 *
 * @category Spec
 */
export interface StageApplyV1alpha1 {
  /** Subresource to patch; empty creates or patches the main resource. */
  subresource?: string;
  /** The Go template producing the object. */
  template?: string;
  /** `apply` (server-side apply, default), `merge` or `strategic`. */
  type?: string;
  /** Send the request as this user. */
  impersonation?: ImpersonationV1alpha1;
}

/**
 * The deprecated `spec.next` form, converted to `steps` by KWOK's order.
 *
 * @category Spec
 */
export interface StageNextV1alpha1 {
  /** Becomes an event step. */
  event?: StageEventV1alpha1;
  /** Becomes a finalizers step. */
  finalizers?: StageFinalizersV1alpha1;
  /** Becomes a delete step (after the patches). */
  delete?: boolean;
  /** Each becomes a patch step. */
  patches?: StagePatchV1alpha1[];
  /** Becomes a status patch step when `patches` is empty. */
  statusTemplate?: string;
  /** Subresource of the status patch (default `status`). */
  statusSubresource?: string;
  /** Impersonation of the status patch. */
  statusPatchAs?: ImpersonationV1alpha1;
}
