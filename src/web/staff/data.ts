import { keepPreviousData, QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import createQueryHooks from 'openapi-react-query';
import { ApiError, api, errorText } from '../shared/api.ts';
import { useLang } from '../shared/words.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will not change on retry; a network blip might
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
      // a list whose page or filter changes keeps showing the last answer until the next arrives
      placeholderData: keepPreviousData,
    },
  },
});

/**
 * Reads through the typed client, cached by React Query (the resident pages, kept small, call
 * `api` directly): `$api.useQuery('get', '/api/v1/projects/{id}', { params: { path: { id } } })`.
 */
export const $api = createQueryHooks(api);

/**
 * A write. On success every cached read is refreshed: writes are rare and lists, counts and
 * diagrams that show the same rows stay consistent without tracking which depends on which.
 */
export function useApiMutation<V, R>(write: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries() });
}

export function useErrorText() {
  const { lang } = useLang();
  return (err: unknown) => errorText(err, lang);
}

const DEFAULT_PAGE_SIZE = 20;

/**
 * Page, page size, search and filters of a list, kept in the URL so Back and a shared link
 * return to the same view. Changing anything but the page goes back to page 1.
 */
export function useListParams<K extends string>(filterKeys: readonly K[] = []) {
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Number(search.get('pageSize')) || DEFAULT_PAGE_SIZE;
  const q = search.get('q') ?? '';
  const filters = Object.fromEntries(filterKeys.map((k) => [k, search.get(k) ?? undefined])) as Record<
    K,
    string | undefined
  >;
  const update = (changes: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setSearch(next, { replace: true });
  };
  return { page, pageSize, q, filters, update, params: { page, pageSize, q, ...filters } };
}
