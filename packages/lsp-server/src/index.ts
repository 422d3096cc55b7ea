/**
 * @sd-glossary/lsp-server: the language server as a library, for embedding it or testing it.
 * The `sd-glossary-lsp` bin is the way editors run it.
 */
export { builtinGlossary } from './builtin-glossary.js';
export { createServer, SERVER_CAPABILITIES, type Logger, type ServerOptions } from './server.js';
export {
  createLanguageService,
  type Cancellation,
  type CompletionData,
  type GlossarySource,
  type LanguageService,
  type RequestContext,
} from './service/language-service.js';
export { lineAt, type ServiceDocument } from './service/document.js';
export {
  DESCRIBE_TERM_REQUEST,
  TERMS_REQUEST,
  type DescribeTermParams,
  type DescribeTermResult,
  type TermItem,
  type TermsResult,
} from './protocol.js';
export { EXTRACTORS, extractorFor, type Extractor, type Region } from './service/extractors/index.js';
export {
  DEFAULT_SETTINGS,
  LOCALE_CHOICES,
  localesToShow,
  parseSettings,
  servesLanguage,
  type HoverVerbosity,
  type LocaleChoice,
  type Settings,
} from './settings.js';
