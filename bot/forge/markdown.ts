/**
 * Text from a record or a submitter inside a pull request body, which GitHub, Gitea and GitLab
 * render as Markdown with HTML: it must stay text. No link, image, HTML element, emphasis,
 * @mention or #/!/~ reference may come out of it, and it must not break the table it sits in.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

// The ASCII punctuation that makes inline Markdown (code, emphasis, links and images, strikethrough,
// a table's cell border): a backslash makes each a literal character. Others (dates' "-", "."
// in amounts) stay as typed, so the body still reads well as source.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]()~|]/g;

// A bare URL or www. address becomes a link (GFM autolinks), and some renderers find them after
// backslash escapes are gone: a WORD JOINER inside "://" and "www." keeps them text.
const AUTOLINK = /(?<=[A-Za-z]:)(?=\/\/)|(?<=\bwww)(?=\.)/gi;

// A sigil followed by a word is a mention or a reference on some forge (@user, #12, !3, ~label,
// %milestone, $snippet, &epic). Forges find them in the rendered text, where a backslash escape
// is gone; an invisible WORD JOINER (U+2060) between the sigil and the word keeps them plain text.
const REFERENCE = /([@#!~%$&])(?=[\p{L}\p{N}_])/gu;

/**
 * Text for a Markdown table cell (or any inline position): references defused, HTML characters
 * as entities, Markdown punctuation escaped, every line break a <br>.
 */
export function markdownText(text: string): string {
  return text
    .replace(REFERENCE, '$1\u2060')
    .replace(AUTOLINK, '\u2060')
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c]!)
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>');
}

/** A fenced code block around text, with a fence longer than any run of backticks inside it. */
export function codeBlock(text: string): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, text, fence];
}
