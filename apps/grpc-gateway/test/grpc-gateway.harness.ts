import { randomUUID, webcrypto } from 'node:crypto';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { loadEnv } from '@idfed/config';
import {
  CommandEnvelope,
  FederationBrokerOperations,
  UserDirectoryOperations,
  UserDirectoryTopics,
  UserPoolIdRequest,
} from '@idfed/contracts';
import { signRs256 } from '@idfed/crypto';
import { createRootLogger } from '@idfed/logging';
import { Headers, InProcessBus, InProcessClient, InProcessServer, ServiceError } from '@idfed/messaging';
import { startCredentialVendingDouble } from '../../../libs/testing/src/credential-vending.double';
import { IdfedGrpcClient } from '../../../libs/testing/src/grpc/idfed-grpc-client';
import { createGrpcGateway, GrpcGateway } from '../src/grpc-gateway.bootstrap';

export const PUBLIC_URL = 'http://idfed.test';
export const POOL = 'us-east-1_GrpcPool1';
export const OTHER_POOL = 'us-east-1_GrpcPool2';
export const CLIENT = 'grpcclient0000000000000001';
export const SESSION_TOKEN_KEY = Buffer.alloc(32, 7);
export const ADMIN = {
  accessKeyId: 'AKIAGRPCADMINKEY0001',
  secretAccessKey: 'grpc-admin-secret-key-for-the-unit-tier0',
};

export interface PoolKey {
  kid: string;
  privateKey: webcrypto.CryptoKey;
  publicJwk: Record<string, unknown>;
}

async function poolKey(kid: string): Promise<PoolKey> {
  const pair = await webcrypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const publicJwk = (await webcrypto.subtle.exportKey('jwk', pair.publicKey)) as Record<string, unknown>;
  return { kid, privateKey: pair.privateKey, publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' } };
}

/** Keys the doubles serve: per user pool, and the identity pool issuer's. */
const keys: { pools: Map<string, PoolKey>; issuer?: PoolKey; jwksCalls: number } = {
  pools: new Map(),
  jwksCalls: 0,
};

@Controller()
class UserDirectoryDouble {
  @MessagePattern(UserDirectoryOperations.GetJwks.pattern)
  jwks(@Payload() envelope: CommandEnvelope<UserPoolIdRequest>) {
    keys.jwksCalls++;
    const key = keys.pools.get(envelope.payload.UserPoolId);
    if (!key) throw new ServiceError('ResourceNotFoundException', 'User pool does not exist.');
    return { keys: [key.publicJwk] };
  }
}

@Controller()
class FederationBrokerDouble {
  @MessagePattern(FederationBrokerOperations.GetIssuerJwks.pattern)
  jwks() {
    return { keys: keys.issuer ? [keys.issuer.publicJwk] : [] };
  }
}

@Module({ controllers: [UserDirectoryDouble] })
class UserDirectoryDoubleModule {}
@Module({ controllers: [FederationBrokerDouble] })
class FederationBrokerDoubleModule {}

async function startDouble(
  module: unknown,
  service: 'user-directory' | 'federation-broker',
  bus: InProcessBus,
) {
  const app = await NestFactory.createMicroservice(module as never, {
    strategy: new InProcessServer(service, bus),
    logger: false,
  });
  await app.listen();
  return app;
}

export interface GrpcHarness {
  address: string;
  gateway: GrpcGateway;
  bus: InProcessBus;
  client: IdfedGrpcClient;
  keys: typeof keys;
  /** A token of `pool` signed with its key, claims overridden by `claims`. */
  token(claims?: Record<string, unknown>, pool?: string): Promise<string>;
  /** An identity pool OpenID token signed with the issuer's key. */
  openIdToken(claims?: Record<string, unknown>): Promise<string>;
  /** Publishes a user directory event on the bus, as its outbox relay does. */
  publish(topic: string, value: Record<string, unknown>, key?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startGrpcGateway(options: { now?: () => number } = {}): Promise<GrpcHarness> {
  const bus = new InProcessBus();
  keys.pools.set(POOL, await poolKey('pool-key-1'));
  keys.pools.set(OTHER_POOL, await poolKey('pool-key-2'));
  keys.issuer = await poolKey('issuer-key-1');
  const peers: INestMicroservice[] = [
    await startCredentialVendingDouble(bus),
    await startDouble(UserDirectoryDoubleModule, 'user-directory', bus),
    await startDouble(FederationBrokerDoubleModule, 'federation-broker', bus),
  ];
  const env = loadEnv({
    IDFED_LOG_LEVEL: 'silent',
    IDFED_PUBLIC_URL: PUBLIC_URL,
    IDFED_REVOCATION_REFRESH_MS: '100',
    IDFED_GRPC_PORT: '0',
  });
  const gateway = await createGrpcGateway({
    env,
    transport: { kind: 'in-process', bus },
    adminCredentials: ADMIN,
    sessionTokenKey: SESSION_TOKEN_KEY,
    logger: createRootLogger('silent'),
    now: options.now,
  });
  const port = await gateway.listen(0, '127.0.0.1');
  const address = `127.0.0.1:${port}`;
  const client = new IdfedGrpcClient(address, ADMIN);
  const publisher = new InProcessClient(bus);
  const now = options.now ?? Date.now;
  const sign = (key: PoolKey, payload: Record<string, unknown>) =>
    signRs256({ alg: 'RS256', kid: key.kid }, payload, key.privateKey);
  return {
    address,
    gateway,
    bus,
    client,
    keys,
    token(claims = {}, pool = POOL) {
      const iat = Math.floor(now() / 1000);
      return sign(keys.pools.get(pool)!, {
        sub: randomUUID(),
        iss: `${PUBLIC_URL}/${pool}`,
        client_id: CLIENT,
        origin_jti: randomUUID(),
        event_id: randomUUID(),
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        auth_time: iat,
        exp: iat + 3600,
        iat,
        jti: randomUUID(),
        username: 'alice',
        ...claims,
      });
    },
    openIdToken(claims = {}) {
      const iat = Math.floor(now() / 1000);
      return sign(keys.issuer!, {
        iss: `${PUBLIC_URL}/identity`,
        sub: `us-east-1:${randomUUID()}`,
        aud: 'us-east-1:00000000-0000-4000-8000-00000000000a',
        amr: ['unauthenticated'],
        iat,
        exp: iat + 600,
        ...claims,
      });
    },
    async publish(topic, value, key = typeof value.sub === 'string' ? value.sub : 'pool') {
      await publisher.publishEvents([{ topic, key, value, headers: { [Headers.eventId]: randomUUID() } }]);
    },
    async close() {
      client.close();
      await gateway.close();
      for (const peer of peers) await peer.close();
    },
  };
}

export { UserDirectoryTopics };
