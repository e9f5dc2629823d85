import { MantineProvider, createTheme, useMantineColorScheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AppLayout } from './AppLayout';
import { useUiStore } from './ui-store';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "JetBrains Mono", "DejaVu Sans Mono", monospace',
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
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <ThemeSync />
      <QueryClientProvider client={queryClient}>
        <AppLayout />
      </QueryClientProvider>
    </MantineProvider>
  );
}
