import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { INestApplication, INestMicroservice } from '@nestjs/common';
import { loadEnv } from '@idfed/config';
import { DatasetChangedEvent, DeviceSubscriptionChangedEvent, DeviceSyncTopics } from '@idfed/contracts';
import { createRootLogger } from '@idfed/logging';
import { Headers, InProcessBus, InProcessClient, TransportConfig } from '@idfed/messaging';
import {
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
} from '@idfed/session-credentials';
import {
  credentialVendingState,
  startCredentialVendingDouble,
} from '../../../libs/testing/src/credential-vending.double';
import { startDeviceSyncDouble } from './device-sync.double';
import { createDeviceGatewayApp } from '../src/device-gateway.bootstrap';
import { DeviceCredentials } from './device-client';

export const SESSION_TOKEN_KEY = Buffer.alloc(32, 9);
export const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
export const ROLE = 'arn:aws:iam::000000000000:role/devices';
const ROLE_ID = 'AROADEVICESDEVICESDE';
const codec = SessionTokenCodec.fromMasterKey(SESSION_TOKEN_KEY);

/** The role's policy: what AWS documents for Cognito Sync, each identity its own datasets. */
export function allowOwnDatasets(actions: string[] = ['cognito-sync:*']): void {
  credentialVendingState.permissions.set(ROLE, {
    RoleArn: ROLE,
    RoleId: ROLE_ID,
    Policies: [
      {
        Label: 'devices/inline',
        Document: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: actions,
              Resource:
                'arn:aws:cognito-sync:us-east-1:000000000000:identitypool/*/identity/${cognito-identity.amazonaws.com:sub}/*',
            },
          ],
        }),
      },
    ],
  });
}

export function newIdentityId(): string {
  return `us-east-1:${randomUUID()}`;
}

/**
 * Temporary credentials as GetCredentialsForIdentity issues them (credential vending seals the same
 * claims): a web identity session of cognito-identity.amazonaws.com whose sub is the identity.
 */
export function identityCredentials(
  identityId: string,
  over: Partial<SessionClaims> = {},
): DeviceCredentials & { claims: SessionClaims } {
  const claims: SessionClaims = {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    roleArn: ROLE,
    roleId: ROLE_ID,
    sessionName: 'CognitoIdentityCredentials',
    subject: identityId,
    provider: 'cognito-identity.amazonaws.com',
    issuedAt: Date.now() - 1000,
    expiresAt: Date.now() + 3600_000,
    webIdentity: {
      keyPrefix: 'cognito-identity.amazonaws.com',
      claims: { aud: POOL, sub: identityId, amr: ['unauthenticated'] },
    },
    ...over,
  };
  return {
    accessKeyId: claims.accessKeyId,
    secretAccessKey: claims.secretAccessKey,
    sessionToken: codec.seal(claims),
    claims,
  };
}

export interface DeviceGatewayHarness {
  app: INestApplication;
  endpoint: string;
  bus: InProcessBus;
  /** Publishes a dataset-changed event on the bus, as device sync's outbox relay does; returns its id. */
  publish(event: Partial<DatasetChangedEvent> & { identityId: string }, eventId?: string): Promise<string>;
  /** Publishes a registered device's subscription change, as SubscribeToDataset's outbox does. */
  publishSubscription(
    event: Omit<DeviceSubscriptionChangedEvent, 'identityPoolId' | 'occurredAt'>,
  ): Promise<void>;
  close(): Promise<void>;
}

/** The real device gateway on an ephemeral port, with credential vending's double on an in-process bus. */
export async function startDeviceGateway(
  envOverrides: Record<string, string> = {},
  options: { now?: () => number; transport?: TransportConfig; bus?: InProcessBus } = {},
): Promise<DeviceGatewayHarness> {
  const bus = options.bus ?? new InProcessBus();
  const peers: INestMicroservice[] = options.transport
    ? []
    : [await startCredentialVendingDouble(bus), await startDeviceSyncDouble(bus)];
  const env = loadEnv({
    IDFED_LOG_LEVEL: 'silent',
    IDFED_WS_PORT: '0',
    IDFED_REVOCATION_REFRESH_MS: '100',
    ...envOverrides,
  });
  const app = await createDeviceGatewayApp({
    env,
    transport: options.transport ?? { kind: 'in-process', bus },
    sessionTokenKey: SESSION_TOKEN_KEY,
    logger: createRootLogger('silent'),
    now: options.now,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const client = new InProcessClient(bus);
  return {
    app,
    bus,
    endpoint: `ws://127.0.0.1:${port}`,
    async publish(event, eventId = randomUUID()) {
      await client.publishEvents([
        {
          topic: DeviceSyncTopics.datasetChanged,
          key: event.identityId,
          value: datasetChanged(event),
          headers: { [Headers.eventId]: eventId },
        },
      ]);
      return eventId;
    },
    async publishSubscription(event) {
      const value: DeviceSubscriptionChangedEvent = {
        identityPoolId: POOL,
        occurredAt: new Date().toISOString(),
        ...event,
      };
      await client.publishEvents([
        {
          topic: DeviceSyncTopics.deviceSubscriptionChanged,
          key: event.identityId,
          value,
          headers: { [Headers.eventId]: randomUUID() },
        },
      ]);
    },
    async close() {
      await app.close();
      for (const peer of peers) await peer.close();
    },
  };
}

export function datasetChanged(
  event: Partial<DatasetChangedEvent> & { identityId: string },
): DatasetChangedEvent {
  return {
    identityPoolId: POOL,
    datasetName: 'settings',
    syncCount: 1,
    deleted: false,
    occurredAt: new Date().toISOString(),
    ...event,
  };
}
