/**
 * Helpers for the server's tests: JSON requests and a line reader for watch streams.
 *
 * @module
 * @internal
 */

/** A JSON response. */
export interface JsonResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The decoded body. */
  readonly body: Record<string, unknown>;
}

/**
 * Sends a request and decodes the JSON answer.
 *
 * @param url - the URL
 * @param init - method, body (objects are JSON-encoded), content type, headers
 * @returns status, headers and body
 */
export async function call(url: string, init: { method?: string; body?: unknown; contentType?: string; headers?: Record<string, string> } = {}): Promise<JsonResponse> {
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: { ...(body === undefined ? {} : { "Content-Type": init.contentType ?? "application/json" }), ...init.headers },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** An open watch stream. */
export interface WatchReader {
  /** The next event, or `undefined` at the end of the stream. */
  next(timeoutMs?: number): Promise<Record<string, unknown> | undefined>;
  /** Closes the connection. */
  close(): void;
}

/**
 * Opens a watch and reads it line by line.
 *
 * @param url - the watch URL
 * @param headers - request headers
 * @returns the reader
 */
export async function openWatch(url: string, headers: Record<string, string> = {}): Promise<WatchReader> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (response.body === null) throw new Error("no body");
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let done = false;
  return {
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const newline = buffer.indexOf("\n");
        if (newline >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          return JSON.parse(line) as Record<string, unknown>;
        }
        if (done) return undefined;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no watch event within ${timeoutMs} ms`);
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([
          reader.read().catch(() => ({ done: true, value: undefined })),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no watch event within ${timeoutMs} ms`)), left);
          }),
        ]).finally(() => clearTimeout(timer));
        if (chunk.done) done = true;
        else buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close() {
      controller.abort();
    },
  };
}
