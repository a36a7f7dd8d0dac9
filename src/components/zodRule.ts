// Form rules from the contract: a field is checked with the contract's own zod schema, so the form
// says what the core would say, in the same words, and the rule is written once (in the contract).
import type { Rule } from 'antd/es/form'
import type { z } from 'zod'
import { contract, type Input, type MethodName } from '../../electron/shared/contract'

/** Checks a filled field with `schema`; an empty one is left to the form's `required` rule, which names the field. */
export const zodRule = (schema: z.ZodType): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') return
    const result = schema.safeParse(value)
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确')
  }
})

/**
 * The rules of one input field of a method, as its contract declares them: required (unless
 * optional there), with the contract's message for an empty value, and its checks of a filled one.
 */
export function contractRules<M extends MethodName>(method: M, field: keyof Input<M> & string): Rule[] {
  const schema = (contract[method].input as unknown as z.ZodObject<z.ZodRawShape>).shape[field] as z.ZodType
  const empty = schema.safeParse(undefined).success ? null : schema.safeParse('')
  return [...(empty ? [{ required: true, whitespace: true, message: empty.success ? undefined : empty.error.issues[0]?.message }] : []), zodRule(schema)]
}
