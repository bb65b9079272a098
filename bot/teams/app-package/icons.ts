// The Teams app icons, drawn in code so they can be regenerated and checked: a briefcase (IPS is
// about ordinary paid work). Teams wants a full-colour 192×192 icon and a 32×32 outline icon
// that is white on a transparent background.
import type { Image } from "./png.ts";

type Rgba = readonly [number, number, number, number];

export const ACCENT_COLOR = "#1D4F3A";
const ACCENT: Rgba = [0x1d, 0x4f, 0x3a, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

/** Is (x, y), in a unit square (0..1), part of the briefcase? */
function inBriefcase(x: number, y: number): boolean {
  const body = x >= 0.16 && x <= 0.84 && y >= 0.34 && y <= 0.8;
  const handle = x >= 0.36 && x <= 0.64 && y >= 0.2 && y <= 0.34 && !(x >= 0.43 && x <= 0.57 && y >= 0.27);
  const clasp = x >= 0.46 && x <= 0.54 && y >= 0.5 && y <= 0.58;
  const seam = y >= 0.5 && y <= 0.54;
  return (body && !clasp && !seam) || handle;
}

function draw(size: number, figure: Rgba, ground: Rgba): Image {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      // Sample the pixel's centre, so the figure scales to any size without smearing.
      const colour = inBriefcase((x + 0.5) / size, (y + 0.5) / size) ? figure : ground;
      rgba.set(colour, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, rgba };
}

export const drawColorIcon = (): Image => draw(192, WHITE, ACCENT);
export const drawOutlineIcon = (): Image => draw(32, WHITE, TRANSPARENT);
