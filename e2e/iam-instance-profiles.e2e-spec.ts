import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  GetAccountSummaryCommand,
  GetInstanceProfileCommand,
  IAMClient,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { iamUserWithKey } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

type Creds = { accessKeyId: string; secretAccessKey: string };

/**
 * IAM instance profiles as the IAM API reference describes them (ADR 0085): CreateInstanceProfile
 * (`Path`, `Tags`), GetInstanceProfile, ListInstanceProfiles ("Lists the instance profiles that have
 * the specified path prefix", no tags, paged), AddRoleToInstanceProfile ("An instance profile can
 * contain only one role, and this quota cannot be increased"; "The caller of this operation must be
 * granted the PassRole permission on the IAM role"), RemoveRoleFromInstanceProfile,
 * DeleteInstanceProfile ("The instance profile must not have an associated role"), DeleteRole
 * ("Before attempting to delete a role, remove ... Instance profile"), ListInstanceProfilesForRole,
 * and the tag operations. Signed by an IAM user, each is decided on the profile's ARN, path
 * included.
 */
describe('IAM instance profiles', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: IAMClient[] = [];
  const iamAs = (credentials: Creds) => {
    const c = new IAMClient({ region: REGION, endpoint: system.endpoint, credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const iam = iamAs(admin);
  const unique = () => randomBytes(4).toString('hex');
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  async function newRole() {
    const RoleName = `ip-role-${unique()}`;
    await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trust }));
    return RoleName;
  }

  async function newUser(statements: object[]) {
    return iamAs((await iamUserWithKey(iam, { prefix: 'ip-user', statements })).credentials);
  }

  it('creates, reads, lists by path and pages, and deletes profiles', async () => {
    const path = `/ip-${unique()}/`;
    const names = ['a', 'b', 'c'].map((n) => `${n}-${unique()}`);
    const created = await iam.send(
      new CreateInstanceProfileCommand({
        InstanceProfileName: names[0],
        Path: path,
        Tags: [{ Key: 'team', Value: 'web' }],
      }),
    );
    const profile = created.InstanceProfile!;
    expect(profile).toMatchObject({
      InstanceProfileName: names[0],
      Path: path,
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile${path}${names[0]}`,
      Roles: [],
      Tags: [{ Key: 'team', Value: 'web' }],
    });
    expect(profile.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(profile.CreateDate).toBeInstanceOf(Date);
    for (const n of names.slice(1)) {
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: n, Path: `${path}sub/` }));
    }
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: `elsewhere-${unique()}` }));

    const got = (
      await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: names[0].toUpperCase() }))
    ).InstanceProfile!;
    expect(got).toEqual(profile);

    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: path, MaxItems: 2, Marker }));
      expect(page.InstanceProfiles!.length).toBeLessThanOrEqual(2);
      for (const p of page.InstanceProfiles!) {
        expect(p.Tags).toBeUndefined();
        seen.push(p.InstanceProfileName!);
      }
      Marker = page.IsTruncated ? page.Marker : undefined;
      if (page.IsTruncated) expect(page.Marker).toBeDefined();
    } while (Marker);
    expect(seen).toEqual([...names].sort());
    const sub = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: `${path}sub/` }));
    expect(sub.InstanceProfiles!.map((p) => p.InstanceProfileName).sort()).toEqual(names.slice(1).sort());

    await expectAwsError(
      iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: names[0].toUpperCase() })),
      'EntityAlreadyExistsException',
      { status: 409, message: `Instance Profile ${names[0].toUpperCase()} already exists.` },
    );
    for (const n of names) await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: n }));
    await expectAwsError(
      iam.send(new GetInstanceProfileCommand({ InstanceProfileName: names[0] })),
      'NoSuchEntityException',
      { status: 404, message: `Instance Profile ${names[0]} cannot be found.` },
    );
  });

  it('holds one role, and refuses to delete a profile with a role or a role in a profile', async () => {
    const RoleName = await newRole();
    const other = await newRole();
    const InstanceProfileName = `one-${unique()}`;
    const second = `two-${unique()}`;
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: second, Path: '/x/' }));
    expect((await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName }))).InstanceProfiles).toEqual(
      [],
    );

    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName }));
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: second, RoleName }));
    for (const name of [other, RoleName]) {
      await expectAwsError(
        iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName: name })),
        'LimitExceededException',
        { status: 409, message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1' },
      );
    }
    const got = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName }))).InstanceProfile!;
    expect(got.Roles!.map((r) => r.RoleName)).toEqual([RoleName]);
    expect(got.Roles![0].Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/${RoleName}`);

    const forRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName, MaxItems: 1 }));
    expect(forRole.IsTruncated).toBe(true);
    const rest = await iam.send(
      new ListInstanceProfilesForRoleCommand({ RoleName, MaxItems: 1, Marker: forRole.Marker }),
    );
    expect(
      [...forRole.InstanceProfiles!, ...rest.InstanceProfiles!].map((p) => p.InstanceProfileName).sort(),
    ).toEqual([InstanceProfileName, second].sort());
    expect(rest.IsTruncated).toBe(false);

    const conflict = 'Cannot delete entity, must remove roles from instance profile first.';
    await expectAwsError(
      iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName })),
      'DeleteConflictException',
      {
        status: 409,
        message: conflict,
      },
    );
    await expectAwsError(iam.send(new DeleteRoleCommand({ RoleName })), 'DeleteConflictException', {
      status: 409,
      message: conflict,
    });
    await expectAwsError(
      iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName, RoleName: other })),
      'NoSuchEntityException',
      { status: 404 },
    );
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName, RoleName }));
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: second, RoleName }));
    await iam.send(new DeleteRoleCommand({ RoleName }));
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName }));
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: second }));
    await iam.send(new DeleteRoleCommand({ RoleName: other }));
  });

  it('tags a profile as IAM: merge, 50 at most, aws: refused, paged listing', async () => {
    const InstanceProfileName = `tags-${unique()}`;
    await iam.send(
      new CreateInstanceProfileCommand({ InstanceProfileName, Tags: [{ Key: 'Team', Value: 'a' }] }),
    );
    await iam.send(
      new TagInstanceProfileCommand({
        InstanceProfileName,
        Tags: [
          { Key: 'team', Value: 'b' },
          { Key: 'env', Value: 'prod' },
        ],
      }),
    );
    const first = await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName, MaxItems: 1 }));
    expect(first).toMatchObject({ IsTruncated: true, Tags: [{ Key: 'team', Value: 'b' }] });
    const second = await iam.send(
      new ListInstanceProfileTagsCommand({ InstanceProfileName, Marker: first.Marker }),
    );
    expect(second).toMatchObject({ IsTruncated: false, Tags: [{ Key: 'env', Value: 'prod' }] });
    await expectAwsError(
      iam.send(
        new TagInstanceProfileCommand({
          InstanceProfileName,
          Tags: Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
        }),
      ),
      'LimitExceededException',
      { status: 409 },
    );
    await expectAwsError(
      iam.send(new TagInstanceProfileCommand({ InstanceProfileName, Tags: [{ Key: 'aws:x', Value: 'v' }] })),
      'InvalidInputException',
      { status: 400 },
    );
    await expectAwsError(
      iam.send(
        new CreateInstanceProfileCommand({
          InstanceProfileName: `t-${unique()}`,
          Tags: [{ Key: 'aws:x', Value: '' }],
        }),
      ),
      'InvalidInputException',
      { status: 400 },
    );
    await iam.send(new UntagInstanceProfileCommand({ InstanceProfileName, TagKeys: ['TEAM', 'absent'] }));
    expect((await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName }))).Tags).toEqual([
      { Key: 'env', Value: 'prod' },
    ]);
    await expectAwsError(
      iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: `gone-${unique()}` })),
      'NoSuchEntityException',
      { status: 404 },
    );
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName }));
  });

  it('refuses malformed input with ValidationError and writes nothing', async () => {
    const InstanceProfileName = `bad-${unique()}`;
    await expectAwsError(
      iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'a b' })),
      'ValidationError',
      { status: 400 },
    );
    await expectAwsError(
      iam.send(new CreateInstanceProfileCommand({ InstanceProfileName, Path: 'no-slash' })),
      'ValidationError',
      { status: 400 },
    );
    await expectAwsError(iam.send(new ListInstanceProfilesCommand({ Marker: 'forged' })), 'ValidationError', {
      status: 400,
    });
    await expectAwsError(
      iam.send(new GetInstanceProfileCommand({ InstanceProfileName })),
      'NoSuchEntityException',
      {
        status: 404,
      },
    );
  });

  it('decides an IAM user on the profile ARN with its path, and on iam:PassRole for the role', async () => {
    const allowed = `/ok-${unique()}/`;
    const inside = `in-${unique()}`;
    const outside = `out-${unique()}`;
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: inside, Path: allowed }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: outside, Path: '/other/' }));
    const RoleName = await newRole();
    const scoped = `arn:aws:iam::${ACCOUNT}:instance-profile${allowed}*`;
    const user = await newUser([{ Effect: 'Allow', Action: 'iam:*InstanceProfile*', Resource: scoped }]);

    expect(
      (await user.send(new GetInstanceProfileCommand({ InstanceProfileName: inside }))).InstanceProfile!.Path,
    ).toBe(allowed);
    await expectAwsError(
      user.send(new GetInstanceProfileCommand({ InstanceProfileName: outside })),
      'AccessDenied',
      {
        status: 403,
        message: new RegExp(
          `iam:GetInstanceProfile on resource: arn:aws:iam::${ACCOUNT}:instance-profile/other/${outside}`,
        ),
      },
    );
    await expectAwsError(
      user.send(
        new TagInstanceProfileCommand({ InstanceProfileName: outside, Tags: [{ Key: 'k', Value: 'v' }] }),
      ),
      'AccessDenied',
      { status: 403 },
    );
    // Allowed on the profile, but not iam:PassRole on the role: refused, nothing changed.
    await expectAwsError(
      user.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: inside, RoleName })),
      'AccessDenied',
      { status: 403, message: /iam:PassRole/ },
    );
    expect(
      (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: inside }))).InstanceProfile!.Roles,
    ).toEqual([]);
    // A creation in another path is decided on that path.
    await expectAwsError(
      user.send(new CreateInstanceProfileCommand({ InstanceProfileName: `c-${unique()}`, Path: '/other/' })),
      'AccessDenied',
      { status: 403 },
    );

    const passer = await newUser([
      { Effect: 'Allow', Action: 'iam:AddRoleToInstanceProfile', Resource: scoped },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/${RoleName}` },
    ]);
    await passer.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: inside, RoleName }));
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: inside, RoleName }));
    for (const n of [inside, outside])
      await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: n }));
    await iam.send(new DeleteRoleCommand({ RoleName }));
  });

  it('counts the profiles in GetAccountSummary ("InstanceProfiles")', async () => {
    const count = async () =>
      (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.InstanceProfiles!;
    const before = await count();
    const name = `counted-${unique()}`;
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name }));
    // Other specs may add profiles meanwhile in a shared run: at least the one made here.
    expect(await count()).toBeGreaterThanOrEqual(before + 1);
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: name }));
  });

  it('refuses forged and anonymous calls', async () => {
    const forged = iamAs({ accessKeyId: admin.accessKeyId, secretAccessKey: `${admin.secretAccessKey}x` });
    const InstanceProfileName = `forged-${unique()}`;
    await expectAwsError(
      forged.send(new CreateInstanceProfileCommand({ InstanceProfileName })),
      'SignatureDoesNotMatch',
      { status: 403 },
    );
    const anonymous = await fetch(system.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=CreateInstanceProfile&Version=2010-05-08&InstanceProfileName=${InstanceProfileName}`,
    });
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toMatch(/<Code>MissingAuthenticationToken<\/Code>/);
    await expectAwsError(
      iam.send(new GetInstanceProfileCommand({ InstanceProfileName })),
      'NoSuchEntityException',
    );
  });
});
