import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CreateUserPoolCommand, DeleteUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { UserDirectoryTopics } from '@idfed/contracts';
import { eventually } from '../../libs/testing/src/eventually';
import type { ReceivedSpan } from '../../libs/testing/src/otlp-receiver';
import { cognitoAdmin, e2eSystem } from '../support/e2e-context';

/** OTLP's span kinds, as numbers in the JSON encoding. */
const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

/**
 * The distributed suite runs with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a receiver on loopback
 * (libs/testing/src/otlp-receiver.ts) that decodes every export. One AWS SDK call must come out as
 * one trace, across processes: the gateway's span, its command's span, the user directory's span
 * continued from the Kafka message's headers, its SQL, and the federation broker's handling of
 * the event the call wrote (through the outbox and Kafka).
 */
describe('traces across the gateway, Kafka and the services (distributed)', () => {
  const system = e2eSystem();

  function spans(): ReceivedSpan[] {
    try {
      return readFileSync(system.traces!, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ReceivedSpan);
    } catch {
      return [];
    }
  }

  it('gives one SDK call one trace id from the gateway to the services and their SQL', async () => {
    expect(system.traces).toBeDefined();
    const admin = cognitoAdmin(system);
    const created = await admin.send(new CreateUserPoolCommand({ PoolName: `traced-${randomUUID()}` }));
    const requestId = created.$metadata.requestId!;
    expect(requestId).toBeDefined();

    const gateway = await eventually(
      () => {
        const found = spans().find(
          (s) =>
            s.service === 'gateway' && s.kind === SERVER && s.attributes['idfed.request_id'] === requestId,
        );
        if (!found) throw new Error(`no gateway span for request ${requestId} yet`);
        return found;
      },
      { timeoutMs: 20_000 },
    );
    expect(gateway.name).toBe('POST CreateUserPool');
    expect(gateway.parentSpanId).toBeUndefined();

    const trace = await eventually(
      () => {
        const all = spans().filter((s) => s.traceId === gateway.traceId);
        const command = all.find((s) => s.service === 'gateway' && s.kind === CLIENT);
        const handler = all.find((s) => s.service === 'user-directory' && s.kind === SERVER);
        const sql = all.filter((s) => s.service === 'user-directory' && s.name === 'SQL user_directory');
        const event = all.find(
          (s) =>
            s.service === 'federation-broker' &&
            s.kind === CONSUMER &&
            s.attributes['messaging.destination.name'] === UserDirectoryTopics.signingKeyActivated,
        );
        if (!command || !handler || sql.length === 0 || !event)
          throw new Error(
            `trace ${gateway.traceId} incomplete: ${all.map((s) => `${s.service}/${s.name}`).join(', ')}`,
          );
        return { all, command, handler, sql, event };
      },
      { timeoutMs: 20_000 },
    );
    // Parent links: gateway exchange -> command -> (Kafka headers) -> user directory's handler -> SQL.
    expect(trace.command.name).toBe('user-directory CreateUserPool');
    expect(trace.command.parentSpanId).toBe(gateway.spanId);
    expect(trace.handler.name).toBe('user-directory CreateUserPool');
    expect(trace.handler.parentSpanId).toBe(trace.command.spanId);
    const handlerDescendants = new Set([trace.handler.spanId]);
    for (const s of trace.all)
      if (s.parentSpanId && handlerDescendants.has(s.parentSpanId)) handlerDescendants.add(s.spanId);
    expect(trace.sql.some((s) => handlerDescendants.has(s.parentSpanId!))).toBe(true);
    // Every span of the trace hangs off another of the same trace: nothing started a trace of its own.
    const ids = new Set(trace.all.map((s) => s.spanId));
    for (const s of trace.all)
      if (s.spanId !== gateway.spanId)
        expect({ span: s.name, parentFound: ids.has(s.parentSpanId!) }).toEqual({
          span: s.name,
          parentFound: true,
        });
    // No statement text, no parameters in the SQL spans.
    for (const s of trace.sql)
      expect(Object.keys(s.attributes).sort()).toEqual(['db.namespace', 'db.system.name']);

    // The access log line ties the request id to the trace id.
    const line = readFileSync(join(system.workDir, 'gateway.log'), 'utf8')
      .split('\n')
      .filter((l) => l.includes(requestId) && l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l) as { requestId: string; traceId?: string });
    expect(line).toEqual([expect.objectContaining({ requestId, traceId: gateway.traceId })]);

    await admin.send(new DeleteUserPoolCommand({ UserPoolId: created.UserPool!.Id! }));
    admin.destroy();
  });
});
