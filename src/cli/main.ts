/**
 * The `stagecraft` bin entry: wires the process's streams to {@link main}.
 *
 * @module
 * @internal
 */
import { argv, exit, stderr, stdin, stdout } from "node:process";
import type { CliIo } from "./io.js";
import { ExitCode } from "./io.js";
import { main } from "./run.js";

const io: CliIo = {
  out: (text) => void stdout.write(text),
  err: (text) => void stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  // a progress bar on an interactive terminal only (never in CI logs or pipes)
  ...(stderr.isTTY && process.env["CI"] === undefined
    ? {
        progress: (fraction: number) => {
          const width = 30;
          const done = Math.round(fraction * width);
          stderr.write(`\r[${"#".repeat(done)}${" ".repeat(width - done)}] ${Math.round(fraction * 100)}%${fraction >= 1 ? "\r\u001b[K" : ""}`);
        },
      }
    : {}),
};

main(argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    stderr.write(`stagecraft: internal error: ${String(error)}\n`);
    exit(ExitCode.Failure);
  },
);
