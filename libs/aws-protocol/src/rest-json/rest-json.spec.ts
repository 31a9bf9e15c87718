import { AwsError } from '../aws.error';
import { COGNITO_SYNC_SHAPES } from '../validation/shapes/cognito-sync.shapes';
import { bindRestRequest } from './rest-request.binder';
import { restJsonErrorResponse } from './rest-json-response.encoder';
import { compileRoute, matchRoute } from './rest-route';

const DATASET = '/identitypools/{IdentityPoolId}/identities/{IdentityId}/datasets/{DatasetName}';
const routes = [
  compileRoute({ method: 'GET', path: DATASET }, 'DescribeDataset'),
  compileRoute({ method: 'POST', path: DATASET }, 'UpdateRecords'),
  compileRoute({ method: 'GET', path: `${DATASET}/records` }, 'ListRecords'),
  compileRoute({ method: 'GET', path: '/identitypools' }, 'ListIdentityPoolUsage'),
];

describe('REST-JSON routes', () => {
  it('binds percent-decoded labels, one whole segment each', () => {
    const match = matchRoute(
      routes,
      'GET',
      '/identitypools/us-east-1%3Aabc/identities/us-east-1%3Adef/datasets/a.b%3Ac',
    );
    expect(match).toEqual({
      kind: 'matched',
      value: 'DescribeDataset',
      labels: { IdentityPoolId: 'us-east-1:abc', IdentityId: 'us-east-1:def', DatasetName: 'a.b:c' },
    });
    expect(matchRoute(routes, 'GET', `/identitypools/p/identities/i/datasets/d/records`)).toMatchObject({
      value: 'ListRecords',
    });
    expect(matchRoute(routes, 'GET', '/identitypools')).toMatchObject({ value: 'ListIdentityPoolUsage' });
  });

  it('picks the route by method, and tells a wrong method from an unknown path', () => {
    expect(matchRoute(routes, 'POST', '/identitypools/p/identities/i/datasets/d')).toMatchObject({
      value: 'UpdateRecords',
    });
    expect(matchRoute(routes, 'DELETE', '/identitypools/p/identities/i/datasets/d').kind).toBe(
      'method-not-allowed',
    );
    expect(matchRoute(routes, 'GET', '/identitypools/p/identities/i/datasets').kind).toBe('not-found');
    expect(matchRoute(routes, 'GET', '/identitypools/p/identities/i/datasets/d/x').kind).toBe('not-found');
    // An encoded slash stays inside its label: it cannot move the request to another resource.
    expect(matchRoute(routes, 'GET', '/identitypools/p/identities/i%2Fdatasets/datasets/d')).toMatchObject({
      labels: { IdentityId: 'i/datasets' },
    });
    expect(matchRoute(routes, 'GET', '/identitypools//identities/i/datasets/d').kind).toBe('not-found');
    expect(matchRoute(routes, 'GET', '/identitypools/%E0%A4%A/identities/i/datasets/d').kind).toBe(
      'bad-encoding',
    );
  });
});

describe('bindRestRequest', () => {
  const parts = (over: Partial<Parameters<typeof bindRestRequest>[0]>) => ({
    method: 'GET',
    labels: { IdentityPoolId: 'p', IdentityId: 'i', DatasetName: 'd' },
    query: new URLSearchParams(),
    headers: {},
    body: Buffer.alloc(0),
    ...over,
  });

  it('reads query members as the numbers their shapes declare, and leaves bad text for the validator', () => {
    const locations = {
      query: { LastSyncCount: 'lastSyncCount', MaxResults: 'maxResults', NextToken: 'nextToken' },
      headers: {},
    };
    const input = bindRestRequest(
      parts({ query: new URLSearchParams('lastSyncCount=7&maxResults=x&nextToken=12') }),
      locations,
      COGNITO_SYNC_SHAPES,
      'ListRecords',
    );
    expect(input).toEqual({
      IdentityPoolId: 'p',
      IdentityId: 'i',
      DatasetName: 'd',
      LastSyncCount: 7,
      MaxResults: 'x',
      NextToken: '12',
    });
  });

  it('takes headers and the JSON body, and never lets the body override the path', () => {
    const input = bindRestRequest(
      parts({
        method: 'POST',
        headers: { 'x-amz-client-context': 'ctx' },
        body: Buffer.from(JSON.stringify({ IdentityId: 'other', SyncSessionToken: 't', DeviceId: 'dev' })),
      }),
      { query: {}, headers: { ClientContext: 'x-amz-Client-Context' } },
      COGNITO_SYNC_SHAPES,
      'UpdateRecords',
    );
    expect(input).toEqual({
      IdentityPoolId: 'p',
      IdentityId: 'i',
      DatasetName: 'd',
      ClientContext: 'ctx',
      SyncSessionToken: 't',
      DeviceId: 'dev',
    });
  });

  it('ignores a body on GET and refuses JSON that does not parse on POST', () => {
    const none = { query: {}, headers: {} };
    expect(
      bindRestRequest(parts({ body: Buffer.from('not json') }), none, COGNITO_SYNC_SHAPES, 'DescribeDataset'),
    ).toEqual({
      IdentityPoolId: 'p',
      IdentityId: 'i',
      DatasetName: 'd',
    });
    expect(() =>
      bindRestRequest(
        parts({ method: 'POST', body: Buffer.from('[') }),
        none,
        COGNITO_SYNC_SHAPES,
        'UpdateRecords',
      ),
    ).toThrow(expect.objectContaining({ errorName: 'SerializationException' }) as Error);
  });
});

describe('REST-JSON errors', () => {
  it("carries the name in x-amzn-ErrorType and the body, with the model's status", () => {
    const conflict = restJsonErrorResponse(new AwsError('ResourceConflictException', 'stale'), 'r1');
    expect(conflict.status).toBe(409);
    expect(conflict.headers['x-amzn-ErrorType']).toBe('ResourceConflictException:');
    expect(JSON.parse(conflict.body)).toEqual({ __type: 'ResourceConflictException', message: 'stale' });
    expect(restJsonErrorResponse(new AwsError('NotAuthorizedException', 'no'), 'r').status).toBe(403);
    expect(restJsonErrorResponse(new AwsError('LimitExceededException', 'no'), 'r').status).toBe(400);
  });
});
