// Profile ids: derived from the name, unique among stored profiles, never containing "/" (keychain
// accounts are `profileId/slot`).

export function profileIdFromName(name: string, fallback = 'imported-profile'): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug === '' ? fallback : slug;
}

/** `wanted`, or `wanted-2`, `wanted-3`… so that an import never silently replaces a stored profile. */
export function uniqueProfileId(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  let suffix = 2;
  while (taken.has(`${wanted}-${suffix}`)) suffix += 1;
  return `${wanted}-${suffix}`;
}
