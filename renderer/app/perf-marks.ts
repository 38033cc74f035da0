// User Timing marks on the path from a navigation to the Events list's first page, so a profile
// (or `npm run bench`, test/bench/renderer-bench.ts) can split that time by stage: the router
// taking the navigation, the screen mounting and starting its query, and the IPC call. Each mark is
// replaced rather than added to, so the timeline holds at most one of each however long the app runs.
// They carry no data: names only.
export const perfMarks = {
  /** The router starts handling a location change (its onBeforeNavigate). */
  routeChange: 'ii:route-change',
  /** The Events list's first page: the query function starts (before the IPC call). */
  eventsQueryStart: 'ii:events-query-start',
  /** …its IPC call returned (answer parsed by main, unwrapped here). */
  eventsIpcEnd: 'ii:events-ipc-end',
} as const;

export function markOnce(name: (typeof perfMarks)[keyof typeof perfMarks]): void {
  performance.clearMarks(name);
  performance.mark(name);
}
