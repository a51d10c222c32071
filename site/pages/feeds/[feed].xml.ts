/**
 * /feeds/all.xml and one feed per list (/feeds/red.xml, black.xml, demo.xml): RSS 2.0 through
 * @astrojs/rss, the latest events of public entries only.
 */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataBundle, getDataset } from '../../lib/export/astro.ts';
import { absoluteUrl } from '../../lib/export/entry.ts';
import { FEED_SIZE, FEEDS, feedItems } from '../../lib/export/feed.ts';

export const getStaticPaths = (() =>
  FEEDS.map((f) => ({
    params: { feed: f.id },
    props: { title: f.title },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const { asOf, publisher, siteUrl } = await getDataset();
  const { entries } = await getDataBundle();
  const feed = FEEDS.find((f) => f.id === params.feed)!;
  const self = absoluteUrl(siteUrl, `/feeds/${feed.id}.xml`);
  return rss({
    title: `${publisher.short_name}：${(props as { title: string }).title}`,
    description: `${publisher.name}发布的劳动关系信用名单最新动态（最近 ${FEED_SIZE} 条；截至 ${asOf}）${publisher.sample ? '。示例数据' : ''}`,
    site: siteUrl,
    items: feedItems(entries, asOf, feed.id === 'all' ? undefined : feed.id),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  });
};
