import { AppError } from '../shared/errors';

/** Runs `action` and returns the AppError it throws (fails the test when it throws none). */
export function appErrorOf(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
