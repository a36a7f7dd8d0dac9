// The message after a registry write that can be undone: what was done, and 撤销 for ten seconds
// (the change stays in the change log either way). A clerk, who may not undo, gets the message alone.
import type { ReactNode } from 'react'
import { App, Button } from 'antd'
import { useCanUndo, usePeopleUndo } from '../../api/people'

export function useUndoMessage() {
  const { message } = App.useApp()
  const undo = usePeopleUndo()
  const canUndo = useCanUndo()
  return (text: string, batchId: number, extra?: ReactNode) => {
    if (!canUndo)
      return void message.success({
        content: (
          <span>
            {text}
            {extra}
          </span>
        ),
        duration: extra ? 10 : 3
      })
    const key = `undo-${batchId}`
    void message.success({
      key,
      duration: 10,
      content: (
        <span>
          {text}
          <Button
            type="link"
            size="small"
            onClick={() =>
              undo(batchId).then(
                () => message.success({ key, content: '已撤销' }),
                (e: Error) => message.error({ key, content: e.message })
              )
            }
            data-testid="undo-last"
          >
            撤销
          </Button>
          {extra}
        </span>
      )
    })
  }
}
