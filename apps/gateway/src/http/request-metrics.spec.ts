import type { Request, Response } from 'express';
import { metricsRegistry } from '@idfed/observability';
import { parsePrometheusText, sampleValue } from '../../../../libs/testing/src/prometheus-text';
import {
  ERROR_NAME_LOCAL,
  OPERATION_LABELS,
  OPERATION_LOCAL,
  operationLabelOf,
  recordRequest,
} from './request-metrics';

function exchange(
  method: string,
  path: string,
  locals: Record<string, unknown> = {},
  statusCode = 200,
): [Request, Response] {
  return [{ method, path } as Request, { locals, statusCode } as unknown as Response];
}

describe('the operation label of a request', () => {
  it('is the AWS operation a controller named, if the catalog has it', () => {
    expect(operationLabelOf(...exchange('POST', '/', { [OPERATION_LOCAL]: 'CreateUserPool' }))).toBe(
      'CreateUserPool',
    );
    expect(operationLabelOf(...exchange('POST', '/', { [OPERATION_LOCAL]: 'GetCallerIdentity' }))).toBe(
      'GetCallerIdentity',
    );
    expect(operationLabelOf(...exchange('POST', '/', { [OPERATION_LOCAL]: 'DeleteEverything' }))).toBe(
      'unknown',
    );
  });

  it('names the other routes without their ids, and anything else unknown', () => {
    expect(operationLabelOf(...exchange('GET', '/us-east-1_AbC123/.well-known/jwks.json'))).toBe(
      'well-known',
    );
    expect(operationLabelOf(...exchange('GET', '/health/ready'))).toBe('health');
    expect(operationLabelOf(...exchange('GET', '/metrics'))).toBe('metrics');
    expect(operationLabelOf(...exchange('POST', '/authorize'))).toBe('authorize');
    expect(operationLabelOf(...exchange('OPTIONS', '/'))).toBe('preflight');
    expect(operationLabelOf(...exchange('GET', '/identitypools/us-east-1:1234/identities'))).toBe('unknown');
    expect(operationLabelOf(...exchange('GET', '/wp-admin.php'))).toBe('unknown');
  });

  it('has a closed list of values, none of which looks like an id or a path', () => {
    expect(OPERATION_LABELS.size).toBeGreaterThan(100);
    for (const value of OPERATION_LABELS) expect(value).toMatch(/^[A-Za-z][A-Za-z-]*$/);
  });

  it('counts, times and names the error of a finished exchange', async () => {
    const read = async () => parsePrometheusText(await metricsRegistry.metrics());
    const before = await read();
    const [req, res] = exchange(
      'POST',
      '/',
      { [OPERATION_LOCAL]: 'InitiateAuth', [ERROR_NAME_LOCAL]: 'NotAuthorizedException' },
      400,
    );
    recordRequest(req, res, process.hrtime.bigint());
    const after = await read();
    const delta = (name: string, labels: Record<string, string>) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(delta('idfed_http_requests_total', { operation: 'InitiateAuth', code: '4xx' })).toBe(1);
    expect(delta('idfed_http_request_duration_seconds_count', { operation: 'InitiateAuth' })).toBe(1);
    expect(
      delta('idfed_http_request_errors_total', {
        operation: 'InitiateAuth',
        error: 'NotAuthorizedException',
      }),
    ).toBe(1);
  });
});
