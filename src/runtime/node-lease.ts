/**
 * Node leases as KWOK's node-lease controller keeps them (spec §6.2): one
 * `coordination.k8s.io/v1` Lease per managed node in `kube-node-lease`, renewed every quarter of
 * its duration with a little jitter.
 *
 * @module
 */
import { isStoreError, StatusReason } from "../store/errors.js";
import type { KubeObject, ResourceStore } from "../store/types.js";
import type { Clock, TimerHandle } from "./clock.js";
import type { Rng } from "./rng.js";
import type { NodeLeaseOptions } from "./simulator-options.js";


/** Kubernetes `MicroTime`: RFC 3339 with exactly six fractional digits. */
function microTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/** Keeps the leases of the nodes it is told about. */
export class NodeLeases {
  private readonly timers = new Map<string, TimerHandle>();

  /**
   * @param store - where leases live
   * @param clock - the clock
   * @param rng - jitter
   * @param options - duration and holder
   * @param onError - reports a failed renewal
   */
  constructor(
    private readonly store: ResourceStore,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly options: NodeLeaseOptions,
    private readonly onError: (node: KubeObject, error: unknown) => void,
  ) {}

  /**
   * Starts renewing a node's lease (once per node; later calls do nothing).
   * @param node - the node
   */
  track(node: KubeObject): void {
    const name = node.metadata.name ?? "";
    if (this.timers.has(name)) return;
    this.timers.set(name, this.clock.setTimeout(() => this.renew(node), 0));
  }

  /**
   * Stops renewing a node's lease (the node was deleted; its lease goes with it through the owner reference).
   * @param name - the node name
   */
  forget(name: string): void {
    const timer = this.timers.get(name);
    if (timer !== undefined) this.clock.clearTimeout(timer);
    this.timers.delete(name);
  }

  /** Stops every renewal. */
  stop(): void {
    for (const timer of this.timers.values()) this.clock.clearTimeout(timer);
    this.timers.clear();
  }

  private async renew(node: KubeObject): Promise<void> {
    const name = node.metadata.name ?? "";
    if (!this.timers.has(name)) return;
    const spec = {
      holderIdentity: this.options.holderIdentity ?? "stagecraft",
      leaseDurationSeconds: this.options.durationSeconds,
      renewTime: microTime(this.clock.now()),
    };
    const ref = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: "kube-node-lease", name };
    try {
      try {
        await this.store.patch(ref, { patchType: "merge", data: { spec } });
      } catch (error) {
        if (!isStoreError(error) || error.reason !== StatusReason.NotFound) throw error;
        await this.store.create({
          apiVersion: "coordination.k8s.io/v1",
          kind: "Lease",
          metadata: {
            name,
            namespace: "kube-node-lease",
            ownerReferences: [{ apiVersion: "v1", kind: "Node", name, uid: node.metadata.uid ?? "" }],
          },
          spec: { ...spec, acquireTime: spec.renewTime },
        });
      }
    } catch (error) {
      this.onError(node, error);
    }
    if (!this.timers.has(name)) return;
    const every = (this.options.durationSeconds * 1000) / 4;
    this.timers.set(name, this.clock.setTimeout(() => this.renew(node), every * (1 + this.rng() * 0.04)));
  }
}
