// Imported by the unit tests (through helpers.ts): a rule that throws fails the test that ran it,
// and, should a caller swallow the error (formatting catches its own re-reads), the test file.
// In production the runner keeps the other rules going and tells the hook, which says nothing.
import { onRuleError, type RuleErrorHook } from '../../server/src/core/rules/check';

/** A hook that notes the error in `thrown` and throws it on. */
export function failingHook(thrown: string[]): RuleErrorHook {
  return (code, error) => {
    const what = error instanceof Error ? (error.stack ?? error.message) : String(error);
    thrown.push(`${code}: ${what}`);
    throw new Error(`rule ${code} threw: ${what}`);
  };
}

const thrown: string[] = [];
onRuleError(failingHook(thrown));

process.on('exit', () => {
  if (!thrown.length) return;
  process.stderr.write(`rules threw during this test file:\n${thrown.join('\n')}\n`);
  process.exitCode = 1;
});
