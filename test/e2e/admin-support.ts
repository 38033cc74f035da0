// Helpers for the admin specs (drivers, installations, webhooks, read-only, activity): sandbox
// faults over its admin route, and reading main's activity log the way the Activity screen does.
import type { ConsoleApp } from './fixtures';

/** `PUT /_sandbox/faults` with the admin secret; "none" clears every fault. */
export async function setFaults(app: ConsoleApp, spec: string): Promise<void> {
  const response = await fetch(`${app.sandbox.origin}/_sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-sandbox-admin': app.sandbox.adminSecret },
    body: JSON.stringify({ spec }),
  });
  if (!response.ok) throw new Error(`faults "${spec}" refused: ${response.status} ${await response.text()}`);
}

/** Every activity entry main recorded so far, newest first. */
export async function activityEntries(app: ConsoleApp) {
  return (await app.session.call('activity:list', { limit: 5000 })).entries;
}
