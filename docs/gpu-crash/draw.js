// Draws a changing clear colour with WebGL2 into `canvas` (a page canvas, a transferred
// OffscreenCanvas, or one of the worker's own), driven by rAF, setTimeout or nothing.
self.startDrawing = function (canvas, opts, log, present) {
  const attrs = opts.attrs ? JSON.parse(opts.attrs) : {};
  let gl = canvas.getContext('webgl2', attrs);
  if (!gl) return log('drawing'), log('no context');
  let n = 0, frames = 0;
  canvas.addEventListener('webglcontextlost', (e) => { if (opts.prevent !== '0') e.preventDefault(); log('lost'); });
  canvas.addEventListener('webglcontextrestored', () => { log('restored'); if (opts.redraw !== '0') kick(); });
  const frame = () => {
    if (gl.isContextLost()) return;
    n = (n + 1) % 256;
    gl.clearColor(n / 255, 0.5, 1 - n / 255, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    frames++;
    if (present) present();
    next();
  };
  const next = () => {
    if (opts.loop === 'none') return;
    if (opts.loop === 'timeout') setTimeout(frame, 16);
    else requestAnimationFrame(frame);
  };
  const kick = () => frame();
  self.frames = () => frames;
  self.stopDrawing = () => { opts.loop = 'none'; };
  kick();
  log('drawing');
  // parked=1: the context is given back (WEBGL_lose_context) after its first frame, as a gallery
  // scrolled far away does, before the GPU process dies.
  if (opts.parked) { opts.loop = 'none'; gl.getExtension('WEBGL_lose_context').loseContext(); }
};
