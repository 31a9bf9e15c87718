import { Inject, Injectable, Optional } from '@nestjs/common';
import { lastValueFrom, timeout, TimeoutError } from 'rxjs';
import { CommandContract, CommandMeta, ServiceErrorShape } from '@idfed/contracts';
import { busCommandDuration, secondsSince, SpanKind, withSpan } from '@idfed/observability';
import { BusClientProxy } from './transport.factory';

/** A failure reported by a service (or by the bus) with the AWS error name the client should see. */
export class CommandFailedError extends Error {
  constructor(readonly error: ServiceErrorShape) {
    super(error.message);
    this.name = error.name;
  }
}

/** The bus client (ClientProxy) an app sends its commands with, provided by the app's module. */
export const BUS_CLIENT_PROXY = Symbol('BUS_CLIENT_PROXY');
/** How long a request waits for its reply (IDFED_REQUEST_TIMEOUT_MS); 10 s when not provided. */
export const BUS_REQUEST_TIMEOUT_MS = Symbol('BUS_REQUEST_TIMEOUT_MS');

/** Typed request/reply over whichever bus the process runs on. */
@Injectable()
export class BusClient {
  constructor(
    @Inject(BUS_CLIENT_PROXY) private readonly proxy: BusClientProxy,
    @Optional() @Inject(BUS_REQUEST_TIMEOUT_MS) private readonly timeoutMs = 10_000,
  ) {}

  request<Req, Res>(command: CommandContract<Req, Res>, payload: Req, meta: CommandMeta): Promise<Res> {
    return withSpan(
      `${command.service} ${command.pattern.slice(command.service.length + 1)}`,
      SpanKind.CLIENT,
      { 'idfed.service': command.service, 'idfed.request_id': meta.requestId },
      () => this.send(command, payload, meta),
    );
  }

  private async send<Req, Res>(
    command: CommandContract<Req, Res>,
    payload: Req,
    meta: CommandMeta,
  ): Promise<Res> {
    // A caller's own deadline shortens the wait (the transports also stamp it on the command).
    const waitMs =
      meta.deadline === undefined ? this.timeoutMs : Math.min(this.timeoutMs, meta.deadline - Date.now());
    const started = process.hrtime.bigint();
    const observe = (outcome: 'ok' | 'error' | 'timeout') =>
      busCommandDuration.observe({ service: command.service, outcome }, secondsSince(started));
    try {
      if (waitMs <= 0) throw new TimeoutError();
      const response = await lastValueFrom(
        this.proxy.send<Res>(command.pattern, { meta, payload }).pipe(timeout(waitMs)),
      );
      observe('ok');
      return response;
    } catch (err) {
      observe(err instanceof TimeoutError ? 'timeout' : 'error');
      if (err instanceof TimeoutError) {
        throw new CommandFailedError({
          name: 'ServiceUnavailable',
          message: `${command.service} did not answer in time`,
        });
      }
      const shape = err as Partial<ServiceErrorShape>;
      throw new CommandFailedError(
        typeof shape?.name === 'string' && typeof shape.message === 'string'
          ? { name: shape.name, message: shape.message }
          : { name: 'InternalErrorException', message: 'Internal server error' },
      );
    }
  }

  connect(): Promise<void> {
    return this.proxy.connect() as Promise<void>;
  }

  async close(): Promise<void> {
    await this.proxy.close();
  }
}
