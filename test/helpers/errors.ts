import { expect } from 'vitest';
import { AppError } from '../../src/shared/errors';

/** Runs fn and returns the AppError it throws; fails the test if it throws nothing or something else. */
export function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError, nothing was thrown');
}
