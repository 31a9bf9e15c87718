import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  HealthCommands,
  HealthReport,
  ServiceName,
  SignUpRequest,
  UserDirectoryOperations,
  UserPoolIdRequest,
} from '@idfed/contracts';
import { InProcessBus, InProcessServer, ServiceError } from '@idfed/messaging';
import { CredentialVendingDouble } from './credential-vending.double';

/** Every envelope the doubles received, newest last, so tests can check what the gateway sent. */
export const received: CommandEnvelope<unknown>[] = [];

export const KNOWN_POOL = 'us-east-1_TestPool1';

/**
 * A stand-in for the user directory on the other side of the bus: just enough behaviour to show
 * that the gateway forwards payloads, meta and keys and maps the answers and errors it gets back.
 */
@Controller()
class UserDirectoryDouble {
  @MessagePattern(UserDirectoryOperations.DescribeUserPool.pattern)
  describe(@Payload() envelope: CommandEnvelope<UserPoolIdRequest>) {
    received.push(envelope);
    if (envelope.payload.UserPoolId !== KNOWN_POOL) {
      throw new ServiceError(
        'ResourceNotFoundException',
        `User pool ${envelope.payload.UserPoolId} does not exist.`,
      );
    }
    return { UserPool: { Id: KNOWN_POOL, Name: 'test-pool', CreationDate: 1700000000 } };
  }

  @MessagePattern(UserDirectoryOperations.SignUp.pattern)
  signUp(@Payload() envelope: CommandEnvelope<SignUpRequest>) {
    received.push(envelope);
    if (envelope.payload.Username === 'taken')
      throw new ServiceError('UsernameExistsException', 'User already exists');
    return { UserConfirmed: false, UserSub: '6f1b5a1e-2f39-4a7e-9a57-3b1c8e1f0c11' };
  }

  @MessagePattern(UserDirectoryOperations.AdminGetUser.pattern)
  adminGetUser(@Payload() envelope: CommandEnvelope<unknown>) {
    received.push(envelope);
    // A bug in a service: it must reach the client as InternalErrorException, without detail.
    throw new Error('database password is hunter2');
  }

  @MessagePattern(UserDirectoryOperations.GetJwks.pattern)
  jwks(@Payload() envelope: CommandEnvelope<UserPoolIdRequest>) {
    received.push(envelope);
    if (envelope.payload.UserPoolId !== KNOWN_POOL) {
      throw new ServiceError('ResourceNotFoundException', 'User pool does not exist.');
    }
    return { keys: [{ kty: 'RSA', kid: 'k1', use: 'sig', alg: 'RS256', n: 'AQAB', e: 'AQAB' }] };
  }
}

const up = (service: ServiceName): HealthReport => ({ service, database: 'up' });

@Controller()
class HealthDouble {
  @MessagePattern(HealthCommands['user-directory'].pattern)
  userDirectory() {
    return up('user-directory');
  }
  @MessagePattern(HealthCommands['federation-broker'].pattern)
  federationBroker() {
    return up('federation-broker');
  }
  @MessagePattern(HealthCommands['credential-vending'].pattern)
  credentialVending() {
    return up('credential-vending');
  }
  @MessagePattern(HealthCommands['device-sync'].pattern)
  deviceSync() {
    return up('device-sync');
  }
}

@Module({ controllers: [UserDirectoryDouble, HealthDouble, CredentialVendingDouble] })
class PeerServicesModule {}

/** Serves `service`'s commands on `bus` from the doubles above (each server only gets its own service's commands). */
export async function startPeerService(service: ServiceName, bus: InProcessBus): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(PeerServicesModule, {
    strategy: new InProcessServer(service, bus),
    logger: false,
  });
  await app.listen();
  return app;
}
