// What a seat and the town server compare before they talk (issue 20): a hash of the contract — every
// method's name and the JSON Schema of its input and output. A seat built from another contract would
// send calls the server reads differently, so a mismatch is refused with both versions named.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { contract, methodNames } from '../../shared/contract'

let cached: string | undefined

/** 12 hex digits: enough to tell contracts apart, short enough to read out over the phone. */
export function contractHash(): string {
  if (cached) return cached
  const hash = createHash('sha256')
  for (const name of [...methodNames].sort()) {
    const spec = contract[name]
    hash.update(name)
    hash.update(JSON.stringify(z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' })))
    hash.update(JSON.stringify(z.toJSONSchema(spec.output, { unrepresentable: 'any', io: 'output' })))
  }
  return (cached = hash.digest('hex').slice(0, 12))
}
