/**
 * Documents the knowledge base cites. The first five are the seed documents
 * (their titles as given in the seeds' README); the rest are standards and
 * vendor documents used where the seeds are silent.
 */
export const SOURCES = {
  asaDeletePfkey: 'Cisco ASA: Received a DELETE PFKey message from IKE',
  asaS2sTroubleshooting: 'Cisco ASA site-to-site VPN troubleshooting',
  troubleshootingIpsecVpns: 'Troubleshooting IPsec VPNs',
  phase1Success: 'The Trouble with IPsec VPNs, Part 3: IKE Phase 1 Success',
  multipleKeyrings: 'IPsec multiple keyrings with ISAKMP profiles',
  rfc7296: 'RFC 7296: Internet Key Exchange Protocol Version 2 (IKEv2)',
  rfc2408: 'RFC 2408: Internet Security Association and Key Management Protocol (ISAKMP)',
  rfc2409: 'RFC 2409: The Internet Key Exchange (IKE)',
  rfc4303: 'RFC 4303: IP Encapsulating Security Payload (ESP)',
  rfc3948: 'RFC 3948: UDP Encapsulation of IPsec ESP Packets',
  rfc7383: 'RFC 7383: IKEv2 Message Fragmentation',
  rfc4543: 'RFC 4543: The Use of GMAC in IPsec ESP and AH',
  rfc4106: 'RFC 4106: The Use of GCM in IPsec ESP',
} as const;

/** A document title the knowledge base may cite. */
export type SourceTitle = (typeof SOURCES)[keyof typeof SOURCES];

/** The seed documents, the primary sources. */
export const SEED_TITLES: readonly SourceTitle[] = [
  SOURCES.asaDeletePfkey,
  SOURCES.asaS2sTroubleshooting,
  SOURCES.troubleshootingIpsecVpns,
  SOURCES.phase1Success,
  SOURCES.multipleKeyrings,
];
