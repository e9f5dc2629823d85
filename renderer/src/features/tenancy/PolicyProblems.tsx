// The attached policy file's problems as main reported them, each with its line and column.
import { Badge, Group, Text } from '@mantine/core';
import type { TenancyState } from '../../../../shared/ipc/contract';

type Problem = NonNullable<TenancyState['policy']>['problems'][number];

export function PolicyProblems({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul aria-label="Policy file problems" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {problems.map((problem, index) => (
        <li key={`${problem.line}:${problem.column}:${index}`}>
          <Group gap="xs" wrap="nowrap" align="flex-start" py={2}>
            <Badge size="xs" color={problem.severity === 'error' ? 'red' : 'yellow'} variant="filled" style={{ flexShrink: 0 }}>
              {problem.severity}
            </Badge>
            {/* Line 0: the file as a whole (it could not be read). */}
            {problem.line > 0 && (
              <Text size="xs" ff="monospace" c="dimmed" style={{ flexShrink: 0 }}>
                {problem.line}:{problem.column}
              </Text>
            )}
            <Text size="sm">{problem.message}</Text>
          </Group>
        </li>
      ))}
    </ul>
  );
}
