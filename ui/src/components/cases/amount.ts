const AMOUNT = /^\d+(\.\d+)?$/;

/** A decimal string in major units, more than zero ("12.50"), decided on the string. */
export function isPositiveAmount(value: string): boolean {
  return AMOUNT.test(value) && !/^0*(\.0*)?$/.test(value);
}

/**
 * price × quantity, exactly, on decimal strings ("649.50" × 2 = "1299.00"): never through a float.
 * Null when the price is not a plain decimal.
 */
export function lineAmount(price: string, quantity: number): string | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(price.trim());
  if (match === null || !Number.isInteger(quantity) || quantity < 0) {
    return null;
  }
  const fraction = match[2] ?? '';
  const digits = (BigInt(match[1] + fraction) * BigInt(quantity)).toString().padStart(fraction.length + 1, '0');
  return fraction.length === 0 ? digits : `${digits.slice(0, -fraction.length)}.${digits.slice(-fraction.length)}`;
}
