import { randomBytes } from 'node:crypto';
import { packSessionPolicies, PACKED_POLICY_LIMIT_BYTES } from './session-policy.packing';

describe('packSessionPolicies', () => {
  it('is zero without policies', () => {
    expect(packSessionPolicies([])).toEqual({ bytes: 0, percent: 0 });
  });

  it('reports a typical policy well under the budget', () => {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' },
      ],
    });
    const packed = packSessionPolicies([doc]);
    expect(packed.percent).toBeGreaterThan(0);
    expect(packed.percent).toBeLessThan(10);
  });

  it('goes over 100% for incompressible content past the budget', () => {
    const noise = randomBytes(PACKED_POLICY_LIMIT_BYTES).toString('base64');
    expect(packSessionPolicies([noise]).percent).toBeGreaterThan(100);
  });
});
