// drivers:* — the driver catalogue (docs/api-contract.md §4).
import { z } from 'zod';
import { op } from '../kit';
import { driverSchema } from '../../api/drivers';
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
  'drivers:list': op(driversListInputSchema, listOutput(driverSchema)),
  /** By id or slug. */
  'drivers:get': op(idInput, driverSchema),
  'drivers:enable': op(writeInput, driverSchema, { write: true }),
  'drivers:disable': op(writeInput, driverSchema, { write: true }),
};

export const driversEvents = {};
