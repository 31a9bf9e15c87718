import {
  ChangePasswordCommand,
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccountAliasCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  EnableMFADeviceCommand,
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommand,
  PutUserPermissionsBoundaryCommand,
  GetAccountSummaryCommand,
  GetLoginProfileCommand,
  IAMClient,
  ListAccountAliasesCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { Client } from 'pg';
import { signRequest } from '../libs/sigv4/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { qrModulesDiffering } from '../libs/testing/src/qr-png';
import { iamUserWithKey } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';
import { ensureBoto3, runPython } from './support/python-clients';
import { databaseUrlOf } from './support/secret-scan';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * IAM's account password policy, users' console passwords (login profiles, ChangePassword), the
 * account alias and summary, and the virtual MFA device's QR code and code attempt limit (ADR
 * 0084), with @aws-sdk/client-iam against the gateway. The password policy and the alias are the
 * account's one setting: each test sets the policy it relies on first. What AWS does, from the IAM
 * API reference: UpdateAccountPasswordPolicy resets every member left out to its default;
 * GetAccountPasswordPolicy is NoSuchEntity while there is none; a password is checked against it
 * (PasswordPolicyViolation); a user with a password cannot be deleted ("Cannot delete entity, must
 * delete login profile first."); AllowUsersToChangePassword lets every IAM user change its own
 * password. The e2e system locks out for ten minutes, so the attempt limits do not depend on speed.
 */
describe('IAM account password policy, login profiles, aliases and summary', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const iamAs = (credentials: Creds) => {
    const c = new IAMClient({ region: REGION, endpoint: system.endpoint, credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const iam = iamAs(admin);
  const unique = () => randomBytes(4).toString('hex');
  const strong = () => `Pw-${randomBytes(9).toString('hex')}!A`;
  const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: databaseUrlOf(system) });
    await db.connect();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await db.end();
  });

  async function newUser(statements?: object[]) {
    const user = await iamUserWithKey(iam, { prefix: 'pw', statements });
    const creds: Creds = user.credentials;
    return { UserName: user.UserName, arn: user.arn, creds, client: iamAs(creds) };
  }

  /** An IAM Query action signed by hand: the raw answer, to look for what the SDK would hide. */
  async function rawIam(
    creds: Creds,
    params: Record<string, string>,
  ): Promise<{ status: number; body: string }> {
    const url = new URL(system.endpoint);
    const body = new URLSearchParams({ ...params, Version: '2010-05-08' }).toString();
    const signed = signRequest(
      {
        method: 'POST',
        path: '/',
        query: '',
        headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      },
      creds,
      { region: REGION, service: 'iam' },
    );
    const res = await fetch(`${system.endpoint}/`, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    return { status: res.status, body: await res.text() };
  }

  describe('account password policy', () => {
    it('answers NoSuchEntity without a policy, every member as set, defaults for those left out', async () => {
      await iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
      await expectAwsError(iam.send(new GetAccountPasswordPolicyCommand({})), 'NoSuchEntityException', {
        message: `The Password Policy with domain name ${ACCOUNT} cannot be found.`,
      });
      await iam.send(
        new UpdateAccountPasswordPolicyCommand({
          MinimumPasswordLength: 14,
          RequireSymbols: true,
          RequireNumbers: true,
          RequireUppercaseCharacters: true,
          RequireLowercaseCharacters: true,
          AllowUsersToChangePassword: true,
          MaxPasswordAge: 90,
          PasswordReusePrevention: 5,
          HardExpiry: true,
        }),
      );
      expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        ExpirePasswords: true,
        MaxPasswordAge: 90,
        PasswordReusePrevention: 5,
        HardExpiry: true,
      });
      // No partial update: what is left out takes its default.
      await iam.send(new UpdateAccountPasswordPolicyCommand({ RequireNumbers: true }));
      expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
        MinimumPasswordLength: 6,
        RequireSymbols: false,
        RequireNumbers: true,
        RequireUppercaseCharacters: false,
        RequireLowercaseCharacters: false,
        AllowUsersToChangePassword: false,
        ExpirePasswords: false,
      });
      await iam.send(new DeleteAccountPasswordPolicyCommand({}));
      await expectAwsError(iam.send(new DeleteAccountPasswordPolicyCommand({})), 'NoSuchEntityException');
      await expectAwsError(iam.send(new GetAccountPasswordPolicyCommand({})), 'NoSuchEntityException');
    });

    it('refuses values out of range with ValidationError and keeps the policy', async () => {
      await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 10 }));
      for (const bad of [
        { MinimumPasswordLength: 5 },
        { MaxPasswordAge: 1096 },
        { PasswordReusePrevention: 25 },
      ]) {
        await expectAwsError(iam.send(new UpdateAccountPasswordPolicyCommand(bad)), 'ValidationError');
      }
      expect(
        (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy!.MinimumPasswordLength,
      ).toBe(10);
    });
  });

  describe('login profiles', () => {
    it('creates, reads, updates and deletes a password that is never answered nor stored in clear', async () => {
      await iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
      const { UserName } = await newUser();
      const password = strong();
      const { LoginProfile } = await iam.send(
        new CreateLoginProfileCommand({ UserName, Password: password, PasswordResetRequired: true }),
      );
      expect(LoginProfile).toEqual({ UserName, CreateDate: expect.any(Date), PasswordResetRequired: true });
      const raw = await rawIam(admin, { Action: 'GetLoginProfile', UserName });
      expect(raw.status).toBe(200);
      expect(raw.body).toContain(`<UserName>${UserName}</UserName>`);
      expect(raw.body).not.toContain(password);
      await expectAwsError(
        iam.send(new CreateLoginProfileCommand({ UserName, Password: strong() })),
        'EntityAlreadyExistsException',
      );
      await iam.send(new UpdateLoginProfileCommand({ UserName, PasswordResetRequired: false }));
      expect(
        (await iam.send(new GetLoginProfileCommand({ UserName }))).LoginProfile!.PasswordResetRequired,
      ).toBe(false);
      // Stored as a sealed argon2id hash: neither the password nor a readable hash in any column.
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT p.* FROM credential_vending.login_profiles p JOIN credential_vending.users u USING (user_id)
          WHERE u.name = $1`,
        [UserName],
      );
      expect(rows).toHaveLength(1);
      const stored = JSON.stringify(rows[0]) + (rows[0].password_hash_enc as Buffer).toString('latin1');
      expect(stored).not.toContain(password);
      expect(stored).not.toContain('$argon2');

      await expectAwsError(iam.send(new DeleteUserCommand({ UserName })), 'DeleteConflictException', {
        message: 'Cannot delete entity, must delete login profile first.',
      });
      await iam.send(new DeleteLoginProfileCommand({ UserName }));
      await expectAwsError(iam.send(new GetLoginProfileCommand({ UserName })), 'NoSuchEntityException', {
        message: `Login Profile for User ${UserName} cannot be found.`,
      });
      await expectAwsError(iam.send(new DeleteLoginProfileCommand({ UserName })), 'NoSuchEntityException');
    });

    it("checks passwords against the account's policy, or AWS's default one without a policy", async () => {
      await iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
      const { UserName } = await newUser();
      // AWS's default: 8 characters, three of four character kinds.
      // (Not the account id: it is in every ARN of the logs, so the secret scan would flag it.)
      for (const weak of ['Ab1!', 'abcdefgh1234', 'ABCDEFGHIJKL']) {
        await expectAwsError(
          iam.send(new CreateLoginProfileCommand({ UserName, Password: weak })),
          'PasswordPolicyViolationException',
        );
      }
      await iam.send(
        new UpdateAccountPasswordPolicyCommand({
          MinimumPasswordLength: 12,
          RequireSymbols: true,
          PasswordReusePrevention: 2,
        }),
      );
      await expectAwsError(
        iam.send(new CreateLoginProfileCommand({ UserName, Password: 'Abcdefgh1234' })),
        'PasswordPolicyViolationException',
        { message: 'Password should have at least one symbol' },
      );
      await expectAwsError(
        iam.send(new CreateLoginProfileCommand({ UserName, Password: 'short!' })),
        'PasswordPolicyViolationException',
        { message: 'Password should have a minimum length of 12' },
      );
      await expectAwsError(iam.send(new GetLoginProfileCommand({ UserName })), 'NoSuchEntityException');
      const first = 'first-password!';
      await iam.send(new CreateLoginProfileCommand({ UserName, Password: first }));
      await iam.send(new UpdateLoginProfileCommand({ UserName, Password: 'second-password!' }));
      // The last two passwords may not come back.
      await expectAwsError(
        iam.send(new UpdateLoginProfileCommand({ UserName, Password: first })),
        'PasswordPolicyViolationException',
      );
      await iam.send(new UpdateLoginProfileCommand({ UserName, Password: 'third-password!' }));
      await iam.send(new UpdateLoginProfileCommand({ UserName, Password: first }));
      await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    });

    it('answers NoSuchEntity for an unknown user and ValidationError for a bad name or password', async () => {
      await expectAwsError(
        iam.send(new CreateLoginProfileCommand({ UserName: `nobody-${unique()}`, Password: strong() })),
        'NoSuchEntityException',
      );
      await expectAwsError(iam.send(new GetLoginProfileCommand({ UserName: 'a b' })), 'ValidationError');
      const { UserName } = await newUser();
      await expectAwsError(
        iam.send(new CreateLoginProfileCommand({ UserName, Password: 'x'.repeat(129) })),
        'ValidationError',
      );
      // The admin key is the root: it has no user to default to.
      await expectAwsError(iam.send(new GetLoginProfileCommand({})), 'ValidationError');
    });
  });

  describe('ChangePassword', () => {
    it('lets every IAM user change its own password when the policy allows it, and no one else', async () => {
      await iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
      const ann = await newUser();
      const bob = await newUser();
      const old = strong();
      await iam.send(
        new CreateLoginProfileCommand({ UserName: ann.UserName, Password: old, PasswordResetRequired: true }),
      );
      await iam.send(new CreateLoginProfileCommand({ UserName: bob.UserName, Password: strong() }));
      // The grant includes reading the policy, and nothing else.
      expect((await ann.client.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toBeDefined();
      await expectAwsError(
        ann.client.send(new UpdateLoginProfileCommand({ UserName: bob.UserName, Password: strong() })),
        'AccessDenied',
      );
      await expectAwsError(
        ann.client.send(new GetLoginProfileCommand({ UserName: bob.UserName })),
        'AccessDenied',
      );
      const fresh = strong();
      await ann.client.send(new ChangePasswordCommand({ OldPassword: old, NewPassword: fresh }));
      expect(
        (await iam.send(new GetLoginProfileCommand({ UserName: ann.UserName }))).LoginProfile!
          .PasswordResetRequired,
      ).toBe(false);
      // The old password no longer is.
      await expectAwsError(
        ann.client.send(new ChangePasswordCommand({ OldPassword: old, NewPassword: strong() })),
        'InvalidUserTypeException',
      );
      await expectAwsError(
        ann.client.send(new ChangePasswordCommand({ OldPassword: fresh, NewPassword: 'x' })),
        'PasswordPolicyViolationException',
      );
      await ann.client.send(new ChangePasswordCommand({ OldPassword: fresh, NewPassword: strong() }));
      // The root has no IAM user password to change.
      await expectAwsError(
        iam.send(new ChangePasswordCommand({ OldPassword: fresh, NewPassword: strong() })),
        'InvalidUserTypeException',
      );
    });

    it('needs iam:ChangePassword when the policy does not allow it; an explicit deny wins', async () => {
      await iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: false }));
      const plain = await newUser();
      const allowed = await newUser([
        { Effect: 'Allow', Action: 'iam:ChangePassword', Resource: 'arn:aws:iam::*:user/${aws:username}' },
      ]);
      const denied = await newUser([{ Effect: 'Deny', Action: 'iam:ChangePassword', Resource: '*' }]);
      const passwords = new Map<string, string>();
      for (const u of [plain, allowed, denied]) {
        passwords.set(u.UserName, strong());
        await iam.send(
          new CreateLoginProfileCommand({ UserName: u.UserName, Password: passwords.get(u.UserName) }),
        );
      }
      const change = (u: typeof plain) =>
        u.client.send(
          new ChangePasswordCommand({ OldPassword: passwords.get(u.UserName), NewPassword: strong() }),
        );
      await expectAwsError(change(plain), 'AccessDenied', {
        message: new RegExp(
          `User: ${plain.arn} is not authorized to perform: iam:ChangePassword on resource: ${plain.arn}`,
        ),
      });
      await expectAwsError(plain.client.send(new GetAccountPasswordPolicyCommand({})), 'AccessDenied');
      await change(allowed);
      await iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
      await change(plain);
      await expectAwsError(change(denied), 'AccessDenied');
    });

    it('locks a user out after repeated wrong old passwords, refusing even the right one', async () => {
      await iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
      const u = await newUser();
      const password = strong();
      await iam.send(new CreateLoginProfileCommand({ UserName: u.UserName, Password: password }));
      for (let i = 0; i < 5; i++) {
        await expectAwsError(
          u.client.send(
            new ChangePasswordCommand({ OldPassword: `wrong-${i}-${strong()}`, NewPassword: strong() }),
          ),
          'InvalidUserTypeException',
        );
      }
      await expectAwsError(
        u.client.send(new ChangePasswordCommand({ OldPassword: password, NewPassword: strong() })),
        'LimitExceededException',
        { status: 409, message: 'Password attempts exceeded. Try again later.' },
      );
    });

    it('refuses unsigned and forged calls', async () => {
      const u = await newUser();
      const forged = iamAs({
        accessKeyId: u.creds.accessKeyId,
        secretAccessKey: `${u.creds.secretAccessKey}x`,
      });
      await expectAwsError(
        forged.send(new ChangePasswordCommand({ OldPassword: strong(), NewPassword: strong() })),
        'SignatureDoesNotMatch',
      );
      const res = await fetch(`${system.endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          Action: 'GetAccountPasswordPolicy',
          Version: '2010-05-08',
        }).toString(),
      });
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('PasswordPolicy>');
    });
  });

  describe('account alias and summary', () => {
    it('keeps one alias, replaced by a new one, with the name rules', async () => {
      const first = `idfed-${unique()}`;
      const second = `idfed-${unique()}`;
      await iam.send(new CreateAccountAliasCommand({ AccountAlias: first }));
      expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([first]);
      await iam.send(new CreateAccountAliasCommand({ AccountAlias: second }));
      expect(await iam.send(new ListAccountAliasesCommand({}))).toMatchObject({
        AccountAliases: [second],
        IsTruncated: false,
      });
      await expectAwsError(
        iam.send(new DeleteAccountAliasCommand({ AccountAlias: first })),
        'NoSuchEntityException',
      );
      for (const bad of ['ab', '-abc', 'abc-', 'a--b', 'Abc', 'a_b']) {
        await expectAwsError(
          iam.send(new CreateAccountAliasCommand({ AccountAlias: bad })),
          'ValidationError',
        );
      }
      await iam.send(new DeleteAccountAliasCommand({ AccountAlias: second }));
      expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
    });

    it("counts the account's IAM entities and answers IAM's quota keys", async () => {
      const before = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
      await newUser();
      await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `sum-${unique()}` }));
      const after = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
      // Other specs may add entities meanwhile in a shared run: at least the ones made here.
      expect(after.Users).toBeGreaterThanOrEqual(before.Users! + 1);
      expect(after.MFADevices).toBeGreaterThanOrEqual(before.MFADevices! + 1);
      expect(after).toMatchObject({
        UsersQuota: 5000,
        AccessKeysPerUserQuota: 2,
        AttachedPoliciesPerUserQuota: 10,
        AccountAccessKeysPresent: 1,
        AccountMFAEnabled: 0,
      });
      // The account's STS preference: in a shared run another spec (the request fuzz sends every
      // operation valid input) may have set v2Token; iam-credential-reports checks each value.
      expect([1, 2]).toContain(after.GlobalEndpointTokenVersion);
      for (const key of [
        'Groups',
        'Roles',
        'Policies',
        'Providers',
        'MFADevicesInUse',
        'PolicyVersionsInUse',
      ]) {
        expect(typeof (after as Record<string, number | undefined>)[key]).toBe('number');
      }
    });
  });

  describe('GetAccountAuthorizationDetails', () => {
    it('answers users, groups, roles and policies with their relations, filtered and paged', async () => {
      const tag = unique();
      const u = await newUser([{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }]);
      const GroupName = `g-${tag}`;
      await iam.send(new CreateGroupCommand({ GroupName }));
      await iam.send(new AddUserToGroupCommand({ GroupName, UserName: u.UserName }));
      const doc = policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
      const { Policy } = await iam.send(
        new CreatePolicyCommand({ PolicyName: `p-${tag}`, PolicyDocument: doc }),
      );
      const RoleName = `r-${tag}`;
      const trust = policy([
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
      ]);
      await iam.send(
        new CreateRoleCommand({
          RoleName,
          AssumeRolePolicyDocument: trust,
          Description: 'held by two profiles',
          Tags: [{ Key: 'team', Value: 'red' }],
        }),
      );
      await iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn: Policy!.Arn }));
      // Two instance profiles hold the role (ADR 0085); a third, empty, holds nothing.
      const profiles = [];
      for (const InstanceProfileName of [`ip-a-${tag}`, `ip-b-${tag}`]) {
        const { InstanceProfile } = await iam.send(
          new CreateInstanceProfileCommand({
            InstanceProfileName,
            Path: '/ec2/',
            Tags: [{ Key: 'profile', Value: InstanceProfileName }],
          }),
        );
        await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName }));
        profiles.push(InstanceProfile!);
      }
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: `ip-empty-${tag}` }));
      const emptyRole = `r-empty-${tag}`;
      await iam.send(new CreateRoleCommand({ RoleName: emptyRole, AssumeRolePolicyDocument: trust }));
      await iam.send(
        new PutUserPermissionsBoundaryCommand({ UserName: u.UserName, PermissionsBoundary: Policy!.Arn }),
      );

      // Every page, as a client pages through it.
      const all = {
        users: [] as string[],
        groups: [] as string[],
        roles: [] as string[],
        policies: [] as string[],
      };
      const answers: GetAccountAuthorizationDetailsCommandOutput[] = [];
      let Marker: string | undefined;
      do {
        const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 7, Marker }));
        answers.push(page);
        all.users.push(...page.UserDetailList!.map((d) => d.UserName!));
        all.groups.push(...page.GroupDetailList!.map((d) => d.GroupName!));
        all.roles.push(...page.RoleDetailList!.map((d) => d.RoleName!));
        all.policies.push(...page.Policies!.map((d) => d.PolicyName!));
        Marker = page.IsTruncated ? page.Marker : undefined;
      } while (Marker);
      expect(answers.length).toBeGreaterThan(1);
      expect(new Set(all.users).size).toBe(all.users.length);
      expect(all.users).toContain(u.UserName);
      expect(all.groups).toContain(GroupName);
      expect(all.roles).toContain(RoleName);
      expect(all.policies).toContain(`p-${tag}`);
      const flat = <T>(pick: (a: (typeof answers)[number]) => T[] | undefined) =>
        answers.flatMap((a) => pick(a) ?? []);
      const user = flat((a) => a.UserDetailList).find((d) => d.UserName === u.UserName)!;
      expect(user).toMatchObject({
        Arn: u.arn,
        GroupList: [GroupName],
        UserPolicyList: [
          {
            PolicyName: 'p',
            PolicyDocument: encodeURIComponent(
              policy([{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }]),
            ),
          },
        ],
        PermissionsBoundary: {
          PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
          PermissionsBoundaryArn: Policy!.Arn,
        },
      });
      const role = flat((a) => a.RoleDetailList).find((d) => d.RoleName === RoleName)!;
      expect(role.AttachedManagedPolicies).toEqual([{ PolicyName: `p-${tag}`, PolicyArn: Policy!.Arn }]);
      expect(decodeURIComponent(role.AssumeRolePolicyDocument!)).toBe(trust);
      expect(role.Tags).toEqual([{ Key: 'team', Value: 'red' }]);
      expect(role.InstanceProfileList).toEqual(
        profiles.map((p) => ({
          Path: '/ec2/',
          InstanceProfileName: p.InstanceProfileName,
          InstanceProfileId: p.InstanceProfileId,
          Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/ec2/${p.InstanceProfileName}`,
          CreateDate: p.CreateDate,
          Tags: [{ Key: 'profile', Value: p.InstanceProfileName }],
          Roles: [
            {
              Path: '/',
              RoleName,
              RoleId: role.RoleId,
              Arn: role.Arn,
              CreateDate: role.CreateDate,
              AssumeRolePolicyDocument: role.AssumeRolePolicyDocument,
              Description: 'held by two profiles',
              MaxSessionDuration: 3600,
            },
          ],
        })),
      );
      const held = role.InstanceProfileList![0].Roles![0];
      expect(decodeURIComponent(held.AssumeRolePolicyDocument!)).toBe(trust);
      const other = flat((a) => a.RoleDetailList).find((d) => d.RoleName === emptyRole)!;
      expect(other.InstanceProfileList).toEqual([]);
      const managed = flat((a) => a.Policies).find((d) => d.Arn === Policy!.Arn)!;
      expect(managed).toMatchObject({
        AttachmentCount: 1,
        PermissionsBoundaryUsageCount: 1,
        IsAttachable: true,
        DefaultVersionId: 'v1',
        PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: encodeURIComponent(doc) }],
      });

      const roles = await iam.send(
        new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'], MaxItems: 1000 }),
      );
      expect(roles.UserDetailList).toEqual([]);
      expect(roles.Policies).toEqual([]);
      expect(roles.RoleDetailList!.map((r) => r.RoleName)).toContain(RoleName);
      const aws = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['AWSManagedPolicy'] }));
      expect(aws.Policies).toEqual([]);
      await expectAwsError(
        iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: 'not-a-marker' })),
        'ValidationError',
      );
      // An IAM user without iam:GetAccountAuthorizationDetails sees nothing of it.
      await expectAwsError(u.client.send(new GetAccountAuthorizationDetailsCommand({})), 'AccessDenied');
    });
  });

  describe('with boto3', () => {
    it('answers the summary map, the policy, a login profile and paged details as botocore reads them', () => {
      ensureBoto3();
      const run = runPython<{
        summaryUsers: number;
        summaryUsersQuota: number;
        policy: Record<string, unknown>;
        refused: { code: string; status: number } | null;
        profile: { UserName: string; PasswordResetRequired: boolean };
        user: string;
        deleteConflict: { code: string; status: number } | null;
        listedUser: boolean;
        missing: { code: string; status: number } | null;
        roleProfiles: { InstanceProfileName: string; Roles: string[]; trustDecoded: boolean }[];
        profileName: string;
        roleName: string;
      }>('iam_account_flow.py', {
        IDFED_ENDPOINT: system.endpoint,
        IDFED_ADMIN_ACCESS_KEY_ID: system.adminAccessKeyId,
        IDFED_ADMIN_SECRET_ACCESS_KEY: system.adminSecretAccessKey,
      });
      expect(run.summaryUsers).toBeGreaterThanOrEqual(0);
      expect(run.summaryUsersQuota).toBe(5000);
      expect(run.policy).toMatchObject({
        MinimumPasswordLength: 10,
        RequireNumbers: true,
        ExpirePasswords: false,
      });
      expect(run.refused).toEqual({ code: 'PasswordPolicyViolation', status: 400 });
      expect(run.profile).toEqual({ UserName: run.user, PasswordResetRequired: true });
      expect(run.deleteConflict).toEqual({ code: 'DeleteConflict', status: 409 });
      expect(run.listedUser).toBe(true);
      expect(run.missing).toEqual({ code: 'NoSuchEntity', status: 404 });
      expect(run.roleProfiles).toEqual([
        { InstanceProfileName: run.profileName, Roles: [run.roleName], trustDecoded: true },
      ]);
    });
  });

  describe('virtual MFA devices', () => {
    it("answers QRCodePNG: a PNG of the otpauth URI of the device's seed", async () => {
      const name = `qr-${unique()}`;
      const { VirtualMFADevice } = await iam.send(
        new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }),
      );
      const seed = new TextDecoder().decode(VirtualMFADevice!.Base32StringSeed);
      const png = Buffer.from(VirtualMFADevice!.QRCodePNG!);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(qrModulesDiffering(png, `otpauth://totp/${name}@${ACCOUNT}?secret=${seed}`)).toBe(0);
      expect(
        qrModulesDiffering(png, `otpauth://totp/${name}@${ACCOUNT}?secret=${seed.slice(1)}A`),
      ).toBeGreaterThan(0);
    });

    it('refuses even the right MFA code after repeated wrong ones, per device', async () => {
      const u = await newUser();
      const name = `lock-${unique()}`;
      const { VirtualMFADevice } = await iam.send(
        new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }),
      );
      const serial = VirtualMFADevice!.SerialNumber!;
      const totp = new TOTP({
        secret: Secret.fromBase32(new TextDecoder().decode(VirtualMFADevice!.Base32StringSeed)),
      });
      const at = (steps: number) => totp.generate({ timestamp: Date.now() + steps * 30_000 });
      await iam.send(
        new EnableMFADeviceCommand({
          UserName: u.UserName,
          SerialNumber: serial,
          AuthenticationCode1: at(-1),
          AuthenticationCode2: at(0),
        }),
      );
      const userSts = new STSClient({
        region: REGION,
        endpoint: system.endpoint,
        credentials: u.creds,
        maxAttempts: 1,
      });
      clients.push(userSts);
      // Five wrong codes: none of the codes of the steps around now.
      const near = new Set([-2, -1, 0, 1, 2].map(at));
      const wrong: string[] = [];
      for (let n = Number(at(1)) + 1; wrong.length < 5; n++) {
        const code = String(n % 1_000_000).padStart(6, '0');
        if (!near.has(code)) wrong.push(code);
      }
      for (const code of wrong) {
        await expectAwsError(
          userSts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code })),
          'AccessDenied',
        );
      }
      // Locked out: the right code of the next step is refused like a wrong one.
      await expectAwsError(
        userSts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: at(1) })),
        'AccessDenied',
        { message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.' },
      );
      // Another device of another user is not locked.
      const v = await newUser();
      const other = await iam.send(
        new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `ok-${unique()}` }),
      );
      const otherTotp = new TOTP({
        secret: Secret.fromBase32(new TextDecoder().decode(other.VirtualMFADevice!.Base32StringSeed)),
      });
      const otherAt = (steps: number) => otherTotp.generate({ timestamp: Date.now() + steps * 30_000 });
      await iam.send(
        new EnableMFADeviceCommand({
          UserName: v.UserName,
          SerialNumber: other.VirtualMFADevice!.SerialNumber,
          AuthenticationCode1: otherAt(-1),
          AuthenticationCode2: otherAt(0),
        }),
      );
      const vSts = new STSClient({
        region: REGION,
        endpoint: system.endpoint,
        credentials: v.creds,
        maxAttempts: 1,
      });
      clients.push(vSts);
      const session = await vSts.send(
        new GetSessionTokenCommand({
          SerialNumber: other.VirtualMFADevice!.SerialNumber,
          TokenCode: otherAt(1),
        }),
      );
      expect(session.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    });
  });
});
