/**
 * The simulator runtime: clocks, seeded randomness, KWOK's controller functions and the
 * Simulator.
 *
 * @module
 */
export { systemClock } from "./clock.js";
export type { Clock, TimerCallback, TimerHandle } from "./clock.js";
export { VirtualClock } from "./virtual-clock.js";
export type { RunOptions, VirtualClockOptions } from "./virtual-clock.js";
export { seededRandom } from "./rng.js";
export type { Rng } from "./rng.js";
export { IpPool, isIp } from "./ip-pool.js";
export { createControllerFunctions } from "./controller-functions.js";
export type { ControllerFunctions, ControllerFunctionsOptions } from "./controller-functions.js";
export { Simulator } from "./simulator.js";
export type { ManageOptions, NodeLeaseOptions, PendingJobPolicy, RetryOptions, SimulatorOptions } from "./simulator-options.js";
export { formatHistory } from "./history.js";
export type { HistoryEntry, HistoryKind, HistoryObject } from "./history.js";
export { ReadinessController } from "./readiness-controller.js";
export type { ReadinessControllerOptions, SimulatorReadinessOptions } from "./readiness-controller.js";
export { PodScheduler } from "./pod-scheduler.js";
export type { PodSchedulerOptions, SimulatorSchedulerOptions } from "./pod-scheduler.js";
export type { ControllerAction } from "./controller-action.js";
