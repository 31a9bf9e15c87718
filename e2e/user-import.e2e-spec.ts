import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { CognitoJsSrpClient } from '../apps/user-directory/test/support/cognito-js-srp-client';
import {
  AddCustomAttributesCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  CreateUserImportJobCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserImportJobCommand,
  ForgotPasswordCommand,
  GetCSVHeaderCommand,
  InitiateAuthCommand,
  ListUserImportJobsCommand,
  StartUserImportJobCommand,
  StopUserImportJobCommand,
  UpdateUserPoolCommand,
  UserImportJobType,
} from '@aws-sdk/client-cognito-identity-provider';
import { request as httpRequestOf } from 'node:http';
import { awsSigner, httpRequest, sendTampered } from '../libs/testing/src/aws-sdk-signer';
import { eventually } from '../libs/testing/src/eventually';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { codeSentTo, cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark } from './support/e2e-context';

const ROLE = 'arn:aws:iam::123456789012:role/CognitoImportRole';
const HEAD = 'cognito:username,email,email_verified,given_name,cognito:mfa_enabled';

/**
 * User import through the unchanged AWS SDK: GetCSVHeader, a job whose PreSignedUrl takes the file
 * by a plain PUT with Cognito's `x-amz-server-side-encryption: aws:kms` (as users' scripts send it),
 * the job run by the user directory's worker, imported users in RESET_REQUIRED until they reset
 * their password, and the URL's refusals: forged, moved to another job, replayed after the start.
 */
describe('user import', () => {
  const system = e2eSystem();
  const stamp = Date.now().toString(36);
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  async function pool(name: string): Promise<{ UserPoolId: string; ClientId: string }> {
    const UserPoolId = (
      await admin.send(
        new CreateUserPoolCommand({
          PoolName: name,
          AutoVerifiedAttributes: ['email'],
          Schema: [{ Name: 'tier', AttributeDataType: 'String', Mutable: true }],
        }),
      )
    ).UserPool!.Id!;
    const ClientId = (
      await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      )
    ).UserPoolClient!.ClientId!;
    return { UserPoolId, ClientId };
  }

  async function createJob(UserPoolId: string, JobName = 'import'): Promise<UserImportJobType> {
    return (
      await admin.send(new CreateUserImportJobCommand({ UserPoolId, JobName, CloudWatchLogsRoleArn: ROLE }))
    ).UserImportJob!;
  }

  function put(
    url: string,
    body: string,
    headers: Record<string, string> = { 'x-amz-server-side-encryption': 'aws:kms' },
  ) {
    return fetch(url, { method: 'PUT', body, headers });
  }

  async function finished(UserPoolId: string, JobId: string): Promise<UserImportJobType> {
    return eventually(
      async () => {
        const job = (await admin.send(new DescribeUserImportJobCommand({ UserPoolId, JobId })))
          .UserImportJob!;
        if (!['Succeeded', 'Failed', 'Stopped'].includes(job.Status!))
          throw new Error(`job is ${job.Status}`);
        return job;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  }

  it("answers the pool's CSV header in Cognito's order, custom attributes before the cognito: columns", async () => {
    const { UserPoolId } = await pool(`import-header-${stamp}`);
    const { CSVHeader, UserPoolId: echoed } = await admin.send(new GetCSVHeaderCommand({ UserPoolId }));
    expect(echoed).toBe(UserPoolId);
    expect(CSVHeader!.slice(0, 3)).toEqual(['name', 'given_name', 'family_name']);
    expect(CSVHeader!.slice(-3)).toEqual(['custom:tier', 'cognito:mfa_enabled', 'cognito:username']);
    expect(CSVHeader).toContain('email_verified');
    expect(CSVHeader).not.toContain('sub');
  });

  it('imports users who must reset their password, then sign in with the new one', async () => {
    const { UserPoolId, ClientId } = await pool(`import-run-${stamp}`);
    const job = await createJob(UserPoolId, 'first import');
    expect(job).toMatchObject({
      JobName: 'first import',
      UserPoolId,
      Status: 'Created',
      CloudWatchLogsRoleArn: ROLE,
      ImportedUsers: 0,
      SkippedUsers: 0,
      FailedUsers: 0,
    });
    expect(job.JobId).toMatch(/^import-[0-9a-zA-Z]{10}$/);
    expect(job.CreationDate).toBeInstanceOf(Date);
    expect(job.PreSignedUrl!.startsWith(`${system.endpoint.replace(/\/$/, '')}/user-import/`)).toBe(true);

    const ann = `ann-${stamp}`;
    const csv = [
      `${HEAD},custom:tier`,
      `${ann},${ann}@import.example,true,"Ann, the first",false,gold`,
      `bob-${stamp},bob-${stamp}@import.example,TRUE,Bob,false,`,
      `${ann},again@import.example,true,Ann,false,`, // the same user again: skipped
      `carl-${stamp},carl-${stamp}@import.example,false,Carl,false,`, // no verified address: failed
      `dora-${stamp},not-an-email,true,Dora,false,`, // a bad email: failed
    ].join('\r\n');
    // Without Cognito's encryption header the URL's signature does not match, as on S3.
    expect((await put(job.PreSignedUrl!, csv, {})).status).toBe(403);
    const uploaded = await put(job.PreSignedUrl!, csv, {
      'Content-Type': 'text/csv',
      'X-Amz-Server-Side-Encryption': 'aws:kms',
    });
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);

    const started = (await admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: job.JobId! })))
      .UserImportJob!;
    expect(['Pending', 'InProgress', 'Succeeded']).toContain(started.Status);
    expect(started.StartDate).toBeInstanceOf(Date);
    const done = await finished(UserPoolId, job.JobId!);
    expect(done).toMatchObject({ Status: 'Succeeded', ImportedUsers: 2, SkippedUsers: 1, FailedUsers: 2 });
    expect(done.CompletionDate).toBeInstanceOf(Date);
    expect(done.CompletionMessage).toMatch(/1 skipped, 2 failed/);

    const user = await admin.send(new AdminGetUserCommand({ UserPoolId, Username: ann }));
    expect(user.UserStatus).toBe('RESET_REQUIRED');
    expect(user.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: `${ann}@import.example` },
        { Name: 'given_name', Value: 'Ann, the first' },
        { Name: 'custom:tier', Value: 'gold' },
      ]),
    );
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId, Username: `carl-${stamp}` })),
      'UserNotFoundException',
    );
    const signIn = (password: string) =>
      app.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: ann, PASSWORD: password },
        }),
      );
    await expectAwsError(signIn('Any-Passw0rd!'), 'PasswordResetRequiredException');
    const mark = mailboxMark(system);
    await app.send(new ForgotPasswordCommand({ ClientId, Username: ann }));
    const code = await codeSentTo(`${ann}@import.example`, system, 10_000, mark);
    await app.send(
      new ConfirmForgotPasswordCommand({
        ClientId,
        Username: ann,
        ConfirmationCode: code,
        Password: 'New-Passw0rd!',
      }),
    );
    expect((await signIn('New-Passw0rd!')).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId, Username: ann }))).UserStatus).toBe(
      'CONFIRMED',
    );
  });

  it('refuses a forged URL, one moved to another job, and a replay after the start', async () => {
    const { UserPoolId } = await pool(`import-attacks-${stamp}`);
    const a = await createJob(UserPoolId, 'a');
    const b = await createJob(UserPoolId, 'b');
    const csv = `${HEAD}\nzed-${stamp},zed-${stamp}@import.example,true,Zed,false\n`;
    const forged = new URL(a.PreSignedUrl!);
    const sig = forged.searchParams.get('Signature')!;
    forged.searchParams.set('Signature', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    expect((await put(forged.toString(), csv)).status).toBe(403);
    // A later expiry is not signed.
    const extended = new URL(a.PreSignedUrl!);
    extended.searchParams.set('Expires', String(Number(extended.searchParams.get('Expires')) + 86_400));
    expect((await put(extended.toString(), csv)).status).toBe(403);
    // Job a's signature on job b's path.
    const moved = new URL(b.PreSignedUrl!);
    moved.search = new URL(a.PreSignedUrl!).search;
    const refused = await put(moved.toString(), csv);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('<Code>AccessDenied</Code>');
    // Another pool's job id under this pool's path.
    const other = await pool(`import-other-${stamp}`);
    const foreign = await createJob(other.UserPoolId);
    const retargeted = new URL(foreign.PreSignedUrl!);
    retargeted.pathname = retargeted.pathname.replace(other.UserPoolId, UserPoolId);
    expect((await put(retargeted.toString(), csv)).status).toBe(403);
    await expectAwsError(
      admin.send(new DescribeUserImportJobCommand({ UserPoolId, JobId: foreign.JobId! })),
      'ResourceNotFoundException',
    );

    expect((await put(a.PreSignedUrl!, csv)).status).toBe(200);
    await admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: a.JobId! }));
    // Once started, the URL takes nothing more: no second file slips into the job.
    expect((await put(a.PreSignedUrl!, `${HEAD}\nmallory,m@import.example,true,M,false\n`)).status).toBe(403);
    expect(await finished(UserPoolId, a.JobId!)).toMatchObject({ Status: 'Succeeded', ImportedUsers: 1 });
    await expectAwsError(
      admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: a.JobId! })),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(new StopUserImportJobCommand({ UserPoolId, JobId: b.JobId! })),
      'InvalidParameterException',
    );
  });

  it('validates jobs as Cognito does, fails a job without a file, and pages the jobs', async () => {
    const { UserPoolId } = await pool(`import-list-${stamp}`);
    await expectAwsError(
      admin.send(
        new CreateUserImportJobCommand({
          UserPoolId,
          JobName: 'j',
          CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:user/not-a-role',
        }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(
        new CreateUserImportJobCommand({
          UserPoolId: 'us-east-1_Nope0000',
          JobName: 'j',
          CloudWatchLogsRoleArn: ROLE,
        }),
      ),
      'ResourceNotFoundException',
    );
    const jobs = [
      await createJob(UserPoolId, 'one'),
      await createJob(UserPoolId, 'two'),
      await createJob(UserPoolId, 'three'),
    ];
    const seen: string[] = [];
    let PaginationToken: string | undefined;
    do {
      const page = await admin.send(
        new ListUserImportJobsCommand({ UserPoolId, MaxResults: 2, PaginationToken }),
      );
      seen.push(...page.UserImportJobs!.map((j) => j.JobId!));
      PaginationToken = page.PaginationToken;
    } while (PaginationToken);
    expect(seen.sort()).toEqual(jobs.map((j) => j.JobId!).sort());
    await expectAwsError(
      admin.send(
        new ListUserImportJobsCommand({ UserPoolId, MaxResults: 2, PaginationToken: 'forged-token' }),
      ),
      'InvalidParameterException',
    );

    await admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: jobs[0].JobId! }));
    expect(await finished(UserPoolId, jobs[0].JobId!)).toMatchObject({
      Status: 'Failed',
      CompletionMessage: "No CSV file was uploaded to the job's PreSignedUrl.",
    });
  });

  it('stops a running job between batches, keeping the users imported so far', async () => {
    const { UserPoolId } = await pool(`import-stop-${stamp}`);
    const job = await createJob(UserPoolId, 'big');
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `s${i}-${stamp},s${i}-${stamp}@import.example,true,S,false`,
    );
    expect((await put(job.PreSignedUrl!, `${HEAD}\n${rows.join('\n')}\n`)).status).toBe(200);
    await admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
    const stopping = await admin.send(new StopUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
    expect(stopping.UserImportJob!.Status).toBe('Stopping');
    const stopped = await finished(UserPoolId, job.JobId!);
    expect(stopped.Status).toBe('Stopped');
    expect(stopped.ImportedUsers! % 100).toBe(0); // whole batches only
    expect(stopped.ImportedUsers!).toBeLessThan(3000);
  });
  it('asks an imported user for the reset at an SRP sign-in too: the AWS SDK and authenticateUser', async () => {
    const { UserPoolId, ClientId } = await pool(`import-srp-${stamp}`);
    const job = await createJob(UserPoolId, 'srp');
    const name = `srp-${stamp}`;
    expect(
      (await put(job.PreSignedUrl!, `${HEAD}\n${name},${name}@import.example,true,Sam,false\n`)).status,
    ).toBe(200);
    await admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
    expect(await finished(UserPoolId, job.JobId!)).toMatchObject({ Status: 'Succeeded', ImportedUsers: 1 });

    const js = new CognitoJsSrpClient(UserPoolId.split('_')[1]);
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: { USERNAME: name, SRP_A: await js.srpA() },
        }),
      ),
      'PasswordResetRequiredException',
    );
    const libraryPool = new CognitoUserPool({ UserPoolId, ClientId, endpoint: system.endpoint });
    await expectAwsError(
      new Promise<CognitoUserSession>((resolve, reject) =>
        new CognitoUser({ Username: name, Pool: libraryPool }).authenticateUser(
          new AuthenticationDetails({ Username: name, Password: 'Any-Passw0rd!' }),
          { onSuccess: resolve, onFailure: reject },
        ),
      ),
      'PasswordResetRequiredException',
      'Password reset required for the user',
    );

    // After the reset, the library signs in by SRP with the new password.
    const mark = mailboxMark(system);
    await app.send(new ForgotPasswordCommand({ ClientId, Username: name }));
    const code = await codeSentTo(`${name}@import.example`, system, 10_000, mark);
    await app.send(
      new ConfirmForgotPasswordCommand({
        ClientId,
        Username: name,
        ConfirmationCode: code,
        Password: 'New-Passw0rd!',
      }),
    );
    const session = await new Promise<CognitoUserSession>((resolve, reject) =>
      new CognitoUser({ Username: name, Pool: libraryPool }).authenticateUser(
        new AuthenticationDetails({ Username: name, Password: 'New-Passw0rd!' }),
        { onSuccess: resolve, onFailure: reject },
      ),
    );
    expect(session.isValid()).toBe(true);
  });

  it('refuses to update, extend or delete a pool while its import job runs, and allows it once the job ends', async () => {
    const { UserPoolId } = await pool(`import-busy-${stamp}`);
    const job = await createJob(UserPoolId, 'busy');
    const rows = Array.from(
      { length: 20000 },
      (_, i) => `b${i}-${stamp},b${i}-${stamp}@import.example,true,B,false`,
    );
    expect((await put(job.PreSignedUrl!, `${HEAD}\n${rows.join('\n')}\n`)).status).toBe(200);
    await admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
    const message = 'A user import job is in progress for this user pool.';
    await expectAwsError(
      admin.send(new UpdateUserPoolCommand({ UserPoolId, AutoVerifiedAttributes: ['email'] })),
      'UserImportInProgressException',
      message,
    );
    await expectAwsError(
      admin.send(
        new AddCustomAttributesCommand({
          UserPoolId,
          CustomAttributes: [{ Name: 'plan', AttributeDataType: 'String' }],
        }),
      ),
      'UserImportInProgressException',
      message,
    );
    await expectAwsError(
      admin.send(new DeleteUserPoolCommand({ UserPoolId })),
      'UserImportInProgressException',
      message,
    );
    await admin.send(new StopUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
    expect((await finished(UserPoolId, job.JobId!)).Status).toBe('Stopped');
    await admin.send(new UpdateUserPoolCommand({ UserPoolId, AutoVerifiedAttributes: ['email'] }));
    await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
  });

  /** A job's log (ADR 0070): GET signed with SigV4 for cognito-idp, by `credentials`. */
  async function jobLog(
    UserPoolId: string,
    JobId: string,
    query: Record<string, string> = {},
    credentials = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    tampering: Parameters<typeof sendTampered>[2] = {},
  ) {
    const req = httpRequest(system.endpoint, {
      method: 'GET',
      path: `/user-import/${UserPoolId}/${JobId}/log`,
      query,
    });
    const signed = await awsSigner(credentials, 'cognito-idp').sign(req);
    return sendTampered(system.endpoint, signed, tampering);
  }

  it("lists the rows not imported in the job's log as Cognito words them, to a signed admin only", async () => {
    const { UserPoolId } = await pool(`import-log-${stamp}`);
    const job = await createJob(UserPoolId, 'logged');
    const csv = [
      HEAD,
      `lee-${stamp},lee-${stamp}@import.example,true,Lee,false`,
      `lee-${stamp},secret-looking@import.example,true,Lee,false`, // line 3: skipped
      `max-${stamp},max-${stamp}@import.example,false,Max,false`, // line 4: failed
    ].join('\n');
    expect((await put(job.PreSignedUrl!, csv)).status).toBe(200);
    await admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
    expect(await finished(UserPoolId, job.JobId!)).toMatchObject({
      ImportedUsers: 1,
      SkippedUsers: 1,
      FailedUsers: 1,
    });

    const first = await jobLog(UserPoolId, job.JobId!, { limit: '1' });
    expect(first.status).toBe(200);
    const page = JSON.parse(first.text) as {
      logGroupName: string;
      logStreamName: string;
      events: { timestamp: number; message: string }[];
      nextToken?: string;
    };
    expect(page).toMatchObject({
      logGroupName: `/aws/cognito/userpools/${UserPoolId}/import-log-${stamp}`,
      logStreamName: `${job.JobId}/logged`,
      events: [
        { timestamp: expect.any(Number), message: '[SKIPPED] Line Number 3 - The user already exists.' },
      ],
    });
    const rest = JSON.parse((await jobLog(UserPoolId, job.JobId!, { nextToken: page.nextToken! })).text) as {
      events: { message: string }[];
      nextToken?: string;
    };
    expect(rest.events.map((e) => e.message)).toEqual([
      '[FAILED] Line Number 4 - The User Record does not set any of the auto verified attributes to true.',
    ]);
    expect(rest.nextToken).toBeUndefined();
    // No values of the rows, as in Cognito's log.
    expect(first.text + JSON.stringify(rest)).not.toMatch(/secret-looking|max-|@import/);

    // Unsigned, signed by an unknown key, re-targeted after signing, another pool's job: refused.
    const unsigned = await sendTampered(
      system.endpoint,
      httpRequest(system.endpoint, { method: 'GET', path: `/user-import/${UserPoolId}/${job.JobId}/log` }),
    );
    // As the JSON API answers an unsigned admin operation.
    expect([unsigned.status, unsigned.errorCode]).toEqual([400, 'MissingAuthenticationTokenException']);
    const stranger = await jobLog(
      UserPoolId,
      job.JobId!,
      {},
      { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' },
    );
    expect([stranger.status, stranger.errorCode]).toEqual([400, 'UnrecognizedClientException']);
    const other = await pool(`import-log-other-${stamp}`);
    const foreign = await createJob(other.UserPoolId, 'foreign');
    const tampered = await jobLog(UserPoolId, job.JobId!, {}, undefined, { extraQuery: 'limit=5' });
    expect([tampered.status, tampered.errorCode]).toEqual([400, 'InvalidSignatureException']);
    const crossPool = await jobLog(UserPoolId, foreign.JobId!);
    expect([crossPool.status, crossPool.errorCode]).toEqual([400, 'ResourceNotFoundException']);
    const badToken = await jobLog(UserPoolId, job.JobId!, { nextToken: 'x' });
    expect([badToken.status, badToken.errorCode]).toEqual([400, 'InvalidParameterException']);
  });

  it('imports a file over 20 MB sent as it is generated, then reports its bad row in the log', async () => {
    const { UserPoolId } = await pool(`import-large-${stamp}`);
    const job = await createJob(UserPoolId, 'large');
    const head =
      'cognito:username,email,email_verified,name,given_name,family_name,middle_name,nickname,cognito:mfa_enabled';
    const long = (c: string) => c.repeat(2000);
    const ROWS = 2_200;
    let sent = 0;
    const encoder = new TextEncoder();
    // About 10 KB a row: 22 MB in all, made as the upload reads it (chunked: no Content-Length).
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`${head}\n`));
      },
      pull(controller) {
        if (sent === ROWS) return controller.close();
        const i = sent++;
        const email = i === ROWS - 1 ? 'not-an-email' : `big${i}-${stamp}@import.example`;
        controller.enqueue(
          encoder.encode(
            `big${i}-${stamp},${email},true,${long('n')},${long('g')},${long('f')},${long('m')},${long('k')},false\n`,
          ),
        );
      },
    });
    const uploaded = await fetch(job.PreSignedUrl!, {
      method: 'PUT',
      body,
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
      duplex: 'half',
    });
    expect(uploaded.status).toBe(200);
    await admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
    const done = await eventually(
      async () => {
        const j = (await admin.send(new DescribeUserImportJobCommand({ UserPoolId, JobId: job.JobId! })))
          .UserImportJob!;
        if (!['Succeeded', 'Failed', 'Stopped'].includes(j.Status!)) throw new Error(`job is ${j.Status}`);
        return j;
      },
      { timeoutMs: 240_000, intervalMs: 500 },
    );
    expect(done).toMatchObject({
      Status: 'Succeeded',
      ImportedUsers: ROWS - 1,
      SkippedUsers: 0,
      FailedUsers: 1,
    });
    const user = await admin.send(
      new AdminGetUserCommand({ UserPoolId, Username: `big${ROWS - 2}-${stamp}` }),
    );
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'nickname', Value: long('k') }]));
    const log = JSON.parse((await jobLog(UserPoolId, job.JobId!)).text) as { events: { message: string }[] };
    expect(log.events.map((e) => e.message)).toEqual([
      `[FAILED] Line Number ${ROWS + 1} - Invalid email address format.`,
    ]);
  }, 300_000);

  it("refuses a file over Cognito's 100 MB as S3 does, keeping the file uploaded before", async () => {
    const { UserPoolId } = await pool(`import-huge-${stamp}`);
    const job = await createJob(UserPoolId, 'huge');
    expect(
      (await put(job.PreSignedUrl!, `${HEAD}\nkept-${stamp},kept-${stamp}@import.example,true,K,false\n`))
        .status,
    ).toBe(200);
    const url = new URL(job.PreSignedUrl!);
    // The declared size is refused before the body is read, as S3 refuses it.
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequestOf(
        url,
        {
          method: 'PUT',
          headers: {
            'x-amz-server-side-encryption': 'aws:kms',
            'content-length': String(100 * 1024 * 1024 + 1),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on('error', reject);
      req.write(`${HEAD}\n`);
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<Code>EntityTooLarge</Code>');
    expect(answer.text).toContain(`<MaxSizeAllowed>${100 * 1024 * 1024}</MaxSizeAllowed>`);
    await admin.send(new StartUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
    expect(await finished(UserPoolId, job.JobId!)).toMatchObject({ Status: 'Succeeded', ImportedUsers: 1 });
  });
});
