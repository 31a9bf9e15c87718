import { ClientForAuth, ClientsService } from '../clients/clients.service';
import { ClientCredentialsGrant } from './client-credentials-grant';
import { GetClientTokenUseCase } from './get-client-token.use-case';

const SECRET = 'a'.repeat(51);
const ROTATED = 'b'.repeat(51);

/** GetClientToken with the client lookup and the grant mocked: who is refused, and in which order. */
describe('GetClientToken', () => {
  const auth = {
    client: { id: 'machine', poolId: 'us-east-1_Pool' },
    secret: SECRET,
    secrets: [SECRET, ROTATED],
  };
  const clients = { forAuth: jest.fn(async () => Promise.resolve(auth as unknown as ClientForAuth)) };
  const m2m = { issue: jest.fn() };
  const useCase = new GetClientTokenUseCase(
    clients as unknown as ClientsService,
    m2m as unknown as ClientCredentialsGrant,
  );

  beforeEach(() => m2m.issue.mockReset());

  it('answers the grant token for either secret, with the scopes and ClientMetadata given', async () => {
    m2m.issue.mockResolvedValue({ accessToken: 'jwt', expiresIn: 3600 });
    for (const Secret of [SECRET, ROTATED]) {
      expect(
        await useCase.execute({
          ClientId: 'machine',
          Secret,
          Scopes: ['api/read'],
          ClientMetadata: { a: 'b' },
        }),
      ).toEqual({ ClientAuthenticationResult: { AccessToken: 'jwt', ExpiresIn: 3600, TokenType: 'Bearer' } });
    }
    expect(m2m.issue).toHaveBeenLastCalledWith(auth, ['api/read'], { a: 'b' });
  });

  it('refuses a wrong secret, or a public client, before the grant says anything of the settings', async () => {
    await expect(useCase.execute({ ClientId: 'machine', Secret: 'c'.repeat(51) })).rejects.toMatchObject({
      errorName: 'NotAuthorizedException',
      message: 'Unable to verify the client secret for client machine',
    });
    clients.forAuth.mockResolvedValueOnce({ client: auth.client } as unknown as ClientForAuth);
    await expect(useCase.execute({ ClientId: 'machine', Secret: SECRET })).rejects.toMatchObject({
      errorName: 'NotAuthorizedException',
    });
    expect(m2m.issue).not.toHaveBeenCalled();
  });

  it("answers the grant's refusals as InvalidParameterException", async () => {
    m2m.issue.mockResolvedValueOnce('unauthorized_client');
    await expect(useCase.execute({ ClientId: 'machine', Secret: SECRET })).rejects.toMatchObject({
      errorName: 'InvalidParameterException',
    });
    m2m.issue.mockResolvedValueOnce('invalid_scope');
    await expect(
      useCase.execute({ ClientId: 'machine', Secret: SECRET, Scopes: ['x'] }),
    ).rejects.toMatchObject({
      errorName: 'InvalidParameterException',
      message: 'Invalid scope requested.',
    });
  });

  it('refuses a missing or malformed secret, too many scopes, metadata of no strings', async () => {
    const bad = [
      { ClientId: 'machine' },
      { ClientId: 'machine', Secret: 'short' },
      { ClientId: 'machine', Secret: SECRET, Scopes: Array.from({ length: 51 }, (_, i) => `s${i}`) },
      { ClientId: 'machine', Secret: SECRET, ClientMetadata: { n: 1 } },
    ];
    for (const req of bad)
      await expect(useCase.execute(req as never)).rejects.toMatchObject({
        errorName: 'InvalidParameterException',
      });
    expect(m2m.issue).not.toHaveBeenCalled();
  });
});
