import { Transaction, Transactions } from '@idfed/persistence';
import { PoolsService } from '../pools/pools.service';
import { BrandingRow, ManagedLoginBrandingsRepository } from './managed-login-brandings.repository';
import { UpdateManagedLoginBrandingUseCase } from './update-managed-login-branding.use-case';

const ID = '6f1b1a4e-1c1d-4e5f-8a9b-0c1d2e3f4a5b';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('UpdateManagedLoginBrandingUseCase', () => {
  const stored = (): BrandingRow => ({
    id: ID,
    poolId: 'us-east-1_abc',
    clientId: 'client1',
    useCognitoProvidedValues: false,
    settings: { components: { form: { lightMode: { backgroundColor: 'ffffffff' } } }, keep: [1, 2] },
    createdAt: new Date(1000),
    updatedAt: new Date(1000),
  });
  const repo = {
    findById: jest.fn(),
    assetsOf: jest.fn(),
    update: jest.fn(),
    putAssets: jest.fn(),
    deleteAssets: jest.fn(),
    assetBytes: jest.fn(),
  };
  const pools = { require: jest.fn() };
  const tx = {} as Transaction;
  const useCase = new UpdateManagedLoginBrandingUseCase(
    pools as unknown as PoolsService,
    repo as unknown as ManagedLoginBrandingsRepository,
    { run: (work: (t: Transaction) => Promise<unknown>) => work(tx) } as unknown as Transactions,
  );
  beforeEach(() => {
    for (const fn of Object.values(repo)) fn.mockReset();
    pools.require.mockReset().mockResolvedValue({});
    repo.findById.mockResolvedValue(stored());
    repo.assetsOf.mockResolvedValue([]);
    repo.assetBytes.mockResolvedValue(0);
  });

  it('lays the given settings on the stored ones and keeps the rest', async () => {
    const out = await useCase.execute({
      UserPoolId: 'us-east-1_abc',
      ManagedLoginBrandingId: ID,
      Settings: { components: { form: { lightMode: { borderColor: '000000ff' } } }, keep: [3] },
    });
    expect(out.ManagedLoginBranding.Settings).toEqual({
      components: { form: { lightMode: { backgroundColor: 'ffffffff', borderColor: '000000ff' } } },
      keep: [3],
    });
    expect(repo.findById).toHaveBeenCalledWith('us-east-1_abc', ID, tx);
    expect(repo.update.mock.calls[0][0]).toMatchObject({ useCognitoProvidedValues: false });
    expect(repo.deleteAssets).not.toHaveBeenCalled();
  });

  it("resets to Cognito's provided values: no settings, no images", async () => {
    const out = await useCase.execute({
      UserPoolId: 'us-east-1_abc',
      ManagedLoginBrandingId: ID,
      UseCognitoProvidedValues: true,
    });
    expect(out.ManagedLoginBranding).toMatchObject({ UseCognitoProvidedValues: true, Assets: [] });
    expect(out.ManagedLoginBranding).not.toHaveProperty('Settings');
    expect(repo.deleteAssets).toHaveBeenCalledWith(ID, tx);
  });

  it('refuses provided values with settings, before reading anything', async () => {
    await expect(
      useCase.execute({
        UserPoolId: 'us-east-1_abc',
        ManagedLoginBrandingId: ID,
        UseCognitoProvidedValues: true,
        Settings: {},
      }),
    ).rejects.toMatchObject({ errorName: 'InvalidParameterException' });
    expect(pools.require).not.toHaveBeenCalled();
  });

  it('refuses an image without bytes that the style does not have, writing nothing', async () => {
    await expect(
      useCase.execute({
        UserPoolId: 'us-east-1_abc',
        ManagedLoginBrandingId: ID,
        Assets: [{ Category: 'FORM_LOGO', ColorMode: 'DARK', Extension: 'PNG' }],
      }),
    ).rejects.toMatchObject({ errorName: 'InvalidParameterException' });
    expect(repo.update).not.toHaveBeenCalled();
  });

  it('refuses images that take the style over its limit (the transaction rolls back)', async () => {
    repo.assetBytes.mockResolvedValue(450_001);
    await expect(
      useCase.execute({
        UserPoolId: 'us-east-1_abc',
        ManagedLoginBrandingId: ID,
        Assets: [
          { Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: PNG.toString('base64') },
        ],
      }),
    ).rejects.toMatchObject({ errorName: 'InvalidParameterException' });
  });

  it("answers another pool's style as not found", async () => {
    repo.findById.mockResolvedValue(undefined);
    await expect(
      useCase.execute({
        UserPoolId: 'us-east-1_other',
        ManagedLoginBrandingId: ID,
        UseCognitoProvidedValues: true,
      }),
    ).rejects.toMatchObject({ errorName: 'ResourceNotFoundException' });
    expect(repo.update).not.toHaveBeenCalled();
  });
});
