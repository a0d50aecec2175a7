package org.mskrules.msk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routing policy of the released {@code msk-referral} 1.0.0 and 1.1.0, which do not declare one:
 * frozen here as they were released (the declaration order of {@link Route}, {@link Specialty},
 * {@link EscalationLevel} and {@link Destination} then, written out so that a change to an enum
 * cannot move them, and the time-frame texts then written in Java). Their content hashes do not
 * cover it; {@code BehaviourSnapshotTest} guards their decisions and {@code RoutingPolicyTest} pins
 * this policy to exactly these versions. Never edit it: a new version declares its own policy.
 */
final class LegacyPrecedence_1_x {
    /** The versions that use it; every later version must declare its own. */
    static final Set<String> VERSIONS = Set.of("1.0.0", "1.1.0");

    static final RoutingPolicy POLICY = new RoutingPolicy(
            List.of(Route.RED_FLAG_PATHWAY, Route.ADVICE_AND_GUIDANCE, Route.SECONDARY_CARE, Route.COMMUNITY_MSK_TRIAGE,
                    Route.COMMUNITY_MSK_THERAPY, Route.SUPPORTED_SELF_MANAGEMENT, Route.FIRST_CONTACT_PRACTITIONER),
            List.of(Specialty.RHEUMATOLOGY, Specialty.SPINAL_SURGERY, Specialty.ORTHOPAEDICS, Specialty.PAIN_MANAGEMENT),
            List.of(EscalationLevel.EMERGENCY, EscalationLevel.URGENT, EscalationLevel.SOON),
            List.of(Destination.EMERGENCY_999, Destination.EMERGENCY_DEPARTMENT, Destination.SAME_DAY_EYE_PATHWAY, Destination.SPINAL_SURGERY,
                    Destination.ACUTE_ONCOLOGY_MSCC_COORDINATOR, Destination.VASCULAR_SURGERY, Destination.ORTHOPAEDICS,
                    Destination.FRACTURE_CLINIC, Destination.SUSPECTED_CANCER_PATHWAY, Destination.RHEUMATOLOGY,
                    Destination.DIRECT_ACCESS_IMAGING, Destination.PRIMARY_CARE_INVESTIGATIONS),
            Map.of(Route.RED_FLAG_PATHWAY, "{redFlagTimeFrame}",
                    Route.ADVICE_AND_GUIDANCE, "Advice and guidance request to {specialty} instead of a routine referral;"
                            + " the referring clinician keeps the patient's care meanwhile",
                    Route.SECONDARY_CARE, "Referral to {specialty} on the local secondary-care pathway",
                    Route.COMMUNITY_MSK_TRIAGE, "{triage}seen within {seenWithinDays} days ({standard}; service profile: {profile})",
                    Route.COMMUNITY_MSK_THERAPY, "Seen within {seenWithinDays} days ({standard}; service profile: {profile})",
                    Route.SUPPORTED_SELF_MANAGEMENT, "Self-management resources and safety-net advice now",
                    Route.FIRST_CONTACT_PRACTITIONER, "Next available First Contact Practitioner appointment in the practice"),
            "Triaged within {triageWithinHours} hours; ",
            "urgent standard, for priority patients",
            "urgent standard, for a serious finding",
            "routine standard",
            true,
            "Serious findings outside every red-flag criterion, for the clinician to assess first: {findings}. ",
            List.of(Screen.CAUDA_EQUINA, Screen.CANCER_HISTORY, Screen.SPINAL_CORD_COMPRESSION, Screen.SPINAL_INFECTION,
                    Screen.INFLAMMATORY_ARTHRITIS_URGENCY, Screen.AXIAL_SPONDYLOARTHRITIS_HLA_B27,
                    Screen.GIANT_CELL_ARTERITIS_VISUAL, Screen.COMPARTMENT_SYNDROME, Screen.PARTLY_MET_CRITERION),
            "First complete the open red-flag screens {screens}, which may change the route. ",
            Map.of(PriorityCategory.PRIORITY, 14, PriorityCategory.NON_PRIORITY, 84));

    private LegacyPrecedence_1_x() {
    }
}
