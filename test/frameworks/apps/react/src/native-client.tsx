import { createRoot } from 'react-dom/client';
import { Native } from './Native';

createRoot(document.getElementById('root')!).render(<Native />);
