export * from './schema';
export { FormattedTextSchema, RichTextSchema, plainText, formattedText, type FormattedText, type RichText } from './formatted';
export { bindMessage, type BindResult } from './bind';
export { SourceMap, xmlPathOf, type ModelPath } from './locate';
export type { DeepPartial } from './partial';
