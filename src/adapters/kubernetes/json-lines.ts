/**
 * Splitting a watch stream into JSON documents, one per line (how the API server frames watch
 * events over HTTP/1.1 chunked responses).
 *
 * @module
 */

/** Feeds text chunks; calls `onLine` with every complete, non-empty line. */
export class LineSplitter {
  private buffer = "";

  /** @param onLine - receives each line without its newline */
  constructor(private readonly onLine: (line: string) => void) {}

  /**
   * Adds a chunk.
   *
   * @param chunk - text
   */
  push(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf("\n");
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (line !== "") this.onLine(line);
      newline = this.buffer.indexOf("\n");
    }
  }

  /** Ends the stream: a last line without newline is delivered too. */
  end(): void {
    const rest = this.buffer.trim();
    this.buffer = "";
    if (rest !== "") this.onLine(rest);
  }
}
