// Turning a failed create/update into what the form shows: a 422's `errors` go onto the setting
// fields (mapServerErrors) and the name field; anything else stays a general error.
import { IpcCallError } from '../../bridge/ipc';
import { mapServerErrors, type SettingsFormModel } from '../../../shared/settings-form';

export interface SubmitErrors {
  settings: Record<string, string[]>;
  name: string[] | null;
  /** Other keys the server named (meta.*, driver_id…), shown above the form. */
  other: Record<string, string[]>;
  /** Not a field error at all (network, 5xx…): shown with the shared error alert. */
  general: unknown;
}

export function submitErrorsFrom(model: SettingsFormModel, error: unknown): SubmitErrors {
  if (error instanceof IpcCallError && error.code === 'validation' && error.fields) {
    const mapped = mapServerErrors(model, error.fields);
    const { name, ...other } = mapped.other;
    return { settings: mapped.fields, name: name ?? null, other, general: Object.keys(mapped.fields).length || name || Object.keys(other).length ? null : error };
  }
  return { settings: {}, name: null, other: {}, general: error };
}
