import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { parsePolicyFile } from '../../../../shared/domain/tenancy';
import { offsetOf, toEditorDiagnostics } from './editor-diagnostics';

const source = `tenants:
  - name: "Transactions"
    resources:
      - include: ["cluster", "*", "topics", "tx-*"]
    presentation_mode: SOMETIMES
    roles: [tx-team]
`;

describe('policy diagnostics in the editor', () => {
  it('places each marker on the token at the reported line and column', () => {
    const doc = Text.of(source.split('\n'));
    const { diagnostics } = parsePolicyFile(source);
    const markers = toEditorDiagnostics(doc, diagnostics);
    const marked = markers.map((marker) => ({ severity: marker.severity, text: doc.sliceString(marker.from, marker.to) }));
    expect(marked).toEqual(
      expect.arrayContaining([
        { severity: 'error', text: '"topics"' },
        { severity: 'error', text: 'SOMETIMES' },
      ]),
    );
  });

  it('clamps positions beyond the document instead of throwing', () => {
    const doc = Text.of(['tenants:', '  - x']);
    expect(offsetOf(doc, 1, 1)).toBe(0);
    expect(offsetOf(doc, 2, 99)).toBe(doc.length);
    expect(offsetOf(doc, 40, 3)).toBe(doc.line(2).from + 2);
    const [marker] = toEditorDiagnostics(doc, [{ severity: 'warning', message: 'm', line: 9, column: 9, from: 500, to: 500 }]);
    expect(marker).toMatchObject({ from: doc.length, to: doc.length, severity: 'warning' });
  });
});
