// A Svelte 5 app built with vite against the packed package, driven in Chromium: `$state` changed in
// place and passed as `$state.snapshot(config)`, `onsurvey-submit` handlers, the selector in a form.
import { builtAppBehaviours } from './support/app-behaviours.mjs';

builtAppBehaviours('svelte');
