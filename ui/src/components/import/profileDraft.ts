import type { ApiError, FieldColumn, ImportPreviewDto, ImportProfile } from '../../bindings';

/** One word of an export and the platform's code it stands for; both stay text (`"2"`, `"refund_only"`). */
export type WordCode = { word: string; code: string };

/** The profile editor's values: a field left out or cleared is not read. */
export type ProfileDraft = {
  id: string;
  name_en: string;
  name_zh: string;
  columns: Record<string, string | undefined>;
  type_values: WordCode[];
  status_values: WordCode[];
};

/** What the engine takes as an id: letters, digits, `_` and `-`, up to 40. */
const PROFILE_ID = /^[A-Za-z0-9_-]{1,40}$/;

export function isProfileId(id: string): boolean {
  return PROFILE_ID.test(id);
}

/** The headers a profile looks for, one per `|`: `"退款金额(元)|退款金额"` → both. */
export function headerNames(names: string | undefined): string[] {
  return (names ?? '')
    .split('|')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** A file's headers, each once and none blank: what a field can be read from. */
export function fileHeaders(preview: ImportPreviewDto): string[] {
  return [...new Set(preview.headers.map((header) => header.trim()).filter((header) => header !== ''))];
}

/**
 * What each field's select starts with: the header this file has for it, else the names the profile looks for
 * (though the file lacks them), else nothing.
 */
export function startingColumns(profile: ImportProfile, columns: FieldColumn[]): Record<string, string | undefined> {
  return Object.fromEntries(
    columns.map((column) => {
      const names = profile.columns[column.field]?.trim();
      return [column.field, column.header ?? (names === '' ? undefined : names)];
    }),
  );
}

/** Words → codes as rows, by code (`"2"` before `"10"`), so the words for one code stand together. */
function pairs(values: Record<string, string>): WordCode[] {
  return Object.entries(values)
    .map(([word, code]) => ({ word, code }))
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }) || a.word.localeCompare(b.word, 'zh-CN'));
}

/**
 * The editor's start from the profile a file was previewed with. A preset is copied under `<id>_custom` with
 * names marked as the merchant's; the merchant's own profile keeps its id and names, so saving replaces it.
 */
export function draftOf(profile: ImportProfile, columns: FieldColumn[]): ProfileDraft {
  return {
    id: profile.builtin ? `${profile.id}_custom` : profile.id,
    name_en: profile.builtin ? `${profile.name_en} (mine)` : profile.name_en,
    name_zh: profile.builtin ? `${profile.name_zh}（自定义）` : profile.name_zh,
    columns: startingColumns(profile, columns),
    type_values: pairs(profile.type_values),
    status_values: pairs(profile.status_values),
  };
}

function values(rows: WordCode[] | undefined): Record<string, string> {
  return Object.fromEntries(
    (rows ?? [])
      .map(({ word, code }) => [word?.trim() ?? '', code?.trim() ?? ''] as const)
      .filter(([word, code]) => word !== '' && code !== ''),
  );
}

/**
 * The profile to save, of the base profile's platform and kind. A field left on the header it started with keeps
 * every name the base profile had for it (`a|b`), so the profile still reads the exports the base one did; a
 * field set to another header is read from that one. Words and codes are kept for after-sales lists only.
 */
export function profileOf(base: ImportProfile, columns: FieldColumn[], draft: ProfileDraft): ImportProfile {
  const start = startingColumns(base, columns);
  const mapped: Record<string, string> = {};
  for (const { field } of columns) {
    const chosen = draft.columns[field]?.trim();
    if (chosen === undefined || chosen === '') continue;
    mapped[field] = chosen === start[field] ? (base.columns[field]?.trim() || chosen) : chosen;
  }
  const aftersales = base.kind === 'aftersales';
  return {
    id: draft.id.trim(),
    name_en: draft.name_en.trim(),
    name_zh: draft.name_zh.trim(),
    platform: base.platform,
    kind: base.kind,
    columns: mapped,
    type_values: aftersales ? values(draft.type_values) : base.type_values,
    status_values: aftersales ? values(draft.status_values) : base.status_values,
    builtin: false,
  };
}

/**
 * Where in the editor an engine validation error belongs: `id: …` and `name_en: …` to those fields,
 * `columns: amount is required: …` to the amount's select. Null: no field of the editor (an alert says it).
 */
export function rejectedPath(error: ApiError | null, fields: string[]): ['id'] | ['name_en'] | ['columns', string] | null {
  if (error?.code !== 'validation') return null;
  const [, name, problem = ''] = /^(\w+):\s*(.*)$/s.exec(error.message) ?? [];
  if (name === 'id' || name === 'name_en') return [name];
  if (name === 'columns') {
    const field = /^'?(\w+)'?/.exec(problem)?.[1];
    return field !== undefined && fields.includes(field) ? ['columns', field] : null;
  }
  return null;
}
