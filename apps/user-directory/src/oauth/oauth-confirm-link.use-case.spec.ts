import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { ConfirmSignUpUseCase } from '../users/confirm-sign-up.use-case';
import { INVALID_LINK, OAuthConfirmLinkUseCase } from './oauth-confirm-link.use-case';
import { SECURITY_REFUSAL } from '../risk/threat-protection';

describe('OAuthConfirmLink (ADR 0062)', () => {
  const meta = { requestId: 'r1', caller: { kind: 'anonymous' } } as CommandMeta;
  const byLink = { verificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } };
  const clientsOf = (poolConfig: object) =>
    ({
      forAuth: jest.fn(async (id: string) => {
        if (id === 'other-pool-client')
          return { client: { id, poolId: 'us-east-1_Other', name: 'other' }, pool: { config: byLink } };
        if (id !== 'c1') throw CognitoErrors.clientNotFound(id);
        return { client: { id, poolId: 'us-east-1_X', name: 'app' }, pool: { config: poolConfig } };
      }),
    }) as unknown as ClientsService;
  const request = { UserPoolId: 'us-east-1_X', ClientId: 'c1', Username: 'ann', Code: '123456' };

  it('confirms through ConfirmSignUp with the link client and code', async () => {
    const execute = jest.fn().mockResolvedValue({});
    const useCase = new OAuthConfirmLinkUseCase(clientsOf(byLink), {
      execute,
    } as unknown as ConfirmSignUpUseCase);
    expect(await useCase.execute(request, meta)).toEqual({ confirmed: true, clientName: 'app' });
    expect(execute).toHaveBeenCalledWith(
      { ClientId: 'c1', Username: 'ann', ConfirmationCode: '123456' },
      meta,
    );
  });

  it('answers one refusal for a wrong code, an unknown user, a confirmed one and a bad parameter', async () => {
    const execute = jest
      .fn()
      .mockRejectedValueOnce(
        new ServiceError('CodeMismatchException', 'Invalid verification code provided, please try again.'),
      )
      .mockRejectedValueOnce(CognitoErrors.userNotFound())
      .mockRejectedValueOnce(
        new ServiceError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'),
      )
      .mockRejectedValueOnce(new ServiceError('InvalidParameterException', 'bad'));
    const useCase = new OAuthConfirmLinkUseCase(clientsOf(byLink), {
      execute,
    } as unknown as ConfirmSignUpUseCase);
    for (let i = 0; i < 4; i++)
      expect(await useCase.execute(request, meta)).toEqual({ confirmed: false, message: INVALID_LINK });
  });

  it("shows the block list's message when ConfirmSignUp refuses the caller's address (ADR 0091)", async () => {
    const execute = jest.fn().mockRejectedValue(CognitoErrors.notAuthorized(SECURITY_REFUSAL));
    const useCase = new OAuthConfirmLinkUseCase(clientsOf(byLink), {
      execute,
    } as unknown as ConfirmSignUpUseCase);
    const blockedMeta = { ...meta, sourceIp: '192.0.2.7' };
    expect(await useCase.execute(request, blockedMeta)).toEqual({
      confirmed: false,
      message: SECURITY_REFUSAL,
    });
    expect(execute).toHaveBeenCalledWith(expect.anything(), blockedMeta);
  });

  it('says the attempt limit when ConfirmSignUp does', async () => {
    const execute = jest.fn().mockRejectedValue(new ServiceError('LimitExceededException', 'x'));
    const useCase = new OAuthConfirmLinkUseCase(clientsOf(byLink), {
      execute,
    } as unknown as ConfirmSignUpUseCase);
    expect(await useCase.execute(request, meta)).toMatchObject({
      confirmed: false,
      message: /Attempt limit/,
    });
  });

  it('refuses without a try: an unknown client, one of another pool, a pool that confirms by code, no code', async () => {
    const execute = jest.fn().mockResolvedValue({});
    const confirm = { execute } as unknown as ConfirmSignUpUseCase;
    const linkPool = new OAuthConfirmLinkUseCase(clientsOf(byLink), confirm);
    for (const req of [
      { ...request, ClientId: 'nope' },
      { ...request, ClientId: '' },
      { ...request, ClientId: 'other-pool-client' },
      { ...request, Code: '' },
      { ...request, Username: '' },
    ])
      expect(await linkPool.execute(req, meta)).toEqual({ confirmed: false, message: INVALID_LINK });
    const codePool = new OAuthConfirmLinkUseCase(clientsOf({}), confirm);
    expect(await codePool.execute(request, meta)).toEqual({ confirmed: false, message: INVALID_LINK });
    expect(execute).not.toHaveBeenCalled();
  });
});
