// Reads the PNGs the Teams icons are, checking what a PNG decoder checks: the signature, every
// chunk's CRC, the header, and that the image data inflates to exactly the rows it declares.
import { crc32, inflateSync } from "node:zlib";

export interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  /** RGBA pixels (colour type 6 only). */
  pixels: [number, number, number, number][];
}

export function readPng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error("not a PNG signature");
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const typeAndData = file.subarray(offset + 4, offset + 8 + length);
    if (file.readUInt32BE(offset + 8 + length) !== crc32(typeAndData)) throw new Error(`bad CRC in ${typeAndData.subarray(0, 4).toString("ascii")}`);
    const type = typeAndData.subarray(0, 4).toString("ascii");
    const body = typeAndData.subarray(4);
    if (type === "IHDR") header = body;
    if (type === "IDAT") data.push(body);
    if (type === "IEND") ended = true;
    offset += 12 + length;
  }
  if (!header || !ended) throw new Error("missing IHDR or IEND");
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const colourType = header.readUInt8(9);
  if (header.readUInt8(8) !== 8 || colourType !== 6) return { width, height, colourType, pixels: [] };
  const rows = inflateSync(Buffer.concat(data));
  if (rows.length !== height * (1 + width * 4)) throw new Error("image data does not match the declared size");
  const pixels: DecodedPng["pixels"] = [];
  for (let y = 0; y < height; y += 1) {
    const start = y * (1 + width * 4);
    if (rows[start] !== 0) throw new Error("this reader handles unfiltered rows only");
    for (let x = 0; x < width; x += 1) {
      const at = start + 1 + x * 4;
      pixels.push([rows[at]!, rows[at + 1]!, rows[at + 2]!, rows[at + 3]!]);
    }
  }
  return { width, height, colourType, pixels };
}
