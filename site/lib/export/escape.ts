/**
 * Record text made safe for the formats third parties render it in. Feed readers decode an RSS
 * item's XML entities and then render the title and description as HTML, so record text must be
 * escaped for HTML before it reaches the feed: markup typed into a record stays text.
 */

// Characters XML 1.0 cannot carry, not even as a character reference: a feed with one is not
// well-formed and readers drop it whole. C0 controls except tab, LF and CR; U+FFFE, U+FFFF; lone
// surrogates. The schema refuses controls in record text; this keeps a feed well-formed regardless.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text without the characters XML 1.0 cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * Plain text as an HTML fragment: markup characters escaped (quotes too, so the result is safe in
 * an attribute as well), every line break (CRLF, LF, CR, U+2028, U+2029) a `<br>`, and the
 * characters XML cannot carry dropped.
 */
export function htmlText(text: string): string {
  return xmlSafe(text)
    .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>');
}
