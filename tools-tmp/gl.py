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
