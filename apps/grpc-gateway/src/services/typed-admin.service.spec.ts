import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PROTO_APIS, adminOperationNames } from '@idfed/aws-protocol';
import { OPERATION_CATALOG } from '@idfed/contracts';
import { CallContext } from '../grpc/call-context';
import { loadProtos } from '../grpc/proto-files';
import { AdminService } from './admin.service';
import { TypedAdminService } from './typed-admin.service';

const root = join(__dirname, '../../../..');

describe('typed admin services', () => {
  it('serve one rpc per admin operation of the catalog, from models that name exactly those', () => {
    const operations = adminOperationNames(OPERATION_CATALOG);
    const definitions = loadProtos();
    for (const a of ADMIN_PROTO_APIS) {
      const model = JSON.parse(
        readFileSync(join(root, 'scripts/admin-protos', `${a.api}.model.json`), 'utf8'),
      ) as {
        operations: Record<string, unknown>;
      };
      // A new admin operation in the catalog needs `npm run generate:admin-protos` (with botocore).
      expect({ api: a.api, ops: Object.keys(model.operations).sort() }).toEqual({
        api: a.api,
        ops: operations[a.api],
      });
      const service = definitions[`${a.pkg}.${a.service}`] as Record<string, unknown>;
      expect(Object.keys(service).sort()).toEqual(operations[a.api]);
    }
    expect(operations['cognito-idp']).toEqual(expect.arrayContaining(['CreateUserPool', 'AdminCreateUser']));
    expect(operations.iam).toEqual(expect.arrayContaining(['CreateRole', 'RevokeRoleSessions']));
  });

  it('turns the decoded request into the AWS JSON input and the JSON output into the response', async () => {
    const dispatch = jest.fn().mockResolvedValue({
      UserPool: { Id: 'us-east-1_abc', CreationDate: 1_700_000_000.25, UserPoolTags: { a: 'b' }, Unknown: 1 },
    });
    const bindings = new TypedAdminService({ dispatch } as unknown as AdminService).bindings();
    const idp = bindings.find((b) => b.service === 'idfed.admin.cognitoidp.v1.CognitoIdentityProvider')!;
    expect(bindings.map((b) => b.service)).toHaveLength(3);
    const ctx = {} as CallContext;
    // As @grpc/proto-loader decodes it: camelCase, defaults for lists and maps, unset optionals absent.
    const request = { poolName: 'p', autoVerifiedAttributes: [], userPoolTags: {}, policies: null };
    const answer = await idp.unary!.CreateUserPool(request as never, ctx);
    expect(dispatch).toHaveBeenCalledWith('cognito-idp', 'CreateUserPool', { PoolName: 'p' }, ctx);
    expect(answer).toEqual({
      userPool: {
        id: 'us-east-1_abc',
        creationDate: { seconds: 1_700_000_000, nanos: 250_000_000 },
        userPoolTags: { a: 'b' },
      },
    });
  });
});
