package org.mskrules.fhir;

import java.util.Objects;
import org.hl7.fhir.r4.model.Resource;

/**
 * One FHIR resource handed to the reader and where it came from, as a FHIRPath-like location that
 * every problem about it starts with (for example {@code Bundle.entry[2].resource} or
 * {@code prefetch.patient}). Immutable; the resource itself is a mutable HAPI object and must not be
 * changed while a read is under way.
 *
 * @param resource the resource
 * @param location where it was found
 */
public record SourcedResource(Resource resource, String location) {
    public SourcedResource {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(location, "location");
    }
}
