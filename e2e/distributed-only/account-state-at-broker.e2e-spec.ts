import {
  AdminDisableUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Client } from 'pg';
import { eventually } from '../../libs/testing/src/eventually';
import { cognitoAdmin, cognitoPublic, e2eSystem } from '../support/e2e-context';

/**
 * AdminDisableUser sends two events at once, a sign-out and a disable, on two topics that the
 * federation broker consumes concurrently. Both must land in its copy of the user: the fault suite
 * found disables lost when each event read the row and wrote it back whole.
 */
describe("the federation broker's copy of disabled users", () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let db: Client;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    // As the federation broker's own role: the table is its, and no other role may read it.
    db = new Client({ connectionString: system.commonEnv.IDFED_FEDERATION_BROKER_DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    admin.destroy();
    app.destroy();
    await db.end();
  });

  it('keeps both the sign-out and the disable of every user', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'disable-at-broker' }));
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app' }),
    );
    const usernames = Array.from({ length: 20 }, (_, i) => `disabled-${i}`);
    const subs: string[] = [];
    for (const username of usernames) {
      await app.send(
        new SignUpCommand({
          ClientId: UserPoolClient!.ClientId!,
          Username: username,
          Password: 'Passw0rd!x',
        }),
      );
      const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
      subs.push(user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!);
    }
    await Promise.all(
      usernames.map((username) =>
        admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: username })),
      ),
    );

    // Each row is final once both events are applied, and then it must show both.
    await eventually(
      async () => {
        const { rows } = await db.query<{ sub: string; disabled: boolean; signed_out: boolean }>(
          `SELECT sub::text, disabled, tokens_valid_after IS NOT NULL AS signed_out
             FROM federation_broker.user_pool_user_states WHERE user_pool_id = $1 ORDER BY sub`,
          [poolId],
        );
        expect(rows).toEqual([...subs].sort().map((sub) => ({ sub, disabled: true, signed_out: true })));
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });
});
