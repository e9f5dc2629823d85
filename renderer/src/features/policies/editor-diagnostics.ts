// Policy diagnostics → CodeMirror lint diagnostics. Positions come from the 1-based line and column
// the parser reports, resolved against the editor's current document, so a marker never lands
// outside the text even when the document is shorter than the one that was parsed.
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { PolicyDiagnostic } from '../../../../shared/domain/tenancy';

/** The document offset of a 1-based line and column, clamped to the document and the line. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const docLine = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(docLine.from + Math.max(column, 1) - 1, docLine.to);
}

export function toEditorDiagnostics(doc: Text, diagnostics: readonly PolicyDiagnostic[]): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const from = offsetOf(doc, diagnostic.line, diagnostic.column);
    const width = Math.max(diagnostic.to - diagnostic.from, 0);
    // An empty range still gets a visible marker: widen it to the rest of the token when possible.
    const to = Math.min(from + Math.max(width, 1), doc.length);
    return { from, to: Math.max(to, from), severity: diagnostic.severity, message: diagnostic.message, source: 'policy' };
  });
}
