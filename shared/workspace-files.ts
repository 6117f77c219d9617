/**
 * The web build's cross-year index (server/src/web/workspace.ts): a server in a Web Worker has no
 * file system, so the client (client/src/workspace-files.ts) finds the report files of the
 * workspace through vscode.workspace.findFiles and workspace.fs and sends them in this notification.
 * The desktop server walks the folders itself (server/src/lsp/workspace.ts) and never receives it.
 */
export const WORKSPACE_FILES = 'disclosureReport/workspaceFiles';

export interface WorkspaceFile {
  /** The file's URI (any scheme: file, vscode-remote, vscode-vfs …). */
  uri: string;
  /** The file's bytes, base64 (the server decodes them: UTF-8, GB18030, UTF-16). */
  data: string;
}

export interface WorkspaceFilesParams {
  /** true: these files are all there is (a full scan); false: they were created or changed. */
  replace: boolean;
  files: WorkspaceFile[];
  /** URIs of deleted files (or folders: every file under them goes). */
  removed: string[];
}

/** The same bounds as the desktop walk (server/src/lsp/workspace.ts). */
export const WORKSPACE_LIMITS = {
  maxFiles: 1000,
  maxBytes: 4 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  glob: '**/*.{txt,md,html,htm,gkbg,disclosure}',
} as const;
