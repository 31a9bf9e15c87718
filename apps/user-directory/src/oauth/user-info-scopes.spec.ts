import { userInfoAttributes } from './user-info-scopes';

describe('userInfoAttributes: /oauth2/userInfo narrowed by the token scopes', () => {
  const readable = {
    email: 'ann@example.com',
    email_verified: 'true',
    phone_number: '+15555550100',
    phone_number_verified: 'false',
    given_name: 'Ann',
    family_name: 'Lee',
    updated_at: '1700000000',
    address: '1 Main St',
    'custom:tier': 'gold',
  };

  it('answers every readable attribute for openid alone, or with scopes that name no attributes', () => {
    expect(userInfoAttributes(readable, ['openid'])).toEqual(readable);
    expect(userInfoAttributes(readable, ['openid', 'aws.cognito.signin.user.admin', 'api/read'])).toEqual(
      readable,
    );
  });

  it('answers email and email_verified only for openid email', () => {
    expect(userInfoAttributes(readable, ['openid', 'email'])).toEqual({
      email: 'ann@example.com',
      email_verified: 'true',
    });
  });

  it('answers phone_number and phone_number_verified only for openid phone', () => {
    expect(userInfoAttributes(readable, ['phone', 'openid'])).toEqual({
      phone_number: '+15555550100',
      phone_number_verified: 'false',
    });
  });

  it('answers the profile claims and custom attributes for openid profile, not email, phone or address', () => {
    expect(userInfoAttributes(readable, ['openid', 'profile'])).toEqual({
      given_name: 'Ann',
      family_name: 'Lee',
      updated_at: '1700000000',
      'custom:tier': 'gold',
    });
  });

  it('answers the union of the named sets, and never an attribute the client cannot read', () => {
    const { given_name: _given, ...unreadableName } = readable;
    expect(userInfoAttributes(unreadableName, ['openid', 'profile', 'email'])).toEqual({
      email: 'ann@example.com',
      email_verified: 'true',
      family_name: 'Lee',
      updated_at: '1700000000',
      'custom:tier': 'gold',
    });
  });
});
