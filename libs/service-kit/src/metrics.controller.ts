import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { telemetry } from './telemetry';
import { Public } from './public-route';

/** Prometheus scrape endpoint for every metric this process records through OpenTelemetry. */
@ApiExcludeController()
@Controller('metrics')
@Public()
export class MetricsController {
  @Get()
  scrape(@Req() request: Request, @Res() response: Response): void {
    telemetry().prometheus.getMetricsRequestHandler(request, response);
  }
}
