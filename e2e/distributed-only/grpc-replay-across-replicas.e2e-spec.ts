import { status } from '@grpc/grpc-js';
import { awsErrorOf, idfed, IdfedGrpcClient } from '../../libs/testing/src/grpc/idfed-grpc-client';
import { e2eSystem } from '../support/e2e-context';

/**
 * A signed gRPC call is run once across the gRPC gateway replicas (ADR 0050): captured on its way
 * to one replica and sent to another within the five minutes its signature verifies, it is refused
 * there, because the replicas claim each call id in credential vending before they run the call.
 * Before this, each replica remembered only its own calls and the replay was answered.
 */
describe('gRPC replay protection across replicas', () => {
  const system = e2eSystem();
  const key = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  // Both replicas behind one Service name, as in deploy/k8s: a call signed for one is signed for
  // every replica (the :authority is the Service's), so only the call id tells a replay.
  const service = 'grpc-gateway.idfed.svc.cluster.local:50051';
  const [first, second] = system.grpcGateways.map(
    (address) => new IdfedGrpcClient(address, key, undefined, service),
  );

  afterAll(() => {
    first.close();
    second.close();
  });

  async function refusal(call: Promise<unknown>) {
    try {
      await call;
    } catch (err) {
      return awsErrorOf(err);
    }
    throw new Error('the replayed call was answered');
  }

  it('refuses on the second replica a call the first one answered, in both directions', async () => {
    expect(system.grpcGateways).toHaveLength(2);
    for (const [to, replayTo] of [
      [first, second],
      [second, first],
    ]) {
      const answered = await to.unary(
        '/idfed.tokens.v1.Tokens/VerifyToken',
        idfed.tokens.v1.VerifyTokenRequest,
        idfed.tokens.v1.VerifyTokenResponse,
        { token: 'not.a.token' },
      );
      const replay = await refusal(
        replayTo.verifyToken({ token: 'not.a.token' }, { metadata: answered.sent }),
      );
      expect(replay).toMatchObject({ code: status.UNAUTHENTICATED, name: 'InvalidSignatureException' });
      expect(replay.message).toContain('already used');
    }
  });

  it('runs one of two copies of a call sent to both replicas at once', async () => {
    // The attacker races the replay against the call itself: one of the two is answered.
    const signed = first.sign(
      '/idfed.tokens.v1.Tokens/VerifyToken',
      Buffer.from(idfed.tokens.v1.VerifyTokenRequest.encode({ token: 'not.a.token' }).finish()),
      key,
    );
    const outcomes = await Promise.allSettled([
      first.verifyToken({ token: 'not.a.token' }, { metadata: signed }),
      second.verifyToken({ token: 'not.a.token' }, { metadata: signed.clone() }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(awsErrorOf(refused.reason)).toMatchObject({ name: 'InvalidSignatureException' });
  });

  it('still answers fresh calls on both replicas', async () => {
    for (const client of [first, second])
      expect(await client.verifyToken({ token: 'not.a.token' })).toMatchObject({ active: false });
  });
});
