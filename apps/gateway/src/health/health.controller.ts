import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthChecker } from './health.checker';

/** GET /health: 200 when every service and its database answer, else 503 with what is down. */
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
}
