/**
 * Draws the sample stories' photos: one editorial illustration per article in db/seed-content.ts,
 * written to public/images/<slug>.jpg (1600x900). Everything is drawn here as SVG and rasterised by
 * sharp, so nothing is downloaded and no fonts are needed (the pictures contain no text).
 *
 *   npx tsx scripts/make-photos.ts            # every article
 *   npx tsx scripts/make-photos.ts some-slug  # only the named ones
 *
 * The motif follows the story (a telephone for the lead, a globe for world news, columns for politics,
 * charts, containers and girders for business, circuits for technology); colours and positions vary
 * deterministically with a hash of the slug, so re-running the script gives the same files.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { articles } from '../db/seed-content';
import type { SeedArticle } from '../db/seed-types';

const W = 1600;
const H = 900;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'public', 'images');

// ------------------------------------------------------------------------------------------ helpers

type Rng = () => number;

/** FNV-1a: a stable 32-bit hash of the slug. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator, so each slug always gets the same picture. */
function rngFor(seed: number): Rng {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const pick = <T,>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length) % items.length]!;
const n = (v: number) => (Math.round(v * 10) / 10).toString();

function rgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Linear mix of two #rrggbb colours. */
function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = rgb(a);
  const [br, bg, bb] = rgb(b);
  const c = (x: number, y: number) => Math.round(x + (y - x) * t).toString(16).padStart(2, '0');
  return `#${c(ar, br)}${c(ag, bg)}${c(ab, bb)}`;
}

/** Nudges a colour a little towards light or dark, for per-slug variation. */
function jitter(rng: Rng, colour: string, amount = 0.08): string {
  const t = between(rng, -amount, amount);
  return t >= 0 ? mix(colour, '#ffffff', t) : mix(colour, '#000000', -t);
}

function linear(id: string, stops: [number, string, number?][], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
  const s = stops
    .map(([o, c, op]) => `<stop offset="${o}" stop-color="${c}"${op === undefined ? '' : ` stop-opacity="${op}"`}/>`)
    .join('');
  return `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${s}</linearGradient>`;
}

function radial(id: string, stops: [number, string, number?][], cx = 0.5, cy = 0.5, r = 0.5): string {
  const s = stops
    .map(([o, c, op]) => `<stop offset="${o}" stop-color="${c}"${op === undefined ? '' : ` stop-opacity="${op}"`}/>`)
    .join('');
  return `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${s}</radialGradient>`;
}

function poly(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)} ${n(y)}`).join(' ');
}

/** A closed blob around (cx, cy), smoothed with quadratic curves through edge midpoints. */
function blob(rng: Rng, cx: number, cy: number, r: number, points = 9, wobble = 0.35): string {
  const pts: [number, number][] = [];
  for (let i = 0; i < points; i++) {
    const a = (i / points) * Math.PI * 2;
    const rr = r * (1 - wobble / 2 + wobble * rng());
    pts.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr * 0.8]);
  }
  const mid = (p: [number, number], q: [number, number]) => [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
  const first = mid(pts[points - 1]!, pts[0]!);
  let d = `M${n(first[0]!)} ${n(first[1]!)}`;
  for (let i = 0; i < points; i++) {
    const p = pts[i]!;
    const m = mid(p, pts[(i + 1) % points]!);
    d += ` Q${n(p[0])} ${n(p[1])} ${n(m[0]!)} ${n(m[1]!)}`;
  }
  return `${d} Z`;
}

/** A soft cloud: a few overlapping blurred ellipses. */
function cloud(rng: Rng, cx: number, cy: number, size: number, opacity: number): string {
  let parts = '';
  for (let i = 0; i < 5; i++) {
    parts += `<ellipse cx="${n(cx + between(rng, -1, 1) * size)}" cy="${n(cy + between(rng, -0.15, 0.15) * size)}" rx="${n(size * between(rng, 0.45, 0.8))}" ry="${n(size * between(rng, 0.14, 0.24))}"/>`;
  }
  return `<g fill="#ffffff" opacity="${n(opacity)}" filter="url(#soft)">${parts}</g>`;
}

// ------------------------------------------------------------------------------------------ palette

const INK = '#1c222b';
const PAPER = '#eee6d4';

type Scene = { defs: string; body: string };
type Motif = (rng: Rng, tone: Tone) => Scene;

/** Colours for one picture: muted, newspaper-ish, with a warm and a cool accent. */
type Tone = { skyTop: string; skyBottom: string; warm: string; cool: string; stone: string; variant: string };

const tones: Record<string, Tone> = {
  news: { skyTop: '#2d3d55', skyBottom: '#b9aa8f', warm: '#a4473a', cool: '#36506e', stone: '#d8cdb6', variant: '' },
  world: { skyTop: '#3c5066', skyBottom: '#d2b98a', warm: '#c08d3e', cool: '#46627c', stone: '#e3d7bd', variant: '' },
  politics: { skyTop: '#8da0b3', skyBottom: '#e9dfca', warm: '#b98a4e', cool: '#59677a', stone: '#d9ccb1', variant: '' },
  business: { skyTop: '#5c7a6d', skyBottom: '#e7dcc3', warm: '#a8553b', cool: '#3c5f64', stone: '#e2d6bb', variant: '' },
  technology: { skyTop: '#0f1c2e', skyBottom: '#25415b', warm: '#c7923f', cool: '#3d8a8a', stone: '#cfd6d8', variant: '' },
};

/** Per-story adjustments, so the captions' and alt texts' descriptions stay true. */
const storyTones: Record<string, Partial<Tone>> = {
  'trump-inauguration-executive-orders': { skyTop: '#9fb3c6', skyBottom: '#f0e6d2', stone: '#dcc7a2', variant: 'warm' },
  'federal-funding-freeze-rescinded': { skyTop: '#6f7c8c', skyBottom: '#c9ccca', stone: '#b9bcbd', variant: 'lightband' },
  'usaid-shutdown-foreign-aid': { skyTop: '#c8a488', skyBottom: '#eadbc6', stone: '#c98f70', variant: 'diagonal' },
  'senate-confirms-trump-cabinet': { skyTop: '#4b3f5c', skyBottom: '#b59aa6', stone: '#e4dccd', variant: 'topshadow' },
};

// ------------------------------------------------------------------------------------------ motifs

/** A telephone handset with a coiled cord, across two flag-like fields of colour. */
const phone: Motif = (rng) => {
  const red = jitter(rng, '#9b3b33', 0.05);
  const white = jitter(rng, '#e6dcc6', 0.03);
  const blue = jitter(rng, '#2e4767', 0.05);
  const tilt = between(rng, -3, 3);
  const seam = between(rng, 760, 840);

  // Left: red and white stripes with a blue block in the corner. Right: white, blue and red bands.
  let left = '';
  for (let i = 0; i < 7; i++) {
    left += `<rect x="-200" y="${n(-200 + i * 186)}" width="${n(seam + 200)}" height="187" fill="${i % 2 ? white : red}"/>`;
  }
  left += `<rect x="-200" y="-200" width="${n(seam * 0.46 + 200)}" height="${n(186 * 4 + 1)}" fill="${blue}"/>`;
  const right =
    `<rect x="${n(seam)}" y="-200" width="${n(W - seam + 200)}" height="${n(1300 / 3 + 1)}" fill="${white}"/>` +
    `<rect x="${n(seam)}" y="${n(-200 + 1300 / 3)}" width="${n(W - seam + 200)}" height="${n(1300 / 3 + 1)}" fill="${blue}"/>` +
    `<rect x="${n(seam)}" y="${n(-200 + 2600 / 3)}" width="${n(W - seam + 200)}" height="${n(1300 / 3 + 1)}" fill="${red}"/>`;

  const cup = 'M -70 -40 L 70 -40 Q 86 -40 92 -24 L 118 56 Q 124 78 100 78 L -100 78 Q -124 78 -118 56 L -92 -24 Q -86 -40 -70 -40 Z';
  const cupFace = 'M -104 70 L 104 70';
  const handset = (fill: string, extra: string) => `
    <path d="M -300 -8 Q 0 -150 300 -8" fill="none" stroke="${fill}" stroke-width="82" stroke-linecap="round"/>
    <g transform="translate(-318 40) rotate(22)"><path d="${cup}" fill="${fill}"/>${extra}</g>
    <g transform="translate(318 40) rotate(-22)"><path d="${cup}" fill="${fill}"/>${extra}</g>`;

  // Coiled cord: a trochoid following a curve from the mouthpiece to the bottom edge.
  const p0: [number, number] = [340, 110];
  const p1: [number, number] = [between(rng, 380, 520), between(rng, 420, 520)];
  const p2: [number, number] = [between(rng, 620, 760), 760];
  const pts: [number, number][] = [];
  const loops = 21;
  for (let i = 0; i <= 700; i++) {
    const s = i / 700;
    const bx = (1 - s) ** 2 * p0[0] + 2 * (1 - s) * s * p1[0] + s * s * p2[0];
    const by = (1 - s) ** 2 * p0[1] + 2 * (1 - s) * s * p1[1] + s * s * p2[1];
    const a = s * loops * Math.PI * 2;
    pts.push([bx + Math.cos(a) * 26, by + Math.sin(a) * 18]);
  }
  const cord = poly(pts);

  const defs =
    linear('phoneShade', [[0, '#000', 0], [0.5, '#000', 0.38], [1, '#000', 0.1]], 0, 0, 1, 0) +
    linear('phoneGloss', [[0, '#ffffff', 0.35], [1, '#ffffff', 0]]);
  const body = `
    <g transform="rotate(${n(tilt)} 800 450)">${left}${right}
      <rect x="${n(seam - 8)}" y="-200" width="16" height="1300" fill="${INK}" opacity="0.55"/></g>
    <rect width="${W}" height="${H}" fill="url(#phoneShade)"/>
    <g transform="translate(${n(between(rng, 760, 840))} ${n(between(rng, 380, 430))}) rotate(${n(between(rng, -16, -7))})">
      <g transform="translate(26 40)" filter="url(#soft)" opacity="0.55">${handset('#000', '')}
        <path d="${cord}" fill="none" stroke="#000" stroke-width="9"/></g>
      <path d="${cord}" fill="none" stroke="${INK}" stroke-width="10" stroke-linejoin="round"/>
      <path d="${cord}" fill="none" stroke="#6b7382" stroke-width="2" opacity="0.6" transform="translate(-2 -3)"/>
      ${handset(INK, `<path d="${cupFace}" stroke="#59606c" stroke-width="5"/>`)}
      <path d="M -292 -34 Q 0 -168 292 -34" fill="none" stroke="url(#phoneGloss)" stroke-width="14" stroke-linecap="round"/>
    </g>`;
  return { defs, body };
};

/** A small jet climbing over bands of cloud at dawn. */
const plane: Motif = (rng) => {
  const sunX = between(rng, 1000, 1350);
  const defs =
    linear('dawn', [[0, jitter(rng, '#26385a')], [0.5, jitter(rng, '#8f7a86')], [0.78, '#d9a57c'], [1, '#f0d8ae']]) +
    radial('sun', [[0, '#fff4d8', 1], [0.18, '#f7dfae', 0.95], [0.45, '#f2c98e', 0.35], [1, '#f2c98e', 0]]) +
    linear('trail', [[0, '#ffffff', 0], [1, '#ffffff', 0.75]], 0, 0, 1, 0);
  let clouds = '';
  for (let layer = 0; layer < 4; layer++) {
    const y = 560 + layer * 95;
    const colour = mix('#caa3a0', '#f4e6cf', layer / 4);
    const shade = mix(colour, '#6f6078', 0.25);
    let shapes = '';
    for (let x = -150; x < W + 200; x += between(rng, 150, 260)) {
      const rx = between(rng, 120, 240);
      const ry = between(rng, 34, 66);
      shapes += `<ellipse cx="${n(x)}" cy="${n(y - between(rng, 0, 40))}" rx="${n(rx)}" ry="${n(ry)}"/>`;
    }
    clouds += `<g fill="${shade}" transform="translate(0 10)" opacity="0.6">${shapes}</g>`;
    clouds += `<g fill="${colour}" opacity="${n(0.75 + layer * 0.08)}">${shapes}<rect x="0" y="${y}" width="${W}" height="${H}"/></g>`;
  }
  const px = between(rng, 560, 760);
  const py = between(rng, 260, 330);
  const angle = between(rng, -14, -9);
  const jet = `
    <path d="M -180 -16 L 150 -16 Q 196 -14 210 0 Q 196 14 150 16 L -170 16 Q -190 10 -180 -16 Z"/>
    <path d="M -150 -14 L -196 -92 L -164 -92 L -108 -14 Z"/>
    <path d="M -150 2 L -206 22 L -184 26 L -118 8 Z"/>
    <path d="M 30 6 L -60 86 L -26 88 L 84 10 Z"/>
    <path d="M 20 -10 L -26 -46 L -8 -46 L 56 -12 Z" opacity="0.7"/>
    <ellipse cx="6" cy="34" rx="34" ry="11"/>`;
  const body = `
    <rect width="${W}" height="${H}" fill="url(#dawn)"/>
    <circle cx="${n(sunX)}" cy="560" r="420" fill="url(#sun)"/>
    ${clouds}
    <g transform="translate(${n(px)} ${n(py)}) rotate(${n(angle)})">
      <rect x="-900" y="-5" width="720" height="7" fill="url(#trail)"/>
      <rect x="-900" y="10" width="700" height="4" fill="url(#trail)" opacity="0.6"/>
      <g fill="${INK}">${jet}</g>
    </g>`;
  return { defs, body };
};

/** A river at night under a low bridge, with the lights of a city and an airport in the water. */
const river: Motif = (rng) => {
  const horizon = between(rng, 500, 525);
  const defs =
    linear('night', [[0, '#0b111e'], [0.7, jitter(rng, '#253249', 0.04)], [1, '#3b475d']]) +
    linear('water', [[0, '#182233'], [1, '#070b13']]) +
    radial('lampGlow', [[0, '#f3d9a0', 0.7], [1, '#f3d9a0', 0]]);
  // Two layers of skyline: a hazy far one and a darker near one with lit windows.
  const skyline = (colour: string, maxH: number, lit: number) => {
    let shapes = '';
    let lights = '';
    for (let x = -10; x < W; ) {
      const w = between(rng, 24, 110);
      const h = between(rng, 10, maxH) * (rng() < 0.15 ? 1.6 : 1);
      shapes += `<rect x="${n(x)}" y="${n(horizon - h)}" width="${n(w + 1)}" height="${n(h + 2)}"/>`;
      for (let k = 0; k < lit * (w / 40); k++) {
        const lx = x + between(rng, 3, w - 6);
        const ly = horizon - between(rng, 4, h - 4);
        lights += `<rect x="${n(lx)}" y="${n(ly)}" width="3" height="2.5" fill="#e8c47a" opacity="${n(between(rng, 0.35, 0.9))}"/>`;
      }
      x += w;
    }
    return `<g fill="${colour}">${shapes}</g>${lights}`;
  };
  // An obelisk and a dome on the skyline.
  const ox = between(rng, 300, 500);
  const dx = between(rng, 1000, 1200);
  const landmarks =
    `<path d="M ${n(ox - 13)} ${n(horizon)} L ${n(ox - 9)} ${n(horizon - 240)} L ${n(ox)} ${n(horizon - 258)} L ${n(ox + 9)} ${n(horizon - 240)} L ${n(ox + 13)} ${n(horizon)} Z"/>` +
    `<path d="M ${n(dx - 70)} ${n(horizon - 70)} Q ${n(dx - 68)} ${n(horizon - 150)} ${n(dx)} ${n(horizon - 156)} Q ${n(dx + 68)} ${n(horizon - 150)} ${n(dx + 70)} ${n(horizon - 70)} Z"/>` +
    `<rect x="${n(dx - 84)}" y="${n(horizon - 84)}" width="168" height="16"/><rect x="${n(dx - 5)}" y="${n(horizon - 182)}" width="10" height="30"/>` +
    `<rect x="${n(dx - 230)}" y="${n(horizon - 52)}" width="460" height="54"/>`;
  const beacon = `<circle cx="${n(ox)}" cy="${n(horizon - 252)}" r="3" fill="#d8564a"/>`;

  // The far shore: an airport's runway lights, just above the waterline.
  let runway = '';
  const rx0 = between(rng, 1230, 1300);
  for (let i = 0; i < 22; i++) {
    runway += `<circle cx="${n(rx0 + i * 15)}" cy="${n(horizon + 6)}" r="2.2" fill="${i % 5 ? '#f4f1e6' : '#d9564a'}"/>`;
  }

  // Reflections: broken columns of short dashes under each light, fading with distance.
  const reflection = (x: number, y0: number, length: number, colour: string) => {
    let out = '';
    for (let y = y0; y < y0 + length; y += between(rng, 5, 11)) {
      const f = 1 - (y - y0) / length;
      const w = between(rng, 3, 16) * (0.6 + (1 - f));
      out += `<rect x="${n(x - w / 2 + between(rng, -3, 3))}" y="${n(y)}" width="${n(w)}" height="2.2" fill="${colour}" opacity="${n(0.15 + 0.55 * f * rng())}"/>`;
    }
    return out;
  };
  const deck = horizon + 70;
  let reflections = '';
  let lamps = '';
  for (let x = 60; x < W; x += 110) {
    lamps += `<circle cx="${x}" cy="${deck - 16}" r="16" fill="url(#lampGlow)"/><circle cx="${x}" cy="${deck - 16}" r="3" fill="#f6dfaa"/><rect x="${x - 1}" y="${deck - 14}" width="2" height="14" fill="#0f1520"/>`;
    reflections += reflection(x, deck + 90, between(rng, 120, 220), '#e8c47a');
  }
  for (let i = 0; i < 22; i += 3) reflections += reflection(rx0 + i * 15, horizon + 14, between(rng, 24, 48), '#dfe6ee');
  let ripples = '';
  for (let i = 0; i < 60; i++) {
    ripples += `<rect x="${n(between(rng, 0, W))}" y="${n(between(rng, horizon + 10, H))}" width="${n(between(rng, 40, 200))}" height="1.5" fill="#9fb1c8" opacity="${n(between(rng, 0.04, 0.12))}"/>`;
  }
  // Spandrels and piers under the deck, leaving the arch openings dark.
  let arches = '';
  for (let x = -60; x < W + 100; x += 180) {
    arches += `M ${x} ${deck + 20} L ${x + 180} ${deck + 20} L ${x + 180} ${deck + 84} L ${x + 166} ${deck + 84} Q ${x + 90} ${deck + 4} ${x + 14} ${deck + 84} L ${x} ${deck + 84} Z `;
  }
  let stars = '';
  for (let i = 0; i < 40; i++) {
    stars += `<circle cx="${n(between(rng, 0, W))}" cy="${n(between(rng, 10, horizon - 220))}" r="${n(between(rng, 0.8, 1.8))}" fill="#e9e4d6" opacity="${n(between(rng, 0.2, 0.6))}"/>`;
  }
  const body = `
    <rect width="${W}" height="${H}" fill="url(#night)"/>${stars}
    <rect x="-50" y="${n(horizon - 90)}" width="${W + 100}" height="120" fill="#8a97ab" opacity="0.13" filter="url(#soft)"/>
    <g opacity="0.55">${skyline('#1a2333', 110, 0.3)}</g>
    ${skyline('#0a0f19', 60, 1.2)}<g fill="#0a0f19">${landmarks}</g>${beacon}
    <rect x="0" y="${n(horizon)}" width="${W}" height="10" fill="#0a0f19"/>
    <rect x="0" y="${n(horizon + 10)}" width="${W}" height="${n(H - horizon)}" fill="url(#water)"/>
    ${runway}${reflections}${ripples}
    <path d="${arches}" fill="#1f2839"/>
    <rect x="-10" y="${deck}" width="${W + 20}" height="24" fill="#222c3e"/>
    <rect x="-10" y="${deck}" width="${W + 20}" height="3" fill="#4a566b"/>
    <rect x="-10" y="${deck + 24}" width="${W + 20}" height="4" fill="#111723"/>
    ${lamps}`;
  return { defs, body };
};

/** A globe of meridians and parallels, with loose continents and radiating arcs. */
const globe: Motif = (rng, tone) => {
  const cx = between(rng, 720, 900);
  const cy = between(rng, 430, 480);
  const r = between(rng, 290, 320);
  const tilt = between(rng, -24, -10);
  const defs =
    linear('bands', [[0, jitter(rng, tone.cool)], [0.58, mix(tone.cool, tone.skyBottom, 0.5)], [0.58, jitter(rng, tone.warm, 0.05)], [1, mix(tone.warm, PAPER, 0.35)]], 0, 0, 1, 0.3) +
    radial('sea', [[0, '#7e98ae'], [0.7, '#3b5670'], [1, '#24384e']], 0.36, 0.32, 0.8) +
    radial('shadowSide', [[0.55, '#000', 0], [1, '#000', 0.45]], 0.35, 0.3, 0.75) +
    `<clipPath id="globeClip"><circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}"/></clipPath>`;
  let arcs = '';
  for (let i = 1; i <= 5; i++) {
    arcs += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r + i * 70)}" fill="none" stroke="${PAPER}" stroke-width="${i === 1 ? 3 : 2}" stroke-dasharray="${i % 2 ? '4 14' : '60 30'}" opacity="${n(0.4 - i * 0.05)}"/>`;
  }
  let land = '';
  // Continents: clusters of overlapping small blobs, so the coastlines are irregular.
  for (let i = 0; i < 4; i++) {
    const lx = cx + between(rng, -r * 0.8, r * 0.8);
    const ly = cy + between(rng, -r * 0.75, r * 0.75);
    const parts = 4 + Math.floor(rng() * 4);
    for (let k = 0; k < parts; k++) {
      land += `<path d="${blob(rng, lx + between(rng, -90, 90), ly + between(rng, -110, 110), between(rng, 22, 62), 9, 0.7)}"/>`;
    }
  }
  let grid = '';
  for (let lon = 15; lon <= 75; lon += 15) {
    grid += `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(r * Math.sin((lon * Math.PI) / 180))}" ry="${n(r)}"/>`;
  }
  grid += `<line x1="${n(cx)}" y1="${n(cy - r)}" x2="${n(cx)}" y2="${n(cy + r)}"/>`;
  for (let lat = -60; lat <= 60; lat += 20) {
    const y = cy - r * Math.sin((lat * Math.PI) / 180);
    const half = r * Math.cos((lat * Math.PI) / 180);
    grid += `<line x1="${n(cx - half)}" y1="${n(y)}" x2="${n(cx + half)}" y2="${n(y)}"/>`;
  }
  const body = `
    <rect width="${W}" height="${H}" fill="url(#bands)"/>
    ${arcs}
    <circle cx="${n(cx + 24)}" cy="${n(cy + 34)}" r="${n(r)}" fill="#000" opacity="0.35" filter="url(#soft)"/>
    <g transform="rotate(${n(tilt)} ${n(cx)} ${n(cy)})">
      <path d="M ${n(cx - r * 1.45)} ${n(cy)} A ${n(r * 1.45)} ${n(r * 0.3)} 0 0 1 ${n(cx + r * 1.45)} ${n(cy)}" fill="none" stroke="${tone.warm}" stroke-width="4" opacity="0.55" transform="rotate(-8 ${n(cx)} ${n(cy)})"/>
      <circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="url(#sea)"/>
      <g clip-path="url(#globeClip)">
        <g fill="${mix(tone.warm, PAPER, 0.25)}" opacity="0.72">${land}</g>
        <g fill="none" stroke="${PAPER}" stroke-width="2" opacity="0.55">${grid}</g>
      </g>
      <circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="url(#shadowSide)"/>
      <circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="${PAPER}" stroke-width="4" opacity="0.7"/>
      <path d="M ${n(cx - r * 1.45)} ${n(cy)} A ${n(r * 1.45)} ${n(r * 0.3)} 0 0 0 ${n(cx + r * 1.45)} ${n(cy)}" fill="none" stroke="${tone.warm}" stroke-width="6" opacity="0.9" transform="rotate(-8 ${n(cx)} ${n(cy)})"/>
    </g>`;
  return { defs, body };
};

/** Electricity pylons receding over low hills. */
const pylons: Motif = (rng, tone) => {
  const defs =
    linear('winter', [[0, jitter(rng, '#9fb0bd')], [0.65, '#e4ddcc'], [1, '#f1e8d5']]) +
    radial('paleSun', [[0, '#fbf3de', 0.95], [0.3, '#f6e7c4', 0.5], [1, '#f6e7c4', 0]]);
  const hills = [0, 1, 2]
    .map((i) => {
      const base = 600 + i * 90;
      const colour = mix(mix(tone.cool, '#7d8f69', 0.5), INK, 0.12 + i * 0.22);
      const pts: [number, number][] = [[-20, H + 20]];
      for (let x = -20; x <= W + 40; x += 80) {
        pts.push([x, base + Math.sin(x / between(rng, 160, 260) + i * 2) * between(rng, 10, 26) - i * 8]);
      }
      pts.push([W + 40, H + 20]);
      return `<path d="${poly(pts)} Z" fill="${colour}" opacity="${n(0.55 + i * 0.2)}"/>`;
    })
    .join('');

  // Pylons in perspective, from near (left, large) to far (right, small).
  const count = 5;
  const tips: [number, number][][] = [];
  let towers = '';
  for (let i = 0; i < count; i++) {
    const t = i / (count - 1);
    const s = 620 * Math.pow(0.6, i);
    const x = 230 + (W - 230) * (1 - Math.pow(0.55, i * 1.1)) + between(rng, -10, 10);
    const y = 860 - (860 - 640) * (1 - Math.pow(0.5, i * 1.2));
    const p = (u: number, v: number): [number, number] => [x + u * s, y - v * s];
    const sw = Math.max(1.2, 5 * Math.pow(0.62, i));
    let lines = '';
    const seg = (a: [number, number], b: [number, number]) => `M${n(a[0])} ${n(a[1])} L${n(b[0])} ${n(b[1])} `;
    lines += seg(p(-0.2, 0), p(-0.05, 0.8)) + seg(p(0.2, 0), p(0.05, 0.8));
    lines += seg(p(-0.05, 0.8), p(-0.025, 1)) + seg(p(0.05, 0.8), p(0.025, 1)) + seg(p(-0.025, 1), p(0.025, 1));
    const levels = [0, 0.16, 0.31, 0.45, 0.57, 0.68, 0.8];
    for (let k = 0; k < levels.length - 1; k++) {
      const v0 = levels[k]!;
      const v1 = levels[k + 1]!;
      const w0 = 0.2 - 0.15 * (v0 / 0.8);
      const w1 = 0.2 - 0.15 * (v1 / 0.8);
      lines += seg(p(-w0, v0), p(w1, v1)) + seg(p(w0, v0), p(-w1, v1)) + seg(p(-w1, v1), p(w1, v1));
    }
    for (const [v, w] of [
      [0.62, 0.36],
      [0.8, 0.27],
    ] as const) {
      const wv = 0.2 - 0.15 * (v / 0.8);
      lines += seg(p(-w, v), p(w, v)) + seg(p(-w, v), p(-wv, v + 0.06)) + seg(p(w, v), p(wv, v + 0.06));
    }
    towers += `<path d="${lines}" fill="none" stroke="${INK}" stroke-width="${n(sw)}" stroke-linecap="round" opacity="${n(0.95 - t * 0.35)}"/>`;
    tips.push([p(-0.36, 0.62), p(0.36, 0.62), p(-0.27, 0.8), p(0.27, 0.8)]);
  }
  let cables = '';
  for (let k = 0; k < 4; k++) {
    // Off the left edge into the first tower, then tower to tower.
    const first = tips[0]![k]!;
    cables += `M -40 ${n(first[1] + 120)} Q ${n(first[0] / 2)} ${n(first[1] + 150)} ${n(first[0])} ${n(first[1])} `;
    for (let i = 0; i < count - 1; i++) {
      const a = tips[i]![k]!;
      const b = tips[i + 1]![k]!;
      const sag = 40 * Math.pow(0.6, i);
      cables += `M ${n(a[0])} ${n(a[1])} Q ${n((a[0] + b[0]) / 2)} ${n((a[1] + b[1]) / 2 + sag)} ${n(b[0])} ${n(b[1])} `;
    }
  }
  const sunX = between(rng, 900, 1300);
  const body = `
    <rect width="${W}" height="${H}" fill="url(#winter)"/>
    <circle cx="${n(sunX)}" cy="${n(between(rng, 330, 420))}" r="360" fill="url(#paleSun)"/>
    ${hills}
    <path d="${cables}" fill="none" stroke="${INK}" stroke-width="1.8" opacity="0.75"/>
    ${towers}`;
  return { defs, body };
};

/** A glass parliamentary dome over a stone base. */
const dome: Motif = (rng, tone) => {
  const cx = between(rng, 760, 840);
  const base = between(rng, 500, 530);
  const r = between(rng, 210, 240);
  const stone = jitter(rng, '#cbbfa6', 0.04);
  const defs =
    linear('greySky', [[0, jitter(rng, '#5d6f84')], [1, '#c3c9cc']]) +
    radial('glass', [[0, '#e8eef2', 0.85], [0.7, '#a9b8c4', 0.6], [1, '#6d7f90', 0.7]], 0.4, 0.35, 0.8) +
    linear('stoneFace', [[0, mix(stone, '#ffffff', 0.15)], [1, mix(stone, INK, 0.25)]]);
  let ribs = '';
  for (const lon of [20, 40, 60, 80]) {
    const rx = r * Math.sin((lon * Math.PI) / 180);
    ribs += `M ${n(cx + rx)} ${n(base)} A ${n(rx)} ${n(r)} 0 0 0 ${n(cx)} ${n(base - r)} `;
    ribs += `M ${n(cx - rx)} ${n(base)} A ${n(rx)} ${n(r)} 0 0 1 ${n(cx)} ${n(base - r)} `;
  }
  ribs += `M ${n(cx)} ${n(base)} L ${n(cx)} ${n(base - r)} `;
  for (let lat = 12; lat < 85; lat += 12) {
    const y = base - r * Math.sin((lat * Math.PI) / 180);
    const half = r * Math.cos((lat * Math.PI) / 180);
    ribs += `M ${n(cx - half)} ${n(y)} L ${n(cx + half)} ${n(y)} `;
  }
  // The building: a long block, corner towers and a columned portico.
  const left = cx - 620;
  const right = cx + 620;
  let columns = '';
  for (let i = 0; i < 6; i++) {
    const x = cx - 230 + i * 92;
    columns += `<rect x="${n(x)}" y="${n(base + 110)}" width="38" height="230" fill="url(#stoneFace)"/><rect x="${n(x - 6)}" y="${n(base + 100)}" width="50" height="12" fill="${stone}"/>`;
  }
  let windows = '';
  for (let x = left + 40; x < right - 40; x += 70) {
    if (Math.abs(x - cx) < 280) continue;
    windows += `<rect x="${n(x)}" y="${n(base + 140)}" width="26" height="60" fill="${INK}" opacity="0.35"/><rect x="${n(x)}" y="${n(base + 250)}" width="26" height="60" fill="${INK}" opacity="0.35"/>`;
  }
  const body = `
    <rect width="${W}" height="${H}" fill="url(#greySky)"/>
    ${cloud(rng, between(rng, 200, 500), between(rng, 140, 220), 260, 0.22)}
    ${cloud(rng, between(rng, 1100, 1400), between(rng, 180, 260), 300, 0.18)}
    <path d="M ${n(cx - r)} ${n(base)} A ${n(r)} ${n(r)} 0 0 1 ${n(cx + r)} ${n(base)} Z" fill="url(#glass)"/>
    <path d="${ribs}" fill="none" stroke="${INK}" stroke-width="3" opacity="0.7"/>
    <path d="M ${n(cx - r)} ${n(base)} A ${n(r)} ${n(r)} 0 0 1 ${n(cx + r)} ${n(base)}" fill="none" stroke="${INK}" stroke-width="6"/>
    <rect x="${n(cx - 40)}" y="${n(base - r - 14)}" width="80" height="16" fill="${INK}"/>
    <rect x="${n(left)}" y="${n(base)}" width="${n(right - left)}" height="${n(H - base)}" fill="${stone}"/>
    <rect x="${n(left)}" y="${n(base)}" width="${n(right - left)}" height="22" fill="${mix(stone, INK, 0.2)}"/>
    <rect x="${n(left - 30)}" y="${n(base - 80)}" width="200" height="${n(H - base + 80)}" fill="${mix(stone, '#ffffff', 0.1)}"/>
    <rect x="${n(right - 170)}" y="${n(base - 80)}" width="200" height="${n(H - base + 80)}" fill="${mix(stone, INK, 0.12)}"/>
    <path d="M ${n(cx - 270)} ${n(base + 100)} L ${n(cx)} ${n(base + 30)} L ${n(cx + 270)} ${n(base + 100)} Z" fill="${mix(stone, INK, 0.1)}"/>
    <rect x="${n(cx - 260)}" y="${n(base + 110)}" width="520" height="240" fill="${mix(stone, INK, 0.45)}"/>
    ${columns}${windows}
    <rect x="0" y="${n(H - 40)}" width="${W}" height="40" fill="${mix(tone.cool, INK, 0.4)}" opacity="0.6"/>`;
  return { defs, body };
};

/** The portico of a neoclassical building: pediment, entablature, columns, steps. */
const columns: Motif = (rng, tone) => {
  const count = pick(rng, [6, 8] as const);
  const x0 = between(rng, 300, 360);
  const x1 = W - between(rng, 300, 360);
  const top = between(rng, 300, 330);
  const floor = 760;
  const stone = jitter(rng, tone.stone, 0.03);
  const light = mix(stone, '#ffffff', 0.35);
  const dark = mix(stone, INK, 0.45);
  const defs =
    linear('portSky', [[0, jitter(rng, tone.skyTop, 0.04)], [1, tone.skyBottom]]) +
    linear('shaft', [[0, dark], [0.18, stone], [0.42, light], [0.75, stone], [1, dark]], 0, 0, 1, 0) +
    linear('ochreBand', [[0, tone.warm, 0], [0.5, '#d9a552', 0.75], [1, tone.warm, 0]], 0, 0, 1, 0) +
    linear('topShade', [[0, INK, 0.6], [1, INK, 0]]);
  const gap = (x1 - x0) / count;
  const cw = gap * 0.52;
  let cols = '';
  for (let i = 0; i < count; i++) {
    const cx = x0 + gap * (i + 0.5);
    let flutes = '';
    for (let f = 1; f < 5; f++) {
      const fx = cx - cw / 2 + (cw * f) / 5;
      flutes += `M${n(fx)} ${n(top + 118)} L${n(fx)} ${n(floor - 26)} `;
    }
    cols += `
      <rect x="${n(cx - cw / 2)}" y="${n(top + 110)}" width="${n(cw)}" height="${n(floor - top - 130)}" fill="url(#shaft)"/>
      <path d="${flutes}" stroke="${INK}" stroke-width="2" opacity="0.18"/>
      <rect x="${n(cx - cw / 2 - 12)}" y="${n(top + 96)}" width="${n(cw + 24)}" height="16" fill="${light}"/>
      <path d="M${n(cx - cw / 2 - 6)} ${n(top + 112)} L${n(cx + cw / 2 + 6)} ${n(top + 112)} L${n(cx + cw / 2)} ${n(top + 124)} L${n(cx - cw / 2)} ${n(top + 124)} Z" fill="${stone}"/>
      <rect x="${n(cx - cw / 2 - 10)}" y="${n(floor - 26)}" width="${n(cw + 20)}" height="26" fill="${stone}"/>`;
  }
  let steps = '';
  for (let s = 0; s < 4; s++) {
    const inset = 60 - s * 26;
    steps += `<rect x="${n(x0 - 60 + inset - 30 * s)}" y="${n(floor + s * 36)}" width="${n(x1 - x0 + 120 - 2 * inset + 60 * s)}" height="37" fill="${mix(stone, s % 2 ? '#ffffff' : INK, 0.08 + s * 0.02)}"/>`;
    steps += `<rect x="${n(x0 - 60 + inset - 30 * s)}" y="${n(floor + s * 36)}" width="${n(x1 - x0 + 120 - 2 * inset + 60 * s)}" height="4" fill="${light}" opacity="0.7"/>`;
  }
  let extra = '';
  if (tone.variant === 'lightband') {
    extra = `<rect x="${n(x0 - 200)}" y="${n(floor - 90)}" width="${n(x1 - x0 + 400)}" height="110" fill="url(#ochreBand)"/>
      <path d="M${n(W * 0.56)} -60 L${W + 60} -60 L${W + 60} ${H + 60} L${n(W * 0.4)} ${H + 60} Z" fill="${INK}" opacity="0.3" filter="url(#soft)"/>`;
  } else if (tone.variant === 'diagonal') {
    for (let i = 0; i < count; i++) {
      const sx = x0 + gap * (i + 0.5) + cw / 2;
      extra += `<path d="M${n(sx)} ${n(floor)} L${n(sx + 260)} ${H} L${n(sx + 260 + cw * 1.3)} ${H} L${n(sx + cw * 0.2)} ${n(floor)} Z" fill="${INK}" opacity="0.22"/>`;
    }
    extra += `<path d="M0 0 L${n(W * 0.45)} 0 L0 ${n(H * 0.7)} Z" fill="#ffffff" opacity="0.08"/>`;
  } else if (tone.variant === 'topshadow') {
    extra = `<rect x="0" y="0" width="${W}" height="${n(top + 200)}" fill="url(#topShade)"/>`;
  } else {
    extra = `<circle cx="${n(between(rng, 200, 400))}" cy="${n(between(rng, 120, 200))}" r="200" fill="#fff6df" opacity="0.25" filter="url(#soft)"/>`;
  }
  const body = `
    <rect width="${W}" height="${H}" fill="url(#portSky)"/>
    ${cloud(rng, between(rng, 150, 450), between(rng, 110, 190), 260, 0.2)}
    ${cloud(rng, between(rng, 1150, 1450), between(rng, 130, 220), 220, 0.14)}
    <rect x="${n(x0 - 10)}" y="${n(top + 100)}" width="${n(x1 - x0 + 20)}" height="${n(floor - top - 100)}" fill="${mix(stone, INK, 0.62)}"/>
    <path d="M${n(x0 - 60)} ${n(top)} L${n(W / 2)} ${n(top - 150)} L${n(x1 + 60)} ${n(top)} Z" fill="${stone}"/>
    <path d="M${n(x0 - 10)} ${n(top - 8)} L${n(W / 2)} ${n(top - 126)} L${n(x1 + 10)} ${n(top - 8)} Z" fill="${mix(stone, INK, 0.16)}"/>
    <rect x="${n(x0 - 70)}" y="${n(top)}" width="${n(x1 - x0 + 140)}" height="20" fill="${light}"/>
    <rect x="${n(x0 - 60)}" y="${n(top + 20)}" width="${n(x1 - x0 + 120)}" height="52" fill="${stone}"/>
    <rect x="${n(x0 - 60)}" y="${n(top + 72)}" width="${n(x1 - x0 + 120)}" height="26" fill="${mix(stone, INK, 0.12)}"/>
    ${cols}${steps}${extra}`;
  return { defs, body };
};

/** Stacked shipping containers on a quay, with the arm of a gantry crane. */
const containers: Motif = (rng) => {
  const colours = ['#9a4a36', '#3f5a75', '#c0964a', '#5d7a6a', '#7b5f55', '#b7724a'];
  const defs =
    linear('harbourSky', [[0, jitter(rng, '#7f94a6')], [0.7, '#e5dac2'], [1, '#efe4cd']]) +
    linear('sea', [[0, '#4d6677'], [1, '#22323f']]) +
    `<pattern id="corr" width="12" height="10" patternUnits="userSpaceOnUse"><rect width="3" height="10" fill="#000" opacity="0.16"/><rect x="6" width="2" height="10" fill="#fff" opacity="0.08"/></pattern>`;
  const quay = 740;
  const bw = 230;
  const bh = 74;
  let stack = '';
  const box = (x: number, y: number, colour: string) =>
    `<g><rect x="${n(x)}" y="${n(y)}" width="${bw}" height="${bh}" fill="${colour}"/><rect x="${n(x)}" y="${n(y)}" width="${bw}" height="${bh}" fill="url(#corr)"/>` +
    `<rect x="${n(x)}" y="${n(y)}" width="${bw}" height="5" fill="#fff" opacity="0.22"/><rect x="${n(x)}" y="${n(y + bh - 5)}" width="${bw}" height="5" fill="#000" opacity="0.25"/>` +
    `<rect x="${n(x + 4)}" y="${n(y + 6)}" width="6" height="${bh - 12}" fill="#000" opacity="0.25"/><rect x="${n(x + bw - 10)}" y="${n(y + 6)}" width="6" height="${bh - 12}" fill="#000" opacity="0.25"/></g>`;
  // Back row (smaller, hazier), then the front row.
  for (const [scale, offsetY, haze] of [
    [0.62, -40, 0.35],
    [1, 0, 0],
  ] as const) {
    let row = '';
    for (let x = -60; x < 1150; x += bw + 6) {
      const height = Math.floor(between(rng, 1, scale < 1 ? 6 : 5));
      for (let k = 0; k < height; k++) {
        row += box(x + between(rng, -4, 4), quay - bh * (k + 1) - k * 2, pick(rng, colours));
      }
    }
    stack += `<g transform="translate(${scale < 1 ? 260 : 0} ${offsetY}) scale(${scale}) translate(0 ${n(quay * (1 - scale) / scale)})">${row}</g>`;
    if (haze) stack += `<rect x="0" y="0" width="${W}" height="${quay}" fill="#e5dac2" opacity="${haze}"/>`;
  }
  // Gantry crane on the right, its boom reaching over the stacks with a box on the spreader.
  const cx = between(rng, 1260, 1360);
  const boomY = between(rng, 150, 190);
  const hookX = between(rng, 780, 980);
  const crane = `
    <path d="M ${n(cx - 110)} ${quay} L ${n(cx - 60)} ${n(boomY)} M ${n(cx + 110)} ${quay} L ${n(cx + 60)} ${n(boomY)} M ${n(cx - 95)} ${n(quay - 150)} L ${n(cx + 95)} ${n(quay - 150)} M ${n(cx - 80)} ${n(quay - 320)} L ${n(cx + 80)} ${n(quay - 320)}
      M ${n(cx - 95)} ${n(quay - 150)} L ${n(cx + 80)} ${n(quay - 320)} M ${n(cx + 95)} ${n(quay - 150)} L ${n(cx - 80)} ${n(quay - 320)}" stroke="${INK}" stroke-width="16" fill="none"/>
    <rect x="${n(hookX - 160)}" y="${n(boomY - 14)}" width="${n(cx + 260 - hookX)}" height="30" fill="${INK}"/>
    <path d="M ${n(cx)} ${n(boomY - 14)} L ${n(cx)} ${n(boomY - 120)} M ${n(cx)} ${n(boomY - 120)} L ${n(hookX - 150)} ${n(boomY - 12)} M ${n(cx)} ${n(boomY - 120)} L ${n(cx + 240)} ${n(boomY - 12)}" stroke="${INK}" stroke-width="6"/>
    <rect x="${n(cx - 50)}" y="${n(boomY + 16)}" width="100" height="60" fill="${INK}"/>
    <path d="M ${n(hookX - 40)} ${n(boomY + 16)} L ${n(hookX - 60)} ${n(boomY + 220)} M ${n(hookX + 40)} ${n(boomY + 16)} L ${n(hookX + 60)} ${n(boomY + 220)}" stroke="${INK}" stroke-width="3"/>
    <rect x="${n(hookX - 120)}" y="${n(boomY + 216)}" width="240" height="10" fill="${INK}"/>`;
  const body = `
    <rect width="${W}" height="${H}" fill="url(#harbourSky)"/>
    <circle cx="${n(between(rng, 200, 600))}" cy="${n(between(rng, 180, 260))}" r="110" fill="#f6e6c4" opacity="0.6"/>
    ${stack}
    ${crane}
    ${box(hookX - bw / 2, boomY + 226, pick(rng, colours))}
    <rect x="0" y="${quay}" width="${W}" height="36" fill="#59595a"/>
    <rect x="0" y="${quay}" width="${W}" height="5" fill="#8d8a84"/>
    <rect x="0" y="${quay + 36}" width="${W}" height="${H - quay - 36}" fill="url(#sea)"/>`;
  return { defs, body };
};

/** A stepped line chart falling across a grid, over overlapping panels. */
const chart: Motif = (rng, tone) => {
  const green = jitter(rng, '#51705f', 0.05);
  const defs =
    linear('chartBg', [[0, jitter(rng, '#dcd3bd', 0.03)], [1, '#efe7d4']], 0, 0, 1, 1) +
    linear('area', [[0, green, 0.45], [1, green, 0.02]]) +
    linear('panelA', [[0, mix(green, PAPER, 0.35)], [1, mix(green, PAPER, 0.6)]], 0, 0, 1, 1);
  const left = 220;
  const right = 1380;
  const top = 170;
  const bottom = 740;
  let grid = '';
  for (let y = top; y <= bottom; y += 95) grid += `M${left} ${y} L${right} ${y} `;
  for (let x = left; x <= right; x += 116) grid += `M${x} ${top} L${x} ${bottom} `;
  let bars = '';
  for (let x = left + 20; x < right - 40; x += 58) {
    const h = between(rng, 40, 180);
    bars += `<rect x="${x}" y="${n(bottom - h)}" width="30" height="${n(h)}"/>`;
  }
  // Steps down, with a couple of small rises on the way.
  const steps = 7;
  const pts: [number, number][] = [];
  let y = top + between(rng, 60, 110);
  for (let i = 0; i <= steps; i++) {
    const x = left + ((right - left) * i) / steps;
    pts.push([x, y]);
    if (i < steps) {
      const xNext = left + ((right - left) * (i + 1)) / steps;
      pts.push([xNext, y]);
      y += rng() < 0.2 ? -between(rng, 10, 30) : between(rng, 40, 80);
    }
  }
  const line = poly(pts);
  const area = `${line} L${right} ${bottom} L${left} ${bottom} Z`;
  let dots = '';
  for (let i = 1; i < pts.length; i += 2) {
    const [px, py] = pts[i]!;
    dots += `<circle cx="${n(px)}" cy="${n(py)}" r="9" fill="${PAPER}" stroke="${tone.warm}" stroke-width="5"/>`;
  }
  const body = `
    <rect width="${W}" height="${H}" fill="url(#chartBg)"/>
    <rect x="${n(between(rng, -200, -80))}" y="${n(between(rng, 380, 480))}" width="900" height="700" fill="url(#panelA)" opacity="0.8" transform="rotate(-8 400 700)"/>
    <rect x="${n(between(rng, 900, 1050))}" y="-100" width="800" height="620" fill="${mix(tone.warm, PAPER, 0.55)}" opacity="0.55" transform="rotate(6 1300 200)"/>
    <rect x="${left - 40 + 18}" y="${top - 40 + 24}" width="${right - left + 80}" height="${bottom - top + 80}" rx="10" fill="#000" opacity="0.25" filter="url(#soft)"/>
    <rect x="${left - 40}" y="${top - 40}" width="${right - left + 80}" height="${bottom - top + 80}" rx="10" fill="${PAPER}"/>
    <g fill="${green}" opacity="0.1">${bars}</g>
    <path d="${grid}" stroke="${INK}" stroke-width="1.5" opacity="0.14"/>
    <path d="${area}" fill="url(#area)"/>
    <path d="${line}" fill="none" stroke="${tone.warm}" stroke-width="8" stroke-linejoin="round"/>
    ${dots}
    <path d="M${left} ${bottom} L${right} ${bottom} M${left} ${top} L${left} ${bottom}" stroke="${INK}" stroke-width="3" opacity="0.6"/>`;
  return { defs, body };
};

/** A pile of steel girders, drawn as extruded I-beams, and ingots, lit by a furnace. */
const girders: Motif = (rng) => {
  const gx = between(rng, 420, 640);
  const gy = between(rng, 300, 360);
  const defs =
    linear('mill', [[0, '#15171c'], [1, '#2a2d34']]) +
    radial('furnace', [[0, '#ffd08a', 1], [0.14, '#f29a45', 0.9], [0.5, '#b8542a', 0.32], [1, '#b8542a', 0]]) +
    linear('face', [[0, '#7a8089'], [1, '#3d4148']], 0, 0, 1, 1) +
    linear('rim', [[0, '#f29a45', 0.8], [0.5, '#f29a45', 0]], 0, 0, 1, 1) +
    `<linearGradient id="depthFog" gradientUnits="userSpaceOnUse" x1="1400" y1="800" x2="500" y2="300"><stop offset="0" stop-color="#15171c" stop-opacity="0"/><stop offset="1" stop-color="#15171c" stop-opacity="0.75"/></linearGradient>` +
    linear('ingotTop', [[0, '#a3a9b1'], [1, '#6d727a']]);

  // I-beam profile, 130 wide and 150 tall, clockwise from the top left.
  const profile: [number, number][] = [
    [-65, -75], [65, -75], [65, -53], [13, -53], [13, 53], [65, 53], [65, 75], [-65, 75], [-65, 53], [-13, 53], [-13, -53], [-65, -53],
  ];
  const depth: [number, number] = [between(rng, -620, -520), between(rng, -230, -180)];
  // Faces seen from the upper left, in back-to-front order: edge index and shade.
  const faces: [number, string][] = [
    [4, '#5d636c'], // top of the bottom flange, right of the web
    [8, '#5d636c'], // top of the bottom flange, left of the web
    [9, '#3b3f46'], // left side of the web
    [7, '#474b53'], // left side of the bottom flange
    [11, '#474b53'], // left side of the top flange
    [0, '#8a9099'], // top of the top flange
  ];
  const beam = (x: number, y: number) => {
    const pt = (i: number, far: boolean): [number, number] => {
      const [px, py] = profile[i % profile.length]!;
      return [x + px + (far ? depth[0] : 0), y + py + (far ? depth[1] : 0)];
    };
    let out = '';
    for (const [i, shade] of faces) {
      const d = poly([pt(i, false), pt(i + 1, false), pt(i + 1, true), pt(i, true)]) + ' Z';
      out += `<path d="${d}" fill="${shade}"/><path d="${d}" fill="url(#depthFog)"/><path d="${d}" fill="none" stroke="#14161a" stroke-width="1.5" opacity="0.6"/>`;
    }
    const front = poly(profile.map((_, i) => pt(i, false))) + ' Z';
    out += `<path d="${front}" fill="url(#face)"/><path d="${front}" fill="url(#rim)"/><path d="${front}" fill="none" stroke="#111316" stroke-width="3"/>`;
    return out;
  };
  // A pyramid of beams; the lower and further-right ones are further from the viewer, so go first.
  let pile = '';
  const baseX = between(rng, 1060, 1140);
  const baseY = 760;
  for (let row = 0; row < 3; row++) {
    for (let k = 3 - row; k >= 0; k--) {
      pile += beam(baseX + k * 132 + row * 66, baseY - row * 152);
    }
  }
  let ingots = '';
  for (let layer = 0; layer < 3; layer++) {
    for (let k = 0; k < 3; k++) {
      const x = 120 + k * 150 + (layer % 2) * 70 + between(rng, -6, 6);
      const y = 880 - layer * 46;
      ingots += `<path d="M ${n(x)} ${n(y)} L ${n(x + 140)} ${n(y)} L ${n(x + 124)} ${n(y - 40)} L ${n(x + 16)} ${n(y - 40)} Z" fill="#3d4148"/><path d="M ${n(x + 16)} ${n(y - 40)} L ${n(x + 124)} ${n(y - 40)} L ${n(x + 116)} ${n(y - 48)} L ${n(x + 24)} ${n(y - 48)} Z" fill="url(#ingotTop)"/><path d="M ${n(x + 16)} ${n(y - 40)} L ${n(x)} ${n(y)}" stroke="#f2a55a" stroke-width="3" opacity="0.75"/>`;
    }
  }
  let sparks = '';
  for (let i = 0; i < 46; i++) {
    const a = between(rng, Math.PI * 1.05, Math.PI * 1.95);
    const d = between(rng, 60, 340);
    sparks += `<circle cx="${n(gx + Math.cos(a) * d)}" cy="${n(gy + Math.sin(a) * d)}" r="${n(between(rng, 1.2, 3))}" fill="#ffcf8a" opacity="${n(between(rng, 0.3, 0.9))}"/>`;
  }
  let rafters = '';
  for (let i = 0; i < 3; i++) {
    const y = 90 + i * 70 + between(rng, -10, 10);
    rafters += `<path d="M -20 ${n(y)} L ${W + 20} ${n(y - 120)} L ${W + 20} ${n(y - 100)} L -20 ${n(y + 20)} Z" fill="#0e1013" opacity="0.85"/>`;
  }
  const body = `
    <rect width="${W}" height="${H}" fill="url(#mill)"/>
    <circle cx="${n(gx)}" cy="${n(gy)}" r="600" fill="url(#furnace)"/>
    <rect x="${n(gx - 160)}" y="${n(gy - 80)}" width="320" height="170" rx="14" fill="#ffdca0" opacity="0.55" filter="url(#soft)"/>
    ${sparks}${rafters}
    <rect x="0" y="${H - 150}" width="${W}" height="150" fill="#111317"/>
    <rect x="0" y="${H - 150}" width="${W}" height="3" fill="#f29a45" opacity="0.25"/>
    ${pile}${ingots}`;
  return { defs, body };
};

/** An aisle of server racks with status lights, ending in a glowing wall of circuitry. */
const servers: Motif = (rng, tone) => {
  const vx = between(rng, 760, 840);
  const vy = between(rng, 430, 460);
  const endW = 300;
  const endH = 220;
  const ex0 = vx - endW / 2;
  const ex1 = vx + endW / 2;
  const ey0 = vy - endH / 2;
  const ey1 = vy + endH / 2;
  const defs =
    linear('hall', [[0, '#0b1422'], [1, jitter(rng, '#18304a', 0.04)]]) +
    radial('endGlow', [[0, '#7fd1c4', 0.9], [0.4, tone.cool, 0.5], [1, tone.cool, 0]]) +
    linear('floor', [[0, '#1b3048'], [1, '#0a121d']]);
  const wall = (side: 1 | -1) => {
    let out = '';
    const nearX = side < 0 ? 0 : W;
    const farX = side < 0 ? ex0 : ex1;
    const edge = (t: number) => {
      const x = nearX + (farX - nearX) * t;
      const yTop = 40 + (ey0 - 40) * t;
      const yBot = 900 + (ey1 - 900) * t;
      return { x, yTop, yBot };
    };
    const racks = 7;
    for (let i = 0; i < racks; i++) {
      const t0 = 1 - Math.pow(0.72, i);
      const t1 = 1 - Math.pow(0.72, i + 1);
      const a = edge(t0 + 0.004);
      const b = edge(t1 - 0.004);
      out += `<path d="M${n(a.x)} ${n(a.yTop)} L${n(b.x)} ${n(b.yTop)} L${n(b.x)} ${n(b.yBot)} L${n(a.x)} ${n(a.yBot)} Z" fill="${mix('#111c2b', '#22364f', i / racks)}" stroke="#08101a" stroke-width="3"/>`;
      const units = 14;
      for (let u = 1; u < units; u++) {
        const f = u / units;
        const ya = a.yTop + (a.yBot - a.yTop) * f;
        const yb = b.yTop + (b.yBot - b.yTop) * f;
        out += `<path d="M${n(a.x)} ${n(ya)} L${n(b.x)} ${n(yb)}" stroke="#2e4661" stroke-width="${n(Math.max(0.6, 2 * (1 - t0)))}"/>`;
        if (rng() < 0.55) {
          const g = between(rng, 0.15, 0.85);
          const lx = a.x + (b.x - a.x) * g;
          const ly = ya + (yb - ya) * g + (a.yBot - a.yTop) / units / 2;
          const colour = rng() < 0.85 ? '#7ee0b0' : '#e9b25a';
          out += `<circle cx="${n(lx)}" cy="${n(ly)}" r="${n(Math.max(1, 5 * (1 - t0)))}" fill="${colour}" opacity="${n(between(rng, 0.55, 1))}"/>`;
        }
      }
    }
    return out;
  };
  let circuit = '';
  for (let i = 0; i < 14; i++) {
    const y = ey0 + between(rng, 12, endH - 12);
    const x = ex0 + between(rng, 10, 60);
    const x2 = x + between(rng, 60, 160);
    const y2 = y + pick(rng, [-30, -15, 15, 30] as const);
    circuit += `M${n(x)} ${n(y)} L${n(x2)} ${n(y)} L${n(x2 + 20)} ${n(y2)} L${n(Math.min(ex1 - 10, x2 + 110))} ${n(y2)} `;
  }
  let floorLines = '';
  for (let k = -8; k <= 8; k++) {
    floorLines += `M${n(vx + k * 200)} ${H} L${n(vx + (k * endW) / 16)} ${n(ey1)} `;
  }
  const body = `
    <rect width="${W}" height="${H}" fill="url(#hall)"/>
    <path d="M0 ${H} L${n(ex0)} ${n(ey1)} L${n(ex1)} ${n(ey1)} L${W} ${H} Z" fill="url(#floor)"/>
    <path d="${floorLines}" stroke="#3d6a86" stroke-width="1.5" opacity="0.35"/>
    <rect x="${n(ex0)}" y="${n(ey0)}" width="${endW}" height="${endH}" fill="#0f2236"/>
    <circle cx="${n(vx)}" cy="${n(vy)}" r="420" fill="url(#endGlow)"/>
    <path d="${circuit}" fill="none" stroke="#bff0e4" stroke-width="2.5" opacity="0.8"/>
    ${wall(-1)}${wall(1)}`;
  return { defs, body };
};

/** Circuit traces converging on a central node, or (with `withChip`) on a chip crossed by a falling line. */
function circuitMotif(withChip: boolean): Motif {
  return (rng, tone) => {
    const cx = between(rng, 740, 860);
    const cy = between(rng, 420, 480);
    const dark = withChip;
    const defs =
      (dark
        ? linear('board', [[0, '#13202f'], [1, jitter(rng, '#1f3a45', 0.04)]], 0, 0, 1, 1)
        : linear('board', [[0, jitter(rng, '#c9d7df', 0.03)], [1, '#efe6d2']], 0, 0, 1, 1)) +
      radial('node', [[0, '#fffaf0', 1], [0.25, '#f3d08a', 0.9], [0.6, tone.warm, 0.35], [1, tone.warm, 0]]) +
      linear('die', [[0, '#8d969e'], [0.5, '#c6ccd0'], [1, '#6b737b']], 0, 0, 1, 1) +
      radial('chipGlow', [[0, '#4fb3a9', 0.45], [1, '#4fb3a9', 0]]);
    const trace = dark ? '#4f9c98' : '#3d5a78';
    const hub = withChip ? 170 : 90;
    let traces = '';
    let pads = '';
    const count = withChip ? 48 : 64;
    for (let i = 0; i < count; i++) {
      // Leave from a point on a ring around the hub, run outward with one 45-degree jog.
      const side = i % 4;
      const along = between(rng, -hub + 12, hub - 12);
      const [sx, sy, dx, dy] =
        side === 0 ? [cx + along, cy - hub, 0, -1] : side === 1 ? [cx + hub, cy + along, 1, 0] : side === 2 ? [cx + along, cy + hub, 0, 1] : [cx - hub, cy + along, -1, 0];
      const l1 = between(rng, 30, 160);
      const jog = between(rng, 30, 120) * (rng() < 0.5 ? -1 : 1);
      const l2 = between(rng, 80, 520);
      const p1: [number, number] = [sx + dx * l1, sy + dy * l1];
      const p2: [number, number] = [p1[0] + dx * Math.abs(jog) + dy * jog, p1[1] + dy * Math.abs(jog) + dx * jog];
      const p3: [number, number] = [p2[0] + dx * l2, p2[1] + dy * l2];
      traces += `${poly([[sx, sy], p1, p2, p3])} `;
      if (rng() < 0.7) pads += `<circle cx="${n(p3[0])}" cy="${n(p3[1])}" r="${n(between(rng, 5, 9))}" fill="none" stroke="${trace}" stroke-width="3"/>`;
      else pads += `<circle cx="${n(p3[0])}" cy="${n(p3[1])}" r="5" fill="${trace}"/>`;
    }
    let centre = '';
    if (withChip) {
      let pins = '';
      for (let k = 0; k < 12; k++) {
        const o = -132 + k * 24;
        pins += `<rect x="${n(cx + o - 5)}" y="${n(cy - 176)}" width="10" height="30"/><rect x="${n(cx + o - 5)}" y="${n(cy + 146)}" width="10" height="30"/>`;
        pins += `<rect x="${n(cx - 176)}" y="${n(cy + o - 5)}" width="30" height="10"/><rect x="${n(cx + 146)}" y="${n(cy + o - 5)}" width="30" height="10"/>`;
      }
      centre = `
        <circle cx="${n(cx)}" cy="${n(cy)}" r="360" fill="url(#chipGlow)"/>
        <g fill="#b9c0c6">${pins}</g>
        <rect x="${n(cx - 150 + 14)}" y="${n(cy - 150 + 20)}" width="300" height="300" rx="18" fill="#000" opacity="0.45" filter="url(#soft)"/>
        <rect x="${n(cx - 150)}" y="${n(cy - 150)}" width="300" height="300" rx="18" fill="#1a1f26" stroke="#3b444e" stroke-width="4"/>
        <rect x="${n(cx - 86)}" y="${n(cy - 86)}" width="172" height="172" rx="6" fill="url(#die)"/>
        <path d="M${n(cx - 86)} ${n(cy - 30)} L${n(cx + 86)} ${n(cy - 30)} M${n(cx - 86)} ${n(cy + 30)} L${n(cx + 86)} ${n(cy + 30)} M${n(cx - 30)} ${n(cy - 86)} L${n(cx - 30)} ${n(cy + 86)} M${n(cx + 30)} ${n(cy - 86)} L${n(cx + 30)} ${n(cy + 86)}" stroke="#5c646c" stroke-width="2" opacity="0.6"/>
        <circle cx="${n(cx - 120)}" cy="${n(cy - 120)}" r="8" fill="#3b444e"/>`;
      // The jagged red line of a falling share price.
      const pts: [number, number][] = [];
      let y = between(rng, 120, 180);
      for (let x = 80; x <= 1520; x += between(rng, 40, 80)) {
        pts.push([x, y]);
        y += x < 700 ? between(rng, -40, 36) : between(rng, -20, 78);
      }
      const last = pts[pts.length - 1]!;
      const prev = pts[pts.length - 2]!;
      const ang = (Math.atan2(last[1] - prev[1], last[0] - prev[0]) * 180) / Math.PI;
      centre += `
        <path d="${poly(pts)}" fill="none" stroke="#000" stroke-width="16" opacity="0.35" filter="url(#soft)"/>
        <path d="${poly(pts)}" fill="none" stroke="#c0473a" stroke-width="10" stroke-linejoin="miter"/>
        <path d="M0 -22 L44 0 L0 22 Z" fill="#c0473a" transform="translate(${n(last[0])} ${n(last[1])}) rotate(${n(ang)})"/>`;
    } else {
      centre = `
        <circle cx="${n(cx)}" cy="${n(cy)}" r="300" fill="url(#node)"/>
        <circle cx="${n(cx)}" cy="${n(cy)}" r="${hub}" fill="none" stroke="${trace}" stroke-width="4"/>
        <circle cx="${n(cx)}" cy="${n(cy)}" r="${hub + 26}" fill="none" stroke="${trace}" stroke-width="2" stroke-dasharray="6 10"/>
        <circle cx="${n(cx)}" cy="${n(cy)}" r="36" fill="#fffaf0"/>`;
    }
    const body = `
      <rect width="${W}" height="${H}" fill="url(#board)"/>
      <circle cx="${n(between(rng, 150, 350))}" cy="${n(between(rng, 700, 820))}" r="260" fill="${tone.warm}" opacity="${dark ? 0.07 : 0.1}" filter="url(#soft)"/>
      <path d="${traces}" fill="none" stroke="${trace}" stroke-width="3" stroke-linejoin="round" opacity="${dark ? 0.75 : 0.7}"/>
      ${pads}${centre}`;
    return { defs, body };
  };
}

const motifs = {
  phone,
  plane,
  river,
  globe,
  pylons,
  dome,
  columns,
  containers,
  chart,
  girders,
  servers,
  circuit: circuitMotif(false),
  chip: circuitMotif(true),
} satisfies Record<string, Motif>;

type MotifName = keyof typeof motifs;

/** Stories whose picture is described specifically in their alt text. */
const storyMotifs: Record<string, MotifName> = {
  'trump-putin-call-ukraine-negotiations': 'phone',
  'marc-fogel-freed-from-russian-prison': 'plane',
  'washington-midair-collision-potomac': 'river',
  'germany-merz-afd-migration-vote': 'dome',
  'baltic-states-leave-russian-power-grid': 'pylons',
  'trump-tariffs-canada-mexico-china': 'containers',
  'trump-steel-aluminium-tariffs': 'girders',
  'stargate-ai-infrastructure-venture': 'servers',
  'deepseek-rattles-chip-stocks': 'chip',
};

const tagMotifs: [string, MotifName][] = [
  ['Semiconductors', 'chip'],
  ['Data centres', 'servers'],
  ['Tariffs', 'containers'],
  ['Trade', 'containers'],
  ['Energy', 'pylons'],
  ['Markets', 'chart'],
  ['Interest rates', 'chart'],
];

const sectionMotifs: Record<string, MotifName> = {
  news: 'globe',
  world: 'globe',
  politics: 'columns',
  business: 'chart',
  technology: 'circuit',
};

function motifFor(article: SeedArticle): MotifName {
  const bySlug = storyMotifs[article.slug];
  if (bySlug) return bySlug;
  for (const [tag, motif] of tagMotifs) if (article.tags.includes(tag)) return motif;
  return sectionMotifs[article.section] ?? 'globe';
}

// ------------------------------------------------------------------------------------------ drawing

/** The whole picture: the motif, then a halftone screen over one corner and a soft vignette. */
export function illustrationSvg(article: SeedArticle): string {
  const rng = rngFor(hash(article.slug));
  const tone: Tone = { ...(tones[article.section] ?? tones.news!), ...storyTones[article.slug] };
  const scene = motifs[motifFor(article)](rng, tone);
  const dotsCorner = pick(rng, [
    [0, 0, 1, 1],
    [1, 0, 0, 1],
    [0, 1, 1, 0],
    [1, 1, 0, 0],
  ] as const);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <filter id="soft" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="18"/></filter>
    <pattern id="halftone" width="14" height="14" patternUnits="userSpaceOnUse"><circle cx="3.5" cy="3.5" r="2"/><circle cx="10.5" cy="10.5" r="2"/></pattern>
    ${linear('fade', [[0, '#fff', 1], [0.45, '#fff', 0]], ...dotsCorner)}
    <mask id="fadeMask"><rect width="${W}" height="${H}" fill="url(#fade)"/></mask>
    ${radial('vignette', [[0.55, '#000', 0], [1, '#000', 0.42]], 0.5, 0.5, 0.75)}
    ${scene.defs}
  </defs>
  ${scene.body}
  <rect width="${W}" height="${H}" fill="url(#halftone)" mask="url(#fadeMask)" opacity="0.1"/>
  <rect width="${W}" height="${H}" fill="url(#vignette)"/>
</svg>`;
}

async function main() {
  const only = new Set(process.argv.slice(2));
  await mkdir(outDir, { recursive: true });
  for (const article of articles) {
    if (only.size && !only.has(article.slug)) continue;
    const file = path.join(outDir, `${article.slug}.jpg`);
    const info = await sharp(Buffer.from(illustrationSvg(article)))
      .resize(W, H)
      .jpeg({ quality: 78, progressive: true, mozjpeg: true })
      .toFile(file);
    console.log(`${path.relative(root, file)}  ${motifFor(article).padEnd(10)} ${(info.size / 1024).toFixed(0)} KB`);
  }
}

await main();
