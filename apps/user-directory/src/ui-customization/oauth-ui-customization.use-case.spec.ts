import { UiCustomizationEntity } from '../database/entities';
import { ManagedLoginBrandingsRepository } from '../managed-login/managed-login-brandings.repository';
import { TermsRepository } from '../managed-login/terms.repository';
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
  const findByClient = jest.fn();
  const assetsOf = jest.fn();
  const ofClient = jest.fn();
  const useCase = new OAuthUICustomizationUseCase(
    { effective } as unknown as UiCustomizationsRepository,
    { findByClient, assetsOf } as unknown as ManagedLoginBrandingsRepository,
    { ofClient } as unknown as TermsRepository,
  );
  beforeEach(() => {
    for (const fn of [effective, findByClient, assetsOf, ofClient]) fn.mockReset();
    findByClient.mockResolvedValue(undefined);
    assetsOf.mockResolvedValue([]);
    ofClient.mockResolvedValue([]);
  });

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

  const terms = (termsName: string, url: string) => ({
    termsName,
    links: { 'cognito:default': url },
  });

  it("answers the client's branding without image bytes, and its terms once both exist", async () => {
    effective.mockResolvedValue(undefined);
    findByClient.mockResolvedValue({
      id: '6f1b1a4e-1c1d-4e5f-8a9b-0c1d2e3f4a5b',
      settings: { components: { pageBackground: { lightMode: { color: '112233ff' } } } },
      updatedAt: new Date(5000),
    });
    assetsOf.mockResolvedValue([
      { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: null },
    ]);
    ofClient.mockResolvedValue([
      terms('terms-of-use', 'https://example.com/terms'),
      terms('privacy-policy', 'https://example.com/privacy'),
    ]);
    const found = await useCase.execute({ UserPoolId: 'us-east-1_abc', ClientId: 'client1' });
    expect(found).toEqual({
      Branding: {
        ManagedLoginBrandingId: '6f1b1a4e-1c1d-4e5f-8a9b-0c1d2e3f4a5b',
        Version: '5000',
        Settings: { components: { pageBackground: { lightMode: { color: '112233ff' } } } },
        Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' }],
      },
      Terms: {
        'terms-of-use': { 'cognito:default': 'https://example.com/terms' },
        'privacy-policy': { 'cognito:default': 'https://example.com/privacy' },
      },
    });
    expect(assetsOf).toHaveBeenCalledWith('6f1b1a4e-1c1d-4e5f-8a9b-0c1d2e3f4a5b', false);
    expect(findByClient).toHaveBeenCalledWith('us-east-1_abc', 'client1');
  });

  it('shows no terms while only one of the two documents exists', async () => {
    effective.mockResolvedValue(undefined);
    ofClient.mockResolvedValue([terms('terms-of-use', 'https://example.com/terms')]);
    expect(await useCase.execute({ UserPoolId: 'us-east-1_abc', ClientId: 'client1' })).toEqual({});
  });

  it('reads no branding or terms for the pool look or the logo bytes', async () => {
    effective.mockResolvedValue(undefined);
    await useCase.execute({ UserPoolId: 'us-east-1_abc' });
    await useCase.execute({ UserPoolId: 'us-east-1_abc', ClientId: 'client1', WithImage: true });
    expect(findByClient).not.toHaveBeenCalled();
    expect(ofClient).not.toHaveBeenCalled();
  });
});
