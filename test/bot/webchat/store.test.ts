/**
 * The web store behaves the same in memory, on node:sqlite and on Redis: values expire, lists keep
 * order and report their length, counters count within their window.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { openDatabase } from '../../../bot/storage/sqlite-adapter.ts';
import {
  MemoryWebStore,
  RedisWebStore,
  SqliteWebStore,
  type WebStore,
} from '../../../bot/storage/web-store.ts';

const redisUrl = inject('redisUrl');
const redis = redisUrl ? new Redis(redisUrl) : undefined;
afterAll(async () => {
  await redis?.quit();
});

const stores: [string, () => WebStore][] = [
  ['memory', () => new MemoryWebStore()],
  ['sqlite', () => new SqliteWebStore(openDatabase(':memory:'))],
  ...(redis ? [['redis', () => new RedisWebStore(redis)] as [string, () => WebStore]] : []),
];

describe.each(stores)('%s web store', (_name, make) => {
  test('values, lists and counters', async () => {
    const s = make();
    const key = `t${Math.random().toString(36).slice(2)}`;
    await s.set(`${key}:v`, { a: 1 }, 60_000);
    expect(await s.get(`${key}:v`)).toEqual({ a: 1 });
    await s.set(`${key}:gone`, 1, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await s.get(`${key}:gone`)).toBeUndefined();
    expect(await s.take(`${key}:v`)).toEqual({ a: 1 });
    expect(await s.take(`${key}:v`)).toBeUndefined();
    await s.set(`${key}:v`, { a: 1 }, 60_000);
    await s.delete(`${key}:v`);
    expect(await s.get(`${key}:v`)).toBeUndefined();

    expect(await s.push(`${key}:l`, 'a', 60_000)).toBe(1);
    expect(await s.push(`${key}:l`, { b: 2 }, 60_000)).toBe(2);
    expect(await s.range(`${key}:l`, 0)).toEqual(['a', { b: 2 }]);
    expect(await s.range(`${key}:l`, 1)).toEqual([{ b: 2 }]);
    expect(await s.length(`${key}:l`)).toBe(2);
    expect(await s.length(`${key}:none`)).toBe(0);

    expect([await s.count(`${key}:c`, 60_000), await s.count(`${key}:c`, 60_000)]).toEqual([1, 2]);
  });
});
