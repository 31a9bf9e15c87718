import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApnsStandIn, FcmStandIn, ReceivedPush } from '../../libs/testing/src/push-standins';

/** The bundle id the e2e pools' APNs platform applications name (`app/APNS/<bundle id>`). */
export const E2E_APNS_TOPIC = 'com.example.notes';

/** What each provider stand-in accepted so far, as `GET <inspectUrl>/received` answers it. */
export interface ReceivedPushes {
  fcm: ReceivedPush[];
  apns: ReceivedPush[];
  apnsSandbox: ReceivedPush[];
}

/**
 * The push providers the e2e system is started with: FCM HTTP v1 (and Google's token endpoint),
 * APNs and APNs sandbox, the same stand-ins the integration tier uses, each verifying what the real
 * provider verifies. The key files are written where only this run reads them. The specs run in
 * other module registries than the global setup, so they read what arrived over a small HTTP
 * inspection endpoint on loopback.
 */
export class E2ePushStandins {
  readonly fcm = new FcmStandIn();
  readonly apns = new ApnsStandIn(E2E_APNS_TOPIC);
  readonly apnsSandbox = new ApnsStandIn(E2E_APNS_TOPIC, this.apns);
  inspectUrl = '';
  private readonly dir = mkdtempSync(join(tmpdir(), 'idfed-e2e-push-'));
  private inspector?: Server;

  async start(): Promise<void> {
    await Promise.all([this.fcm.start(), this.apns.start(), this.apnsSandbox.start()]);
    this.inspector = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/received') {
        res.writeHead(404).end();
        return;
      }
      const body: ReceivedPushes = {
        fcm: this.fcm.received,
        apns: this.apns.received,
        apnsSandbox: this.apnsSandbox.received,
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    this.inspector.listen(0, '127.0.0.1');
    await once(this.inspector, 'listening');
    this.inspectUrl = `http://127.0.0.1:${(this.inspector.address() as AddressInfo).port}`;
  }

  /** The environment that points idfed's push providers at the stand-ins. */
  env(): Record<string, string> {
    return {
      IDFED_FCM_SERVICE_ACCOUNT_FILE: this.file('fcm.json', JSON.stringify(this.fcm.serviceAccount())),
      IDFED_FCM_BASE_URL: this.fcm.baseUrl,
      IDFED_FCM_TOKEN_URL: this.fcm.tokenUrl,
      IDFED_APNS_KEY_FILE: this.file('apns.p8', this.apns.keyPem()),
      IDFED_APNS_KEY_ID: this.apns.keyId,
      IDFED_APNS_TEAM_ID: this.apns.teamId,
      IDFED_APNS_BASE_URL: this.apns.baseUrl,
      IDFED_APNS_SANDBOX_BASE_URL: this.apnsSandbox.baseUrl,
      // A provider that refuses is retried soon, so a spec sees the retry within its timeout.
      IDFED_PUSH_RETRY_BACKOFF_MS: '200',
    };
  }

  /** The private keys, for the secret scan: none may reach a log. */
  secrets(): { name: string; value: string }[] {
    return [
      { name: 'fcm-private-key', value: this.fcm.serviceAccount().private_key },
      { name: 'apns-private-key', value: this.apns.keyPem() },
    ];
  }

  async close(): Promise<void> {
    this.inspector?.closeAllConnections();
    await new Promise((resolve) => this.inspector?.close(resolve));
    await Promise.all([this.fcm.stop(), this.apns.stop(), this.apnsSandbox.stop()]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private file(name: string, content: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  }
}

/** What the stand-ins received, read from a spec. */
export async function receivedPushes(inspectUrl: string): Promise<ReceivedPushes> {
  const res = await fetch(`${inspectUrl}/received`);
  if (!res.ok) throw new Error(`push stand-ins answered ${res.status}`);
  return (await res.json()) as ReceivedPushes;
}
