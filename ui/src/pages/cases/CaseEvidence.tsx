import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, CaseDetailDto } from '../../bindings';
import { EvidencePanel } from '../../components/cases/EvidencePanel';
import { useAddEvidence } from '../../hooks/useAddEvidence';
import { useExportEvidence } from '../../hooks/useExportEvidence';
import { useErrorToast } from '../useErrorToast';
import { fileToBase64 } from './fileToBase64';

/** A case's evidence files: a dropped file is read here and stored by the engine; the ZIP is written by the engine. */
export function CaseEvidence({ detail }: { detail: CaseDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const addEvidence = useAddEvidence();
  const exportEvidence = useExportEvidence();
  const [reading, setReading] = useState(0);
  const caseId = detail.case.id;

  const add = async (file: File) => {
    setReading((count) => count + 1);
    let content: string;
    try {
      content = await fileToBase64(file);
    } catch (reason) {
      const error: ApiError = { code: 'internal', message: reason instanceof Error ? reason.message : String(reason) };
      showError(error, t('evidence.readFailed', { name: file.name }));
      return;
    } finally {
      setReading((count) => count - 1);
    }
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
      adding={reading > 0 || addEvidence.isPending}
      onFile={(file) => void add(file)}
      exporting={exportEvidence.isPending}
      exported={exportEvidence.data ?? null}
      onExport={() => exportEvidence.mutate({ id: caseId }, { onError: (error) => showError(error) })}
    />
  );
}
