import type { ReminderSettingsDto, ShopDto } from '../../bindings';

/** The steps after the demo, in the order the merchant takes them. */
export const STEPS = ['shop', 'average', 'reminders', 'login'] as const;
export type Step = (typeof STEPS)[number];

const STORAGE_KEY = 'aftersales.gettingStarted';

/** What the merchant told the checklist: steps ticked by hand (reminders have no single switch) and whether it is hidden. */
export type Remembered = { hidden: boolean; ticked: Step[] };

export function remembered(): Remembered {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Remembered> | null;
    const ticked = Array.isArray(v?.ticked) ? v.ticked.filter((s): s is Step => STEPS.some((k) => k === s)) : [];
    return { hidden: v?.hidden === true, ticked };
  } catch {
    return { hidden: false, ticked: [] };
  }
}

export function remember(r: Remembered): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(r));
}

/**
 * Which steps are done, read from what the desk holds wherever it can be: a shop of the merchant's own (not the
 * demo), a category average entered for a shop, quiet hours set (or the step ticked), start at login on.
 */
export function doneSteps(shops: readonly ShopDto[], reminders: ReminderSettingsDto | undefined, ticked: readonly Step[]): Set<Step> {
  const done = new Set<Step>(ticked);
  if (shops.some((s) => s.demo !== true)) done.add('shop');
  if (shops.some((s) => s.intervention_average !== undefined && s.intervention_average !== null)) done.add('average');
  if (reminders?.quiet_enabled === true) done.add('reminders');
  if (reminders?.start_at_login === true) done.add('login');
  return done;
}

/** Shown after the demo (a demo shop is there) until every step is done or the merchant hides it. */
export function shown(shops: readonly ShopDto[], done: Set<Step>, hidden: boolean): boolean {
  return !hidden && shops.some((s) => s.demo === true) && done.size < STEPS.length;
}
