// Webhook endpoints (CRUD, test, rotate secret) and the retry policy.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call, IpcCallError } from '../bridge/ipc';
import type { CreateWebhookEndpointBody, PatchWebhookEndpointBody, RetryPolicyBody, WebhookEndpoint } from '../../shared/api/webhooks';
import type { EndpointsListInput } from '../../shared/ipc/channels/webhooks';
import { queryKeys } from './keys';

export function useWebhookEndpoints(input: EndpointsListInput = {}) {
  return useQuery({ queryKey: queryKeys.webhookEndpoints.list(input), queryFn: ({ signal }) => call('webhooks:endpointsList', input, { signal }) });
}

export function useWebhookEndpoint(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.webhookEndpoints.detail(id ?? ''),
    queryFn: ({ signal }) => call('webhooks:endpointGet', { id: id ?? '' }, { signal }),
    enabled: !!id,
  });
}

function settleEndpoint(queryClient: QueryClient, endpoint: WebhookEndpoint) {
  // The signing secret is shown once by the caller and never cached.
  const { secret: _secret, ...withoutSecret } = endpoint as WebhookEndpoint & { secret?: string };
  queryClient.setQueryData(queryKeys.webhookEndpoints.detail(endpoint.id), withoutSecret);
  return queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints.lists() });
}

function refreshCapabilitiesOnUnsupported(queryClient: QueryClient) {
  return (error: unknown) => {
    if (error instanceof IpcCallError && error.code === 'unsupported') void queryClient.invalidateQueries({ queryKey: queryKeys.capabilities.all });
  };
}

export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: CreateWebhookEndpointBody; actionId: string }) => call('webhooks:endpointCreate', input),
    onSuccess: (endpoint) => settleEndpoint(queryClient, endpoint),
  });
}

export function useUpdateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: PatchWebhookEndpointBody; actionId: string }) => call('webhooks:endpointUpdate', input),
    onSuccess: (endpoint) => settleEndpoint(queryClient, endpoint),
  });
}

export function useDeleteWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; actionId: string }) => call('webhooks:endpointDelete', input),
    onSuccess: async ({ id }) => {
      queryClient.removeQueries({ queryKey: queryKeys.webhookEndpoints.detail(id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints.lists() });
    },
  });
}

export function useTestWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; actionId: string }) => call('webhooks:endpointTest', input),
    // A `ping` event and its dispatch now exist.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.events.lists() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dispatches.all }),
      ]),
    onError: refreshCapabilitiesOnUnsupported(queryClient),
  });
}

export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; actionId: string }) => call('webhooks:endpointRotateSecret', input),
    onSuccess: (endpoint) => settleEndpoint(queryClient, endpoint),
    onError: refreshCapabilitiesOnUnsupported(queryClient),
  });
}

export function useRetryPolicy() {
  return useQuery({ queryKey: queryKeys.retryPolicy.all, queryFn: ({ signal }) => call('webhooks:retryPolicyGet', {}, { signal }) });
}

export function usePutRetryPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: RetryPolicyBody; actionId: string }) => call('webhooks:retryPolicyPut', input),
    onSuccess: (policy) => queryClient.setQueryData(queryKeys.retryPolicy.all, policy),
    onError: refreshCapabilitiesOnUnsupported(queryClient),
  });
}
