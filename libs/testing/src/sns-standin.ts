import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { appendFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { SigV4Error, verifySigV4 } from '../../sigv4/src';

/** An SMS the stand-in accepted: what a phone would receive, and how it was asked for. */
export interface PublishedSms {
  phoneNumber: string;
  message: string;
  /** The region of the request's SigV4 scope. */
  region: string;
  /** MessageAttributes, by name: their StringValue. */
  attributes: Record<string, string>;
}

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * Amazon SNS's Query API as far as SMS goes: `POST /` with a form-encoded `Action=Publish`
 * (`Version=2010-03-31`) to a `PhoneNumber`, signed with SigV4 for service `sns` (verified with
 * idfed's verifier against the one key pair the stand-in knows, region taken from the scope). It
 * answers SNS's XML: `PublishResponse` with a `MessageId`, or an `ErrorResponse` with SNS's codes
 * (`InvalidClientTokenId`, `SignatureDoesNotMatch`, `InvalidParameter`, ...). When given a file,
 * it appends each SMS to it as one JSON line, as the e2e SMTP capture does for mail.
 */
export class SnsStandIn {
  readonly published: PublishedSms[] = [];
  readonly accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
  readonly secretAccessKey = randomBytes(24).toString('base64');
  /** Requests refused, by error code. */
  readonly refused: string[] = [];
  /** While set, every Publish is answered with this status and code (a throttled or broken SNS). */
  failWith?: { status: number; code: string };
  baseUrl = '';
  private server?: Server;

  constructor(private readonly file?: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch(() => this.error(res, 500, 'InternalError', 'Receiver'));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const [path, query = ''] = (req.url ?? '/').split('?', 2);
    if (req.method !== 'POST' || path !== '/') return this.error(res, 404, 'UnknownOperation');
    let region: string;
    try {
      const identity = await verifySigV4(
        { method: req.method, path, query, headers: req.headers, body },
        {
          service: 'sns',
          resolveSecret: (id) => (id === this.accessKeyId ? this.secretAccessKey : undefined),
        },
      );
      region = identity.region;
    } catch (err) {
      if (!(err instanceof SigV4Error)) throw err;
      const code = err.reason === 'unknown-access-key' ? 'InvalidClientTokenId' : 'SignatureDoesNotMatch';
      return this.error(res, 403, code);
    }
    if (!/^application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) {
      return this.error(res, 400, 'InvalidParameter');
    }
    const form = new URLSearchParams(body.toString('utf8'));
    if (form.get('Action') !== 'Publish' || form.get('Version') !== '2010-03-31') {
      return this.error(res, 400, 'InvalidAction');
    }
    const phoneNumber = form.get('PhoneNumber') ?? '';
    const message = form.get('Message') ?? '';
    if (!E164.test(phoneNumber) || form.has('TopicArn') || form.has('TargetArn')) {
      return this.error(res, 400, 'InvalidParameter');
    }
    if (message.length === 0 || message.length > 1600) return this.error(res, 400, 'InvalidParameter');
    if (this.failWith) return this.error(res, this.failWith.status, this.failWith.code);
    const attributes: Record<string, string> = {};
    for (let i = 1; form.has(`MessageAttributes.entry.${i}.Name`); i++) {
      attributes[form.get(`MessageAttributes.entry.${i}.Name`)!] =
        form.get(`MessageAttributes.entry.${i}.Value.StringValue`) ?? '';
    }
    const sms: PublishedSms = { phoneNumber, message, region, attributes };
    this.published.push(sms);
    if (this.file) {
      appendFileSync(this.file, `${JSON.stringify({ medium: 'SMS', to: phoneNumber, text: message })}\n`);
    }
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      `<PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><PublishResult>` +
        `<MessageId>${randomUUID()}</MessageId></PublishResult><ResponseMetadata>` +
        `<RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  }

  private error(res: ServerResponse, status: number, code: string, type = 'Sender'): void {
    this.refused.push(code);
    res.writeHead(status, { 'content-type': 'text/xml' });
    res.end(
      `<ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>${type}</Type>` +
        `<Code>${code}</Code><Message>refused by the stand-in</Message></Error>` +
        `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
    );
  }
}
