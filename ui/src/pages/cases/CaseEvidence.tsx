import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetailDto } from '../../bindings';
import { EvidencePanel } from '../../components/cases/EvidencePanel';
import { useAddEvidence } from '../../hooks/useAddEvidence';
import { useExportEvidence } from '../../hooks/useExportEvidence';
import { useReadFile } from '../../hooks/useReadFile';
import { useErrorToast } from '../useErrorToast';

/** A case's evidence files: a dropped file is read here and stored by the engine; the ZIP is written by the engine. */
export function CaseEvidence({ detail }: { detail: CaseDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const addEvidence = useAddEvidence();
  const exportEvidence = useExportEvidence();
  const { read, reading } = useReadFile((name) => t('evidence.readFailed', { name }));
  const caseId = detail.case.id;

  const add = async (file: File) => {
    const content = await read(file);
    if (content === null) return;
    addEvidence.mutate(
      { case_id: caseId, file_name: file.name, mime: file.type || 'application/octet-stream', content_base64: content, note: null },
      {
        onSuccess: () => void message.success(t('evidence.added', { name: file.name })),
        onError: (error) => showError(error),
      },
    );
  };

  return (
    <EvidencePanel
      evidence={detail.evidence}
      adding={reading || addEvidence.isPending}
      onFile={(file) => void add(file)}
      exporting={exportEvidence.isPending}
      exported={exportEvidence.data ?? null}
      onExport={() => exportEvidence.mutate({ id: caseId }, { onError: (error) => showError(error) })}
    />
  );
}
