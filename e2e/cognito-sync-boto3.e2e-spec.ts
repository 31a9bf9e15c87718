import { e2eSystem } from './support/e2e-context';
import { ensureBoto3, runPython } from './support/python-clients';
import { syncIdentities } from './support/sync-identities';

interface Boto3SyncRun {
  identityId: string;
  written: { key: string; value: string | null; syncCount: number; by: string | null }[];
  datasetSyncCount: number;
  stale: { code: string; status: number } | null;
  removed: { key: string; value: string | null; syncCount: number }[];
  datasets: string[];
  describedRecords: number;
  foreign: { code: string; status: number } | null;
  deleted: string;
  gone: { code: string; status: number } | null;
}

/**
 * boto3's `cognito-identity` and `cognito-sync` clients (e2e/python/cognito_sync_flow.py), pointed
 * at idfed with only `endpoint_url`: a guest's credentials list, write, conflict on a stale
 * SyncCount, remove, list and delete a dataset, and are refused another identity's data, with the
 * error codes and statuses botocore reads from Cognito Sync's REST-JSON errors.
 */
describe('Cognito Sync with boto3', () => {
  const system = e2eSystem();
  const ids = syncIdentities(system);

  beforeAll(() => ensureBoto3());

  it('runs a device round trip the way a Python app does', async () => {
    const pool = await ids.poolWithGuestRole('boto3-sync', ['cognito-sync:*']);
    const run = runPython<Boto3SyncRun>('cognito_sync_flow.py', {
      IDFED_ENDPOINT: system.endpoint,
      IDFED_IDENTITY_POOL_ID: pool.poolId,
    });
    expect(run.identityId).toMatch(/^us-east-1:/);
    expect(run.written).toEqual([
      { key: 'theme', value: 'dark', syncCount: 1, by: 'python-laptop' },
      { key: 'volume', value: '7', syncCount: 1, by: 'python-laptop' },
    ]);
    expect(run.datasetSyncCount).toBe(1);
    expect(run.stale).toEqual({ code: 'ResourceConflictException', status: 409 });
    expect(run.removed).toEqual([{ key: 'volume', value: null, syncCount: 2 }]);
    expect(run.datasets).toEqual(['settings']);
    expect(run.describedRecords).toBe(1);
    expect(run.foreign).toEqual({ code: 'NotAuthorizedException', status: 403 });
    expect(run.deleted).toBe('settings');
    expect(run.gone).toEqual({ code: 'ResourceNotFoundException', status: 404 });
  });
});
