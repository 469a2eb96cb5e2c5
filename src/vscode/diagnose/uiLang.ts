import * as vscode from 'vscode';

/** The language of documents the feature writes (report, checklist export): the UI's. */
export const uiLang = (): 'en' | 'ja' => (vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en');
