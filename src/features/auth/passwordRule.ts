// The form's early word on a new password; the core's policy (electron/core/trust/domain/passwordPolicy.ts) decides.
export const passwordRule = {
  validator: (_: unknown, v: string | undefined) => {
    if (!v) return Promise.resolve()
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(v)).length
    if (v.length < 8 || classes < 3) return Promise.reject(new Error('至少 8 位，含大写字母、小写字母、数字、符号中的至少三类'))
    return Promise.resolve()
  }
}

/** The second entry of a new password must equal the first (the field named). */
export const sameAs =
  (field: string) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, v: unknown) => (v === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')))
  })
