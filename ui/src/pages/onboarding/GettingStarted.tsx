import { CheckCircleFilled, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, List, Popover, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import { useReminderSettings } from '../../hooks/useReminderSettings';
import { STEPS, doneSteps, remember, remembered, shown, type Step } from './gettingStarted';

/** Where each step is done in the desk. */
const PAGE_OF: Record<Step, 'shops' | 'dashboard' | 'settings'> = { shop: 'shops', average: 'dashboard', reminders: 'settings', login: 'settings' };

/** Where a shop's keys are found, per platform: the connect dialog's own help texts. */
function KeysHelp() {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('platform.shopify'), t('connect.tokenHelp')],
    [t('platform.woocommerce'), t('connect.keysHelp')],
    [t('platform.medusa'), t('connect.medusaKeyHelp')],
    [t('platform.pdd'), `${t('connect.clientHelp')} ${t('connect.accessTokenHelp')}`],
    [t('platform.taobao'), `${t('connect.appHelp')} ${t('connect.sessionHelp')}`],
  ];
  return (
    <Flex vertical gap="small" style={{ maxWidth: 460 }} data-testid="keys-help">
      {rows.map(([platform, help]) => (
        <Typography.Text key={platform}>
          <Typography.Text strong>{platform}</Typography.Text> · {help}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/**
 * After the demo: the few steps from trying the desk to using it — the merchant's own shop (with where its keys are),
 * the category average for 介入率, working hours and reminder lead times, start at login. Each step is ticked from
 * what the desk holds; reminders can be ticked by hand; the list remembers being hidden.
 */
export function GettingStarted({ shops, onGo }: { shops: readonly ShopDto[]; onGo: (page: 'shops' | 'dashboard' | 'settings') => void }) {
  const { t } = useTranslation();
  const reminders = useReminderSettings().data;
  const [state, setState] = useState(remembered);
  const update = (next: typeof state) => {
    remember(next);
    setState(next);
  };
  const done = doneSteps(shops, reminders, state.ticked);
  if (!shown(shops, done, state.hidden)) return null;

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="getting-started"
      title={
        <Flex align="center" gap="middle">
          <span>{t('gettingStarted.title')}</span>
          <Progress
            percent={Math.round((done.size / STEPS.length) * 100)}
            steps={STEPS.length}
            size="small"
            format={() => t('gettingStarted.progress', { done: done.size, all: STEPS.length })}
          />
        </Flex>
      }
      extra={
        <Button type="link" size="small" onClick={() => update({ ...state, hidden: true })} data-testid="getting-started-hide">
          {t('gettingStarted.hide')}
        </Button>
      }
    >
      <List
        size="small"
        dataSource={[...STEPS]}
        renderItem={(step) => (
          <List.Item
            data-testid={`step-${step}`}
            data-done={done.has(step)}
            actions={[
              ...(step === 'shop'
                ? [
                    <Popover key="keys" content={<KeysHelp />} title={t('gettingStarted.keysTitle')} trigger="click">
                      <Button type="link" size="small" icon={<QuestionCircleOutlined />}>
                        {t('gettingStarted.keys')}
                      </Button>
                    </Popover>,
                  ]
                : []),
              ...(step === 'reminders'
                ? [
                    <Checkbox
                      key="tick"
                      checked={state.ticked.includes('reminders')}
                      onChange={(e) =>
                        update({ ...state, ticked: e.target.checked ? [...state.ticked, 'reminders'] : state.ticked.filter((s) => s !== 'reminders') })
                      }
                    >
                      {t('gettingStarted.tick')}
                    </Checkbox>,
                  ]
                : []),
              <Button key="go" size="small" type={done.has(step) ? 'default' : 'primary'} onClick={() => onGo(PAGE_OF[step])}>
                {t(`gettingStarted.go.${PAGE_OF[step]}`)}
              </Button>,
            ]}
          >
            <List.Item.Meta
              avatar={<CheckCircleFilled style={{ color: done.has(step) ? '#52c41a' : '#d9d9d9', fontSize: 18 }} />}
              title={t(`gettingStarted.step.${step}.title`)}
              description={t(`gettingStarted.step.${step}.hint`)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
