import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { ReasonDto, ReasonInput } from '../../bindings';
import { reasons } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { ReasonsSection } from './ReasonsSection';

/** An engine in memory with the default tree: a new reason gets a custom code under its group, as the real one does. */
function reasonsBackend() {
  let tree = reasons();
  const calls = {
    listReasons: vi.fn(async () => tree),
    addReason: vi.fn(async (input: ReasonInput) => {
      const count = tree.length + 1;
      const added: ReasonDto = {
        code: input.parent === null ? `custom${count}` : `${input.parent}.custom${count}`,
        parent: input.parent,
        label_zh: input.label_zh || input.label_en,
        label_en: input.label_en || input.label_zh,
        builtin: false,
      };
      const at = input.parent === null ? tree.length : tree.findLastIndex((r) => r.code === input.parent || r.parent === input.parent) + 1;
      tree = [...tree.slice(0, at), added, ...tree.slice(at)];
      return tree;
    }),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

function group(code: string): HTMLElement {
  return screen.getAllByTestId('reason-group').find((element) => element.dataset.reasonCode === code)!;
}

async function chooseGroup(form: HTMLElement, label: string) {
  fireEvent.mouseDown(within(form).getAllByRole('combobox')[0]!.closest('.ant-select')!.querySelector('.ant-select-selector')!);
  fireEvent.click((await screen.findAllByText(label, { selector: '.ant-select-item-option-content' })).at(-1)!);
}

describe('ReasonsSection', () => {
  it('lists the groups with their reasons, named in the UI language with the other beside it', async () => {
    const { backend } = reasonsBackend();
    renderIn('zh-CN', <ReasonsSection />, backend);

    await screen.findByTestId('reasons-tree');
    expect(screen.getAllByTestId('reason-group').map((element) => element.dataset.reasonCode)).toEqual(['quality', 'buyer', 'other']);
    const quality = within(group('quality'));
    expect(quality.getByText('质量问题')).toBeInTheDocument();
    expect(quality.getByText('Quality problem')).toBeInTheDocument();
    expect(quality.getByText('运输破损')).toBeInTheDocument();
    expect(quality.getByText('商品故障/无法使用')).toBeInTheDocument();
    expect(within(group('other')).getAllByTestId('reason')).toHaveLength(1);
    expect(screen.queryByText('自定义'), 'all shipped').toBeNull();
  });

  it('adds a reason under a group, then a new group, and lists them as the merchant’s', async () => {
    const { backend, addReason } = reasonsBackend();
    renderIn('en', <ReasonsSection />, backend);
    await screen.findByTestId('reasons-tree');

    let form = screen.getByTestId('add-reason-form');
    expect(within(form).getByText('Quality problem'), 'the first group is chosen').toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText('Name in Chinese'), { target: { value: ' 有异味 ' } });
    fireEvent.change(within(form).getByLabelText('Name in English'), { target: { value: 'Smells' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add reason' }));

    await waitFor(() => expect(addReason).toHaveBeenCalledWith({ parent: 'quality', label_zh: '有异味', label_en: 'Smells' }));
    expect(await screen.findByText('Reason “Smells” added')).toBeInTheDocument();
    await waitFor(() => expect(within(group('quality')).getByText('Smells')).toBeInTheDocument());
    expect(within(group('quality')).getByText('有异味')).toBeInTheDocument();
    expect(within(group('quality')).getByText('Yours')).toBeInTheDocument();

    form = screen.getByTestId('add-reason-form');
    expect(within(form).getByLabelText('Name in English'), 'a fresh form after adding').toHaveValue('');
    await chooseGroup(form, 'New group (top level)');
    fireEvent.change(within(form).getByLabelText('Name in English'), { target: { value: 'Logistics' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add reason' }));

    await waitFor(() => expect(addReason).toHaveBeenLastCalledWith({ parent: null, label_zh: '', label_en: 'Logistics' }));
    await waitFor(() => expect(screen.getAllByTestId('reason-group')).toHaveLength(4));
    expect(screen.getAllByTestId('reason-group').at(-1)).toHaveTextContent('Logistics');
  });

  it('asks for a name in at least one language before adding', async () => {
    const { backend, addReason } = reasonsBackend();
    renderIn('zh-CN', <ReasonsSection />, backend);
    await screen.findByTestId('reasons-tree');

    const form = screen.getByTestId('add-reason-form');
    fireEvent.change(within(form).getByLabelText('英文名称'), { target: { value: '   ' } });
    fireEvent.click(within(form).getByRole('button', { name: '添加原因' }));
    expect(await within(form).findByText('请至少填写一种语言的名称')).toBeInTheDocument();
    expect(addReason).not.toHaveBeenCalled();
  });
});
