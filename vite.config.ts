import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  // Pages past sign-in load on demand (router.tsx): the entry chunk is the login + home route.
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
