import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DescribeRiskConfigurationCommand,
  GetLogDeliveryConfigurationCommand,
  InitiateAuthCommand,
  SetLogDeliveryConfigurationCommand,
  SetRiskConfigurationCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

/**
 * Threat protection (ADR 0083) through the AWS SDK: SetRiskConfiguration / DescribeRiskConfiguration
 * for a pool and its clients (stored and answered as given), the always-block list refusing
 * sign-ins from a blocked address in ENFORCED mode (the test's own loopback address), and
 * Get/SetLogDeliveryConfiguration stored and answered. Anonymous, re-targeted and malformed calls
 * change nothing.
 */
describe('threat protection: risk configuration, blocked addresses, log delivery', () => {
  const system = e2eSystem();
  const password = 'Thr3at-Protect!';
  const stamp = Date.now();
  // The test process reaches the gateway over loopback, IPv4 or IPv6.
  const LOOPBACK = ['127.0.0.0/8', '::1/128'];
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  interface Pool {
    poolId: string;
    clientId: string;
    otherClientId: string;
  }

  async function pool(name: string, mode?: 'OFF' | 'AUDIT' | 'ENFORCED'): Promise<Pool> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `${name}-${stamp}`,
        ...(mode ? { UserPoolAddOns: { AdvancedSecurityMode: mode } } : {}),
      }),
    );
    const poolId = UserPool!.Id!;
    const client = async () =>
      (
        await admin.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName: 'app',
            ExplicitAuthFlows: [
              'ALLOW_USER_PASSWORD_AUTH',
              'ALLOW_ADMIN_USER_PASSWORD_AUTH',
              'ALLOW_REFRESH_TOKEN_AUTH',
            ],
          }),
        )
      ).UserPoolClient!.ClientId!;
    return { poolId, clientId: await client(), otherClientId: await client() };
  }

  async function user(p: Pool, username: string): Promise<void> {
    await admin.send(
      new AdminCreateUserCommand({ UserPoolId: p.poolId, Username: username, MessageAction: 'SUPPRESS' }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: p.poolId,
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
  }

  const signIn = (clientId: string, username: string, pw = password) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: pw },
      }),
    );

  const blocked = { status: 400, message: 'Request not allowed due to security reasons.' };

  it('stores and answers the pool and client configurations, and resets them', async () => {
    const p = await pool('risk-config', 'AUDIT');
    const full = {
      CompromisedCredentialsRiskConfiguration: {
        EventFilter: ['SIGN_IN', 'SIGN_UP'] as ('SIGN_IN' | 'SIGN_UP')[],
        Actions: { EventAction: 'BLOCK' as const },
      },
      AccountTakeoverRiskConfiguration: {
        NotifyConfiguration: {
          From: 'security@example.com',
          SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
          BlockEmail: { Subject: 'Blocked', TextBody: 'We blocked a sign-in.' },
        },
        Actions: {
          LowAction: { Notify: false, EventAction: 'NO_ACTION' as const },
          HighAction: { Notify: true, EventAction: 'BLOCK' as const },
        },
      },
      RiskExceptionConfiguration: {
        BlockedIPRangeList: ['192.0.2.0/24'],
        SkippedIPRangeList: ['198.51.100.7/32', '2001:db8::/32'],
      },
    };
    const before = Date.now();
    const set = await admin.send(new SetRiskConfigurationCommand({ UserPoolId: p.poolId, ...full }));
    expect(set.RiskConfiguration).toMatchObject({ UserPoolId: p.poolId, ...full });
    expect(set.RiskConfiguration!.ClientId).toBeUndefined();
    expect(set.RiskConfiguration!.LastModifiedDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const described = await admin.send(new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId }));
    expect(described.RiskConfiguration).toEqual(set.RiskConfiguration);

    // A client without its own answers the pool's; with its own, its own, the other client unchanged.
    const inherited = await admin.send(
      new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId, ClientId: p.clientId }),
    );
    expect(inherited.RiskConfiguration).toEqual(set.RiskConfiguration);
    const own = {
      RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.0/24'] },
    };
    await admin.send(new SetRiskConfigurationCommand({ UserPoolId: p.poolId, ClientId: p.clientId, ...own }));
    const client = await admin.send(
      new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId, ClientId: p.clientId }),
    );
    expect(client.RiskConfiguration).toMatchObject({ UserPoolId: p.poolId, ClientId: p.clientId, ...own });
    expect(client.RiskConfiguration!.CompromisedCredentialsRiskConfiguration).toBeUndefined();
    expect(
      (
        await admin.send(
          new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId, ClientId: p.otherClientId }),
        )
      ).RiskConfiguration,
    ).toEqual(set.RiskConfiguration);

    // UserPoolId and ClientId alone: the client inherits again. UserPoolId alone: defaults.
    await admin.send(new SetRiskConfigurationCommand({ UserPoolId: p.poolId, ClientId: p.clientId }));
    expect(
      (await admin.send(new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId, ClientId: p.clientId })))
        .RiskConfiguration,
    ).toEqual(set.RiskConfiguration);
    await admin.send(new SetRiskConfigurationCommand({ UserPoolId: p.poolId }));
    const reset = await admin.send(new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId }));
    expect(reset.RiskConfiguration!.UserPoolId).toBe(p.poolId);
    expect(reset.RiskConfiguration!.RiskExceptionConfiguration).toBeUndefined();
    expect(reset.RiskConfiguration!.AccountTakeoverRiskConfiguration).toBeUndefined();
  });

  it('refuses a pool whose threat protection is off, and bad ranges, leaving nothing stored', async () => {
    const off = await pool('risk-off');
    await expectAwsError(
      admin.send(new SetRiskConfigurationCommand({ UserPoolId: off.poolId })),
      'UserPoolAddOnNotEnabledException',
      { status: 400 },
    );
    await expectAwsError(
      admin.send(new DescribeRiskConfigurationCommand({ UserPoolId: off.poolId })),
      'UserPoolAddOnNotEnabledException',
      { status: 400 },
    );

    const p = await pool('risk-bad', 'ENFORCED');
    const good = { RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.0/24'] } };
    await admin.send(new SetRiskConfigurationCommand({ UserPoolId: p.poolId, ...good }));
    for (const bad of [['192.0.2.1'], ['192.0.2.0/33'], ['2001:db8::/129'], ['example.com/8'], ['']]) {
      await expectAwsError(
        admin.send(
          new SetRiskConfigurationCommand({
            UserPoolId: p.poolId,
            RiskExceptionConfiguration: { BlockedIPRangeList: ['198.51.100.0/24'], SkippedIPRangeList: bad },
          }),
        ),
        'InvalidParameterException',
        { status: 400, message: 'SkippedIPRangeList must hold IP address ranges in CIDR notation.' },
      );
    }
    const oversize = Array.from({ length: 201 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    await expectAwsError(
      admin.send(
        new SetRiskConfigurationCommand({
          UserPoolId: p.poolId,
          RiskExceptionConfiguration: { BlockedIPRangeList: oversize },
        }),
      ),
      'InvalidParameterException',
      { status: 400 },
    );
    // Exactly 200 is accepted (then the good one is put back).
    await admin.send(
      new SetRiskConfigurationCommand({
        UserPoolId: p.poolId,
        RiskExceptionConfiguration: { BlockedIPRangeList: oversize.slice(0, 200) },
      }),
    );
    await admin.send(new SetRiskConfigurationCommand({ UserPoolId: p.poolId, ...good }));
    expect(
      (await admin.send(new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId }))).RiskConfiguration,
    ).toMatchObject(good);
  });

  it('refuses anonymous, unknown and re-targeted calls', async () => {
    const p = await pool('risk-target', 'ENFORCED');
    const other = await pool('risk-target-other', 'ENFORCED');
    await expectAwsError(
      app.send(
        new SetRiskConfigurationCommand({
          UserPoolId: p.poolId,
          RiskExceptionConfiguration: { BlockedIPRangeList: LOOPBACK },
        }),
      ),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      app.send(new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId })),
      'UnrecognizedClientException',
    );
    // Another pool's client named with this pool: not found, nothing stored for either.
    await expectAwsError(
      admin.send(
        new SetRiskConfigurationCommand({
          UserPoolId: p.poolId,
          ClientId: other.clientId,
          RiskExceptionConfiguration: { BlockedIPRangeList: LOOPBACK },
        }),
      ),
      'ResourceNotFoundException',
      { status: 400, message: `User pool client ${other.clientId} does not exist.` },
    );
    await expectAwsError(
      admin.send(new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId, ClientId: other.clientId })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new SetRiskConfigurationCommand({ UserPoolId: 'us-east-1_Nope12345' })),
      'ResourceNotFoundException',
    );
    await user(other, 'olga');
    await user(p, 'pat');
    expect((await signIn(other.clientId, 'olga')).AuthenticationResult).toBeDefined();
    expect((await signIn(p.clientId, 'pat')).AuthenticationResult).toBeDefined();
  });

  it('refuses sign-ins from a blocked address in ENFORCED mode only, for known and unknown names alike', async () => {
    const p = await pool('risk-block', 'ENFORCED');
    const other = await pool('risk-block-other', 'ENFORCED');
    await user(p, 'bea');
    await user(other, 'bea');
    await admin.send(
      new SetRiskConfigurationCommand({
        UserPoolId: p.poolId,
        RiskExceptionConfiguration: { BlockedIPRangeList: LOOPBACK, SkippedIPRangeList: LOOPBACK },
      }),
    );
    // The right password, a wrong one and an unknown name get the same refusal.
    await expectAwsError(signIn(p.clientId, 'bea'), 'NotAuthorizedException', blocked);
    await expectAwsError(signIn(p.clientId, 'bea', 'Wr0ng-Password!'), 'NotAuthorizedException', blocked);
    await expectAwsError(signIn(p.clientId, 'nobody'), 'NotAuthorizedException', blocked);
    // The admin flow reads the user's address from ContextData, else the caller's.
    const adminAuth = (IpAddress?: string) =>
      admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: p.poolId,
          ClientId: p.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'bea', PASSWORD: password },
          ...(IpAddress
            ? {
                ContextData: {
                  IpAddress,
                  ServerName: 'app.example.com',
                  ServerPath: '/login',
                  HttpHeaders: [],
                },
              }
            : {}),
        }),
      );
    await expectAwsError(adminAuth(), 'NotAuthorizedException', blocked);
    expect((await adminAuth('198.51.100.20')).AuthenticationResult).toBeDefined();
    // Another pool is not affected.
    expect((await signIn(other.clientId, 'bea')).AuthenticationResult).toBeDefined();

    // A client's own list replaces the pool's for that client.
    await admin.send(
      new SetRiskConfigurationCommand({
        UserPoolId: p.poolId,
        ClientId: p.otherClientId,
        RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.0/24'] },
      }),
    );
    expect((await signIn(p.otherClientId, 'bea')).AuthenticationResult).toBeDefined();
    await expectAwsError(signIn(p.clientId, 'bea'), 'NotAuthorizedException', blocked);

    // AUDIT mode records, it does not block.
    await admin.send(
      new UpdateUserPoolCommand({ UserPoolId: p.poolId, UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } }),
    );
    expect((await signIn(p.clientId, 'bea')).AuthenticationResult).toBeDefined();
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: p.poolId,
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      }),
    );
    await expectAwsError(signIn(p.clientId, 'bea'), 'NotAuthorizedException', blocked);

    // A deleted client takes its own configuration with it.
    await admin.send(new DeleteUserPoolClientCommand({ UserPoolId: p.poolId, ClientId: p.otherClientId }));
    expect(
      (await admin.send(new DescribeRiskConfigurationCommand({ UserPoolId: p.poolId }))).RiskConfiguration!
        .RiskExceptionConfiguration,
    ).toEqual({ BlockedIPRangeList: LOOPBACK, SkippedIPRangeList: LOOPBACK });
  });

  it('stores and answers the log delivery configuration, refusing what the API reference does not allow', async () => {
    const p = await pool('log-delivery');
    expect(
      (await admin.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: p.poolId })))
        .LogDeliveryConfiguration,
    ).toEqual({ UserPoolId: p.poolId, LogConfigurations: [] });
    const configurations = [
      {
        LogLevel: 'ERROR' as const,
        EventSource: 'userNotification' as const,
        CloudWatchLogsConfiguration: {
          LogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/idfed',
        },
      },
      {
        LogLevel: 'INFO' as const,
        EventSource: 'userAuthEvents' as const,
        S3Configuration: { BucketArn: 'arn:aws:s3:::idfed-auth-events' },
      },
    ];
    const set = await admin.send(
      new SetLogDeliveryConfigurationCommand({ UserPoolId: p.poolId, LogConfigurations: configurations }),
    );
    expect(set.LogDeliveryConfiguration).toEqual({ UserPoolId: p.poolId, LogConfigurations: configurations });
    expect(
      (await admin.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: p.poolId })))
        .LogDeliveryConfiguration,
    ).toEqual({ UserPoolId: p.poolId, LogConfigurations: configurations });

    const refused = [
      [{ ...configurations[0], LogLevel: 'INFO' as const }],
      [
        {
          LogLevel: 'ERROR' as const,
          EventSource: 'userNotification' as const,
          S3Configuration: { BucketArn: 'arn:aws:s3:::b' },
        },
      ],
      [{ LogLevel: 'INFO' as const, EventSource: 'userAuthEvents' as const }],
      [configurations[1], configurations[1]],
    ];
    for (const LogConfigurations of refused) {
      await expectAwsError(
        admin.send(new SetLogDeliveryConfigurationCommand({ UserPoolId: p.poolId, LogConfigurations })),
        'InvalidParameterException',
        { status: 400 },
      );
    }
    await expectAwsError(
      admin.send(
        new SetLogDeliveryConfigurationCommand({
          UserPoolId: p.poolId,
          LogConfigurations: [...configurations, configurations[1]],
        }),
      ),
      'InvalidParameterException',
      { status: 400 },
    );
    await expectAwsError(
      app.send(new SetLogDeliveryConfigurationCommand({ UserPoolId: p.poolId, LogConfigurations: [] })),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      admin.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: 'us-east-1_Nope12345' })),
      'ResourceNotFoundException',
    );
    expect(
      (await admin.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: p.poolId })))
        .LogDeliveryConfiguration,
    ).toEqual({ UserPoolId: p.poolId, LogConfigurations: configurations });
  });
});
