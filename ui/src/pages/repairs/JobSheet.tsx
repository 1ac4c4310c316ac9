import { useTranslation } from 'react-i18next';
import type { RepairDetailDto } from '../../bindings';
import { DASH } from '../../components/dash';
import { useFormat } from '../../i18n/useFormat';
import './jobSheet.css';

/**
 * The paper that goes with the item (维修单): shop, ticket number and intake, who and what, the warranty the unit
 * has, the fault as reported and the diagnosis, parts and labour with the total, who pays, when it is promised, who
 * works on it, and lines for both signatures.
 */
export function JobSheet({ detail }: { detail: RepairDetailDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { repair, unit } = detail;
  const money = (amount: string) => format.money(amount, repair.currency);
  return (
    <div className="job-sheet" data-testid="job-sheet">
      <div className="job-sheet-head">
        <div>
          <h1 data-testid="job-sheet-shop">{repair.shop}</h1>
          <div>{t('jobSheet.title')}</div>
        </div>
        <div>
          <div className="job-sheet-number" data-testid="job-sheet-number">
            {repair.number}
          </div>
          <div>
            {t('jobSheet.intake')}: {format.dateTime(repair.intake_at)}
          </div>
        </div>
      </div>

      <h2>{t('jobSheet.customerAndItem')}</h2>
      <table className="job-sheet-facts">
        <tbody>
          <tr>
            <th>{t('jobSheet.customer')}</th>
            <td>{repair.customer_name}</td>
            <th>{t('jobSheet.phone')}</th>
            <td>{repair.customer_phone ?? DASH}</td>
          </tr>
          <tr>
            <th>{t('jobSheet.product')}</th>
            <td>{repair.product}</td>
            <th>{t('jobSheet.serial')}</th>
            <td>{repair.serial ?? DASH}</td>
          </tr>
          <tr>
            <th>{t('jobSheet.order')}</th>
            <td>{repair.order_number ?? DASH}</td>
            <th>{t('jobSheet.warranty')}</th>
            <td data-testid="job-sheet-warranty">
              {unit === null
                ? t('jobSheet.noWarranty')
                : t('jobSheet.warrantyUntil', { status: t(`warranty.status.${unit.status}`), date: format.date(unit.last_day) })}
            </td>
          </tr>
        </tbody>
      </table>

      <h2>{t('jobSheet.fault')}</h2>
      <div className="job-sheet-text">{detail.fault}</div>
      <h2>{t('jobSheet.diagnosis')}</h2>
      <div className="job-sheet-text">{detail.diagnosis ?? ''}</div>

      <h2>{t('jobSheet.costs')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('jobSheet.part')}</th>
            <th className="num">{t('jobSheet.quantity')}</th>
            <th className="num">{t('jobSheet.unitCost')}</th>
            <th className="num">{t('jobSheet.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.parts.map((part) => (
            <tr key={part.id}>
              <td>{part.part}</td>
              <td className="num">{part.quantity}</td>
              <td className="num">{money(part.cost)}</td>
              <td className="num">{money(part.total)}</td>
            </tr>
          ))}
          <tr>
            <td colSpan={3}>{t('jobSheet.labour')}</td>
            <td className="num">{money(detail.labour)}</td>
          </tr>
          <tr>
            <th colSpan={3}>{t('jobSheet.total')}</th>
            <th className="num" data-testid="job-sheet-total">
              {money(repair.cost)}
            </th>
          </tr>
        </tbody>
      </table>

      <table className="job-sheet-facts" style={{ marginTop: 12 }}>
        <tbody>
          <tr>
            <th>{t('jobSheet.payer')}</th>
            <td colSpan={3}>{t(`repairs.payer.${repair.payer}`)}</td>
          </tr>
          <tr>
            <th>{t('jobSheet.promised')}</th>
            <td>{repair.promised_at === null ? DASH : format.dateTime(repair.promised_at)}</td>
            <th>{t('jobSheet.technician')}</th>
            <td>{repair.technician ?? DASH}</td>
          </tr>
        </tbody>
      </table>

      <div className="job-sheet-signatures">
        <div>{t('jobSheet.customerSignature')}</div>
        <div>{t('jobSheet.technicianSignature')}</div>
      </div>
    </div>
  );
}
