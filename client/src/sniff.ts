/**
 * The client's cheap look at a plain-text, Markdown or HTML document before it starts the language
 * server for it (issue 12): the first 8 KB hold a report's title (政府信息公开 and 年度报告 on one
 * line) or one of the template's table captions. Pure (no vscode), so it is unit-tested; the server's
 * detection still decides what is analysed (a notice with such a title starts the server and is
 * then found to be no report).
 */

/** How much of a document is looked at. */
export const SNIFF_CHARS = 8192;

// Simplified and Traditional; one line at most (no newline in the gap), bounded: linear.
const TITLE = /政府信息公[开開][^\n]{0,40}?年度?[报報]告|年度[报報]告[^\n]{0,20}?政府信息公[开開]/;
const CAPTIONS =
  /第二十条第\s*[（(]\s*[一五六八][)）]\s*项|申请人情况|本年新收政府信息公开申请数量|行政复议[^\n]{0,20}?行政诉讼/;

/** Does the start of this text look like an annual disclosure report? */
export function sniffReport(text: string): boolean {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  return TITLE.test(head) || CAPTIONS.test(head);
}
