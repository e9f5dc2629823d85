// The YAML editor: CodeMirror 6 with validation markers from parsePolicyFile. The workspace owns the
// text; this component owns the EditorView, replaces its document only when a different document is
// loaded (documentKey), and themes itself from Mantine's CSS variables so it follows light and dark.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef, type RefObject } from 'react';
import type { PolicyDiagnostic } from '../../../../shared/domain/tenancy';
import { toEditorDiagnostics } from './editor-diagnostics';

/** Mantine's `-text` variables already resolve per colour scheme, so one style serves both. */
const policyHighlighting = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--mantine-color-indigo-text)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--mantine-color-teal-text)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--mantine-color-orange-text)' },
  { tag: [tags.keyword, tags.atom], color: 'var(--mantine-color-violet-text)' },
  { tag: tags.comment, color: 'var(--mantine-color-dimmed)', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--mantine-color-gray-text)' },
]);

function editorTheme(dark: boolean): Extension {
  return EditorView.theme(
    {
      '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--mantine-color-body)', color: 'var(--mantine-color-text)' },
      '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)' },
      '.cm-gutters': { backgroundColor: 'var(--mantine-color-default-hover)', color: 'var(--mantine-color-dimmed)', borderRight: '1px solid var(--mantine-color-default-border)' },
      '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--mantine-color-default-hover)' },
      '&.cm-focused': { outline: '2px solid var(--mantine-primary-color-filled)', outlineOffset: '-2px' },
      '.cm-tooltip': { backgroundColor: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-default-border)' },
    },
    { dark },
  );
}

export interface PolicyEditorProps {
  /** Changes when another document is loaded; the editor then starts over with `text` (and a fresh undo history). */
  documentKey: number;
  text: string;
  onChange(text: string): void;
  /** Diagnostics and the exact text they were computed from; stale ones are not shown. */
  diagnostics: { text: string; items: readonly PolicyDiagnostic[] };
  viewRef: RefObject<EditorView | null>;
}

export function PolicyEditor({ documentKey, text, onChange, diagnostics, viewRef }: PolicyEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const themeSlot = useRef(new Compartment());
  const latestText = useRef(text);
  const latestOnChange = useRef(onChange);
  const dark = useComputedColorScheme('light') === 'dark';
  const latestDark = useRef(dark);

  useEffect(() => {
    latestText.current = text;
    latestOnChange.current = onChange;
    latestDark.current = dark;
  });

  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latestText.current,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          lintGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(policyHighlighting),
          yaml(),
          EditorState.tabSize.of(2),
          // Tab indents inside the editor; Escape then Tab leaves it, so keyboard users are never trapped.
          keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap, indentWithTab]),
          // tabindex makes the editable content count as the scroller's keyboard access (it is focusable either way).
          EditorView.contentAttributes.of({ 'aria-label': 'Policy YAML', tabindex: '0' }),
          themeSlot.current.of(editorTheme(latestDark.current)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latestOnChange.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [documentKey, viewRef]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: themeSlot.current.reconfigure(editorTheme(dark)) });
  }, [dark, viewRef]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() !== diagnostics.text) return;
    view.dispatch(setDiagnostics(view.state, toEditorDiagnostics(view.state.doc, diagnostics.items)));
  }, [diagnostics, documentKey, viewRef]);

  return <div ref={host} style={{ height: '100%', minHeight: 0, overflow: 'hidden' }} data-testid="policy-editor" />;
}
