// installations:* — a customer's connection to one driver (docs/api-contract.md §5).
import { z } from 'zod';
import { op } from '../kit';
import { createInstallationBodySchema, patchInstallationBodySchema } from '../../api/installations';
import { installationView } from '../../api/ipc-views';
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
  'installations:list': op(installationsListInputSchema, listOutput(installationView)),
  'installations:get': op(idInput, installationView),
  /** OAuth drivers answer `status: pending_auth` with an `auth_url` to open. */
  'installations:create': op(z.object({ actionId: actionIdSchema, body: createInstallationBodySchema }).strict(), installationView, { write: true }),
  'installations:update': op(
    z.object({ id: resourceIdSchema, actionId: actionIdSchema, body: patchInstallationBodySchema }).strict(),
    installationView,
    { write: true },
  ),
  'installations:disable': op(writeInput, installationView, { write: true }),
  'installations:enable': op(writeInput, installationView, { write: true }),
  /** A new `auth_url`; the id stays. */
  'installations:reauthorize': op(writeInput, installationView, { write: true }),
};

export const installationsEvents = {};
