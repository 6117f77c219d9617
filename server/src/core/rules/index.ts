/**
 * The registry: every rule, in the order their findings are listed. A rule is one file (doc
 * comment, default severity, description, messages, check, fix); everything that lists the codes
 * is derived from this list: CODES, the default severities, the messages (i18n.ts), the LSP code
 * description, SARIF's rule metadata, and — through scripts/docs.ts and test/unit/registry.test.ts —
 * the README's table and package.json's severity schema.
 *
 * Adding a diagnostic: its file, one line below, a test (ARCHITECTURE.md, "Adding a diagnostic").
 */
import type { Severity } from './findings';
import type { Localized, Rule } from './rule';
import { reportTitleMissing } from './report-title-missing';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { sectionDuplicate } from './section-duplicate';
import { sectionNumbering } from './section-numbering';
import { sectionTitle } from './section-title';
import { overviewTopicMissing } from './overview-topic-missing';
import { tableMissing } from './table-missing';
import { tableRowMissing } from './table-row-missing';
import { tableRowUnknown } from './table-row-unknown';
import { tableCellCount } from './table-cell-count';
import { tableUnreadable } from './table-unreadable';
import { tableCellInvalid } from './table-cell-invalid';
import { tableCellBlank } from './table-cell-blank';
import { table3RowTotal } from './table3-row-total';
import { table3OutcomeTotal } from './table3-outcome-total';
import { table3Balance } from './table3-balance';
import { table4Total } from './table4-total';
import { narrativeMismatch } from './narrative-mismatch';
import { section6FeeMissing } from './section6-fee-missing';
import { textPinyinAnnotation } from './text-pinyin-annotation';
import { textPlaceholder } from './text-placeholder';
import { crossyearCarryOver } from './crossyear-carry-over';
import { crossyearCurrentDocuments } from './crossyear-current-documents';
import { crossyearCopiedText } from './crossyear-copied-text';
import { reportNotFound } from './report-not-found';
import { reportTruncated } from './report-truncated';
import { sectionEmpty } from './section-empty';
import { reportFormatYear } from './report-format-year';
import { reportYearMismatch } from './report-year-mismatch';

export const RULES = [
  reportTitleMissing,
  reportTruncated,
  reportYearMismatch,
  reportFormatYear,
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionNumbering,
  sectionTitle,
  sectionEmpty,
  overviewTopicMissing,
  tableMissing,
  tableRowMissing,
  tableRowUnknown,
  tableCellCount,
  tableUnreadable,
  tableCellInvalid,
  tableCellBlank,
  table3RowTotal,
  table3OutcomeTotal,
  table3Balance,
  table4Total,
  narrativeMismatch,
  section6FeeMissing,
  textPinyinAnnotation,
  textPlaceholder,
  crossyearCarryOver,
  crossyearCurrentDocuments,
  crossyearCopiedText,
  reportNotFound,
] as const;

export type Code = (typeof RULES)[number]['code'];

/** The rules as one type, for the code that runs them all. */
export const RULE_LIST: readonly Rule[] = RULES;

export const CODES: readonly Code[] = RULES.map((r) => r.code);

const BY_CODE = new Map<string, Rule>(RULE_LIST.map((r) => [r.code, r]));

export function ruleOf(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

export const DEFAULT_SEVERITY = Object.fromEntries(RULE_LIST.map((r) => [r.code, r.severity])) as Readonly<
  Record<Code, Severity>
>;

/** Where the codes are documented: the README (its table of checks, `#checks`) as the extension's
 *  Marketplace page shows it (publisher.name of package.json; sarif.test.ts keeps them in step). */
export const DOCS_URL = 'https://marketplace.visualstudio.com/items?itemName=disclosure-report.disclosure-report';

/** An LSP `Diagnostic.codeDescription` (the same for every code: the table lists them all). */
export const CODE_DESCRIPTION: { readonly href: string } = { href: `${DOCS_URL}#checks` };

/** What a code checks, in one line (hover on a code, SARIF, the README). */
export function describe(code: string, locale: keyof Localized): string {
  return ruleOf(code)?.description[locale] ?? code;
}

export const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** How to change a code's severity, said once for every rule (SARIF `help`). */
const SEVERITY_HELP: Localized = {
  'zh-CN': '可在设置 disclosureReport.severity 中按代码调整级别，或设为 off 关闭。',
  en: 'The severity can be changed per code in the setting disclosureReport.severity, or set to off.',
};

/** The messages the registry itself shows (aggregated by i18n.ts with the rules' own). */
export const REGISTRY_MESSAGES: Readonly<Record<string, Localized>> = { 'rules.severity-help': SEVERITY_HELP };

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  help: { text: string };
  helpUri: string;
  defaultConfiguration: { level: (typeof SARIF_LEVEL)[Severity] };
}

/** `section.missing` → `SectionMissing` (SARIF's `name`: an identifier a reader can say). */
const nameOf = (code: string): string =>
  code
    .split(/[.-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** SARIF `tool.driver.rules`, in the order of CODES (a result's `ruleIndex` is its code's index). */
export function sarifRules(locale: keyof Localized): SarifRule[] {
  return RULE_LIST.map((r) => ({
    id: r.code,
    name: nameOf(r.code),
    shortDescription: { text: r.description[locale] },
    help: { text: SEVERITY_HELP[locale] },
    helpUri: CODE_DESCRIPTION.href,
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
}
