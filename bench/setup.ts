import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { awsJsonClient } from './load';

export const INITIATE_AUTH = 'AWSCognitoIdentityProviderService.InitiateAuth';
export const BENCH_PASSWORD = 'Bench-Passw0rd!';

export interface BenchFixture {
  poolId: string;
  clientId: string;
  usernames: string[];
  /** One refresh token per user, from one sign-in each. */
  refreshTokens: string[];
  /** Prebuilt InitiateAuth bodies. */
  signInBodies: Buffer[];
  refreshBodies: Buffer[];
}

/** Runs `fn` over `items`, `width` at a time. */
async function eachLimited<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/**
 * A pool, an app client that allows USER_PASSWORD_AUTH and refresh, and `users` confirmed users
 * (SignUp, then AdminConfirmSignUp), all through the gateway with the AWS SDK; then one sign-in per
 * user for its refresh token.
 */
export async function createFixture(
  endpoint: string,
  admin: { accessKeyId: string; secretAccessKey: string },
  users: number,
  log: (line: string) => void,
): Promise<BenchFixture> {
  const sdk = new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: admin,
    maxAttempts: 1,
  });
  try {
    const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: `bench-${Date.now()}` }));
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'bench',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    const usernames = Array.from({ length: users }, (_, i) => `bench-user-${String(i).padStart(5, '0')}`);
    log(`pool ${poolId}, client ${clientId}: signing up and confirming ${users} users`);
    await eachLimited(usernames, 4, async (username) => {
      await sdk.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: username,
          Password: BENCH_PASSWORD,
          UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        }),
      );
      await sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
    });

    const signInBodies = usernames.map((username) =>
      Buffer.from(
        JSON.stringify({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: username, PASSWORD: BENCH_PASSWORD },
        }),
      ),
    );
    log('one sign-in per user, for refresh tokens');
    const http = awsJsonClient(endpoint, 4);
    const refreshTokens: string[] = new Array<string>(users);
    try {
      await eachLimited(
        usernames.map((_, i) => i),
        4,
        async (i) => {
          const reply = await http.call(INITIATE_AUTH, signInBodies[i]);
          if (reply.status !== 200)
            throw new Error(`sign-in of ${usernames[i]} failed: ${reply.status} ${reply.body}`);
          const result = JSON.parse(reply.body) as { AuthenticationResult?: { RefreshToken?: string } };
          const token = result.AuthenticationResult?.RefreshToken;
          if (!token) throw new Error(`sign-in of ${usernames[i]} returned no refresh token`);
          refreshTokens[i] = token;
        },
      );
    } finally {
      http.close();
    }
    const refreshBodies = refreshTokens.map((token) =>
      Buffer.from(
        JSON.stringify({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: clientId,
          AuthParameters: { REFRESH_TOKEN: token },
        }),
      ),
    );
    return { poolId, clientId, usernames, refreshTokens, signInBodies, refreshBodies };
  } finally {
    sdk.destroy();
  }
}
