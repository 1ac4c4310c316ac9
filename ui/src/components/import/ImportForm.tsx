import { App, Button, Checkbox, Flex, Form, Select, Spin } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportInput, ImportProfile, ShopDto } from '../../bindings';
import { useImportFile } from '../../hooks/useImportFile';
import { useImportPreview } from '../../hooks/useImportPreview';
import { useImportProfiles } from '../../hooks/useImportProfiles';
import { useLanguage } from '../../i18n/useLanguage';
import { ErrorAlert } from '../ErrorAlert';
import { ImportFileDrop } from './ImportFileDrop';
import { ImportPreview } from './ImportPreview';
import { ImportProfileDialog, type ProfileEdit } from './ImportProfileDialog';
import { ImportReport } from './ImportReport';
import { defaultProfile, profileName, profilesFor } from './importTargets';
import { useImportSource } from './useImportSource';

/** The import itself, for shops that can take one (at least one). */
export function ImportForm({ shops, file, onClose }: { shops: ShopDto[]; file: File | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const profiles = useImportProfiles();
  const importFile = useImportFile();
  const { source, reading, choose } = useImportSource();
  const [shopId, setShopId] = useState<number | null>(null);
  // Null until the merchant picks one: the shop's after-sales profile, whichever shop that is.
  const [profileId, setProfileId] = useState<string | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  // The mapping being edited, kept while its dialog closes.
  const [edit, setEdit] = useState<ProfileEdit | null>(null);
  const [editing, setEditing] = useState(false);

  const shop = shops.find((s) => s.id === shopId) ?? shops[0]!;
  const available = profilesFor(profiles.data ?? [], shop.platform);
  const profile = available.find((p) => p.id === profileId) ?? defaultProfile(available);
  const input: ImportInput | null =
    source === null || profile === null
      ? null
      : { shop_id: shop.id, profile: profile.id, file_name: source.name, content_base64: source.content, path: null, dry_run: true, all_or_nothing: false };
  const preview = useImportPreview(input, source?.key ?? 0);
  const ready = preview.data !== undefined && !preview.isFetching && preview.data.problem === null && preview.data.records > 0;

  // A report belongs to the shop, profile, file and option it was made with.
  const changed = () => importFile.reset();
  const chooseFile = (chosen: File) => {
    changed();
    void choose(chosen);
  };
  // A file dropped on the window comes as `file`, also while the dialog is already open.
  const dropped = useEffectEvent(chooseFile);
  useEffect(() => {
    if (file !== null) dropped(file);
  }, [file]);

  // Saved as the merchant's own profile: the file is read again with it.
  const saved = (profile: ImportProfile) => {
    changed();
    setProfileId(profile.id);
    void message.success(t('import.editor.saved', { name: profileName(profile, language) }));
  };

  const run = () => {
    if (input !== null) importFile.mutate({ ...input, dry_run: false, all_or_nothing: allOrNothing });
  };

  return (
    <>
      <Form layout="vertical" data-testid="import-form">
        <Flex gap="middle" wrap>
          <Form.Item label={t('import.shop')} style={{ flex: '1 1 240px' }}>
            <Select<number>
              value={shop.id}
              aria-label={t('import.shop')}
              data-testid="import-shop"
              onChange={(id) => {
                changed();
                setShopId(id);
                setProfileId(null);
              }}
              options={shops.map((s) => ({ value: s.id, label: t('import.shopOption', { name: s.name, platform: t(`platform.${s.platform}`) }) }))}
            />
          </Form.Item>
          <Form.Item label={t('import.profile')} style={{ flex: '1 1 240px' }}>
            <Select<string>
              value={profile?.id}
              aria-label={t('import.profile')}
              data-testid="import-profile"
              loading={profiles.isLoading}
              onChange={(id) => {
                changed();
                setProfileId(id);
              }}
              options={available.map((p) => ({ value: p.id, label: profileName(p, language) }))}
            />
          </Form.Item>
        </Flex>
        {profiles.error !== null && (
          <Form.Item>
            <ErrorAlert error={profiles.error} />
          </Form.Item>
        )}
        <Form.Item label={t('import.file')}>
          <ImportFileDrop fileName={source?.name ?? null} reading={reading} onFile={chooseFile} />
        </Form.Item>
        {(reading || preview.isFetching) && (
          <Flex justify="center" style={{ padding: 16 }}>
            <Spin tip={t('import.reading')}>
              <div style={{ width: 160, height: 48 }} />
            </Spin>
          </Flex>
        )}
        {preview.error !== null && (
          <Form.Item>
            <ErrorAlert error={preview.error} />
          </Form.Item>
        )}
        {/* Once imported, what the import did takes the preview's place: it lists the bad rows again. */}
        {importFile.data !== undefined ? (
          <Form.Item>
            <ImportReport report={importFile.data} />
          </Form.Item>
        ) : (
          preview.data !== undefined &&
          profile !== null &&
          !preview.isFetching && (
            <Form.Item>
              <ImportPreview
                preview={preview.data}
                profile={profile}
                onEditMapping={() => {
                  setEdit({ base: profile, preview: preview.data });
                  setEditing(true);
                }}
              />
            </Form.Item>
          )
        )}
        <Form.Item extra={t('import.allOrNothingHint')}>
          <Checkbox
            checked={allOrNothing}
            onChange={(event) => {
              changed();
              setAllOrNothing(event.target.checked);
            }}
          >
            {t('import.allOrNothing')}
          </Checkbox>
        </Form.Item>
        {importFile.error !== null && (
          <Form.Item>
            <ErrorAlert error={importFile.error} />
          </Form.Item>
        )}
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t('import.close')}</Button>
          <Button type="primary" data-testid="import-run" loading={importFile.isPending} disabled={!ready} onClick={run}>
            {t('import.run')}
          </Button>
        </Flex>
      </Form>
      <ImportProfileDialog edit={edit} open={editing} profiles={profiles.data ?? []} onClose={() => setEditing(false)} onSaved={saved} />
    </>
  );
}
