// The browser benchmark's report (scripts/bench_browser.mjs): its figures as text, from the
// result it also writes to build/bench/browser.json, with the goals of issues 8, 16 and 17
// marked MET or MISS. It reads nothing but that result, so a saved one can be printed again:
//
//   node scripts/bench_report.mjs [build/bench/browser.json]
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MB = (bytes) => (bytes == null ? '-' : `${(bytes / 1e6).toFixed(bytes < 1e6 ? 3 : 1)} MB`);
const KB = (bytes) => (bytes == null ? '-' : `${(bytes / 1024).toFixed(1)} KiB`);
const ms = (value) => (value == null ? '-' : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
const ratio = (value) => (value == null || !Number.isFinite(value) ? '-' : `${value.toFixed(2)}×`);

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ')).join('\n');
}

export function report(result) {
  const S = result.sizes.map((s) => s.summary);
  const lines = [];
  lines.push(`browser benchmark: Chromium ${result.browserVersion}, ${result.runs} cold run(s) per size, ${result.cpus ?? cpus().length} CPUs, load average ${result.loadAverage.map((x) => x.toFixed(2)).join(' ')} before, ${result.loadAverageAfter.map((x) => x.toFixed(2)).join(' ')} after`);
  lines.push('wall-clock figures (and frame times, which are performance.now() around each frame) include waiting for a core when the load average passes the CPU count; "main-thread CPU" rows are the renderer main thread\'s own CPU time (/proc, 10 ms ticks)');
  const modules = {
    threads: 'index-threads (wasm SIMD + threads: import and index on a worker; the default on an isolated page)',
    simd: 'index-simd.wasm (?build=simd: wasm SIMD, one thread)',
    plain: 'index.wasm (?build=plain)',
  };
  lines.push(`module: ${modules[result.build || 'threads']}`);
  lines.push(`index.wasm ${KB(result.wasm.raw)} raw, ${KB(result.wasm.gzip9)} gzip -9 (${KB(result.wasm.gzip6)} at the server's level 6)`);
  lines.push('');
  const head = ['', ...S.map((s) => `${s.label} (${s.articles} art., ${MB(s.exportBytes)})`)];
  const row = (name, f) => [name, ...S.map(f)];
  lines.push(table([
    head,
    row('navigation → first frame', (s) => ms(s.firstFrame)),
    row('navigation → ready', (s) => ms(s.ready)),
    row('navigation → search ready (index built)', (s) => ms(s.searchReady)),
    row('main-thread CPU to ready', (s) => ms(s.cpuToReady)),
    row('data response end', (s) => ms(s.dataResponseEnd)),
    row('ready − data end (large: imported while downloading)', (s) => ms(s.appImport)),
    row('JS fetch (same bytes, again)', (s) => ms(s.js.fetch)),
    row('JS TextDecoder', (s) => ms(s.js.decode)),
    row('JS JSON.parse', (s) => ms(s.js.parse)),
    row('JS main-thread CPU: decode / parse', (s) => `${ms(s.js.cpuDecode)} / ${ms(s.js.cpuParse)}`),
    row('(ready − data end) ÷ JSON.parse', (s) => ratio(s.importRatio)),
    row('(ready − data end) ÷ (decode + parse)', (s) => ratio(s.importRatioDecodeParse)),
    row('ready ÷ JSON.parse', (s) => ratio(s.readyRatio)),
    row('ready ÷ JS fetch + decode + parse', (s) => ratio(s.readyRatioPipeline)),
    row('CPU to ready ÷ JSON.parse CPU', (s) => ratio(s.cpuReadyRatio)),
    ...S[0].searches.map((q, i) => row(`search "${q.q}" app / JS filter`, (s) => `${ms(s.searches[i].app)} / ${ms(s.searches[i].js)} = ${ratio(s.searches[i].ratio)}`)),
    ...S[0].searches.map((q, i) => row(`  matches "${q.q}" app / JS`, (s) => `${s.searches[i].appCount} / ${s.searches[i].jsCount}`)),
    row('JS heap after load', (s) => MB(s.memory.afterLoadJsHeap)),
    row('wasm memory after load', (s) => MB(s.memory.afterLoadWasm)),
    row('JS heap + wasm after load', (s) => `${MB(s.memory.afterLoad)} (${ratio(s.memory.afterLoadRatio)})`),
    row('JS heap + wasm peak (÷ export)', (s) => `${MB(s.memory.peak)} (${ratio(s.memory.peakRatio)})`),
    row('ArrayBuffers after load (CDP)', (s) => MB(s.memory.afterLoadBuffers)),
    row('JS heap + ArrayBuffers + wasm peak', (s) => `${MB(s.memory.peakAll)} (${ratio(s.memory.peakAllRatio)})`),
    row('renderer peak RSS (VmHWM)', (s) => MB(s.memory.rendererPeakRss)),
    row('frames to ready: n / max', (s) => `${s.loadFrames.n} / ${ms(s.loadFrames.max)}`),
    row('frames from ready to index built: n / p95 / max', (s) => `${s.indexFrames.n} / ${ms(s.indexFrames.p95)} / ${ms(s.indexFrames.max)}`),
    row('long frames (>100 ms) to ready', (s) => String(s.loadFrames.over100)),
    row('long tasks (>100 ms) to ready / max', (s) => `${s.longTasks.over100} / ${ms(s.longTasks.max)}`),
    row('scroll frame CPU p50/p95/max', (s) => `${ms(s.scroll.p50)} / ${ms(s.scroll.p95)} / ${ms(s.scroll.max)} (${s.scroll.n})`),
    row('typing frame CPU p50/p95/max', (s) => `${ms(s.typing.p50)} / ${ms(s.typing.p95)} / ${ms(s.typing.max)} (${s.typing.n})`),
    row('  of which search calls p50/p95/max', (s) => `${ms(s.typingSearches.p50)} / ${ms(s.typingSearches.p95)} / ${ms(s.typingSearches.max)} (${s.typingSearches.n})`),
  ]));
  lines.push('');
  lines.push(`bytes per resource (first run of each size; transfer / encoded / decoded):`);
  const rrows = [['resource', ...S.map((s) => s.label)]];
  const names = [...new Set(S.flatMap((s) => ['document', ...s.resources.map((r) => r.name)]))];
  for (const name of names) {
    rrows.push([name, ...S.map((s) => {
      const r = name === 'document' ? s.document : s.resources.find((x) => x.name === name);
      return r ? `${KB(r.transfer)} / ${KB(r.encoded)} / ${KB(r.decoded)}` : '-';
    })]);
  }
  lines.push(table(rrows));
  lines.push('');
  lines.push('goals (issue 8):');
  const bySize = (label) => S.find((s) => s.label === label);
  const goal = (text, ok, figure) => lines.push(`  ${ok == null ? 'n/a ' : ok ? 'MET ' : 'MISS'}  ${text}: ${figure}`);
  const sample = bySize('sample'); const big = bySize('100k');
  goal('sample ready under 1 s (cold)', sample ? sample.ready < 1000 : null, sample ? ms(sample.ready) : 'not measured');
  goal('100k ready within 3× JSON.parse', big ? big.readyRatio <= 3 : null, big ? `ready ${ms(big.ready)} = ${ratio(big.readyRatio)} JSON.parse ${ms(big.js.parse)}; after the data ended ${ratio(big.importRatio)}; main-thread CPU ${ratio(big.cpuReadyRatio)}; ${ratio(big.readyRatioPipeline)} the JS fetch + decode + parse` : 'not measured');
  goal('100k scroll frames under 8 ms CPU (p95)', big ? big.scroll.p95 < 8 : null, big ? `p95 ${ms(big.scroll.p95)}, max ${ms(big.scroll.max)}` : 'not measured');
  goal('100k typing frames under 8 ms CPU (p95)', big ? big.typing.p95 < 8 : null, big ? `p95 ${ms(big.typing.p95)}, max ${ms(big.typing.max)}` : 'not measured');
  goal('wasm under 600 KB gzipped', result.wasm.gzip9 < 600 * 1000, `${KB(result.wasm.gzip9)}`);
  goal('100k peak memory under 2× the export', big ? big.memory.peakRatio < 2 : null, big ? `JS heap + wasm ${MB(big.memory.peak)} = ${ratio(big.memory.peakRatio)}; with ArrayBuffers ${ratio(big.memory.peakAllRatio)}; renderer RSS ${MB(big.memory.rendererPeakRss)} = ${ratio(big.memory.rendererPeakRss / big.exportBytes)}` : 'not measured');
  lines.push('goals (issue 16; "pipeline" = the JS fetch + decode + parse of the same file in the same page):');
  const pipeline = (s) => s.js.fetch + s.js.decode + s.js.parse;
  const indexRatio = (s) => s.searchReady / pipeline(s);
  goal('100k ready ≤ 1.0× the pipeline', big ? big.readyRatioPipeline <= 1 : null, big ? `${ms(big.ready)} = ${ratio(big.readyRatioPipeline)}` : 'not measured');
  goal('100k index complete ≤ 2.0× the pipeline', big ? indexRatio(big) <= 2 : null, big ? `${ms(big.searchReady)} = ${ratio(indexRatio(big))}` : 'not measured');
  const he = bySize('100k-he');
  goal('high-entropy 100k ready ≤ 1.5× the pipeline', he ? he.readyRatioPipeline <= 1.5 : null, he ? `${ms(he.ready)} = ${ratio(he.readyRatioPipeline)}` : 'not measured (--sizes 100k-he)');
  goal('high-entropy 100k index complete ≤ 4× the pipeline', he ? indexRatio(he) <= 4 : null, he ? `${ms(he.searchReady)} = ${ratio(indexRatio(he))}` : 'not measured');
  goal('high-entropy 100k peak memory ≤ 2× the export', he ? he.memory.peakRatio <= 2 : null, he ? `JS heap + wasm ${MB(he.memory.peak)} = ${ratio(he.memory.peakRatio)}` : 'not measured');
  lines.push('goals (issue 17: the second visit, from the board image saved by the first):');
  for (const s of S) {
    const v = s.second;
    if (v.ready == null) {
      lines.push(`  n/a   ${s.label}: no second visit: ${v.error}`);
      continue;
    }
    // An image already stored when the count began was written while the page was scrolled
    // and typed in: no turn of it is left to count.
    const written = v.writeFrames.n ? `written in ${v.writeFrames.n} turns (max ${ms(v.writeFrames.max)})`
      : 'written while the page was scrolled and typed in (before the count)';
    const image = `image ${MB(v.imageBytes)} = ${ratio(v.imageBytes / s.exportBytes)} the export, ${written}; wasm memory ${MB(v.wasm)}`;
    lines.push(`        ${s.label}: second visit ready ${ms(v.ready)} = ${ratio(v.readyRatioPipeline)} the pipeline; from the image ${v.fromImage}; search complete at ready ${v.searchAtReady}; ${image}`);
    const p = s.published;
    if (p && p.ready != null) {
      lines.push(`        ${s.label}: first visit with the published image ready ${ms(p.ready)} = ${ratio(p.readyRatioPipeline)} the pipeline; from the image ${p.fromImage}; search complete at ready ${p.searchAtReady}; wasm memory ${MB(p.wasm)}, JS heap ${MB(p.jsHeap)}`);
    } else if (p) {
      lines.push(`  n/a   ${s.label}: no published-image visit: ${p.error}`);
    }
  }
  goal('100k second visit ready ≤ 0.3× the pipeline, search complete at ready', big?.second?.ready != null ? big.second.readyRatioPipeline <= 0.3 && big.second.searchAtReady : null,
    big?.second?.ready != null ? `${ms(big.second.ready)} = ${ratio(big.second.readyRatioPipeline)}` : 'not measured');
  goal('100k published image, first visit: ready ≤ 0.3× the pipeline, search complete at ready', big?.published?.ready != null ? big.published.readyRatioPipeline <= 0.3 && big.published.searchAtReady : null,
    big?.published?.ready != null ? `${ms(big.published.ready)} = ${ratio(big.published.readyRatioPipeline)}` : 'not measured');
  goal('100k image ≤ 1.2× the export', big?.second?.imageBytes ? big.second.imageBytes <= 1.2 * big.exportBytes : null,
    big?.second?.imageBytes ? `${MB(big.second.imageBytes)} = ${ratio(big.second.imageBytes / big.exportBytes)}` : 'not measured');
  for (const s of [big, he].filter(Boolean)) {
    const worst = Math.max(s.loadFrames.max ?? 0, s.indexFrames.max ?? 0);
    goal(`${s.label}: no frame over 50 ms during the load and the index build`, worst <= 50,
      `${s.loadFrames.n} + ${s.indexFrames.n} frames, max ${ms(s.loadFrames.max)} / ${ms(s.indexFrames.max)}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/bench/browser.json');
  console.log(report(JSON.parse(readFileSync(file, 'utf8'))));
}
