// The form's early word on a new password; the core's policy (domain/passwordPolicy.ts) decides.
export const passwordRule = {
  validator: (_: unknown, v: string | undefined) => {
    if (!v) return Promise.resolve()
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(v)).length
    if (v.length < 8 || classes < 3) return Promise.reject(new Error('至少 8 位，含大写字母、小写字母、数字、符号中的至少三类'))
    return Promise.resolve()
  }
}
