import type { Page } from 'playwright-core';

/** Whether the page can scroll sideways (at a phone's width, or beside the back office's menu, nothing may stick out). */
export const overflowsHorizontally = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
