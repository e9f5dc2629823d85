// Every validation problem with its position; choosing one moves the editor's cursor there.
import { Badge, Group, Paper, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import type { PolicyDiagnostic } from '../../../../shared/domain/tenancy';

export function ProblemsList({ diagnostics, onSelect }: { diagnostics: readonly PolicyDiagnostic[]; onSelect(line: number, column: number): void }) {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return (
    <Paper withBorder p="xs" component="section" aria-label="Problems">
      <Group gap="xs" mb={diagnostics.length > 0 ? 'xs' : 0}>
        <Text fw={600} size="sm">
          Problems
        </Text>
        <Badge size="sm" color={errors > 0 ? 'red' : 'gray'} variant="light">
          {errors} error{errors === 1 ? '' : 's'}
        </Badge>
        <Badge size="sm" color={warnings > 0 ? 'yellow' : 'gray'} variant="light">
          {warnings} warning{warnings === 1 ? '' : 's'}
        </Badge>
        {diagnostics.length === 0 && (
          <Text size="sm" c="dimmed">
            The policy is valid.
          </Text>
        )}
      </Group>
      {diagnostics.length > 0 && (
        <ScrollArea.Autosize mah={160}>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="problems-list">
            {diagnostics.map((diagnostic, index) => (
              <li key={`${diagnostic.from}:${index}`}>
                <UnstyledButton
                  onClick={() => onSelect(diagnostic.line, diagnostic.column)}
                  w="100%"
                  px={4}
                  py={2}
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  aria-label={`${diagnostic.severity} on line ${diagnostic.line}, column ${diagnostic.column}: ${diagnostic.message}`}
                >
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Badge size="xs" color={diagnostic.severity === 'error' ? 'red' : 'yellow'} variant="filled" style={{ flexShrink: 0 }}>
                      {diagnostic.severity}
                    </Badge>
                    <Text size="xs" ff="monospace" c="dimmed" style={{ flexShrink: 0 }}>
                      Ln {diagnostic.line}, Col {diagnostic.column}
                    </Text>
                    <Text size="sm">{diagnostic.message}</Text>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </ul>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
