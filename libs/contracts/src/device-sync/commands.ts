import { internalOperation, OperationContract, restJsonApi } from '../operations';
import * as W from './wire-types';

const sync = restJsonApi('device-sync', 'cognito-sync');

const POOL = '/identitypools/{IdentityPoolId}';
const IDENTITY = `${POOL}/identities/{IdentityId}`;
const DATASET = `${IDENTITY}/datasets/{DatasetName}`;
const PAGE = { NextToken: 'nextToken', MaxResults: 'maxResults' } as const;

/**
 * Device sync's operations: Cognito Sync's data and usage API over REST-JSON, with botocore's
 * routes. `signed` ones take the admin key (any identity) or an identity's own temporary
 * credentials where its role allows `cognito-sync:<Operation>` (checked at the gateway, the
 * identity again here); the pool-wide usage operations, the pool's configuration and its Cognito
 * events (SetCognitoEvents, GetCognitoEvents: the pool's SyncTrigger) take the admin key only, as
 * AWS gives them to developer credentials, as do streams' bulk publishing (BulkPublish,
 * GetBulkPublishDetails).
 */
export const DeviceSyncOperations = {
  ListDatasets: sync.operation<W.ListDatasetsRequest, W.ListDatasetsResponse>()('ListDatasets', 'signed', {
    method: 'GET',
    path: `${IDENTITY}/datasets`,
    query: PAGE,
    rateLimit: 'CognitoSync',
  }),
  DescribeDataset: sync.operation<W.DatasetRequest, W.DatasetResponse>()('DescribeDataset', 'signed', {
    method: 'GET',
    path: DATASET,
    rateLimit: 'CognitoSync',
  }),
  DeleteDataset: sync.operation<W.DatasetRequest, W.DatasetResponse>()('DeleteDataset', 'signed', {
    method: 'DELETE',
    path: DATASET,
    rateLimit: 'CognitoSync',
  }),
  ListRecords: sync.operation<W.ListRecordsRequest, W.ListRecordsResponse>()('ListRecords', 'signed', {
    method: 'GET',
    path: `${DATASET}/records`,
    query: { LastSyncCount: 'lastSyncCount', ...PAGE, SyncSessionToken: 'syncSessionToken' },
    rateLimit: 'CognitoSync',
  }),
  UpdateRecords: sync.operation<W.UpdateRecordsRequest, W.UpdateRecordsResponse>()(
    'UpdateRecords',
    'signed',
    {
      method: 'POST',
      path: DATASET,
      headers: { ClientContext: 'x-amz-Client-Context' },
      rateLimit: 'CognitoSync',
    },
  ),
  DescribeIdentityUsage: sync.operation<W.IdentityRequest, W.DescribeIdentityUsageResponse>()(
    'DescribeIdentityUsage',
    'signed',
    { method: 'GET', path: IDENTITY, rateLimit: 'CognitoSync' },
  ),
  DescribeIdentityPoolUsage: sync.operation<
    W.DescribeIdentityPoolUsageRequest,
    W.DescribeIdentityPoolUsageResponse
  >()('DescribeIdentityPoolUsage', 'admin', { method: 'GET', path: POOL, rateLimit: 'CognitoSync' }),
  ListIdentityPoolUsage: sync.operation<W.ListIdentityPoolUsageRequest, W.ListIdentityPoolUsageResponse>()(
    'ListIdentityPoolUsage',
    'admin',
    { method: 'GET', path: '/identitypools', query: PAGE, rateLimit: 'CognitoSync' },
  ),
  SetIdentityPoolConfiguration: sync.operation<
    W.SetIdentityPoolConfigurationRequest,
    W.IdentityPoolConfiguration
  >()('SetIdentityPoolConfiguration', 'admin', {
    method: 'POST',
    path: `${POOL}/configuration`,
    rateLimit: 'CognitoSync',
  }),
  GetIdentityPoolConfiguration: sync.operation<
    W.IdentityPoolConfigurationRequest,
    W.IdentityPoolConfiguration
  >()('GetIdentityPoolConfiguration', 'admin', {
    method: 'GET',
    path: `${POOL}/configuration`,
    rateLimit: 'CognitoSync',
  }),
  RegisterDevice: sync.operation<W.RegisterDeviceRequest, W.RegisterDeviceResponse>()(
    'RegisterDevice',
    'signed',
    { method: 'POST', path: `${POOL}/identity/{IdentityId}/device`, rateLimit: 'CognitoSync' },
  ),
  SubscribeToDataset: sync.operation<W.DatasetSubscriptionRequest, W.DatasetSubscriptionResponse>()(
    'SubscribeToDataset',
    'signed',
    { method: 'POST', path: `${DATASET}/subscriptions/{DeviceId}`, rateLimit: 'CognitoSync' },
  ),
  UnsubscribeFromDataset: sync.operation<W.DatasetSubscriptionRequest, W.DatasetSubscriptionResponse>()(
    'UnsubscribeFromDataset',
    'signed',
    { method: 'DELETE', path: `${DATASET}/subscriptions/{DeviceId}`, rateLimit: 'CognitoSync' },
  ),
  SetCognitoEvents: sync.operation<W.SetCognitoEventsRequest, Record<string, never>>()(
    'SetCognitoEvents',
    'admin',
    { method: 'POST', path: `${POOL}/events`, rateLimit: 'CognitoSync' },
  ),
  GetCognitoEvents: sync.operation<W.GetCognitoEventsRequest, W.GetCognitoEventsResponse>()(
    'GetCognitoEvents',
    'admin',
    { method: 'GET', path: `${POOL}/events`, rateLimit: 'CognitoSync' },
  ),
  /**
   * The device gateway, for a socket opened with `deviceId`: the registered device's subscriptions
   * when it is the identity's; `registered: false` for any other id, another identity's included.
   */
  GetDeviceSubscriptions: internalOperation<W.DeviceSubscriptionsQuery, W.DeviceSubscriptionsResult>()(
    'device-sync',
    'GetDeviceSubscriptions',
  ),
  BulkPublish: sync.operation<W.BulkPublishRequest, W.BulkPublishResponse>()('BulkPublish', 'admin', {
    method: 'POST',
    path: `${POOL}/bulkpublish`,
    rateLimit: 'CognitoSync',
  }),
  GetBulkPublishDetails: sync.operation<W.BulkPublishRequest, W.GetBulkPublishDetailsResponse>()(
    'GetBulkPublishDetails',
    'admin',
    { method: 'POST', path: `${POOL}/getBulkPublishDetails`, rateLimit: 'CognitoSync' },
  ),
};

/**
 * The device gateway's websocket sign-in (`GET /sync`, presigned with an identity's temporary
 * credentials): no AWS operation and no route of the gateway, so it is in no catalog and nothing
 * dispatches it; a sign-in refused after its signature named a caller is audited by device sync
 * under this name, as the other gateways' refusals are by their operation's service (ADR 0090).
 */
export const DeviceSocketConnect: OperationContract<{ deviceId?: string }, never, 'NotAuthorizedException'> =
  {
    service: 'device-sync',
    pattern: 'device-sync.Connect',
    name: 'Connect',
    surface: {
      protocol: 'rest-json',
      api: 'cognito-sync',
      method: 'GET',
      path: '/sync',
      query: { deviceId: 'deviceId' },
      headers: {},
    },
    access: 'signed',
    errors: ['NotAuthorizedException'],
  };
