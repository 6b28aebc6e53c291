// Runs in Node: importing encounter-survey/react there must not throw, and renders the tags only.
import { renderToString } from 'react-dom/server';
import { App } from './App';

export const render = () => renderToString(<App />);
