/**
 * strongSwan charon log: syslog (`charon: 09[IKE] …`), journal (`charon-systemd[…]: …`), a
 * `charon.log` / `ipsec.log` file (`Mar 14 10:28:49 09[IKE] <conn|1> …`) and the output of
 * `ipsec up` / `swanctl --initiate` (`[IKE] initiating IKE_SA …`).
 * Sources: strongSwan documentation (docs.strongswan.org: "Logger configuration", "Expiry and
 * retransmission", "Troubleshooting" / "Common problems"); strongSwan source message texts
 * (libcharon/sa/ikev2/tasks/*.c).
 */
import { signal, tableParser, type LineRule } from '../../parse/table.ts';
import { HOST, messageRules, peerOf, phaseOfExchange, PLATFORM } from './charon_messages.ts';
import { normaliseNotify, notifyMeaning } from './notify.ts';

const rules: readonly LineRule[] = [
  ...messageRules,
  {
    name: 'notify-error',
    // also "received NO_PROPOSAL_CHOSEN error notify" (IKEv1), "received TS_UNACCEPTABLE notify, no CHILD_SA built"
    sample: 'Mar 14 10:28:49 moon charon: 09[IKE] received NO_PROPOSAL_CHOSEN notify error',
    re: /\breceived ([A-Z][A-Z0-9_]{2,40}) (?:notify error|error notify|notify, no CHILD_SA built)/,
    emit: (m, ctx) => {
      const notify = normaliseNotify(m[1] ?? '');
      const exchange = ctx.memory.get('lastExchange');
      const base = { platform: PLATFORM, ...peerOf(ctx) };
      const phase = /no CHILD_SA built/.test(m[0]) ? 2 : phaseOfExchange(exchange);
      return [
        signal({
          signal: 'ike.notify',
          ...base,
          notify,
          direction: 'received',
          ...(exchange ? { exchange } : {}),
        }),
        ...notifyMeaning(notify, phase, base),
      ];
    },
  },
  {
    name: 'proposals',
    sample:
      'Mar 14 10:28:49 sun charon: 11[CFG] received proposals: IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024',
    re: /\b(?:received|configured) proposals: (IKE|ESP|AH)?:?/,
    emit: (m, { memory }) => {
      if (m[1]) memory.set('proposalPhase', m[1] === 'IKE' ? '1' : '2');
      return null;
    },
  },
  {
    name: 'no-proposal',
    sample: 'Mar 14 10:28:49 sun charon: 11[IKE] no acceptable proposal found',
    re: /\b(?:no acceptable proposal found|received proposals unacceptable|no matching proposal found)/,
    emit: (_m, ctx) => {
      const remembered = ctx.memory.get('proposalPhase');
      const phase =
        remembered === '1'
          ? 1
          : remembered === '2'
            ? 2
            : phaseOfExchange(ctx.memory.get('lastExchange'));
      return signal({
        signal: phase === 2 ? 'ipsec.proposal-no-match' : 'ike.policy-no-match',
        platform: PLATFORM,
        ...peerOf(ctx),
      });
    },
  },
  {
    name: 'psk-mac-mismatch',
    sample:
      "Mar 14 10:28:50 sun charon: 12[IKE] tried 1 shared key for 'sun' - 'moon', but MAC mismatched",
    re: /\btried \d+ shared keys? for '([^']{0,255})' - '([^']{0,255})', but MAC mismatched/,
    emit: (m, ctx) =>
      signal({
        signal: 'psk.decrypt-failed',
        platform: PLATFORM,
        ikeVersion: 'ikev2',
        value: `${m[1] ?? ''} - ${m[2] ?? ''}`,
        ...peerOf(ctx),
      }),
  },
  {
    name: 'ikev1-hash-mismatch',
    sample: 'Mar 14 10:28:50 sun charon: 12[IKE] calculated HASH does not match HASH payload',
    re: /\b(?:calculated HASH does not match HASH payload|invalid HASH_V1 payload length, decryption failed\?)/,
    emit: (_m, ctx) =>
      signal({
        signal: 'psk.decrypt-failed',
        platform: PLATFORM,
        ikeVersion: 'ikev1',
        ...peerOf(ctx),
      }),
  },
  {
    name: 'psk-not-found',
    sample: "Mar 14 10:28:49 moon charon: 09[IKE] no shared key found for 'moon' - 'sun'",
    re: /\bno shared key found for '([^']{0,255})'(?: - '([^']{0,255})')?/,
    emit: (m, ctx) =>
      signal({
        signal: 'psk.not-found',
        platform: PLATFORM,
        value: m[2] !== undefined ? `${m[1] ?? ''} - ${m[2]}` : (m[1] ?? ''),
        ...peerOf(ctx),
      }),
  },
  {
    name: 'cert-untrusted',
    // also "constraint check failed: identity 'C=CH, O=ACME, CN=moon' required" and "no issuer certificate found for …"
    sample:
      "Mar 14 10:28:50 sun charon: 12[CFG] no trusted RSA public key found for 'moon.strongswan.org'",
    re: /\b(?:no trusted (?:RSA|ECDSA|ED25519|ED448|DSA|ANY)? ?public key found for '([^']{0,255})'|constraint check failed|no issuer certificate found for|issuer certificate not trusted|certificate chain (?:failed|not trusted))/,
    emit: (m, ctx) =>
      signal({
        signal: 'cert.chain-invalid',
        platform: PLATFORM,
        ...(m[1] ? { value: m[1] } : {}),
        ...peerOf(ctx),
      }),
  },
  {
    name: 'cert-expired',
    // also 'certificate "C=CH, O=ACME, CN=moon" is not valid yet' and "certificate expired"
    sample:
      'Mar 14 10:28:50 sun charon: 12[CFG]   subject certificate invalid (valid from Jan 01 00:00:00 2021 to Jan 01 00:00:00 2022)',
    re: /\b(?:certificate invalid \(valid from [^)]{0,80}\)|certificate (?:"[^"]{0,500}" |'[^']{0,500}' )?(?:is )?not valid (?:anymore|yet)|certificate (?:has )?expired)/,
    emit: (_m, ctx) => signal({ signal: 'cert.expired', platform: PLATFORM, ...peerOf(ctx) }),
  },
  {
    name: 'cert-revocation',
    sample: 'Mar 14 10:28:50 sun charon: 12[CFG] certificate status is not available',
    re: /\b(?:certificate status is not available|(?:CRL|OCSP) (?:fetching|request) (?:from '[^']{0,500}' )?failed|certificate was revoked)/,
    emit: (m, ctx) =>
      signal({ signal: 'cert.revocation-failed', platform: PLATFORM, value: m[0], ...peerOf(ctx) }),
  },
  {
    name: 'no-private-key',
    sample: "Mar 14 10:28:49 moon charon: 09[IKE] no private key found for 'moon.strongswan.org'",
    re: /\bno (?:RSA |ECDSA )?private key found for '([^']{0,255})'/,
    emit: (m, ctx) =>
      signal({
        signal: 'cert.no-trustpoint',
        platform: PLATFORM,
        value: m[1] ?? '',
        ...peerOf(ctx),
      }),
  },
  {
    name: 'signature-failed',
    sample:
      'Mar 14 10:28:50 sun charon: 12[IKE] signature validation failed, looking for another key',
    re: /\b(?:signature validation failed|[A-Z0-9_]+ signature verification failed|authentication of '[^']{0,255}' with [\w -]{1,40} failed)/,
    emit: (_m, ctx) => signal({ signal: 'auth.failed', platform: PLATFORM, ...peerOf(ctx) }),
  },
  {
    name: 'eap-failed',
    sample: 'Mar 14 10:28:50 moon charon: 12[IKE] EAP method EAP_MSCHAPV2 failed for peer carol',
    re: /\b(?:EAP method \S+ failed|EAP authentication failed|received EAP_FAILURE|RADIUS authentication of '[^']{0,255}' failed)/,
    emit: (_m, ctx) => signal({ signal: 'eap.failed', platform: PLATFORM, ...peerOf(ctx) }),
  },
  {
    name: 'peer-config-mismatch',
    sample: 'Mar 14 10:28:50 sun charon: 12[CFG] no matching peer config found',
    re: /\bno matching peer config found/,
    emit: (_m, ctx) => signal({ signal: 'peer-id.mismatch', platform: PLATFORM, ...peerOf(ctx) }),
  },
  {
    name: 'ts-unacceptable',
    // also "traffic selectors 10.1.0.0/16 === 10.9.0.0/16 unacceptable" (older: "inacceptable")
    sample: 'Mar 14 10:28:50 sun charon: 12[CFG] no matching CHILD_SA config found',
    re: /\b(?:no matching CHILD_SA config found|traffic selectors .{1,1000}? (?:un|in)acceptable)/,
    emit: (_m, ctx) =>
      signal({ signal: 'ipsec.ts-unacceptable', platform: PLATFORM, ...peerOf(ctx) }),
  },
  {
    name: 'no-virtual-ip',
    sample:
      "Mar 14 10:28:50 moon charon: 12[IKE] no virtual IP found for %any requested by 'carol'",
    re: /\bno virtual IP found for \S+ requested by '([^']{0,255})'/,
    emit: (m, ctx) =>
      signal({ signal: 'authz.failed', platform: PLATFORM, value: m[1] ?? '', ...peerOf(ctx) }),
  },
  {
    name: 'ike-established',
    sample:
      'Mar 14 10:28:50 moon charon: 12[IKE] IKE_SA conn[1] established between 10.0.0.1[moon]...10.0.0.2[sun]',
    re: new RegExp(
      String.raw`\bIKE_SA ([^\s\[]+)\[(\d+)\] established between ${HOST}\[([^\]]{0,255})\]\.\.\.${HOST}\[([^\]]{0,255})\]`,
    ),
    emit: (m, { memory }) => {
      memory.set('peer', m[5] ?? '');
      return signal({
        signal: 'phase1.complete',
        platform: PLATFORM,
        local: m[3] ?? '',
        peer: m[5] ?? '',
        value: m[1] ?? '',
      });
    },
  },
  {
    name: 'child-established',
    sample:
      'Mar 14 10:28:50 moon charon: 12[IKE] CHILD_SA net{1} established with SPIs c1234567_i c7654321_o and TS 10.1.0.0/16 === 10.2.0.0/16',
    re: /\bCHILD_SA ([^\s{]+)\{(\d+)\} established with SPIs ([0-9a-f]+)_i ([0-9a-f]+)_o/,
    emit: (m, ctx) =>
      signal({
        signal: 'phase2.complete',
        platform: PLATFORM,
        value: `${m[1] ?? ''} ${m[3] ?? ''}/${m[4] ?? ''}`,
        ...peerOf(ctx),
      }),
  },
  {
    name: 'state-change',
    sample:
      'Mar 14 10:28:49 moon charon: 09[IKE] <conn|1> IKE_SA conn[1] state change: CREATED => CONNECTING',
    re: /\bIKE_SA [^\s[]+\[\d+\] state change: ([A-Z_]+) => ([A-Z_]+)/,
    emit: (m, ctx) =>
      signal({ signal: 'ike.state', platform: PLATFORM, state: m[2] ?? '', ...peerOf(ctx) }),
  },
  {
    name: 'invalid-ke',
    sample:
      "Mar 14 10:28:49 moon charon: 09[IKE] peer didn't accept DH group MODP_2048, it requested ECP_256",
    re: /\bpeer didn't accept DH group (\S+), it requested (\S+)/,
    emit: (m, ctx) =>
      signal({
        signal: 'ike.notify',
        platform: PLATFORM,
        notify: 'INVALID_KE_PAYLOAD',
        direction: 'received',
        value: `${m[1] ?? ''} -> ${m[2] ?? ''}`,
        ...peerOf(ctx),
      }),
  },
  {
    name: 'lifetime',
    sample: 'Mar 14 10:28:50 moon charon: 12[IKE] scheduling reauthentication in 10174s',
    re: /\bscheduling (?:rekeying|reauthentication) in (\d+s)/,
    emit: (m) => signal({ signal: 'ike.lifetime', platform: PLATFORM, value: m[1] ?? '' }),
  },
  // Any other charon line: thread and group ("09[IKE]"), a bare group from `ipsec up` / swanctl ("[IKE]"),
  // or the daemon name. Understood, no fact of its own.
  {
    name: 'thread-group',
    sample: "Mar 14 10:28:49 moon charon: 09[CFG] selected peer config 'conn'",
    re: /(?:^|\s)\d{1,3}\[[A-Z]{2,4}\] /,
    weak: true,
  },
  {
    name: 'group',
    sample: '[IKE] establishing CHILD_SA conn{1}',
    re: /^\s*\[[A-Z]{2,4}\] \S/,
    weak: true,
  },
  {
    name: 'daemon',
    sample: "Mar 14 10:28:49 moon charon-systemd[812]: selected peer config 'conn'",
    re: /\bcharon(?:-systemd)?(?:\[\d+\])?: \S/,
    weak: true,
  },
  {
    name: 'ipsec-up-result',
    sample: "connection 'conn' established successfully",
    re: /^\s*(?:connection '[^']{1,255}' established successfully|establishing connection '[^']{1,255}' failed|initiate (?:failed: .|completed successfully))/,
  },
];

/** strongSwan charon log lines (syslog, journal, log file, `ipsec up` / `swanctl --initiate` output). */
export const charonLog = tableParser({
  id: 'strongswan-charon-log',
  platform: PLATFORM,
  command: 'journalctl -u strongswan / ipsec.log',
  marker:
    /\bcharon(?:-systemd)?(?:\[\d+\])?: |(?:^|\s)\d{1,3}\[(?:IKE|CFG|ENC|NET|KNL|CHD|LIB|JOB|MGR|DMN|ASN|APP|ESP|TLS|TNC|IMC|IMV|PTS)\] |^\s*\[(?:IKE|CFG|ENC|NET|KNL|CHD)\] |\binitiating IKE_SA \S+\[\d+\] to /,
  rules,
});
