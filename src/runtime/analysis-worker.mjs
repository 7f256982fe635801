// The analysis pool's thread entry. Node 20 does not carry the parent's TypeScript loader (tsx)
// into worker threads, so the thread registers it before loading the worker in TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
