import { describe, expect, it } from 'vitest';
import { exportFileName } from './exportFileName';

describe('exportFileName', () => {
  it('names the file by kind and local day, with the format as extension', () => {
    expect(exportFileName('repairs', 'xlsx', new Date(2026, 10, 27, 23, 59))).toBe('repairs-2026-11-27.xlsx');
    expect(exportFileName('warranty', 'csv', new Date(2026, 0, 5))).toBe('warranty-2026-01-05.csv');
  });
});
