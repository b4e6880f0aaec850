import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { static as serveStatic } from 'express';

/** Where `npm run build:console` (and `npm start` before it starts) puts the web console. */
export const BUILT_CONSOLE = resolve(__dirname, '../../../dist/services/console');

/**
 * Serves the web console's files at the root: `index.html` at `/` (never cached: it names the
 * current build's files) and the build's hashed assets (cached for good). Any other path falls
 * through to the platform's routes. Answers whether there was a console to serve.
 */
export const serveConsole = (gateway: INestApplication, directory: string): boolean => {
  if (!existsSync(join(directory, 'index.html'))) return false;
  gateway.use(
    serveStatic(directory, {
      index: 'index.html',
      fallthrough: true,
      setHeaders: (response, path) =>
        response.setHeader(
          'cache-control',
          path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        ),
    }),
  );
  return true;
};
