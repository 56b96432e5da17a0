/**
 * Errors about the Stage CRD, with stable codes: the first thing to check when KWOK-style nodes
 * stay NotReady is whether Stages were applied before their CRD was Established.
 *
 * @module
 */

/**
 * Codes of {@link StageCrdError}.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * if (error instanceof StageCrdError && error.code === StageCrdErrorCode.Missing) console.log("install the CRD");
 * ```
 */
export const StageCrdErrorCode = {
  /** The CRD `stages.kwok.x-k8s.io` does not exist. */
  Missing: "E_STAGE_CRD_MISSING",
  /** The CRD exists but is not (yet) `Established`. */
  NotEstablished: "E_STAGE_CRD_NOT_ESTABLISHED",
  /** `installStageCrd` gave up waiting for `Established`. */
  Timeout: "E_STAGE_CRD_TIMEOUT",
} as const;

/**
 * One of {@link StageCrdErrorCode}'s values.
 *
 * @category Kubernetes
 */
export type StageCrdErrorCode = (typeof StageCrdErrorCode)[keyof typeof StageCrdErrorCode];

/**
 * The Stage CRD is missing or not Established, so Stages cannot be read or created.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * throw new StageCrdError(StageCrdErrorCode.Missing, "the CRD stages.kwok.x-k8s.io is not installed");
 * ```
 */
export class StageCrdError extends Error {
  /** The stable code. */
  readonly code: StageCrdErrorCode;

  /**
   * @param code - the code
   * @param message - what is wrong and what to do
   */
  constructor(code: StageCrdErrorCode, message: string) {
    super(message);
    this.name = "StageCrdError";
    this.code = code;
  }
}
