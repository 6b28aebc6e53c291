/// <reference types="encounter-survey/types/svelte" />
