// The `schemas:*` channels: thin handlers over the registry service.
import { AppFailure } from '../../../../shared/ipc/result';
import type { ChannelHandlers } from '../../ipc/dispatcher';

export type SchemaChannel =
  | 'schemas:list'
  | 'schemas:subject'
  | 'schemas:version'
  | 'schemas:check'
  | 'schemas:register'
  | 'schemas:set-compatibility'
  | 'schemas:delete-compatibility'
  | 'schemas:delete';

const notYet = () => {
  throw new AppFailure('UNSUPPORTED', 'The Schema Registry client is being wired in; this channel answers nothing yet.');
};

export function createSchemaHandlers(): Pick<ChannelHandlers, SchemaChannel> {
  return {
    'schemas:list': notYet,
    'schemas:subject': notYet,
    'schemas:version': notYet,
    'schemas:check': notYet,
    'schemas:register': notYet,
    'schemas:set-compatibility': notYet,
    'schemas:delete-compatibility': notYet,
    'schemas:delete': notYet,
  };
}
