import { loadSync } from '@grpc/proto-loader';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Root, Type } from 'protobufjs';
import { awsToTyped, timestamp, typedToAws } from './typed-json.converter';

const PROTO = `
syntax = "proto3";
package t.v1;
import "google/protobuf/struct.proto";
import "google/protobuf/timestamp.proto";
message Req {
  optional string user_pool_id = 1 [json_name = "UserPoolId"];
  optional string status = 2 [json_name = "Status"];
  optional int32 count = 3 [json_name = "Count"];
  optional int64 size = 4 [json_name = "Size"];
  optional double ratio = 5 [json_name = "Ratio"];
  optional bool enabled = 6 [json_name = "Enabled"];
  optional bytes secret = 7 [json_name = "Secret"];
  google.protobuf.Timestamp at = 8 [json_name = "At"];
  repeated string names = 9 [json_name = "Names"];
  map<string, string> tags = 10 [json_name = "Tags"];
  map<string, Node> nodes = 11 [json_name = "Nodes"];
  google.protobuf.Value doc = 12 [json_name = "Doc"];
  Node node = 13 [json_name = "Node"];
  optional string mfa_configuration = 14 [json_name = "MFAConfiguration"];
}
message Node {
  optional string name = 1 [json_name = "Name"];
  repeated Node children = 2 [json_name = "Children"];
}
`;

/** The type as protobufjs reflects it, and the codec @grpc/proto-loader builds (as the gateway's server does). */
function load(): { type: Type; codec: { serialize(o: object): Buffer; deserialize(b: Buffer): object } } {
  const dir = mkdtempSync(join(tmpdir(), 'typed-json-'));
  writeFileSync(join(dir, 't.proto'), PROTO);
  const root = new Root().loadSync(join(dir, 't.proto'), { keepCase: false });
  root.resolveAll();
  const definition = loadSync(join(dir, 't.proto'), {
    keepCase: false,
    longs: Number,
    enums: String,
    defaults: true,
    arrays: true,
    oneofs: true,
  });
  return {
    type: root.lookupType('t.v1.Req'),
    codec: definition['t.v1.Req'] as unknown as {
      serialize(o: object): Buffer;
      deserialize(b: Buffer): object;
    },
  };
}

const AWS = {
  UserPoolId: 'us-east-1_abc',
  Status: 'SOME_VALUE_AWS_ADDS_NEXT_YEAR',
  Count: 3,
  Size: 2 ** 40,
  Ratio: 0.25,
  Enabled: false,
  Secret: Buffer.from('s3cr3t').toString('base64'),
  At: 1_700_000_000.5,
  Names: ['a', 'b'],
  Tags: { team: 'id', empty: '' },
  Nodes: { root: { Name: 'r', Children: [{ Name: 'leaf' }] } },
  Doc: { a: [1, 'two', true, null], b: { c: 'd' } },
  Node: { Name: 'n', Children: [{ Name: 'c', Children: [{ Name: 'gc' }] }] },
  MFAConfiguration: 'OFF',
};

describe('typed <-> AWS JSON', () => {
  const { type, codec } = load();

  it('reads a map given in the Query protocol form, { entry: [{ key, value }] }', () => {
    const typed = awsToTyped(type, {
      Tags: {
        entry: [
          { key: 'IAM Policy', value: 'allowed' },
          { key: 'Resource Policy', value: 'implicitDeny' },
        ],
      },
    });
    expect(typed.tags).toEqual({ 'IAM Policy': 'allowed', 'Resource Policy': 'implicitDeny' });
    expect(awsToTyped(type, { Tags: { entry: [] } }).tags).toEqual({});
  });

  it('round-trips every kind of member through the wire encoding', () => {
    const typed = awsToTyped(type, AWS);
    const decoded = codec.deserialize(codec.serialize(typed)) as Record<string, unknown>;
    expect(typedToAws(type, decoded)).toEqual(AWS);
  });

  it('reads what a client sends: camelCased fields, Timestamp, bytes, Value', () => {
    const sent = codec.serialize({
      userPoolId: 'p',
      at: { seconds: 10, nanos: 250_000_000 },
      secret: Buffer.from([0, 255]),
      doc: { structValue: { fields: { k: { numberValue: 2 } } } },
      size: 5,
    });
    expect(typedToAws(type, codec.deserialize(sent) as Record<string, unknown>)).toEqual({
      UserPoolId: 'p',
      At: 10.25,
      Secret: 'AP8=',
      Doc: { k: 2 },
      Size: 5,
    });
  });

  it('leaves out unset members: no empty strings, zeros, lists or maps the caller did not send', () => {
    const decoded = codec.deserialize(codec.serialize({})) as Record<string, unknown>;
    expect(typedToAws(type, decoded)).toEqual({});
    // Explicit zero values of optional scalars are sent.
    const zeros = codec.deserialize(codec.serialize({ count: 0, enabled: false, status: '' }));
    expect(typedToAws(type, zeros as Record<string, unknown>)).toEqual({
      Count: 0,
      Enabled: false,
      Status: '',
    });
  });

  it('passes enum values it does not know through, and drops members the proto does not know', () => {
    expect(awsToTyped(type, { Status: 'NEW_THING', Unknown: 1 })).toEqual({ status: 'NEW_THING' });
  });

  it('takes timestamps as epoch seconds, ISO 8601 or Date, and writes them as epoch seconds', () => {
    expect(timestamp(1.5)).toEqual({ seconds: 1, nanos: 500_000_000 });
    expect(timestamp('2026-12-07T03:00:00.250Z')).toEqual({ seconds: 1796612400, nanos: 250_000_000 });
    expect(timestamp(new Date(1000))).toEqual({ seconds: 1, nanos: 0 });
    expect(awsToTyped(type, { At: '2026-12-07T03:00:00Z' })).toEqual({
      at: { seconds: 1796612400, nanos: 0 },
    });
    expect(typedToAws(type, { at: { seconds: 1796612400, nanos: 0 } })).toEqual({ At: 1796612400 });
  });
});
