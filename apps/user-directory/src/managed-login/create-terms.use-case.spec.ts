import { AppClientsRepository } from '../clients/app-clients.repository';
import { PoolsService } from '../pools/pools.service';
import { CreateTermsUseCase } from './create-terms.use-case';
import { TermsRepository } from './terms.repository';

describe('CreateTermsUseCase', () => {
  const pools = { require: jest.fn() };
  const clients = { findInPool: jest.fn() };
  const terms = { insert: jest.fn() };
  const useCase = new CreateTermsUseCase(
    pools as unknown as PoolsService,
    clients as unknown as AppClientsRepository,
    terms as unknown as TermsRepository,
  );
  const request = {
    UserPoolId: 'us-east-1_abc',
    ClientId: 'client1',
    TermsName: 'terms-of-use',
    TermsSource: 'LINK',
    Enforcement: 'NONE',
    Links: { 'cognito:default': 'https://example.com/terms' },
  };
  beforeEach(() => {
    pools.require.mockReset().mockResolvedValue({});
    clients.findInPool.mockReset().mockResolvedValue({ id: 'client1' });
    terms.insert.mockReset().mockResolvedValue('created');
  });

  it('stores the document with a UUID v4 and answers it', async () => {
    const { Terms } = await useCase.execute(request);
    expect(Terms).toMatchObject({ ...request, CreationDate: expect.any(Number) });
    expect(Terms.TermsId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('answers TermsExistsException for a second document of the name', async () => {
    terms.insert.mockResolvedValue('exists');
    await expect(useCase.execute(request)).rejects.toMatchObject({ errorName: 'TermsExistsException' });
  });

  it("refuses another pool's client and a link that is not https, before writing", async () => {
    clients.findInPool.mockResolvedValue(undefined);
    await expect(useCase.execute(request)).rejects.toMatchObject({ errorName: 'ResourceNotFoundException' });
    await expect(
      useCase.execute({ ...request, Links: { 'cognito:default': 'javascript:alert(1)' } }),
    ).rejects.toMatchObject({ errorName: 'InvalidParameterException' });
    await expect(useCase.execute({ ...request, Links: undefined })).rejects.toMatchObject({
      errorName: 'InvalidParameterException',
    });
    expect(terms.insert).not.toHaveBeenCalled();
  });
});
