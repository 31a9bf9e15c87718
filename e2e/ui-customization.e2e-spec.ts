import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUICustomizationCommand,
  SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR-and-the-rest-of-a-small-logo'),
]);

/**
 * The hosted pages' CSS and logo through the unchanged AWS SDK: per pool and per client (a client
 * without its own gets the pool's), CSS only on Cognito's customizable classes with plain values,
 * logos PNG or JPEG up to 100 KB, and the refusals changing nothing.
 */
describe('UI customization', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;

  beforeAll(() => {
    admin = cognitoAdmin(system);
  });
  afterAll(() => admin.destroy());

  async function poolAndClient(name: string): Promise<{ UserPoolId: string; ClientId: string }> {
    const UserPoolId = (await admin.send(new CreateUserPoolCommand({ PoolName: name }))).UserPool!.Id!;
    const ClientId = (await admin.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'web' })))
      .UserPoolClient!.ClientId!;
    return { UserPoolId, ClientId };
  }

  it('sets the pool-wide look, a client look over it, and answers each', async () => {
    const { UserPoolId, ClientId } = await poolAndClient('ui-looks');
    const poolCss = '.submitButton-customizable { background-color: #ff9900; color: white; }';
    const set = await admin.send(new SetUICustomizationCommand({ UserPoolId, CSS: poolCss, ImageFile: PNG }));
    expect(set.UICustomization).toMatchObject({ UserPoolId, ClientId: 'ALL', CSS: poolCss });
    expect(set.UICustomization!.CSSVersion).toEqual(expect.any(String));
    expect(set.UICustomization!.CreationDate).toBeInstanceOf(Date);

    // A client with no look of its own gets the pool's.
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId, ClientId }))).UICustomization,
    ).toMatchObject({ ClientId: 'ALL', CSS: poolCss });
    const clientCss = `/* the brand */
      .banner-customizable { background-color: rgb(10, 20, 30); padding: 4px 8px; }
      .inputField-customizable:focus, .label-customizable { font-family: 'Helvetica Neue', sans-serif; }`;
    await admin.send(new SetUICustomizationCommand({ UserPoolId, ClientId, CSS: clientCss }));
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId, ClientId }))).UICustomization,
    ).toMatchObject({ ClientId, CSS: clientCss });
    expect((await admin.send(new GetUICustomizationCommand({ UserPoolId }))).UICustomization).toMatchObject({
      ClientId: 'ALL',
      CSS: poolCss,
    });
    // Set replaces the whole look: without CSS, none.
    await admin.send(new SetUICustomizationCommand({ UserPoolId, ClientId: 'ALL' }));
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId }))).UICustomization,
    ).not.toHaveProperty('CSS');
  });

  it('refuses CSS outside the customizable classes, bad logos and other pools clients, changing nothing', async () => {
    const { UserPoolId, ClientId } = await poolAndClient('ui-rules');
    const other = await poolAndClient('ui-other');
    const kept = '.logo-customizable { max-width: 60%; }';
    await admin.send(new SetUICustomizationCommand({ UserPoolId, CSS: kept }));
    const badCss = [
      'body { color: red; }',
      '.submitButton-customizable { background: url(https://evil.test/x.png); }',
      '.submitButton-customizable { background-image: none; }',
      '.submitButton-customizable { color: red; } @import "https://evil.test/x.css";',
      '.submitButton-customizable { color: red</style><script>alert(1)</script>; }',
      '.submitButton-customizable { color: expression(alert(1)); }',
      '.submitButton-customizable { color: \\72 ed; }',
      '.submitButton-customizable { color: red; ',
      '.submitButton-customizable .other { color: red; }',
    ];
    for (const CSS of badCss) {
      await expectAwsError(
        admin.send(new SetUICustomizationCommand({ UserPoolId, CSS })),
        'InvalidParameterException',
      );
    }
    for (const ImageFile of [
      Buffer.from('GIF89a-not-allowed'),
      Buffer.concat([PNG, Buffer.alloc(100 * 1024)]),
    ]) {
      await expectAwsError(
        admin.send(new SetUICustomizationCommand({ UserPoolId, ImageFile })),
        'InvalidParameterException',
      );
    }
    await expectAwsError(
      admin.send(new SetUICustomizationCommand({ UserPoolId, ClientId: other.ClientId, CSS: kept })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new GetUICustomizationCommand({ UserPoolId, ClientId: other.ClientId })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new GetUICustomizationCommand({ UserPoolId: 'us-east-1_nothere00' })),
      'ResourceNotFoundException',
    );
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId, ClientId }))).UICustomization,
    ).toMatchObject({ ClientId: 'ALL', CSS: kept });
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId: other.UserPoolId }))).UICustomization,
    ).toEqual({ UserPoolId: other.UserPoolId, ClientId: 'ALL' });
  });
});
