#!/usr/bin/env node
// Runs the built CLI (npm run build). Kept tiny so `npx odradek` works from a checkout.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/main.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('odradek: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
await import(pathToFileURL(built).href);
