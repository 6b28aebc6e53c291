import type { CSSResult, LitElement, ReactiveController } from 'lit';
import type { LocalizedText, SurveyConfig } from '../core/config/schema.js';
import type { Clock } from './clock.js';
import type { DeliveryController } from './delivery-controller.js';
import { missingFile } from './load-part.js';
import type { FlowController } from './flow-controller.js';

export const SURVEY_MODES = ['inline', 'kiosk', 'dialog', 'slide-in'] as const;
export type SurveyModeName = (typeof SURVEY_MODES)[number];

/** What a mode may use of the survey. */
export interface ModeContext {
  flow: FlowController;
  delivery: DeliveryController;
  config: () => SurveyConfig | undefined;
  clock: () => Clock;
  locale: () => string;
  /** Survey text in the respondent's language. */
  text: (value: LocalizedText | undefined) => string;
}

/** The parts of a survey a mode arranges. */
export interface SurveyParts {
  /** The form, or the thank-you. */
  survey: () => unknown;
  /** The calm status line (one element for every phase, so its changes are announced). */
  status: () => unknown;
  /** Helplines, quick exit, "what this survey sends". */
  footer: () => unknown;
}

/** What a mode adds around the survey: screens of its own (kiosk), or a frame (dialog, slide-in). */
export interface SurveyMode extends ReactiveController {
  render(parts: SurveyParts): unknown;
  /** Quick exit in this mode; true when handled here (a kiosk wipes instead of leaving the page). */
  quickExit?(): boolean;
  /** Dialog and slide-in: shown or not, and the element's `open()` / `close()`. */
  readonly isOpen?: boolean;
  open?(): void;
  close?(): void;
  /** Undoes everything: the `mode` attribute changed. */
  detach(): void;
}

/** The element, as the modes see it: its attributes for triggers and "don't ask again". */
export interface SurveyHost extends LitElement {
  openAfter: string | null;
  openOn: string | null;
  dontAskAgain: number | null;
}

type ModeFactory = (host: SurveyHost, context: ModeContext) => SurveyMode;

/**
 * Adds a mode's stylesheet to the element when the mode loads (and removes it when the mode goes),
 * so an inline survey never downloads the styles of dialogs and slide-ins. Constructed stylesheets
 * are not inline styles: a strict `style-src 'self'` allows them.
 */
export function adoptModeStyles(host: LitElement, styles: CSSResult): () => void {
  const root = host.renderRoot as ShadowRoot;
  const sheet = styles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root)) return () => undefined;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}

// Each mode is a chunk of its own, loaded only when used: an inline survey never downloads them.
const LOADERS: Record<Exclude<SurveyModeName, 'inline'>, () => Promise<ModeFactory>> = {
  kiosk: () => import('./kiosk-controller.js').then(({ KioskController }) => (host, context) => new KioskController(host, context)),
  // Dialog and slide-in share most of their code: one chunk for both.
  dialog: () => import('./modes/framed-modes.js').then(({ DialogMode }) => (host, context) => new DialogMode(host, context)),
  'slide-in': () => import('./modes/framed-modes.js').then(({ SlideInMode }) => (host, context) => new SlideInMode(host, context)),
};

/** Loads and swaps the survey's mode; an inline survey has none. */
export class ModeController {
  current?: SurveyMode;
  /** A setup problem with the mode (unknown name, or its part could not load), for the page author. */
  problem: string | null = null;
  private name: string = 'inline';
  private loading = false;

  constructor(
    private readonly host: SurveyHost,
    private readonly context: ModeContext,
  ) {}

  /** True while the mode's part is on its way (show nothing yet rather than a half-made mode). */
  get waiting(): boolean {
    return this.loading;
  }

  set(name: string) {
    if (name === this.name) return;
    this.current?.detach();
    this.current = undefined;
    this.name = name;
    this.problem = null;
    if (name === 'inline') return;
    if (!Object.hasOwn(LOADERS, name)) {
      this.problem = `Unknown mode "${name}". Use one of: ${SURVEY_MODES.join(', ')}.`;
      return;
    }
    this.loading = true;
    LOADERS[name as keyof typeof LOADERS]()
      .then(
        (create) => {
          if (this.name === name) this.current = create(this.host, this.context);
        },
        async (error: unknown) => {
          // A file missing on the server is not the connection's fault: name it (Chromium and Firefox say which).
          const file = await missingFile(error);
          if (this.name === name) this.problem = `The "${name}" mode could not be loaded; ${file ? `${file} is missing on the server.` : 'check the connection and reload the page.'}`;
        },
      )
      .finally(() => {
        if (this.name === name) this.loading = false;
        this.host.requestUpdate();
      });
  }
}
