import json, os, copy
G='/work/main/rules-tests/src/test/resources/golden/'
ALL=[l.split('(')[0].strip() for l in open('/work/main/rules-msk/src/main/java/org/mskrules/msk/Finding.java') if l.strip() and l.strip()[0].isupper() and '("' in l]
assert len(ALL)>80, len(ALL)
V='1.1.0'
def pin(path, version='1.0.0'):
    c=json.load(open(G+path))
    if 'ruleSetVersion' not in c:
        d={}
        for k,v in c.items():
            d[k]=v
            if k=='asOf': d['ruleSetVersion']=version
        json.dump(d,open(G+path,'w'),indent=2); open(G+path,'a').write('\n')
    return json.load(open(G+path))
def save(folder, c):
    os.makedirs(G+folder, exist_ok=True)
    p=G+folder+'/'+c['name']+'.json'
    json.dump(c,open(p,'w'),indent=2); open(p,'a').write('\n')
def variant(path, suffix, edit):
    c=copy.deepcopy(pin(path))
    c['name']=c['name']+suffix; c['ruleSetVersion']=V
    c['referral']['referralId']=c['referral']['referralId']+'-1-1-0'
    edit(c)
    save(os.path.dirname(path), c)

# 1. existing cases whose 1.1.0 decision differs, each for a stated reason
def add_screen(ids, missing=None):
    def f(c):
        c['expected']['incompleteScreens']=c['expected']['incompleteScreens']+ids
        if missing: c['expected'].setdefault('missing',{}).update(missing)
        c['rationale']+=' 1.1.0: '+', '.join(ids)+' also applies: the criterion is partly met with items not recorded (a generated partly-met screen), which must be asked.'
    return f
variant('red-flags/compartment-passive-stretch-not-recorded.json','-1-1-0',add_screen(['SCR-PM-COMP-001'],{'SCR-PM-COMP-001':['/findings/PAIN_ON_PASSIVE_STRETCH']}))
variant('red-flags/injury-suspected-scaphoid-fracture.json','-1-1-0',add_screen(['SCR-PM-FRAC-002']))
variant('red-flags/myelopathy-upper-motor-neuron-signs.json','-1-1-0',add_screen(['SCR-PM-MYEL-001'],{'SCR-PM-MYEL-001':['/findings/RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT']}))
variant('priority-routing/route-rf-suspected-scaphoid-fracture-beats-injury-rehabilitation.json','-1-1-0',add_screen(['SCR-PM-FRAC-002']))
def intact(c):
    c['referral']['findings'].update({'UPPER_MOTOR_NEURON_SIGNS':'ABSENT','RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT':'ABSENT'})
    c['description']+=' Every neurological deficit in the criterion recorded absent.'
    c['rationale']+=' 1.1.0: with every deficit of RF-FRAC-002 recorded absent, its partly-met screen does not apply either.'
variant('red-flags/fracture-suspected-ankle-fracture-neurology-intact.json','-1-1-0',intact)
def neuro(c):
    c['expected']['redFlags']=c['expected']['redFlags']+['RF-NEURO-001']
    c['rationale']+=' 1.1.0: a rapidly progressive deficit is an emergency whatever the region (RF-NEURO-001), so it is flagged too; the route stays with the emergency department.'
variant('red-flags/fracture-suspected-neck-fracture-rapidly-progressive-deficit.json','-1-1-0',neuro)
def septic(c):
    c['rule']='RF-SEPTIC-003'; c['kind']='positive'
    c['expected']={'escalation':'URGENT','redFlags':['RF-SEPTIC-003'],'incompleteScreens':[],
        'route':{'route':'RED_FLAG_PATHWAY','destination':'RHEUMATOLOGY','reasons':['RT-RF-001']}}
    c['rationale']='BSR/BOA 2006: a short history is typical of septic arthritis, not required; NICE NG100: a swollen joint is suspected persistent synovitis. 1.1.0 no longer clears a hot swollen joint with a 15-day history (1.0.0 did, with no flag): RF-SEPTIC-003, URGENT, same- or next-working-day assessment and rheumatology.'
variant('red-flags/septic-hot-knee-15-days.json','-1-1-0',septic)

# 2. new 1.1.0 cases, from a fully answered, low-risk, non-priority base
def base(name, desc, rule, kind, rationale, regions, age=40, sex='FEMALE', present=(), notrec=(), onsets=None, extra=None):
    f={x:'ABSENT' for x in ALL}
    for x in present: f[x]='PRESENT'
    for x in notrec: del f[x]
    for x,o in (onsets or {}).items(): f[x]={'status':'PRESENT','onset':o}
    r={'referralId':'GC-'+name.upper(),'ageYears':age,'sex':sex,'referralDate':'2026-12-18','symptomOnset':'2026-11-20',
       'regions':regions,'painScore':3,'riskStratification':{'tool':'STARTMSK','category':'LOW'},'findings':f}
    if extra: r.update(extra)
    return {'name':name,'description':desc,'rule':rule,'kind':kind,'rationale':rationale,'asOf':'2026-12-21','ruleSetVersion':V,'referral':r}
NONE={'category':'NON_PRIORITY','derived':'NON_PRIORITY','reasons':[],'thresholdDays':84,'screenIncomplete':False}
def exp(esc='NONE', flags=(), screens=(), route=None, missing=None, dest=None, reasons=(), specialty=None):
    e={'escalation':esc,'redFlags':list(flags),'incompleteScreens':list(screens)}
    if missing: e['missing']=missing
    if route: e['route']={'route':route,'reasons':list(reasons)}
    if dest: e['route']['destination']=dest
    return e
S='safety-net'
cases=[]
c=base('sn-base-fully-answered-low-risk-knee','Woman aged 40 with knee pain, low stratified risk, every finding asked and denied.','RT-SELF-001','positive',
 'The control for the safety-net cases: fully answered, low risk, not a priority patient, nothing serious: supported self-management (NICE NG59 and QS155), as in 1.0.0. Each case below changes one or two findings.',['KNEE'])
c['expected']=exp(route='SUPPORTED_SELF_MANAGEMENT',reasons=['RT-SELF-001']); cases.append(c)
c=base('sn-cancer-saddle-numbness-knee-pain','Woman aged 40 with knee pain and past breast cancer who reports saddle numbness; everything else denied.','RF-MSCC-001','positive',
 'NICE NG234 and clinical reference principle 7: saddle numbness is a neurological symptom of cord or cauda equina compression; with current or past cancer it is metastatic cord compression, an emergency (contact the MSCC coordinator immediately). 1.0.0 left saddle numbness out of the MSCC neurology list. No back or leg pain, so not cauda equina by RF-CES-001.',['KNEE'],present=['CANCER_HISTORY','SADDLE_ANAESTHESIA'])
c['expected']=exp('EMERGENCY',['RF-MSCC-001'],route='RED_FLAG_PATHWAY',dest='ACUTE_ONCOLOGY_MSCC_COORDINATOR',reasons=['RT-RF-001']); cases.append(c)
c=base('sn-cancer-saddle-numbness-low-back-pain','Woman aged 40 with low back pain and past breast cancer who reports new saddle numbness; everything else denied.','RF-MSCC-001','positive',
 'Both apply and both are reported: metastatic cord compression (NICE NG234, emergency) and cauda equina syndrome (GIRFT 2023, emergency: back pain with new saddle numbness), with spinal malignancy (cancer and spinal pain). The route follows the most time-critical destination, the emergency department; the MSCC flag tells the team to contact the MSCC coordinator.',['LUMBAR_SPINE'],present=['CANCER_HISTORY','SADDLE_ANAESTHESIA'])
c['expected']=exp('EMERGENCY',['RF-MSCC-001','RF-CES-001','RF-MAL-001'],route='RED_FLAG_PATHWAY',dest='EMERGENCY_DEPARTMENT',reasons=['RT-RF-001']); cases.append(c)
c=base('sn-cancer-sexual-dysfunction-shoulder-pain-near-miss-cancer-absent','Man aged 40 with shoulder pain and new sexual dysfunction; cancer denied.','RF-MSCC-001','near-miss',
 'Without a cancer history MSCC does not apply (NICE NG234). Sexual dysfunction is a cauda equina symptom, but without back or leg pain RF-CES-001 does not apply either: it is a serious finding outside every criterion (SN-CES-001), so a clinician (the practice FCP) sees the patient, never self-management.',['SHOULDER'],sex='MALE',present=['SEXUAL_DYSFUNCTION'])
c['expected']=exp(route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('sn-rapidly-progressive-deficit-low-back-pain','Woman aged 40 with low back pain and a rapidly progressive neurological deficit; no myelopathic signs, everything else denied.','RF-NEURO-001','positive',
 'Clinical reference principle 6 and the MYELOPATHY row; Finucane 2020: a rapidly progressive neurological deficit is an emergency whatever the region. 1.0.0 flagged it only with myelopathic signs (RF-MYEL-001) or cancer, and sent this patient to self-management.',['LUMBAR_SPINE'],present=['RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT'])
c['expected']=exp('EMERGENCY',['RF-NEURO-001'],route='RED_FLAG_PATHWAY',dest='EMERGENCY_DEPARTMENT',reasons=['RT-RF-001']); cases.append(c)
c=base('sn-rapidly-progressive-deficit-with-myelopathic-signs-near-miss','Woman aged 40 with neck pain, hand clumsiness and a rapidly progressive deficit; everything else denied.','RF-NEURO-001','near-miss',
 'With myelopathic signs the rapidly progressive deficit is cervical myelopathy, an emergency for the on-call spinal team (RF-MYEL-001, with RF-MYEL-002 for the established sign); RF-NEURO-001 covers the deficit without those signs, so it does not fire here.',['CERVICAL_SPINE'],present=['RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT','HAND_CLUMSINESS'])
c['expected']=exp('EMERGENCY',['RF-MYEL-001','RF-MYEL-002'],route='RED_FLAG_PATHWAY',dest='SPINAL_SURGERY',reasons=['RT-RF-001']); cases.append(c)
c=base('sn-bladder-and-saddle-symptoms-thigh-pain','Woman aged 40 with thigh pain, new bladder disturbance and saddle numbness; leg pain not separately recorded as present.','RF-CES-001','positive',
 'GIRFT 2023: "back and/or leg pain" with bladder disturbance or saddle numbness is suspected cauda equina syndrome, an emergency; clinical reference principle 7: pain in the hip or thigh is leg pain. 1.0.0 counted only a back region or the leg-pain findings, and sent this patient to self-management.',['HIP_OR_THIGH'],present=['BLADDER_OR_BOWEL_DISTURBANCE','SADDLE_ANAESTHESIA'])
c['expected']=exp('EMERGENCY',['RF-CES-001'],route='RED_FLAG_PATHWAY',dest='EMERGENCY_DEPARTMENT',reasons=['RT-RF-001']); cases.append(c)
c=base('sn-bladder-disturbance-knee-pain-near-miss','Woman aged 40 with knee pain and bladder disturbance; leg, radicular and buttock pain denied.','RF-CES-001','near-miss',
 'The knee alone is joint pain, not the back or leg pain of the CES criterion (the clinical reference lists hip, thigh, buttock, lower leg and foot), so RF-CES-001 does not fire; the bladder disturbance is still a serious finding (SN-CES-001): the FCP sees the patient, never self-management.',['KNEE'],present=['BLADDER_OR_BOWEL_DISTURBANCE'])
c['expected']=exp(route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('sn-hot-swollen-knee-15-days-fully-answered','Woman aged 40 with a hot, swollen, tender knee for 15 days; everything else denied.','RF-SEPTIC-003','positive',
 'BSR/BOA 2006: the septic window is typically two weeks, not a hard limit; NICE NG100: the joint is a suspected persistent synovitis. 1.0.0 cleared it and self-managed the patient; 1.1.0 flags it URGENT (RF-SEPTIC-003).',['KNEE'],onsets={'HOT_SWOLLEN_JOINT':'2026-12-03'})
c['expected']=exp('URGENT',['RF-SEPTIC-003'],route='RED_FLAG_PATHWAY',dest='RHEUMATOLOGY',reasons=['RT-RF-001']); cases.append(c)
c=base('sn-hot-swollen-knee-14-days-near-miss','Woman aged 40 with a hot, swollen, tender knee for 14 days; everything else denied.','RF-SEPTIC-003','near-miss',
 'A 14-day history is within septicArthritisMaxHistoryDays (14): septic arthritis, an emergency (RF-SEPTIC-001), not the longer-history flag.',['KNEE'],onsets={'HOT_SWOLLEN_JOINT':'2026-12-04'})
c['expected']=exp('EMERGENCY',['RF-SEPTIC-001'],route='RED_FLAG_PATHWAY',dest='ORTHOPAEDICS',reasons=['RT-RF-001']); cases.append(c)
c=base('sn-fever-unwell-knee-pain','Woman aged 40 with knee pain who has a fever and is systemically unwell; no hot joint, everything else denied.','SN-INF-001','positive',
 'Clinical reference principle 6: fever with an unwell patient is never self-managed. The spinal infection criterion (RF-INF-001) needs spinal pain and GCA needs age over 50, so no red flag applies; the serious finding sends the patient to the practice FCP (RT-SN-001). 1.0.0 self-managed this patient.',['KNEE'],present=['FEVER','SYSTEMICALLY_UNWELL'])
c['expected']=exp(route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('sn-fever-unwell-knee-pain-no-fcp-access','As sn-fever-unwell-knee-pain, in a practice without FCP access.','RT-SN-002','positive',
 'Without FCP access the clinician is community MSK triage (NHS England PR2022, actions for primary care 4): RT-SN-002.',['KNEE'],present=['FEVER','SYSTEMICALLY_UNWELL'])
c['profile']={'name':'Practice without FCP access','fcpAccess':False}
c['expected']=exp(route='COMMUNITY_MSK_TRIAGE',reasons=['RT-SN-002']); cases.append(c)
c=base('sn-fever-unwell-back-pain-near-miss','Woman aged 40 with low back pain who has a fever and is systemically unwell.','SN-INF-001','near-miss',
 'With spinal pain the criterion is met: spinal infection, an emergency (RF-INF-001). A red flag applies, so the safety net does not.',['LUMBAR_SPINE'],present=['FEVER','SYSTEMICALLY_UNWELL'])
c['expected']=exp('EMERGENCY',['RF-INF-001'],route='RED_FLAG_PATHWAY',dest='EMERGENCY_DEPARTMENT',reasons=['RT-RF-001']); cases.append(c)
c=base('sn-major-trauma-knee-pain','Man aged 40 with knee pain after major trauma (a road traffic collision); no suspected fracture, everything else denied.','SN-TRAUMA-001','positive',
 'NHS England 2020 and clinical reference principle 6: major trauma needs a clinician whatever the region; RF-FRAC-001 needs spinal pain. 1.0.0 self-managed this patient.',['KNEE'],sex='MALE',present=['MAJOR_TRAUMA'])
c['expected']=exp(route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('sn-limb-weakness-shoulder-pain','Woman aged 40 with shoulder pain and arm weakness; cancer and everything else denied.','SN-NEURO-001','positive',
 'A neurological deficit is a warning sign (Finucane 2020; NG234); without cancer, a fracture or myelopathic signs no red flag applies, so the FCP examines the patient (RT-SN-001).',['SHOULDER'],present=['LIMB_WEAKNESS'])
c['expected']=exp(route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('sn-unexplained-bone-pain-adult','Woman aged 40 with unexplained bone pain in the lower leg; everything else denied.','SN-BONE-001','positive',
 'NICE NG12: unexplained bone pain may be a bone tumour; RF-BONE-001 covers children and young people (up to 24), so at 40 no red flag applies and the FCP assesses the patient.',['LOWER_LEG'],present=['UNEXPLAINED_BONE_PAIN'])
c['expected']=exp(route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('sn-visual-symptoms-age-45','Woman aged 45 with shoulder pain and new visual symptoms; everything else denied.','SN-GCA-001','positive',
 'BSR 2020: visual symptoms are an ischaemic warning sign; the GCA criteria need age over 50, so no red flag applies and the FCP assesses the patient the same day.',['SHOULDER'],age=45,present=['VISUAL_SYMPTOMS'])
c['expected']=exp(route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('sn-collapse-knee-pain','Man aged 70 with knee pain who collapsed; abdominal pain denied.','SN-AAA-001','positive',
 'NICE NG156: collapse with abdominal or back pain is a suspected ruptured aneurysm; without that pain RF-AAA-001 does not apply, but collapse is never explained by knee pain: the FCP assesses the patient.',['KNEE'],age=70,sex='MALE',present=['COLLAPSE_OR_LOSS_OF_CONSCIOUSNESS'])
c['expected']=exp(route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('sn-pain-out-of-proportion-no-injury','Woman aged 40 with lower leg pain out of proportion; no fracture, crush or cast, everything else denied.','SN-COMP-001','positive',
 'BOAST 10: pain out of proportion is the earliest sign of compartment syndrome; RF-COMP-001 needs a fracture, crush or cast and pain on passive stretch, so the FCP examines the limb.',['LOWER_LEG'],present=['PAIN_OUT_OF_PROPORTION'])
c['expected']=exp(route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
# partly met criteria
c=base('pm-collapse-hip-pain-abdominal-pain-not-recorded','Man aged 70 with hip pain who collapsed; abdominal pain not asked, everything else denied.','SCR-PM-AAA-001','positive',
 'NICE NG156: collapse with new abdominal pain is a suspected ruptured aneurysm. Abdominal pain is not recorded, so the criterion is met except for it: an incomplete screen naming /findings/ABDOMINAL_PAIN (1.1.0). Collapse is also a serious finding, so the FCP sees the patient now (RT-SN-001).',['HIP_OR_THIGH'],age=70,sex='MALE',present=['COLLAPSE_OR_LOSS_OF_CONSCIOUSNESS'],notrec=['ABDOMINAL_PAIN'])
c['expected']=exp(screens=['SCR-PM-AAA-001'],missing={'SCR-PM-AAA-001':['/findings/ABDOMINAL_PAIN']},route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('pm-bilateral-leg-deficit-leg-pain-not-recorded','Woman aged 40 with knee pain and a bilateral leg neurological deficit; leg, radicular and buttock pain not asked.','SCR-PM-CES-001','positive',
 'GIRFT 2023: a bilateral leg deficit with back or leg pain is suspected cauda equina syndrome. Whether there is leg pain is not recorded: the criterion is met except for those items, an incomplete screen naming them. The deficit is a serious finding: the FCP sees the patient (RT-SN-001).',['KNEE'],present=['BILATERAL_LEG_NEUROLOGICAL_DEFICIT'],notrec=['LEG_PAIN','RADICULAR_PAIN','BUTTOCK_PAIN'])
c['expected']=exp(screens=['SCR-PM-CES-001'],missing={'SCR-PM-CES-001':['/findings/LEG_PAIN','/findings/RADICULAR_PAIN','/findings/BUTTOCK_PAIN']},route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('pm-minor-fall-steroids-not-recorded','Woman aged 50 with low back pain after a fall from standing height; long-term steroid use not asked, other osteoporosis risks denied.','SCR-PM-FRAC-003','positive',
 'NHSE 2020: thoracolumbar pain after minor trauma with an osteoporosis risk is a suspected fragility fracture. At 50 she is below fragilityFractureAgeFemale (65), the other risks are denied and steroid use is not recorded: the criterion is met except for it, an incomplete screen naming it. Minor trauma is not a serious finding on its own, so the route is the default FCP (RT-FCP-001) instead of self-management.',['LUMBAR_SPINE'],age=50,present=['MINOR_TRAUMA'],notrec=['LONG_TERM_CORTICOSTEROIDS'])
c['expected']=exp(screens=['SCR-PM-FRAC-003'],missing={'SCR-PM-FRAC-003':['/findings/LONG_TERM_CORTICOSTEROIDS']},route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-FCP-001']); cases.append(c)
c=base('pm-minor-fall-every-risk-denied-near-miss','Woman aged 50 with low back pain after a fall from standing height; every osteoporosis risk denied.','SCR-PM-FRAC-003','near-miss',
 'Every osteoporosis risk factor is recorded absent and she is below the age threshold: no fragility fracture flag and nothing left to ask; self-management.',['LUMBAR_SPINE'],age=50,present=['MINOR_TRAUMA'])
c['expected']=exp(route='SUPPORTED_SELF_MANAGEMENT',reasons=['RT-SELF-001']); cases.append(c)
c=base('pm-axial-spa-three-features-others-not-recorded','Woman aged 38 with low back pain since age 30, improving with movement and waking in the second half of the night; the other spondyloarthritis features not asked, HLA-B27 negative.','SCR-PM-AXSPA-001','positive',
 'NICE NG65: 4 or more features refer. Onset before 35, improvement with movement and night waking are 3; with 5 features not recorded the 4-feature criterion is met except for them: an incomplete screen naming them. Three features with a negative HLA-B27 raise no flag. Route: the default FCP, not self-management.',['LUMBAR_SPINE'],age=38,present=['IMPROVES_WITH_MOVEMENT','WAKING_SECOND_HALF_OF_NIGHT'],notrec=['BUTTOCK_PAIN','IMPROVES_WITHIN_48H_OF_NSAID','FIRST_DEGREE_RELATIVE_WITH_SPONDYLOARTHRITIS','CURRENT_OR_PAST_ENTHESITIS','CURRENT_OR_PAST_PSORIASIS'],extra={'symptomOnset':'2018-06-01'})
c['expected']=exp(screens=['SCR-PM-AXSPA-001'],missing={'SCR-PM-AXSPA-001':['/findings/BUTTOCK_PAIN','/findings/IMPROVES_WITHIN_48H_OF_NSAID','/findings/FIRST_DEGREE_RELATIVE_WITH_SPONDYLOARTHRITIS','/findings/CURRENT_OR_PAST_ENTHESITIS','/findings/CURRENT_OR_PAST_PSORIASIS']},route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-FCP-001']); cases.append(c)
c=base('pm-small-joint-pattern-synovitis-not-recorded','Woman aged 40 with hand pain affecting the small joints of both hands; whether there is synovitis not asked.','SCR-PM-IA-001','positive',
 'NICE NG100: suspected synovitis of the small joints of the hands is an urgent rheumatology referral. The small-joint pattern is present but synovitis is not recorded: met except for it, an incomplete screen naming it. SCR-SM-004 also asks it before self-management.',['FOREARM_WRIST_OR_HAND'],present=['SMALL_JOINTS_OF_HANDS_OR_FEET'],notrec=['SUSPECTED_PERSISTENT_SYNOVITIS'])
c['expected']=exp(screens=['SCR-PM-IA-001'],missing={'SCR-PM-IA-001':['/findings/SUSPECTED_PERSISTENT_SYNOVITIS']},route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-FCP-001']); cases.append(c)
c=base('pm-weight-loss-night-pain-not-recorded','Woman aged 40 with low back pain and unexplained weight loss; night pain and improvement after a month not asked.','SCR-PM-MAL-002','positive',
 'Cochrane CD008686, Finucane 2020: two malignancy features with spinal pain (malignancyMinimumFeatures 2). Weight loss is one; at 40 age is not; night pain and no improvement are not recorded, so the criterion is met except for them: an incomplete screen naming them.',['LUMBAR_SPINE'],present=['UNEXPLAINED_WEIGHT_LOSS'],notrec=['NIGHT_PAIN','NO_IMPROVEMENT_AFTER_ONE_MONTH'])
c['expected']=exp(screens=['SCR-PM-MAL-002','SCR-SM-001'],missing={'SCR-PM-MAL-002':['/findings/NO_IMPROVEMENT_AFTER_ONE_MONTH','/findings/NIGHT_PAIN']},route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-FCP-001']); cases.append(c)
c=base('pm-weight-loss-other-features-denied-near-miss','Woman aged 40 with low back pain and unexplained weight loss; night pain and no improvement denied.','SCR-PM-MAL-002','near-miss',
 'One feature of the two needed, the others recorded absent and age below malignancyAgeYears: nothing left to ask and no flag. Weight loss is a combination feature, not a serious finding on its own: self-management, with its safety net.',['LUMBAR_SPINE'],present=['UNEXPLAINED_WEIGHT_LOSS'])
c['expected']=exp(route='SUPPORTED_SELF_MANAGEMENT',reasons=['RT-SELF-001']); cases.append(c)
c=base('pm-limb-weakness-cancer-not-recorded','Woman aged 40 with shoulder pain and arm weakness; cancer history not asked.','SCR-PM-MSCC-001','positive',
 'NICE NG234: cancer with a neurological symptom is MSCC, an emergency. Weakness is present and cancer history is not recorded: met except for it, an incomplete screen naming it; the weakness sends the patient to the FCP (SN-NEURO-001).',['SHOULDER'],present=['LIMB_WEAKNESS'],notrec=['CANCER_HISTORY'])
c['expected']=exp(screens=['SCR-PM-MSCC-001'],missing={'SCR-PM-MSCC-001':['/findings/CANCER_HISTORY']},route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('pm-hand-clumsiness-two-signs-needed','Woman aged 40 with neck pain and hand clumsiness; gait and upper motor neuron signs not examined; the service needs two myelopathic signs.','SCR-PM-MYEL-002','positive',
 'With myelopathyMinimumSigns 2 (a local choice) one sign is not enough, and the two not examined could make it two: an incomplete screen naming them. Hand clumsiness is a serious finding (SN-NEURO-001): FCP.',['CERVICAL_SPINE'],present=['HAND_CLUMSINESS'],notrec=['UNSTEADY_GAIT','UPPER_MOTOR_NEURON_SIGNS'])
c['parameters']={'myelopathyMinimumSigns':2}
c['expected']=exp(screens=['SCR-PM-MYEL-002','SCR-SM-003'],missing={'SCR-PM-MYEL-002':['/findings/UNSTEADY_GAIT','/findings/UPPER_MOTOR_NEURON_SIGNS']},route='FIRST_CONTACT_PRACTITIONER',reasons=['RT-SN-001']); cases.append(c)
c=base('pm-hand-clumsiness-one-sign-enough-near-miss','Woman aged 40 with neck pain and hand clumsiness; gait and upper motor neuron signs not examined; national default of one sign.','SCR-PM-MYEL-002','near-miss',
 'With the default myelopathyMinimumSigns 1 the criterion is met (RF-MYEL-002, urgent spinal referral): there is nothing partly met to screen.',['CERVICAL_SPINE'],present=['HAND_CLUMSINESS'],notrec=['UNSTEADY_GAIT','UPPER_MOTOR_NEURON_SIGNS'])
c['expected']=exp('URGENT',['RF-MYEL-002'],['SCR-PM-MYEL-001'],route='RED_FLAG_PATHWAY',dest='SPINAL_SURGERY',reasons=['RT-RF-001']); cases.append(c)
for c in cases: save(S,c)
print(len(cases))
