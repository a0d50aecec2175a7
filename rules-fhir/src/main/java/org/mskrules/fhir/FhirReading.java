package org.mskrules.fhir;

import java.util.List;
import java.util.Objects;
import org.mskrules.core.Violation;
import org.mskrules.msk.Referral;

/**
 * A referral read from FHIR, with the notes a reviewer should see although the referral can be
 * assessed: conflicting sources for a finding (resolved in the safe direction, present wins),
 * codes read through a mapping still marked to-verify, unconfirmed Conditions read as present,
 * prefetch keys the EHR did not fill. Each note has a FHIRPath location and a stable code, like a
 * problem. Immutable.
 *
 * @param referral the referral as the rules will see it; carries no patient identifier
 * @param notes    what the reader resolved or assumed, in the order found
 */
public record FhirReading(Referral referral, List<Violation> notes) {
    public FhirReading {
        Objects.requireNonNull(referral, "referral");
        notes = List.copyOf(notes);
    }
}
