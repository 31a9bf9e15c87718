import { readFileSync } from 'node:fs';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  LambdaConfigType,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { CUSTOM_SENDER_KMS_KEY_ID } from '../libs/testing/src/user-pool-trigger-standin';
import {
  cognitoAdmin,
  cognitoPublic,
  e2eSystem,
  mailboxMark,
  mailSentTo,
  messageSentTo,
} from './support/e2e-context';
import { appLogs } from './support/secret-scan';

interface Recorded {
  path: string;
  event: Record<string, unknown> & { triggerSource: string; request: Record<string, unknown> };
}

/**
 * The message triggers (ADR 0043) through the AWS SDK v3: CustomMessage words the messages the
 * pool sends (read back from the dev mailbox or the SMTP capture), and the custom senders are
 * called instead of sending, with the code sealed; the stand-in
 * (libs/testing/src/user-pool-trigger-standin.ts) checks each call's signature, records the
 * events, and opens the sealed codes with the key an operator derives. Attacks: answers that drop
 * the code or are no strings, a refusing, slow or misrouted function (the right error, no user
 * left), a sender without a KMS key, and the codes never in idfed's logs.
 */
describe('Message triggers over HTTP', () => {
  const system = e2eSystem();
  const stamp = Date.now();
  const password = 'Corr3ct-Horse!';
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];
  const codes: string[] = [];
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const fn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;

  async function calls(userName: string): Promise<Recorded[]> {
    const res = await fetch(
      `${system.userPoolTriggerStandin}/calls?userName=${encodeURIComponent(userName)}`,
    );
    // The stand-in serves the whole run: other specs' users of the same name are not this spec's.
    return ((await res.json()) as { accepted: Recorded[] }).accepted.filter((c) =>
      pools.includes(String(c.event.userPoolId)),
    );
  }

  async function delivered(
    userName: string,
  ): Promise<{ triggerSource: string; type: string; code: string }[]> {
    const res = await fetch(
      `${system.userPoolTriggerStandin}/delivered?userName=${encodeURIComponent(userName)}`,
    );
    return (await res.json()) as { triggerSource: string; type: string; code: string }[];
  }

  async function pool(
    name: string,
    LambdaConfig: LambdaConfigType,
  ): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `${name}-${stamp}`,
        LambdaConfig,
        AutoVerifiedAttributes: ['email'],
      }),
    );
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { poolId, clientId: UserPoolClient!.ClientId! };
  }

  const email = (username: string) => `${username}-${stamp}@example.com`;

  function signUp(p: { clientId: string }, username: string) {
    return app.send(
      new SignUpCommand({
        ClientId: p.clientId,
        Username: username,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email(username) }],
        ClientMetadata: { campaign: 'spring' },
      }),
    );
  }

  async function noUser(poolId: string, username: string) {
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username })),
      'UserNotFoundException',
    );
  }

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });

  afterAll(async () => {
    for (const poolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
  });

  describe('CustomMessage', () => {
    let p: { poolId: string; clientId: string };
    beforeAll(async () => {
      p = await pool('custom-message', { CustomMessage: fn('message') });
    });

    it('words the sign-up code, which then confirms the user', async () => {
      const mark = mailboxMark(system);
      await signUp(p, 'ann');
      // The dev mailbox keeps the text; the SMTP capture the whole message, headers included.
      const text = await messageSentTo(email('ann'), system, { after: mark });
      const code = /Trigger CustomMessage_SignUp: your code is (\d{6})\b/.exec(text)?.[1];
      expect(code).toBeDefined();
      codes.push(code!);
      const [call] = await calls('ann');
      expect(call.event).toMatchObject({
        triggerSource: 'CustomMessage_SignUp',
        userPoolId: p.poolId,
        callerContext: { clientId: p.clientId },
        request: {
          codeParameter: '{####}',
          usernameParameter: null,
          linkParameter: null,
          clientMetadata: { campaign: 'spring' },
          userAttributes: { email: email('ann'), 'cognito:user_status': 'UNCONFIRMED' },
        },
        response: { smsMessage: null, emailMessage: null, emailSubject: null },
      });
      expect(JSON.stringify(call.event)).not.toContain(code);
      await app.send(
        new ConfirmSignUpCommand({ ClientId: p.clientId, Username: 'ann', ConfirmationCode: code }),
      );
    });

    it("tells a link pool's function linkParameter, and its link in the HTML mail confirms (ADR 0071)", async () => {
      const { UserPool } = await admin.send(
        new CreateUserPoolCommand({
          PoolName: `custom-message-link-${stamp}`,
          LambdaConfig: { CustomMessage: fn('message') },
          AutoVerifiedAttributes: ['email'],
          VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' },
        }),
      );
      const poolId = UserPool!.Id!;
      pools.push(poolId);
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app' }),
      );
      const linked = { poolId, clientId: UserPoolClient!.ClientId! };
      const anchorOf = async (mark: number, source: string) => {
        const mail = await mailSentTo(email('linker'), system, { after: mark });
        expect(mail.subject).toBe(`Trigger: ${source}`);
        const found = new RegExp(`^<p>Trigger ${source}: <a href="([^"]+)">Click Here</a></p>$`).exec(
          mail.html ?? '',
        );
        expect(found).not.toBeNull();
        const href = found![1].replace(/&amp;/g, '&');
        expect(mail.text).toBe(`<p>Trigger ${source}: Click Here <${href}></p>`);
        return new URL(href);
      };
      let mark = mailboxMark(system);
      await signUp(linked, 'linker');
      const first = await anchorOf(mark, 'CustomMessage_SignUp');
      mark = mailboxMark(system);
      await app.send(new ResendConfirmationCodeCommand({ ClientId: linked.clientId, Username: 'linker' }));
      const second = await anchorOf(mark, 'CustomMessage_ResendCode');
      const recorded = await calls('linker');
      expect(recorded.map((c) => [c.event.triggerSource, c.event.request.linkParameter])).toEqual([
        ['CustomMessage_SignUp', '{##Click Here##}'],
        ['CustomMessage_ResendCode', '{##Click Here##}'],
      ]);
      for (const link of [first, second]) {
        expect(link.pathname).toBe(`/${poolId}/confirmUser`);
        codes.push(link.searchParams.get('confirmation_code')!);
        // Neither the code nor the link reached the function.
        expect(JSON.stringify(recorded)).not.toContain(link.searchParams.get('confirmation_code')!);
      }
      expect((await fetch(second)).status).toBe(200);
      const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'linker' }));
      expect(user.UserStatus).toBe('CONFIRMED');
    });

    it('words the forgot-password code', async () => {
      const mark = mailboxMark(system);
      await app.send(new ForgotPasswordCommand({ ClientId: p.clientId, Username: 'ann' }));
      const text = await messageSentTo(email('ann'), system, { after: mark });
      const code = /Trigger CustomMessage_ForgotPassword: your code is (\d{6})\b/.exec(text)?.[1];
      expect(code).toBeDefined();
      codes.push(code!);
    });

    it('words an invitation with the username and a temporary password that signs in', async () => {
      const mark = mailboxMark(system);
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: p.poolId,
          Username: 'invitee',
          UserAttributes: [{ Name: 'email', Value: email('invitee') }],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      const text = await messageSentTo(email('invitee'), system, { after: mark });
      const temporary = /Trigger invitation for invitee: temporary password (\S+)/.exec(text)?.[1];
      expect(temporary).toBeDefined();
      codes.push(temporary!);
      const [call] = await calls('invitee');
      expect(call.event).toMatchObject({
        triggerSource: 'CustomMessage_AdminCreateUser',
        callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' },
        request: { codeParameter: '{####}', usernameParameter: '{username}' },
      });
      const signedIn = await app.send(
        new InitiateAuthCommand({
          ClientId: p.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'invitee', PASSWORD: temporary! },
        }),
      );
      expect(signedIn.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    });

    it('sends the pool’s own message when the answer drops the code', async () => {
      const mark = mailboxMark(system);
      await signUp(p, 'dropcode1');
      const text = await messageSentTo(email('dropcode1'), system, { after: mark });
      expect(text).toMatch(/Your confirmation code is \d{6}\b/);
      expect(text).not.toContain('Your account is ready');
    });

    it('refuses an answer that is no string: InvalidLambdaResponseException, no user', async () => {
      await expectAwsError(
        signUp(p, 'badtype1'),
        'InvalidLambdaResponseException',
        'Unrecognizable lambda output',
      );
      await noUser(p.poolId, 'badtype1');
    });

    it('fails the sign-up with the function’s error, no user', async () => {
      await expectAwsError(
        signUp(p, 'msgfail1'),
        'UserLambdaValidationException',
        'CustomMessage failed with error No mail today.',
      );
      await noUser(p.poolId, 'msgfail1');
    });

    it.each([
      [
        'slow (past the 5 s timeout)',
        'slow',
        'CustomMessage invocation failed due to error Socket timeout while invoking Lambda function.',
      ],
      [
        'routed to another function’s endpoint (its signature refused)',
        'misrouted',
        'CustomMessage invocation failed due to error ServiceException.',
      ],
    ])('answers UnexpectedLambdaException for a function %s, no user', async (_what, name, message) => {
      const q = await pool(`cm-${name}`, { CustomMessage: fn(name) });
      await expectAwsError(signUp(q, `${name}-user`), 'UnexpectedLambdaException', message);
      await noUser(q.poolId, `${name}-user`);
    });
  });

  describe('CustomEmailSender', () => {
    it('is called instead of sending, with a sealed code its receiver opens', async () => {
      const p = await pool('custom-sender', {
        CustomMessage: fn('message'),
        CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: fn('mailer') },
        KMSKeyID: CUSTOM_SENDER_KMS_KEY_ID,
      });
      const mark = mailboxMark(system);
      await signUp(p, 'sendee');
      const [sent] = await eventually(async () => {
        const found = await delivered('sendee');
        if (!found.length) throw new Error('not delivered yet');
        return found;
      });
      expect(sent).toMatchObject({
        triggerSource: 'CustomEmailSender_SignUp',
        type: 'customEmailSenderRequestV1',
      });
      expect(sent.code).toMatch(/^\d{6}$/);
      codes.push(sent.code);
      const recorded = await calls('sendee');
      // The sender replaces delivery (and CustomMessage): one call, the code only sealed.
      expect(recorded.map((c) => c.event.triggerSource)).toEqual(['CustomEmailSender_SignUp']);
      expect(JSON.stringify(recorded[0].event)).not.toContain(sent.code);
      await expect(
        messageSentTo(email('sendee'), system, { after: mark, timeoutMs: 1000 }),
      ).rejects.toThrow();
      await app.send(
        new ConfirmSignUpCommand({ ClientId: p.clientId, Username: 'sendee', ConfirmationCode: sent.code }),
      );
    });

    it('is refused without a KMSKeyID (InvalidParameterException)', async () => {
      await expectAwsError(
        admin.send(
          new CreateUserPoolCommand({
            PoolName: `no-key-${stamp}`,
            LambdaConfig: { CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: fn('mailer') } },
          }),
        ),
        'InvalidParameterException',
        'A KMSKeyID is required when CustomEmailSender is set.',
      );
    });
  });

  it('never writes a code or temporary password to idfed’s logs', () => {
    expect(codes.length).toBeGreaterThanOrEqual(4);
    const logs = appLogs(system.workDir)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(logs.length).toBeGreaterThan(0);
    // As a word of its own: a six-digit run inside a timestamp or an id is no code.
    const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const code of codes)
      expect(new RegExp(`(?<![0-9A-Za-z])${escape(code)}(?![0-9A-Za-z])`).test(logs)).toBe(false);
  });
});
