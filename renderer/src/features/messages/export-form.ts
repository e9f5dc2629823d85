// What an export covers: the current browse options (up to their result limit), or a whole range of
// the topic with no row limit. Turned into a `messages:export` request here, checked again in main.
import type { BrowseFilter, BrowseRequest, BrowseStart } from '../../../../shared/domain/messages/browse-request';
import { exportRequestSchema, type ExportFormat, type ExportRequest } from '../../../../shared/domain/messages/export-request';
import { instant, type BuiltRequest } from './browse-form';

export type ExportScope = 'result' | 'range';

export interface ExportForm {
  scope: ExportScope;
  format: ExportFormat;
  rangeFrom: 'beginning' | 'offset' | 'timestamp';
  /** Offset in every selected partition. */
  fromOffset: string;
  /** `datetime-local` text. */
  fromTime: string;
  rangeUntil: 'end' | 'timestamp';
  untilTime: string;
  /** Whole range only: keep the browse filters, or write every message in the range. */
  applyFilters: boolean;
  /** Also write registry-encoded keys and values decoded through the profile's Schema Registry. */
  decode: boolean;
}

export const defaultExportForm: ExportForm = {
  scope: 'result',
  format: 'jsonl',
  rangeFrom: 'beginning',
  fromOffset: '0',
  fromTime: '',
  rangeUntil: 'end',
  untilTime: '',
  applyFilters: true,
  decode: false,
};

export type BuiltExport = { ok: true; request: ExportRequest } | { ok: false; error: string };

/** `browse` is the browse form as built now; its partitions always apply, its filters as the form says. */
export function buildExportRequest(form: ExportForm, browse: BuiltRequest): BuiltExport {
  if (!browse.ok) return { ok: false, error: `Check the browse options first: ${browse.error}` };
  try {
    const candidate = form.scope === 'result' ? resultExport(browse.request) : rangeExport(form, browse.request);
    const parsed = exportRequestSchema.safeParse({ ...candidate, format: form.format, decode: form.decode });
    if (!parsed.success) return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join('; ') };
    return { ok: true, request: parsed.data };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function resultExport(request: BrowseRequest) {
  // A tail keeps growing and sliding, so there is no fixed set of messages to write.
  if (request.liveTail) throw new Error('A live tail has no fixed result to export: turn live tail off, or export a whole range.');
  const { profileId, topic, partitions, start, direction, filters, limit } = request;
  return { profileId, topic, partitions, start, direction, filters, limit };
}

function rangeExport(form: ExportForm, request: BrowseRequest) {
  const filters: BrowseFilter[] = form.applyFilters ? [...request.filters] : [];
  if (form.rangeUntil === 'timestamp') {
    const to = instant(form.untilTime, 'The "until" time');
    if (form.rangeFrom === 'timestamp' && instant(form.fromTime, 'The "from" time') > to) throw new Error('The "from" time must not be after the "until" time.');
    filters.push({ kind: 'time-range', to });
  }
  if (filters.length > 16) throw new Error('Too many filters: at most 15 alongside an "until" time.');
  return { profileId: request.profileId, topic: request.topic, partitions: request.partitions, start: rangeStart(form), direction: 'oldest-first' as const, filters };
}

function rangeStart(form: ExportForm): BrowseStart {
  switch (form.rangeFrom) {
    case 'beginning':
      return { kind: 'beginning' };
    case 'offset':
      if (!/^\d{1,19}$/.test(form.fromOffset.trim())) throw new Error('The start offset must be a non-negative whole number.');
      return { kind: 'offset', offset: form.fromOffset.trim() };
    case 'timestamp':
      return { kind: 'timestamp', timestamp: instant(form.fromTime, 'The "from" time') };
  }
}
