#!/usr/bin/env node
// keytar is a native module: the app needs it built for Electron's ABI, while the tests and the CLI
// run it under Node. `npm start` switches it to Electron and `npm test` back to Node, rebuilding only
// when the current build is for the other runtime (recorded beside node_modules).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const target = process.argv[2];
if (target !== 'electron' && target !== 'node') {
  console.error('usage: native-abi.mjs electron|node');
  process.exit(2);
}
const marker = 'node_modules/.odradek-native-abi';
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node';
if (current === target) process.exit(0);

console.log(`Rebuilding keytar for ${target}…`);
const command = target === 'electron' ? ['npx', ['electron-builder', 'install-app-deps']] : ['npm', ['rebuild', 'keytar']];
const run = spawnSync(command[0], command[1], { stdio: 'inherit' });
if (run.status !== 0) {
  console.error(`Could not rebuild keytar for ${target}; the OS keychain will be unavailable until it is.`);
  process.exit(run.status ?? 1);
}
writeFileSync(marker, target);
