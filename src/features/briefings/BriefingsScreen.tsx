// 工作简报: the issued briefings (searchable) beside the composer. A briefing opens in its print view.
import { useState } from 'react'
import { Alert, Button, Input, List } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useBriefingList } from '../../api/briefings'
import { BriefingComposer } from './BriefingComposer'

const openPrint = (id: number) => (window.location.hash = `#/print/briefing/${id}`)

export function BriefingsScreen() {
  const [q, setQ] = useState('')
  const list = useBriefingList(q)
  return (
    <div className="briefings-screen">
      <aside className="briefings-list">
        <h3>已签发简报</h3>
        <Input.Search allowClear placeholder="期号、范围或类型" onSearch={setQ} data-testid="briefing-search" />
        {list.error && <Alert type="error" showIcon message={list.error.message} />}
        <List
          size="small"
          loading={list.isLoading}
          locale={{ emptyText: '还没有签发的简报' }}
          dataSource={list.data ?? []}
          data-testid="briefing-list"
          renderItem={(b) => (
            <List.Item
              actions={[
                <Button key="print" size="small" type="link" icon={<PrinterOutlined />} onClick={() => openPrint(b.id)}>
                  打印
                </Button>
              ]}
            >
              <List.Item.Meta title={`${b.year}年第${b.number}期 · ${b.kind}`} description={`${b.scopeName} · ${b.periodFrom} 至 ${b.periodTo}`} />
            </List.Item>
          )}
        />
      </aside>
      <BriefingComposer onIssued={openPrint} />
    </div>
  )
}
