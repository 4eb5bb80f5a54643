/**
 * Typed errors that cross process boundaries as plain data (`ApiErrorData`).
 * Whatever else is thrown becomes `internal` with a generic message: its text and stack
 * go to the log (redacted), never to the renderer.
 */
import type { ApiErrorData, Envelope, ErrorCode } from '../preload/contract';
import { redactSecrets } from './redact';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function toErrorData(error: unknown, log: (line: string) => void = logToStderr): ApiErrorData {
  if (error instanceof AppError) {
    const data: ApiErrorData = { code: error.code, message: redactSecrets(error.message) };
    if (error.details)
      data.details = JSON.parse(redactSecrets(JSON.stringify(error.details))) as Record<string, unknown>;
    return data;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`internal error: ${redactSecrets(text)}`);
  return { code: 'internal', message: 'Something went wrong inside the app. The details are in its log.' };
}

export async function toEnvelope<T>(work: () => Promise<T> | T): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}

function logToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}
