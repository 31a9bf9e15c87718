import { Inject, Injectable } from '@nestjs/common';
import { AwsError, validateOperationInput } from '@idfed/aws-protocol';
import {
  decidedPayload,
  GLOBAL_SERVICE_REGION,
  IamUserCaller,
  IamUserKeys,
  operationTarget,
  RefusedCallRecorder,
  requestContext,
  ResourceTags,
  taggingActionOf,
} from '@idfed/authorizer';
import { AnyOperation, OPERATION_CATALOG } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { CallContext, commandMetaOf } from '../grpc/call-context';
import { GrpcServiceBinding } from '../grpc/grpc-server';
import { GRPC_GATEWAY_OPTIONS, GrpcGatewayOptions } from '../grpc-gateway.options';

/** The APIs whose admin operations Admin.Invoke serves. */
const APIS = ['cognito-idp', 'cognito-identity', 'iam'] as const;
type AdminApi = (typeof APIS)[number];

const MAX_INPUT = 256 * 1024;

/**
 * `<api>/<operation>` -> the operation, for every operation of the catalog that the HTTP API serves
 * to the admin key on these APIs: one mapping from the registry, nothing written per operation.
 */
const ADMIN_OPERATIONS: ReadonlyMap<string, { api: AdminApi; operation: AnyOperation }> = new Map(
  OPERATION_CATALOG.flatMap((op) => {
    const s = op.surface;
    const api = s.protocol === 'json' || s.protocol === 'query' ? s.api : undefined;
    if (op.access !== 'admin' || !api || !(APIS as readonly string[]).includes(api)) return [];
    return [[`${api}/${op.name}`, { api: api as AdminApi, operation: op }] as const];
  }),
);

/** idfed.admin.v1.Admin: the admin operations of the HTTP API, their AWS JSON in and out. */
@Injectable()
export class AdminService {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(RefusedCallRecorder) private readonly refusals: RefusedCallRecorder,
    @Inject(IamUserKeys) private readonly userKeys: IamUserKeys,
    @Inject(GRPC_GATEWAY_OPTIONS) private readonly options: GrpcGatewayOptions,
    @Inject(ResourceTags) private readonly resourceTags: ResourceTags,
  ) {}

  binding(): GrpcServiceBinding {
    return {
      service: 'idfed.admin.v1.Admin',
      unary: {
        Invoke: (r: { api: string; operation: string; inputJson: string }, ctx: CallContext) =>
          this.invoke(r, ctx),
        ListOperations: () =>
          Promise.resolve({
            operations: [...ADMIN_OPERATIONS.values()].map((o) => ({ api: o.api, name: o.operation.name })),
          }),
      },
    };
  }

  private async invoke(
    r: { api: string; operation: string; inputJson: string },
    ctx: CallContext,
  ): Promise<object> {
    const found = ADMIN_OPERATIONS.get(`${r.api}/${r.operation}`);
    if (!found) {
      throw new AwsError(
        'UnknownOperationException',
        `Unknown operation ${r.api.slice(0, 32).replace(/[^\w.-]/g, '?')}/${r.operation.slice(0, 64).replace(/[^\w.-]/g, '?')}`,
      );
    }
    if (r.inputJson.length > MAX_INPUT) throw serialization(`input_json: at most ${MAX_INPUT} characters.`);
    let input: unknown;
    try {
      input = r.inputJson === '' ? {} : JSON.parse(r.inputJson);
    } catch {
      throw serialization('input_json is not JSON.');
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw serialization('input_json must be a JSON object.');
    const result = await this.dispatch(
      found.api,
      found.operation.name,
      input as Record<string, unknown>,
      ctx,
    );
    return { outputJson: JSON.stringify(result ?? {}) };
  }

  /**
   * One admin operation with its AWS JSON input, as Admin.Invoke and the typed services (ADR 0052)
   * both run it: validated as the HTTP gateway validates it, then, for an IAM user (ADR 0065),
   * decided by the user's policies on the operation's own action and resource, as the HTTP gateway
   * decides it; then sent on the bus with the call's caller. Errors are the operation's AWS errors.
   */
  async dispatch(
    api: string,
    operation: string,
    input: Record<string, unknown>,
    ctx: CallContext,
  ): Promise<unknown> {
    const found = ADMIN_OPERATIONS.get(`${api}/${operation}`);
    if (!found) throw new AwsError('UnknownOperationException', `Unknown operation ${api}/${operation}`);
    let payload: unknown;
    try {
      payload = validateOperationInput(found.api, found.operation.name, input);
      if (ctx.principal.type === 'IAMUser')
        await this.decide(ctx.principal.user, found.api, operation, payload, ctx);
    } catch (err) {
      // Refused here, before the service: the operation's service keeps its audit record (ADR 0075).
      this.refusals.record(found.operation, payload, commandMetaOf(ctx), err);
      throw err;
    }
    const result: unknown = await this.bus.request(found.operation, payload, commandMetaOf(ctx));
    this.forgetTags(found.api, operation, payload, ctx);
    return result;
  }

  /** After a resource's tags (or an IAM entity's boundary) changed through this replica: seen at once (ADR 0066, 0090). */
  private forgetTags(api: AdminApi, operation: string, payload: unknown, ctx: CallContext): void {
    const retag =
      api === 'iam'
        ? /^(Tag|Untag|Put\w+PermissionsBoundary$|Delete\w+PermissionsBoundary$)/.test(operation)
        : operation === 'TagResource' || operation === 'UntagResource';
    if (!retag) return;
    const region = api === 'iam' ? '' : (ctx.region ?? this.options.env.region);
    this.resourceTags.forget(
      operationTarget(api, operation, payload, region, this.options.env.accountId).resource,
    );
  }

  private async decide(
    user: IamUserCaller,
    api: AdminApi,
    operation: string,
    payload: unknown,
    ctx: CallContext,
  ): Promise<void> {
    if (user.root && user.session?.kind !== 'federation') return;
    // As on AWS (and the HTTP gateway): IAM takes no temporary credentials of a long-term key
    // but GetSessionToken's made with MFA (ADR 0072).
    const mfaSession =
      user.session?.kind === 'session-token' && user.session.mfaAuthenticatedAt !== undefined;
    if (api === 'iam' && user.session && !mfaSession) {
      throw new AwsError(
        'AccessDeniedException',
        `User: ${user.arn} is not authorized to perform: iam:${operation} because IAM cannot be called with temporary credentials of a long-term key without MFA`,
      );
    }
    const region = ctx.region ?? this.options.env.region;
    const decided = api === 'iam' && !user.root ? decidedPayload(operation, payload, user.userName) : payload;
    const named = operationTarget(api, operation, decided, region, user.accountId);
    // The resource's tags as aws:ResourceTag (a user pool's, an identity pool's, an IAM user's or
    // role's, a policy's or provider's; ADR 0066), and an IAM user's or role's ARN as stored (its
    // path), as the HTTP gateway decides; the root needs no decision.
    const resolved = user.root
      ? { resource: named.resource, context: {} }
      : await this.resourceTags.resolve(named.action, named.resource, user.accessKeyId);
    const target = { ...named, resource: resolved.resource };
    const resourceTags = resolved.context;
    const context = {
      ...target.context,
      ...resourceTags,
      // IAM is global: its requests are in us-east-1 (aws:RequestedRegion), whatever the call's scope.
      ...requestContext({ region: api === 'iam' ? GLOBAL_SERVICE_REGION : region }),
    };
    this.userKeys.authorize(user, target.action, target.resource, 'json', context);
    // Creating with tags is also tagging (iam:TagUser for CreateUser with Tags...), as over HTTP.
    const tagging = api === 'iam' ? taggingActionOf(operation, payload) : undefined;
    if (tagging) this.userKeys.authorize(user, tagging, target.resource, 'json', context);
  }
}

function serialization(message: string): AwsError {
  return new AwsError('SerializationException', message);
}
