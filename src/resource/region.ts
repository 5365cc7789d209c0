/** Regions and partitions: what the ARNs name and where the endpoints live. One table for the client, STS and the ARNs. */

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Partition by region prefix, with its DNS suffix. Pinpoint is not offered in the ISO partitions, so they are refused. */
const PARTITIONS: readonly { readonly prefix: string; readonly partition: Partition; readonly dnsSuffix: string }[] = [
  { prefix: 'cn-', partition: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' },
  { prefix: 'us-gov-', partition: 'aws-us-gov', dnsSuffix: 'amazonaws.com' },
  { prefix: '', partition: 'aws', dnsSuffix: 'amazonaws.com' },
];

/** Whether the text is an AWS Region name of a partition Pinpoint is in (`us-east-1`, `cn-north-1`, `us-gov-west-1`). */
export function isRegion(region: string): boolean {
  return REGION.test(region) && !/-iso[a-z]?-/.test(region);
}

function partitionEntry(region: string): (typeof PARTITIONS)[number] {
  return PARTITIONS.find((p) => region.startsWith(p.prefix))!;
}

/** The partition follows the region: `cn-*` → aws-cn, `us-gov-*` → aws-us-gov, else aws. */
export function partitionFor(region: string): Partition {
  return partitionEntry(region).partition;
}

/** `https://<service>.<region>.amazonaws.com` (`.com.cn` in China). */
export function serviceEndpoint(service: string, region: string): string {
  return `https://${service}.${region}.${partitionEntry(region).dnsSuffix}`;
}
