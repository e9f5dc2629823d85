// Decoders that share no code with the app's own (avsc, protobufjs), for checking what the app encodes:
// avro-js for Avro, and @bufbuild/protobuf for Protobuf with file descriptors written out by hand here
// (no .proto parser is involved, so a parsing mistake in the app cannot hide in the check).
import { createFileRegistry, fromBinary, toJson, type FileRegistry, type JsonValue } from '@bufbuild/protobuf';
import {
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as FieldType,
  FileDescriptorProtoSchema,
  file_google_protobuf_timestamp,
  file_google_protobuf_wrappers,
} from '@bufbuild/protobuf/wkt';
import { create } from '@bufbuild/protobuf';
import { createType } from 'avro-js/lib/schemas.js';

/** avro-js: `avroJs.parse(schema).fromBuffer(bytes)`. */
export const avroJs = { parse: (schema: unknown) => createType(schema) };

/** .proto text used by the tests, and the descriptors the independent decoder gets for it. */
export const protoMoney = `syntax = "proto3";
package shop.common;
message Money { string currency = 1; int64 units = 2; }`;

export const protoOrder = `syntax = "proto3";
package shop;
import "common/money.proto";
import "google/protobuf/timestamp.proto";
import "google/protobuf/wrappers.proto";
message Unused { string x = 1; }
message Order {
  string id = 1;
  shop.common.Money total = 2;
  repeated Line lines = 3;
  google.protobuf.Timestamp placed = 4;
  google.protobuf.StringValue coupon = 5;
  Status status = 6;
  message Line { string sku = 1; int32 quantity = 2; }
  enum Status { NEW = 0; PAID = 1; }
}`;

const field = (name: string, number: number, type: FieldType, extra: { typeName?: string; repeated?: boolean } = {}) => ({
  name,
  number,
  type,
  jsonName: name,
  label: extra.repeated ? Label.REPEATED : Label.OPTIONAL,
  ...(extra.typeName ? { typeName: extra.typeName } : {}),
});

const moneyFile = create(FileDescriptorProtoSchema, {
  name: 'common/money.proto',
  package: 'shop.common',
  syntax: 'proto3',
  messageType: [{ name: 'Money', field: [field('currency', 1, FieldType.STRING), field('units', 2, FieldType.INT64)] }],
});

const orderFile = create(FileDescriptorProtoSchema, {
  name: 'order.proto',
  package: 'shop',
  syntax: 'proto3',
  dependency: ['common/money.proto', 'google/protobuf/timestamp.proto', 'google/protobuf/wrappers.proto'],
  messageType: [
    { name: 'Unused', field: [field('x', 1, FieldType.STRING)] },
    {
      name: 'Order',
      field: [
        field('id', 1, FieldType.STRING),
        field('total', 2, FieldType.MESSAGE, { typeName: '.shop.common.Money' }),
        field('lines', 3, FieldType.MESSAGE, { typeName: '.shop.Order.Line', repeated: true }),
        field('placed', 4, FieldType.MESSAGE, { typeName: '.google.protobuf.Timestamp' }),
        field('coupon', 5, FieldType.MESSAGE, { typeName: '.google.protobuf.StringValue' }),
        field('status', 6, FieldType.ENUM, { typeName: '.shop.Order.Status' }),
      ],
      nestedType: [{ name: 'Line', field: [field('sku', 1, FieldType.STRING), field('quantity', 2, FieldType.INT32)] }],
      enumType: [{ name: 'Status', value: [{ name: 'NEW', number: 0 }, { name: 'PAID', number: 1 }] }],
    },
  ],
});

export function orderRegistry(): FileRegistry {
  const files: Record<string, unknown> = {
    'common/money.proto': moneyFile,
    'google/protobuf/timestamp.proto': file_google_protobuf_timestamp,
    'google/protobuf/wrappers.proto': file_google_protobuf_wrappers,
  };
  return createFileRegistry(orderFile, (name) => files[name] as never);
}

/**
 * Decodes a Protobuf body (after the 5-byte header) with @bufbuild/protobuf: reads the message-index
 * path itself (zig-zag varints) and maps it onto the hand-written descriptors.
 */
export function decodeOrderIndependently(body: Uint8Array): { typeName: string; json: JsonValue } {
  let at = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = body[at++]!;
      result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return (result >>> 1) ^ -(result & 1);
  };
  const count = varint();
  const path = count === 0 ? [0] : Array.from({ length: count }, varint);
  const registry = orderRegistry();
  const file = registry.getFile('order.proto')!;
  let descriptor = file.messages[path[0]!]!;
  for (const index of path.slice(1)) descriptor = descriptor.nestedMessages[index]!;
  const message = fromBinary(descriptor, body.subarray(at));
  return { typeName: descriptor.typeName, json: toJson(descriptor, message, { registry }) };
}
