#!/usr/bin/env node
// Entry point of the `bedside` command. The sources are TypeScript, run through tsx's loader
// so that a fresh clone works with `npm install` alone (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
