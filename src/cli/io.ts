/**
 * What a CLI command may touch: its arguments, output streams and the exit code. Commands take
 * this as a parameter so tests can run them in-process.
 *
 * @module
 * @internal
 */

/** Exit codes: 0 success, 1 a check failed or something broke, 2 invalid input or usage. */
export const ExitCode = { Ok: 0, Failure: 1, Invalid: 2 } as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Output streams of a command. */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Reads all of standard input (for `-`). */
  readonly readStdin: () => Promise<string>;
  /** Reports progress of a long run (0…1), e.g. as a bar on a terminal; absent when not interactive. */
  readonly progress?: (fraction: number) => void;
}

/** A usage error: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
