import { Controller, Inject, OnModuleInit, Optional, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AnyOperation, CommandEnvelope } from '@idfed/contracts';
import { secondsSince, serviceOperationDuration, SpanKind, withSpan } from '@idfed/observability';
import { AuditTrail } from '../audit/audit-trail';
import { assertCallerAllowed } from './caller-access';
import { ErrorContractMonitor } from './error-contract.monitor';
import { OperationBinding, OperationHandler } from './operation-handler';

/**
 * The one bus controller of a service, built from its registry: one `@MessagePattern` route per
 * operation, each checking the caller against the contract and handing the payload to the bound
 * handler. Built rather than written so an operation is declared once, in the registry; being a
 * real Nest controller, it keeps Nest's interceptors (rate limits) and exception filters.
 */
/**
 * A service's check that a request names no resource of another region than the one it is for
 * (ADR 0032): it throws the AWS error for a resource not found. Called only when the command says
 * its region (`meta.region`).
 */
export type RegionScope = (
  payload: Readonly<Record<string, unknown>>,
  region: string,
  operation: string,
) => void;

export function operationsController(
  bindings: readonly OperationBinding[],
  regionScope?: RegionScope,
): Type<unknown> {
  @Controller()
  class OperationsController implements OnModuleInit {
    private readonly handlers = new Map<string, OperationHandler<AnyOperation>>();

    constructor(
      @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
      @Inject(ErrorContractMonitor) private readonly errors: ErrorContractMonitor,
      @Optional() @Inject(AuditTrail) private readonly audit?: AuditTrail,
    ) {}

    onModuleInit(): void {
      for (const { contract, handler } of bindings) {
        this.handlers.set(contract.pattern, this.moduleRef.get(handler, { strict: false }));
      }
    }

    dispatch(contract: AnyOperation, envelope: CommandEnvelope<unknown>): Promise<unknown> {
      return withSpan(
        `${contract.service} ${contract.name}`,
        SpanKind.SERVER,
        { 'idfed.service': contract.service, 'idfed.operation': contract.name },
        () => this.run(contract, envelope),
      );
    }

    private async run(contract: AnyOperation, envelope: CommandEnvelope<unknown>): Promise<unknown> {
      const started = process.hrtime.bigint();
      const labels = { service: contract.service, operation: contract.name };
      try {
        assertCallerAllowed(contract, envelope?.meta?.caller);
        const region = envelope.meta?.region;
        const payload: unknown = envelope.payload;
        if (regionScope && region && typeof payload === 'object' && payload !== null) {
          regionScope(payload as Record<string, unknown>, region, contract.name);
        }
        const result: unknown = await this.handlers
          .get(contract.pattern)!
          .execute(envelope.payload, envelope.meta);
        serviceOperationDuration.observe({ ...labels, outcome: 'ok' }, secondsSince(started));
        await this.audit?.answered(contract, envelope, result);
        return result;
      } catch (err) {
        serviceOperationDuration.observe({ ...labels, outcome: 'error' }, secondsSince(started));
        this.errors.observe(contract, err);
        // The handler's transactions rolled back: the refusal's record is a row of its own.
        await this.audit?.refused(contract, envelope, err);
        throw err;
      }
    }
  }

  for (const { contract } of bindings) {
    const method = `handle${contract.name}`;
    const descriptor: PropertyDescriptor = {
      value(this: OperationsController, envelope: CommandEnvelope<unknown>) {
        return this.dispatch(contract, envelope);
      },
      writable: true,
      configurable: true,
    };
    Object.defineProperty(OperationsController.prototype, method, descriptor);
    // Nest reads the parameter's type to pick a pipe; the envelope is plain JSON.
    Reflect.defineMetadata('design:paramtypes', [Object], OperationsController.prototype, method);
    Payload()(OperationsController.prototype, method, 0);
    MessagePattern(contract.pattern)(OperationsController.prototype, method, descriptor);
    Object.defineProperty(OperationsController.prototype, method, descriptor);
  }
  return OperationsController;
}
