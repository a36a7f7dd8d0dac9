// A setup file of the suites that make stores: each test file's temp folders go when it ends.
import { afterAll } from 'vitest'
import { removeTempDirs } from './core'

afterAll(removeTempDirs)
