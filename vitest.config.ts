import { defineConfig } from 'vitest/config'

// Four suites, one command (`npm test` builds the renderer first, which e2e needs).
// The browser suite runs after the others (groupOrder), alone: on a 2-core machine the CPU-heavy
// property and fuzz tests would otherwise starve Chromium and make waits flaky.
export default defineConfig({
  test: {
    // Vitest 4 leaves one core to itself by default: on our 2-core machines that ran every file one
    // after another. Two workers for the node suites; the browser suite stays alone (fileParallelism).
    maxWorkers: 2,
    reporters: ['default', './tests/support/summaryReporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['./tests/support/cleanup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 90_000,
          sequence: { groupOrder: 0 }
        }
      },
      {
        test: {
          name: 'contract',
          include: ['tests/contract/**/*.test.ts'],
          setupFiles: ['./tests/support/cleanup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 90_000,
          sequence: { groupOrder: 0 }
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['./tests/support/cleanup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          expect: { poll: { timeout: 10_000, interval: 100 } },
          sequence: { groupOrder: 1 }
        }
      }
    ]
  }
})
