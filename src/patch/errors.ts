import { ErrorCode, StagecraftError } from "../errors.js";
import type { FieldPath } from "../errors.js";

/** A malformed patch ({@link ErrorCode.PatchInvalid}). */
export function invalidPatch(message: string, path?: FieldPath): StagecraftError {
  return new StagecraftError(ErrorCode.PatchInvalid, message, path === undefined ? {} : { path });
}

/** A patch that does not apply to the object ({@link ErrorCode.PatchConflict}). */
export function patchConflict(message: string, path?: FieldPath): StagecraftError {
  return new StagecraftError(ErrorCode.PatchConflict, message, path === undefined ? {} : { path });
}

/**
 * Rethrows a stack overflow (a value or patch nested too deeply for the recursive merge) as
 * `E_LIMIT_EXCEEDED`, anything else unchanged.
 */
export function rethrowStackOverflow(error: unknown, what: string): never {
  if (error instanceof RangeError) {
    throw new StagecraftError(ErrorCode.LimitExceeded, `${what}: nested too deeply for the JavaScript stack (${error.message})`, { cause: error });
  }
  throw error;
}
