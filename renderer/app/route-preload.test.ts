import { describe, expect, it, vi } from 'vitest';
import type { ScreenDefinition } from './screens';
import { preloadScreenForHash } from './route-preload';

function screen(id: ScreenDefinition['id'], path: string) {
  const preload = vi.fn(async () => undefined);
  const definition = { id, path, route: { options: { component: { preload } } } } as unknown as ScreenDefinition;
  return { definition, preload };
}

describe('preloadScreenForHash', () => {
  it('fetches the chunk of the screen the hash opens on, query and all, and nothing else', () => {
    const events = screen('events', '/events');
    const drivers = screen('drivers', '/drivers');
    preloadScreenForHash('#/events?status=failed&range=24h', [events.definition, drivers.definition]);
    expect(events.preload).toHaveBeenCalledTimes(1);
    expect(drivers.preload).not.toHaveBeenCalled();
  });

  it('loads nothing for an unknown path or the bare root (the router redirects or shows not-found)', () => {
    const events = screen('events', '/events');
    preloadScreenForHash('#/nowhere', [events.definition]);
    preloadScreenForHash('', [events.definition]);
    expect(events.preload).not.toHaveBeenCalled();
  });
});
