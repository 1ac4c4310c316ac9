import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/languages';

/** Picks the UI language; each language is named in itself. */
export function LanguageSwitch({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('language.label')}
      value={language}
      onChange={onChange}
      prefix={<GlobalOutlined />}
      style={{ width: 140 }}
      options={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
    />
  );
}
