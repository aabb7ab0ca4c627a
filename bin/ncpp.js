#!/usr/bin/env node
// The `ncpp` command: loads the TypeScript CLI in this same process through tsx's loader, so
// signals reach the server directly and the data-folder lock names this process.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/main.ts');
