import {
  AdminConfirmSignUpCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoAdmin, cognitoPublic, e2eSystem } from '../support/e2e-context';
import { KafkaObserver, observeTopics } from '../support/kafka-observer';

/**
 * Sign-outs and account-state changes reach Kafka for the federation broker: keyed by sub, in the
 * order they happened (one partition per user), each once, without tokens.
 */
describe('sign-out and account-state events on Kafka', () => {
  const system = e2eSystem();
  const topics = [
    'user-directory.user.signed-out.v1',
    'user-directory.user.disabled.v1',
    'user-directory.user.enabled.v1',
  ];
  let observer: KafkaObserver;
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;

  beforeAll(async () => {
    observer = await observeTopics('account-observer', topics);
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });

  afterAll(async () => {
    await observer.stop();
    admin.destroy();
    app.destroy();
  });

  it('publishes signed-out (GlobalSignOut and disable), disabled and enabled, keyed by sub', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'account-events' }));
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    const password = 'Event-Passw0rd!';
    const { UserSub } = await app.send(
      new SignUpCommand({ ClientId: UserPoolClient!.ClientId!, Username: 'erin', Password: password }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'erin' }));
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: UserPoolClient!.ClientId!,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'erin', PASSWORD: password },
      }),
    );
    await app.send(new GlobalSignOutCommand({ AccessToken: AuthenticationResult!.AccessToken! }));
    await admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'erin' }));
    await admin.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'erin' }));

    const mine = () => observer.seen.filter((e) => e.key === UserSub);
    await observer.waitFor(() => mine().length >= 4);
    const count = (topic: string) => mine().filter((e) => e.topic === topic).length;
    expect([count(topics[0]), count(topics[1]), count(topics[2])]).toEqual([2, 1, 1]);
    const disabled = mine().find((e) => e.topic === topics[1])!.value;
    expect(disabled).toMatchObject({ userPoolId: poolId, sub: UserSub, username: 'erin' });
    expect(Date.parse(disabled.tokensValidAfter as string)).toBeGreaterThan(0);
    for (const e of mine().filter((x) => x.topic === topics[0])) {
      expect(e.value).toMatchObject({
        userPoolId: poolId,
        sub: UserSub,
        tokensValidAfter: expect.any(String),
      });
    }
    expect(JSON.stringify(mine())).not.toContain(AuthenticationResult!.AccessToken!);
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
  });
});
