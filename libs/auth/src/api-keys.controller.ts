import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOutcomes, JsonBody } from '@hypercare/service-kit';
import type { z } from 'zod';
import { Access, CurrentActor } from './access';
import { ApiKeyStore } from './api-key-store';
import { apiKeyList, apiKeyView, createdApiKey, newApiKeyBody } from './api-key.schemas';
import type { Actor } from './principal';

/** Platform admins manage the keys machines call with: monitoring sources, BAU consumers, scripts. */
@ApiTags('api-keys')
@Controller('api-keys')
@Access('platform.admin', { kind: 'platform' })
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyStore) {}

  @Post()
  @ApiOperation({ summary: 'Creates an API key; the answer carries the key, shown this once' })
  @ApiOutcomes({ status: 201, description: 'Created', schema: createdApiKey }, 400, 409)
  async create(
    @JsonBody(newApiKeyBody) body: z.infer<typeof newApiKeyBody>,
    @CurrentActor() actor: Actor,
  ): Promise<z.input<typeof createdApiKey>> {
    const { key, record, signingSecret } = await this.keys.create(body, actor);
    return { ...record, key, ...(signingSecret ? { signingSecret } : {}) };
  }

  @Get()
  @ApiOperation({ summary: 'Every API key, revoked and expired ones included; never a secret' })
  @ApiOutcomes({ status: 200, description: 'The keys', schema: apiKeyList })
  async list(): Promise<z.input<typeof apiKeyList>> {
    return { items: await this.keys.list() };
  }

  @Get(':keyId')
  @ApiOperation({ summary: 'One API key: grants, expiry, revocation, last use' })
  @ApiOutcomes({ status: 200, description: 'The key', schema: apiKeyView }, 404)
  get(@Param('keyId') keyId: string): Promise<z.input<typeof apiKeyView>> {
    return this.keys.get(keyId);
  }

  @Delete(':keyId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revokes an API key at once; revoking it again changes nothing' })
  @ApiOutcomes({ status: 200, description: 'Revoked', schema: apiKeyView }, 404)
  revoke(@Param('keyId') keyId: string, @CurrentActor() actor: Actor): Promise<z.input<typeof apiKeyView>> {
    return this.keys.revoke(keyId, actor);
  }
}
