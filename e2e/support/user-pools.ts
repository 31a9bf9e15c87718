import {
  AdminConfirmSignUpCommand,
  AuthenticationResultType,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** A user pool whose app client signs in with passwords, as the identity-pool specs need one. */
export interface PasswordPool {
  userPoolId: string;
  clientId: string;
  /** The pool as an identity pool names it: the issuer without its scheme. */
  providerName: string;
}

export async function createPasswordPool(
  admin: CognitoIdentityProviderClient,
  endpoint: string,
  name: string,
): Promise<PasswordPool> {
  const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: name }));
  const { UserPoolClient } = await admin.send(
    new CreateUserPoolClientCommand({
      UserPoolId: UserPool!.Id!,
      ClientName: 'app',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return {
    userPoolId: UserPool!.Id!,
    clientId: UserPoolClient!.ClientId!,
    providerName: `${new URL(endpoint).host}/${UserPool!.Id!}`,
  };
}

/** Signs a new user up, confirms them with the admin key, and signs them in: their tokens. */
export async function newSignedInUser(
  admin: CognitoIdentityProviderClient,
  app: CognitoIdentityProviderClient,
  pool: PasswordPool,
  username: string,
  password: string,
): Promise<AuthenticationResultType> {
  await app.send(new SignUpCommand({ ClientId: pool.clientId, Username: username, Password: password }));
  await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.userPoolId, Username: username }));
  return signIn(app, pool, username, password);
}

export async function signIn(
  app: CognitoIdentityProviderClient,
  pool: PasswordPool,
  username: string,
  password: string,
): Promise<AuthenticationResultType> {
  const result = await app.send(
    new InitiateAuthCommand({
      ClientId: pool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  return result.AuthenticationResult!;
}
