/**
 * The one line a process writes when it cannot go on (a start-up failure, a crash), in the
 * shape of its other log lines, so a log pipeline keeps it and an operator reads the cause
 * without a stack trace in the way. Written synchronously: the process exits right after.
 */
export const fatalLine = (service: string, message: string, error?: unknown): string =>
  JSON.stringify({
    level: 'fatal',
    time: new Date().toISOString(),
    service,
    msg: message,
    ...(error instanceof Error && error.constructor.name !== 'Error'
      ? { errorType: error.constructor.name }
      : {}),
    ...(typeof (error as { code?: unknown })?.code === 'string'
      ? { code: (error as { code: string }).code }
      : {}),
  });

/** Why `error` stopped the process, in words: its message, or what was thrown. */
export const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message || error.constructor.name : String(error);
