// YAML-level errors and warnings from the `yaml` parser, as problems on the exact span the parser blames.
import type { Document, YAMLError } from 'yaml';
import type { ValidationContext } from './context';
import type { Localized } from './types';
import { msg } from '../l10n/text';

// The parser's own (English) message is the English text. A translation may add an explanation of the parser's
// code (the second placeholder) and quote the original; the codes users actually hit have one, anything else
// a generic sentence.
const explanationByCode: Partial<Record<YAMLError['code'], Localized>> = {
  BAD_INDENT: msg('indentation is missing, or a closing bracket'),
  TAB_AS_INDENT: msg('a tab is used as indentation; use spaces'),
  MISSING_CHAR: msg('a closing quote or bracket is missing'),
  MULTIPLE_DOCS: msg('the file holds several YAML documents; keep one, without --- separators'),
  UNEXPECTED_TOKEN: msg('an unexpected symbol or value'),
  MULTILINE_IMPLICIT_KEY: msg('a key spans several lines; check the space after ":"'),
  BLOCK_AS_IMPLICIT_KEY: msg('a block cannot be a key'),
  BAD_DQ_ESCAPE: msg('a wrong escape inside double quotes'),
  BAD_SCALAR_START: msg('a value starts with a character it cannot start with; quote the value'),
  TAG_RESOLVE_FAILED: msg('an unknown tag'),
  BAD_ALIAS: msg('a wrong alias'),
};

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}

function describe(error: YAMLError, kind: 'error' | 'warning'): Localized {
  const original = firstLine(error.message);
  const explanation =
    explanationByCode[error.code] ?? (kind === 'error' ? msg('a YAML syntax error') : msg('a YAML warning'));
  return kind === 'error'
    ? msg('YAML syntax error: {0}.', original, explanation)
    : msg('YAML warning: {0}.', original, explanation);
}

export function reportYamlDiagnostics(ctx: ValidationContext, doc: Document): void {
  for (const error of doc.errors) {
    const range = ctx.rangeOfOffsets(error.pos[0], error.pos[1]);
    if (error.code === 'DUPLICATE_KEY') {
      ctx.report(
        'yaml-duplicate-key',
        'error',
        msg('This key appears twice in the same mapping; App Runner cannot tell which value to use.'),
        range,
      );
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
