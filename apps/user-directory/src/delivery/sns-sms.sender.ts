import { signRequest } from '@idfed/sigv4';
import { OutgoingMessage, SmsSender } from './message-sender';

export interface SnsSmsOptions {
  /** SNS's endpoint for every region; unset, `https://sns.<region>.amazonaws.com`. */
  baseUrl?: string;
  /** The region when the pool's SmsConfiguration names none. */
  defaultRegion: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** How long one Publish may take before the send fails (the caller answers CodeDeliveryFailure). */
  timeoutMs?: number;
}

const SNS_API_VERSION = '2010-03-31';

/**
 * SMS through Amazon SNS, as Cognito sends it: one `Publish` call of SNS's Query API (a form-encoded
 * POST signed with SigV4 for service `sns`) to the phone number, as a Transactional message. The
 * pool's `SmsConfiguration.SnsRegion` selects the region (the endpoint and the signature's scope);
 * `SnsCallerArn` and `ExternalId` name a role Cognito would assume, which idfed does not: it signs
 * with its own key (ADR 0022).
 */
export class SnsSmsSender implements SmsSender {
  constructor(
    private readonly options: SnsSmsOptions,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const region = message.smsConfiguration?.SnsRegion || this.options.defaultRegion;
    const url = new URL(this.options.baseUrl ?? `https://sns.${region}.amazonaws.com`);
    const body = new URLSearchParams({
      Action: 'Publish',
      Version: SNS_API_VERSION,
      PhoneNumber: message.to,
      Message: message.text,
      'MessageAttributes.entry.1.Name': 'AWS.SNS.SMS.SMSType',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': 'Transactional',
    }).toString();
    const path = url.pathname === '' ? '/' : url.pathname;
    const signed = signRequest(
      {
        method: 'POST',
        path,
        query: '',
        headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      },
      { accessKeyId: this.options.accessKeyId, secretAccessKey: this.options.secretAccessKey },
      { region, service: 'sns' },
    );
    const headers = Object.fromEntries(
      Object.entries(signed.headers)
        .filter(([name, value]) => name !== 'host' && typeof value === 'string')
        .map(([name, value]) => [name, value as string]),
    );
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (err) {
      throw new Error(`SNS unreachable: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (res.ok && /<MessageId>[^<]+<\/MessageId>/.test(text)) return;
    // The error's code only: SNS's message can quote the request, which carries the code.
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? 'no error code';
    throw new Error(`SNS Publish answered ${res.status} ${code}`);
  }
}
