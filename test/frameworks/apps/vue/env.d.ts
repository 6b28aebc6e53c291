/// <reference types="encounter-survey/types/vue" />
