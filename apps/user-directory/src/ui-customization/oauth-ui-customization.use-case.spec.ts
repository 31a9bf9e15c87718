import { UiCustomizationEntity } from '../database/entities';
import { OAuthUICustomizationUseCase } from './oauth-ui-customization.use-case';
import { UiCustomizationsRepository } from './ui-customizations.repository';

const row = (over: Partial<UiCustomizationEntity> = {}): UiCustomizationEntity => ({
  poolId: 'us-east-1_abc',
  clientId: 'ALL',
  css: '.logo-customizable{color:red}',
  image: Buffer.from([0x89, 0x50]),
  imageType: 'image/png',
  createdAt: new Date(1000),
  updatedAt: new Date(2000),
  ...over,
});

describe('OAuthUICustomizationUseCase', () => {
  const effective = jest.fn();
  const useCase = new OAuthUICustomizationUseCase({ effective } as unknown as UiCustomizationsRepository);
  beforeEach(() => effective.mockReset());

  it('answers the look without the logo bytes unless asked', async () => {
    effective.mockResolvedValue(row({ image: null }));
    expect(await useCase.execute({ UserPoolId: 'us-east-1_abc', ClientId: 'client1' })).toEqual({
      ClientId: 'ALL',
      CSS: '.logo-customizable{color:red}',
      Version: '2000',
      ImageType: 'image/png',
    });
    expect(effective).toHaveBeenCalledWith('us-east-1_abc', 'client1', false);
  });

  it('answers the logo bytes when asked', async () => {
    effective.mockResolvedValue(row());
    const found = await useCase.execute({ UserPoolId: 'us-east-1_abc', ClientId: 'ALL', WithImage: true });
    expect(found.Image).toBe(Buffer.from([0x89, 0x50]).toString('base64'));
    expect(effective).toHaveBeenCalledWith('us-east-1_abc', 'ALL', true);
  });

  it('looks up the pool look for a client id that cannot be one, and answers nothing when none', async () => {
    effective.mockResolvedValue(undefined);
    expect(await useCase.execute({ UserPoolId: 'us-east-1_abc', ClientId: '../x' })).toEqual({});
    expect(effective).toHaveBeenCalledWith('us-east-1_abc', 'ALL', false);
  });
});
