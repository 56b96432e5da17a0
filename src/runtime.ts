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
  seededRandom,
  Simulator,
  systemClock,
  VirtualClock,
} from "./runtime/index.js";
export type {
  Clock,
  ControllerFunctions,
  ControllerFunctionsOptions,
  HistoryEntry,
  HistoryKind,
  HistoryObject,
  ManageOptions,
  NodeLeaseOptions,
  PendingJobPolicy,
  RetryOptions,
  Rng,
  RunOptions,
  SimulatorOptions,
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
