/**
 * Resolves on the event loop's next turn, after pending I/O. Awaiting a resolved promise (or a better-sqlite3 query
 * behind Kysely's async API) never lets a request in; long work on the server's own thread awaits this between slices.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
