importScripts('draw.js');
onmessage = (e) => {
  const opts = e.data.opts;
  const log = (s) => postMessage(s);
  if (e.data.canvas && opts.noctx) return log('drawing');  // transferred, never given a context
  if (e.data.canvas) {
    if (self.stopDrawing) self.stopDrawing();  // a fresh canvas after a loss: the old one stops
    return startDrawing(e.data.canvas, opts, log);
  }
  const off = new OffscreenCanvas(300, 150);
  startDrawing(off, opts, log, () => {
    const bitmap = off.transferToImageBitmap();
    postMessage({ bitmap }, [bitmap]);
  });
};
