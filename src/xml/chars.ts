/** XML's own whitespace (XML 1.0 §2.3 S): space, tab, LF, CR. A no-break space is content, not padding. */
export const isXmlSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
