// The attribute fields of a grid, shared by "edit" and "new child grid".
import { Form, Input, InputNumber, Select } from 'antd'
import { GridAttributes, gridKinds, type Tier } from '../../../../electron/shared/contract'
import { zodRule } from '../../../components/zodRule'

export type GridFormValues = {
  name: string
  label?: string
  code?: string
  kind: string
  partyOrganisation?: string | null
  inspector?: string | null
  households?: number
  registeredPopulation?: number
  nonHukouPopulation?: number
}

export function GridFormFields({ tier, codeOptional }: { tier: Tier; codeOptional?: boolean }) {
  return (
    <>
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, zodRule(GridAttributes.shape.name)]}>
        <Input maxLength={60} />
      </Form.Item>
      {tier === 3 && (
        <Form.Item name="label" label="地图标注" tooltip="地图上显示的简称，如“第一党小组”" rules={[zodRule(GridAttributes.shape.label)]}>
          <Input maxLength={30} />
        </Form.Item>
      )}
      <Form.Item
        name="code"
        label="编码"
        tooltip={codeOptional ? '留空则按上级编码自动编号' : undefined}
        rules={[{ required: !codeOptional, message: '请填写编码' }, zodRule(GridAttributes.shape.code)]}
      >
        <Input maxLength={32} placeholder={codeOptional ? '自动编号' : undefined} />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
        <Select options={gridKinds[tier].map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="partyOrganisation" label="党组织">
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="inspector" label="网格巡查员">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="households" label="户数">
        <InputNumber min={0} precision={0} style={{ width: '100%' }} addonAfter="户" />
      </Form.Item>
      <Form.Item name="registeredPopulation" label="户籍人口">
        <InputNumber min={0} precision={0} style={{ width: '100%' }} addonAfter="人" />
      </Form.Item>
      <Form.Item name="nonHukouPopulation" label="非户籍人口">
        <InputNumber min={0} precision={0} style={{ width: '100%' }} addonAfter="人" />
      </Form.Item>
    </>
  )
}

/** Only what changed, with empty text as null, so the history shows exactly what was edited. */
export function changedFields(before: Record<string, unknown>, values: GridFormValues): Partial<GridFormValues> {
  const patch: Record<string, unknown> = {}
  for (const [key, raw] of Object.entries(values)) {
    const value = typeof raw === 'string' ? (raw.trim() === '' ? null : raw.trim()) : (raw ?? null)
    if (value === null && ['name', 'code', 'kind', 'label'].includes(key)) continue
    if (value !== (before[key] ?? null)) patch[key] = value
  }
  return patch as Partial<GridFormValues>
}
