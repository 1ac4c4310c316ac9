import { Flex, Input, Segmented, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOOKUP_BY, type Lookup, type LookupBy } from './lookup';

/**
 * One box to look a warranty up by serial (the default), order number or phone. It has the focus and Enter
 * submits, since a barcode scanner types the code and presses Enter; the text is then selected so the next scan
 * replaces it. The box never shows a loading state: a search box ignores Enter while loading, and a scan must
 * never be dropped.
 */
export function LookupBox({ onSubmit }: { onSubmit: (lookup: Lookup) => void }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<LookupBy>('serial');
  const input = useRef<InputRef>(null);
  return (
    <Flex gap="middle" wrap align="center">
      <Segmented<LookupBy>
        value={by}
        data-testid="warranty-lookup-by"
        onChange={(next) => {
          setBy(next);
          input.current?.focus();
        }}
        options={LOOKUP_BY.map((value) => ({ value, label: t(`warranty.lookup.by.${value}`) }))}
      />
      <Input.Search
        ref={input}
        autoFocus
        allowClear
        autoComplete="off"
        size="large"
        style={{ flex: 1, minWidth: 280, maxWidth: 560 }}
        aria-label={t(`warranty.lookup.by.${by}`)}
        placeholder={t(`warranty.lookup.placeholder.${by}`)}
        enterButton={t('warranty.lookup.submit')}
        data-testid="warranty-lookup-input"
        onSearch={(text, _, info) => {
          const value = text.trim();
          // The clear button also "searches", with nothing: not a lookup.
          if (value === '' || info?.source === 'clear') {
            return;
          }
          onSubmit({ by, value });
          input.current?.select();
        }}
      />
    </Flex>
  );
}
