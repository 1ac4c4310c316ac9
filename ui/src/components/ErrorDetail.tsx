import { theme, Typography } from 'antd';

/**
 * The engine's own words about an error, small and grey under the translated headline: they are English and
 * technical, detail for whoever looks closer. `ellipsis`: one line, cut with … (the whole text on hover).
 */
export function ErrorDetail({ message, ellipsis = false }: { message: string; ellipsis?: boolean }) {
  const { token } = theme.useToken();
  return (
    <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }} ellipsis={ellipsis ? { tooltip: message } : false}>
      {message}
    </Typography.Text>
  );
}
