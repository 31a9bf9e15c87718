import { deliveryDetails, recoveryChannel } from './verification-codes';

describe('password recovery channel', () => {
  it('prefers a verified email, then a verified phone, and never an unverified one', () => {
    const email = { email: 'ann@example.com', email_verified: 'true' };
    const phone = { phone_number: '+15555550100', phone_number_verified: 'true' };
    expect(recoveryChannel({ ...email, ...phone })?.medium).toBe('EMAIL');
    expect(recoveryChannel({ ...phone, email: 'ann@example.com', email_verified: 'false' })?.medium).toBe(
      'SMS',
    );
    expect(recoveryChannel({ email: 'ann@example.com', phone_number: '+15555550100' })).toBeUndefined();
  });

  it('reports the destination masked, as Cognito does', () => {
    expect(deliveryDetails({ medium: 'EMAIL', attribute: 'email', destination: 'ann@example.com' })).toEqual({
      Destination: 'a***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    expect(
      deliveryDetails({ medium: 'SMS', attribute: 'phone_number', destination: '+15555550100' }).Destination,
    ).toBe('+*******0100');
  });
});
