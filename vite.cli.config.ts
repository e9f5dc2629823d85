// Builds the `odradek` command line as one ESM file for Node; dependencies stay in node_modules.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...Object.keys(pkg.dependencies)];

export default defineConfig({
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    lib: { entry: resolve(import.meta.dirname, 'electron/cli/main.ts'), formats: ['es'], fileName: () => 'main.js' },
    rollupOptions: { external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)) },
  },
});
