import { Inject, Injectable } from '@nestjs/common';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { AccountEvent, AccountEventsFeed, AccountEventType } from '../events/account-events.feed';
import { CallContext } from '../grpc/call-context';
import { GrpcServiceBinding } from '../grpc/grpc-server';

interface SubscribeRequest {
  types: (AccountEventType | 'ACCOUNT_EVENT_TYPE_UNSPECIFIED')[];
  userPoolIds: string[];
  identityPoolIds: string[];
}

/** Events a stream may have unsent before it is cut: a client that does not read is not buffered for. */
const MAX_BUFFERED = 1000;

/** idfed.events.v1.AccountEvents: the account events this replica hears, while the stream is open. */
@Injectable()
export class AccountEventsService {
  constructor(@Inject(AccountEventsFeed) private readonly feed: AccountEventsFeed) {}

  binding(): GrpcServiceBinding {
    return {
      service: 'idfed.events.v1.AccountEvents',
      streams: {
        Subscribe: (
          request: SubscribeRequest,
          _ctx: CallContext,
          call: ServerWritableStream<unknown, unknown>,
        ) => {
          const types = new Set(request.types.filter((t) => t !== 'ACCOUNT_EVENT_TYPE_UNSPECIFIED'));
          const userPools = new Set(request.userPoolIds);
          const identityPools = new Set(request.identityPoolIds);
          const wanted = (e: AccountEvent): boolean =>
            (types.size === 0 || types.has(e.type)) &&
            (userPools.size === 0 || userPools.has(e.userPoolId)) &&
            (identityPools.size === 0 || identityPools.has(e.identityPoolId));
          const stop = this.feed.listen((event) => {
            if (!wanted(event)) return;
            if (call.writableLength >= MAX_BUFFERED) {
              stop();
              call.destroy(new Error('the client does not read its events'));
              return;
            }
            call.write(event);
          });
          // The stream lasts until the client cancels (or its deadline passes) or the server stops.
          call.on('cancelled', stop);
          call.on('close', stop);
          call.on('error', stop);
        },
      },
    };
  }
}
