import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { cognitoAdmin } from '../support/e2e-context';

/**
 * One pool's traffic must not land on one partition of the user directory's command topic: that
 * is one replica doing all the work however many run. Commands carry no key, so they go round the
 * partitions (nothing needs them ordered: services handle commands concurrently).
 */
describe("one user pool's commands on Kafka", () => {
  const topic = 'user-directory.commands.v1';
  let admin: Admin;
  let cognito: CognitoIdentityProviderClient;

  beforeAll(async () => {
    const kafka = new Kafka({
      brokers: process.env.IDFED_TEST_KAFKA_BROKERS!.split(','),
      clientId: 'e2e-command-spread',
      logLevel: logLevel.NOTHING,
    });
    admin = kafka.admin();
    await admin.connect();
    cognito = cognitoAdmin();
  });

  afterAll(async () => {
    await admin.disconnect();
    cognito.destroy();
  });

  async function ends(): Promise<Map<number, number>> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  }

  it('are spread over the partitions, not keyed to one by the pool id', async () => {
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'spread' }));
    const before = await ends();
    const calls = 30;
    for (let i = 0; i < calls; i++) {
      await cognito.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }));
    }
    const after = await ends();
    const grown = [...after.entries()].map(([p, end]) => end - (before.get(p) ?? 0));
    const total = grown.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(calls);
    // Keyed by the pool, one partition takes all 30 (and the rest only the background polls).
    expect(Math.max(...grown)).toBeLessThan((2 * total) / 3);
  });
});
