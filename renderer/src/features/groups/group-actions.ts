// Group actions over the contract. Each refreshes the group's detail; the list is a stream and is
// refreshed by the screen through `onChanged`.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';

/** The dry run: changes nothing, so it refreshes nothing. */
export function useResetPreview() {
  return useMutation({ mutationFn: (input: ChannelInput<'groups:reset-preview'>) => unwrap(api.invoke['groups:reset-preview'](input)) });
}

type GroupChange = 'groups:reset-apply' | 'groups:delete-offsets' | 'groups:delete';

function useGroupChange<C extends GroupChange>(channel: C, onChanged: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => unwrap(api.invoke[channel](input)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['groups:describe'] });
      onChanged();
    },
  });
}

export const useResetApply = (onChanged: () => void) => useGroupChange('groups:reset-apply', onChanged);
export const useDeleteOffsets = (onChanged: () => void) => useGroupChange('groups:delete-offsets', onChanged);
export const useDeleteGroup = (onChanged: () => void) => useGroupChange('groups:delete', onChanged);
