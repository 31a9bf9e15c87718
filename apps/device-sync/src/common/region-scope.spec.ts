import { ServiceError } from '@idfed/messaging';
import { outOfRegion, syncRegionScope } from './region-scope';

function refusal(run: () => void): unknown {
  try {
    run();
    return undefined;
  } catch (err) {
    return (err as ServiceError).getError();
  }
}

describe('syncRegionScope (ADR 0032)', () => {
  it("lets a request name its own region's pools and identities, and refuses another region's", () => {
    const eu = { IdentityPoolId: 'eu-west-1:p', IdentityId: 'eu-west-1:i' };
    expect(refusal(() => syncRegionScope(eu, 'eu-west-1', 'DescribeDataset'))).toBeUndefined();
    expect(refusal(() => syncRegionScope(eu, 'ap-southeast-2', 'DescribeDataset'))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Identity pool eu-west-1:p does not exist.',
    });
    expect(
      refusal(() =>
        syncRegionScope(
          { IdentityPoolId: 'eu-west-1:p', IdentityId: 'us-east-1:i' },
          'eu-west-1',
          'GetBulkPublishDetails',
        ),
      ),
    ).toEqual({ name: 'ResourceNotFoundException', message: 'Identity pool eu-west-1:p does not exist.' });
  });

  it('leaves ListDatasets and ListRecords, which AWS models with no ResourceNotFoundException, to answer no data', () => {
    const eu = { IdentityPoolId: 'eu-west-1:p', IdentityId: 'eu-west-1:i' };
    expect(refusal(() => syncRegionScope(eu, 'ap-southeast-2', 'ListDatasets'))).toBeUndefined();
    expect(refusal(() => syncRegionScope(eu, 'ap-southeast-2', 'ListRecords'))).toBeUndefined();
    const meta = { requestId: 'r', caller: { kind: 'anonymous' as const } };
    expect(outOfRegion({ ...meta, region: 'ap-southeast-2' }, 'eu-west-1:p', 'eu-west-1:i')).toBe(true);
    expect(outOfRegion({ ...meta, region: 'eu-west-1' }, 'eu-west-1:p', 'us-east-1:i')).toBe(true);
    expect(outOfRegion({ ...meta, region: 'eu-west-1' }, 'eu-west-1:p', 'eu-west-1:i')).toBe(false);
    expect(outOfRegion(meta, 'eu-west-1:p')).toBe(false);
  });
});
