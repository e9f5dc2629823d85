// Which specs a Playwright run was asked for, read from the runner's command line, so the global
// setup starts heavy parts (Apicurio) only when a spec that needs them will run. With no file filter
// every spec runs; a --grep narrows by title, which cannot be told from here, so it counts as "maybe".

/** Options of `playwright test` that take a value (the value is not a file filter). */
const optionsWithValue = new Set(['-c', '--config', '-g', '--grep', '--grep-invert', '-j', '--workers', '--project', '--reporter', '--output', '--timeout', '--retries', '--repeat-each', '--max-failures', '-x', '--shard', '--trace', '--global-timeout', '--tsconfig', '--update-snapshots', '-u']);
/** Of those, the ones that may also stand alone as flags. */
const flagsToo = new Set(['-x', '--update-snapshots', '-u']);

/** File filters given after `test` on a `playwright test …` command line (argv as in process.argv). */
export function specFilters(argv: readonly string[]): string[] {
  const start = argv.indexOf('test');
  if (start === -1) return [];
  const filters: string[] = [];
  for (let index = start + 1; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg.startsWith('-')) {
      if (!arg.includes('=') && optionsWithValue.has(arg) && !(flagsToo.has(arg) && (argv[index + 1] ?? '-').startsWith('-'))) index++;
      continue;
    }
    filters.push(arg);
  }
  return filters;
}

/**
 * True when the run includes one of `specPaths` (paths as `test/e2e/x.spec.ts`): no file filter at all,
 * or a filter that Playwright would match against one of them (as a regular expression, which also
 * covers a plain substring).
 */
export function runIncludes(argv: readonly string[], specPaths: readonly string[]): boolean {
  // A filter may name a line (`a11y.spec.ts:97` or `:97:3`): the file part is what selects the spec.
  const filters = specFilters(argv).map((filter) => filter.replace(/(:\d+){1,2}$/, ''));
  if (filters.length === 0) return true;
  return filters.some((filter) => specPaths.some((path) => path.includes(filter) || (safeRegExp(filter)?.test(path) ?? false)));
}

function safeRegExp(filter: string): RegExp | null {
  try {
    return new RegExp(filter);
  } catch {
    return null;
  }
}
