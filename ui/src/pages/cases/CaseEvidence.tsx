import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetailDto } from '../../bindings';
import { EvidencePanel } from '../../components/cases/EvidencePanel';
import { useAddEvidence } from '../../hooks/useAddEvidence';
import { useChooseSavePath } from '../../hooks/useChooseSavePath';
import { useExportEvidence } from '../../hooks/useExportEvidence';
import { useReadFile } from '../../hooks/useReadFile';
import { useErrorToast } from '../useErrorToast';

/**
 * A case's evidence files: a dropped file is read here and stored by the engine; the ZIP is written by the engine
 * where the merchant picks in the save dialog (cancelling it writes nothing).
 */
export function CaseEvidence({ detail }: { detail: CaseDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const addEvidence = useAddEvidence();
  const chooseSavePath = useChooseSavePath();
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

  const exportZip = () => {
    exportEvidence.reset();
    chooseSavePath.mutate(
      { default_name: `case-${caseId}-evidence.zip`, extension: 'zip' },
      {
        onSuccess: (out) => {
          if (out !== null) exportEvidence.mutate({ id: caseId, out }, { onError: (error) => showError(error) });
        },
        onError: (error) => showError(error),
      },
    );
  };

  return (
    <EvidencePanel
      evidence={detail.evidence}
      adding={reading || addEvidence.isPending}
      onFile={(file) => void add(file)}
      exporting={chooseSavePath.isPending || exportEvidence.isPending}
      exported={exportEvidence.data ?? null}
      onExport={exportZip}
    />
  );
}
