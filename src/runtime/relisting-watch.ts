/**
 * A watch that survives `410 Expired`: it lists again and resumes from the list's resource
 * version, as a client-go reflector does, handing the fresh list to the caller so it can tell
 * what vanished while the watch was down.
 *
 * @module
 */
import { isStoreError } from "../store/errors.js";
import type { ObjectList, ResourceStore, ResourceType, Watch, WatchEvent, WatchOptions } from "../store/types.js";

/** What a {@link relistingWatch} reports. */
export interface RelistingWatchHandlers {
  /** Every watch event, in order. */
  readonly onEvent: (event: WatchEvent) => void;
  /** After an expiry: the fresh list, delivered before the events that follow it. */
  readonly onRelist: (list: ObjectList) => void;
  /** A terminal error: anything but an expiry, or a failed re-list. */
  readonly onError: (error: Error) => void;
}

/** Whether an error means "list again": the watch's resource version is no longer available. */
function isExpiry(error: Error): boolean {
  return isStoreError(error) && (error.reason === "Expired" || error.reason === "Gone");
}

/**
 * Watches a type; after an `Expired`/`Gone` error lists again (same namespace and selectors),
 * reports the list, and watches on from its resource version.
 *
 * @param store - the store
 * @param type - the watched type
 * @param options - namespace and selectors (and the first watch's resource version)
 * @param handlers - where events, re-lists and terminal errors go
 * @returns a watch whose `stop()` ends the current and any future underlying watch
 */
export function relistingWatch(store: ResourceStore, type: ResourceType, options: WatchOptions, handlers: RelistingWatchHandlers): Watch {
  let active = true;
  let current: Watch | undefined;
  const { resourceVersion: _first, ...listOptions } = options;
  const open = (watchOptions: WatchOptions): void => {
    current = store.watch(type, watchOptions, handlers.onEvent, (error) => {
      if (!active) return;
      if (!isExpiry(error)) {
        handlers.onError(error);
        return;
      }
      store.list(type, listOptions).then(
        (list) => {
          if (!active) return;
          handlers.onRelist(list);
          if (active) open({ ...watchOptions, resourceVersion: list.resourceVersion });
        },
        (listError: unknown) => {
          if (active) handlers.onError(listError instanceof Error ? listError : new Error(String(listError)));
        },
      );
    });
  };
  open(options);
  return {
    stop() {
      active = false;
      current?.stop();
    },
  };
}
