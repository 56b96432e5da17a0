/**
 * CustomResourceDefinitions: validation of the names the front needs, and the controller that
 * serves a CRD's kinds and marks it `NamesAccepted` and `Established` after a delay.
 *
 * @module
 */
import { StatusReason, StoreError } from "../store/errors.js";
import type { KubeObject, ResourceStore, Watch } from "../store/types.js";
import { ResourceRegistry, resourcesOfCrd } from "./registry.js";

const CRD_TYPE = { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition" } as const;

function invalid(name: string, field: string, detail: string): StoreError {
  return new StoreError(StatusReason.Invalid, `CustomResourceDefinition.apiextensions.k8s.io "${name}" is invalid: ${field}: ${detail}`, {
    name,
    group: "apiextensions.k8s.io",
    kind: "CustomResourceDefinition",
    causes: [{ reason: "FieldValueInvalid", message: detail, field }],
  });
}

/**
 * Checks what the front relies on: `spec.group`, `spec.names.plural`/`kind`, at least one
 * version, and `metadata.name` = `<plural>.<group>`.
 *
 * @param crd - the CustomResourceDefinition
 * @throws StoreError `Invalid` (422) with the API server's field paths
 */
export function validateCrd(crd: KubeObject): void {
  const name = crd.metadata.name ?? "";
  const spec = (crd["spec"] ?? {}) as Record<string, unknown>;
  const names = (spec["names"] ?? {}) as Record<string, unknown>;
  if (typeof spec["group"] !== "string" || spec["group"] === "") throw invalid(name, "spec.group", "Required value");
  if (typeof names["plural"] !== "string" || names["plural"] === "") throw invalid(name, "spec.names.plural", "Required value");
  if (typeof names["kind"] !== "string" || names["kind"] === "") throw invalid(name, "spec.names.kind", "Required value");
  if (!Array.isArray(spec["versions"]) || spec["versions"].length === 0) throw invalid(name, "spec.versions", "Invalid value: null: must have exactly one version marked as storage version");
  if (spec["scope"] !== "Cluster" && spec["scope"] !== "Namespaced") throw invalid(name, "spec.scope", `Unsupported value: ${JSON.stringify(spec["scope"] ?? "")}: supported values: "Cluster", "Namespaced"`);
  const expected = `${names["plural"]}.${spec["group"]}`;
  if (name !== expected) throw invalid(name, "metadata.name", `Invalid value: ${JSON.stringify(name)}: must be spec.names.plural+"."+spec.group`);
}

function established(crd: KubeObject): boolean {
  const conditions = ((crd["status"] ?? {}) as Record<string, unknown>)["conditions"];
  return Array.isArray(conditions) && conditions.some((c) => (c as Record<string, unknown>)["type"] === "Established" && (c as Record<string, unknown>)["status"] === "True");
}

/** Options of {@link CrdController}. */
export interface CrdControllerOptions {
  /** The store holding the CRDs. */
  readonly store: ResourceStore;
  /** The registry to update. */
  readonly registry: ResourceRegistry;
  /** Delay before a new CRD is established, in ms (0: at once). */
  readonly establishDelayMs: number;
  /** The current time, for condition timestamps. */
  readonly now: () => number;
  /** Reports a failed status write. */
  readonly onError: (error: unknown) => void;
}

/**
 * Watches CustomResourceDefinitions: an established one has its kinds served; a new one is
 * established after the delay (status conditions `NamesAccepted` and `Established` set to
 * `True`, `acceptedNames` copied from `spec.names`); a deleted one stops being served.
 */
export class CrdController {
  private watch: Watch | undefined;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  /** @param options - store, registry, delay */
  constructor(private readonly options: CrdControllerOptions) {}

  /** Starts watching (again, after a terminal watch error). */
  start(): void {
    if (this.stopped) return;
    this.watch = this.options.store.watch(
      CRD_TYPE,
      {},
      (event) => {
        if (event.type === "BOOKMARK") return;
        const name = event.object.metadata.name ?? "";
        if (event.type === "DELETED") {
          clearTimeout(this.timers.get(name));
          this.timers.delete(name);
          this.options.registry.setCrd(name, []);
          return;
        }
        if (established(event.object)) this.options.registry.setCrd(name, resourcesOfCrd(event.object));
        else this.schedule(event.object);
      },
      () => {
        this.watch?.stop();
        setTimeout(() => this.start(), 100).unref();
      },
    );
  }

  private schedule(crd: KubeObject): void {
    const name = crd.metadata.name ?? "";
    if (this.timers.has(name)) return;
    const run = (): void => {
      this.timers.delete(name);
      if (!this.stopped) void this.establish(crd).catch(this.options.onError);
    };
    if (this.options.establishDelayMs <= 0) run();
    else this.timers.set(name, setTimeout(run, this.options.establishDelayMs));
  }

  private async establish(crd: KubeObject): Promise<void> {
    const spec = (crd["spec"] ?? {}) as Record<string, unknown>;
    const at = new Date(this.options.now()).toISOString().replace(/\.\d+Z$/, "Z");
    const condition = (type: string, reason: string, message: string): Record<string, unknown> => ({ type, status: "True", lastTransitionTime: at, reason, message });
    try {
      await this.options.store.patch(
        { ...CRD_TYPE, name: crd.metadata.name ?? "" },
        {
          patchType: "merge",
          subresource: "status",
          data: {
            status: {
              acceptedNames: spec["names"] ?? {},
              storedVersions: (Array.isArray(spec["versions"]) ? spec["versions"] : []).filter((v) => (v as Record<string, unknown>)["storage"] === true).map((v) => (v as Record<string, unknown>)["name"]),
              conditions: [
                condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                condition("Established", "InitialNamesAccepted", "the initial names have been accepted"),
              ],
            },
          },
        },
      );
    } catch (error) {
      if ((error as StoreError).reason !== StatusReason.NotFound) throw error;
    }
  }

  /** Stops watching and cancels pending establishments. */
  stop(): void {
    this.stopped = true;
    this.watch?.stop();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
