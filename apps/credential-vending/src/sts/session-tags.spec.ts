import { evaluate, parsePolicy } from '@idfed/policy';
import { ServiceError } from '@idfed/messaging';
import {
  inheritedTransitiveTags,
  planSessionTags,
  refuseDuplicateTagKeys,
  requestTagContext,
  validateTransitiveTagKeys,
  webIdentityTags,
} from './session-tags';

function errorOf(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof ServiceError) return { name: err.errorName, message: err.message };
    throw err;
  }
  throw new Error('expected an error');
}

describe('session tags in STS requests', () => {
  it('refuses keys that differ only in case, with the wording STS uses', () => {
    expect(
      errorOf(() =>
        refuseDuplicateTagKeys([
          { Key: 'Project', Value: 'a' },
          { Key: 'project', Value: 'b' },
        ]),
      ),
    ).toEqual({
      name: 'InvalidParameterValue',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    expect(() => refuseDuplicateTagKeys([{ Key: 'a' }, { Key: 'b' }])).not.toThrow();
  });

  it('requires each transitive key to be one of the tags, and bounds the list like a tag list', () => {
    const tags = [{ Key: 'Project', Value: 'a' }];
    expect(() => validateTransitiveTagKeys({ Tags: tags, TransitiveTagKeys: ['project'] })).not.toThrow();
    expect(errorOf(() => validateTransitiveTagKeys({ Tags: tags, TransitiveTagKeys: ['Team'] })).name).toBe(
      'InvalidParameterValue',
    );
    const many = Array.from({ length: 51 }, (_, i) => `k${i}`);
    expect(errorOf(() => validateTransitiveTagKeys({ TransitiveTagKeys: many })).message).toMatch(
      /less than or equal to 50/,
    );
    expect(errorOf(() => validateTransitiveTagKeys({ TransitiveTagKeys: ['bad*key'] })).name).toBe(
      'ValidationError',
    );
  });

  it('inherits only the transitive tags of the calling session', () => {
    const caller = {
      roleArn: 'r',
      roleId: 'i',
      sessionName: 's',
      issuedAt: '',
      expiresAt: '',
      sessionTags: [
        { Key: 'Project', Value: 'apollo' },
        { Key: 'Team', Value: 'ops' },
      ],
      transitiveTagKeys: ['project'],
    };
    expect(inheritedTransitiveTags(caller)).toEqual([{ Key: 'Project', Value: 'apollo' }]);
    expect(inheritedTransitiveTags(undefined)).toEqual([]);
  });

  it('keeps inherited transitive tags and refuses a chained request that overrides one', () => {
    const inherited = [{ Key: 'Project', Value: 'apollo' }];
    expect(
      planSessionTags({ Tags: [{ Key: 'Team', Value: 'dev' }], TransitiveTagKeys: [] }, inherited),
    ).toEqual({
      tags: [
        { Key: 'Project', Value: 'apollo' },
        { Key: 'Team', Value: 'dev' },
      ],
      transitiveTagKeys: ['Project'],
    });
    const clash = errorOf(() => planSessionTags({ Tags: [{ Key: 'PROJECT', Value: 'gemini' }] }, inherited));
    expect(clash.name).toBe('InvalidParameterValue');
    const full = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(errorOf(() => planSessionTags({ Tags: full }, inherited)).name).toBe('ValidationError');
  });

  it('gives the trust policy aws:RequestTag, aws:TagKeys and sts:TransitiveTagKeys for sts:TagSession', () => {
    const trust = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'sts:TagSession',
            Condition: {
              StringLike: { 'aws:RequestTag/Project': 'ap*' },
              'ForAllValues:StringEquals': {
                'aws:TagKeys': ['Project', 'Team'],
                'sts:TransitiveTagKeys': ['Project'],
              },
            },
          },
        ],
      },
      { kind: 'trust' },
    );
    const tagSession = (tags: { Key: string; Value: string }[], transitive: string[] = []) =>
      evaluate(
        {
          action: 'sts:TagSession',
          resource: 'arn:aws:iam::000000000000:role/r',
          principal: { type: 'AWS', id: 'arn:aws:iam::000000000000:root' },
          context: requestTagContext({ tags, transitiveTagKeys: transitive }),
        },
        { resource: [trust] },
      ).decision;
    expect(tagSession([{ Key: 'Project', Value: 'apollo' }], ['Project'])).toBe('Allow');
    expect(tagSession([{ Key: 'Project', Value: 'gemini' }])).toBe('ImplicitDeny');
    expect(
      tagSession([
        { Key: 'Project', Value: 'apollo' },
        { Key: 'Cost', Value: '1' },
      ]),
    ).toBe('ImplicitDeny');
    expect(tagSession([{ Key: 'Project', Value: 'apollo' }], ['Team'])).toBe('ImplicitDeny');
    expect(requestTagContext({ tags: [], transitiveTagKeys: [] })).toEqual({});
  });

  it("reads a web identity token's https://aws.amazon.com/tags claim as AWS documents it", () => {
    const claim = (value: unknown) => ({ sub: 'u', 'https://aws.amazon.com/tags': value });
    expect(webIdentityTags({ sub: 'u' })).toEqual({ Tags: [], TransitiveTagKeys: [] });
    expect(
      webIdentityTags(
        claim({
          principal_tags: { Project: ['apollo'], CostCenter: ['42'] },
          transitive_tag_keys: ['Project'],
        }),
      ),
    ).toEqual({
      Tags: [
        { Key: 'Project', Value: 'apollo' },
        { Key: 'CostCenter', Value: '42' },
      ],
      TransitiveTagKeys: ['Project'],
    });
    for (const bad of [
      'Project=apollo',
      { principal_tags: { Project: ['a', 'b'] } },
      { principal_tags: { Project: 1 } },
      { principal_tags: { Project: ['a'], project: ['b'] } },
      { principal_tags: { 'bad*key': ['a'] } },
      { principal_tags: { Project: ['a'] }, transitive_tag_keys: ['Team'] },
      { principal_tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, ['v']])) },
    ]) {
      expect(errorOf(() => webIdentityTags(claim(bad))).name).toBe('InvalidIdentityToken');
    }
  });
});
