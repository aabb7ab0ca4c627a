import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import '@fontsource/noto-sans-bengali/bengali-400.css';
import '@fontsource/noto-sans-bengali/bengali-700.css';
import './i18n.js';
import './styles.css';
import { ApiError, dropEarly } from './api.js';
import { makeRouter } from './router.js';

const queryClient = new QueryClient({
  defaultOptions: {
    // Slow networks: keep data a while, retry once, never retry what the server refused.
    queries: { staleTime: 30_000, retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 1, refetchOnWindowFocus: false },
  },
});
const router = makeRouter(queryClient);
// What the page-load script asked for serves the first page only.
const unsubscribe = router.subscribe('onResolved', () => {
  dropEarly();
  unsubscribe();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
