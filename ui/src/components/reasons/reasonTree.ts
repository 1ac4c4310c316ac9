import type { ReasonDto } from '../../bindings';
import type { Language } from '../../i18n/languages';

/** A reason's name in the UI language. */
export function reasonLabel(reason: ReasonDto, language: Language): string {
  return language === 'zh-CN' ? reason.label_zh : reason.label_en;
}

/** A reason's name in the other language (shown beside it in Settings, where both are entered). */
export function otherLabel(reason: ReasonDto, language: Language): string {
  return language === 'zh-CN' ? reason.label_en : reason.label_zh;
}

export type ReasonNode = { reason: ReasonDto; children: ReasonDto[] };

/**
 * The two-level tree: each top-level reason (a group) with the reasons under it, in the engine's order. A reason
 * whose parent is not in the list stands at the top level, so it is never lost.
 */
export function reasonTree(reasons: ReasonDto[]): ReasonNode[] {
  const topLevel = new Set(reasons.filter((reason) => reason.parent === null).map((reason) => reason.code));
  const nodes = new Map<string, ReasonNode>();
  for (const reason of reasons) {
    if (reason.parent === null || !topLevel.has(reason.parent)) {
      nodes.set(reason.code, { reason, children: [] });
    }
  }
  for (const reason of reasons) {
    if (reason.parent !== null && topLevel.has(reason.parent)) {
      nodes.get(reason.parent)?.children.push(reason);
    }
  }
  return [...nodes.values()];
}

/** The top-level reasons: the groups a new reason can go under. */
export function reasonGroups(reasons: ReasonDto[]): ReasonDto[] {
  return reasons.filter((reason) => reason.parent === null);
}

export function findReason(reasons: readonly ReasonDto[] | undefined, code: string): ReasonDto | undefined {
  return reasons?.find((reason) => reason.code === code);
}
