import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthChecker } from './health.checker';

/**
 * Three probes, for three questions:
 * - `GET /health/live`: is this process working? Always 200 while it serves HTTP (a liveness probe
 *   restarts it otherwise). It asks nothing else, so a broken dependency never restarts gateways.
 * - `GET /health/ready`: can this gateway serve? 200 when its bus connection is up, 503 when not.
 *   The services' status is reported beside it but does not decide: one stopped service must not
 *   take every gateway out of a load balancer's rotation, when the other services still answer.
 * - `GET /health`: is the whole system up? 200 only when every service answers with its database
 *   up, else 503 with what is down (the deep check, for operators and start-up waits).
 */
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthChecker) private readonly checker: HealthChecker) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const { healthy, services } = await this.checker.check();
    res
      .status(healthy ? 200 : 503)
      .setHeader('cache-control', 'no-store')
      .json({ status: healthy ? 'ok' : 'unavailable', services });
  }

  @Get('live')
  live(@Res() res: Response): void {
    res.status(200).setHeader('cache-control', 'no-store').json({ status: 'ok' });
  }

  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const bus = this.checker.busConnected() ? 'up' : 'down';
    const { services } = await this.checker.check();
    res
      .status(bus === 'up' ? 200 : 503)
      .setHeader('cache-control', 'no-store')
      .json({ status: bus === 'up' ? 'ok' : 'unavailable', bus, services });
  }
}
