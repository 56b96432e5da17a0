/**
 * Options of the {@link Simulator}.
 *
 * @module
 */
import type { Lifecycle } from "../plan/compile-lifecycle.js";
import type { ResourceStore } from "../store/types.js";
import type { Clock } from "./clock.js";
import type { ControllerFunctionsOptions } from "./controller-functions.js";
import type { HistoryEntry } from "./history.js";
import type { SimulatorSchedulerOptions } from "./pod-scheduler.js";
import type { SimulatorReadinessOptions } from "./readiness-controller.js";
import type { Rng } from "./rng.js";

/**
 * Which objects the simulator drives (KWOK's `--manage-*` options).
 *
 * @category Runtime
 */
export interface ManageOptions {
  /** Only nodes matching this label selector (sent to the store's watch). Default: all nodes. */
  readonly nodeLabelSelector?: string;
  /** Only the node with this name (KWOK's `--manage-single-node`). */
  readonly nodeName?: string;
  /**
   * Never drive this node (nor, with `requireKnownNode`, its Pods): the node the controller
   * itself runs on, when it runs in the cluster it fakes. A library parameter; a CLI may fill it
   * from the `NODE_NAME` environment variable (downward API).
   */
  readonly selfNodeName?: string;
  /** Only nodes whose annotations match this selector (label-selector syntax, checked client-side as KWOK does). */
  readonly nodeAnnotationSelector?: string;
  /** Ignore objects that have labels matching this selector (KWOK's `--disregard-status-with-label-selector`). */
  readonly disregardLabelSelector?: string;
  /** Ignore objects that have annotations matching this selector (KWOK's `--disregard-status-with-annotation-selector`). */
  readonly disregardAnnotationSelector?: string;
  /**
   * Drive a Pod only when its `spec.nodeName` is a managed node the simulator has seen, as
   * KWOK does (so Pod stages do nothing without Node stages). Default `true`; `false` drives
   * every Pod of a kind with stages.
   */
  readonly requireKnownNode?: boolean;
}

/**
 * What the simulator does with a pending job when a newer version of its object matches no
 * stage: `kwok` lets it run with its old snapshot (KWOK's behaviour), `cancel` cancels it.
 *
 * @category Runtime
 */
export type PendingJobPolicy = "kwok" | "cancel";

/**
 * Retries after retryable store errors (KWOK: 1 s · 2^k, at most 32 min, +0–20 % jitter, forever).
 *
 * @category Runtime
 */
export interface RetryOptions {
  /** The first backoff. Default 1000 ms. */
  readonly initialMs?: number;
  /** The largest backoff. Default 32 minutes. */
  readonly maxMs?: number;
  /** Give up after this many retries. Default: never. */
  readonly maxAttempts?: number;
}

/**
 * Node leases (KWOK's node-lease controller).
 *
 * @category Runtime
 */
export interface NodeLeaseOptions {
  /** `spec.leaseDurationSeconds`; the lease is renewed every quarter of it. */
  readonly durationSeconds: number;
  /** `spec.holderIdentity`. Default `stagecraft`. */
  readonly holderIdentity?: string;
}

/**
 * Options of {@link Simulator}.
 *
 * @category Runtime
 * @example
 * ```ts
 * const clock = new VirtualClock();
 * new Simulator({ store: createMemoryStore({ clock }), lifecycle, clock, seed: 42 });
 * ```
 */
export interface SimulatorOptions {
  /** Where the objects live. */
  readonly store: ResourceStore;
  /** The compiled stages. */
  readonly lifecycle: Lifecycle;
  /** The clock. Default: the system clock. */
  readonly clock?: Clock;
  /** Random numbers (weighted choice, jitter, backoff). Default: `seededRandom(seed)`. */
  readonly rng?: Rng;
  /** Seed of the default rng. Default 0. */
  readonly seed?: number;
  /** KWOK's controller template functions (`NodeIP`, `PodIPWith`, …): node IP, port, pod CIDR. */
  readonly controller?: Omit<ControllerFunctionsOptions, "nodes">;
  /** Which objects to drive. */
  readonly manage?: ManageOptions;
  /** What to do with a pending job whose object stops matching. Default `kwok`. */
  readonly pendingJobs?: PendingJobPolicy;
  /** Backoff of retries after retryable store errors. */
  readonly retry?: RetryOptions;
  /**
   * Node leases like KWOK's node-lease controller: a `coordination.k8s.io/v1` Lease per managed
   * node in `kube-node-lease`, renewed every `durationSeconds / 4` (+0–4 % jitter). Default: off
   * (KWOK's `--node-lease-duration-seconds 0`).
   */
  readonly nodeLease?: NodeLeaseOptions;
  /** Record `event` steps as core/v1 Events in the store. Default `true`. */
  readonly events?: boolean;
  /** What the history keeps: `none`, `stages` (no per-operation entries) or `operations` (default). */
  readonly history?: "none" | "stages" | "operations";
  /** Keep patch and apply bodies in `operation` entries. Default `false`. */
  readonly historyData?: boolean;
  /** Called with every history entry as it happens (also when `history` is `none`). */
  readonly onHistory?: (entry: HistoryEntry) => void;
  /**
   * Run a {@link ReadinessController} beside the stages: node readiness `rules` (taints and
   * bootstrap annotations on Nodes), `watchRules` (the same for `NodeReadinessRule` objects in the
   * store) and/or `podGates` (the kubelet's `Ready` condition on bound Pods with
   * `spec.readinessGates`). Its actions are `operation` entries of stage
   * `readiness-controller`. Default: off.
   */
  readonly readiness?: SimulatorReadinessOptions;
  /**
   * Run a simple {@link PodScheduler} that binds pending pods to the first schedulable node
   * (`true`, or its options). Its actions are `operation` entries of stage `scheduler`. Default: off.
   */
  readonly scheduler?: boolean | SimulatorSchedulerOptions;
}
