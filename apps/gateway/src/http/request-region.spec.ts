import {
  accessTokenOfAnotherRegion,
  regionOfAccessToken,
  regionOfHost,
  regionOfId,
  unsignedRequestRegion,
} from './request-region';

const SERVED = { region: 'us-east-1', regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] };

describe('the region of an unsigned request (ADR 0032)', () => {
  it("reads AWS's regional endpoint names, and nothing from a plain host", () => {
    expect(regionOfHost('cognito-idp.eu-west-1.amazonaws.com')).toBe('eu-west-1');
    expect(regionOfHost('cognito-identity.ap-southeast-2.amazonaws.com:443')).toBe('ap-southeast-2');
    expect(regionOfHost('sts.us-east-1.amazonaws.com')).toBe('us-east-1');
    expect(regionOfHost('localhost:8080')).toBeUndefined();
    expect(regionOfHost('cognito-idp.amazonaws.com')).toBeUndefined();
    expect(regionOfHost('s3.eu-west-1.amazonaws.com')).toBeUndefined();
    expect(regionOfHost(undefined)).toBeUndefined();
  });

  it('reads the region Cognito writes in pool and identity ids', () => {
    expect(regionOfId('eu-west-1_AbC123xyz', '_')).toBe('eu-west-1');
    expect(regionOfId('ap-southeast-2:8f6c3f0e-0000-4000-8000-000000000000', ':')).toBe('ap-southeast-2');
    expect(regionOfId('_AbC', '_')).toBeUndefined();
    expect(regionOfId('moon_AbC', '_')).toBeUndefined();
    expect(regionOfId(42, '_')).toBeUndefined();
  });

  it("takes the endpoint's region when served, else the id's, else none", () => {
    expect(unsignedRequestRegion(SERVED, 'cognito-idp.eu-west-1.amazonaws.com', { ClientId: 'c' })).toBe(
      'eu-west-1',
    );
    // The endpoint names the region even against the id: the service then finds no such pool there.
    expect(
      unsignedRequestRegion(SERVED, 'cognito-idp.eu-west-1.amazonaws.com', {
        UserPoolId: 'ap-southeast-2_X',
      }),
    ).toBe('eu-west-1');
    expect(unsignedRequestRegion(SERVED, 'localhost:1', { UserPoolId: 'ap-southeast-2_X' })).toBe(
      'ap-southeast-2',
    );
    expect(unsignedRequestRegion(SERVED, 'localhost:1', { IdentityPoolId: 'eu-west-1:abc' })).toBe(
      'eu-west-1',
    );
    expect(unsignedRequestRegion(SERVED, 'localhost:1', { IdentityId: 'eu-west-1:abc' })).toBe('eu-west-1');
    expect(unsignedRequestRegion(SERVED, 'localhost:1', { ClientId: 'c' })).toBeUndefined();
  });

  it('looks an id of a region not served up in the home region, where it is not found', () => {
    expect(unsignedRequestRegion(SERVED, 'localhost:1', { UserPoolId: 'us-west-2_X' })).toBe('us-east-1');
    expect(unsignedRequestRegion(SERVED, 'localhost:1', { IdentityId: 'sa-east-1:abc' })).toBe('us-east-1');
    // An endpoint of a region not served is not believed.
    expect(
      unsignedRequestRegion(SERVED, 'cognito-idp.us-west-2.amazonaws.com', { ClientId: 'c' }),
    ).toBeUndefined();
  });

  describe("a token-only request at another region's endpoint (ADR 0065)", () => {
    const token = (iss: unknown) =>
      `e30.${Buffer.from(JSON.stringify({ iss, token_use: 'access' })).toString('base64url')}.sig`;
    const euToken = token('https://idfed.test/eu-west-1_AbC123');

    it("reads the issuing pool's region from the token, and nothing from what is not one", () => {
      expect(regionOfAccessToken(euToken)).toBe('eu-west-1');
      expect(regionOfAccessToken('not-a-token')).toBeUndefined();
      expect(regionOfAccessToken('a.%%%.c')).toBeUndefined();
      expect(regionOfAccessToken(token(42))).toBeUndefined();
      expect(regionOfAccessToken(token('https://idfed.test/nopool'))).toBeUndefined();
    });

    it('refuses it only when a served regional endpoint names another region', () => {
      const at = (host: string, payload: unknown) => accessTokenOfAnotherRegion(SERVED, host, payload);
      expect(at('cognito-idp.us-east-1.amazonaws.com', { AccessToken: euToken })).toBe(true);
      expect(at('cognito-idp.eu-west-1.amazonaws.com', { AccessToken: euToken })).toBe(false);
      // A plain host, or a region not served: the token's own pool decides, as before.
      expect(at('localhost:8080', { AccessToken: euToken })).toBe(false);
      expect(at('cognito-idp.us-west-2.amazonaws.com', { AccessToken: euToken })).toBe(false);
      // No token, or one naming no region: the service answers it.
      expect(at('cognito-idp.us-east-1.amazonaws.com', { ClientId: 'c' })).toBe(false);
      expect(at('cognito-idp.us-east-1.amazonaws.com', { AccessToken: 'garbage' })).toBe(false);
    });
  });
});
