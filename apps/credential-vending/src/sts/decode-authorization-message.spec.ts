import { randomBytes } from 'node:crypto';
import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { AuthorizationMessage, AuthorizationMessageSealer } from '@idfed/session-credentials';
import { RoleLookup } from '../roles/role.lookup';
import { RolePermissions } from '../roles/role-permissions';
import { DecodeAuthorizationMessageUseCase } from './decode-authorization-message.use-case';

const ROLE = 'arn:aws:iam::123456789012:role/r';
const sealer = new AuthorizationMessageSealer(randomBytes(32));
const message: AuthorizationMessage = {
  allowed: false,
  explicitDeny: false,
  matchedStatements: { items: [] },
  failures: { items: [] },
  context: {
    principal: { id: 'AROAX:s', arn: 'arn:aws:sts::123456789012:assumed-role/r/s' },
    action: 'docs:Shred',
    resource: '*',
    conditions: { items: [] },
  },
};
const doc = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

function setUp(policy: string, roleId = 'AROAX') {
  const roles = { findByArn: jest.fn().mockResolvedValue({ arn: ROLE, roleId }) };
  const permissions = {
    of: jest
      .fn()
      .mockResolvedValue({ RoleArn: ROLE, RoleId: roleId, Policies: [{ Label: 'r/p', Document: policy }] }),
  };
  return new DecodeAuthorizationMessageUseCase(
    sealer,
    roles as unknown as RoleLookup,
    permissions as unknown as RolePermissions,
  );
}
const meta = (caller: CommandMeta['caller']): CommandMeta => ({ requestId: 'r', caller });
const roleSession = (sessionPolicies?: string[]) =>
  meta({
    kind: 'temporary',
    accessKeyId: 'ASIAXXXXXXXXXXXXXXXX',
    principalArn: 'arn:aws:sts::123456789012:assumed-role/r/s',
    session: {
      roleArn: ROLE,
      roleId: 'AROAX',
      sessionName: 's',
      issuedAt: new Date().toISOString(),
      expiresAt: new Date().toISOString(),
      ...(sessionPolicies ? { sessionPolicies } : {}),
    },
  });

async function errorOf(run: Promise<unknown>): Promise<ServiceError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  return err as ServiceError;
}

describe('DecodeAuthorizationMessage (ADR 0039)', () => {
  const encoded = sealer.encode(message);

  it('decodes for the root and for an IAM user the gateway let through', async () => {
    const useCase = setUp(doc('docs:*'));
    for (const caller of [
      meta({ kind: 'admin', accessKeyId: 'AKIAADMIN' }),
      meta({ kind: 'admin', accessKeyId: 'AKIAUSER', principalArn: 'arn:aws:iam::123456789012:user/u' }),
    ]) {
      expect(JSON.parse((await useCase.execute({ EncodedMessage: encoded }, caller)).DecodedMessage)).toEqual(
        message,
      );
    }
  });

  it("decides a role session by its role's policies within its session policies", async () => {
    expect(
      (await setUp(doc('sts:DecodeAuthorizationMessage')).execute({ EncodedMessage: encoded }, roleSession()))
        .DecodedMessage,
    ).toBe(JSON.stringify(message));
    expect(
      (await errorOf(setUp(doc('docs:*')).execute({ EncodedMessage: encoded }, roleSession()))).errorName,
    ).toBe('AccessDenied');
    const narrowed = roleSession([doc('docs:*')]);
    expect(
      (await errorOf(setUp(doc('sts:*')).execute({ EncodedMessage: encoded }, narrowed))).errorName,
    ).toBe('AccessDenied');
    // A session of a role deleted and recreated under the same name is nobody.
    expect(
      (await errorOf(setUp(doc('sts:*'), 'AROAOTHER').execute({ EncodedMessage: encoded }, roleSession())))
        .errorName,
    ).toBe('AccessDenied');
    expect(
      (await errorOf(setUp(doc('sts:*')).execute({ EncodedMessage: encoded }, meta({ kind: 'anonymous' }))))
        .errorName,
    ).toBe('AccessDenied');
  });

  it('refuses a tampered or forged message as InvalidAuthorizationMessageException', async () => {
    const useCase = setUp(doc('docs:*'));
    const root = meta({ kind: 'admin', accessKeyId: 'AKIAADMIN' });
    const bytes = Buffer.from(encoded, 'base64url');
    bytes[10] ^= 1;
    for (const EncodedMessage of [
      bytes.toString('base64url'),
      Buffer.from(JSON.stringify(message)).toString('base64url'),
    ]) {
      expect((await errorOf(useCase.execute({ EncodedMessage }, root))).errorName).toBe(
        'InvalidAuthorizationMessageException',
      );
    }
  });
});
