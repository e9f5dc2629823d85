import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { ProfileIssue } from '../../../../shared/domain/profile/issues';

const severityColour: Record<ProfileIssue['severity'], string> = { error: 'red', warning: 'orange', info: 'blue' };

/** Errors, warnings and notes as the model phrased them (location and fix are part of the message). */
export function IssueList({ issues, title }: { issues: readonly ProfileIssue[]; title?: string }) {
  return (
    <Stack gap={4}>
      {title && (
        <Text size="sm" fw={500}>
          {title}
        </Text>
      )}
      <List spacing={4} listStyleType="none" aria-label={title ?? 'Issues'}>
        {issues.map((issue) => (
          <List.Item key={`${issue.code}|${issue.message}`} data-severity={issue.severity}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Badge size="xs" variant="light" color={severityColour[issue.severity]} miw={58} mt={3}>
                {issue.severity}
              </Badge>
              <Text size="sm">{issue.message}</Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
