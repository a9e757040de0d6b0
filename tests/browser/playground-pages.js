// playground-pages.js — what every playground test does first: open the playground (optionally with a
// query such as ?src=…), wait until its JSON is valid and its preview shows the gallery, and read the
// draft the playground saves in localStorage.
'use strict';
const h = require('./harness.js');

const DRAFT_KEY = 'wasm-gallery.playground.draft.v1';

function previewFrame(page) {
  return page.frame({ url: /\/playground\/preview\.html$/ });
}

async function waitValid(page) {
  await page.waitForFunction(() => document.querySelector('#state').dataset.state === 'valid' &&
    document.querySelector('#preview-stage').dataset.stale === 'false', null, { timeout: 30000 });
}

async function openPlayground(page, query = '') {
  const { url } = await h.setup();
  await page.goto(`${url}/playground/${query}`);
  await waitValid(page);
  await previewFrame(page).waitForFunction(() => document.getElementById('gallery').count > 0, null, { timeout: 30000 });
}

// The editor's text as the draft saved it (400 ms after each change).
const draftText = (page) => page.evaluate((k) => (JSON.parse(localStorage.getItem(k) || '{}').text || ''), DRAFT_KEY);

// Waits until the draft holds every change made so far (#saved's data-saved leaves 'pending'); call it
// after an edit has reached the page (a key press, a fill), not before.
async function draftSaved(page, timeout = 10000) {
  await page.waitForFunction(() => document.querySelector('#saved').dataset.saved !== 'pending', null, { timeout });
}

module.exports = { DRAFT_KEY, previewFrame, waitValid, openPlayground, draftText, draftSaved };
