// "?" lists every shortcut from the one registry, grouped by where it works.
import { Kbd, Modal, Table, Title } from '@mantine/core';
import { shortcutLabel, shortcuts, type ShortcutId, type ShortcutSpec } from '../lib/shortcuts';

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const byScope = new Map<string, ShortcutId[]>();
  for (const id of Object.keys(shortcuts) as ShortcutId[]) {
    const scope = (shortcuts[id] as ShortcutSpec).scope;
    byScope.set(scope, [...(byScope.get(scope) ?? []), id]);
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      {[...byScope].map(([scope, ids]) => (
        <div key={scope}>
          <Title order={3} size="h6" mt="sm">
            {scope}
          </Title>
          <Table aria-label={`${scope} shortcuts`} withRowBorders={false}>
            <Table.Tbody>
              {ids.map((id) => (
                <Table.Tr key={id}>
                  <Table.Td w={140}>
                    <Kbd>{shortcutLabel(id)}</Kbd>
                  </Table.Td>
                  <Table.Td>{shortcuts[id].label}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </Modal>
  );
}
