/**
 * What the rules produce: a finding with a stable code, a range on the smallest text that shows it,
 * a message (an id and its arguments, localized by i18n.ts) and the data its rule's quick fix reads.
 *
 * The codes themselves and their default severities are not listed here: the registry
 * (rules/index.ts) derives them from the rule files. `Code` is a type-only import of the registry
 * (erased at run time); CODES and DEFAULT_SEVERITY are re-exported for the core's door.
 */
import type { Range } from '../model';
import type { Code } from './index';

export type { Code } from './index';
export { CODES, DEFAULT_SEVERITY } from './index';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type Locale = 'zh-CN' | 'en';

export interface Message {
  id: string;
  args?: Record<string, string | number>;
}

/** What a rule attaches to its findings for its own quick fix (each rule names its own type, as a
 *  `type` alias: an interface would not be assignable to this index signature). */
export type FindingData = Readonly<Record<string, unknown>>;

/** Another place that takes part in a finding (LSP relatedInformation, the command line's `related`). */
export interface Related {
  range: Range;
  message: Message;
}

export interface Finding<D extends FindingData = FindingData> {
  code: Code;
  severity: Severity;
  range: Range;
  message: Message;
  data?: D;
  /** The other cells or places the finding names (e.g. the four cells of a failed balance). */
  related?: Related[];
}
