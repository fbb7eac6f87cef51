export * from './schema';
export { FormattedTextSchema, RichTextSchema, plainText, formattedText, type FormattedText, type RichText } from './formatted';
export { bindMessage, MESSAGE_SPEC, type BindResult } from './bind';
export { SourceMap, xmlPathOf, type ModelPath } from './locate';
export type { DeepPartial } from './partial';
export { compileElement, type ChildSpec, type ElementSpec } from './compile';
export { xmlMappingOf, type XmlMapping } from './dsl';
