import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { enableProcessMetrics, renderMetrics } from './metrics';

/** `GET /metrics` on a Nest HTTP app (the gateway's port, the device gateway's port). */
@Controller()
export class MetricsController {
  constructor() {
    enableProcessMetrics();
  }

  @Get('metrics')
  async metrics(@Res() res: Response): Promise<void> {
    const { contentType, body } = await renderMetrics();
    res.status(200).setHeader('content-type', contentType);
    res.setHeader('cache-control', 'no-store');
    res.end(body);
  }
}
