import { vi } from 'vitest';

// No Electron binary can run here: every main-process spec gets the one hand-written mock.
vi.mock('electron', () => import('./mocks/electron'));
