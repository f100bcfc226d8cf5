/**
 * Someone's text inside a string (a tooltip, an option): between FSI and PDI, so that its direction, right to
 * left or a stray override in a row saved long ago, cannot turn the text around it. In markup use <bdi>.
 */
export const isolated = (text: string) => `\u2068${text}\u2069`;
