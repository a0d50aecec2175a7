package org.mskrules.cdshooks;

import java.util.Objects;

/**
 * One answer of the CDS Hooks service, independent of any HTTP server: the status code and the JSON
 * body. Every answer has a body; an error's body still carries a warning card, so an EHR that shows
 * cards shows that something went wrong. Immutable.
 *
 * @param status HTTP status: 200, or 400 (malformed request, missing context, wrong hook), 404
 *               (unknown service), 412 (the Patient was not prefetched), 500 (a defect)
 * @param json   the body, {@code application/json}
 */
public record CdsResponse(int status, String json) {
    public CdsResponse {
        Objects.requireNonNull(json, "json");
    }
}
