/**
 * Polling while records move: one poll never returns an ID twice, even when records are added
 * between its page reads, and a version is the instant of a change, not how the server spells it.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src/index.js';
import { connectedAuthData } from '../support/bundle.js';
import { json, useLoopback } from './loopback.js';

const appTester = zapier.createAppTester(App);
type Run = (z: ZObject, bundle: Bundle) => Promise<{ id: string; project_id?: string }[]>;
const server = useLoopback();

beforeEach(() => {
  process.env['SCOPESTACK_API_URL'] = server.url;
  process.env['SCOPESTACK_AUTH_URL'] = server.url;
});

const project = (id: number, updatedAt = '2025-03-01T10:00:00.000Z') => ({
  id: String(id),
  type: 'projects',
  attributes: { 'project-name': `Project ${id}`, status: 'building', 'created-at': updatedAt, 'updated-at': updatedAt },
});
const performOf = (key: keyof typeof App.triggers): Run => (App.triggers[key].operation as unknown as { perform: Run }).perform;
const poll = (key: keyof typeof App.triggers, meta: Record<string, unknown> = {}) =>
  appTester(performOf(key), { authData: connectedAuthData(), inputData: {}, meta: { page: 0, ...meta } });

describe('one poll', () => {
  it('returns each project once when a new one pushes the last of page 1 onto page 2', async () => {
    // 101 projects, newest first, 100 a page; project 102 is created between the two reads.
    server.answer((request, response) => {
      const page = Number(new URL(request.path, server.url).searchParams.get('page[number]'));
      const ids = page === 1 ? Array.from({ length: 100 }, (_, index) => 101 - index) : [2, 1];
      json(response, 200, { data: ids.map((id) => project(id)), meta: { 'record-count': 102, 'page-count': 2 } });
    });
    const records = await poll('new_project', { isPopulatingDedupe: true });
    const ids = records.map((record) => record.id);
    expect(server.received).toHaveLength(2);
    expect(ids).toHaveLength(101);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fires no version twice for one change spelled two ways', async () => {
    const spellings = ['2025-03-01T10:00:00.000Z', '2025-03-01T12:00:00+02:00', '2025-03-01T10:00:00Z'];
    const versions: string[] = [];
    for (const spelling of spellings) {
      server.answer((_request, response) => {
        json(response, 200, { data: [project(7, spelling)], meta: { 'record-count': 1, 'page-count': 1 } });
      });
      const [record] = await poll('updated_project');
      versions.push(record?.id ?? '');
    }
    expect(versions).toEqual(['7@2025-03-01T10:00:00.000Z', '7@2025-03-01T10:00:00.000Z', '7@2025-03-01T10:00:00.000Z']);
  });
});
