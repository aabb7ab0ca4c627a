import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { earlyRequests } from './src/build/early-requests.js';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text asset of the build, at the
 * highest levels (done once, at build time), for the server to send as they are
 * (@fastify/static's preCompressed): a phone on 3G downloads a fifth of the bytes.
 * Fonts in woff2 are compressed already.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'ncpp-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle).filter((n) => /\.(js|css|html|svg|json|woff)$/.test(n))) {
        const file = path.join(outDir, name);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), earlyRequests(path.resolve(import.meta.dirname, 'src/web/features')), precompress()],
  // Pages past sign-in load on demand (router.tsx): the entry chunk is the login + home route.
  build: {
    outDir: '../../dist/web', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 500,
    // The small pieces that lazy pages share (form parts, dialogs, value lists) in one chunk, not
    // one each: the case page waited half a second on 3G for a seventh connection to fetch a 1.5 KB one.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'shared-parts', test: /[\\/](ReasonDialog|UnitPicker|ScopeEditor|useTaxonomies|values|sop-moves)\.tsx?$/ }] } } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
