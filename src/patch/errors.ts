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
