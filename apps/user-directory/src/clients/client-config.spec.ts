import { ExplicitAuthFlowsType } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { allowsFlow, clientConfigFromRequest, lifetimesInSeconds } from './client-config';
import { toUserPoolClientType } from './user-pool-client-type';

const POOL_ID = 'us-east-1_AbCdEf123';
const FLOWS = [
  'USER_PASSWORD_AUTH',
  'USER_SRP_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
  'CUSTOM_AUTH',
] as const;

function configOf(ExplicitAuthFlows?: ExplicitAuthFlowsType[]) {
  return clientConfigFromRequest({ UserPoolId: POOL_ID, ClientName: 'app', ExplicitAuthFlows });
}

/** The flows a client with these ExplicitAuthFlows allows. */
function allowed(flows?: ExplicitAuthFlowsType[]): string[] {
  const config = configOf(flows);
  return FLOWS.filter((flow) => allowsFlow(config, flow));
}

describe('ExplicitAuthFlows, legacy and ALLOW_ values (ADR 0047)', () => {
  // AWS: "If you don't specify a value for ExplicitAuthFlows, your app client supports
  // ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, and ALLOW_CUSTOM_AUTH."
  it('defaults to refresh, SRP and custom authentication', () => {
    expect(configOf().explicitAuthFlows).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_CUSTOM_AUTH',
    ]);
    expect(allowed()).toEqual(['USER_SRP_AUTH', 'CUSTOM_AUTH']);
  });

  it('allows exactly the ALLOW_ values named, adding refresh', () => {
    expect(configOf(['ALLOW_USER_PASSWORD_AUTH']).explicitAuthFlows).toEqual([
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ]);
    expect(allowed(['ALLOW_USER_PASSWORD_AUTH'])).toEqual(['USER_PASSWORD_AUTH']);
    expect(allowed(['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH'])).toEqual([
      'ADMIN_USER_PASSWORD_AUTH',
      'USER_AUTH',
    ]);
  });

  // AWS: "You can't assign these legacy ExplicitAuthFlows values to user pool clients at the same
  // time as values that begin with ALLOW_, like ALLOW_USER_SRP_AUTH."
  it.each([
    [['ADMIN_NO_SRP_AUTH', 'ALLOW_USER_SRP_AUTH']],
    [['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']],
    [['ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH_FLOW_ONLY']],
  ] as ExplicitAuthFlowsType[][][])('refuses legacy values mixed with ALLOW_ values (%j)', (flows) => {
    let refused: unknown;
    try {
      configOf(flows);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).getError()).toMatchObject({ name: 'InvalidParameterException' });
  });

  it('keeps legacy values as given, without adding ALLOW_REFRESH_TOKEN_AUTH', () => {
    expect(configOf(['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH']).explicitAuthFlows).toEqual([
      'ADMIN_NO_SRP_AUTH',
      'USER_PASSWORD_AUTH',
    ]);
  });

  // AWS: ALLOW_ADMIN_USER_PASSWORD_AUTH "replaces the ADMIN_NO_SRP_AUTH setting"; SRP and custom
  // authentication stay on for a legacy client; CUSTOM_AUTH_FLOW_ONLY enables "the custom
  // authentication flow only"; USER_AUTH is never a legacy client's.
  it.each([
    [['ADMIN_NO_SRP_AUTH'], ['USER_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'CUSTOM_AUTH']],
    [['USER_PASSWORD_AUTH'], ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH', 'CUSTOM_AUTH']],
    [['CUSTOM_AUTH_FLOW_ONLY'], ['CUSTOM_AUTH']],
    [
      ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'],
      ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'CUSTOM_AUTH'],
    ],
  ] as [ExplicitAuthFlowsType[], string[]][])('a legacy client with %j allows %j', (flows, expected) => {
    expect(allowed(flows)).toEqual(expected);
  });

  it('reads a client stored before the refusal with both kinds as the union of the two readings', () => {
    const stored = {
      ...configOf(['ALLOW_USER_PASSWORD_AUTH']),
      explicitAuthFlows: ['ALLOW_USER_AUTH', 'ADMIN_NO_SRP_AUTH'],
    };
    expect(FLOWS.filter((flow) => allowsFlow(stored as never, flow))).toEqual([
      'USER_SRP_AUTH',
      'ADMIN_USER_PASSWORD_AUTH',
      'USER_AUTH',
      'CUSTOM_AUTH',
    ]);
  });
});

describe('TokenValidityUnits in the answer', () => {
  const entity = (config: ReturnType<typeof configOf>) => ({
    id: 'client',
    poolId: POOL_ID,
    name: 'app',
    config,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  });

  // Terraform's provider puts CreateUserPoolClient's TokenValidityUnits into its state as they come
  // and fails the apply when a client configured without them gets some back: AWS answers none.
  it('answers none when the request gave none, the default units still applying', () => {
    const config = configOf();
    expect(toUserPoolClientType(entity(config) as never, undefined).TokenValidityUnits).toBeUndefined();
    expect(lifetimesInSeconds(config).access).toBe(3600);
  });

  it('answers the units a request gave, and those of a client stored before the distinction', () => {
    const given = clientConfigFromRequest({
      UserPoolId: POOL_ID,
      ClientName: 'app',
      TokenValidityUnits: { AccessToken: 'minutes' },
      AccessTokenValidity: 60,
    });
    expect(toUserPoolClientType(entity(given) as never, undefined).TokenValidityUnits).toEqual({
      AccessToken: 'minutes',
      IdToken: 'hours',
      RefreshToken: 'days',
    });
    const { unitsGiven: _, ...stored } = configOf();
    expect(toUserPoolClientType(entity(stored) as never, undefined).TokenValidityUnits).toEqual({
      AccessToken: 'hours',
      IdToken: 'hours',
      RefreshToken: 'days',
    });
  });
});
