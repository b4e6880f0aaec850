import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { type Request, type Response, static as serveStatic } from 'express';
import type { ConsoleSettings } from './console-settings';

/** Where `npm run build:console` (and `npm start` before it starts) puts the web console. */
export const BUILT_CONSOLE = resolve(__dirname, '../../../dist/services/console');

/**
 * Serves the web console's files at the root: `index.html` at `/` (never cached: it names the
 * current build's files) and the build's hashed assets (cached for good). Any other path falls
 * through to the platform's routes; `/console-config.json` tells the console how people sign in
 * (behind another web server it is a file beside `index.html`). Answers whether there was a
 * console to serve.
 */
export const serveConsole = (
  gateway: INestApplication,
  directory: string,
  settings: ConsoleSettings,
): boolean => {
  if (!existsSync(join(directory, 'index.html'))) return false;
  gateway.use('/console-config.json', (request: Request, response: Response, next: () => void) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.setHeader('cache-control', 'no-cache');
    response.json(settings);
  });
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
