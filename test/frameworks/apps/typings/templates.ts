// The Vue and Svelte template typings compile on every TypeScript version (vue-tsc and
// svelte-check use them in the apps; here only the declarations themselves are checked).
/// <reference types="encounter-survey/types/vue" />
/// <reference types="encounter-survey/types/svelte" />
import type { GlobalComponents } from 'vue';
import type { SvelteHTMLElements } from 'svelte/elements';

type SurveyInVue = InstanceType<GlobalComponents['encounter-survey']>['$props'];
export const vueProps: SurveyInVue = { config: '{}', endpoint: '/api/responses' };
export const svelteProps: SvelteHTMLElements['encounter-survey'] = { preset: 'group-session', 'onsurvey-submit': (event) => event.detail.submission };
