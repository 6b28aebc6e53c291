// A Vue 3 app built with vite against the packed package, driven in Chromium: a reactive config
// changed in place and passed as a snapshot (JSON text), `@survey-submit` handlers, the selector in a form.
import { builtAppBehaviours } from './support/app-behaviours.mjs';

builtAppBehaviours('vue');
