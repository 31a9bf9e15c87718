import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { AdminDisableProviderForUserUseCase } from '../src/federation/admin-disable-provider-for-user.use-case';
import { AdminLinkProviderForUserUseCase } from '../src/federation/admin-link-provider-for-user.use-case';
import { federationProviders } from '../src/federation/federation.providers';
import { SignInFederatedUserUseCase } from '../src/federation/sign-in-federated-user.use-case';
import { CreateUserPoolUseCase } from '../src/pools/create-user-pool.use-case';
import { CreateIdentityProviderUseCase } from '../src/providers/create-identity-provider.use-case';
import { identityProviderProviders } from '../src/providers/providers.providers';
import { UsersRepository } from '../src/users/users.repository';
import { userProviders } from '../src/users/users.providers';
import { PoolsTestDatabase } from './support/pools-test-database';
import { poolsTestModule } from './support/pools-test-module';

const meta = { requestId: 'int-spec' } as CommandMeta;

function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (err: unknown) => {
      if (err instanceof ServiceError) return err.errorName;
      throw err;
    },
  );
}

/**
 * Federated users on PostgreSQL: a provider's first sign-in creates `<ProviderName>_<subject>`
 * (EXTERNAL_PROVIDER, `identities`, mapped attributes, one event in the outbox), later sign-ins
 * refresh the mapped attributes, a linked identity signs in as the user it was linked to, and a
 * disabled link signs in as a new federated user.
 */
describe('federated users on PostgreSQL', () => {
  const db = new PoolsTestDatabase();
  let signIn: SignInFederatedUserUseCase;
  let link: AdminLinkProviderForUserUseCase;
  let disable: AdminDisableProviderForUserUseCase;
  let users: UsersRepository;
  let poolId: string;

  beforeAll(async () => {
    const module = await poolsTestModule(await db.create(), [
      ...userProviders,
      ...identityProviderProviders,
      ...federationProviders,
      CreateIdentityProviderUseCase,
      SignInFederatedUserUseCase,
      AdminLinkProviderForUserUseCase,
      AdminDisableProviderForUserUseCase,
    ]);
    signIn = module.get(SignInFederatedUserUseCase);
    link = module.get(AdminLinkProviderForUserUseCase);
    disable = module.get(AdminDisableProviderForUserUseCase);
    users = module.get(UsersRepository);
    poolId = (await module.get(CreateUserPoolUseCase).execute({ PoolName: 'federated' }, meta)).UserPool.Id;
    await module.get(CreateIdentityProviderUseCase).execute({
      UserPoolId: poolId,
      ProviderName: 'Facebook',
      ProviderType: 'Facebook',
      ProviderDetails: { client_id: 'fb', client_secret: 'fb-secret', authorize_scopes: 'email' },
      AttributeMapping: { email: 'email', name: 'name' },
    });
  });
  afterAll(() => db.drop());

  const events = async () =>
    (
      await db.dataSource.query<{ topic: string }[]>(
        `SELECT topic FROM user_directory.outbox WHERE topic = 'user-directory.user.federated.v1'`,
      )
    ).length;

  it('creates the federated user once and refreshes its mapped attributes at each sign-in', async () => {
    const before = await events();
    const first = await signIn.execute(
      {
        UserPoolId: poolId,
        ProviderName: 'Facebook',
        Claims: { id: '1001', email: 'a@example.com', name: 'A' },
      },
      meta,
    );
    expect(first).toMatchObject({
      Username: 'Facebook_1001',
      UserStatus: 'EXTERNAL_PROVIDER',
      Created: true,
    });
    const again = await signIn.execute(
      {
        UserPoolId: poolId,
        ProviderName: 'Facebook',
        Claims: { id: '1001', email: 'b@example.com', name: 'A' },
      },
      meta,
    );
    expect(again).toMatchObject({ Sub: first.Sub, Created: false });
    expect(await events()).toBe(before + 1);
    const user = (await users.findBySub(first.Sub))!;
    expect(user.attributes).toMatchObject({ email: 'b@example.com', name: 'A' });
    const identities = JSON.parse(user.attributes.identities) as Record<string, unknown>[];
    expect(identities).toEqual([
      {
        dateCreated: expect.stringMatching(/^\d+$/),
        userId: '1001',
        providerName: 'Facebook',
        providerType: 'Facebook',
        issuer: null,
        primary: 'true',
      },
    ]);
  });

  it('signs a linked identity in as its destination, and as a new user once the link is disabled', async () => {
    const native = await signIn.execute(
      { UserPoolId: poolId, ProviderName: 'Facebook', Claims: { id: 'owner-1' } },
      meta,
    );
    const source = {
      ProviderName: 'Facebook',
      ProviderAttributeName: 'Cognito_Subject',
      ProviderAttributeValue: '2002',
    };
    await link.execute({
      UserPoolId: poolId,
      DestinationUser: { ProviderName: 'Facebook', ProviderAttributeValue: 'owner-1' },
      SourceUser: source,
    });
    // Linking twice to the same user is a no-op; to another user, refused.
    await link.execute({
      UserPoolId: poolId,
      DestinationUser: { ProviderName: 'Facebook', ProviderAttributeValue: 'owner-1' },
      SourceUser: source,
    });
    expect(
      await outcome(
        link.execute({
          UserPoolId: poolId,
          DestinationUser: { ProviderName: 'Facebook', ProviderAttributeValue: '1001' },
          SourceUser: source,
        }),
      ),
    ).toBe('AliasExistsException');
    const linked = await signIn.execute(
      { UserPoolId: poolId, ProviderName: 'Facebook', Claims: { id: '2002', email: 'c@example.com' } },
      meta,
    );
    expect(linked).toMatchObject({ Sub: native.Sub, Username: 'Facebook_owner-1', Created: false });
    const owner = (await users.findBySub(native.Sub))!;
    expect((JSON.parse(owner.attributes.identities) as { userId: string }[]).map((i) => i.userId)).toEqual([
      'owner-1',
      '2002',
    ]);

    await disable.execute({ UserPoolId: poolId, User: source });
    const separate = await signIn.execute(
      { UserPoolId: poolId, ProviderName: 'Facebook', Claims: { id: '2002' } },
      meta,
    );
    expect(separate).toMatchObject({ Username: 'Facebook_2002', Created: true });
    expect(separate.Sub).not.toBe(native.Sub);
    expect(
      (JSON.parse((await users.findBySub(native.Sub))!.attributes.identities) as { userId: string }[]).map(
        (i) => i.userId,
      ),
    ).toEqual(['owner-1']);
  });

  it('refuses unknown providers, missing subjects, bad links and merging a user who signed in', async () => {
    expect(
      await outcome(
        signIn.execute({ UserPoolId: poolId, ProviderName: 'Google', Claims: { sub: 'x' } }, meta),
      ),
    ).toBe('ResourceNotFoundException');
    expect(
      await outcome(signIn.execute({ UserPoolId: poolId, ProviderName: 'Facebook', Claims: {} }, meta)),
    ).toBe('InvalidParameterException');
    const attempt = (
      source: object,
      destination: object = { ProviderName: 'Facebook', ProviderAttributeValue: '1001' },
    ) => outcome(link.execute({ UserPoolId: poolId, DestinationUser: destination, SourceUser: source }));
    expect(
      await attempt({
        ProviderName: 'Facebook',
        ProviderAttributeName: 'email',
        ProviderAttributeValue: 'x',
      }),
    ).toBe('InvalidParameterException');
    expect(
      await attempt({
        ProviderName: 'Cognito',
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: 'x',
      }),
    ).toBe('InvalidParameterException');
    expect(
      await attempt(
        {
          ProviderName: 'Facebook',
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: '3003',
        },
        { ProviderName: 'Cognito', ProviderAttributeValue: 'nobody' },
      ),
    ).toBe('UserNotFoundException');
    // Facebook_2002 signed in (previous test): it cannot be linked into another user.
    expect(
      await attempt({
        ProviderName: 'Facebook',
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: '2002',
      }),
    ).toBe('InvalidParameterException');
    expect(
      await outcome(
        disable.execute({
          UserPoolId: poolId,
          User: {
            ProviderName: 'Facebook',
            ProviderAttributeName: 'Cognito_Subject',
            ProviderAttributeValue: 'none',
          },
        }),
      ),
    ).toBe('UserNotFoundException');
  });
});
