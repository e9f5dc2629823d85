// A JSON document as a tree whose objects and arrays expand and collapse (react-json-view-lite: plain
// React elements and class names from its stylesheet, so the CSP needs nothing more).
import { Alert, Box, Button, Group, useComputedColorScheme } from '@mantine/core';
import { useMemo, useState } from 'react';
import { JsonView, darkStyles, defaultStyles } from 'react-json-view-lite';
import 'react-json-view-lite/dist/index.css';
import { parseJsonTree } from './payload-format';

/** Levels open at first: enough to see a record's shape without unfolding every nested array. */
const INITIALLY_OPEN_LEVELS = 2;

export function JsonTree({ text, label }: { text: string; label: string }) {
  const parsed = useMemo(() => parseJsonTree(text), [text]);
  const scheme = useComputedColorScheme('light');
  // Remounting the view is how "expand all" / "collapse all" reach every node's own open state.
  const [expansion, setExpansion] = useState<{ all: boolean; generation: number }>({ all: false, generation: 0 });

  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object') {
    return (
      <Alert color="yellow" title="No tree for this value">
        {parsed.ok ? 'Only objects and arrays are shown as a tree.' : `It is not valid JSON: ${parsed.error}`}
      </Alert>
    );
  }
  const style = scheme === 'dark' ? darkStyles : defaultStyles;
  return (
    <Box ff="monospace" fz="sm">
      <Group gap={6} mb={4}>
        <Button size="compact-xs" variant="subtle" onClick={() => setExpansion(({ generation }) => ({ all: true, generation: generation + 1 }))}>
          Expand all
        </Button>
        <Button size="compact-xs" variant="subtle" onClick={() => setExpansion(({ generation }) => ({ all: false, generation: generation + 1 }))}>
          Collapse to top
        </Button>
      </Group>
      <JsonView
        key={expansion.generation}
        data={parsed.value}
        style={style}
        shouldExpandNode={expansion.all ? () => true : (level) => level < (expansion.generation === 0 ? INITIALLY_OPEN_LEVELS : 1)}
        aria-label={label}
      />
    </Box>
  );
}
