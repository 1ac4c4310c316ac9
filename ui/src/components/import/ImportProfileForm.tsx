import { Flex, Form, Input, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ImportPreviewDto, ImportProfile } from '../../bindings';
import { useLanguage } from '../../i18n/useLanguage';
import { profileName } from './importTargets';
import { draftOf, fileHeaders, headerNames, isProfileId, profileOf, rejectedPath, startingColumns, type ProfileDraft } from './profileDraft';
import { useFieldLabel } from './useFieldLabel';
import { WordCodeTable } from './WordCodeTable';
import { FormFooter } from '../FormFooter';

export type ImportProfileFormProps = {
  /** The profile the file was previewed with: a preset to copy, or the merchant's own to change. */
  base: ImportProfile;
  /** That preview: the file's headers, and each field with the header it was read from. */
  preview: ImportPreviewDto;
  /** Every profile there is, to refuse a preset's id and to say which of the merchant's own a save replaces. */
  profiles: ImportProfile[];
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (profile: ImportProfile) => void;
  onCancel: () => void;
};

/** The distinct words of one field in the preview's rows, when the preview read that field from the file. */
function wordsSeen(preview: ImportPreviewDto, field: string): string[] {
  const index = preview.columns.findIndex((column) => column.field === field);
  if (index < 0 || preview.columns[index]!.header === null) return [];
  return [...new Set(preview.rows.map((row) => row[index]?.trim() ?? '').filter((word) => word !== ''))];
}

/**
 * A profile edited against a file: for each field the header of the file it is read from, and for after-sales
 * lists the words the export uses for a request's type and status with the platform's codes. Saved as the
 * merchant's own profile (a preset is never changed).
 */
export function ImportProfileForm({ base, preview, profiles, submitting, error, onSubmit, onCancel }: ImportProfileFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fieldLabel = useFieldLabel();
  const [form] = Form.useForm<ProfileDraft>();
  const headers = fileHeaders(preview);
  const start = startingColumns(base, preview.columns);
  const id = Form.useWatch('id', form)?.trim() ?? '';
  const replaced = profiles.find((profile) => !profile.builtin && profile.id === id);
  const chosen: ProfileDraft['columns'] = Form.useWatch('columns', form) ?? {};

  // The engine names what it refused: mark that field; the alert under the form says why.
  useEffect(() => {
    const path = rejectedPath(error, preview.columns.map((column) => column.field));
    if (path !== null) form.setFields([{ name: path, errors: [t('import.editor.rejected')] }]);
  }, [error, form, preview.columns, t]);

  const columnOptions = (field: string) => {
    const options = headers.map((header) => ({ value: header, label: header }));
    const current = start[field];
    // The names the profile looks for, though this file has none of them: kept until another is chosen.
    if (current !== undefined && !headers.includes(current)) {
      options.unshift({ value: current, label: t('import.editor.notInFile', { headers: headerNames(current).join(t('import.or')) }) });
    }
    return options;
  };

  return (
    <Form<ProfileDraft>
      form={form}
      layout="vertical"
      initialValues={draftOf(base, preview.columns)}
      onFinish={(draft) => onSubmit(profileOf(base, preview.columns, draft))}
      data-testid="import-profile-form"
    >
      <Typography.Paragraph type="secondary">{t('import.editor.intro')}</Typography.Paragraph>
      <Flex gap="middle" wrap>
        <Form.Item
          name="id"
          label={t('import.editor.id')}
          style={{ flex: '1 1 200px' }}
          extra={replaced !== undefined ? t('import.editor.replaces', { name: profileName(replaced, language) }) : t('import.editor.idHelp')}
          rules={[
            { required: true, whitespace: true, message: t('import.editor.idInvalid') },
            {
              validator: (_, value: string | undefined) => {
                const typed = value?.trim() ?? '';
                if (typed === '') return Promise.resolve();
                if (!isProfileId(typed)) return Promise.reject(new Error(t('import.editor.idInvalid')));
                const preset = profiles.find((profile) => profile.builtin && profile.id === typed);
                return preset === undefined
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('import.editor.idBuiltin', { name: profileName(preset, language) })));
              },
            },
          ]}
        >
          <Input maxLength={40} data-testid="import-editor-id" />
        </Form.Item>
        <Form.Item
          name="name_en"
          label={t('import.editor.nameEn')}
          style={{ flex: '1 1 200px' }}
          dependencies={['name_zh']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value?.trim() || (getFieldValue('name_zh') as string | undefined)?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('import.editor.nameRequired'))),
            }),
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="name_zh" label={t('import.editor.nameZh')} style={{ flex: '1 1 200px' }}>
          <Input />
        </Form.Item>
      </Flex>

      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {t('import.editor.columns')}
      </Typography.Paragraph>
      <Flex gap="0 16px" wrap data-testid="import-editor-columns">
        {preview.columns.map((column) => (
          <Form.Item
            key={column.field}
            name={['columns', column.field]}
            label={fieldLabel(column.field)}
            style={{ flex: '1 1 200px', minWidth: 0 }}
            rules={column.required ? [{ required: true, message: t('import.editor.columnRequired') }] : []}
          >
            <Select<string>
              data-field={column.field}
              showSearch
              allowClear={!column.required}
              // A required field this file has no column for: the profile saves, but will not read this file.
              status={column.required && chosen[column.field] !== undefined && !headers.includes(chosen[column.field]!) ? 'warning' : undefined}
              placeholder={column.required ? undefined : t('import.editor.notRead')}
              options={columnOptions(column.field)}
              optionFilterProp="label"
            />
          </Form.Item>
        ))}
      </Flex>

      {base.kind === 'aftersales' && (
        <Flex vertical gap="middle" style={{ marginBottom: 24 }}>
          <WordCodeTable
            name="type_values"
            title={t('import.editor.typeValues')}
            seen={chosen.type === start.type ? wordsSeen(preview, 'type') : []}
          />
          <WordCodeTable
            name="status_values"
            title={t('import.editor.statusValues')}
            seen={chosen.status === start.status ? wordsSeen(preview, 'status') : []}
          />
        </Flex>
      )}

      <FormFooter
        error={error}
        onCancel={onCancel}
        submitting={submitting}
        submitLabel={t('import.editor.save')}
        cancelLabel={t('import.editor.cancel')}
        testId="import-editor-save"
      />
    </Form>
  );
}
