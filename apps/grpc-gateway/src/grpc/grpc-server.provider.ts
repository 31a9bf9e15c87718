import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { CallAuthenticator } from '../auth/call-authenticator';
import { AccountEventsFeed } from '../events/account-events.feed';
import { GRPC_GATEWAY_CLOCK, GRPC_GATEWAY_LOGGER } from '../grpc-gateway.options';
import { AccountEventsService } from '../services/account-events.service';
import { AdminService } from '../services/admin.service';
import { AuthorizerService } from '../services/authorizer.service';
import { TypedAdminService } from '../services/typed-admin.service';
import { TokensService } from '../services/tokens.service';
import { UserDirectoryService } from '../services/user-directory.service';
import { IdfedGrpcServer } from './grpc-server';
import { loadProtos } from './proto-files';

/**
 * The process's gRPC server with idfed's services added. It reports SERVING once the app has
 * bootstrapped (bus connected, account events flowing: markReady) and NOT_SERVING from the start of shutdown,
 * when it stops taking calls and lets those in flight finish.
 */
@Injectable()
export class GrpcServerHost implements BeforeApplicationShutdown {
  readonly server: IdfedGrpcServer;

  constructor(
    @Inject(CallAuthenticator) authenticator: CallAuthenticator,
    @Inject(TokensService) tokens: TokensService,
    @Inject(AuthorizerService) authorizer: AuthorizerService,
    @Inject(AccountEventsService) events: AccountEventsService,
    @Inject(UserDirectoryService) users: UserDirectoryService,
    @Inject(AdminService) admin: AdminService,
    @Inject(TypedAdminService) typedAdmin: TypedAdminService,
    @Inject(AccountEventsFeed) private readonly feed: AccountEventsFeed,
    @Inject(GRPC_GATEWAY_LOGGER) logger: Logger,
    @Inject(GRPC_GATEWAY_CLOCK) now: () => number,
  ) {
    this.server = new IdfedGrpcServer(loadProtos(), authenticator, logger, now);
    for (const service of [tokens, authorizer, events, users, admin]) this.server.add(service.binding());
    for (const binding of typedAdmin.bindings()) this.server.add(binding);
  }

  /** Called once the app has initialised: Nest runs the providers' bootstrap hooks concurrently. */
  markReady(): void {
    this.server.setServing(this.feed.subscribed);
  }

  /**
   * Before the other shutdown hooks: calls in flight still need the bus (a call id's claim in
   * credential vending, ADR 0050), which CallAuthenticator's hook closes. Run side by side, the
   * bus went first and in-flight calls waited out their deadlines.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.server.close();
  }
}
