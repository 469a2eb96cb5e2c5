// Text from AWS (Name tags, descriptions, CloudTrail user names and event values, health bodies, error messages)
// placed into a Markdown document or a Markdown tooltip. VS Code's Markdown preview renders HTML, loads https
// images and turns bare URLs into links (markdown.preview.linkify), so a Name tag such as `![x](https://...)` or
// `<img src=x onerror=...>` would become a live image, link or element. Every such value goes through one of
// these helpers so it renders as the literal text it is.

// CommonMark lets a backslash escape any ASCII punctuation; these are the characters that start or end Markdown
// syntax (emphasis, code, links, images, HTML, headings, tables, strikethrough, entities), plus the `://` of a
// URL and a dot before a letter, which linkify reads as a link or a domain (`evil.com`, `a@b.io`). IP addresses
// and version numbers keep their dots, so the source stays readable.
const SYNTAX = /[\\`*_[\]()!<>#|~&]|:(?=\/\/)|\.(?=[A-Za-z])/g;

/** `text` as literal Markdown inline text: syntax escaped, line breaks as spaces (a value is one line). */
export function markdownText(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(SYNTAX, '\\$&');
}

/** `text` in a GFM table cell: literal inline text (a cell's `|` is escaped with the rest). */
export function markdownCell(text: string): string {
  return markdownText(text);
}

/**
 * `text` as an inline code span: nothing inside is Markdown, so only the span's own delimiters matter (a
 * backtick would close it, a line break could end the paragraph around it, `|` would end a table cell).
 */
export function markdownCode(text: string): string {
  return `\`${text
    .replace(/`/g, "'")
    .replace(/\r\n?|\n/g, ' ')
    .replace(/\|/g, '\\|')}\``;
}

/** An https URL as a Markdown link destination (`<...>`); anything else is not a link, only its literal text. */
export function markdownLink(label: string, url: string): string {
  if (!/^https:\/\/[^\s<>]+$/.test(url)) return markdownText(label);
  return `[${markdownText(label)}](<${url.replace(/\(/g, '%28').replace(/\)/g, '%29')}>)`;
}
