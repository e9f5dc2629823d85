import { SegmentedControl } from '@mantine/core';
import { useUiStore, type ThemePreference } from './ui-store';

const options: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemeSwitch() {
  const theme = useUiStore((state) => state.theme);
  const setTheme = useUiStore((state) => state.setTheme);
  return (
    <SegmentedControl
      size="xs"
      aria-label="Theme"
      data={options}
      value={theme}
      onChange={(value) => setTheme(value as ThemePreference)}
    />
  );
}
