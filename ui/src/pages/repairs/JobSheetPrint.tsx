import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { RepairDetailDto } from '../../bindings';
import { JobSheet } from './JobSheet';

type JobSheetPrintProps = {
  detail: RepairDetailDto;
  open: boolean;
  onClose: () => void;
};

/**
 * The job sheet on screen and at the printer: a preview dialog, plus a copy straight under <body> that the print
 * stylesheet keeps while hiding everything else (the drawer and dialog are portals that would print with it).
 * Opening asks the webview to print at once; the preview can print again or be saved as PDF from the same dialog.
 */
export function JobSheetPrint({ detail, open, onClose }: JobSheetPrintProps) {
  const { t } = useTranslation();
  useEffect(() => {
    if (open) {
      window.print();
    }
  }, [open]);
  return (
    <>
      <Modal
        open={open}
        title={t('jobSheet.preview', { number: detail.repair.number })}
        onCancel={onClose}
        width={860}
        destroyOnHidden
        footer={[
          <Button key="close" onClick={onClose}>
            {t('jobSheet.close')}
          </Button>,
          <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('jobSheet.print')}
          </Button>,
        ]}
      >
        <JobSheet detail={detail} />
      </Modal>
      {open &&
        createPortal(
          <div className="job-sheet-print" data-testid="job-sheet-print">
            <JobSheet detail={detail} />
          </div>,
          document.body,
        )}
    </>
  );
}
