import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { combinedOpenApi } from './combined-openapi';
import { DataFolderInUse, lockDataFolder } from './data-folder-lock';

describe('data folder lock', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'hypercare-lock-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is held by one process at a time and released on request', () => {
    const lock = lockDataFolder(folder);
    expect(existsSync(join(folder, 'hypercare.lock'))).toBe(true);
    lock.release();
    expect(existsSync(join(folder, 'hypercare.lock'))).toBe(false);
  });

  it('refuses while a live process holds it, naming that process and the way out', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(folder, 'hypercare.lock'), String(other.pid));
      expect(() => lockDataFolder(folder)).toThrow(DataFolderInUse);
      expect(() => lockDataFolder(folder)).toThrow(`in use by another Hypercare process (pid ${other.pid})`);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left behind by a process that is gone', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(join(folder, 'hypercare.lock'), String(gone.pid));
    expect(() => lockDataFolder(folder).release()).not.toThrow();
  });
});

describe('combined OpenAPI document', () => {
  it("puts each service's paths under its mount point (the platform's at the root), operation ids and tags prefixed", () => {
    const document = (paths: OpenAPIObject['paths']): OpenAPIObject => ({
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths,
    });
    const combined = combinedOpenApi([
      {
        service: 'triage',
        mount: '/triage',
        document: document({
          '/periods/{periodId}': {
            get: { operationId: 'PeriodController_get', tags: ['periods'], responses: {} },
          },
        }),
      },
      {
        service: 'reporting',
        mount: '/reporting',
        document: document({
          '/periods/{periodId}': { get: { operationId: 'PeriodController_get', responses: {} } },
        }),
      },
      {
        service: 'platform',
        mount: '',
        document: document({ '/health/ready': { get: { operationId: 'ready', responses: {} } } }),
      },
    ]);
    expect(combined.paths).toEqual({
      '/triage/periods/{periodId}': {
        get: { operationId: 'triage_PeriodController_get', tags: ['triage: periods'], responses: {} },
      },
      '/reporting/periods/{periodId}': {
        get: { operationId: 'reporting_PeriodController_get', tags: ['reporting: general'], responses: {} },
      },
      '/health/ready': {
        get: { operationId: 'platform_ready', tags: ['platform: general'], responses: {} },
      },
    });
  });
});
