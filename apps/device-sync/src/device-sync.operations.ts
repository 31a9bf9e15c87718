import { DeviceSyncOperations as O } from '@idfed/contracts';
import { OperationBinding, serve } from '@idfed/service-runtime';
import { GetCognitoEventsUseCase } from './cognito-events/get-cognito-events.use-case';
import { SetCognitoEventsUseCase } from './cognito-events/set-cognito-events.use-case';
import { DeleteDatasetUseCase } from './datasets/delete-dataset.use-case';
import { DescribeDatasetUseCase } from './datasets/describe-dataset.use-case';
import { ListDatasetsUseCase } from './datasets/list-datasets.use-case';
import { GetIdentityPoolConfigurationUseCase } from './pools/get-identity-pool-configuration.use-case';
import { SetIdentityPoolConfigurationUseCase } from './pools/set-identity-pool-configuration.use-case';
import { GetDeviceSubscriptionsUseCase } from './devices/get-device-subscriptions.use-case';
import { RegisterDeviceUseCase } from './devices/register-device.use-case';
import { SubscribeToDatasetUseCase } from './devices/subscribe-to-dataset.use-case';
import { UnsubscribeFromDatasetUseCase } from './devices/unsubscribe-from-dataset.use-case';
import { ListRecordsUseCase } from './records/list-records.use-case';
import { UpdateRecordsUseCase } from './records/update-records.use-case';
import { BulkPublishUseCase } from './streams/bulk-publish.use-case';
import { GetBulkPublishDetailsUseCase } from './streams/get-bulk-publish-details.use-case';
import { DescribeIdentityPoolUsageUseCase } from './usage/describe-identity-pool-usage.use-case';
import { DescribeIdentityUsageUseCase } from './usage/describe-identity-usage.use-case';
import { ListIdentityPoolUsageUseCase } from './usage/list-identity-pool-usage.use-case';

/** Device sync's registry: every Cognito Sync operation it serves, with the class that serves it. */
export const deviceSyncOperations: OperationBinding[] = [
  serve(O.ListDatasets, ListDatasetsUseCase),
  serve(O.DescribeDataset, DescribeDatasetUseCase),
  serve(O.DeleteDataset, DeleteDatasetUseCase),
  serve(O.ListRecords, ListRecordsUseCase),
  serve(O.UpdateRecords, UpdateRecordsUseCase),
  serve(O.DescribeIdentityUsage, DescribeIdentityUsageUseCase),
  serve(O.DescribeIdentityPoolUsage, DescribeIdentityPoolUsageUseCase),
  serve(O.ListIdentityPoolUsage, ListIdentityPoolUsageUseCase),
  serve(O.SetIdentityPoolConfiguration, SetIdentityPoolConfigurationUseCase),
  serve(O.GetIdentityPoolConfiguration, GetIdentityPoolConfigurationUseCase),
  serve(O.RegisterDevice, RegisterDeviceUseCase),
  serve(O.SubscribeToDataset, SubscribeToDatasetUseCase),
  serve(O.UnsubscribeFromDataset, UnsubscribeFromDatasetUseCase),
  serve(O.SetCognitoEvents, SetCognitoEventsUseCase),
  serve(O.GetCognitoEvents, GetCognitoEventsUseCase),
  serve(O.GetDeviceSubscriptions, GetDeviceSubscriptionsUseCase),
  serve(O.BulkPublish, BulkPublishUseCase),
  serve(O.GetBulkPublishDetails, GetBulkPublishDetailsUseCase),
];
