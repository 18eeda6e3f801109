/**
 * The one typed client for every operation. It does not know whether Electron IPC (preload bridge) or
 * HTTP (browser host) carries the call; both speak the same Result values.
 */
import type { OpInput, OpName, OpOutput } from '../../../shared/api';
import type { AppEvent } from '../../../shared/domain';
import { ERROR_MESSAGES, type ApiError, type Result } from '../../../shared/errors';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message || ERROR_MESSAGES[error.code]);
    this.name = 'ApiCallError';
  }
}

interface Transport {
  invoke(op: string, input: unknown): Promise<Result<unknown>>;
  onEvent(cb: (event: AppEvent) => void): () => void;
}

/**
 * The browser host traded the printed address's session key for an HttpOnly cookie on the first load
 * (and redirected to the address without it): same-origin requests carry it, the page never sees it.
 */
function httpTransport(): Transport {
  return {
    async invoke(op, input) {
      try {
        const res = await fetch(`/api/${op}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Kontakten med Lägesbild bröts. Ladda om sidan.' } };
      }
    },
    onEvent(cb) {
      const source = new EventSource('/api/events');
      source.onmessage = (m: MessageEvent<string>) => cb(JSON.parse(m.data) as AppEvent);
      return () => source.close();
    },
  };
}

function ipcTransport(bridge: NonNullable<Window['lagesbild']>): Transport {
  return {
    invoke: (op, input) => bridge.invoke(op, input) as Promise<Result<unknown>>,
    onEvent: (cb) => bridge.onEvent((e) => cb(e as AppEvent)),
  };
}

const transport: Transport = window.lagesbild ? ipcTransport(window.lagesbild) : httpTransport();

export async function call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await transport.invoke(op, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as OpOutput<K>;
}

export function onAppEvent(cb: (event: AppEvent) => void): () => void {
  return transport.onEvent(cb);
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiCallError) return err.message;
  return ERROR_MESSAGES.internal;
}
