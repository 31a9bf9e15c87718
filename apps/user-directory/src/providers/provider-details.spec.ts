import { ServiceError } from '@idfed/messaging';
import { checkAttributeMapping } from './attribute-mapping';
import { checkProviderDetails, providerDetailsAnswer } from './provider-details';
import { providerEndpointsUnder } from './provider-endpoints';
import { STANDARD_SCHEMA } from '../pools/standard-attributes';
import { PoolConfig } from '../pools/pool-config';

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ServiceError);
    return (err as ServiceError).errorName;
  }
  throw new Error('not refused');
}

describe('provider details', () => {
  const endpoints = providerEndpointsUnder('http://127.0.0.1:9');

  it('splits client_secret off the stored details and answers it with the computed endpoints', () => {
    const { details, secrets } = checkProviderDetails('LoginWithAmazon', {
      client_id: 'c',
      client_secret: 's',
      authorize_scopes: 'profile',
      token_url: 'https://ignored.example/token',
    });
    expect(details).toEqual({ client_id: 'c', authorize_scopes: 'profile' });
    expect(secrets).toEqual({ client_secret: 's' });
    expect(providerDetailsAnswer('LoginWithAmazon', details, secrets, endpoints)).toEqual({
      client_id: 'c',
      client_secret: 's',
      authorize_scopes: 'profile',
      attributes_url: 'http://127.0.0.1:9/amazon-api/user/profile',
      attributes_url_add_attributes: 'false',
      authorize_url: 'http://127.0.0.1:9/amazon/ap/oa',
      token_request_method: 'POST',
      token_url: 'http://127.0.0.1:9/amazon-api/auth/o2/token',
    });
  });

  it('keeps a stored secret an update leaves out, and still requires every key', () => {
    const { secrets } = checkProviderDetails(
      'Google',
      { client_id: 'c2', authorize_scopes: 'openid' },
      { client_secret: 'old' },
    );
    expect(secrets).toEqual({ client_secret: 'old' });
    expect(
      refused(() => checkProviderDetails('Google', { client_id: 'c2', authorize_scopes: 'openid' })),
    ).toBe('InvalidParameterException');
  });

  it('never answers an Apple private key', () => {
    expect(
      providerDetailsAnswer('SignInWithApple', { client_id: 'a' }, { private_key: 'PEM' }, endpoints),
    ).not.toHaveProperty('private_key');
  });

  it('answers a SAML provider its ActiveEncryptionCertificate only while EncryptedResponses is true', () => {
    const secrets = { samlEncryption: { privateKey: 'PEM', certificate: 'MIIC' } };
    const on = { MetadataURL: 'https://idp.example.com/m', EncryptedResponses: 'true' };
    expect(providerDetailsAnswer('SAML', on, secrets, endpoints)).toEqual({
      ...on,
      ActiveEncryptionCertificate: 'MIIC',
    });
    const off = { ...on, EncryptedResponses: 'false' };
    expect(providerDetailsAnswer('SAML', off, secrets, endpoints)).toEqual(off);
    expect(JSON.stringify(providerDetailsAnswer('SAML', on, secrets, endpoints))).not.toContain('PEM');
    // Given back in a request (as a Describe answer), it is dropped, never taken as a key.
    expect(checkProviderDetails('SAML', { ...on, ActiveEncryptionCertificate: 'x' }).details).toEqual(on);
  });

  it('refuses plain http off loopback, unknown keys and two metadata sources', () => {
    const oidc = {
      client_id: 'c',
      client_secret: 's',
      attributes_request_method: 'GET',
      authorize_scopes: 'openid',
    };
    for (const bad of [
      () => checkProviderDetails('OIDC', { ...oidc, oidc_issuer: 'http://example.com' }),
      () => checkProviderDetails('OIDC', { ...oidc, oidc_issuer: 'https://user:pw@example.com' }),
      () => checkProviderDetails('OIDC', { ...oidc, oidc_issuer: 'https://example.com', extra: 'x' }),
      () => checkProviderDetails('SAML', { MetadataFile: '<x/>', MetadataURL: 'https://example.com/m' }),
      () =>
        checkProviderDetails('Facebook', {
          client_id: 'c',
          client_secret: 's',
          authorize_scopes: 'e',
          api_version: '17',
        }),
    ]) {
      expect(refused(bad)).toBe('InvalidParameterException');
    }
    expect(
      checkProviderDetails('OIDC', { ...oidc, oidc_issuer: 'http://localhost:8080/idp' }).details.oidc_issuer,
    ).toBe('http://localhost:8080/idp');
  });
});

describe('attribute mapping', () => {
  const pool = {
    schema: [...STANDARD_SCHEMA, { Name: 'custom:tenant', AttributeDataType: 'String' }],
  } as unknown as PoolConfig;

  it('adds the username mapping social and OIDC providers get, but not SAML', () => {
    expect(checkAttributeMapping(pool, 'Facebook', { email: 'email' })).toEqual({
      email: 'email',
      username: 'id',
    });
    expect(checkAttributeMapping(pool, 'OIDC', { username: 'email' })).toEqual({ username: 'email' });
    expect(checkAttributeMapping(pool, 'SAML', { 'custom:tenant': 'org' })).toEqual({
      'custom:tenant': 'org',
    });
  });

  it('refuses sub and attributes the pool does not have', () => {
    expect(refused(() => checkAttributeMapping(pool, 'Google', { sub: 'sub' }))).toBe(
      'InvalidParameterException',
    );
    expect(refused(() => checkAttributeMapping(pool, 'Google', { 'custom:other': 'x' }))).toBe(
      'InvalidParameterException',
    );
  });
});
