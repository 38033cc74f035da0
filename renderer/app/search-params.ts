// Search-param schemas shared by the screens whose state lives in the URL. Each one drops a bad or
// hand-edited value (`.catch(undefined)`) instead of breaking the screen, so a deep link always opens.
import { z } from 'zod';

/** Free text (an id, a name): trimmed, non-empty, at most 200 characters. */
export const searchText = z.string().trim().min(1).max(200).optional().catch(undefined);

/** A date-time anything `Date.parse` reads (the screens turn it into ISO for the API). */
export const searchIsoTime = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'Not a date')
  .optional()
  .catch(undefined);

/** A response code filter: exact (`500`) or a class (`5xx`). */
export const searchResponseCode = z
  .string()
  .regex(/^(\d{3}|[1-5]xx)$/)
  .optional()
  .catch(undefined);
