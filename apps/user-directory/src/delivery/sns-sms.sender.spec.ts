import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnsStandIn } from '../../../../libs/testing/src/sns-standin';
import { DevMailboxSender } from './dev-mailbox.sender';
import { MessageSender, OutgoingMessage, RoutingSender } from './message-sender';
import { SnsSmsSender } from './sns-sms.sender';

const sms = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  medium: 'SMS',
  to: '+15555550123',
  subject: 'Your authentication code',
  text: 'Your authentication code is 123456. ',
  userPoolId: 'us-east-1_abc',
  username: 'alice',
  ...over,
});

/**
 * The SNS adapter against a loopback stand-in of SNS's Query API that verifies the SigV4 signature
 * (service sns, the region of its scope) and the Publish form as SNS documents them.
 */
describe('SnsSmsSender', () => {
  const sns = new SnsStandIn();
  const sender = (over: Partial<ConstructorParameters<typeof SnsSmsSender>[0]> = {}) =>
    new SnsSmsSender({
      baseUrl: sns.baseUrl,
      defaultRegion: 'us-east-1',
      accessKeyId: sns.accessKeyId,
      secretAccessKey: sns.secretAccessKey,
      ...over,
    });

  beforeAll(() => sns.start());
  afterAll(() => sns.stop());
  beforeEach(() => {
    sns.published.length = 0;
    sns.refused.length = 0;
    sns.failWith = undefined;
  });

  it('publishes a transactional SMS to the phone number, signed for sns in the default region', async () => {
    await sender().send(sms());
    expect(sns.published).toEqual([
      {
        phoneNumber: '+15555550123',
        message: 'Your authentication code is 123456. ',
        region: 'us-east-1',
        attributes: { 'AWS.SNS.SMS.SMSType': 'Transactional' },
      },
    ]);
  });

  it("signs for the region the pool's SmsConfiguration selects", async () => {
    await sender().send(sms({ smsConfiguration: { SnsRegion: 'eu-west-1', SnsCallerArn: 'arn:x' } }));
    expect(sns.published.map((p) => p.region)).toEqual(['eu-west-1']);
  });

  it('fails on a key SNS does not know, naming the code but not the message', async () => {
    const failed = sender({ accessKeyId: 'AKIAUNKNOWNKEY000000' }).send(sms());
    await expect(failed).rejects.toThrow('SNS Publish answered 403 InvalidClientTokenId');
    await expect(failed).rejects.not.toThrow(/123456/);
    expect(sns.published).toEqual([]);
  });

  it('fails when the signature is wrong', async () => {
    await expect(sender({ secretAccessKey: 'not-the-secret-0123456789' }).send(sms())).rejects.toThrow(
      '403 SignatureDoesNotMatch',
    );
    expect(sns.refused).toEqual(['SignatureDoesNotMatch']);
  });

  it('fails on a number SNS refuses, and when SNS is throttling', async () => {
    await expect(sender().send(sms({ to: '5555550123' }))).rejects.toThrow('400 InvalidParameter');
    sns.failWith = { status: 400, code: 'Throttling' };
    await expect(sender().send(sms())).rejects.toThrow('400 Throttling');
    expect(sns.published).toEqual([]);
  });

  it('fails when SNS cannot be reached', async () => {
    await expect(sender({ baseUrl: 'http://127.0.0.1:1' }).send(sms())).rejects.toThrow('SNS unreachable');
  });
});

describe('RoutingSender', () => {
  it('sends SMS to the SMS sender and email to the email sender; the mailbox keeps no SMS settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idfed-sms-'));
    const mailbox = new DevMailboxSender(join(dir, 'mailbox.jsonl'));
    const emails: OutgoingMessage[] = [];
    const email: MessageSender = { send: (m) => Promise.resolve(void emails.push(m)) };
    const routing = new RoutingSender(email, mailbox);
    await routing.send(sms({ smsConfiguration: { SnsRegion: 'eu-west-1' } }));
    await routing.send(sms({ medium: 'EMAIL', to: 'alice@example.com' }));
    const lines = readFileSync(join(dir, 'mailbox.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ medium: 'SMS', to: '+15555550123', text: expect.stringContaining('123456') }),
    ]);
    expect(lines[0]).not.toContain('smsConfiguration');
    expect(emails.map((m) => m.to)).toEqual(['alice@example.com']);
  });
});
