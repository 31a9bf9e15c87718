import { createDecipheriv, hkdfSync } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { LambdaConfigType } from '@idfed/contracts';
import { confirmationMessage, invitationMessage, passwordResetMessage } from '../delivery/code-messages';
import { signUpConfirmationMessage } from '../users/confirmation-links';
import { OutgoingMessage } from '../delivery/message-sender';
import { LambdaEndpointsConfig } from './lambda-endpoints';
import { customSenderConfigProblem, MessageTriggers, TriggeredMessageSender } from './message-triggers';
import { TriggerCaller } from './trigger-caller';

type Event = Record<string, unknown> & { request: Record<string, unknown>; triggerSource: string };

/**
 * The message triggers (ADR 0043) against a loopback server standing in for the functions: the
 * exact CustomMessage event, its answer applied or refused, and the custom senders called instead
 * of delivery with the code sealed, opened here with an independent HKDF and AES-GCM.
 */
describe('Message triggers (ADR 0043)', () => {
  const secret = Buffer.alloc(32, 9);
  const account = '123456789012';
  const poolId = 'us-east-1_Msg';
  const kmsKeyId = 'arn:aws:kms:us-east-1:123456789012:key/1111-2222';
  const arn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;
  const received: { path: string; event: Event }[] = [];
  const answers = new Map<string, (event: Event) => { status: number; body: unknown } | 'hang'>();
  let server: Server;
  let sender: TriggeredMessageSender;
  const delivered: OutgoingMessage[] = [];
  const warnings: string[] = [];

  const pool = (lambdaConfig: LambdaConfigType) => ({ id: poolId, config: { lambdaConfig } });
  const context = {
    source: 'SignUp' as const,
    clientId: 'client-1',
    userAttributes: { sub: 'sub-1', email: 'ann@example.com', 'cognito:user_status': 'UNCONFIRMED' },
    clientMetadata: { campaign: 'spring' },
  };
  const lambda = (response: unknown) => (event: Event) => ({ status: 200, body: { ...event, response } });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Event;
        const path = (req.url ?? '/').slice(1);
        received.push({ path, event });
        const answer = answers.get(path)?.(event);
        if (answer === 'hang' || answer === undefined) return;
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config: LambdaEndpointsConfig = {
      accountId: account,
      endpoints: new Map(['message', 'mailer', 'texter', 'slow'].map((n) => [n, `${base}/${n}`])),
      secret,
      timeoutMs: 300,
      maxAnswerBytes: 64 * 1024,
    };
    const triggers = new MessageTriggers(new TriggerCaller(config), config);
    sender = new TriggeredMessageSender(
      {
        send: (m) => {
          delivered.push(m);
          return Promise.resolve();
        },
      },
      triggers,
    );
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((m: unknown) => void warnings.push(String(m)));
  });

  beforeEach(() => {
    received.length = 0;
    delivered.length = 0;
    warnings.length = 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  describe('CustomMessage', () => {
    it('is sent Cognito event and its message replaces the pool’s, with the code in place', async () => {
      answers.set(
        'message',
        lambda({
          emailMessage: 'Hello ann, code {####} ({####})',
          emailSubject: 'Welcome!',
          smsMessage: null,
        }),
      );
      const config = { CustomMessage: arn('message') };
      await sender.send(
        confirmationMessage('EMAIL', 'ann@example.com', '123456', pool(config), 'ann', context),
      );
      expect(received).toEqual([
        {
          path: 'message',
          event: {
            version: '1',
            triggerSource: 'CustomMessage_SignUp',
            region: 'us-east-1',
            userPoolId: poolId,
            userName: 'ann',
            callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client-1' },
            request: {
              userAttributes: context.userAttributes,
              codeParameter: '{####}',
              usernameParameter: null,
              linkParameter: null,
              clientMetadata: { campaign: 'spring' },
            },
            response: { smsMessage: null, emailMessage: null, emailSubject: null },
          },
        },
      ]);
      // The code never travels to the function.
      expect(JSON.stringify(received)).not.toContain('123456');
      expect(delivered).toEqual([
        {
          medium: 'EMAIL',
          to: 'ann@example.com',
          subject: 'Welcome!',
          text: 'Hello ann, code 123456 (123456)',
          userPoolId: poolId,
          username: 'ann',
        },
      ]);
    });

    describe("in a link pool's sign-up confirmation (ADR 0071)", () => {
      const linkPool = (lambdaConfig: LambdaConfigType) => ({
        id: poolId,
        config: {
          lambdaConfig,
          verificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' as const },
        },
      });
      const link = { base: 'https://app.auth.example.com', clientId: 'client-1' };
      const url =
        'https://app.auth.example.com/confirmUser?client_id=client-1&user_name=ann&confirmation_code=654321';
      const message = (medium: 'EMAIL' | 'SMS' = 'EMAIL', to = 'ann@example.com') =>
        signUpConfirmationMessage(
          medium,
          to,
          '654321',
          linkPool({ CustomMessage: arn('message') }),
          'ann',
          link,
          context,
        );

      it('tells the function linkParameter, and makes its {##text##} an anchor to the link', async () => {
        answers.set('message', lambda({ emailMessage: '<p>Hi {username}, {##Join now##}</p>' }));
        await sender.send(message());
        expect(received[0].event.request).toMatchObject({
          codeParameter: '{####}',
          linkParameter: '{##Click Here##}',
          usernameParameter: null,
        });
        // Neither the code nor the link travels to the function.
        expect(JSON.stringify(received)).not.toContain('654321');
        expect(delivered).toHaveLength(1);
        expect(delivered[0].html).toBe(`<p>Hi ann, <a href="${url.replace(/&/g, '&amp;')}">Join now</a></p>`);
        expect(delivered[0].text).toBe(`<p>Hi ann, Join now <${url}></p>`);
        expect(delivered[0]).not.toHaveProperty('trigger');
      });

      it('takes an answer with the code only, and keeps the pool’s message for one with neither', async () => {
        answers.set('message', lambda({ emailMessage: 'Your code: {####}' }));
        await sender.send(message());
        expect(delivered[0].text).toBe('Your code: 654321');
        expect(delivered[0].html).toBe('Your code: 654321');
        answers.set('message', lambda({ emailMessage: 'Nothing to click.' }));
        await sender.send(message());
        expect(delivered[1].html).toContain(`<a href="${url.replace(/&/g, '&amp;')}">Verify Email</a>`);
        expect(warnings).toHaveLength(1);
      });

      it('gives no linkParameter by SMS, nor for a password reset', async () => {
        answers.set('message', lambda({ smsMessage: 'Code {####}', emailMessage: 'Reset {####}' }));
        await sender.send(message('SMS', '+15550100'));
        expect(received[0].event.request.linkParameter).toBeNull();
        await sender.send(
          passwordResetMessage(
            'EMAIL',
            'ann@example.com',
            '111111',
            linkPool({ CustomMessage: arn('message') }),
            'ann',
            {
              ...context,
              source: 'ForgotPassword',
            },
          ),
        );
        expect(received[1].event.request.linkParameter).toBeNull();
        expect(delivered.map((m) => m.html)).toEqual([undefined, undefined]);
      });
    });

    it('tells an invitation the username parameter and fills both in', async () => {
      answers.set('message', lambda({ smsMessage: 'Hi {username}: {####}' }));
      const config = { CustomMessage: arn('message') };
      await sender.send(
        invitationMessage('SMS', '+15550100', 'Tmp-Pass1!', pool(config), 'bob', {
          ...context,
          source: 'AdminCreateUser',
          clientId: 'CLIENT_ID_NOT_APPLICABLE',
        }),
      );
      expect(received[0].event.triggerSource).toBe('CustomMessage_AdminCreateUser');
      expect(received[0].event.request.usernameParameter).toBe('{username}');
      expect(delivered[0].text).toBe('Hi bob: Tmp-Pass1!');
    });

    it.each([
      ['drops the code', { emailMessage: 'Your account is ready.' }],
      ['is over 20,000 characters', { emailMessage: `{####}${'x'.repeat(20_000)}` }],
      ['carries a control character', { emailMessage: 'code {####}\u0000' }],
    ])('keeps the pool’s message when the answer %s', async (_what, response) => {
      answers.set('message', lambda(response));
      await sender.send(
        passwordResetMessage(
          'EMAIL',
          'ann@example.com',
          '654321',
          pool({ CustomMessage: arn('message') }),
          'ann',
          {
            ...context,
            source: 'ForgotPassword',
          },
        ),
      );
      expect(received[0].event.triggerSource).toBe('CustomMessage_ForgotPassword');
      expect(delivered[0].text).toBe('Your password reset code is 654321');
      expect(warnings.join('\n')).not.toContain('654321');
    });

    it('keeps the pool’s invitation when the answer drops the username', async () => {
      answers.set('message', lambda({ emailMessage: 'Your password: {####}' }));
      await sender.send(
        invitationMessage(
          'EMAIL',
          'bob@example.com',
          'Tmp-Pass1!',
          pool({ CustomMessage: arn('message') }),
          'bob',
          {
            ...context,
            source: 'AdminCreateUser',
          },
        ),
      );
      expect(delivered[0].text).toBe('Your username is bob and temporary password is Tmp-Pass1!.');
    });

    it('refuses a subject that would add mail headers, and an SMS over 140 characters', async () => {
      answers.set('message', lambda({ emailSubject: 'Hi\r\nBcc: evil@example.com', emailMessage: '{####}' }));
      const config = { CustomMessage: arn('message') };
      await sender.send(
        confirmationMessage('EMAIL', 'ann@example.com', '111111', pool(config), 'ann', context),
      );
      expect(delivered[0]).toMatchObject({ subject: 'Your verification code', text: '111111' });
      answers.set('message', lambda({ smsMessage: `{####} ${'y'.repeat(140)}` }));
      await sender.send(confirmationMessage('SMS', '+15550100', '222222', pool(config), 'ann', context));
      expect(delivered[1].text).toBe('Your confirmation code is 222222');
    });

    it.each([
      ['a message that is no string', { emailMessage: 42 }],
      ['a subject that is no string', { emailSubject: ['a'] }],
      ['an SMS that is no string', { smsMessage: true }],
    ])('answers InvalidLambdaResponseException for %s, and sends nothing', async (_what, response) => {
      answers.set('message', lambda(response));
      const config = { CustomMessage: arn('message') };
      await expect(
        sender.send(confirmationMessage('EMAIL', 'ann@example.com', '333333', pool(config), 'ann', context)),
      ).rejects.toMatchObject({ errorName: 'InvalidLambdaResponseException' });
      expect(delivered).toEqual([]);
    });

    it('fails with the function’s error, and times out as a Lambda', async () => {
      answers.set('message', () => ({
        status: 400,
        body: { errorType: 'Error', errorMessage: 'No mail today' },
      }));
      const config = { CustomMessage: arn('message') };
      await expect(
        sender.send(confirmationMessage('EMAIL', 'ann@example.com', '444444', pool(config), 'ann', context)),
      ).rejects.toMatchObject({
        errorName: 'UserLambdaValidationException',
        message: 'CustomMessage failed with error No mail today.',
      });
      answers.set('slow', () => 'hang');
      await expect(
        sender.send(
          confirmationMessage(
            'EMAIL',
            'ann@example.com',
            '444444',
            pool({ CustomMessage: arn('slow') }),
            'ann',
            context,
          ),
        ),
      ).rejects.toMatchObject({ errorName: 'UnexpectedLambdaException' });
      expect(delivered).toEqual([]);
    });

    it('leaves messages of pools without message triggers as they were', async () => {
      const message = confirmationMessage(
        'EMAIL',
        'ann@example.com',
        '555555',
        pool({ PreSignUp: arn('x') }),
        'ann',
        context,
      );
      expect(message.trigger).toBeUndefined();
      await sender.send(message);
      expect(received).toEqual([]);
      expect(delivered[0].text).toBe('Your confirmation code is 555555');
    });
  });

  describe('CustomEmailSender and CustomSMSSender', () => {
    function open(name: string, sealed: string, event: Event): string {
      const key = Buffer.from(
        hkdfSync('sha256', secret, Buffer.alloc(0), `idfed custom sender code v1\n${name}\n${kmsKeyId}`, 32),
      );
      const bytes = Buffer.from(sealed, 'base64');
      expect(bytes[0]).toBe(1);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 13));
      decipher.setAAD(
        Buffer.from(
          `idfed custom sender code v1\n${event.userPoolId as string}\n${event.userName as string}\n${event.triggerSource}`,
        ),
      );
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([
        decipher.update(bytes.subarray(13, bytes.length - 16)),
        decipher.final(),
      ]).toString('utf8');
    }

    const senders: LambdaConfigType = {
      CustomMessage: arn('message'),
      CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: arn('mailer') },
      CustomSMSSender: { LambdaVersion: 'V1_0', LambdaArn: arn('texter') },
      KMSKeyID: kmsKeyId,
    };

    it('calls the email sender instead of sending, with the code sealed for it alone', async () => {
      answers.set('mailer', lambda(null));
      await sender.send(
        confirmationMessage('EMAIL', 'ann@example.com', '777777', pool(senders), 'ann', context),
      );
      expect(delivered).toEqual([]);
      expect(received.map((r) => r.path)).toEqual(['mailer']);
      const { event } = received[0];
      expect(event).toEqual({
        version: '1',
        triggerSource: 'CustomEmailSender_SignUp',
        region: 'us-east-1',
        userPoolId: poolId,
        userName: 'ann',
        callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client-1' },
        request: {
          type: 'customEmailSenderRequestV1',
          code: expect.any(String) as string,
          userAttributes: context.userAttributes,
          clientMetadata: { campaign: 'spring' },
        },
        response: {},
      });
      expect(JSON.stringify(event)).not.toContain('777777');
      expect(open('mailer', event.request.code as string, event)).toBe('777777');
      // Another function's key, or the code moved to another user's event, opens nothing.
      expect(() => open('texter', event.request.code as string, event)).toThrow();
      expect(() => open('mailer', event.request.code as string, { ...event, userName: 'bob' })).toThrow();
    });

    it('calls the SMS sender for an MFA code, and fails the send as the function fails', async () => {
      answers.set('texter', lambda({}));
      const message = confirmationMessage('SMS', '+15550100', '888888', pool(senders), 'ann', {
        ...context,
        source: 'Authentication',
      });
      await sender.send(message);
      expect(received[0].event).toMatchObject({
        triggerSource: 'CustomSMSSender_Authentication',
        request: { type: 'customSMSSenderRequestV1' },
      });
      expect(open('texter', received[0].event.request.code as string, received[0].event)).toBe('888888');
      answers.set('texter', () => ({ status: 400, body: { errorMessage: 'SMS provider down' } }));
      await expect(sender.send(message)).rejects.toMatchObject({
        errorName: 'UserLambdaValidationException',
        message: 'CustomSMSSender failed with error SMS provider down.',
      });
      expect(delivered).toEqual([]);
    });

    it('never sends in clear without a KMSKeyID', async () => {
      const { KMSKeyID: _none, ...withoutKey } = senders;
      await expect(
        sender.send(
          confirmationMessage('EMAIL', 'ann@example.com', '999999', pool(withoutKey), 'ann', context),
        ),
      ).rejects.toMatchObject({ errorName: 'UnexpectedLambdaException' });
      expect(received).toEqual([]);
      expect(delivered).toEqual([]);
    });

    it('is refused at configuration without KMSKeyID or with another LambdaVersion', () => {
      expect(customSenderConfigProblem(senders)).toBeUndefined();
      expect(customSenderConfigProblem({ ...senders, KMSKeyID: undefined })).toBe(
        'A KMSKeyID is required when CustomEmailSender is set.',
      );
      expect(
        customSenderConfigProblem({
          CustomSMSSender: { LambdaVersion: 'V2_0' as 'V1_0', LambdaArn: arn('texter') },
          KMSKeyID: kmsKeyId,
        }),
      ).toBe("CustomSMSSender's LambdaVersion must be V1_0.");
    });
  });
});
