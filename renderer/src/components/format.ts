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

const exactFormat = new Intl.NumberFormat('en-US');

/** Every digit, grouped ("1,234,567"): where people compare counts, "1.2M" hides the difference. */
export function formatExactCount(count: number | null): string {
  return count === null ? '…' : exactFormat.format(count);
}
