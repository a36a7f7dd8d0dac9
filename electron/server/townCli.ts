// The town's certificates from the command line (README, 镇网络部署):
//   npm run town:ca -- --dir 证书目录 --host 10.20.30.40 --host shishan-server
//   npm run town:seat -- 汀圃社区-01 --dir 证书目录
//   npm run town:revoke -- 汀圃社区-01 --dir 证书目录
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createTownCa, issueSeat, revokeSeat, TownCaError } from './townCa'

const usage = {
  ca: 'npm run town:ca -- --dir 证书目录 --host 服务器IP或名称 [--host …]',
  seat: 'npm run town:seat -- 席位名称 --dir 证书目录',
  revoke: 'npm run town:revoke -- 席位名称 --dir 证书目录'
} as const

function main() {
  const command = process.argv[2] as keyof typeof usage
  if (!(command in usage)) {
    console.error(`用法：\n  ${Object.values(usage).join('\n  ')}`)
    process.exit(2)
  }
  let parsed
  try {
    parsed = parseArgs({
      args: process.argv.slice(3),
      allowPositionals: true,
      options: { dir: { type: 'string' }, host: { type: 'string', multiple: true } }
    })
  } catch (e) {
    console.error(`参数有误：${(e as Error).message}。用法：${usage[command]}`)
    process.exit(2)
  }
  const { values, positionals } = parsed
  if (!values.dir) {
    console.error(`请用 --dir 给出证书目录。用法：${usage[command]}`)
    process.exit(2)
  }
  // npm runs scripts in the package folder; a relative --dir is meant from where the user typed.
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), values.dir)
  try {
    if (command === 'ca') {
      createTownCa(dir, values.host ?? [])
      console.log(`已在“${dir}”创建镇证书颁发机构和服务器证书（${(values.host ?? []).join('、')}）。ca.key 请离线保管，不要拷到其他电脑。`)
    } else {
      const seat = positionals[0]
      if (!seat) {
        console.error(`请给出席位名称。用法：${usage[command]}`)
        process.exit(2)
      }
      if (command === 'seat') {
        const r = issueSeat(dir, seat)
        console.log(`已签发席位“${seat}”的证书：${r.certFile}（私钥 ${r.keyFile}）。请连同 ca.crt 拷到该席位电脑。`)
      } else {
        revokeSeat(dir, seat)
        console.log(`已吊销席位“${seat}”的证书；镇服务器从现在起拒绝它。`)
      }
    }
  } catch (e) {
    if (e instanceof TownCaError) {
      console.error(e.message)
      process.exit(1)
    }
    throw e
  }
}

main()
