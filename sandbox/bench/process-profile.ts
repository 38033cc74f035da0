// CPU-profiles the current Node process (node:inspector) while an action runs and lists the top
// entries by self time: what a benchmark cites when it says what bounds a figure. Used by the
// sandbox bench (the sandbox runs in its process) and by the console's Overview bench (main's
// services run in the bench process, test/bench/overview-bench.ts).
import { Session } from 'node:inspector/promises';

export interface ProfileEntry {
  /** The function (or V8's category: `(garbage collector)`, `(idle)`, `(program)`). */
  name: string;
  /** Its script: a package path under node_modules, the repo's own file, or a node: module. */
  where: string;
  /** Its share of the sampled time (0..1). */
  share: number;
}

export async function profileThisProcess(action: () => Promise<unknown>, top = 8): Promise<ProfileEntry[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    await action();
    const { profile } = await session.post('Profiler.stop');
    const self = new Map<string, ProfileEntry>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const deltas = profile.timeDeltas ?? [];
    let total = 0;
    (profile.samples ?? []).forEach((id, i) => {
      const node = byId.get(id);
      const micros = deltas[i] ?? 0;
      // The inspector's own work (collecting the profile) is not the process's.
      if (node === undefined || node.callFrame.url === 'node:inspector') return;
      total += micros;
      const name = node.callFrame.functionName || '(anonymous)';
      const where = node.callFrame.url
        .replace(/^.*\/node_modules\//, '')
        .replace(/^.*\/(sandbox|electron|shared|test)\//, '$1/')
        .replace(/^file:\/\//, '');
      const key = `${name} ${where}`;
      const entry = self.get(key) ?? { name, where, share: 0 };
      entry.share += micros;
      self.set(key, entry);
    });
    return [...self.values()]
      .map((entry) => ({ ...entry, share: total === 0 ? 0 : entry.share / total }))
      .sort((a, b) => b.share - a.share)
      .slice(0, top);
  } finally {
    session.disconnect();
  }
}
