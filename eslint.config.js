// Lint: typescript-eslint's recommended rules, React's hook rules, and the boundaries that keep the
// code as architecture.md lays it out. `npm run lint` (part of `npm test`) allows no warning.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const features = ['grids', 'changes', 'people', 'issues', 'briefings', 'wall', 'trust', 'rentals', 'heads']
const noElectron = { name: 'electron', message: 'electron/core 与 electron/shared 不得引用 Electron（见 architecture.md）' }
const storeLibraries = ['better-sqlite3', 'drizzle-orm'].map((name) => ({ name, message: 'domain/ 只放纯规则：不读写数据库' }))
const pureDomain = { group: ['**/db/*', '**/clock', 'node:fs', 'node:fs/*'], message: 'domain/ 只放纯规则：不读写数据库、文件，不取时钟' }
const othersInternals = (f) =>
  features.filter((o) => o !== f).map((o) => ({ group: [`**/${o}/domain/*`, `**/${o}/files/*`], message: `${f} 不得引用 ${o} 的内部规则（domain/、files/）` }))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'drizzle/**', 'test-output/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' }
  },
  // The core is plain Node: never Electron.
  { files: ['electron/core/**/*.ts', 'electron/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] } },
  // A feature reaches another only through its contract and its services, never its domain/ or files/;
  // its own domain/ holds pure rules: no store, no clock, no files. (One rule per folder: a later
  // no-restricted-imports replaces an earlier one, so each folder's list says everything.)
  ...features.flatMap((f) => [
    { files: [`electron/core/${f}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: othersInternals(f) }] } },
    {
      files: [`electron/core/${f}/domain/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { paths: [noElectron, ...storeLibraries], patterns: [...othersInternals(f), pureDomain] }] }
    }
  ]),
  // The renderer reads a feature's contract and words (pure declarations), never its services or the store.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'electron/core/(?!\\w+/(contract|words)$)',
              message: '界面只引用功能的 contract 与 words，不引用核心的服务、数据库'
            }
          ]
        }
      ]
    }
  },
  // Screens and hooks never call window.api directly: src/api/ is the only door.
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'api', message: '只经 src/api/ 调用 window.api' }],
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: '只经 src/api/ 调用 window.api' }]
    }
  }
)
