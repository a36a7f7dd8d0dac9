// An antd form rule that checks a field with the contract's own zod schema: the form says what the
// core would say, in the same words, and the rule is written once (in the contract). An empty field
// is left to the form's `required` rule, which names the field.
import type { Rule } from 'antd/es/form'
import type { z } from 'zod'

export const zodRule = (schema: z.ZodType): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') return
    const result = schema.safeParse(value)
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确')
  }
})
