/**
 * Filing numbers in a page's footer (issue 13), over folded text (lower case, half-width).
 *
 * Finds an ICP filing or licence number — an optional province abbreviation, "ICP", then 备 or 证,
 * then at least 4 digits (京ICP备12345678号, 粤ICP备12345678号-1, 京ICP证000001号, with spaces
 * anywhere between) — and a public-security filing number: 公网安备 (an optional province before
 * it) then 14 digits, spaces allowed between them (京公网安备 11010802012345号).
 *
 * Cannot tell whether a number is real or current (that takes the MIIT and MPS registries, on
 * the network), and misses filing numbers shown only as a picture or written by script.
 */

const ICP = /icp\s*[备证]\s*(?:案号?\s*[:：]?\s*)?\d{4,}/;
const PUBLIC_SECURITY = /公网安备\s*(?:案号?\s*[:：]?\s*)?(?:\d\s*){13}\d(?!\d)/;

export interface FilingNumbers {
  readonly icp: boolean;
  readonly publicSecurity: boolean;
}

/** Which filing numbers folded text shows. */
export function filingNumbers(text: string): FilingNumbers {
  return { icp: ICP.test(text), publicSecurity: PUBLIC_SECURITY.test(text) };
}
