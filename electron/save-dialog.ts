// The part of Electron's `dialog` that saving a file needs (exports, activity log, job summaries).
// One definition, injected by main and faked by tests.
export interface SaveDialogLike {
  showSaveDialog(options: {
    title?: string;
    defaultPath?: string;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}
