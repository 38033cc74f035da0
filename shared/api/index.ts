// The platform API's shapes, tolerant (for the client) and strict (for the sandbox's contract
// tests). See docs/api-contract.md; §8 says what "tolerant" means.
export * from './schema-mode';
export * from './envelopes';
export * from './errors';
export * from './drivers';
export * from './installations';
export * from './processing';
export * from './webhooks';

import { strictEnvelopeSchemas } from './envelopes';
import { strictErrorBodySchema, strictValidationErrorBodySchema } from './errors';
import { strictDriverSchemas } from './drivers';
import { strictInstallationSchemas } from './installations';
import { strictProcessingSchemas } from './processing';
import { strictWebhookSchemas } from './webhooks';

/**
 * Exactly OURS, for the sandbox's contract tests: e.g.
 * `strictApiSchemas.page(strictApiSchemas.driver).parse(body)` or
 * `strictApiSchemas.wrapped(strictApiSchemas.installation).parse(body)`.
 */
export const strictApiSchemas = {
  ...strictEnvelopeSchemas,
  driverSetting: strictDriverSchemas.setting,
  driver: strictDriverSchemas.driver,
  installation: strictInstallationSchemas.installation,
  event: strictProcessingSchemas.event,
  eventDetail: strictProcessingSchemas.eventDetail,
  dispatch: strictProcessingSchemas.dispatch,
  receivedWebhook: strictProcessingSchemas.receivedWebhook,
  webhookEndpoint: strictWebhookSchemas.endpoint,
  webhookEndpointWithSecret: strictWebhookSchemas.endpointWithSecret,
  retryPolicy: strictWebhookSchemas.retryPolicy,
  errorBody: strictErrorBodySchema,
  validationErrorBody: strictValidationErrorBodySchema,
};
