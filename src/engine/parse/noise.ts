/**
 * Lines that carry no evidence but are expected in a paste: prompts, echoed
 * commands, pagers, separators and "debugging is on" banners. They are
 * accounted for as noise, never reported as not understood.
 */

// "Router#", "Router#show crypto isakmp sa", "ciscoasa(config)# ", "FGT60F # diag vpn tunnel list",
// "root@srx> show security ike sa", "admin@PA-VM> show vpn ike-sa", "user@host:~$ sudo ipsec statusall"
const PROMPT =
  /^\s*(?:[\w.@()/:~-]{1,63}\s?(?:\([\w-]+\))?\s?[#>$%]|[\w.-]+@[\w.-]+(?::[~\w/.-]*)?[#>$%])(?:\s|$)/;
// A prompt glued to its command: "R1#debug crypto isakmp", "ciscoasa(config)#show run crypto".
const PROMPT_COMMAND =
  /^\s*[A-Za-z][\w.-]{0,62}(?:\([\w-]+\))?[#>]\s?(?:sh(?:ow?)?|debug|deb|undebug|u(?:n)? all|no|term(?:inal)?|diag(?:nose)?|get|exec(?:ute)?|clear|conf(?:ig(?:ure)?)?|ping|traceroute|packet-tracer|capture|end|exit|write|copy|run)\b/i;
// An echoed command without a prompt: "show crypto ipsec sa", "sh cry isa sa", "debug crypto ikev2".
const COMMAND =
  /^\s*(?:sh(?:o(?:w)?)?|debug|deb|undebug|u(?:n)? all|no debug|terminal|term|diag(?:nose)?|get|execute|sudo|ipsec|swanctl|clear|conf(?:ig(?:ure)?)? t(?:erm(?:inal)?)?|ping|traceroute|packet-tracer|capture|end|exit)\b[\w .:/|"'-]*$/i;
const PAGER = /^\s*(?:--\s?More\s?--|<--- More --->|\(END\)|lines \d+-\d+)/i;
// Rules of dashes and the like: only those characters and spaces, with a run of three somewhere.
const SEPARATOR_CHARS = /^[-=_*#~. ]+$/;
const SEPARATOR_RUN = /[-=_*#~.]{3}/;
const BANNER =
  /(?:debugging is on|debugging is off|All possible debugging has been turned off|Building configuration|Current configuration|Load for five secs|Time source is|^\s*Legend:|Debug level|debug (?:application|enable|disable)|^\s*\d+ (?:IKE|IPsec|IKEv[12]) SAs?|^\s*Interface: [\w/.-]+$|Session status:|^\s*Status codes?:|^\s*Codes:)/i;

/** Why a line is noise, or null when it may hold evidence. */
export function noiseKind(
  text: string,
): 'blank' | 'prompt' | 'command' | 'pager' | 'separator' | 'banner' | null {
  if (text.trim() === '') return 'blank';
  if (PAGER.test(text)) return 'pager';
  if (SEPARATOR_CHARS.test(text) && SEPARATOR_RUN.test(text)) return 'separator';
  if (PROMPT.test(text) || PROMPT_COMMAND.test(text)) return 'prompt';
  if (COMMAND.test(text)) return 'command';
  if (BANNER.test(text)) return 'banner';
  return null;
}

/** The host name a prompt line shows, if any ("FlexClient#" gives "FlexClient"). */
export function promptHost(text: string): string | null {
  const m = /^\s*([A-Za-z][\w.-]{0,62})(?:\([\w-]+\))?\s?[#>]/.exec(text);
  return m?.[1] ?? null;
}
