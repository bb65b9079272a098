// `npm run teams:manifest`: writes the command list in manifest.json from the command registry
// and redraws color.png and outline.png. Run it after adding or renaming a command.
import { writeFileSync } from "node:fs";
import { Catalogue } from "../../../prompts/catalogue.ts";
import { drawColorIcon, drawOutlineIcon } from "./icons.ts";
import { encodePng } from "./png.ts";
import { ICON_FILES, MANIFEST_FILE, manifestSchemaErrors, readManifest, withRegistryCommands } from "./teams-manifest.ts";

const manifest = withRegistryCommands(readManifest(), Catalogue.load().translator("en"));
const errors = await manifestSchemaErrors(manifest);
if (errors.length > 0) {
  process.stderr.write(`manifest.json would not be valid:\n  ${errors.join("\n  ")}\n`);
  process.exit(1);
}
writeFileSync(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(ICON_FILES.color, encodePng(drawColorIcon()));
writeFileSync(ICON_FILES.outline, encodePng(drawOutlineIcon()));
process.stdout.write(`wrote ${MANIFEST_FILE} (${manifest.bots[0]!.commandLists!.map((list) => `${list.scopes.join()}: ${list.commands.length}`).join(", ")} commands), color.png and outline.png\n`);
