// The `schemas:*` channels: thin handlers over the Schema Registry service.
import type { ChannelHandlers } from '../../ipc/dispatcher';
import type { SchemaService } from './schema-service';

export type SchemaChannel =
  | 'schemas:list'
  | 'schemas:subject'
  | 'schemas:version'
  | 'schemas:check'
  | 'schemas:register'
  | 'schemas:set-compatibility'
  | 'schemas:delete-compatibility'
  | 'schemas:mode'
  | 'schemas:set-mode'
  | 'schemas:delete';

export function createSchemaHandlers(service: SchemaService): Pick<ChannelHandlers, SchemaChannel> {
  return {
    'schemas:list': (input) => service.list(input),
    'schemas:subject': (input) => service.subject(input),
    'schemas:version': (input) => service.version(input),
    'schemas:check': (input) => service.check(input),
    'schemas:register': (input) => service.register(input),
    'schemas:set-compatibility': (input) => service.setCompatibility(input),
    'schemas:delete-compatibility': (input) => service.deleteCompatibility(input),
    'schemas:delete': (input) => service.delete(input),
    'schemas:mode': (input) => service.mode(input),
    'schemas:set-mode': (input) => service.setMode(input),
  };
}
