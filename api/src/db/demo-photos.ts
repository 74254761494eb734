import sharp from 'sharp';

// Seeded so the demo data is the same on every machine and every run (stable hashes, stable tests).
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h) % 360},${Math.round(s)}%,${Math.round(l)}%)`;

function sceneSvg(seed: number, width: number, height: number, label: string): string {
  const rand = mulberry32(seed * 2654435761 + 1);
  const between = (min: number, max: number) => min + rand() * (max - min);
  // Work in a fixed 1200x800 scene and let the viewBox scale it, so shapes keep their proportions.
  const W = 1200;
  const H = 800;
  const skyHue = between(190, 230);
  const dusk = rand() < 0.3;
  const skyTop = dusk ? hsl(between(250, 280), 45, 30) : hsl(skyHue, 65, 45);
  const skyBottom = dusk ? hsl(between(15, 35), 85, 70) : hsl(skyHue - 10, 70, 85);
  const grassHue = between(75, 130);
  const wallHue = between(0, 360);
  const roofHue = between(0, 40);
  const horizon = between(470, 540);
  const sunX = between(120, 1080);
  const sunY = between(90, 260);

  const hill = (baseY: number, amp: number, light: number) => {
    const points: string[] = [];
    const phase = between(0, Math.PI * 2);
    const freq = between(1.5, 3);
    for (let x = 0; x <= W; x += 40) {
      points.push(`${x},${(baseY - amp * Math.sin(phase + (x / W) * freq * Math.PI)).toFixed(1)}`);
    }
    return `<polygon points="0,${H} ${points.join(' ')} ${W},${H}" fill="${hsl(grassHue, 45, light)}"/>`;
  };

  const clouds = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => {
    const cx = between(50, 1150);
    const cy = between(60, 300);
    const r = between(25, 45);
    return `<g fill="#f3f5f9"><circle cx="${cx}" cy="${cy}" r="${r}"/><circle cx="${cx + r}" cy="${cy - r * 0.4}" r="${r * 1.2}"/><circle cx="${cx + r * 2.1}" cy="${cy}" r="${r * 0.9}"/><rect x="${cx}" y="${cy}" width="${r * 2.1}" height="${r * 0.9}"/></g>`;
  }).join('');

  const houseW = between(320, 420);
  const houseX = between(180, W - houseW - 180);
  const wallTop = horizon - between(60, 110);
  const wallBottom = horizon + 120;
  const roofPeak = wallTop - between(110, 160);
  const windowColour = dusk ? '#ffd97a' : '#bfe3f5';
  const windows = [0.15, 0.62]
    .map((f) => `<rect x="${houseX + houseW * f}" y="${wallTop + 35}" width="${houseW * 0.23}" height="${houseW * 0.2}" fill="${windowColour}" stroke="#ffffff" stroke-width="6"/>`)
    .join('');
  const doorW = houseW * 0.16;
  const house =
    `<rect x="${houseX}" y="${wallTop}" width="${houseW}" height="${wallBottom - wallTop}" fill="${hsl(wallHue, 30, 82)}"/>` +
    `<polygon points="${houseX - 25},${wallTop} ${houseX + houseW / 2},${roofPeak} ${houseX + houseW + 25},${wallTop}" fill="${hsl(roofHue, 55, 35)}"/>` +
    `<rect x="${houseX + houseW * 0.7}" y="${roofPeak + 25}" width="28" height="70" fill="${hsl(roofHue, 30, 30)}"/>` +
    windows +
    `<rect x="${houseX + (houseW - doorW) / 2}" y="${wallBottom - houseW * 0.3}" width="${doorW}" height="${houseW * 0.3}" fill="${hsl(wallHue + 180, 45, 35)}"/>`;

  const trees = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => {
    const onLeft = rand() < 0.5;
    const x = onLeft ? between(30, Math.max(40, houseX - 60)) : between(Math.min(W - 40, houseX + houseW + 60), W - 30);
    const y = horizon + between(40, 140);
    const size = between(45, 80);
    return `<rect x="${x - 8}" y="${y - size * 0.3}" width="16" height="${size * 0.9}" fill="#6b4a2f"/><circle cx="${x}" cy="${y - size * 0.7}" r="${size * 0.75}" fill="${hsl(grassHue + 10, 50, 26)}"/>`;
  }).join('');

  const text = escapeXml(label);
  const fontSize = 34;
  const boxW = Math.min(W - 40, 40 + text.length * fontSize * 0.62);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMidYMid slice">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/></linearGradient>` +
    `<radialGradient id="sun"><stop offset="0.35" stop-color="#fff6c8"/><stop offset="1" stop-color="#ffd45a" stop-opacity="0"/></radialGradient></defs>` +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
    `<circle cx="${sunX}" cy="${sunY}" r="110" fill="url(#sun)"/>` +
    clouds +
    hill(horizon - 60, between(30, 70), 52) +
    hill(horizon + 10, between(20, 50), 40) +
    house +
    trees +
    `<rect x="20" y="${H - 78}" width="${boxW}" height="58" rx="8" fill="#000000" fill-opacity="0.45"/>` +
    `<text x="40" y="${H - 37}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="${fontSize}" fill="#ffffff">${text}</text>` +
    `</svg>`
  );
}

/**
 * A deterministic synthetic "photo" (sky, sun, hills, house, trees, label in a corner) for demo
 * jobs, so a fresh install shows galleries without shipping binary fixtures.
 */
export async function generateDemoPhoto(options: { seed: number; width?: number; height?: number; label: string }): Promise<Buffer> {
  const { seed, width = 2400, height = 1600, label } = options;
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`Invalid demo photo size ${width}x${height}`);
  }
  const svg = Buffer.from(sceneSvg(seed, width, height, label));
  // The SVG width/height are the output size, so librsvg rasterises once at the final size; the
  // sky covers the whole canvas, so dropping alpha loses nothing.
  return sharp(svg).removeAlpha().jpeg({ quality: 85, mozjpeg: false }).toBuffer();
}
