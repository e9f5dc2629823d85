// CodeMirror views of schema text: a read-only viewer, the draft editor and the side-by-side diff of
// two versions (@codemirror/merge). Loaded on demand (lazy-schema-code.ts), so none of this, nor the
// JSON and Protobuf languages, is in the bundle that starts the app.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { protobuf } from '@codemirror/legacy-modes/mode/protobuf';
import { MergeView } from '@codemirror/merge';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { SchemaLanguage } from './schema-text';

const schemaHighlighting = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--mantine-color-indigo-text)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--mantine-color-teal-text)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--mantine-color-orange-text)' },
  { tag: [tags.keyword, tags.atom, tags.typeName], color: 'var(--mantine-color-violet-text)' },
  { tag: [tags.variableName, tags.definition(tags.variableName)], color: 'var(--mantine-color-blue-text)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--mantine-color-dimmed)', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--mantine-color-gray-text)' },
]);

const languageOf = (language: SchemaLanguage): Extension => (language === 'protobuf' ? StreamLanguage.define(protobuf) : json());

function theme(dark: boolean): Extension {
  return EditorView.theme(
    {
      '&': { fontSize: '13px', backgroundColor: 'var(--mantine-color-body)', color: 'var(--mantine-color-text)', maxHeight: '100%' },
      '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)', overflow: 'auto' },
      '.cm-gutters': { backgroundColor: 'var(--mantine-color-default-hover)', color: 'var(--mantine-color-dimmed)', borderRight: '1px solid var(--mantine-color-default-border)' },
      '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--mantine-color-default-hover)' },
      '&.cm-focused': { outline: '2px solid var(--mantine-primary-color-filled)', outlineOffset: '-2px' },
    },
    { dark },
  );
}

function baseExtensions(language: SchemaLanguage, label: string, readOnly: boolean): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    drawSelection(),
    bracketMatching(),
    highlightActiveLine(),
    syntaxHighlighting(schemaHighlighting),
    languageOf(language),
    EditorState.tabSize.of(2),
    EditorState.readOnly.of(readOnly),
    // Read-only text stays focusable so the keyboard can scroll, select and copy it.
    EditorView.contentAttributes.of({ 'aria-label': label, ...(readOnly ? { 'aria-readonly': 'true' } : {}) }),
    // Tab indents in the editor; Escape then Tab leaves it, so keyboard users are never trapped.
    keymap.of([...defaultKeymap, ...foldKeymap, ...(readOnly ? [] : [...historyKeymap, indentWithTab])]),
    ...(readOnly ? [] : [history(), indentOnInput()]),
  ];
}

function useDark(): boolean {
  return useComputedColorScheme('light') === 'dark';
}

export interface SchemaViewerProps {
  text: string;
  language: SchemaLanguage;
  label: string;
  testId?: string;
}

export function SchemaViewer({ text, language, label, testId }: SchemaViewerProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const themeSlot = useRef(new Compartment());
  const dark = useDark();
  const latestDark = useRef(dark);
  useEffect(() => {
    latestDark.current = dark;
  });

  useEffect(() => {
    const created = new EditorView({ parent: host.current!, state: EditorState.create({ doc: text, extensions: [...baseExtensions(language, label, true), themeSlot.current.of(theme(latestDark.current))] }) });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, [text, language, label]);

  useEffect(() => {
    view.current?.dispatch({ effects: themeSlot.current.reconfigure(theme(dark)) });
  }, [dark]);

  return <div ref={host} data-testid={testId} style={{ minHeight: 0, maxHeight: '100%', overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} />;
}

export interface SchemaDraftEditorProps {
  /** Changes when another starting text is loaded; the editor then starts over (fresh undo history). */
  documentKey: string;
  initialText: string;
  language: SchemaLanguage;
  onChange(text: string): void;
}

export function SchemaDraftEditor({ documentKey, initialText, language, onChange }: SchemaDraftEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const themeSlot = useRef(new Compartment());
  const dark = useDark();
  const latest = useRef({ initialText, onChange, dark });
  useEffect(() => {
    latest.current = { initialText, onChange, dark };
  });

  useEffect(() => {
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.initialText,
        extensions: [
          ...baseExtensions(language, 'Schema draft', false),
          themeSlot.current.of(theme(latest.current.dark)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, [documentKey, language]);

  useEffect(() => {
    view.current?.dispatch({ effects: themeSlot.current.reconfigure(theme(dark)) });
  }, [dark]);

  return <div ref={host} data-testid="schema-draft-editor" style={{ minHeight: 240, maxHeight: 480, overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} />;
}

export interface VersionDiffProps {
  left: string;
  right: string;
  language: SchemaLanguage;
  leftLabel: string;
  rightLabel: string;
  /** Told how many changed stretches the diff found, so the screen can say it in words. */
  onChunks?(count: number): void;
}

export function VersionDiff({ left, right, language, leftLabel, rightLabel, onChunks }: VersionDiffProps) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useDark();
  const latestOnChunks = useRef(onChunks);
  useEffect(() => {
    latestOnChunks.current = onChunks;
  });

  useEffect(() => {
    const merge = new MergeView({
      parent: host.current!,
      a: { doc: left, extensions: [...baseExtensions(language, leftLabel, true), theme(dark)] },
      b: { doc: right, extensions: [...baseExtensions(language, rightLabel, true), theme(dark)] },
      gutter: true,
      highlightChanges: true,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    latestOnChunks.current?.(merge.chunks.length);
    return () => merge.destroy();
  }, [left, right, language, leftLabel, rightLabel, dark]);

  return <div ref={host} data-testid="schema-diff" style={{ minHeight: 0, maxHeight: '100%', overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} />;
}
