/** Settings `disclosureReport.*`, read with defaults when the client sends none or bad values. */
import { CODES, templateYear, type Code, type Severity, type TemplateYearSetting } from '../core';

export interface Settings {
  detect: 'auto' | 'always' | 'never';
  narrativeChecks: boolean;
  severity: Partial<Record<Code, Severity | 'off'>>;
  /** '' = follow the client's locale. */
  locale: '' | 'zh-CN' | 'en';
  /** Layout that formatting writes tables in. */
  formatLayout: 'pipe' | 'tab' | 'markdown';
  /** The statistics year a new report's skeleton is written for: a year, or `auto`. */
  templateYear: TemplateYearSetting;
}

export const DEFAULT_SETTINGS: Settings = {
  detect: 'auto',
  narrativeChecks: true,
  severity: {},
  locale: '',
  formatLayout: 'pipe',
  templateYear: 'auto',
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(raw: unknown): Settings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const detect = o.detect === 'always' || o.detect === 'never' ? o.detect : 'auto';
  const narrativeChecks = typeof o.narrativeChecks === 'boolean' ? o.narrativeChecks : true;
  const severity: Settings['severity'] = {};
  if (o.severity && typeof o.severity === 'object') {
    for (const [k, v] of Object.entries(o.severity as Record<string, unknown>)) {
      if ((CODES as readonly string[]).includes(k) && typeof v === 'string' && SEVERITIES.has(v)) {
        severity[k as Code] = v as Severity | 'off';
      }
    }
  }
  const locale = o.locale === 'en' || o.locale === 'zh-CN' ? o.locale : '';
  const fmt = (o.format && typeof o.format === 'object' ? o.format : {}) as Record<string, unknown>;
  const formatLayout = fmt.layout === 'tab' || fmt.layout === 'markdown' ? fmt.layout : 'pipe';
  return { detect, narrativeChecks, severity, locale, formatLayout, templateYear: readYear(o.templateYear) };
}

/** A year from 2000 to 2200 (a number, or a string of four digits, as some clients send it), else `auto`. */
function readYear(v: unknown): TemplateYearSetting {
  const n = typeof v === 'string' && /^\d{4}$/.test(v.trim()) ? Number(v.trim()) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 2000 && n <= 2200 ? n : 'auto';
}

/** The year a skeleton is written for now: the setting, `auto` read from the server's clock (the core
 *  reads none). */
export function templateYearNow(s: Settings, now: Date = new Date()): number {
  return templateYear(s.templateYear, { year: now.getFullYear(), month: now.getMonth() + 1 });
}
