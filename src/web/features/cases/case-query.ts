import { call } from '../../api.js';

/**
 * The case file's query, shared by the page and the router's prefetch. Fresh for a few seconds,
 * so the page does not fetch (and audit) again what the prefetch has just read; every change
 * to the case invalidates it at once.
 */
export const caseQuery = (id: string) => ({
  queryKey: ['case', id],
  queryFn: () => call('GET /api/v1/cases/:id', { params: { id } }),
  retry: false,
  staleTime: 10_000,
});
