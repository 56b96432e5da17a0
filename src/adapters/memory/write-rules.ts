/**
 * The API server's rules for the object a write produces: create (names, server fields),
 * update/patch (main resource vs `status`, preconditions, generation) and delete (finalizers,
 * grace periods). Pure functions over frozen objects.
 *
 * @module
 */
import { StatusReason, StoreError } from "../../store/errors.js";
import type { DeleteOptions, KubeObject, ResourceType } from "../../store/types.js";
import { jsonEqual } from "./freeze.js";
import { metaOf, orderMeta, rfc3339, specChanged } from "./object-meta.js";
import { alreadyExists, badRequest, conflict, invalid } from "./store-errors.js";

/** The generators a write uses. */
export interface WriteContext {
  /** The current time. */
  now(): Date;
  /** A new uid. */
  uid(): string;
  /** A `generateName` suffix. */
  nameSuffix(): string;
}

/** The table facts `prepareCreate` needs. */
interface TableFacts {
  readonly type: ResourceType;
  readonly cluster: boolean;
}

/**
 * The type of an object argument.
 *
 * @param input - the argument
 * @returns its type
 * @throws StoreError `BadRequest` when `apiVersion` or `kind` is missing
 */
export function typeOfObject(input: unknown): ResourceType {
  const object = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const apiVersion = object["apiVersion"];
  const kind = object["kind"];
  if (typeof kind !== "string" || kind === "") throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(input)}'`);
  if (typeof apiVersion !== "string" || apiVersion === "") throw badRequest(`Object 'apiVersion' is missing in '${JSON.stringify(input)}'`);
  return { apiVersion, kind };
}

function checkName(type: ResourceType, name: string): void {
  if (name === "." || name === "..") throw invalid(type, name, "metadata.name", `Invalid value: "${name}": may not be '${name}'`);
  for (const bad of ["/", "%"]) if (name.includes(bad)) throw invalid(type, name, "metadata.name", `Invalid value: "${name}": may not contain '${bad}'`);
}

/**
 * The object a create stores (without its resource version) and its key.
 *
 * @param input - the frozen argument
 * @param table - type and scope
 * @param context - generators
 * @param claim - returns the key for a name, or undefined when it is taken
 * @param options - `keep`: keep server fields (restore), filling in missing ones
 * @returns the key and the object
 * @throws StoreError `Invalid` without a name or with a bad one, `AlreadyExists` when the name
 *   is taken, `InternalError` when a resource version is set
 */
export function prepareCreate(
  input: KubeObject,
  table: TableFacts,
  context: WriteContext,
  claim: (name: string, namespace: string | undefined) => string | undefined,
  options: { readonly keep?: boolean } = {},
): { key: string; next: KubeObject } {
  const meta = metaOf(input);
  const keep = options.keep === true;
  if (!keep && meta.resourceVersion !== undefined && meta.resourceVersion !== "") {
    throw new StoreError(StatusReason.InternalError, "resourceVersion should not be set on objects to be created");
  }
  const namespace = table.cluster ? undefined : typeof meta.namespace === "string" && meta.namespace !== "" ? meta.namespace : "default";
  let name = typeof meta.name === "string" ? meta.name : "";
  let key: string | undefined;
  if (name === "") {
    const prefix = typeof meta.generateName === "string" ? meta.generateName : "";
    if (prefix === "") throw invalid(table.type, "", "metadata.name", "Required value: name or generateName is required");
    for (let attempt = 0; attempt < 8 && key === undefined; attempt++) {
      name = `${prefix}${context.nameSuffix()}`;
      key = claim(name, namespace);
    }
    if (key === undefined) throw alreadyExists(table.type, name);
    checkName(table.type, name);
  } else {
    checkName(table.type, name);
    key = claim(name, namespace);
    if (key === undefined) throw alreadyExists(table.type, name);
  }
  const now = (): string => rfc3339(context.now());
  const server = keep
    ? { uid: meta.uid ?? context.uid(), creationTimestamp: meta.creationTimestamp ?? now() }
    : { uid: context.uid(), creationTimestamp: now(), generation: 1, resourceVersion: "", deletionTimestamp: undefined, deletionGracePeriodSeconds: undefined };
  const metadata = orderMeta({ ...meta, name, namespace, ...server });
  return { key, next: { ...input, metadata } as KubeObject };
}

/**
 * The object an update or patch stores: for the main resource, the new content with the server
 * fields and `.status` of the stored object; for `status`, the stored object with the new
 * `.status`. Checks resource-version and uid preconditions and the finalizer rule.
 *
 * @param prev - the stored object
 * @param body - the new content (the argument, or the patched document)
 * @param type - the type
 * @param subresource - `""` or `status`
 * @param verb - `update` or `patch` (patches may not rename)
 * @returns the object to store (unfrozen top levels)
 * @throws StoreError `Conflict`, `BadRequest`, `Invalid`, `NotFound` (unknown subresource)
 */
export function prepareReplace(prev: KubeObject, body: unknown, type: ResourceType, subresource: string, verb: "update" | "patch"): KubeObject {
  if (subresource !== "" && subresource !== "status") throw new StoreError(StatusReason.NotFound, "the server could not find the requested resource");
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest(`the ${verb} must produce an object`);
  const content = body as Record<string, unknown>;
  const meta = metaOf(body);
  const pm = prev.metadata;
  const name = pm.name ?? "";
  if (meta.resourceVersion !== undefined && meta.resourceVersion !== "" && meta.resourceVersion !== pm.resourceVersion) throw conflict(type, name);
  if (meta.uid !== undefined && meta.uid !== "" && meta.uid !== pm.uid) throw conflict(type, name, `Precondition failed: UID in precondition: ${String(meta.uid)}, UID in object meta: ${pm.uid ?? ""}`);
  if (verb === "patch" && meta.name !== pm.name) throw badRequest(`the name of the object (${String(meta.name ?? "")}) does not match the name on the URL (${name})`);
  if (verb === "patch" && pm.namespace !== undefined && meta.namespace !== pm.namespace) throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  if (subresource === "status") {
    const next: Record<string, unknown> = { ...prev };
    if (content["status"] === undefined) delete next["status"];
    else next["status"] = content["status"];
    return next as KubeObject;
  }
  const next: Record<string, unknown> = { ...content, apiVersion: prev.apiVersion, kind: prev.kind };
  if (prev["status"] === undefined) delete next["status"];
  else next["status"] = prev["status"];
  checkFinalizers(prev, meta.finalizers, type);
  const generation = pm.generation !== undefined && specChanged(prev, next as KubeObject, jsonEqual) ? pm.generation + 1 : pm.generation;
  next["metadata"] = orderMeta({
    ...meta,
    name: pm.name,
    namespace: pm.namespace,
    uid: pm.uid,
    resourceVersion: pm.resourceVersion,
    generation,
    creationTimestamp: pm.creationTimestamp,
    deletionTimestamp: pm.deletionTimestamp,
    deletionGracePeriodSeconds: pm.deletionGracePeriodSeconds,
  });
  return next as KubeObject;
}

function checkFinalizers(prev: KubeObject, finalizers: unknown, type: ResourceType): void {
  if (prev.metadata.deletionTimestamp === undefined || !Array.isArray(finalizers)) return;
  const had = new Set(prev.metadata.finalizers ?? []);
  const added = (finalizers as unknown[]).filter((f) => typeof f === "string" && !had.has(f));
  if (added.length === 0) return;
  throw invalid(type, prev.metadata.name ?? "", "metadata.finalizers", `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(", ")}}`);
}

function defaultGrace(prev: KubeObject, type: ResourceType, requested: number | undefined): number {
  const isPod = type.kind === "Pod" && type.apiVersion === "v1";
  if (!isPod) return 0; // only Pods implement graceful deletion in the API server
  const spec = (prev["spec"] ?? {}) as Record<string, unknown>;
  const status = (prev["status"] ?? {}) as Record<string, unknown>;
  if (typeof spec["nodeName"] !== "string" || spec["nodeName"] === "") return 0;
  if (status["phase"] === "Succeeded" || status["phase"] === "Failed") return 0;
  const fromSpec = spec["terminationGracePeriodSeconds"];
  return Math.max(0, requested ?? (typeof fromSpec === "number" ? fromSpec : 30));
}

/**
 * What a delete does: remove at once, nothing (already terminating with a shorter or equal
 * grace period), or store the object with `deletionTimestamp` set.
 *
 * @param prev - the stored object
 * @param type - the type
 * @param options - grace period and preconditions
 * @param context - the clock
 * @returns `"now"`, `"unchanged"` or the object to store
 * @throws StoreError `Conflict` when a precondition fails
 */
export function planDelete(prev: KubeObject, type: ResourceType, options: DeleteOptions, context: WriteContext): "now" | "unchanged" | KubeObject {
  const pm = prev.metadata;
  const name = pm.name ?? "";
  const pre = options.preconditions;
  if (pre?.uid !== undefined && pre.uid !== "" && pre.uid !== pm.uid) throw conflict(type, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${pm.uid ?? ""}`);
  if (pre?.resourceVersion !== undefined && pre.resourceVersion !== "" && pre.resourceVersion !== pm.resourceVersion) {
    throw conflict(type, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${pm.resourceVersion ?? ""}`);
  }
  const grace = defaultGrace(prev, type, options.gracePeriodSeconds);
  const pending = (pm.finalizers ?? []).length > 0;
  if (pm.deletionTimestamp !== undefined) {
    const current = pm.deletionGracePeriodSeconds;
    if (current === undefined || grace >= current) return "unchanged";
    if (!pending && grace === 0) return "now";
    const at = Date.parse(pm.deletionTimestamp) + (grace - current) * 1000;
    return { ...prev, metadata: orderMeta({ ...pm, deletionTimestamp: rfc3339(new Date(at)), deletionGracePeriodSeconds: grace }) } as KubeObject;
  }
  if (!pending && grace === 0) return "now";
  const at = context.now().getTime() + grace * 1000;
  const generation = pm.generation !== undefined && pm.generation > 0 ? pm.generation + 1 : pm.generation;
  return { ...prev, metadata: orderMeta({ ...pm, generation, deletionTimestamp: rfc3339(new Date(at)), deletionGracePeriodSeconds: grace }) } as KubeObject;
}
