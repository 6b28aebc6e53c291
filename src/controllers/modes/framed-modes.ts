// Dialog and slide-in, loaded together when a survey uses either (they share the frame).
export { DialogMode } from './dialog-mode.js';
export { SlideInMode } from './slide-in-mode.js';
