import { darken, lighten, luminance } from '@mantine/core';

/** WCAG contrast ratio of two opaque colours (hex or rgb). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * `text`, darkened (or, with `towards: 'light'`, lightened) in small steps until it reaches `minimum`
 * contrast on every one of `backgrounds` (Mantine's darkest shade of orange, yellow or indigo misses 4.5:1
 * on its own tinted backgrounds; its dark scheme's dimmed grey misses it on the dark body).
 * Throws when no darkening gets there, so a palette that cannot be made readable is never used silently.
 */
export function readableOn(text: string, backgrounds: readonly string[], minimum: number, towards: 'dark' | 'light' = 'dark'): string {
  const adjust = towards === 'dark' ? darken : lighten;
  for (let amount = 0; amount <= 1; amount += 0.025) {
    const candidate = amount === 0 ? text : adjust(text, amount);
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= minimum)) return candidate;
  }
  throw new Error(`No shade of ${text} reaches ${minimum}:1 on ${backgrounds.join(', ')}`);
}
