import { Flex } from 'antd';
import { ErrorDetail } from './ErrorDetail';

/** An error toast's content: the translated headline, the engine's message under it as detail. */
export function ErrorMessage({ headline, detail }: { headline: string; detail: string }) {
  return (
    <Flex vertical align="start" style={{ display: 'inline-flex', textAlign: 'start', maxWidth: 560 }}>
      <span>{headline}</span>
      <ErrorDetail message={detail} />
    </Flex>
  );
}
