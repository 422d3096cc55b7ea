/** How much a hover shows. */
export type HoverVerbosity = 'full' | 'summary';

/**
 * Which language hovers and completions explain terms in: `auto` the client's language first (the
 * original Chinese below a translation), `zh-CN` the original only, `en` the English translation only,
 * `both` the original and the translation.
 */
export type LocaleChoice = 'auto' | 'zh-CN' | 'en' | 'both';

/** The choices of `locale`, in the order a settings UI lists them. */
export const LOCALE_CHOICES: readonly LocaleChoice[] = ['auto', 'zh-CN', 'en', 'both'];

/** How a discouraged spelling of a term is reported. */
export type ConsistencySeverity = 'error' | 'warning' | 'information' | 'hint';

/** The choices of `consistency.severity`. */
export const SEVERITY_CHOICES: readonly ConsistencySeverity[] = ['error', 'warning', 'information', 'hint'];

/** The server's settings (`sdGlossary.*` on the client side). */
export interface Settings {
  /** Everything on or off. */
  readonly enable: boolean;
  /** Language ids the server leaves alone. */
  readonly disabledLanguages: readonly string[];
  /** Offer completions. */
  readonly completion: { readonly enable: boolean; readonly maxItems: number };
  /** `full`: the definition, links and source; `summary`: the one-line summary and source only. */
  readonly hover: { readonly verbosity: HoverVerbosity };
  /** The language of explanations. */
  readonly locale: LocaleChoice;
  /** Serve the built-in glossary (off: workspace glossaries only). */
  readonly builtin: boolean;
  /** More workspace glossary files, relative to a workspace folder (never outside it). */
  readonly glossaries: readonly string[];
  /**
   * Glossary files of the user's own, anywhere, by absolute path (`.md` or `.json`). The only way to
   * read outside the workspace: a client takes this from the user's configuration, never from a
   * workspace's (the VS Code extension declares it machine-scoped, which workspace settings cannot set).
   */
  readonly userGlossaries: readonly string[];
  /**
   * Report spellings the glossary discourages (`Lora` for `LoRA`) in markdown and plain text, with
   * quick fixes; off unless turned on.
   */
  readonly consistency: { readonly enable: boolean; readonly severity: ConsistencySeverity };
}

/** What a client gets without sending any settings (Neovim users usually send none). */
export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  disabledLanguages: [],
  completion: { enable: true, maxItems: 50 },
  hover: { verbosity: 'full' },
  locale: 'auto',
  builtin: true,
  glossaries: [],
  userGlossaries: [],
  consistency: { enable: false, severity: 'information' },
};

/**
 * Whether a path from a setting is absolute: POSIX (`/…`) or Windows (`C:\\…`, `\\\\server\\…`), whatever
 * system the server runs on.
 * @param path - a path from a setting.
 */
export const isAbsolutePath = (path: string): boolean => /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(path);

/**
 * Whether a path may be a user glossary: absolute, and a markdown or JSON file.
 * @param path - a path from the `userGlossaries` setting.
 */
export const isUserGlossaryPath = (path: string): boolean =>
  isAbsolutePath(path) && /\.(?:md|json)$/i.test(path) && !path.includes('\0');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads settings from whatever a client sent: the `sdGlossary` section, an object that holds it
 * (`{ sdGlossary: {…} }`), `null`, `{}`. Unknown keys and values of the wrong type are ignored.
 * @param raw - the client's value.
 * @returns complete settings, defaults where the client said nothing usable.
 */
export function parseSettings(raw: unknown): Settings {
  const section = isRecord(raw) && isRecord(raw['sdGlossary']) ? raw['sdGlossary'] : raw;
  if (!isRecord(section)) return DEFAULT_SETTINGS;
  const completion = isRecord(section['completion']) ? section['completion'] : {};
  const hover = isRecord(section['hover']) ? section['hover'] : {};
  const consistency = isRecord(section['consistency']) ? section['consistency'] : {};
  const severity = consistency['severity'];
  const maxItems = completion['maxItems'];
  const verbosity = hover['verbosity'];
  const disabled = section['disabledLanguages'];
  return {
    enable: typeof section['enable'] === 'boolean' ? section['enable'] : DEFAULT_SETTINGS.enable,
    disabledLanguages: Array.isArray(disabled)
      ? disabled.filter((x): x is string => typeof x === 'string')
      : DEFAULT_SETTINGS.disabledLanguages,
    completion: {
      enable: typeof completion['enable'] === 'boolean' ? completion['enable'] : DEFAULT_SETTINGS.completion.enable,
      maxItems:
        typeof maxItems === 'number' && Number.isInteger(maxItems) && maxItems > 0
          ? Math.min(maxItems, 1000)
          : DEFAULT_SETTINGS.completion.maxItems,
    },
    hover: {
      verbosity: verbosity === 'summary' || verbosity === 'full' ? verbosity : DEFAULT_SETTINGS.hover.verbosity,
    },
    locale: LOCALE_CHOICES.includes(section['locale'] as LocaleChoice)
      ? (section['locale'] as LocaleChoice)
      : DEFAULT_SETTINGS.locale,
    builtin: typeof section['builtin'] === 'boolean' ? section['builtin'] : DEFAULT_SETTINGS.builtin,
    glossaries: Array.isArray(section['glossaries'])
      ? section['glossaries'].filter((x): x is string => typeof x === 'string' && x.length > 0)
      : DEFAULT_SETTINGS.glossaries,
    userGlossaries: Array.isArray(section['userGlossaries'])
      ? section['userGlossaries'].filter((x): x is string => typeof x === 'string' && isUserGlossaryPath(x))
      : DEFAULT_SETTINGS.userGlossaries,
    consistency: {
      enable: typeof consistency['enable'] === 'boolean' ? consistency['enable'] : DEFAULT_SETTINGS.consistency.enable,
      severity: SEVERITY_CHOICES.includes(severity as ConsistencySeverity)
        ? (severity as ConsistencySeverity)
        : DEFAULT_SETTINGS.consistency.severity,
    },
  };
}

/**
 * The languages to explain a term in, first one first, for a setting and the client's own language.
 * @param choice - the `locale` setting.
 * @param clientLocale - the `locale` of the client's `initialize` (`en`, `zh-cn`…), when it sent one.
 * @param sourceLocale - the language of the glossary's own text (`zh-CN`).
 * @returns e.g. `['en', 'zh-CN']`: the translation, then the original, labelled.
 */
export function localesToShow(choice: LocaleChoice, clientLocale: string | undefined, sourceLocale: string): string[] {
  const isSource = (tag: string): boolean =>
    tag.toLowerCase().split('-')[0] === sourceLocale.toLowerCase().split('-')[0];
  switch (choice) {
    case 'zh-CN':
      return [sourceLocale];
    case 'en':
      return ['en'];
    case 'both':
      return [sourceLocale, 'en'];
    case 'auto':
      // A client that says nothing, or speaks the source's language, gets the original.
      return clientLocale === undefined || isSource(clientLocale) ? [sourceLocale] : [clientLocale, sourceLocale];
  }
}

/**
 * Whether the server serves a document of this language under these settings.
 * @param settings - current settings.
 * @param languageId - the document's language id.
 */
export function servesLanguage(settings: Settings, languageId: string): boolean {
  return settings.enable && !settings.disabledLanguages.includes(languageId);
}
