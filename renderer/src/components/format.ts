const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Sizes for people: binary steps for message and partition sizes, decimal (`base` 1000) where the
 * figure should read like Kafka tooling's disk totals. `null` is a figure still being fetched.
 */
export function formatBytes(bytes: number | null, base: 1000 | 1024 = 1024): string {
  if (bytes === null) return '…';
  let value = bytes;
  let unit = 0;
  while (value >= base && unit < byteUnits.length - 1) {
    value /= base;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 100 ? 1 : 0)} ${byteUnits[unit]}`;
}
