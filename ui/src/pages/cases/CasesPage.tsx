import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasesQuery, ShopDto } from '../../bindings';
import { CasesBoard } from '../../components/cases/CasesBoard';
import { CasesFilters, type CasesFilterValues } from '../../components/cases/CasesFilters';
import { CasesTable } from '../../components/cases/CasesTable';
import type { NewCaseStart } from '../../components/cases/NewCaseForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCases } from '../../hooks/useCases';
import { useKeysetPaging } from '../../hooks/useKeysetPaging';
import { CaseDrawer } from './CaseDrawer';
import { NewCaseDialog } from './NewCaseDialog';

const DEFAULT_PAGE_SIZE = 20;
/** The board shows this many of the most urgent cases; the filters narrow it down. */
const BOARD_LIMIT = 200;

/** After-sales cases of all shops (or one), most urgent first, as a paged list or a board by stage. */
export function CasesPage({ shops }: { shops: ShopDto[] }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CasesFilterValues>({
    shopId: null,
    status: 'open',
    caseType: null,
    dueWithin: null,
    view: 'list',
  });
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [drawer, setDrawer] = useState<{ open: boolean; caseId: number | null }>({ open: false, caseId: null });
  const [newCase, setNewCase] = useState<{ open: boolean; start: NewCaseStart | null }>({ open: false, start: null });

  const board = filters.view === 'board';
  const where = {
    shop_id: filters.shopId,
    status: filters.status === 'all' ? null : filters.status,
    case_type: filters.caseType,
    due_within_hours: filters.dueWithin,
  };
  const paging = useKeysetPaging(pageSize, JSON.stringify({ where, pageSize, board }));
  const query: CasesQuery = board ? { ...where, limit: BOARD_LIMIT, offset: 0 } : { ...where, limit: pageSize, ...paging.position };
  const cases = useCases(query);
  const { remember, page } = paging;
  const loaded = cases.data !== undefined && !cases.isPlaceholderData ? cases.data : null;
  useEffect(() => {
    if (loaded !== null && !board) {
      remember(page, loaded.next_after);
    }
  }, [loaded, board, page, remember]);
  const openCase = (caseId: number) => setDrawer({ open: true, caseId });

  return (
    <Card
      title={t('cases.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="new-case"
          onClick={() => setNewCase({ open: true, start: { kind: 'walkIn', shops } })}
        >
          {t('cases.new')}
        </Button>
      }
    >
      <Flex vertical gap="middle">
        <CasesFilters
          shops={shops}
          value={filters}
          onChange={(change) => {
            setFilters((current) => ({ ...current, ...change }));
          }}
        />
        {cases.error !== null && <ErrorAlert error={cases.error} />}
        {board ? (
          <CasesBoard
            cases={cases.data?.cases ?? []}
            total={cases.data?.total ?? 0}
            loading={cases.isLoading || cases.isPlaceholderData}
            onOpen={(summary) => openCase(summary.id)}
          />
        ) : (
          <CasesTable
            cases={cases.data?.cases ?? []}
            total={cases.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            loading={cases.isLoading || cases.isPlaceholderData}
            onPageChange={(nextPage, nextPageSize) => {
              paging.setPage(nextPageSize === pageSize ? nextPage : 1);
              setPageSize(nextPageSize);
            }}
            onOpen={(summary) => openCase(summary.id)}
          />
        )}
      </Flex>
      <CaseDrawer caseId={drawer.caseId} open={drawer.open} onClose={() => setDrawer((current) => ({ ...current, open: false }))} />
      <NewCaseDialog
        start={newCase.start}
        open={newCase.open}
        onClose={() => setNewCase((current) => ({ ...current, open: false }))}
        onCreated={(detail) => openCase(detail.case.id)}
      />
    </Card>
  );
}
