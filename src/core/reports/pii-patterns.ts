/** Moved to src/shared/pii.ts so the renderer warns with the same scanner (issue 13). */
export { findPii, luhnCheckDigit, luhnValid, type PiiMatch } from '../../shared/pii';
