import { randomBytes } from 'node:crypto';
import { isPrincipalTagKey, principalTagContext } from './principal-tags';
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

  it('counts session tags against the same budget: a few tags fit, 50 full-length random ones do not', () => {
    const few = packSessionPolicies([], [{ Key: 'Project', Value: 'Apollo' }]);
    expect(few.percent).toBeGreaterThan(0);
    expect(few.percent).toBeLessThan(5);
    const big = Array.from({ length: 50 }, (_, i) => ({
      Key: `k${i}-${randomBytes(60).toString('hex')}`.slice(0, 128),
      Value: randomBytes(128).toString('hex'),
    }));
    expect(packSessionPolicies([], big).percent).toBeGreaterThan(100);
  });

  it('adds the tags to the policies rather than replacing them', () => {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const tags = [{ Key: randomBytes(40).toString('hex'), Value: randomBytes(100).toString('hex') }];
    expect(packSessionPolicies([doc], tags).bytes).toBeGreaterThan(packSessionPolicies([doc]).bytes);
    expect(packSessionPolicies([doc], tags).bytes).toBeGreaterThan(packSessionPolicies([], tags).bytes);
  });
});

describe('principalTagContext', () => {
  it('gives the role tags, overridden by session tags of the same key whatever its case', () => {
    expect(
      principalTagContext(
        [
          { Key: 'Team', Value: 'ops' },
          { Key: 'Level', Value: '1' },
        ],
        [{ Key: 'team', Value: 'dev' }],
      ),
    ).toEqual({ 'aws:PrincipalTag/team': 'dev', 'aws:PrincipalTag/Level': '1' });
    expect(principalTagContext(undefined, undefined)).toEqual({});
    expect(isPrincipalTagKey('AWS:principalTAG/x')).toBe(true);
    expect(isPrincipalTagKey('aws:RequestTag/x')).toBe(false);
  });
});
