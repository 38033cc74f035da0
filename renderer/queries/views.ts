// Saved views of the Events screen (per profile, stored by main): the list, save, rename, delete. A write
// refetches the list; what the screen shows on success or failure is its own (callbacks).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../bridge/ipc';

const viewsKey = ['events', 'views'] as const;

export function useSavedViews() {
  return useQuery({ queryKey: viewsKey, queryFn: async ({ signal }) => (await call('views:list', {}, { signal })).views });
}

interface WriteCallbacks {
  onSuccess?: () => void;
  onError?: (error: Error) => void;
}

export function useSaveView(callbacks: WriteCallbacks = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; search: Record<string, string> }) => call('views:save', input),
    onSuccess: () => {
      callbacks.onSuccess?.();
      void queryClient.invalidateQueries({ queryKey: viewsKey });
    },
    onError: (error) => callbacks.onError?.(error),
  });
}

export function useDeleteView(callbacks: WriteCallbacks = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('views:delete', { id }),
    onSuccess: () => {
      callbacks.onSuccess?.();
      void queryClient.invalidateQueries({ queryKey: viewsKey });
    },
    onError: (error) => callbacks.onError?.(error),
  });
}

/** Renames a view (main keeps its id and filters; another view's name answers `conflict`). */
export function useRenameView(callbacks: WriteCallbacks = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; name: string }) => call('views:rename', input),
    onSuccess: () => {
      callbacks.onSuccess?.();
      void queryClient.invalidateQueries({ queryKey: viewsKey });
    },
    onError: (error) => callbacks.onError?.(error),
  });
}
