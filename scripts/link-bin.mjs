// npm links a package's "bin" for its dependents, not for itself. Tools that read Bedside's
// contracts (../shared/check-contracts) call node_modules/.bin/bedside, so link it here.
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'bin', 'bedside.mjs');
const link = join(root, 'node_modules', '.bin', 'bedside');
mkdirSync(dirname(link), { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(dirname(link), target), link);
chmodSync(target, 0o755);
