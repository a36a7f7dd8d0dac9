// The people rules' findings, grouped by rule; each points to the registry rows to fix.
import type { ReactNode } from 'react'
import { Alert, Button, Empty, List, Spin, Tag, Typography } from 'antd'
import type { UseQueryResult } from '@tanstack/react-query'
import type { Output } from '../../../electron/shared/contract'
import type { RegistryName } from '../../../electron/shared/people'

type Check = Output<'people.check'>
type Problem = Check['problems'][number]

export const ruleLabel: Record<Problem['kind'], string> = {
  TEAM_FEW_NON_FOSHAN: '驻点团队非佛山户籍成员不足 2 名',
  HOUSEHOLD_NO_CONTACT: '户没有联系党员',
  MEMBER_TOO_MANY_HOUSEHOLDS: '党员联系户数过多',
  REPORTING_UNPLACED: '报到党员未编入党小组',
  GROUP_OVER_CAPACITY: '党小组超员',
  DUPLICATE_ID: '身份证号重复'
}

/** Where each finding is fixed: which registry, filtered how. */
const target = (p: Problem): { registry: RegistryName; filters?: Record<string, string | boolean> } =>
  p.kind === 'TEAM_FEW_NON_FOSHAN'
    ? { registry: 'teams', filters: { belowRule: true } }
    : p.kind === 'HOUSEHOLD_NO_CONTACT'
      ? { registry: 'households', filters: { noContact: true } }
      : p.kind === 'REPORTING_UNPLACED'
        ? { registry: 'reporting', filters: { placed: false } }
        : p.kind === 'GROUP_OVER_CAPACITY'
          ? { registry: 'reporting', filters: { groupGridId: p.refs[0]?.id as unknown as string } }
          : { registry: 'persons' }

export function RulesPanel({
  check,
  onOpen,
  onPerson,
  more
}: {
  check: UseQueryResult<Check, Error>
  onOpen: (t: { registry: RegistryName; villageUnitId?: number; filters?: Record<string, string | boolean> }) => void
  onPerson: (id: number) => void
  /** Other features' checks on the same villages (三长: areas with no head), above the people rules. */
  more?: ReactNode
}) {
  if (check.isLoading) return <Spin />
  if (check.error) return <Alert type="error" showIcon message={check.error.message} />
  const problems = check.data?.problems ?? []
  if (problems.length === 0)
    return (
      <div className="rules-panel" data-testid="rules-panel">
        {more}
        <Empty description="人员规则没有发现问题" />
      </div>
    )
  return (
    <div className="rules-panel" data-testid="rules-panel">
      {more}
      <Typography.Paragraph type="secondary">
        党小组容量 {check.data!.capacity} 人；每名党员联系不超过 {check.data!.householdsPerMemberLimit} 户。共 {problems.length} 项。
      </Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={problems}
        renderItem={(p) => (
          <List.Item
            className="rules-item"
            actions={[
              <Button key="open" size="small" onClick={() => onOpen({ ...target(p), villageUnitId: p.villageUnitId ?? undefined })}>
                查看
              </Button>
            ]}
          >
            <List.Item.Meta
              title={
                <span>
                  <Tag color={p.severity === 'error' ? 'red' : 'orange'}>{ruleLabel[p.kind]}</Tag>
                  {p.message}
                </span>
              }
              description={
                p.refs.some((r) => r.type === 'person') ? (
                  <span>
                    {p.refs
                      .filter((r) => r.type === 'person')
                      .map((r) => (
                        <Button key={r.id} type="link" size="small" onClick={() => onPerson(r.id)}>
                          {r.name}
                        </Button>
                      ))}
                  </span>
                ) : p.refs.length > 1 ? (
                  <span className="muted">
                    例如：
                    {p.refs
                      .slice(0, 8)
                      .map((r) => r.name)
                      .join('、')}
                    {p.count > 8 ? ' …' : ''}
                  </span>
                ) : null
              }
            />
          </List.Item>
        )}
      />
    </div>
  )
}
