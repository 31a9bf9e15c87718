import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetMFADeviceCommand,
  GetUserCommand,
  IAMClient,
  ListMFADevicesCommand,
  ListMFADeviceTagsCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
  PutRolePolicyCommand,
  ResyncMFADeviceCommand,
  TagMFADeviceCommand,
  UntagMFADeviceCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { iamUserWithKey } from './support/iam-principals';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
const NOT_ASSOCIATED =
  'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';

/**
 * IAM virtual MFA devices and MFA-authenticated STS sessions (ADR 0072), with @aws-sdk/client-iam
 * and client-sts, codes made by otpauth as an authenticator app makes them (RFC 6238, 30 s, six
 * digits). What AWS does, from the IAM and STS API references: CreateVirtualMFADevice answers the
 * seed once (`Base32StringSeed`); EnableMFADevice takes two consecutive codes; an enabled device
 * cannot be deleted (DeleteConflict) and keeps its user from being deleted ("Cannot delete entity,
 * must delete MFA device first."); GetSessionToken / AssumeRole with `SerialNumber` and `TokenCode`
 * give sessions whose requests have `aws:MultiFactorAuthPresent` true, and GetSessionToken's
 * credentials "can't call IAM API operations unless MFA authentication information is included";
 * a code is accepted once. Tests never wait for the clock: codes of the steps around now are used,
 * each of a later step than the last one accepted.
 */
describe('IAM virtual MFA devices and MFA sessions', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const opts = (credentials: Creds) => ({
    region: REGION,
    endpoint: system.endpoint,
    credentials,
    maxAttempts: 1,
  });
  function track<T extends { destroy(): void }>(c: T): T {
    clients.push(c);
    return c;
  }
  const sts = (c: Creds) => track(new STSClient(opts(c)));
  const iamAs = (c: Creds) => track(new IAMClient(opts(c)));
  const idp = (c: Creds) => track(new CognitoIdentityProviderClient(opts(c)));
  const iam = iamAs(admin);
  const unique = () => randomBytes(4).toString('hex');
  const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const asCreds = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }): Creds => ({
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
  });
  const mfaPresent = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  async function newUser(statements?: object[]) {
    const user = await iamUserWithKey(iam, { prefix: 'mfa', statements });
    return {
      UserName: user.UserName,
      arn: user.arn,
      keyId: user.accessKeyId,
      creds: user.credentials,
    };
  }

  /** Every virtual device of the account with that status, page by page. */
  async function allVirtual(AssignmentStatus?: 'Assigned' | 'Unassigned') {
    const out: {
      SerialNumber?: string;
      User?: { UserName?: string; Arn?: string };
      EnableDate?: Date;
      Tags?: object[];
    }[] = [];
    let Marker: string | undefined;
    do {
      const page = await iam.send(
        new ListVirtualMFADevicesCommand({ AssignmentStatus, Marker, MaxItems: 50 }),
      );
      out.push(...page.VirtualMFADevices!);
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    return out;
  }

  /** A new virtual device: its serial number and the code its app shows `steps` steps from now. */
  async function newDevice(name = `dev-${unique()}`, client = iam) {
    const { VirtualMFADevice } = await client.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }),
    );
    const seed = new TextDecoder().decode(VirtualMFADevice!.Base32StringSeed);
    const totp = new TOTP({ secret: Secret.fromBase32(seed) });
    return {
      serial: VirtualMFADevice!.SerialNumber!,
      seed,
      code: (steps = 0) => totp.generate({ timestamp: Date.now() + steps * 30_000 }),
    };
  }

  /**
   * A device enabled for the user with the codes of the two steps before now: the codes of now and
   * of the next step are then still unused, for two MFA sessions without waiting.
   */
  async function enabledDevice(UserName: string) {
    const device = await newDevice();
    await iam.send(
      new EnableMFADeviceCommand({
        UserName,
        SerialNumber: device.serial,
        AuthenticationCode1: device.code(-2),
        AuthenticationCode2: device.code(-1),
      }),
    );
    return device;
  }

  it('creates, enables with two consecutive codes, lists, tags and deletes a device, in AWS shapes', async () => {
    const user = await newUser();
    const name = `phone-${unique()}`;
    const { VirtualMFADevice } = await iam.send(
      new CreateVirtualMFADeviceCommand({
        VirtualMFADeviceName: name,
        Path: '/team/',
        Tags: [{ Key: 'owner', Value: user.UserName }],
      }),
    );
    const serial = `arn:aws:iam::${ACCOUNT}:mfa/team/${name}`;
    expect(VirtualMFADevice!.SerialNumber).toBe(serial);
    const seed = new TextDecoder().decode(VirtualMFADevice!.Base32StringSeed);
    expect(seed).toMatch(/^[A-Z2-7]{32}$/);
    const totp = new TOTP({ secret: Secret.fromBase32(seed) });
    const code = (steps: number) => totp.generate({ timestamp: Date.now() + steps * 30_000 });

    await expectAwsError(
      iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name.toUpperCase() })),
      'EntityAlreadyExistsException',
      { status: 409 },
    );
    const unassigned = await allVirtual('Unassigned');
    const listed = unassigned.find((d) => d.SerialNumber === serial);
    expect(listed).toEqual({ SerialNumber: serial, Tags: [{ Key: 'owner', Value: user.UserName }] });
    expect(JSON.stringify(unassigned)).not.toContain(seed);

    // Two codes that are not consecutive, or reversed: refused, nothing assigned.
    for (const [c1, c2] of [
      [code(-1), code(1)],
      [code(0), code(-1)],
    ]) {
      if (c1 === c2) continue;
      await expectAwsError(
        iam.send(
          new EnableMFADeviceCommand({
            UserName: user.UserName,
            SerialNumber: serial,
            AuthenticationCode1: c1,
            AuthenticationCode2: c2,
          }),
        ),
        'InvalidAuthenticationCodeException',
        { status: 403, message: 'Authentication code for device is not valid.' },
      );
    }
    expect((await iam.send(new ListMFADevicesCommand({ UserName: user.UserName }))).MFADevices).toEqual([]);
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: user.UserName,
        SerialNumber: serial,
        AuthenticationCode1: code(-1),
        AuthenticationCode2: code(0),
      }),
    );
    const mine = await iam.send(new ListMFADevicesCommand({ UserName: user.UserName }));
    expect(mine.IsTruncated).toBe(false);
    expect(mine.MFADevices).toEqual([
      { UserName: user.UserName, SerialNumber: serial, EnableDate: expect.any(Date) },
    ]);
    const assigned = await allVirtual('Assigned');
    expect(assigned.find((d) => d.SerialNumber === serial)).toMatchObject({
      User: { UserName: user.UserName, Arn: user.arn },
      EnableDate: expect.any(Date),
    });
    expect((await allVirtual()).some((d) => d.SerialNumber === serial)).toBe(true);
    expect((await allVirtual('Unassigned')).some((d) => d.SerialNumber === serial)).toBe(false);
    expect(
      await iam.send(new GetMFADeviceCommand({ SerialNumber: serial, UserName: user.UserName })),
    ).toMatchObject({
      UserName: user.UserName,
      SerialNumber: serial,
    });

    await iam.send(
      new TagMFADeviceCommand({ SerialNumber: serial, Tags: [{ Key: 'kind', Value: 'phone' }] }),
    );
    await iam.send(new UntagMFADeviceCommand({ SerialNumber: serial, TagKeys: ['OWNER'] }));
    expect((await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial }))).Tags).toEqual([
      { Key: 'kind', Value: 'phone' },
    ]);

    // In use: neither the device nor its user can be deleted (after the keys, as AWS checks).
    await expectAwsError(
      iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })),
      'DeleteConflictException',
      {
        status: 409,
      },
    );
    await iam.send(new DeleteAccessKeyCommand({ UserName: user.UserName, AccessKeyId: user.keyId }));
    await expectAwsError(
      iam.send(new DeleteUserCommand({ UserName: user.UserName })),
      'DeleteConflictException',
      {
        status: 409,
        message: 'Cannot delete entity, must delete MFA device first.',
      },
    );
    await expectAwsError(
      iam.send(
        new EnableMFADeviceCommand({
          UserName: user.UserName,
          SerialNumber: serial,
          AuthenticationCode1: code(0),
          AuthenticationCode2: code(1),
        }),
      ),
      'EntityAlreadyExistsException',
      { status: 409 },
    );
    await iam.send(new DeactivateMFADeviceCommand({ UserName: user.UserName, SerialNumber: serial }));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: user.UserName }))).MFADevices).toEqual([]);
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    await iam.send(new DeleteUserCommand({ UserName: user.UserName }));
    await expectAwsError(
      iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })),
      'NoSuchEntityException',
      {
        status: 404,
      },
    );
  });

  it('GetSessionToken with MFA: IAM allowed and MFA-conditioned policies honoured; without, refused', async () => {
    const user = await newUser([
      { Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['iam:ListUsers', 'cognito-idp:ListUserPools'],
        Resource: '*',
        Condition: mfaPresent,
      },
    ]);
    const device = await enabledDevice(user.UserName);

    // The long-term key: the MFA key is absent, so the conditioned statement does not apply.
    await iamAs(user.creds).send(new GetUserCommand({ UserName: user.UserName }));
    await expectAwsError(iamAs(user.creds).send(new ListUsersCommand({})), 'AccessDenied', { status: 403 });

    const plain = asCreds((await sts(user.creds).send(new GetSessionTokenCommand({}))).Credentials!);
    await expectAwsError(iamAs(plain).send(new GetUserCommand({ UserName: user.UserName })), 'AccessDenied', {
      status: 403,
    });
    await expectAwsError(
      idp(plain).send(new ListUserPoolsCommand({ MaxResults: 1 })),
      'AccessDeniedException',
    );

    const withMfa = asCreds(
      (
        await sts(user.creds).send(
          new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: device.code(0) }),
        )
      ).Credentials!,
    );
    expect((await iamAs(withMfa).send(new ListUsersCommand({}))).Users!.map((u) => u.UserName)).toContain(
      user.UserName,
    );
    await iamAs(withMfa).send(new GetUserCommand({ UserName: user.UserName }));
    expect(await idp(withMfa).send(new ListUserPoolsCommand({ MaxResults: 1 }))).toHaveProperty('UserPools');
    // Still only what the user's policies allow.
    await expectAwsError(
      iamAs(withMfa).send(new CreateUserCommand({ UserName: `x-${unique()}` })),
      'AccessDenied',
      new RegExp(`^User: ${user.arn} is not authorized to perform: iam:CreateUser`),
    );
    // The session outlives the device's deactivation, as AWS's sessions do until they expire.
    await iam.send(new DeactivateMFADeviceCommand({ UserName: user.UserName, SerialNumber: device.serial }));
    await iamAs(withMfa).send(new ListUsersCommand({}));
    await expectAwsError(
      sts(user.creds).send(
        new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: device.code(1) }),
      ),
      'AccessDenied',
      { status: 403, message: NOT_ASSOCIATED },
    );
  });

  it('attack: a wrong code and a replayed code are refused; each code is accepted once', async () => {
    const user = await newUser([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]);
    const device = await enabledDevice(user.UserName);
    const right = device.code(0);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await expectAwsError(
      sts(user.creds).send(new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: wrong })),
      'AccessDenied',
      { status: 403, message: INVALID_CODE },
    );
    await sts(user.creds).send(new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: right }));
    await expectAwsError(
      sts(user.creds).send(new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: right })),
      'AccessDenied',
      { status: 403, message: INVALID_CODE },
    );
    // A code of the steps already used by EnableMFADevice is refused too.
    await expectAwsError(
      sts(user.creds).send(
        new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: device.code(-1) }),
      ),
      'AccessDenied',
      { status: 403, message: INVALID_CODE },
    );
  });

  it("attack: another user's device, an unassigned or unknown serial: one answer, nothing learnt", async () => {
    const alice = await newUser([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]);
    const mallory = await newUser([
      {
        Effect: 'Allow',
        Action: ['iam:DeactivateMFADevice', 'iam:ResyncMFADevice', 'iam:ListMFADevices', 'iam:GetMFADevice'],
        Resource: '*',
      },
    ]);
    const alices = await enabledDevice(alice.UserName);
    const loose = await newDevice();
    for (const serial of [alices.serial, loose.serial, `arn:aws:iam::${ACCOUNT}:mfa/none-${unique()}`]) {
      await expectAwsError(
        sts(mallory.creds).send(
          new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: alices.code(0) }),
        ),
        'AccessDenied',
        { status: 403, message: NOT_ASSOCIATED },
      );
    }
    // Mallory, allowed the MFA actions on any user but holding no device: sessions without MFA
    // cannot call IAM at all, and with its long-term key another user's device is NoSuchEntity,
    // worded as for a serial that does not exist.
    const m = iamAs(mallory.creds);
    for (const serial of [alices.serial, `arn:aws:iam::${ACCOUNT}:mfa/none-${unique()}`]) {
      await expectAwsError(
        m.send(new DeactivateMFADeviceCommand({ UserName: mallory.UserName, SerialNumber: serial })),
        'NoSuchEntityException',
        { status: 404, message: `MFA Device with serial number ${serial} does not exist.` },
      );
      await expectAwsError(
        m.send(new DeactivateMFADeviceCommand({ SerialNumber: serial })),
        'NoSuchEntityException',
        {
          status: 404,
          message: `MFA Device with serial number ${serial} does not exist.`,
        },
      );
    }
    // Listing without a user name lists the signer's own devices: none.
    expect((await m.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([]);
    // Not allowed to list the account's devices: no serials leak.
    await expectAwsError(m.send(new ListVirtualMFADevicesCommand({})), 'AccessDenied', { status: 403 });
    // Alice's device is still hers and her code still good.
    await sts(alice.creds).send(
      new GetSessionTokenCommand({ SerialNumber: alices.serial, TokenCode: alices.code(0) }),
    );
  });

  it('self-service: a user manages its own device only, as the policy on ${aws:username} allows', async () => {
    const user = await newUser([
      {
        Effect: 'Allow',
        Action: ['iam:CreateVirtualMFADevice', 'iam:DeleteVirtualMFADevice'],
        Resource: `arn:aws:iam::${ACCOUNT}:mfa/\${aws:username}`,
      },
      {
        Effect: 'Allow',
        Action: ['iam:EnableMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
        Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
      },
    ]);
    const other = await newUser();
    const own = iamAs(user.creds);
    await expectAwsError(
      own.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: other.UserName })),
      'AccessDenied',
      { status: 403 },
    );
    const device = await newDevice(user.UserName, own);
    await expectAwsError(
      own.send(
        new EnableMFADeviceCommand({
          UserName: other.UserName,
          SerialNumber: device.serial,
          AuthenticationCode1: device.code(-1),
          AuthenticationCode2: device.code(0),
        }),
      ),
      'AccessDenied',
      { status: 403 },
    );
    await own.send(
      new EnableMFADeviceCommand({
        UserName: user.UserName,
        SerialNumber: device.serial,
        AuthenticationCode1: device.code(-1),
        AuthenticationCode2: device.code(0),
      }),
    );
    expect((await own.send(new ListMFADevicesCommand({}))).MFADevices!.map((d) => d.SerialNumber)).toEqual([
      device.serial,
    ]);
  });

  it('ResyncMFADevice: a device whose clock runs five minutes ahead is resynced and then accepted', async () => {
    const user = await newUser([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]);
    const device = await enabledDevice(user.UserName);
    const ahead = (steps: number) => device.code(10 + steps);
    await expectAwsError(
      sts(user.creds).send(new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: ahead(0) })),
      'AccessDenied',
      { message: INVALID_CODE },
    );
    await iam.send(
      new ResyncMFADeviceCommand({
        UserName: user.UserName,
        SerialNumber: device.serial,
        AuthenticationCode1: ahead(0),
        AuthenticationCode2: ahead(1),
      }),
    );
    const session = asCreds(
      (
        await sts(user.creds).send(
          new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: ahead(2) }),
        )
      ).Credentials!,
    );
    await iamAs(session).send(new ListUsersCommand({}));
    await expectAwsError(
      iam.send(
        new ResyncMFADeviceCommand({
          UserName: user.UserName,
          SerialNumber: device.serial,
          AuthenticationCode1: ahead(0),
          AuthenticationCode2: ahead(1),
        }),
      ),
      'InvalidAuthenticationCodeException',
      { status: 403 },
    );
  });

  /** POST /authorize, as a resource service asks about a request signed by `device`. */
  async function authorize(device: Creds, action: string, context?: object) {
    return authorizeDeviceRequest(device, { action, resource: 'arn:aws:docs:::doc/a', context });
  }

  it("AssumeRole with MFA: a trust policy requiring MFA admits only then, and the role's session carries it", async () => {
    const user = await newUser([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);
    const device = await enabledDevice(user.UserName);
    const mfaRecent = { ...mfaPresent, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } };
    const newRole = async (trustCondition?: object) => {
      const RoleName = `mfa-role-${unique()}`;
      const { Role } = await iam.send(
        new CreateRoleCommand({
          RoleName,
          AssumeRolePolicyDocument: policy([
            {
              Effect: 'Allow',
              Principal: { AWS: user.arn },
              Action: 'sts:AssumeRole',
              ...(trustCondition ? { Condition: trustCondition } : {}),
            },
          ]),
        }),
      );
      await iam.send(
        new PutRolePolicyCommand({
          RoleName,
          PolicyName: 'p',
          PolicyDocument: policy([
            { Effect: 'Allow', Action: 'docs:GetDocument', Resource: '*', Condition: mfaRecent },
          ]),
        }),
      );
      return Role!.Arn!;
    };
    const guarded = await newRole(mfaPresent);
    const open = await newRole();
    const assume = (RoleArn: string, mfa?: { SerialNumber: string; TokenCode: string }) =>
      sts(user.creds).send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'mfa-session', ...mfa }));

    await expectAwsError(assume(guarded), 'AccessDenied', { status: 403 });
    const wrong = String((Number(device.code(0)) + 1) % 1_000_000).padStart(6, '0');
    await expectAwsError(assume(guarded, { SerialNumber: device.serial, TokenCode: wrong }), 'AccessDenied', {
      status: 403,
      message: INVALID_CODE,
    });
    const withMfa = asCreds(
      (await assume(guarded, { SerialNumber: device.serial, TokenCode: device.code(0) })).Credentials!,
    );
    expect(await authorize(withMfa, 'docs:GetDocument')).toMatchObject({ allowed: true });

    // A session without MFA is refused by the same role policy, whatever the asker's context says.
    const without = asCreds((await assume(open)).Credentials!);
    expect(await authorize(without, 'docs:GetDocument')).toMatchObject({ allowed: false });
    const forged = { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '1' };
    expect(await authorize(without, 'docs:GetDocument', forged)).toMatchObject({ allowed: false });

    // A GetSessionToken session made with MFA brings it to AssumeRole (as aws-vault relies on);
    // one made without does not.
    const plain = asCreds((await sts(user.creds).send(new GetSessionTokenCommand({}))).Credentials!);
    await expectAwsError(
      sts(plain).send(new AssumeRoleCommand({ RoleArn: guarded, RoleSessionName: 'chained' })),
      'AccessDenied',
      { status: 403 },
    );
    const mfaSession = asCreds(
      (
        await sts(user.creds).send(
          new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: device.code(1) }),
        )
      ).Credentials!,
    );
    const chained = asCreds(
      (await sts(mfaSession).send(new AssumeRoleCommand({ RoleArn: guarded, RoleSessionName: 'chained' })))
        .Credentials!,
    );
    expect(await authorize(chained, 'docs:GetDocument')).toMatchObject({ allowed: true });
  });
});
