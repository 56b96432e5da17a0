/**
 * stagecraft's simulator runtime: a {@link Simulator} that drives objects in a store through
 * their stages on a {@link VirtualClock} (deterministic, fast) or the system clock, with seeded
 * randomness and a timeline of what happened.
 *
 * @module stagecraft/runtime
 */
export {
  createControllerFunctions,
  formatHistory,
  IpPool,
  isIp,
  PodScheduler,
  ReadinessController,
  seededRandom,
  Simulator,
  systemClock,
  VirtualClock,
} from "./runtime/index.js";
export type {
  Clock,
  ControllerAction,
  ControllerFunctions,
  ControllerFunctionsOptions,
  HistoryEntry,
  HistoryKind,
  HistoryObject,
  ManageOptions,
  NodeLeaseOptions,
  PendingJobPolicy,
  PodSchedulerOptions,
  ReadinessControllerOptions,
  RetryOptions,
  Rng,
  RunOptions,
  SimulatorOptions,
  SimulatorReadinessOptions,
  SimulatorSchedulerOptions,
  TimerCallback,
  TimerHandle,
  VirtualClockOptions,
} from "./runtime/index.js";
export { StatusReason, StoreError, isStoreError } from "./store/index.js";
export type {
  DeleteOptions,
  KubeObject,
  KubeStatus,
  ListOptions,
  ObjectList,
  ObjectMeta,
  ObjectRef,
  PatchOptions,
  ResourceStore,
  ResourceType,
  StorePatchType,
  UpdateOptions,
  Watch,
  WatchEvent,
  WatchOptions,
} from "./store/index.js";
