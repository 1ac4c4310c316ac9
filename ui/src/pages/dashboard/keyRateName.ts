import type { KeyRate } from '../../bindings';
import type { Language } from '../../i18n/languages';

/** A reason's name from the merchant's reason tree in the language shown; the code when it has none (SKUs never do). */
export function keyRateName(row: KeyRate, language: Language): string {
  const label = language === 'zh-CN' ? row.label_zh : row.label_en;
  return label !== null && label.trim() !== '' ? label : row.key;
}
