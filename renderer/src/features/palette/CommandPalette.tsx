// Ctrl/⌘+K: type to jump to any screen, connection or topic (and any source added to
// palette-sources). ↑/↓ move, Enter opens, Escape closes; focus lands on what was opened.
import { Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useUiStore } from '../../app/ui-store';
import { shortcutLabel } from '../../lib/shortcuts';
import { rankPaletteItems, type PaletteItem } from './palette-model';
import { paletteSources, type PaletteContext } from './palette-sources';

/** Waits (briefly) for the element to be rendered, then focuses it. */
function focusWhenShown(selector: string) {
  const started = performance.now();
  const attempt = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) element.focus();
    else if (performance.now() - started < 5_000) setTimeout(attempt, 50);
  };
  setTimeout(attempt, 0);
}

export function CommandPalette({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Go to…" size="lg" yOffset="10vh" returnFocus={false} transitionProps={{ duration: 0 }}>
      {opened && <PaletteBody onClose={onClose} />}
    </Modal>
  );
}

function PaletteBody({ onClose }: { onClose(): void }) {
  const profileId = useUiStore((state) => state.selectedProfileId);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const context: PaletteContext = { profileId, focusWhenShown };
  // Sources are hooks in a fixed list: each call below happens on every render, in the same order.
  const results = paletteSources.map((source) => source(context));
  const shown = rankPaletteItems(
    results.flatMap((result) => result.items),
    query,
  );
  const loading = results.some((result) => result.loading);
  const errors = results.flatMap((result) => (result.error ? [result.error] : []));
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    item.run();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (move !== 0) {
      event.preventDefault();
      const next = Math.max(0, Math.min(shown.length - 1, current + move));
      setActive(next);
      list.current?.querySelector(`[data-option-index="${next}"]`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(shown[current]);
    }
  };

  return (
    <Stack gap="xs">
      <TextInput
        data-autofocus
        placeholder="Screen, connection or topic"
        aria-label="Go to"
        role="combobox"
        aria-expanded
        aria-controls="palette-options"
        aria-autocomplete="list"
        aria-activedescendant={shown[current] ? `palette-option-${current}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        rightSection={loading ? <Loader size="xs" aria-label="Loading names" /> : null}
      />
      {errors.map((error) => (
        <Text key={error} size="xs" c="red">
          {error}
        </Text>
      ))}
      <div ref={list} id="palette-options" role="listbox" aria-label="Matches" style={{ maxHeight: '50vh', overflow: 'auto' }}>
        {shown.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {loading ? 'Loading…' : `Nothing matches “${query}”.`}
          </Text>
        )}
        {shown.map((item, index) => (
          <UnstyledButton
            key={item.id}
            id={`palette-option-${index}`}
            data-option-index={index}
            role="option"
            aria-selected={index === current}
            tabIndex={-1}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(item)}
            px="sm"
            py={6}
            w="100%"
            style={{ display: 'block', borderRadius: 4, background: index === current ? 'var(--mantine-primary-color-light)' : undefined }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" truncate="end">
                {item.label}
              </Text>
              <Group gap={6} wrap="nowrap">
                {item.hint && (
                  <Text size="xs" c="dimmed" truncate="end" maw={220}>
                    {item.hint}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {item.group}
                </Text>
              </Group>
            </Group>
          </UnstyledButton>
        ))}
      </div>
      <Text size="xs" c="dimmed">
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> move · <Kbd>Enter</Kbd> open · <Kbd>Esc</Kbd> close · <Kbd>{shortcutLabel('help')}</Kbd> all shortcuts
      </Text>
    </Stack>
  );
}
