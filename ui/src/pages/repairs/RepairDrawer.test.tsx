import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  RepairActInput,
  RepairDetailDto,
  RepairPartIdInput,
  RepairPartInput,
  RepairPhotoInput,
  RepairStatus,
  RepairUpdateInput,
} from '../../bindings';
import { fakeBackend, repairDetail, repairEvent, repairSummary } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { RepairDrawer } from './RepairDrawer';

/** Where a ticket may go from each status, as the engine's flow has it. */
const NEXT: Record<RepairStatus, RepairStatus[]> = {
  received: ['diagnosing', 'awaiting_parts', 'repairing', 'ready', 'returned', 'unrepairable'],
  diagnosing: ['awaiting_parts', 'repairing', 'ready', 'returned', 'unrepairable'],
  awaiting_parts: ['repairing', 'ready', 'returned', 'unrepairable'],
  repairing: ['awaiting_parts', 'ready', 'returned', 'unrepairable'],
  ready: ['returned'],
  returned: [],
  unrepairable: ['returned'],
};

/** An engine in memory holding one ticket: steps move it on and append to its timeline, like the real one. */
function repairBackend(start: RepairDetailDto) {
  let detail = start;
  const calls = {
    repair: vi.fn(async ({ id }: { id: number }) =>
      id === detail.repair.id ? detail : Promise.reject({ code: 'not_found', message: `repair ${id}` }),
    ),
    repairAct: vi.fn(async (input: RepairActInput) => {
      const from = detail.repair.status;
      if (!NEXT[from].includes(input.status)) {
        return Promise.reject({ code: 'precondition', message: `a repair that is ${from} cannot become ${input.status}` });
      }
      detail = {
        ...detail,
        repair: { ...detail.repair, status: input.status },
        events: [...detail.events, repairEvent({ at: '2026-11-11T09:00:00Z', kind: 'status', from_status: from, to_status: input.status, note: input.note })],
        next: NEXT[input.status],
      };
      return detail;
    }),
    updateRepair: vi.fn(async (input: RepairUpdateInput) => {
      detail = {
        ...detail,
        labour: input.labour === null ? detail.labour : `${input.labour}.00`,
        repair: { ...detail.repair, payer: input.payer ?? detail.repair.payer },
        payer_basis: input.payer === null ? detail.payer_basis : 'set by the merchant',
      };
      return detail;
    }),
    addRepairPart: vi.fn(async (input: RepairPartInput) => {
      detail = { ...detail, parts: [...detail.parts, { id: 9, part: input.part, quantity: input.quantity, cost: input.cost, total: input.cost }] };
      return detail;
    }),
    removeRepairPart: vi.fn(async (input: RepairPartIdInput) => {
      detail = { ...detail, parts: detail.parts.filter((part) => part.id !== input.part_id) };
      return detail;
    }),
    addRepairPhoto: vi.fn(async (input: RepairPhotoInput) => {
      detail = {
        ...detail,
        photos: [
          ...detail.photos,
          { id: 1, file_name: input.file_name, mime: 'image/jpeg', size: atob(input.content_base64).length, sha256: 'ab', added_at: '2026-11-11T10:00:00Z' },
        ],
      };
      return detail;
    }),
    // A 1×1 PNG stands for every picture; any other file is the engine's bytes of a PDF.
    repairPhoto: vi.fn(async ({ id }: { id: number }) => {
      const photo = detail.photos.find((p) => p.id === id);
      if (photo === undefined) return Promise.reject({ code: 'not_found', message: `photo ${id}` });
      return { file_name: photo.file_name, mime: photo.mime, content_base64: photo.mime.startsWith('image/') ? PIXEL : 'JVBERi0=' };
    }),
  };
  return { backend: fakeBackend(calls), ...calls };
}

const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function nextButtons(): string[] {
  return within(screen.getByTestId('repair-drawer'))
    .queryAllByTestId(/^repair-next-/)
    .map((button) => button.getAttribute('data-testid') ?? '');
}

async function choose(label: string, option: string) {
  const select = screen.getByRole('combobox', { name: label }).closest('.ant-select');
  fireEvent.mouseDown(select!.querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(options.at(-1)!);
}

afterEach(() => vi.restoreAllMocks());

describe('RepairDrawer', () => {
  it('shows one button per next status and moves the ticket with the chosen one and its note', async () => {
    const { backend, repairAct } = repairBackend(
      repairDetail({ repair: repairSummary({ status: 'diagnosing' }), next: NEXT.diagnosing }),
    );
    renderIn('en', <RepairDrawer repairId={1} open onClose={() => undefined} />, backend);

    expect(await screen.findByTestId('repair-status')).toHaveTextContent('Diagnosing');
    expect(nextButtons()).toEqual([
      'repair-next-awaiting_parts',
      'repair-next-repairing',
      'repair-next-ready',
      'repair-next-returned',
      'repair-next-unrepairable',
    ]);

    fireEvent.click(screen.getByTestId('repair-next-ready'));
    const form = await screen.findByTestId('repair-act-form');
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: '  Cable replaced, tested 30 min  ' } });
    fireEvent.click(within(form).getByTestId('repair-act-submit'));

    await waitFor(() => expect(repairAct).toHaveBeenCalledWith({ id: 1, status: 'ready', at: null, note: 'Cable replaced, tested 30 min' }));
    await waitFor(() => expect(screen.getByTestId('repair-status')).toHaveTextContent('Ready for pickup'));
    expect(nextButtons(), 'the buttons follow what the engine answers').toEqual(['repair-next-returned']);

    const events = within(screen.getByTestId('repair-timeline')).getAllByTestId('repair-event');
    expect(events, 'newest last').toHaveLength(2);
    expect(events[1]).toHaveTextContent('Status changed');
    expect(within(events[1]!).getByText('Diagnosing')).toBeInTheDocument();
    expect(within(events[1]!).getByText('Ready for pickup')).toBeInTheDocument();
    expect(events[1]).toHaveTextContent('Cable replaced, tested 30 min');
  });

  it('sends no note when none is typed, and offers nothing once the ticket is returned', async () => {
    const { backend, repairAct } = repairBackend(repairDetail({ repair: repairSummary({ status: 'ready' }), next: NEXT.ready }));
    renderIn('en', <RepairDrawer repairId={1} open onClose={() => undefined} />, backend);

    await screen.findByTestId('repair-next-returned');
    expect(nextButtons()).toEqual(['repair-next-returned']);
    fireEvent.click(screen.getByTestId('repair-next-returned'));
    fireEvent.click(await screen.findByTestId('repair-act-submit'));

    await waitFor(() => expect(repairAct).toHaveBeenCalledWith({ id: 1, status: 'returned', at: null, note: null }));
    await waitFor(() => expect(screen.getByTestId('repair-status')).toHaveTextContent('Returned'));
    expect(nextButtons()).toEqual([]);
    expect(screen.getByText('Returned to the customer: this ticket is finished.')).toBeInTheDocument();
  });

  it('shows the unit warranty, who pays and why, and the timeline in Chinese', async () => {
    const { backend } = repairBackend(
      repairDetail({
        events: [
          repairEvent(),
          repairEvent({ at: '2026-11-10T09:00:00Z', kind: 'status', from_status: 'received', to_status: 'awaiting_parts', note: null }),
          repairEvent({ at: '2026-11-10T10:00:00Z', kind: 'payer', from_status: null, to_status: null, note: 'warranty → goodwill' }),
        ],
      }),
    );
    renderIn('zh-CN', <RepairDrawer repairId={1} open onClose={() => undefined} />, backend);

    expect(await screen.findByTestId('repair-status')).toHaveTextContent('已收件');
    const warranty = screen.getByTestId('repair-warranty');
    expect(within(warranty).getByText('保修中')).toBeInTheDocument();
    expect(within(warranty).getByTestId('repair-warranty-last-day')).toHaveTextContent('2027年3月1日');
    expect(within(warranty).getByText('Phones 12m（第 1 版）')).toBeInTheDocument();
    expect(within(warranty).getByText('保修')).toBeInTheDocument();
    expect(within(warranty).getByTestId('repair-payer-basis')).toHaveTextContent('in warranty until 2027-03-01 (Phones 12m v1)');

    const facts = screen.getByTestId('repair-facts');
    expect(within(facts).getByText('SN-0001')).toBeInTheDocument();
    expect(within(facts).getByText('#1001')).toBeInTheDocument();
    expect(within(facts).getByText('Screen flickers')).toBeInTheDocument();

    const events = within(screen.getByTestId('repair-timeline')).getAllByTestId('repair-event');
    expect(events).toHaveLength(3);
    expect(within(events[1]!).getByText('已收件')).toBeInTheDocument();
    expect(within(events[1]!).getByText('待配件')).toBeInTheDocument();
    expect(within(events[2]!).getByText('商家让利'), 'a payer change shows translated payers').toBeInTheDocument();
  });

  it('saves only what changed in the work form', async () => {
    const { backend, updateRepair } = repairBackend(repairDetail());
    renderIn('en', <RepairDrawer repairId={1} open onClose={() => undefined} />, backend);

    const form = await screen.findByTestId('repair-work-form');
    fireEvent.change(within(form).getByTestId('repair-labour'), { target: { value: '80' } });
    await choose('Paid by', 'Goodwill');
    fireEvent.click(within(form).getByTestId('repair-work-save'));

    await waitFor(() =>
      expect(updateRepair).toHaveBeenCalledWith({
        id: 1,
        diagnosis: null,
        technician: null,
        payer: 'goodwill',
        labour: '80',
        promised_at: null,
        customer_phone: null,
      }),
    );
    expect(await within(form).findByDisplayValue('80.00'), 'the engine’s spelling comes back').toBeInTheDocument();
    expect(within(screen.getByTestId('repair-warranty')).getByTestId('repair-payer-basis')).toHaveTextContent('set by the merchant');
  });

  it('adds and removes parts', async () => {
    const { backend, addRepairPart, removeRepairPart } = repairBackend(repairDetail());
    renderIn('en', <RepairDrawer repairId={1} open onClose={() => undefined} />, backend);

    const form = await screen.findByTestId('repair-part-form');
    fireEvent.change(within(form).getByRole('textbox', { name: 'Part' }), { target: { value: ' Battery ' } });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Qty' }), { target: { value: '2' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Cost each' }), { target: { value: '12.50' } });
    fireEvent.click(within(form).getByTestId('repair-part-add'));

    await waitFor(() => expect(addRepairPart).toHaveBeenCalledWith({ repair_id: 1, part: 'Battery', quantity: 2, cost: '12.50' }));
    const parts = screen.getByTestId('repair-parts');
    expect(await within(parts).findByText('Battery')).toBeInTheDocument();

    fireEvent.click(within(parts).getByTestId('repair-part-remove-1'));
    const confirm = await waitFor(() => {
      const ok = document.querySelector<HTMLElement>('.ant-popconfirm-buttons .ant-btn-primary');
      if (ok === null) throw new Error('no confirmation yet');
      return ok;
    });
    expect(confirm).toHaveTextContent('Remove');
    fireEvent.click(confirm);
    await waitFor(() => expect(removeRepairPart).toHaveBeenCalledWith({ repair_id: 1, part_id: 1 }));
    await waitFor(() => expect(within(parts).queryByText('Display cable')).not.toBeInTheDocument());
  });

  it('stores a chosen photo as base64 and lists it', async () => {
    const { backend, addRepairPhoto } = repairBackend(repairDetail());
    renderIn('en', <RepairDrawer repairId={1} open onClose={() => undefined} />, backend);

    const drop = await screen.findByTestId('repair-photo-drop');
    const input = drop.querySelector<HTMLInputElement>('input[type="file"]');
    if (input === null) throw new Error('the drop zone has no file input');
    fireEvent.change(input, { target: { files: [new File(['hello'], 'intake.jpg', { type: 'image/jpeg' })] } });

    await waitFor(() => expect(addRepairPhoto).toHaveBeenCalledWith({ repair_id: 1, file_name: 'intake.jpg', content_base64: 'aGVsbG8=' }));
    expect(await within(screen.getByTestId('repair-photo-list')).findByText('intake.jpg')).toBeInTheDocument();
    expect(await within(screen.getByTestId('repair-photo-list')).findByAltText('intake.jpg'), 'the new photo’s thumbnail').toBeInTheDocument();
  });

  it('shows pictures as thumbnails read through repair_photo, opening full size on click; other files by name only', async () => {
    const photo = { size: 68, sha256: 'ab', added_at: '2026-11-10T08:05:00Z' };
    const { backend, repairPhoto } = repairBackend(
      repairDetail({
        photos: [
          { ...photo, id: 11, file_name: 'front.png', mime: 'image/png' },
          { ...photo, id: 12, file_name: 'receipt.pdf', mime: 'application/pdf' },
          { ...photo, id: 13, file_name: 'back.jpg', mime: 'image/jpeg' },
        ],
      }),
    );
    renderIn('en', <RepairDrawer repairId={1} open onClose={() => undefined} />, backend);

    const list = await screen.findByTestId('repair-photo-list');
    const front = await within(list).findByAltText('front.png');
    expect(front).toHaveAttribute('src', `data:image/png;base64,${PIXEL}`);
    expect(await within(list).findByAltText('back.jpg')).toHaveAttribute('src', `data:image/jpeg;base64,${PIXEL}`);
    const rows = within(list).getAllByTestId('repair-photo');
    expect(rows.map((row) => row.querySelectorAll('img').length), 'a thumbnail for each picture, none for the PDF').toEqual([1, 0, 1]);
    expect(rows[1]).toHaveTextContent('receipt.pdf');
    expect(repairPhoto.mock.calls.map(([input]) => input.id).sort(), 'the PDF is not fetched').toEqual([11, 13]);

    fireEvent.click(front);

    const preview = await waitFor(() => {
      const img = document.querySelector<HTMLImageElement>('.ant-image-preview-img');
      expect(img, 'the full-size view').not.toBeNull();
      return img!;
    });
    expect(preview).toHaveAttribute('src', `data:image/png;base64,${PIXEL}`);
  });

  it('prints the job sheet', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { backend } = repairBackend(repairDetail());
    renderIn('en', <RepairDrawer repairId={1} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('repair-print'));

    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    const printed = screen.getByTestId('job-sheet-print');
    expect(printed.parentElement, 'straight under <body>, so the print stylesheet can keep only it').toBe(document.body);
    expect(within(printed).getByTestId('job-sheet-number')).toHaveTextContent('R-00001');
  });
});
