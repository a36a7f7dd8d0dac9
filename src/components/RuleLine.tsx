// One line of 规则检查 from another feature's check: what is wrong (warning) or that all is well, and 查看.
import { Alert, Button } from 'antd'

export function RuleLine({ problems, ok, testId, onOpen }: { problems: string | null; ok: string; testId: string; onOpen: () => void }) {
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type={problems ? 'warning' : 'success'}
      showIcon
      data-testid={testId}
      message={problems ?? ok}
      action={
        problems ? (
          <Button size="small" onClick={onOpen}>
            查看
          </Button>
        ) : undefined
      }
    />
  )
}
