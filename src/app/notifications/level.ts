import type { Level } from '../core/api';

/** How a level looks: an icon and a word, so colour is never the only cue. */
export interface LevelMeta {
  readonly icon: string;
  readonly label: string;
}

/** Every level, least severe first (the order of the compose form's select). */
export const LEVELS: readonly Level[] = ['INFO', 'WARNING', 'ERROR'];

/** Icon (Material Symbols) and label of each level, shared by the list and the compose form. */
export const LEVEL_META: Readonly<Record<Level, LevelMeta>> = {
  INFO: { icon: 'info', label: 'Info' },
  WARNING: { icon: 'warning', label: 'Warning' },
  ERROR: { icon: 'error', label: 'Error' },
};
