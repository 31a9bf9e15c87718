import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteGroupCommand,
  SignUpCommand,
  UpdateGroupCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoAdmin, cognitoPublic, e2eSystem } from '../support/e2e-context';
import { KafkaObserver, observeTopics } from '../support/kafka-observer';

/**
 * The user directory's domain events leave through the transactional outbox and arrive on real
 * Kafka topics, keyed by the user's sub, with an event id, and never carrying secrets.
 */
describe('user directory events on Kafka', () => {
  const system = e2eSystem();
  const topics = [
    'user-directory.user.signed-up.v1',
    'user-directory.user.confirmed.v1',
    'user-directory.user.deleted.v1',
  ];
  const keyTopic = 'user-directory.signing-key.activated.v1';
  const settingsTopic = 'user-directory.pool-settings.changed.v1';
  const groupTopic = 'user-directory.group.changed.v1';
  const membershipTopic = 'user-directory.user.groups-changed.v1';
  let observer: KafkaObserver;
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;

  beforeAll(async () => {
    observer = await observeTopics('observer', [
      ...topics,
      keyTopic,
      settingsTopic,
      groupTopic,
      membershipTopic,
    ]);
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });

  afterAll(async () => {
    await observer.stop();
    admin.destroy();
    app.destroy();
  });

  it('publishes signed-up, confirmed and deleted, keyed by sub, each once', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'events' }));
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: 'app' }),
    );
    const password = 'Event-Passw0rd!';
    const { UserSub } = await app.send(
      new SignUpCommand({ ClientId: UserPoolClient!.ClientId!, Username: 'dave', Password: password }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: UserPool!.Id!, Username: 'dave' }));
    await admin.send(new AdminDeleteUserCommand({ UserPoolId: UserPool!.Id!, Username: 'dave' }));

    const mine = () => observer.seen.filter((e) => e.key === UserSub);
    await observer.waitFor(() => mine().length >= 3);
    // Kafka orders events within a partition of one topic, not across topics.
    expect(
      mine()
        .map((e) => e.topic)
        .sort(),
    ).toEqual([...topics].sort());
    const byTopic = (topic: string) => mine().find((e) => e.topic === topic)!;
    expect(byTopic(topics[0]).value).toMatchObject({
      userPoolId: UserPool!.Id,
      sub: UserSub,
      username: 'dave',
      status: 'UNCONFIRMED',
    });
    expect(byTopic(topics[1]).value).toMatchObject({ confirmedBy: 'admin' });
    expect(new Set(mine().map((e) => e.eventId)).size).toBe(3);
    expect(JSON.stringify(mine())).not.toContain(password);

    // The pool's signing key was announced with the public JWK the JWKS endpoint serves.
    await observer.waitFor(() => observer.seen.some((e) => e.topic === keyTopic && e.key === UserPool!.Id));
    const announced = observer.seen.find((e) => e.topic === keyTopic && e.key === UserPool!.Id)!;
    const jwks = (await (await fetch(`${system.endpoint}/${UserPool!.Id}/.well-known/jwks.json`)).json()) as {
      keys: unknown[];
    };
    expect(jwks.keys).toEqual([announced.value.publicJwk]);
    expect(JSON.stringify(announced.value)).not.toMatch(/"d":|"p":|"q":/);
  });

  it('publishes pool-settings.changed once per UpdateUserPool that changed something, naming the members', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'settings-events' }));
    const id = UserPool!.Id!;
    // A function the e2e system maps to an endpoint (ADR 0030 refuses any other); never called here.
    const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
    const preSignUp = `arn:aws:lambda:us-east-1:${account}:function:gate`;
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: id,
        DeletionProtection: 'ACTIVE',
        LambdaConfig: { PreSignUp: preSignUp },
      }),
    );
    // The same settings again: nothing changed, no event.
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: id,
        DeletionProtection: 'ACTIVE',
        LambdaConfig: { PreSignUp: preSignUp },
      }),
    );
    await admin.send(new UpdateUserPoolCommand({ UserPoolId: id }));
    const mine = () => observer.seen.filter((e) => e.topic === settingsTopic && e.key === id);
    await observer.waitFor(() => mine().length >= 2);
    expect(mine().map((e) => e.value.changed)).toEqual([
      ['DeletionProtection', 'LambdaConfig'],
      ['DeletionProtection', 'LambdaConfig'],
    ]);
    expect(mine()[0].value.userPoolId).toBe(id);
    expect(new Set(mine().map((e) => e.eventId)).size).toBe(2);
  });

  it('publishes group.changed keyed by pool and user.groups-changed keyed by sub, none for a no-op', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'group-events' }));
    const id = UserPool!.Id!;
    const roleArn = 'arn:aws:iam::000000000000:role/group-events';
    await admin.send(new CreateGroupCommand({ UserPoolId: id, GroupName: 'crew', Precedence: 2 }));
    await admin.send(new UpdateGroupCommand({ UserPoolId: id, GroupName: 'crew', RoleArn: roleArn }));
    await admin.send(new UpdateGroupCommand({ UserPoolId: id, GroupName: 'crew', RoleArn: roleArn })); // no-op
    const subs: Record<string, string> = {};
    for (const name of ['gina', 'hal']) {
      const { User } = await admin.send(new AdminCreateUserCommand({ UserPoolId: id, Username: name }));
      subs[name] = User!.Attributes!.find((a) => a.Name === 'sub')!.Value!;
      await admin.send(new AdminAddUserToGroupCommand({ UserPoolId: id, Username: name, GroupName: 'crew' }));
    }
    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId: id, Username: 'gina', GroupName: 'crew' })); // no-op
    await admin.send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId: id, Username: 'hal', GroupName: 'crew' }),
    );
    await admin.send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId: id, Username: 'hal', GroupName: 'crew' }),
    ); // no-op
    await admin.send(new DeleteGroupCommand({ UserPoolId: id, GroupName: 'crew' }));

    const groupEvents = () => observer.seen.filter((e) => e.topic === groupTopic && e.key === id);
    const memberships = (name: string) =>
      observer.seen.filter((e) => e.topic === membershipTopic && e.key === subs[name]);
    await observer.waitFor(
      () => groupEvents().length >= 3 && memberships('gina').length >= 2 && memberships('hal').length >= 2,
    );
    expect(groupEvents().map((e) => [e.value.change, e.value.roleArn, e.value.precedence])).toEqual([
      ['created', undefined, 2],
      ['updated', roleArn, 2],
      ['deleted', roleArn, 2],
    ]);
    expect(memberships('gina').map((e) => e.value.change)).toEqual(['added', 'removed']);
    expect(memberships('hal').map((e) => e.value.change)).toEqual(['added', 'removed']);
    expect(memberships('gina')[0].value).toMatchObject({
      userPoolId: id,
      sub: subs.gina,
      username: 'gina',
      groupName: 'crew',
    });
    // Each event once.
    expect(new Set(observer.seen.filter((e) => e.topic === membershipTopic).map((e) => e.eventId)).size).toBe(
      observer.seen.filter((e) => e.topic === membershipTopic).length,
    );
  });
});
