import { hasOperationShape, operationShapes, ServiceShapes } from '@idfed/aws-protocol';
import { AUDIT_REDACTED, OPERATION_CATALOG } from '@idfed/contracts';
import { SENSITIVE_FIELDS } from '@idfed/logging';
import { redactRequest, redactResponse } from './audit-redaction';

/**
 * A request of `shapeName` holding, at every path to a sensitive shape, a value of its own (the
 * paths' count in `secrets`): the members around them are filled just enough to reach them.
 */
function withSecrets(shapes: ServiceShapes, shapeName: string, secrets: string[], depth = 0): unknown {
  const shape = shapes.shapes[shapeName];
  if (!shape || depth > 8) return undefined;
  const secret = () => {
    const value = `secret-${secrets.length}-${'x'.repeat(8)}`;
    secrets.push(value);
    return value;
  };
  if (shape.sensitive) {
    if (shape.type === 'string' || shape.type === 'blob') return secret();
    if (shape.type === 'map') return { [secret()]: secret() };
    if (shape.type === 'list') return [secret()];
    if (shape.type === 'structure') {
      return Object.fromEntries(Object.keys(shape.members ?? {}).map((m) => [m, secret()]));
    }
    return secret();
  }
  if (shape.type === 'structure') {
    const out: Record<string, unknown> = {};
    for (const [member, target] of Object.entries(shape.members ?? {})) {
      const value = withSecrets(shapes, target, secrets, depth + 1);
      if (value !== undefined) out[member] = value;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (shape.type === 'list' && shape.member) {
    const item = withSecrets(shapes, shape.member, secrets, depth + 1);
    return item === undefined ? undefined : [item];
  }
  if (shape.type === 'map' && shape.value) {
    const value = withSecrets(shapes, shape.value, secrets, depth + 1);
    return value === undefined ? undefined : { key: value };
  }
  return undefined;
}

describe('audit redaction', () => {
  const served = OPERATION_CATALOG.flatMap((op) =>
    op.surface.protocol === 'bus' ? [] : [{ api: op.surface.api, name: op.name }],
  );

  it('hides the value of every sensitive member of every served operation’s request', () => {
    const checked: string[] = [];
    const leaks: string[] = [];
    for (const { api, name } of served) {
      if (!hasOperationShape(api, name)) continue;
      const shapes = operationShapes(api);
      const input = shapes.operations[name];
      if (!input) continue;
      const secrets: string[] = [];
      const request = withSecrets(shapes, input, secrets);
      if (secrets.length === 0) continue;
      checked.push(name);
      const text = JSON.stringify(redactRequest(api, name, request));
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`${api} ${name}: ${secret}`);
      expect(text).toContain(AUDIT_REDACTED);
    }
    expect(leaks).toEqual([]);
    // The operations whose botocore input has a sensitive member, as served today (at least these).
    expect(checked).toEqual(
      expect.arrayContaining([
        'AdminCreateUser',
        'AdminSetUserPassword',
        'AdminInitiateAuth',
        'AdminRespondToAuthChallenge',
        'ChangePassword',
        'ConfirmForgotPassword',
        'AssumeRoleWithWebIdentity',
        'AssumeRoleWithSAML',
        'GetCredentialsForIdentity',
      ]),
    );
  });

  it('keeps what is not secret, as given; Cognito user names and attribute values are sensitive in botocore', () => {
    const request = {
      UserPoolId: 'us-east-1_abc',
      Username: 'alice',
      TemporaryPassword: 'Temp-Passw0rd!',
      UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
    };
    expect(redactRequest('cognito-idp', 'AdminCreateUser', request)).toEqual({
      UserPoolId: 'us-east-1_abc',
      Username: AUDIT_REDACTED,
      TemporaryPassword: AUDIT_REDACTED,
      UserAttributes: [{ Name: 'email', Value: AUDIT_REDACTED }],
    });
    expect(redactRequest('iam', 'CreateUser', { UserName: 'alice', Path: '/ops/' })).toEqual({
      UserName: 'alice',
      Path: '/ops/',
    });
  });

  it('hides secrets of the answers by name, wherever they sit', () => {
    const answers: [string, unknown][] = [
      [
        'CreateAccessKey',
        {
          AccessKey: {
            UserName: 'u',
            AccessKeyId: 'AKIAEXAMPLE',
            SecretAccessKey: 'wJalr-secret',
            Status: 'Active',
          },
        },
      ],
      ['CreateUserPoolClient', { UserPoolClient: { ClientId: 'c', ClientSecret: 'client-secret-value' } }],
      [
        'AdminInitiateAuth',
        {
          AuthenticationResult: { AccessToken: 'at-value', IdToken: 'id-value', RefreshToken: 'rt-value' },
          Session: 'session-value',
        },
      ],
      [
        'AssumeRole',
        { Credentials: { AccessKeyId: 'ASIAX', SecretAccessKey: 'sts-secret', SessionToken: 'sts-token' } },
      ],
      ['GetOpenIdTokenForDeveloperIdentity', { IdentityId: 'i', Token: 'oidc-token' }],
      ['AssociateSoftwareToken', { SecretCode: 'totp-seed', Session: 's2' }],
      [
        'CreateVirtualMFADevice',
        { VirtualMFADevice: { SerialNumber: 'arn', Base32StringSeed: 'iam-seed', QRCodePNG: 'iam-seed-qr' } },
      ],
    ];
    for (const [name, answer] of answers) {
      const text = JSON.stringify(redactResponse(answer));
      for (const secret of [
        'wJalr-secret',
        'client-secret-value',
        'at-value',
        'id-value',
        'rt-value',
        'session-value',
        'sts-secret',
        'sts-token',
        'oidc-token',
        'totp-seed',
        'iam-seed',
        'iam-seed-qr',
      ]) {
        expect([name, text.includes(secret)]).toEqual([name, false]);
      }
    }
    expect(redactResponse({ AccessKey: { AccessKeyId: 'AKIAEXAMPLE', SecretAccessKey: 's' } })).toEqual({
      AccessKey: { AccessKeyId: 'AKIAEXAMPLE', SecretAccessKey: AUDIT_REDACTED },
    });
  });

  it('hides, in requests and answers, every field name the logs redact', () => {
    for (const name of SENSITIVE_FIELDS) {
      const value = `value-of-${name}`;
      expect([name, JSON.stringify(redactResponse({ Outer: { [name]: value } }))]).toEqual([
        name,
        JSON.stringify({ Outer: { [name]: AUDIT_REDACTED } }),
      ]);
      expect([name, JSON.stringify(redactRequest('iam', 'CreateUser', { [name]: value }))]).toEqual([
        name,
        JSON.stringify({ [name]: AUDIT_REDACTED }),
      ]);
    }
    // GetDerivedToken's and GetClientToken's (ADR 0081, 0088), which the audit list missed at first.
    const text = JSON.stringify(
      redactResponse({ SubjectToken: 'st', ActorToken: 'at', IssuedToken: 'it', Secret: 'cs' }),
    );
    for (const secret of ['"st"', '"at"', '"it"', '"cs"']) expect(text).not.toContain(secret);
  });

  it('answers null for no answer, and leaves lists and timestamps alone', () => {
    expect(redactResponse(undefined)).toBeNull();
    expect(redactResponse({ Users: [{ UserName: 'a' }], At: 'x' })).toEqual({
      Users: [{ UserName: 'a' }],
      At: 'x',
    });
  });
});
