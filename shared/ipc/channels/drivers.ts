// drivers:* — the driver catalogue (docs/api-contract.md §4).
import { z } from 'zod';
import { op } from '../kit';
import { driverView } from '../../api/ipc-views';
import { actionIdSchema, listOutput, optionalFilterText, pageListInput, resourceIdSchema } from '../../api/ipc-lists';

export const driverFiltersSchema = z
  .object({ name: optionalFilterText, type: optionalFilterText, enabled: z.boolean().optional() })
  .strict();
export type DriverFilters = z.infer<typeof driverFiltersSchema>;

export const driversListInputSchema = pageListInput(driverFiltersSchema);
export type DriversListInput = z.infer<typeof driversListInputSchema>;

const idInput = z.object({ id: resourceIdSchema }).strict();
const writeInput = z.object({ id: resourceIdSchema, actionId: actionIdSchema }).strict();

export const driversChannels = {
  'drivers:list': op(driversListInputSchema, listOutput(driverView)),
  /** By id or slug. */
  'drivers:get': op(idInput, driverView),
  'drivers:enable': op(writeInput, driverView, { write: true }),
  'drivers:disable': op(writeInput, driverView, { write: true }),
};

export const driversEvents = {};
