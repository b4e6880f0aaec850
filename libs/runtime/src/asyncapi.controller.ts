import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  asyncApiDocument,
  asyncApiPage,
  type ContractRegistry,
  TOPIC_PUBLISHERS,
} from '@hypercare/contracts';
import { ApiOutcomes, Public } from '@hypercare/service-kit';
import { z } from 'zod';

/** The contracts a service knows: every event of the platform. */
export const EVENT_CONTRACTS = Symbol('EVENT_CONTRACTS');

/**
 * The platform's AsyncAPI 3 document (every topic, every event, with schemas and examples),
 * as JSON for tools and as a page for people; public, like the OpenAPI document.
 */
@ApiTags('events')
@Controller()
@Public()
export class AsyncApiController {
  private readonly document;
  private readonly page: string;

  constructor(@Inject(EVENT_CONTRACTS) contracts: ContractRegistry) {
    this.document = asyncApiDocument(contracts, {
      title: 'Hypercare events',
      version: '1',
      description: 'Every event the platform publishes on Kafka (docs/bau-integration.md).',
      publishers: TOPIC_PUBLISHERS,
    });
    this.page = asyncApiPage(this.document);
  }

  @Get('asyncapi.json')
  @ApiOperation({ summary: 'The AsyncAPI 3 document of every published topic and event' })
  @ApiOutcomes({ status: 200, description: 'The document', schema: z.record(z.unknown()) })
  json() {
    return this.document;
  }

  @Get('asyncapi')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The AsyncAPI document as a page to read' })
  @ApiOutcomes({ status: 200, description: 'The page', schema: z.string() })
  html(): string {
    return this.page;
  }
}
