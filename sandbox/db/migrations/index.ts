// Every schema migration, in order. Add a new one by appending one entry (version = previous + 1).
import type { Migration } from '../migrate';
import { migration001Core } from './001-core';
import { migration002Processing } from './002-processing';
import { migration003DispatchesByAttempted } from './003-dispatches-by-attempted';

export const migrations: readonly Migration[] = [migration001Core, migration002Processing, migration003DispatchesByAttempted];
