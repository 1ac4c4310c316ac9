import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, ShopPermissionsDto } from '../../bindings';
import { ErrorAlert } from '../ErrorAlert';
import { platformName } from './platformName';

export type ShopPermissionsViewProps = {
  /** The shop's platform, named in the title before the answer is there. */
  platform: string;
  permissions: ShopPermissionsDto | undefined;
  loading: boolean;
  error: ApiError | null;
};

/**
 * "What the desk can do on <platform>": each call the desk may send, allowed or not by the shop's connected
 * credentials and why, with the platform's own rule (approved apps only, a verification code).
 */
export function ShopPermissionsView({ platform, permissions, loading, error }: ShopPermissionsViewProps) {
  const { t } = useTranslation();
  let content;
  if (error !== null) {
    content = <ErrorAlert error={error} />;
  } else if (permissions === undefined || loading) {
    content = <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  } else {
    content = (
      <Flex vertical gap="small">
        {permissions.problem !== null && (
          <Alert type="warning" showIcon data-testid="permissions-problem" message={t('permissions.problem', { problem: permissions.problem })} />
        )}
        {permissions.permissions.length > 0 ? (
          <List
            size="small"
            bordered
            dataSource={permissions.permissions}
            renderItem={(permission) => (
              <List.Item data-testid="permission" data-op={permission.op} data-allowed={String(permission.allowed)}>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex justify="space-between" align="center" gap="small">
                    <Typography.Text strong>{t(`op.${permission.op}`)}</Typography.Text>
                    {permission.allowed ? (
                      <Tag color="success" icon={<CheckCircleFilled />}>
                        {t('permissions.allowed')}
                      </Tag>
                    ) : (
                      <Tag color="error" icon={<CloseCircleFilled />}>
                        {t('permissions.notAllowed')}
                      </Tag>
                    )}
                  </Flex>
                  {permission.why !== '' && <Typography.Text type="secondary">{permission.why}</Typography.Text>}
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          permissions.problem === null && <Typography.Text type="secondary">{t('permissions.none')}</Typography.Text>
        )}
        {permissions.restriction !== null && (
          <Alert type="info" showIcon data-testid="permissions-restriction" message={t('preview.restriction')} description={permissions.restriction} />
        )}
      </Flex>
    );
  }
  return (
    <section data-testid="shop-permissions" style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t('permissions.title', { platform: platformName(t, permissions?.platform ?? platform) })}</Typography.Title>
      {content}
    </section>
  );
}
