package vn.ttdn.amendment;

/**
 * What the process of an amendment needs to route it: its id and plan, who started it, the body that
 * submits it (the consolidating body as it stands today) and the body that decides it (the issuer).
 */
public record AmendmentRoute(long amendmentId, long planId, String planCode, String starter,
                             String consolidatingBody, String issuingBody) {
}
