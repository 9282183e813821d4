const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** An 18-digit ID number with its right check digit, from its first 17 digits. */
export function withCheckDigit(first17: string): string {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * (WEIGHTS[k] ?? 0);
  return first17 + ('10X98765432'[sum % 11] ?? '');
}

/** The same number with a wrong check digit. */
export function withWrongCheckDigit(first17: string): string {
  const right = withCheckDigit(first17).slice(-1);
  return first17 + (right === '0' ? '1' : '0');
}

/** A valid ID born 1990-03-07 in Beijing (11 01 01). */
export const ID = withCheckDigit('11010119900307123');
