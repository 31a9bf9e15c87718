import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { BlockedAddresses, SECURITY_REFUSAL } from '../risk/threat-protection';
import { GetTokensFromRefreshTokenUseCase } from './get-tokens-from-refresh-token.use-case';
import { RefreshTokenRenewal } from './refresh-token-renewal';

/** GetTokensFromRefreshToken and threat protection's block list (ADR 0091). */
describe('GetTokensFromRefreshToken', () => {
  const pool = { id: 'us-east-1_Spec1', config: {} };
  const clients = { forAuth: jest.fn(async () => ({ client: { id: 'c1' }, pool })) };
  const renewal = { renew: jest.fn(async () => ({ tokens: { AccessToken: 'a' } })) };
  const blocked = { refuseBlocked: jest.fn(async () => undefined) };
  const useCase = new GetTokensFromRefreshTokenUseCase(
    clients as unknown as ClientsService,
    renewal as unknown as RefreshTokenRenewal,
    blocked as unknown as BlockedAddresses,
  );
  const request = { ClientId: 'c1', RefreshToken: 'eyJ.refresh.token' };
  const meta = { requestId: 'r', caller: { kind: 'anonymous' as const }, sourceIp: '192.0.2.7' };

  beforeEach(() => jest.clearAllMocks());

  it('checks the caller address against the block list, then renews', async () => {
    expect(await useCase.execute(request, meta)).toEqual({ AuthenticationResult: { AccessToken: 'a' } });
    expect(blocked.refuseBlocked).toHaveBeenCalledWith(pool, 'c1', '192.0.2.7');
    expect(renewal.renew).toHaveBeenCalledTimes(1);
  });

  it('refuses a blocked address before the token is read, renewing and rotating nothing', async () => {
    blocked.refuseBlocked.mockRejectedValueOnce(CognitoErrors.notAuthorized(SECURITY_REFUSAL));
    await expect(useCase.execute(request, meta)).rejects.toMatchObject({
      errorName: 'NotAuthorizedException',
    });
    expect(renewal.renew).not.toHaveBeenCalled();
  });
});
