import { errorStatus } from '@idfed/aws-protocol';
import { OPERATION_CATALOG } from '@idfed/contracts';

/** The faults that are the service's own; every other name an operation declares is the client's. */
const SERVER_FAULTS = [
  'InternalErrorException',
  'InternalServerException',
  'InternalFailure',
  'ServiceFailure',
  'ServiceUnavailable',
  // IAM's policy simulator: a policy that could not be evaluated is the service's fault (botocore: 500).
  'PolicyEvaluation',
];

describe('HTTP statuses of the declared errors', () => {
  it('gives every client fault any operation declares a 4xx, never the 500 of an unknown name', () => {
    const declared = [...new Set(OPERATION_CATALOG.flatMap((op) => op.errors))];
    const wrong = declared.filter((name) => errorStatus(name) >= 500 !== SERVER_FAULTS.includes(name));
    expect(wrong).toEqual([]);
    expect(declared.length).toBeGreaterThan(60);
  });
});
