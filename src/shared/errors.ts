/** Errors cross the boundary as values with a stable code; the message is Swedish and shown to the user. */
export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'db_newer_version',
  'db_unreadable',
  'db_busy',
  'file_exists',
  'unsupported',
  'unauthorized',
  'forbidden_path',
  'read_only',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. "input.kommunId". */
  field: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[] } | undefined;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiError['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Fallback Swedish messages per code, for errors that arrive without one. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  validation: 'Uppgifterna är inte giltiga.',
  not_found: 'Posten finns inte längre.',
  conflict: 'Posten har ändrats av någon annan. Ladda om och försök igen.',
  db_newer_version: 'Databasen kommer från en nyare version av Lägesbild.',
  db_unreadable: 'Filen kunde inte öppnas som en Lägesbild-databas.',
  db_busy: 'Databasen är upptagen. Försök igen om en stund.',
  file_exists: 'Filen finns redan.',
  unsupported: 'Det går inte att göra här.',
  unauthorized: 'Åtkomst nekad.',
  forbidden_path: 'Lägesbild får inte använda den sökvägen.',
  read_only: 'Databasen är öppen skrivskyddad. Inget kan ändras.',
  cancelled: 'Avbrutet. Inget har ändrats.',
  internal: 'Ett oväntat fel inträffade. Inget har sparats.',
};
