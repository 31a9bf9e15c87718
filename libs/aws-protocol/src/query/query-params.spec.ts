import { AwsError } from '../aws.error';
import { parseQueryRequest } from './query-request.parser';
import { queryParamsToObject } from './query-params';

const params = (text: string) => parseQueryRequest(`Action=X&Version=2010-05-08&${text}`).params;

describe('queryParamsToObject', () => {
  it('keeps scalars and drops Action, Version and presigning parameters', () => {
    expect(queryParamsToObject(params('RoleName=web&X-Amz-Signature=abc&X-Amz-Date=x'))).toEqual({
      RoleName: 'web',
    });
  });

  it('turns member lists into arrays, in index order, without holes', () => {
    expect(
      queryParamsToObject(params('ClientIDList.member.2=b&ClientIDList.member.1=a&ClientIDList.member.4=d')),
    ).toEqual({ ClientIDList: ['a', 'b', 'd'] });
  });

  it('turns lists of structures into arrays of objects', () => {
    expect(
      queryParamsToObject(
        params(
          'Tags.member.1.Key=k1&Tags.member.1.Value=v1&Tags.member.2.Key=k2&Tags.member.2.Value=&PolicyArns.member.1.arn=a',
        ),
      ),
    ).toEqual({
      Tags: [
        { Key: 'k1', Value: 'v1' },
        { Key: 'k2', Value: '' },
      ],
      PolicyArns: [{ arn: 'a' }],
    });
  });

  it('reads an empty list for the members declared as lists', () => {
    expect(queryParamsToObject(params('ClientIDList=&Name='), { lists: new Set(['ClientIDList']) })).toEqual({
      ClientIDList: [],
      Name: '',
    });
  });

  it('converts declared integers, leaving anything else for validation', () => {
    expect(
      queryParamsToObject(params('DurationSeconds=900&MaxItems=ten'), {
        integers: ['DurationSeconds', 'MaxItems'],
      }),
    ).toEqual({
      DurationSeconds: 900,
      MaxItems: 'ten',
    });
  });

  it.each([
    'a.__proto__.polluted=1',
    'constructor.prototype.x=1',
    'List.member.0=x',
    'List.member.1001=x',
    'List.member.x=y',
    'A=1&A.B=2',
    'Bad%20Name=1',
  ])('refuses %p', (text) => {
    expect(() => queryParamsToObject(params(text))).toThrow(AwsError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('queryParamsToObject: deeply nested names', () => {
  const deep = (segments: number, step: string) => Array.from({ length: segments }, () => step).join('.');

  it.each([
    ['20,000 structure segments', deep(20_000, 'a')],
    ['10,000 nested lists', `Tags.${deep(5_000, 'member.1')}.Key`],
  ])('refuses %s as InvalidParameterValue instead of overflowing the stack', (_what, name) => {
    const parsed = params(`${name}=v`);
    expect(() => queryParamsToObject(parsed)).toThrow(
      expect.objectContaining({ errorName: 'InvalidParameterValue', status: 400 }),
    );
  });

  it('accepts names as deep as the IAM and STS shapes go', () => {
    expect(
      queryParamsToObject(params('ProvidedContexts.member.1.ProviderArn=p&Tags.member.1.Key=k')),
    ).toEqual({
      ProvidedContexts: [{ ProviderArn: 'p' }],
      Tags: [{ Key: 'k' }],
    });
  });
});
