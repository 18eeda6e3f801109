/**
 * IPC channel names, kept apart from the operation map so the preload bundle can import them without
 * pulling in zod and the schemas.
 */
export const IPC_PREFIX = 'lagesbild:';
export const IPC_EVENT_CHANNEL = 'lagesbild:event';
