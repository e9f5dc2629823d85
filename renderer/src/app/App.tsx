import { ColorInput, DEFAULT_THEME, Drawer, Loader, MantineProvider, Modal, createTheme, useMantineColorScheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AppLayout } from './AppLayout';
import { readableOn } from './contrast';
import { useUiStore } from './ui-store';

const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white labels on filled buttons above 4.5:1 contrast (shade 6 is about 4:1).
  primaryShade: { light: 8, dark: 8 },
  // Filled variants pick black or white labels by the fill's luminance (yellow, lime, orange fills).
  autoContrast: true,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "JetBrains Mono", "DejaVu Sans Mono", monospace',
  // Icon-only buttons Mantine draws itself get names a screen reader can say.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
    // A spinner is a status; its label is what a screen reader announces.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
    ColorInput: ColorInput.extend({ defaultProps: { eyeDropperButtonProps: { 'aria-label': 'Pick a colour from the screen' } } }),
  },
});

// Mantine's light scheme draws light and subtle variants (active nav entries, light/subtle buttons and
// badges) as shade 9 text on shade 1, or shade 2 under the pointer; for indigo, orange, yellow and others
// that misses WCAG AA (4.5:1). Component style props (--button-color, --nl-color) point at these
// colour-level variables, so the fix lives here and not in per-component CSS: each colour's light-variant
// and plain text is darkened until it reads at 4.5:1 (with a margin for the 0.9 description opacity) on
// white, shade 1 and shade 2. Dark scheme: shade 0 on a darkened shade 9 already passes; the dimmed
// grey (dark-2 on the dark-7 body, 4:1) is lightened until it reads on the body and on hover (dark-6).
const LIGHT_TEXT_CONTRAST = 5;
const palette = { ...DEFAULT_THEME.colors, ...theme.colors } as Record<string, readonly string[]>;
const lightSchemeText = Object.fromEntries(
  Object.entries(palette)
    .filter(([name]) => name !== 'dark')
    .flatMap(([name, shades]) => {
      const text = readableOn(shades[9]!, ['#ffffff', shades[1]!, shades[2]!], LIGHT_TEXT_CONTRAST);
      return [
        [`--mantine-color-${name}-light-color`, text],
        [`--mantine-color-${name}-text`, text],
      ];
    }),
);
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...lightSchemeText,
    '--mantine-primary-color-light-color': `var(--mantine-color-${theme.primaryColor}-light-color)`,
  },
  dark: {
    '--mantine-color-dimmed': readableOn(palette['dark']![2]!, [palette['dark']![7]!, palette['dark']![6]!], LIGHT_TEXT_CONTRAST, 'light'),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    // Local IPC is cheap and the data is live cluster state: refetch on focus, but do not retry errors
    // that carry a reason the user must read (auth failures, permissions).
    queries: { retry: false, staleTime: 5_000 },
  },
});

/** Keeps Mantine's colour scheme in step with the persisted preference ("system" follows the OS). */
function ThemeSync() {
  const preference = useUiStore((state) => state.theme);
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => setColorScheme(preference === 'system' ? 'auto' : preference), [preference, setColorScheme]);
  return null;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <ThemeSync />
      <QueryClientProvider client={queryClient}>
        <AppLayout />
      </QueryClientProvider>
    </MantineProvider>
  );
}
