import { runCli } from './index';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`odradek: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
