import { applyDecorators, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';

/** Metadata key of the routes anyone may call; the authentication guard lets them through. */
export const PUBLIC_ROUTE = 'hypercare:public';

/** The OpenAPI extension marking an operation anyone may call, so the document and the probes know. */
export const PUBLIC_EXTENSION = 'x-hypercare-public';

/** Anyone may call it, signed in or not: health probes and metrics. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_EXTENSION, true));

/** Whether the route a request reached is `@Public()`: the one question every guard asks first. */
export const isPublicRoute = (reflector: Reflector, context: ExecutionContext): boolean =>
  reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) === true;
