import { buildTemplate, TEMPLATE_DIR } from './template.js';

/** Integration tests: build the seeded template database once for the whole run. */
export default async function setup() {
  const started = Date.now();
  await buildTemplate();
  console.log(`Test template database ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${TEMPLATE_DIR})`);
}
