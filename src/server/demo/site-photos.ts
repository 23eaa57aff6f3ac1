/**
 * The demo's site photos: small real PNGs drawn here (no image library), one picture of the site
 * per milestone — the trench for the pipes, the foundation pit, the steel shaft rising beside the
 * stairwell, the lift car in it — so the log of each lift under construction shows its own stage.
 */
import { crc32, deflateSync } from 'node:zlib';

const WIDTH = 240;
const HEIGHT = 180;
type Rgb = [number, number, number];

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Buffer) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG of `pixels` (row after row, three bytes a pixel). */
export function encodePng(width: number, height: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // depth 8, colour type RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    pixels.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3); // filter byte 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

class Canvas {
  readonly pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  rect(x: number, y: number, w: number, h: number, c: Rgb) {
    for (let j = Math.max(0, y); j < Math.min(HEIGHT, y + h); j++)
      for (let i = Math.max(0, x); i < Math.min(WIDTH, x + w); i++) this.pixels.set(c, (j * WIDTH + i) * 3);
  }
}

const SKY: Rgb = [178, 214, 240];
const GROUND: Rgb = [150, 140, 120];
const WALL: Rgb = [214, 200, 178];
const WINDOW: Rgb = [90, 110, 130];
const STEEL: Rgb = [70, 90, 110];
const GLASS: Rgb = [150, 200, 215];
const EARTH: Rgb = [110, 80, 50];
const CONCRETE: Rgb = [160, 160, 160];
const FENCE: Rgb = [40, 120, 70];
const CAR: Rgb = [200, 200, 205];

/** How far the works have come, by the milestone under way (its key in the street's template). */
const PROGRESS: Record<string, number> = {
  pipe_relocation: 0,
  foundation: 1,
  steel_shaft: 2,
  installation: 3,
  commissioning: 4,
  supervision_inspection: 5,
};

/**
 * A picture of a six-storey building with the site at the milestone `key`; `shade` (0–3) varies
 * the sky a little, so a lift's photos on different days are different files.
 */
export function sitePhoto(key: string, shade: number): Buffer {
  const stage = PROGRESS[key] ?? 0;
  const c = new Canvas();
  c.rect(0, 0, WIDTH, HEIGHT, [SKY[0] - shade * 12, SKY[1] - shade * 10, SKY[2] - shade * 6]);
  const groundY = 150;
  c.rect(0, groundY, WIDTH, HEIGHT - groundY, GROUND);
  // the building: six floors of windows, the stairwell's windows in the middle
  c.rect(30, 30, 130, groundY - 30, WALL);
  for (let floor = 0; floor < 6; floor++)
    for (const x of [40, 70, 110, 140]) c.rect(x, 38 + floor * 19, 12, 10, WINDOW);
  const shaftX = 92;
  if (stage === 0) {
    // a trench for the pipes, fenced
    c.rect(shaftX - 30, groundY, 80, 8, EARTH);
  } else {
    // the foundation pit, then its slab
    c.rect(shaftX - 6, groundY, 36, 20, stage === 1 ? EARTH : CONCRETE);
  }
  if (stage >= 2) {
    // the steel shaft rises floor by floor: half the height while it is being raised, then whole
    const top = stage === 2 ? 90 : 24;
    c.rect(shaftX, top, 24, groundY - top, GLASS);
    for (const x of [shaftX, shaftX + 21]) c.rect(x, top, 3, groundY - top, STEEL);
    for (let y = top; y < groundY; y += 19) c.rect(shaftX, y, 24, 2, STEEL);
  }
  if (stage >= 3) c.rect(shaftX + 5, stage === 3 ? 120 : 60, 14, 16, CAR);
  // under inspection: the inspectors' green tag on the landing door
  if (stage >= 5) c.rect(shaftX + 8, groundY - 30, 8, 8, FENCE);
  // the site fence
  c.rect(shaftX - 40, groundY - 14, 100, 3, FENCE);
  for (let x = shaftX - 40; x < shaftX + 60; x += 12) c.rect(x, groundY - 14, 2, 14, FENCE);
  return encodePng(WIDTH, HEIGHT, c.pixels);
}
