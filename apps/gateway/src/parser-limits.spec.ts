import { GatewayHarness, startGateway } from '../test/gateway.harness';
import { receivedByCredentialVending } from '../test/credential-vending.double';
import { received } from '../test/peer-services.double';

/**
 * Input nested deep enough to overflow a recursive walk (serialisation onto the bus, redaction,
 * validation) is refused at the edge with the protocol's 400, before any service sees it.
 */
describe('gateway: nesting limits of the request parsers', () => {
  let gw: GatewayHarness;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => {
    received.length = 0;
    receivedByCredentialVending.length = 0;
  });

  it('answers JSON nested 10,000 deep with SerializationException, not a 500', async () => {
    for (const nested of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
    ]) {
      const res = await fetch(gw.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
        },
        body: `{"ClientId":"c","Username":"u","Password":"p","UserAttributes":${nested}}`,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ __type: 'SerializationException' });
    }
    expect(received).toHaveLength(0);
  });

  it('answers a Query parameter name of 20,000 segments with InvalidParameterValue, not a 500', async () => {
    const name = `Tags.member.1.${Array.from({ length: 20_000 }, () => 'Key').join('.')}`;
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn:aws:iam::000000000000:role/r&RoleSessionName=s&WebIdentityToken=t&${name}=v`,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(await res.text()).toContain('<Code>InvalidParameterValue</Code>');
    expect(receivedByCredentialVending).toHaveLength(0);
  });
});
