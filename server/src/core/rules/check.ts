/**
 * Running the rules: a model in, findings out (per report, so that the language server can reuse
 * the findings of reports an edit did not touch).
 *
 * A rule that throws on odd input must not take the others down, nor pass unnoticed: the runner
 * keeps going and reports the error through the hook installed with `onRuleError` (the tests
 * install one that fails; the editor and the command line keep the default, which says nothing).
 */
import type { Code, Finding, Severity } from './findings';
import type { DocumentModel, Report } from '../model';
import { RULE_LIST } from './index';
import type { ReportRef, RuleContext, Rule } from './rule';
import { organIdentity, sameOrgan } from '../crossyear/identity';

export interface CheckOptions {
  narrativeChecks?: boolean;
  /** Per-code severity; 'off' drops the code. */
  severity?: Partial<Record<Code, Severity | 'off'>>;
  /** Other reports (or a function giving them, called only if a rule asks: reading a workspace
   *  is not free). The list may hold the report checked itself; rules look reports up by organ and
   *  year through `reportsOf` (an index), never by scanning the list for every report. */
  others?: ReportRef[] | (() => ReportRef[]);
}

export type RuleErrorHook = (code: string, error: unknown) => void;

let ruleErrorHook: RuleErrorHook = () => {};

/** Installs the hook told of every rule that throws; returns the one it replaces. */
export function onRuleError(hook: RuleErrorHook): RuleErrorHook {
  const before = ruleErrorHook;
  ruleErrorHook = hook;
  return before;
}

/** Runs `rules` on one report: each finding gets its rule's code and default severity. */
export function runRules(rules: readonly Rule[], ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    let fs;
    try {
      fs = rule.check(ctx);
    } catch (e) {
      ruleErrorHook(rule.code, e);
      continue;
    }
    for (const f of fs) {
      const one: Finding = { code: rule.code as Code, severity: rule.severity, range: f.range, message: f.message };
      if (f.data !== undefined) one.data = f.data;
      if (f.related?.length) one.related = f.related;
      out.push(one);
    }
  }
  return out;
}

export function checkReport(
  text: string,
  source: string,
  model: DocumentModel,
  report: Report,
  opts: CheckOptions = {},
): Finding[] {
  let others: ReportRef[] | undefined;
  const ctx: RuleContext = {
    text,
    source,
    model,
    report,
    options: { narrativeChecks: opts.narrativeChecks !== false },
    // As given (not a copy without this report: that would cost every other report per report).
    get others(): ReportRef[] {
      return (others ??= typeof opts.others === 'function' ? opts.others() : (opts.others ?? NONE));
    },
  };
  return applySeverity(runRules(RULE_LIST, ctx), opts.severity);
}

const NONE: ReportRef[] = [];

/** Reports by organ and year, built once per list and extended when the list grows (the command
 *  line appends the reports of each file it reads). */
interface ReportIndex {
  indexed: number;
  byKey: Map<string, ReportRef[]>;
}
const INDEXES = new WeakMap<readonly ReportRef[], ReportIndex>();
/** Bucketed by the organ's identity (crossyear/identity.ts), not its exact name. */
const keyOf = (organ: string, year: number) => `${year}\u0000${organIdentity(organ).key}`;

/** The reports of `organ` (the same organ however written: `sameOrgan`) for `year` among `others`,
 *  in their order: a map lookup, the list is read once whatever the number of reports checked. */
export function reportsOf(others: readonly ReportRef[], organ: string, year: number): readonly ReportRef[] {
  let index = INDEXES.get(others);
  if (!index || index.indexed > others.length) {
    index = { indexed: 0, byKey: new Map() };
    INDEXES.set(others, index);
  }
  for (; index.indexed < others.length; index.indexed++) {
    const r = others[index.indexed]!;
    const o = r.organ;
    const y = r.year;
    if (!o || y === null) continue;
    const k = keyOf(o, y);
    const list = index.byKey.get(k);
    if (list) list.push(r);
    else index.byKey.set(k, [r]);
  }
  const bucket = index.byKey.get(keyOf(organ, year));
  if (!bucket) return NONE;
  let same = true;
  for (const r of bucket) if (r.organ !== organ && !sameOrgan(organ, r.organ!)) same = false;
  return same ? bucket : bucket.filter((r) => r.organ === organ || sameOrgan(organ, r.organ!));
}

export function applySeverity(findings: Finding[], severity: CheckOptions['severity']): Finding[] {
  if (!severity) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const s = severity[f.code];
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

/** All findings of a document. `text` is the analysis text (`analyzedText`), `source` the document. */
export function checkDocument(text: string, source: string, model: DocumentModel, opts: CheckOptions = {}): Finding[] {
  return model.reports.flatMap((r) => checkReport(text, source, model, r, opts));
}
