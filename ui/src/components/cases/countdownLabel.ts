import type { TFunction } from 'i18next';
import { durationParts, type Countdown } from '../countdown';

/** "3 h 12 m" / "剩 3 小时 12 分", "Overdue 2 h" / "已超时 2 小时", "Paused" / "已暂停". */
export function countdownLabel(t: TFunction, countdown: Countdown): string {
  if (countdown.state === 'paused') {
    return t('countdown.paused');
  }
  const { key, d, h, m } = durationParts(countdown.minutes);
  const duration = t(`countdown.${key}`, { d, h, m });
  return countdown.state === 'overdue' ? t('countdown.overdue', { duration }) : t('countdown.left', { duration });
}
