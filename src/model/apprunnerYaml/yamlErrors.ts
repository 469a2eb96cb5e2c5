// YAML-level errors and warnings from the `yaml` parser, as problems on the exact span the parser blames.
import type { Document, YAMLError } from 'yaml';
import type { ValidationContext } from './context';
import type { Localized } from './types';
import { msg } from '../l10n/text';

// Japanese for the parser's codes that users actually hit; anything else falls back to a generic sentence.
const japaneseByCode: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'インデントが足りないか、閉じ括弧がありません',
  TAB_AS_INDENT: 'インデントにタブは使えません。スペースを使ってください',
  MISSING_CHAR: '閉じ引用符または閉じ括弧がありません',
  MULTIPLE_DOCS: 'ファイルに複数の YAML ドキュメントがあります。--- で区切らず一つにまとめてください',
  UNEXPECTED_TOKEN: '予期しない記号または値があります',
  MULTILINE_IMPLICIT_KEY: 'キーが複数行にまたがっています。「:」の後の空白を確認してください',
  BLOCK_AS_IMPLICIT_KEY: 'ブロックをキーとして使うことはできません',
  BAD_DQ_ESCAPE: 'ダブルクォート内のエスケープが正しくありません',
  BAD_SCALAR_START: '値の先頭に使えない文字があります。値を引用符で囲んでください',
  TAG_RESOLVE_FAILED: '不明なタグがあります',
  BAD_ALIAS: 'エイリアスが正しくありません',
};

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}

function describe(error: YAMLError, kind: 'error' | 'warning'): Localized {
  const en = firstLine(error.message);
  const ja = japaneseByCode[error.code] ?? (kind === 'error' ? 'YAML の構文エラーです' : 'YAML の警告です');
  const title = kind === 'error' ? msg('YAML syntax error') : msg('YAML warning');
  return { en: `${title.en}: ${en}.`, ja: `${title.ja}: ${ja}（原文: ${en}）。` };
}

export function reportYamlDiagnostics(ctx: ValidationContext, doc: Document): void {
  for (const error of doc.errors) {
    const range = ctx.rangeOfOffsets(error.pos[0], error.pos[1]);
    if (error.code === 'DUPLICATE_KEY') {
      const en = 'This key appears twice in the same mapping; App Runner cannot tell which value to use.';
      const ja = '同じマッピング内でこのキーが重複しています。App Runner はどちらの値を使うか判断できません。';
      ctx.report('yaml-duplicate-key', 'error', { en, ja }, range);
    } else {
      ctx.report('yaml-syntax', 'error', describe(error, 'error'), range);
    }
  }
  for (const warning of doc.warnings) {
    ctx.report(
      'yaml-warning',
      'warning',
      describe(warning, 'warning'),
      ctx.rangeOfOffsets(warning.pos[0], warning.pos[1]),
    );
  }
}
