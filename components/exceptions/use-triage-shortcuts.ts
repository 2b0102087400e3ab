'use client';
// Keyboard shortcuts of the queue (issue 6). They never fire while someone types (inputs,
// selects, text areas, editable content) or with a modifier held, so they do not steal
// the browser's or a screen reader's keys; Enter on a focused link or button keeps its
// own meaning.
import { useEffect, useRef } from 'react';

export type TriageShortcut = 'next' | 'previous' | 'open' | 'select' | 'assign' | 'replay' | 'help';

export const triageShortcutKeys: [keys: string, shortcut: TriageShortcut, meaning: string][] = [
  ['j', 'next', 'Move to the next exception'],
  ['k', 'previous', 'Move to the previous exception'],
  ['o or Enter', 'open', 'Open the current exception beside the queue'],
  ['x', 'select', 'Select or unselect the current exception'],
  ['a', 'assign', 'Assign the selected exceptions (or the current one) to me'],
  ['r', 'replay', 'Replay the held events of the current exception'],
  ['?', 'help', 'Show these shortcuts'],
];

const byKey: Record<string, TriageShortcut> = { j: 'next', k: 'previous', o: 'open', Enter: 'open', x: 'select', a: 'assign', r: 'replay', '?': 'help' };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useTriageShortcuts(handle: (shortcut: TriageShortcut) => void) {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('dialog')) return;
      const shortcut = byKey[event.key];
      if (!shortcut) return;
      if (event.key === 'Enter' && target?.closest('a, button, summary')) return;
      event.preventDefault();
      latest.current(shortcut);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
