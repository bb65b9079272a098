// The chat channel a clinic has connected (ClinicChannel with activeKey set), for posts such as
// a fidelity summary. Connecting and disconnecting are `/ips channel …` commands.
import type { Db } from "./database.ts";
import type { ConnectedChannelRecord } from "./fidelity-records.ts";

export function connectedChannelRepository(db: Db) {
  return {
    /** The clinic's connected channels on a platform, earliest connected first. */
    async forClinic(clinicId: number, platform: string): Promise<ConnectedChannelRecord[]> {
      return db.clinicChannel.findMany({
        where: { clinicId, platform, activeKey: { not: null } },
        orderBy: { connectedAt: "asc" },
        select: { id: true, platform: true, workspaceId: true, channelId: true, serviceUrl: true },
      });
    },
  };
}
