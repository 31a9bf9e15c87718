import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BUS_CLIENT_PROXY, BusClientProxy } from '@idfed/messaging';
import { DatasetChangedFanOut } from '../events/dataset-changed.fan-out';
import { SocketRegistry } from '../sockets/socket-registry';
import { SyncSocketServer } from '../sockets/sync-socket.server';

/**
 * `GET /health/live`: the process serves HTTP. `GET /health/ready`: it can serve devices, its bus
 * connection is up and it receives device sync's events; with the number of open sockets.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(BUS_CLIENT_PROXY) private readonly proxy: BusClientProxy,
    @Inject(DatasetChangedFanOut) private readonly fanOut: DatasetChangedFanOut,
    @Inject(SocketRegistry) private readonly registry: SocketRegistry,
    @Inject(SyncSocketServer) private readonly sockets: SyncSocketServer,
  ) {}

  @Get('live')
  live(@Res() res: Response): void {
    res.status(200).setHeader('cache-control', 'no-store').json({ status: 'ok' });
  }

  @Get('ready')
  ready(@Res() res: Response): void {
    const probe = (this.proxy as Partial<{ isConnected(): boolean }>).isConnected;
    const bus = typeof probe === 'function' && !probe.call(this.proxy) ? 'down' : 'up';
    const events = this.fanOut.subscribed ? 'up' : 'down';
    const ok = bus === 'up' && events === 'up';
    res
      .status(ok ? 200 : 503)
      .setHeader('cache-control', 'no-store')
      .json({
        status: ok ? 'ok' : 'unavailable',
        bus,
        events,
        sockets: this.registry.size,
        dropped: this.sockets.drops,
      });
  }
}

/** Plain HTTP on the websocket path: say what to do instead. */
@Controller()
export class SyncPathController {
  @Get('sync')
  sync(@Res() res: Response): void {
    res
      .status(426)
      .setHeader('upgrade', 'websocket')
      .json({ message: 'GET /sync must be a websocket upgrade, with a SigV4-presigned URL.' });
  }
}
