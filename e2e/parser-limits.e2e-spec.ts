import { e2eSystem } from './support/e2e-context';

/**
 * Input nested deep enough to overflow a recursive walk somewhere between the gateway and a
 * service is refused at the edge with the protocol's 400, and the system keeps answering.
 */
describe('nesting limits of the request parsers', () => {
  const system = e2eSystem();

  it('answers JSON nested 10,000 deep with SerializationException, not a 500', async () => {
    const nested = '['.repeat(10_000) + ']'.repeat(10_000);
    const res = await fetch(system.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
      },
      body: `{"ClientId":"c","Username":"u","Password":"p","UserAttributes":${nested}}`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'SerializationException' });
  });

  it('answers a Query parameter name of 20,000 segments with InvalidParameterValue, not a 500', async () => {
    const name = `Tags.member.1.${Array.from({ length: 20_000 }, () => 'Key').join('.')}`;
    const res = await fetch(system.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body:
        'Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn:aws:iam::000000000000:role/r' +
        `&RoleSessionName=s&WebIdentityToken=t&${name}=v`,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidParameterValue</Code>');
  });

  it('still answers afterwards', async () => {
    const res = await fetch(`${system.endpoint}/health`);
    expect(res.status).toBe(200);
  });
});
