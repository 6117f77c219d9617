/**
 * Running the rules: a model in, findings out (per report, so that the language server can reuse
 * the findings of reports an edit did not touch).
 */
import type { Code, Finding, Severity } from './findings';
import type { DocumentModel, Report } from '../model';
import { RULES } from './index';
import type { ReportRef } from './rule';

export interface CheckOptions {
  narrativeChecks?: boolean;
  /** Per-code severity; 'off' drops the code. */
  severity?: Partial<Record<Code, Severity | 'off'>>;
  /** Other reports (or a function giving them, called only if a rule asks: reading a workspace
   *  is not free). */
  others?: ReportRef[] | (() => ReportRef[]);
}

export function checkReport(text: string, source: string, model: DocumentModel, report: Report, opts: CheckOptions = {}): Finding[] {
  let others: ReportRef[] | undefined;
  const ctx = {
    text,
    source,
    model,
    report,
    options: { narrativeChecks: opts.narrativeChecks !== false },
    get others(): ReportRef[] {
      if (!others) {
        const o = typeof opts.others === 'function' ? opts.others() : (opts.others ?? []);
        others = o.filter((x) => x.report !== report);
      }
      return others;
    },
  };
  const out: Finding[] = [];
  for (const rule of RULES) {
    let fs: Finding[];
    try {
      fs = rule.check(ctx);
    } catch {
      continue; // a rule failing on odd input must not take the others down
    }
    for (const f of fs) out.push(f);
  }
  return applySeverity(out, opts.severity);
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
