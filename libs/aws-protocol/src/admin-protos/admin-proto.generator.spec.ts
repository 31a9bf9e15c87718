import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN_PROTO_APIS,
  AdminModel,
  FieldNumberLock,
  generateAdminProtos,
  snakeCase,
  trimModel,
} from './admin-proto.generator';

const root = join(__dirname, '../../../..');
const checkedInModels = (): AdminModel[] =>
  ADMIN_PROTO_APIS.map(
    (a) =>
      JSON.parse(
        readFileSync(join(root, 'scripts/admin-protos', `${a.api}.model.json`), 'utf8'),
      ) as AdminModel,
  );
const lockFile = join(root, 'proto/idfed/admin/field-numbers.lock.json');

/** A model of one API with every kind of member, for the mapping. */
function model(api: 'cognito-idp' | 'cognito-identity' | 'iam', shapes: AdminModel['shapes']): AdminModel {
  return { api, botocore: 'test', operations: { Op: { input: 'OpRequest', output: 'OpResponse' } }, shapes };
}
function three(m: AdminModel): AdminModel[] {
  return ADMIN_PROTO_APIS.map((a) =>
    a.api === m.api ? m : { api: a.api, botocore: 'test', operations: {}, shapes: {} },
  );
}

describe('admin proto generator', () => {
  it('produces exactly the checked-in protos and lock from the checked-in models', () => {
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as FieldNumberLock;
    const out = generateAdminProtos(checkedInModels(), lock);
    for (const [file, text] of Object.entries(out.files)) {
      expect({ file, text: readFileSync(join(root, 'proto', file), 'utf8') }).toEqual({ file, text });
    }
    // Nothing to append: every field of the checked-in protos has its number in the lock.
    expect(out.lock).toEqual(lock);
  });

  it('maps every kind of shape: messages, repeated, maps, timestamps, bytes, documents, enums, recursion', () => {
    const m = model('cognito-idp', {
      OpRequest: {
        type: 'structure',
        members: {
          UserPoolId: 'Str',
          MFAConfiguration: 'Enum',
          Count: 'Int',
          Size: 'Long',
          Ratio: 'Dbl',
          Enabled: 'Bool',
          Secret: 'Blob',
          At: 'Time',
          Names: 'StrList',
          Tags: 'StrMap',
          Nodes: 'NodeMap',
          Doc: 'Doc',
          Node: 'Node',
        },
      },
      OpResponse: { type: 'structure', members: { Items: 'NodeList' } },
      Node: { type: 'structure', members: { Name: 'Str', Children: 'NodeList' } },
      NodeList: { type: 'list', member: 'Node' },
      NodeMap: { type: 'map', key: 'Str', value: 'Node' },
      StrList: { type: 'list', member: 'Str' },
      StrMap: { type: 'map', key: 'Str', value: 'Str' },
      Str: { type: 'string' },
      Enum: { type: 'string' },
      Int: { type: 'integer' },
      Long: { type: 'long' },
      Dbl: { type: 'double' },
      Bool: { type: 'boolean' },
      Blob: { type: 'blob' },
      Time: { type: 'timestamp' },
      Doc: { type: 'structure', document: true },
    });
    const text = generateAdminProtos(three(m), {}).files['idfed/admin/cognitoidp/v1/cognito_idp.proto'];
    for (const line of [
      'package idfed.admin.cognitoidp.v1;',
      'import "google/protobuf/struct.proto";',
      'import "google/protobuf/timestamp.proto";',
      'rpc Op(OpRequest) returns (OpResponse);',
      'optional string user_pool_id = 1 [json_name = "UserPoolId"];',
      'optional string mfa_configuration = 2 [json_name = "MFAConfiguration"];',
      'optional int32 count = 3 [json_name = "Count"];',
      'optional int64 size = 4 [json_name = "Size"];',
      'optional double ratio = 5 [json_name = "Ratio"];',
      'optional bool enabled = 6 [json_name = "Enabled"];',
      'optional bytes secret = 7 [json_name = "Secret"];',
      'google.protobuf.Timestamp at = 8 [json_name = "At"];',
      'repeated string names = 9 [json_name = "Names"];',
      'map<string, string> tags = 10 [json_name = "Tags"];',
      'map<string, Node> nodes = 11 [json_name = "Nodes"];',
      'google.protobuf.Value doc = 12 [json_name = "Doc"];',
      'Node node = 13 [json_name = "Node"];',
      'repeated Node children = 2 [json_name = "Children"];',
      'repeated Node items = 1 [json_name = "Items"];',
    ]) {
      expect(text).toContain(line);
    }
  });

  it('keeps field numbers when AWS adds or removes members, appending new ones to the lock', () => {
    const before = model('iam', {
      OpRequest: { type: 'structure', members: { RoleName: 'S', Path: 'S' } },
      OpResponse: { type: 'structure', members: {} },
      S: { type: 'string' },
    });
    const first = generateAdminProtos(three(before), {});
    expect(first.lock['idfed.admin.iam.v1'].OpRequest).toEqual({ RoleName: 1, Path: 2 });
    // A member sorted before the others arrives, one goes away.
    const after = model('iam', {
      OpRequest: { type: 'structure', members: { Alpha: 'S', RoleName: 'S' } },
      OpResponse: { type: 'structure', members: {} },
      S: { type: 'string' },
    });
    const second = generateAdminProtos(three(after), first.lock);
    expect(second.lock['idfed.admin.iam.v1'].OpRequest).toEqual({ RoleName: 1, Path: 2, Alpha: 3 });
    const text = second.files['idfed/admin/iam/v1/iam.proto'];
    expect(text).toContain('optional string alpha = 3 [json_name = "Alpha"];');
    expect(text).toContain('optional string role_name = 1 [json_name = "RoleName"];');
    expect(text).toContain('reserved 2;');
  });

  it('names the messages of operations without input or output, and refuses what it cannot map', () => {
    const m: AdminModel = { api: 'cognito-identity', botocore: 'test', operations: { Ping: {} }, shapes: {} };
    const text = generateAdminProtos(three(m), {}).files[
      'idfed/admin/cognitoidentity/v1/cognito_identity.proto'
    ];
    expect(text).toContain('rpc Ping(PingRequest) returns (PingResponse);');
    expect(text).toContain('message PingRequest {}');
    const nested = model('cognito-idp', {
      OpRequest: { type: 'structure', members: { Grid: 'Grid' } },
      OpResponse: { type: 'structure', members: {} },
      Grid: { type: 'list', member: 'Row' },
      Row: { type: 'list', member: 'S' },
      S: { type: 'string' },
    });
    expect(() => generateAdminProtos(three(nested), {})).toThrow(
      /OpRequest.Grid is a list inside a list or map/,
    );
  });

  it('snake-cases AWS member names as protoc expects', () => {
    expect(['UserPoolId', 'MFAConfiguration', 'SMSConfiguration', 'S3Bucket', 'Arn'].map(snakeCase)).toEqual([
      'user_pool_id',
      'mfa_configuration',
      'sms_configuration',
      's3_bucket',
      'arn',
    ]);
  });

  it('trims a botocore model to the shapes the operations reach', () => {
    const raw = {
      operations: { A: { input: { shape: 'AIn' } }, B: { input: { shape: 'BIn' } } },
      shapes: {
        AIn: { type: 'structure', members: { X: { shape: 'L' } } },
        BIn: { type: 'structure', members: {} },
        L: { type: 'list', member: { shape: 'S' } },
        S: { type: 'string' },
      },
    };
    expect(trimModel('iam', '1.0', raw, ['A'])).toEqual({
      api: 'iam',
      botocore: '1.0',
      operations: { A: { input: 'AIn' } },
      shapes: {
        AIn: { type: 'structure', members: { X: 'L' } },
        L: { type: 'list', member: 'S' },
        S: { type: 'string' },
      },
    });
  });
});
