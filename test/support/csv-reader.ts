// Reads a CSV file as a spreadsheet opens it: the byte-order mark dropped, the separator the file
// uses (";" as Swedish and Norwegian Excel expect, or ","), RFC 4180 quotes, CRLF line ends.
export function readCsv(text: string): { separator: string; rows: string[][] } {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') (cell += '"'), index++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) row.push(cell), (cell = "");
    else if (char === "\r" && body[index + 1] === "\n") {
      row.push(cell), rows.push(row), (row = []), (cell = ""), index++;
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return { separator, rows };
}
