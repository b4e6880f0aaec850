import type { OpenAPIObject } from '@nestjs/swagger';
import { SECURITY_SCHEMES } from '@hypercare/service-kit';

/**
 * The five services' OpenAPI documents (and the platform's own) as one, each one's paths under
 * its mount point, its tags and operation ids prefixed with its name so nothing collides.
 */
export const combinedOpenApi = (
  documents: Array<{ service: string; mount: string; document: OpenAPIObject }>,
): OpenAPIObject => {
  const paths: OpenAPIObject['paths'] = {};
  for (const { service, mount, document } of documents) {
    for (const [path, item] of Object.entries(document.paths)) {
      const operations = Object.fromEntries(
        Object.entries(item).map(([method, operation]) => {
          const op = operation as { operationId?: string; tags?: string[] };
          return [
            method,
            {
              ...op,
              operationId: `${service}_${op.operationId ?? method}`,
              tags: (op.tags?.length ? op.tags : ['general']).map((tag) => `${service}: ${tag}`),
            },
          ];
        }),
      );
      paths[`${mount}${path}`] = operations;
    }
  }
  return {
    openapi: '3.0.0',
    info: {
      title: 'Hypercare platform API (all-in-one)',
      version: '1',
      description:
        "Every service under one base URL: /intake, /triage, /monitoring, /feedback, /reporting; the platform's health at the root.",
    },
    paths,
    components: { securitySchemes: SECURITY_SCHEMES },
  };
};
