import { ColorInput, Drawer, Loader, MantineProvider, Modal, createTheme, useMantineColorScheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AppLayout } from './AppLayout';
import { useUiStore } from './ui-store';

const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white labels on filled buttons above 4.5:1 contrast (shade 6 is about 4:1).
  primaryShade: { light: 8, dark: 8 },
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

// Mantine's light scheme draws dimmed text, light-variant labels and coloured text in shades that miss
// WCAG AA contrast (4.5:1) on white and on their own tinted backgrounds; one shade darker or two meets it.
const contrastColours = ['indigo', 'blue', 'gray', 'red', 'orange', 'yellow', 'green', 'teal', 'cyan', 'violet', 'grape', 'pink', 'lime'];
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-indigo-9)',
    ...Object.fromEntries(contrastColours.flatMap((colour) => [[`--mantine-color-${colour}-light-color`, `var(--mantine-color-${colour}-9)`], [`--mantine-color-${colour}-text`, `var(--mantine-color-${colour}-9)`]])),
  },
  dark: {},
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
