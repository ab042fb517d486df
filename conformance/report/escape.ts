// Escaping for the XML and HTML reports. Captured bodies are hostile input: a server may send
// markup, "]]>", quotes or control characters, and none of it may break the document.

/** Characters XML 1.0 forbids even as character references, plus unpaired surrogates. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Shown as a visible \uXXXX escape, since XML has no way to carry them. */
function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function xmlText(text: string): string {
  return text.replace(XML_FORBIDDEN, visible).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Attribute values also escape quotes and keep line breaks and tabs (which parsers would normalise to spaces). */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}

export function html(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Markdown text: markup characters are backslash-escaped and HTML is neutralised (GitHub renders it). */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** A table cell: like mdText, but a line break becomes <br> so the row stays one line. */
export function mdCell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(mdText)
    .join('<br>');
}

/** Inline code that survives backticks in the text: the fence is longer than any run inside. */
export function mdCode(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ⏎ ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
