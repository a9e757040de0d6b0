// playground-edit.test.js — editing as a newsroom editor does: a misspelled key is offered as a
// one-click rename (slide checks, the form, the editor's lint tooltip) and the form never writes a
// duplicate key beside it; a field's edits undo as one, however long the typist paused.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const h = require('./harness.js');
const { DRAFT_KEY, draftSaved, openPlayground, previewFrame, waitValid } = require('./playground-pages.js');

after(h.teardown);

// The editor's text as the draft saves it (400 ms after each change).
const editorText = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{"text":""}').text, DRAFT_KEY);
const untilText = (page, pred, arg) => page.waitForFunction(([k, f, a]) => new Function('t', 'a', 'return (' + f + ')(t, a)')(
  JSON.parse(localStorage.getItem(k) || '{"text":""}').text, a), [DRAFT_KEY, pred.toString(), arg], { timeout: 10000 });
const draftJson = (page) => page.evaluate((k) => JSON.parse(JSON.parse(localStorage.getItem(k) || 'null').text), DRAFT_KEY);
const srcOf = (gallery) => '?src=' + encodeURIComponent('data:application/json,' + encodeURIComponent(JSON.stringify(gallery, null, 2)));

test('a misspelled key: the slide shows its text with a rename; typing in the form renames it, never a duplicate', async () => {
  const page = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await openPlayground(page, srcOf({ title: 'Typo', slides: [
    { image: '/demo/photos/02.jpg', alt: 'Blue flowers', captoin: 'Typed wrong', width: 1024, height: 768 },
    { image: '/demo/photos/03.jpg', alt: 'Grass', caption: 'Fine', captoin: 'Both', width: 1024, height: 768 },
  ] }));
  // The form shows the text (not an empty Caption) with a note, and the slide's checks a rename.
  assert.equal(await page.inputValue('#f-caption'), 'Typed wrong');
  assert.match(await page.textContent('[data-misspelled="caption"]'), /written as "captoin"/);
  const check = page.locator('#slide-checks li', { hasText: 'Did you mean "caption"' });
  await check.waitFor();
  assert.match(await page.textContent('#summary'), /2 misspelled keys/, 'the status counts them');
  // Typing in Caption writes under the right key: "captoin" becomes "caption", no second key.
  await page.fill('#f-caption', 'Typed right');
  await page.waitForFunction((k) => (JSON.parse(localStorage.getItem(k) || '{}').text || '').includes('Typed right'), DRAFT_KEY);
  let text = await editorText(page);
  assert.equal((text.match(/"caption"/g) || []).length, 2, 'one caption per slide');
  assert.ok(!/"captoin": "Typed/.test(text), 'the misspelled key is gone from slide 1');
  assert.equal((await draftJson(page)).slides[0].caption, 'Typed right');
  await waitValid(page);
  assert.equal(await page.isHidden('[data-misspelled="caption"]'), true, 'the note goes once the key is right');

  // Slide 2 has both keys: a rename would duplicate "caption", so none is offered in the editor; the
  // slide's check still says what is wrong.
  await page.selectOption('#slide-picker', '1');
  await page.locator('#slide-checks li', { hasText: 'Did you mean "caption"' }).waitFor();
  assert.equal(await page.inputValue('#f-caption'), 'Fine');
  // The editor's lint tooltip on slide 1's old place carries the action while it applies: put the
  // typo back in slide 1 by undoing, and use the tooltip's button.
  await page.click('.cm-content');
  await page.keyboard.press('Control+z');
  await untilText(page, (t) => t.includes('"captoin": "Typed wrong"'));
  await waitValid(page);
  const range = page.locator('.cm-lintRange-warning', { hasText: 'captoin' }).first();
  await range.hover();
  const action = page.locator('.cm-tooltip-lint button', { hasText: 'Rename to "caption"' }).first();
  await action.waitFor({ timeout: 10000 });
  await action.click();
  await untilText(page, (t) => t.includes('"caption": "Typed wrong"'));
  text = await editorText(page);
  assert.equal((text.match(/"caption"/g) || []).length, 2);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('form edits undo as one: a caption typed with pauses is one Ctrl+Z', async () => {
  const page = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await openPlayground(page, srcOf({ title: 'Undo', slides: [
    { image: '/demo/photos/02.jpg', alt: 'Blue flowers', caption: 'Before', credit: 'Credit before', width: 1024, height: 768 },
  ] }));
  const original = JSON.stringify({ title: 'Undo', slides: [
    { image: '/demo/photos/02.jpg', alt: 'Blue flowers', caption: 'Before', credit: 'Credit before', width: 1024, height: 768 },
  ] }, null, 2);
  await page.fill('#f-caption', '');
  for (const word of ['Slow', ' typist', ' pauses']) {
    await page.type('#f-caption', word);
    // Longer than CodeMirror's 500 ms grouping delay: each word would be its own undo step without
    // the form's sessions. Wait for the edit to be in the editor, then past the delay.
    await untilText(page, (t, w) => t.includes(w), word.trim());
    await page.waitForTimeout(700); // the subject: a typist's pause longer than the grouping delay
  }
  // Another field: its own step.
  await page.fill('#f-credit', 'Credit after');
  await untilText(page, (t) => t.includes('Credit after'));
  await page.click('.cm-content');
  await page.keyboard.press('Control+z');
  await untilText(page, (t) => !t.includes('Credit after'));
  assert.ok((await editorText(page)).includes('"Slow typist pauses"'), 'one Ctrl+Z undid only the credit');
  await page.keyboard.press('Control+z');
  await untilText(page, (t, o) => t === o, original);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('New gallery: asked first, starts empty with the gallery fields, takes photos; Ctrl+Z brings the old one back', async () => {
  const page = await h.openPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await openPlayground(page);
  const sample = await page.evaluate(() => fetch('/gallery.json').then((r) => r.text()));
  await page.click('#new-gallery');
  await page.locator('#confirm-new').waitFor();
  await page.click('#confirm-new-cancel');
  assert.equal(await page.isVisible('#confirm-new'), false);
  await page.click('#new-gallery');
  await page.click('#confirm-new-ok');
  await page.waitForFunction(() => document.querySelector('#preview-stage').dataset.empty === 'true');
  assert.equal(await page.isVisible('#gallery-form'), true, 'the Gallery tab is open');
  assert.match(await page.textContent('#status'), /New gallery/);
  await page.fill('#g-title', 'Floods in the north');
  await page.selectOption('#g-transition', 'fade');
  await page.fill('#g-autoplay', '4');
  await page.check('#g-loop');
  await untilText(page, (t) => t.includes('"loop": true'));
  const json = JSON.parse(await editorText(page));
  assert.equal(json.title, 'Floods in the north');
  assert.deepEqual(json.options, { transition: 'fade', autoplay: 4000, loop: true });
  assert.deepEqual(json.slides, []);
  // A photo makes it a gallery.
  await page.setInputFiles('#add-files', path.join(h.ROOT, 'web/demo/photos/01.jpg'));
  await waitValid(page);
  // Valid: the playground shows this text, its one slide in the strip, the count and the preview.
  assert.equal(await page.$eval('#preview-stage', (s) => s.dataset.empty), 'false');
  assert.equal(await page.textContent('#slide-count'), '1 slide');
  assert.equal(await page.$$eval('#slides button[data-index]', (l) => l.length), 1);
  assert.equal(await previewFrame(page).$eval('#gallery', (g) => g.count), 1);
  // The draft is saved 400 ms after the edit, which may be after the render reported it valid.
  await draftSaved(page);
  assert.equal(JSON.parse(await editorText(page)).slides.length, 1);
  // Undo, step by step, back to the gallery before "New gallery".
  await page.click('.cm-content');
  for (let i = 0; i < 8 && (await editorText(page)) !== sample; i++) {
    await page.keyboard.press('Control+z');
    await draftSaved(page);
  }
  assert.equal(await editorText(page), sample, 'Ctrl+Z brought the sample back');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('several slides at once: Ctrl+click selects, they move and go together in one undoable edit', async () => {
  const page = await h.openPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await openPlayground(page);
  const images = async () => JSON.parse(await editorText(page)).slides.map((s) => s.image.replace(/.*\//, ''));
  await page.click('#slides button[data-index="1"]');
  await page.click('#slides button[data-index="2"]', { modifiers: ['Control'] });
  await page.focus('#slides button[data-index="4"]');
  await page.keyboard.press('Space');
  assert.equal(await page.textContent('#selection-count'), '3 slides selected');
  assert.equal(await page.$$eval('#slides .slide-pick.selected', (l) => l.length), 3);
  await page.click('#sel-right');
  await untilText(page, (t) => t.indexOf('photos/04.jpg') < t.indexOf('photos/02.jpg'));
  assert.deepEqual((await images()).slice(0, 6), ['01.jpg', '04.jpg', '02.jpg', '03.jpg', '06.jpg', '05.jpg']);
  await waitValid(page);
  assert.equal(await page.$$eval('#slides .slide-pick.selected', (l) => l.map((b) => b.dataset.index).join()), '2,3,5', 'the selection moved with them');
  await page.click('#sel-remove');
  await untilText(page, (t) => !t.includes('photos/02.jpg'));
  assert.deepEqual(await images(), ['01.jpg', '04.jpg', '06.jpg', '07.jpg', '08.jpg', '09.jpg', '10.jpg']);
  await waitValid(page);
  assert.equal(await page.isHidden('#selection-bar'), true);
  await page.click('.cm-content');
  await page.keyboard.press('Control+z');
  await untilText(page, (t) => t.includes('photos/02.jpg'));
  assert.equal((await images()).length, 10, 'one Ctrl+Z brings all three back');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a 1280×800 screen the form is beside the preview, in view; 100% shows the phone at its CSS pixels', async () => {
  const page = await h.openPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await openPlayground(page);
  const inView = (sel) => page.$eval(sel, (el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.width > 0; });
  // The page's layout settles as its slide strip and preview fill in (in a clean-clone run the strip's
  // first button was read once while still below the fold): each one is waited for until it is in view.
  for (const sel of ['#f-alt', '#f-caption', '#f-credit', '#slides button[data-index="0"]']) {
    await h.until(page, (s) => { const el = document.querySelector(s); const r = el && el.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= innerHeight && r.width > 0; }, sel, { timeout: 10000,
      what: `${sel} in view (${JSON.stringify(await page.$eval(sel, (el) => el.getBoundingClientRect()))} at first)` });
  }
  assert.match(await page.textContent('#device-note'), /shown at \d+%/);
  await page.locator('.seg label', { hasText: '100%' }).click();
  await page.waitForFunction(() => !/shown at/.test(document.querySelector('#device-note').textContent));
  const w = await page.$eval('.preview-box', (b) => b.getBoundingClientRect().width);
  assert.equal(Math.round(w), 360, 'the phone preset at 100%');
  assert.ok(await inView('#f-caption'), 'the form stays in view');
  await h.shot(page, 'playground-1280');
  await page.context().close();
});
