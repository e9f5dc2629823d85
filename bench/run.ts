// `npm run bench [-- filter...]`: runs every bench/*.bench.ts (or those whose file name contains a
// filter), starting the test bed only if one asks, prints one table and writes bench/results/latest.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startTestbed, type Testbed } from '../testbed/testbed';
import type { Benchmark, BenchContext, BenchRow } from './types';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(BENCH_DIR, 'results', 'latest.json');

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
}

function printTable(rows: BenchRow[]): void {
  const header = ['id', 'metric', 'odradek', 'peer', 'peer figure', 'ratio', 'target', 'met'];
  const cells = rows.map((row) => [
    row.id,
    row.metric,
    `${formatNumber(row.odradek)} ${row.unit}`,
    row.peer?.name ?? '-',
    row.peer === null ? '-' : `${formatNumber(row.peer.value)} ${row.unit}`,
    row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`,
    row.target ?? '-',
    row.met === undefined ? '-' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)));
  const render = (line: string[]) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  console.log(render(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const line of cells) console.log(render(line));
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const files = readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();
  if (files.length === 0) {
    console.error(`no bench/*.bench.ts matches ${filters.join(' ') || '(any)'}`);
    return 1;
  }

  let bed: Testbed | undefined;
  let starting: Promise<Testbed> | undefined;
  const rows: BenchRow[] = [];
  const failures: { file: string; error: string }[] = [];
  try {
    for (const file of files) {
      const log = (message: string) => console.log(`[${file}] ${message}`);
      const context: BenchContext = {
        log,
        requireTestbed: async () => {
          // Benchmarks get C2-compiled brokers: start-up time matters less than steady throughput.
          starting ??= startTestbed({ jvm: 'throughput' }).then((started) => {
            bed = started;
            console.log(`[bench] test bed: Kafka ${started.info.kafkaVersion} up in ${started.timings.total} ms`);
            return started;
          });
          context.testbed = (await starting).info;
          return context.testbed;
        },
      };
      log('running');
      try {
        const module = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as { default?: Benchmark };
        if (typeof module.default !== 'function') throw new Error('the default export is not a Benchmark function');
        rows.push(...(await module.default(context)));
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ file, error: message });
        console.error(`[${file}] failed: ${message}`);
      }
    }
  } finally {
    await bed?.stop();
  }

  console.log('');
  printTable(rows);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        finishedAt: new Date().toISOString(),
        machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: process.platform },
        kafkaVersion: bed?.info.kafkaVersion ?? null,
        rows,
        failures,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
