/**
 * The client's messages. Chinese is the default whatever VS Code's display language: an office PC
 * often runs an English VS Code without the Chinese language pack. So the language is the setting
 * `disclosureReport.locale` ("zh-CN" by default, or "en"), not `vscode.env.language`: the strings are
 * written in English in the code (the keys of VS Code's l10n bundle) and looked up in
 * l10n/bundle.l10n.zh-cn.json, the same bundle VS Code's l10n (package.json "l10n") would load for a
 * Chinese display language. The server is given the same choice (configuration middleware, below).
 */
import * as vscode from 'vscode';
import ZH from '../../l10n/bundle.l10n.zh-cn.json';

export type ClientLocale = 'zh-CN' | 'en';

/** The language of every message: the setting, Chinese unless it says "en". */
export function locale(): ClientLocale {
  return vscode.workspace.getConfiguration('disclosureReport').get('locale') === 'en' ? 'en' : 'zh-CN';
}

const table: Record<string, string> = ZH;

/** `message` (English, with {0}, {1}… for args) in the user's language. */
export function t(message: string, ...args: (string | number)[]): string {
  const text = locale() === 'en' ? message : (table[message] ?? message);
  return text.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

/** The settings the server reads, with the locale resolved: never empty, never VS Code's display language. */
export function resolvedSettings(raw: unknown): unknown {
  const o = raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {};
  o.locale = locale();
  return o;
}
