/**
 * The web build's dismissals (esbuild.web.mjs swaps lsp/baselines.ts for this file): a Web Worker
 * has no file system, so nothing is dismissed and the quick fix 标记为已审核 is not offered. Same
 * surface as lsp/baselines.ts.
 */
import type { Message } from '../core';
import type { DismissArgs } from '../../../shared/protocol';

const NONE: ReadonlySet<string> = new Set();

export class Baselines {
  readonly supported = false;
  constructor(
    _warn: (text: string) => void,
    private readonly say: (m: Message) => string,
  ) {}
  setFolders(_uris: string[]): void {}
  canDismiss(_uri: string): boolean {
    return false;
  }
  dismissedFor(_uri: string): ReadonlySet<string> {
    return NONE;
  }
  dismiss(_a: DismissArgs): { ok: true; file: string } | { ok: false; text: string } {
    return { ok: false, text: this.say({ id: 'dismiss.not-a-file' }) };
  }
  changed(_events: readonly { uri: string }[]): boolean {
    return false;
  }
}
