// Seeding writes a database of a gigabyte or more: for a while after it, the kernel is still writing
// dirty pages back and the sandbox may still be busy (its first checkpoint, the page cache filling).
// Measuring then would time the machine's clean-up, not the console — the first runs of a bench
// started right after its seed were 20–40 % slower than the later ones. So each bench that seeds
// waits for the writes to reach the disk (`sync`) and for the sandbox's process to go quiet first.
import { execFileSync } from 'node:child_process';
import type { SandboxHandle } from './sandbox-process';

/** CPU the sandbox may use per second and still count as quiet (ms). */
const QUIET_CPU_MS_PER_S = 20;
const MAX_WAIT_MS = 30_000;

/** Flushes the seed's writes and waits until the sandbox's process is quiet (≤ 30 s); resolves with the seconds it took. */
export async function settleAfterSeed(sandbox: Pick<SandboxHandle, 'cpuMs'>): Promise<number> {
  const start = performance.now();
  execFileSync('sync');
  let quietSeconds = 0;
  let before = await sandbox.cpuMs();
  while (quietSeconds < 2 && performance.now() - start < MAX_WAIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await sandbox.cpuMs();
    quietSeconds = now - before <= QUIET_CPU_MS_PER_S ? quietSeconds + 1 : 0;
    before = now;
  }
  return Math.round((performance.now() - start) / 100) / 10;
}
