/* want `this file is a metadata route` */ 'use client'

export default function sitemap() {
  return [{ url: "https://example.com" }];
}
