import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { grpcCallActions } from './grpc-actions';

const PROTO = join(__dirname, '../../../../proto/idfed');

/** `/<package>.<Service>/<Method>` of every rpc in the checked-in protos under proto/idfed. */
function methodPaths(): string[] {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.proto')) {
        const text = readFileSync(full, 'utf8');
        const pkg = /^package ([\w.]+);/m.exec(text)![1];
        for (const service of text.matchAll(/^service (\w+) \{([\s\S]*?)^\}/gm)) {
          for (const rpc of service[2].matchAll(/^\s*rpc (\w+)\(/gm))
            paths.push(`/${pkg}.${service[1]}/${rpc[1]}`);
        }
      }
    }
  };
  walk(PROTO);
  return paths;
}

describe('grpcCallActions', () => {
  it.each([
    ['/idfed.tokens.v1.Tokens/VerifyToken', 'idfed-tokens:VerifyToken', 'idfed:VerifyToken', false],
    ['/idfed.userdirectory.v1.UserDirectory/GetUser', 'idfed-userdirectory:GetUser', 'idfed:GetUser', false],
    ['/idfed.authorizer.v1.Authorizer/Authorize', 'idfed-authorizer:Authorize', 'idfed:Authorize', false],
    ['/idfed.events.v1.AccountEvents/Subscribe', 'idfed-events:Subscribe', 'idfed:Subscribe', false],
    ['/idfed.admin.v1.Admin/Invoke', 'idfed-admin:Invoke', 'idfed:Invoke', true],
    ['/idfed.admin.v1.Admin/ListOperations', 'idfed-admin:ListOperations', 'idfed:ListOperations', false],
    ['/idfed.admin.iam.v1.Iam/GetUser', 'iam:GetUser', undefined, true],
    [
      '/idfed.admin.cognitoidp.v1.CognitoIdentityProvider/AdminGetUser',
      'cognito-idp:AdminGetUser',
      undefined,
      true,
    ],
    [
      '/idfed.admin.cognitoidentity.v1.CognitoIdentity/DescribeIdentityPool',
      'cognito-identity:DescribeIdentityPool',
      undefined,
      true,
    ],
  ])('%s is %s (legacy %s)', (path, action, legacy, runsAwsOperation) => {
    expect(grpcCallActions(path)).toEqual({ action, ...(legacy ? { legacy } : {}), runsAwsOperation });
  });

  it('gives every rpc of the checked-in protos its own action, and no two legacy names collide', () => {
    const paths = methodPaths();
    // The typed admin services alone have hundreds of rpcs: the walk found them.
    expect(paths.length).toBeGreaterThan(100);
    const actions = paths.map((p) => grpcCallActions(p).action);
    expect(new Set(actions).size).toBe(paths.length);
    // idfed:GetUser named both UserDirectory.GetUser and Iam.GetUser before ADR 0065; the legacy
    // name is kept only where it is unique (idfed's own services).
    const legacy = paths.map((p) => grpcCallActions(p).legacy).filter((l): l is string => l !== undefined);
    expect(new Set(legacy).size).toBe(legacy.length);
    expect(paths.filter((p) => grpcCallActions(p).action.startsWith('idfed:'))).toEqual([]);
  });
});
