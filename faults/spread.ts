import { Admin, AssignerProtocol, Kafka, logLevel } from 'kafkajs';

export interface Spread {
  commands: number;
  /** Each consumer group member's share of the commands, largest first (0..1). */
  shares: number[];
}

/**
 * Who did the work: the command topic's offsets before and after a load window, split by which
 * member of the service's consumer group owns each partition. The assignment must not change in
 * the window (no faults run during it).
 */
export class SpreadProbe {
  private readonly admin: Admin;
  private before = new Map<number, number>();

  constructor(
    brokers: string,
    private readonly topic: string,
    private readonly groupId: string,
  ) {
    const kafka = new Kafka({
      clientId: 'idfed-faults-spread',
      brokers: [brokers],
      logLevel: logLevel.NOTHING,
    });
    this.admin = kafka.admin();
  }

  private async offsets(): Promise<Map<number, number>> {
    const list = await this.admin.fetchTopicOffsets(this.topic);
    return new Map(list.map((p) => [p.partition, Number(p.high)]));
  }

  async begin(): Promise<void> {
    await this.admin.connect();
    this.before = await this.offsets();
  }

  async end(): Promise<Spread> {
    const after = await this.offsets();
    const [group] = (await this.admin.describeGroups([this.groupId])).groups;
    const perMember = group.members.map((m) => {
      const { assignment } = AssignerProtocol.MemberAssignment.decode(m.memberAssignment)!;
      return (assignment[this.topic] ?? []).reduce(
        (sum, p) => sum + (after.get(p) ?? 0) - (this.before.get(p) ?? 0),
        0,
      );
    });
    await this.admin.disconnect();
    const commands = perMember.reduce((a, b) => a + b, 0);
    return { commands, shares: perMember.map((n) => (commands ? n / commands : 0)).sort((a, b) => b - a) };
  }
}
