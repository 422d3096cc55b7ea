/**
 * @sd-glossary/lsp-server/service: the language service alone (document + position → LSP types), for
 * hosts that are not a language server process: a browser editor (Monaco), a web worker. It imports
 * no Node built-ins and no connection.
 */
export {
  createLanguageService,
  type Cancellation,
  type CompletionData,
  type GlossarySource,
  type LanguageService,
  type RequestContext,
} from './service/language-service.js';
export { lineAt, type ServiceDocument } from './service/document.js';
