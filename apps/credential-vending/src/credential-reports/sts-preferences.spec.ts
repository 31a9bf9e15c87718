import { GlobalEndpointTokenVersion, SetSecurityTokenServicePreferencesRequest } from '@idfed/contracts';
import { AccountSettingsRepository, EntityCounts } from '../account/account-settings.repository';
import { GetAccountSummaryHandler } from '../account/get-account-summary.handler';
import { SetSecurityTokenServicePreferencesHandler } from './set-security-token-service-preferences.handler';
import { StsPreferencesRepository } from './sts-preferences.repository';

function setUp() {
  let stored: GlobalEndpointTokenVersion | undefined;
  const preferences = {
    globalEndpointTokenVersion: jest.fn(() => Promise.resolve(stored ?? 'v1Token')),
    setGlobalEndpointTokenVersion: jest.fn((v: GlobalEndpointTokenVersion) => {
      stored = v;
      return Promise.resolve();
    }),
  };
  const counts = Object.fromEntries(
    [
      'users',
      'groups',
      'roles',
      'policies',
      'policyAttachments',
      'providers',
      'mfaDevices',
      'mfaDevicesInUse',
      'serverCertificates',
      'instanceProfiles',
    ].map((k) => [k, 0]),
  ) as unknown as EntityCounts;
  const settings = { counts: () => Promise.resolve(counts) } as unknown as AccountSettingsRepository;
  const repo = preferences as unknown as StsPreferencesRepository;
  return {
    preferences,
    set: new SetSecurityTokenServicePreferencesHandler(repo, () => 0),
    summary: async () =>
      (await new GetAccountSummaryHandler(settings, repo).execute()).SummaryMap.GlobalEndpointTokenVersion,
  };
}

describe('SetSecurityTokenServicePreferences', () => {
  it('answers GlobalEndpointTokenVersion 1 by default, 2 after v2Token, 1 again after v1Token', async () => {
    const { set, summary } = setUp();
    expect(await summary()).toBe(1);
    await expect(set.execute({ GlobalEndpointTokenVersion: 'v2Token' })).resolves.toEqual({});
    expect(await summary()).toBe(2);
    await set.execute({ GlobalEndpointTokenVersion: 'v1Token' });
    expect(await summary()).toBe(1);
  });

  it.each([[{}], [{ GlobalEndpointTokenVersion: 'v3Token' }], [{ GlobalEndpointTokenVersion: 2 }]])(
    'refuses %j with ValidationError and stores nothing',
    async (req) => {
      const { set, preferences } = setUp();
      await expect(
        set.execute(req as unknown as SetSecurityTokenServicePreferencesRequest),
      ).rejects.toMatchObject({ errorName: 'ValidationError' });
      expect(preferences.setGlobalEndpointTokenVersion).not.toHaveBeenCalled();
    },
  );
});
