// Ids that could steer a request's path are refused, however they are spelled; ordinary opaque ids
// (slugs, ULIDs, numbers, odd but harmless characters) pass.
import { describe, expect, it } from 'vitest';
import { resourceIdSchema } from './api/ipc-lists';
import { resourceIdProblem } from './resource-id';

const steering = [
  '.', '..', '...', ' .. ', '%2e', '%2E', '%2e%2e', '%2E%2e', '.%2e', '%252e', '%252e%252e', '%25252e%25252e',
  '../admin', '..\\admin', 'a/b', 'a\\b', '%2f', '%2F..', '%5c', '%255c', 'a%2fb',
  'bling\r\nX-Injected: 1', 'a\nb', 'a\u0000b', '%0d%0aX: 1', '%250a', '', '   ',
];

describe('resource ids', () => {
  it.each(steering)('refuses %j in the shared check and the IPC schema', (id) => {
    expect(resourceIdProblem(id)).not.toBeNull();
    expect(resourceIdSchema.safeParse(id).success).toBe(false);
  });

  it.each(['bling', '01ke7rhnt6fhb6tsbbhcdpepya', '42', 'evt_9f8a.json', 'a..b', 'v1.2', '100%', 'nome com espaço', 'ação'])('accepts %j', (id) => {
    expect(resourceIdProblem(id)).toBeNull();
    expect(resourceIdSchema.safeParse(id).success).toBe(true);
  });
});
