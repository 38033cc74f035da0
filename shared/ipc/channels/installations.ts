// installations:* — a customer's connection to one driver (docs/api-contract.md §5).
import { z } from 'zod';
import { op } from '../kit';
import { createInstallationBodySchema, installationSchema, patchInstallationBodySchema } from '../../api/installations';
import { actionIdSchema, listOutput, optionalFilterText, pageListInput, resourceIdSchema } from '../../api/ipc-lists';

export const installationFiltersSchema = z
  .object({
    driver_id: optionalFilterText,
    integration_driver_slug: optionalFilterText,
    status: optionalFilterText,
    name: optionalFilterText,
  })
  .strict();
export type InstallationFilters = z.infer<typeof installationFiltersSchema>;

export const installationsListInputSchema = pageListInput(installationFiltersSchema);
export type InstallationsListInput = z.infer<typeof installationsListInputSchema>;

const idInput = z.object({ id: resourceIdSchema }).strict();
const writeInput = z.object({ id: resourceIdSchema, actionId: actionIdSchema }).strict();

export const installationsChannels = {
  'installations:list': op(installationsListInputSchema, listOutput(installationSchema)),
  'installations:get': op(idInput, installationSchema),
  /** OAuth drivers answer `status: pending_auth` with an `auth_url` to open. */
  'installations:create': op(z.object({ actionId: actionIdSchema, body: createInstallationBodySchema }).strict(), installationSchema, { write: true }),
  'installations:update': op(
    z.object({ id: resourceIdSchema, actionId: actionIdSchema, body: patchInstallationBodySchema }).strict(),
    installationSchema,
    { write: true },
  ),
  'installations:disable': op(writeInput, installationSchema, { write: true }),
  'installations:enable': op(writeInput, installationSchema, { write: true }),
  /** A new `auth_url`; the id stays. */
  'installations:reauthorize': op(writeInput, installationSchema, { write: true }),
};

export const installationsEvents = {};
