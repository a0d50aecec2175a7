package org.mskrules.msk;

/**
 * A symptom, sign, history item or test result that a referral may record as present, absent or not
 * recorded ({@link FindingStatus}). The JSON code is the constant's name. Each carries the wording a
 * clinician would recognise; {@code docs/referral-model.md} lists them all with the rules that read
 * them.
 */
public enum Finding {
    // Cauda equina syndrome (GIRFT 2023)
    BLADDER_OR_BOWEL_DISTURBANCE("Bladder or bowel disturbance: retention, incontinence, or altered sensation or control"),
    SADDLE_ANAESTHESIA("Saddle (perianal, perineal or genital) numbness or altered sensation"),
    BILATERAL_LEG_NEUROLOGICAL_DEFICIT("Neurological deficit in both legs: weakness, numbness or altered reflexes"),
    BILATERAL_RADICULAR_PAIN("Radicular (nerve root) pain in both legs"),
    SEXUAL_DYSFUNCTION("New sexual dysfunction: erectile or ejaculatory failure, loss of genital sensation"),
    LEG_PAIN("Pain in one or both legs, referred or radicular"),

    // Neurology
    RADICULAR_PAIN("Radicular (nerve root) pain in an arm or a leg"),
    LIMB_WEAKNESS("Weakness of an arm or a leg"),
    DIFFICULTY_WALKING("Difficulty walking"),
    SENSORY_LOSS("Numbness or sensory loss in a limb or the trunk"),

    // Cancer and spinal metastases
    CANCER_HISTORY("Current or past cancer"),
    PROGRESSIVE_SPINAL_PAIN("Spinal pain that is progressively worsening"),
    SEVERE_UNREMITTING_PAIN("Severe, unremitting spinal pain"),
    PAIN_ON_STRAINING("Spinal pain aggravated by straining: coughing, sneezing, straining at stool"),
    NIGHT_PAIN("Pain at night that prevents or disturbs sleep"),
    LOCALISED_SPINAL_TENDERNESS("Localised spinal tenderness"),
    UNEXPLAINED_WEIGHT_LOSS("Unexplained weight loss"),
    NO_IMPROVEMENT_AFTER_ONE_MONTH("No improvement after one month of conservative care"),

    // Spinal infection
    FEVER("Fever (temperature 38 C or above) or feeling feverish"),
    SYSTEMICALLY_UNWELL("Systemically unwell: rigors, malaise, tachycardia or other signs of systemic illness"),
    IMMUNOSUPPRESSION("Immunosuppression: medication, HIV, transplant, chemotherapy"),
    DIABETES("Diabetes mellitus"),
    INTRAVENOUS_DRUG_USE("Intravenous drug use"),
    RECENT_INFECTION_OR_BACTERAEMIA("Recent infection or bacteraemia (urinary, skin, endocarditis)"),
    TUBERCULOSIS("Tuberculosis: history of, or exposure to"),
    RECENT_SPINAL_PROCEDURE("Recent spinal surgery, injection or other spinal procedure"),

    // Trauma and fracture
    MAJOR_TRAUMA("Major trauma: road traffic collision, fall from height, high-energy injury"),
    MINOR_TRAUMA("Minor trauma: fall from standing height, lifting, strain"),
    SUSPECTED_FRACTURE("Suspected fracture"),
    UNREDUCED_DISLOCATION("Dislocation that has not been reduced"),
    ACUTE_TENDON_RUPTURE("Suspected acute tendon rupture, for example of the Achilles tendon"),
    LONG_TERM_CORTICOSTEROIDS("Long-term oral or systemic corticosteroid use"),
    PREVIOUS_FRAGILITY_FRACTURE("Previous fragility fracture"),
    KNOWN_OSTEOPOROSIS("Known osteoporosis"),

    // Bone and soft-tissue cancer, myeloma (NICE NG12)
    XRAY_SUGGESTS_BONE_SARCOMA("X-ray suggesting possible bone sarcoma"),
    GROWING_SOFT_TISSUE_LUMP("Unexplained soft-tissue lump that is increasing in size"),
    UNEXPLAINED_BONE_SWELLING("Unexplained bone swelling"),
    UNEXPLAINED_BONE_PAIN("Unexplained bone pain"),
    PERSISTENT_BONE_OR_BACK_PAIN("Persistent bone pain, particularly back pain"),
    UNEXPLAINED_FRACTURE("Unexplained fracture"),

    // Inflammatory arthritis (NICE NG100)
    SUSPECTED_PERSISTENT_SYNOVITIS("Suspected persistent synovitis (joint swelling) of undetermined cause"),
    SMALL_JOINTS_OF_HANDS_OR_FEET("Synovitis affects the small joints of the hands or feet"),
    MORE_THAN_ONE_JOINT("Synovitis affects more than one joint"),

    // Axial spondyloarthritis (NICE NG65)
    WAKING_SECOND_HALF_OF_NIGHT("Waking because of back pain during the second half of the night"),
    BUTTOCK_PAIN("Buttock pain"),
    IMPROVES_WITH_MOVEMENT("Back pain improves with movement"),
    IMPROVES_WITHIN_48H_OF_NSAID("Back pain improves within 48 hours of taking an NSAID"),
    FIRST_DEGREE_RELATIVE_WITH_SPONDYLOARTHRITIS("A first-degree relative has spondyloarthritis"),
    CURRENT_OR_PAST_ARTHRITIS("Current or past arthritis"),
    CURRENT_OR_PAST_ENTHESITIS("Current or past enthesitis"),
    CURRENT_OR_PAST_PSORIASIS("Current or past psoriasis"),
    HLA_B27_POSITIVE("HLA-B27 test: present = positive, absent = negative, not recorded = not tested"),

    // Giant cell arteritis (BSR 2020)
    NEW_HEADACHE("New headache"),
    SCALP_TENDERNESS("Scalp tenderness"),
    JAW_OR_TONGUE_CLAUDICATION("Jaw or tongue claudication (pain on chewing or talking)"),
    VISUAL_SYMPTOMS("Visual symptoms: loss of vision, double vision, blurring, amaurosis"),
    POLYMYALGIA_SYMPTOMS("Polymyalgia symptoms: shoulder and hip girdle pain and stiffness"),
    SYSTEMIC_UPSET("Systemic upset: fever, weight loss, fatigue, night sweats"),

    // Septic arthritis (BSR/BOA 2006)
    HOT_SWOLLEN_JOINT("Hot, swollen, tender joint with restricted movement"),
    SUSPECTED_PROSTHETIC_JOINT_INFECTION("Suspected infection of a prosthetic joint"),

    // Compartment syndrome (BOAST 10)
    FRACTURE_CRUSH_OR_TIGHT_CAST("Recent fracture, crush injury or a tight cast or dressing on the limb"),
    PAIN_OUT_OF_PROPORTION("Pain out of proportion to the injury"),
    PAIN_ON_PASSIVE_STRETCH("Pain on passive stretch of the muscles of the compartment"),

    // Cervical myelopathy
    HAND_CLUMSINESS("Hand clumsiness or loss of dexterity"),
    UNSTEADY_GAIT("Unsteady or broad-based gait"),
    UPPER_MOTOR_NEURON_SIGNS("Upper motor neuron signs: hyperreflexia, Hoffmann's sign, clonus, upgoing plantars"),
    RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT("Rapidly progressive neurological deficit"),

    // Abdominal aortic aneurysm (NICE NG156)
    ABDOMINAL_PAIN("New abdominal pain"),
    COLLAPSE_OR_LOSS_OF_CONSCIOUSNESS("Collapse or loss of consciousness"),

    // Priority-patient criteria (NHS England community MSK improvement framework, PR2022).
    // For the two rehabilitation findings the onset is the date of the surgery, procedure or injury.
    SURGERY_OR_PROCEDURE_NEEDING_REHABILITATION("Surgery or a procedure that needs rehabilitation (onset: its date)"),
    INJURY_NEEDING_REHABILITATION("Injury, fracture or dislocation that needs rehabilitation (onset: its date)"),
    SIGNIFICANT_LOSS_OF_FUNCTION("Significant loss of function because of the MSK problem"),
    SLEEP_DISTURBED_BY_PAIN("Sleep disturbed by the pain (a priority criterion; from msk-referral 1.1.0 also, with spinal pain and cancer, a feature suggesting spinal metastases: RF-MSCC-002; for night pain as a malignancy feature see NIGHT_PAIN)"),
    UNABLE_TO_WORK("Unable to work because of the MSK problem"),
    UNABLE_TO_UNDERTAKE_CARE_RESPONSIBILITIES("Unable to undertake care responsibilities because of the MSK problem"),
    KEY_WORKER_OR_CARER("Key worker, or carer, whose work or caring the MSK problem affects"),

    // Routing (clinical reference rule set 3). For FIRST_LINE_MANAGEMENT_FAILED the onset is the date
    // first-line management began.
    SURGICAL_OPINION_WANTED("The patient wants, and would consider, a surgical opinion"),
    FIRST_LINE_MANAGEMENT_FAILED("First-line management (advice, self-management, analgesia, exercise) tried without improvement (onset: when it began)"),
    SUSPECTED_INFLAMMATORY_DISEASE("Inflammatory disease suspected (for example connective tissue disease, vasculitis); record suspected synovitis as SUSPECTED_PERSISTENT_SYNOVITIS"),
    SPECIALIST_PAIN_NEEDS("Persistent pain that needs specialist pain management"),
    DIAGNOSTIC_UNCERTAINTY("The diagnosis is uncertain"),
    SPECIALIST_IMAGING_CONSIDERED("Specialist imaging (MRI, ultrasound) is being considered"),
    INJECTION_CONSIDERED("An injection is being considered"),
    COMPLEX_PRESENTATION("Complex presentation: several interacting problems or comorbidities"),
    LONG_TERM_CONDITION_NEEDING_SUPPORT("Long-term MSK condition that needs rehabilitation or support to self-manage");

    private final String description;

    Finding(String description) {
        this.description = description;
    }

    /** The finding in words a clinician would recognise. */
    public String description() {
        return description;
    }
}
