"""Words a question uses for the things a record names differently.

Lay and clinical synonyms map to the names FHIR records use (LOINC, SNOMED,
CVX, RxNorm displays); type words say which resource type a question is
about; generic words never identify a test or diagnosis on their own. These
lists are general clinical vocabulary, not a copy of any record's names;
abbreviations of LOINC-coded labs also come from the catalogue in
``carepath.tools.sources.loinc``.
"""

from __future__ import annotations

import re

from carepath.knowledge.lay_terms import lexicon as cited

_NSAIDS = ("ibuprofen", "naproxen", "diclofenac", "meloxicam", "celecoxib", "indometacin", "indomethacin",
           "ketorolac", "etoricoxib", "piroxicam", "nabumetone")
_STATINS = ("simvastatin", "simvistatin", "atorvastatin", "rosuvastatin", "pravastatin", "lovastatin",
            "fluvastatin", "pitavastatin")
_LIPID_DRUGS = (*_STATINS, "ezetimibe")
_CARDIAC = ("cardiac", "heart", "myocardial", "coronary")
# diseases of the lower airways and lungs (ICD-10 J20-J99: not a cold, sinusitis or a sore throat)
_RESPIRATORY = ("respiratory", "lung", "pulmonary", "bronchitis", "asthma", "pneumonia", "emphysema",
                "bronchiectasis", "chronic obstructive")
_ANALGESICS = ("acetaminophen", "paracetamol", "analgesic", *_NSAIDS, "codeine", "tramadol", "oxycodone",
               "hydrocodone", "morphine")

# antibacterials for systemic use (WHO ATC J01, https://atcddd.fhi.no/atc_ddd_index/?code=J01): the
# members a primary-care or hospital record most often prints, so "any abx?" meets "Amoxicillin 250 MG"
_ANTIBIOTICS = ("amoxicillin", "ampicillin", "penicillin", "clavulanate", "flucloxacillin", "dicloxacillin",
                "cephalexin", "cefalexin", "cefuroxime", "ceftriaxone", "cefdinir", "cefazolin", "azithromycin",
                "clarithromycin", "erythromycin", "doxycycline", "minocycline", "ciprofloxacin", "levofloxacin",
                "moxifloxacin", "nitrofurantoin", "trimethoprim", "sulfamethoxazole", "clindamycin",
                "metronidazole", "vancomycin", "gentamicin", "piperacillin", "meropenem", "linezolid")

# diuretics (WHO ATC C03, https://atcddd.fhi.no/atc_ddd_index/?code=C03) and drugs for obstructive
# airway diseases (R03, ?code=R03; the "blue" reliever: R03AC selective beta-2-agonists), so "water
# tablets" or "the blue inhaler" meets the RxNorm display a record prints, or is "not in this record"
_DIURETICS = ("diuretic", "furosemide", "frusemide", "bumetanide", "torsemide", "hydrochlorothiazide",
              "chlorthalidone", "chlortalidone", "indapamide", "bendroflumethiazide", "metolazone", "spironolactone",
              "eplerenone", "amiloride", "triamterene")
_RELIEVERS = ("salbutamol", "albuterol", "terbutaline", "levalbuterol")
_INHALED = (*_RELIEVERS, "ipratropium", "tiotropium", "salmeterol", "formoterol", "vilanterol", "fluticasone",
            "budesonide", "beclometasone", "beclomethasone", "mometasone", "ciclesonide", "umeclidinium", "inhaler")

_DENTAL = ("dental caries", "tooth", "teeth", "periodontal", "gingivitis", "gingival", "dental filling",
           "tooth extraction")

# the tests that screen for bowel cancer
_CRC_SCREENING = ("colonoscopy", "sigmoidoscopy", "fecal occult blood")

# phrase in a question -> phrases a record may use for it (added, never replacing)
SYNONYMS: dict[str, tuple[str, ...]] = {
    # labs
    "a1c": ("hemoglobin a1c",), "a one c": ("hemoglobin a1c",), "hba1c": ("hemoglobin a1c",), "glycated hemoglobin": ("hemoglobin a1c",),
    "average blood sugar": ("hemoglobin a1c",),
    "sugar": ("glucose",), "glycemia": ("glucose",), "glycaemia": ("glucose",), "blood sugar": ("glucose",), "fasting glucose": ("glucose",), "bg": ("glucose",),
    "bad cholesterol": ("low density lipoprotein cholesterol",), "ldl": ("low density lipoprotein cholesterol",),
    "ldl c": ("low density lipoprotein cholesterol",),
    "good cholesterol": ("high density lipoprotein cholesterol",), "hdl": ("high density lipoprotein cholesterol",),
    "hdl c": ("high density lipoprotein cholesterol",),
    "cholesterol": ("total cholesterol", "hyperlipidemia"), "tg": ("triglycerides",), "trigs": ("triglycerides",),
    "hgb": ("hemoglobin",), "hb": ("hemoglobin",), "haemoglobin": ("hemoglobin",),
    "hct": ("hematocrit",), "haematocrit": ("hematocrit",),
    # the tests as they are explained to patients (NHS, MedlinePlus): "platelets help your blood clot",
    # the haematocrit is "the proportion of your blood made up of red blood cells"
    **{k: ("platelets",) for k in ("cells that stop bleeding", "cells that help clotting", "cells that help the blood clot",
                                   "clotting cells", "cells for clotting", "cells that clot")},
    **{k: ("hematocrit",) for k in ("blood is made up of red cells", "blood is made up of red blood cells",
                                    "proportion of red cells", "proportion of red blood cells", "percentage of red cells",
                                    "percentage of red blood cells", "red cell percentage", "packed cell volume")},
    "wbc": ("leukocytes",), "white blood cell": ("leukocytes",), "white cell": ("leukocytes",),
    "white count": ("leukocytes",), "rbc": ("erythrocytes",), "red blood cell": ("erythrocytes",),
    "red cell": ("erythrocytes",), "plt": ("platelets",), "platelet": ("platelets",),
    "rdw": ("erythrocyte distribution width",), "mpv": ("platelet mean volume",), "mcv": ("mcv",),
    "egfr": ("glomerular filtration rate",), "gfr": ("glomerular filtration rate",),
    "kidney filtration": ("glomerular filtration rate",),
    # "how well his kidneys filter", "how well her kidneys are filtering": the filtration rate
    "kidneys filter": ("glomerular filtration rate",), "kidneys filtering": ("glomerular filtration rate",),
    "kidneys filtered": ("glomerular filtration rate",), "kidney filtering": ("glomerular filtration rate",),
    # a growth taken out of the bowel is how patients name a polyp (NHS, "Bowel polyps": "small growths on the
    # inner lining of the large intestine")
    "growth": ("polyp",), "growths": ("polyp",),
    "colonic": ("colon",), "rectal": ("rectum",),  # the adjective of the organ a record names by its noun
    "bun": ("urea nitrogen",), "urea": ("urea nitrogen",),
    # "azotemia" is the blood-urea test's name in Italian, Spanish and Portuguese lab reports ("azotemia 45 mg/dL")
    "azotemia": ("urea nitrogen",), "azotaemia": ("urea nitrogen",), "na": ("sodium",), "k": ("potassium",),
    "cl": ("chloride",), "bicarbonate": ("carbon dioxide",), "bicarb": ("carbon dioxide",),
    "hco3": ("carbon dioxide",), "co2": ("carbon dioxide",), "ca": ("calcium",), "cr": ("creatinine",),
    "creat": ("creatinine",), "alt": ("alanine aminotransferase",), "sgpt": ("alanine aminotransferase",),
    "ast": ("aspartate aminotransferase",), "sgot": ("aspartate aminotransferase",),
    "alk phos": ("alkaline phosphatase",), "alp": ("alkaline phosphatase",),
    "bili": ("bilirubin",), "tbili": ("bilirubin total",), "alb": ("albumin",),
    "tbil": ("bilirubin total",),  # "TBil" ("t bil" would make "bil" a word: "billed" read as "bil")
    "tsh": ("thyrotropin",), "psa": ("prostate specific antigen",), "inr": ("inr", "coagulation"),
    "vitamin d": ("25 hydroxyvitamin d",), "occult blood": ("hemoglobin gastrointestinal", "fecal occult blood"),
    "fobt": ("fecal occult blood",),
    # a stool sample in plain words ("the test where they check my poo for blood")
    "poo": ("fecal",), "poop": ("fecal",), "stool": ("fecal",), "stools": ("fecal",), "faeces": ("fecal",),
    "feces": ("fecal",), "faecal": ("fecal",), "bowel motion": ("fecal",), "fit test": ("hemoglobin gastrointestinal",),
    "t score": ("dxa",), "bone density": ("dxa", "bone density"), "dexa": ("dxa", "bone density scan"),
    "dxa": ("dxa", "bone density scan"), "absorptiometry": ("dxa", "bone density scan"),
    # NHS: a bone density scan "checks for thinning of the bones" (osteoporosis); said so by patients
    "bone thinning": ("dxa", "bone density scan"), "thinning of the bones": ("dxa", "bone density scan"),
    "bones checked": ("dxa", "bone density scan"), "bone strength": ("dxa", "bone density scan"),
    # vitals and social history
    "weight": ("body weight",), "weigh": ("body weight",), "weighed": ("body weight",), "wt": ("body weight",),
    "heavy": ("body weight",), "heavier": ("body weight",), "heaviest": ("body weight",),
    "lightest": ("body weight",), "lighter": ("body weight",), "tallest": ("body height",), "taller": ("body height",),
    # "how big was the polyp they measured": its measured size
    "how big": ("size",), "how large": ("size",),
    "height": ("body height",), "tall": ("body height",), "ht": ("body height",), "bmi": ("body mass index",),
    "blood pressure": ("blood pressure",), "bp": ("blood pressure",),
    "systolic": ("systolic blood pressure",), "sbp": ("systolic blood pressure",),
    "top number": ("systolic blood pressure",), "upper number": ("systolic blood pressure",),
    # a learner's "the number of above / of below" (word for word from "el número de arriba / de abajo")
    "number of above": ("systolic blood pressure",), "number above": ("systolic blood pressure",),
    "number of below": ("diastolic blood pressure",), "number below": ("diastolic blood pressure",),
    # the long-term sugar test: "the sugar test that looks back three months", "average sugar"
    "average sugar": ("a1c",), "average blood sugar": ("a1c",), "three month sugar": ("a1c",),
    "3 month sugar": ("a1c",), "long term sugar": ("a1c",), "sugar diabetes": ("diabetes",),
    "diastolic": ("diastolic blood pressure",), "dbp": ("diastolic blood pressure",),
    "bottom number": ("diastolic blood pressure",), "lower number": ("diastolic blood pressure",),
    "small number": ("diastolic blood pressure",), "smaller number": ("diastolic blood pressure",),
    "little number": ("diastolic blood pressure",), "big number": ("systolic blood pressure",),
    "bigger number": ("systolic blood pressure",),
    "pulse": ("heart rate",), "hr": ("heart rate",), "temp": ("body temperature",),
    "pain": ("pain severity",), "pain score": ("pain severity",), "rate my pain": ("pain severity",),
    "smoke": ("tobacco smoking status",), "smoker": ("tobacco smoking status",),
    "smoking": ("tobacco smoking status",), "tobacco": ("tobacco smoking status",),
    "cigarettes": ("tobacco smoking status",), "smoked": ("tobacco smoking status",),
    "smokes": ("tobacco smoking status",), "cigarette": ("tobacco smoking status",),
    # organ function in plain words -> the tests that measure it
    "kidney function": ("glomerular filtration rate", "creatinine"),
    "renal function": ("glomerular filtration rate", "creatinine"),
    "kidney test": ("glomerular filtration rate", "creatinine"),
    "kidney blood test": ("glomerular filtration rate", "creatinine"),
    # "how are my kidneys doing", "kidney numbers", "kidney bloods": how the kidneys work, not a kidney disease
    "kidneys doing": ("glomerular filtration rate", "creatinine"), "kidneys working": ("glomerular filtration rate", "creatinine"),
    "kidney number": ("glomerular filtration rate", "creatinine"),
    "kidney blood": ("glomerular filtration rate", "creatinine"), "renal profile": ("glomerular filtration rate", "creatinine"),
    # urea and electrolytes ("U&Es", "U and E"): the renal panel's urea, sodium, potassium, creatinine
    "u e": ("urea nitrogen", "sodium", "potassium", "creatinine"), "u es": ("urea nitrogen", "sodium", "potassium", "creatinine"),
    "u and e": ("urea nitrogen", "sodium", "potassium", "creatinine"),
    "u and es": ("urea nitrogen", "sodium", "potassium", "creatinine"),
    "electrolytes": ("sodium", "potassium", "chloride", "carbon dioxide"), "lytes": ("sodium", "potassium", "chloride", "carbon dioxide"),
    "liver function": ("alanine aminotransferase", "aspartate aminotransferase", "alkaline phosphatase", "bilirubin"),
    "liver test": ("alanine aminotransferase", "aspartate aminotransferase", "alkaline phosphatase", "bilirubin"),
    "lft": ("alanine aminotransferase", "aspartate aminotransferase", "alkaline phosphatase", "bilirubin"),
    # diagnoses
    "heart stop": ("cardiac arrest",), "heart stopped": ("cardiac arrest",), "heart stopping": ("cardiac arrest",),
    "heart stops": ("cardiac arrest",),
    "cardiac arrest": ("cardiac arrest",), "collarbone": ("clavicle",), "collar bone": ("clavicle",),
    "broke": ("fracture",), "break": ("fracture",), "broken": ("fracture",),
    "shoulder": ("rotator cuff", "shoulder"), "high cholesterol": ("hyperlipidemia",), "cholesterol high": ("hyperlipidemia",),
    "cholesterol too high": ("hyperlipidemia",), "blood pressure high": ("hypertension",),
    # "fat in the blood too high", "is the fat in his blood high" (MedlinePlus: hyperlipidemia is high levels of fats
    # in the blood)
    **{f"{fat} in {whose} blood": ("hyperlipidemia",) for fat in ("fat", "fats")
       for whose in ("the", "his", "her", "my", "their", "your")},
    "blood fat": ("hyperlipidemia",),
    "high fat": ("hyperlipidemia",), "lipid disorder": ("hyperlipidemia",),
    "hyperlipidaemia": ("hyperlipidemia",), "dyslipidemia": ("hyperlipidemia",),
    "high blood pressure": ("hypertension",), "htn": ("hypertension",), "sinus infection": ("sinusitis",),
    "hld": ("hyperlipidemia",), "hlp": ("hyperlipidemia",),  # US clinical shorthand for hyperlipidemia
    "dlp": ("hyperlipidemia",),  # dyslipidaemia, Asian and Latin American shorthand ("U/D DLP")
    # "any dental problems or dental work?": teeth and gums, a kind of thing the record may lack ("dental" alone
    # is who asks: "Before dental work:", "Dental hygienist -")
    "dental problem": _DENTAL, "dental problems": _DENTAL, "dental work": _DENTAL, "dental treatment": _DENTAL,
    "dental disease": _DENTAL, "tooth problems": _DENTAL, "teeth problems": _DENTAL,
    "chest cold": ("bronchitis",), "obese": ("obesity",), "weight problem": ("obesity",),
    "weight problems": ("obesity",), "weight issue": ("obesity",), "weight issues": ("obesity",), "anaemia": ("anemia",), "low blood": ("anemia",),
    "polyp": ("polyp",), "icd": ("implantable defibrillator",), "aicd": ("implantable defibrillator",),
    "defibrillator": ("implantable defibrillator",), "defib": ("implantable defibrillator",), "mi": ("myocardial infarction",), "t2dm": ("diabetes mellitus type 2",),
    "sugar diabetes": ("diabetes",), "sugar disease": ("diabetes",), "sugar problem": ("diabetes",),
    # a "fit" in plain words is a seizure (the FIT stool test is read only in capitals: CASED)
    "fits": ("seizure", "epilepsy"), "fitting": ("seizure", "epilepsy"), "seizures": ("seizure", "epilepsy"),
    "convulsion": ("seizure",), "convulsions": ("seizure",),
    # adjectives of a diagnosis ("is he prediabetic", "anaemic") name the diagnosis
    "prediabetic": ("prediabetes",), "pre diabetic": ("prediabetes",), "diabetic": ("diabetes",),
    # "also called borderline diabetes" (MedlinePlus, Prediabetes): the borderline words are prediabetes
    "borderline diabetic": ("prediabetes",), "borderline diabetes": ("prediabetes",),
    "borderline sugar": ("prediabetes",), "pre diabetes": ("prediabetes",),
    **{f"{w} {v} borderline": ("prediabetes",) for w in ("sugar", "sugars", "glucose") for v in ("was", "were", "is", "are")},
    "not quite diabetes": ("prediabetes",), "almost diabetic": ("prediabetes",), "nearly diabetic": ("prediabetes",),
    "not quite diabetic": ("prediabetes",), "almost diabetes": ("prediabetes",), "pre diabetic": ("prediabetes",),
    # "low on iron" is how patients are told of iron-deficiency anaemia (NHS: "iron deficiency anaemia")
    "low iron": ("anemia",), "weak blood": ("anemia",), "low on iron": ("anemia",), "iron low": ("anemia",),
    # the sinuses' trouble is sinusitis ("sinus infection", "trouble with his sinuses")
    "sinuses": ("sinusitis",), "sinus infection": ("sinusitis",), "sinus trouble": ("sinusitis",),
    "sinus problem": ("sinusitis",),
    # a "plain film" is a plain radiograph
    "film": ("x ray", "radiography"), "films": ("x ray", "radiography"),
    "anemic": ("anemia",), "anaemic": ("anemia",), "asthmatic": ("asthma",), "epileptic": ("epilepsy",),
    "hypertensive": ("hypertension",), "hyperlipidemic": ("hyperlipidemia",),
    # a lay "chest infection" is bronchitis or pneumonia
    "chest infection": ("bronchitis", "pneumonia"), "heart attack": ("myocardial infarction",),
    # a lay "heart condition" is any disease of the heart (a "heart attack" is only an infarction)
    "heart condition": _CARDIAC, "heart problem": _CARDIAC, "heart disease": _CARDIAC, "heart trouble": _CARDIAC,
    "cardiac condition": _CARDIAC, "cardiac problem": _CARDIAC, "cardiac history": _CARDIAC, "copd": ("chronic obstructive",),
    # a lay "breathing problem" or "chest trouble" is any disease of the airways or lungs
    "breathing problem": _RESPIRATORY, "breathing trouble": _RESPIRATORY, "lung problem": _RESPIRATORY,
    "lung condition": _RESPIRATORY, "lung disease": _RESPIRATORY, "chest problem": _RESPIRATORY,
    "chest trouble": _RESPIRATORY, "chest condition": _RESPIRATORY, "respiratory condition": _RESPIRATORY,
    # medications
    "statin": _STATINS,
    "simvastatin": ("simvastatin", "simvistatin"), "tylenol": ("acetaminophen",), "paracetamol": ("acetaminophen",),
    "advil": ("ibuprofen",), "motrin": ("ibuprofen",),
    # drug classes -> their members (WHO ATC index, https://atcddd.fhi.no/atc_ddd_index/: M01A
    # "anti-inflammatory and antirheumatic products, non-steroids"; C10AA "HMG CoA reductase
    # inhibitors" and C10AX09 ezetimibe; N02 "analgesics" with M01A) so "which NSAID" or
    # "cholesterol tablets" meets the RxNorm display a record prints
    "nsaid": _NSAIDS, "anti inflammatory": _NSAIDS, "antiinflammatory": _NSAIDS,
    "cholesterol tablet": _LIPID_DRUGS, "cholesterol pill": _LIPID_DRUGS, "cholesterol medicine": _LIPID_DRUGS,
    "cholesterol med": _LIPID_DRUGS, "cholesterol medication": _LIPID_DRUGS, "cholesterol drug": _LIPID_DRUGS,
    "cholesterol medication": _LIPID_DRUGS, "cholesterol drug": _LIPID_DRUGS, "cholesterol lowering": _LIPID_DRUGS,
    "analgesia": _ANALGESICS, "analgesics": _ANALGESICS, "painkiller": _ANALGESICS, "pain killer": _ANALGESICS, "pain reliever": _ANALGESICS,
    "pain medicine": _ANALGESICS, "pain medication": _ANALGESICS, "pain tablet": _ANALGESICS,
    # "was he given anything for pain?": a medicine for it, not the pain score
    "anything for pain": _ANALGESICS, "something for pain": _ANALGESICS, "anything for the pain": _ANALGESICS,
    "something for the pain": _ANALGESICS, "for his pain": _ANALGESICS, "for her pain": _ANALGESICS,
    "antibiotic": _ANTIBIOTICS, "antibiotics": _ANTIBIOTICS, "abx": _ANTIBIOTICS, "antibacterial": _ANTIBIOTICS,
    "blood thinner": ("anticoagulant", "warfarin", "apixaban"), "coumadin": ("warfarin",),
    "diuretic": _DIURETICS, "diuretics": _DIURETICS, "water tablet": _DIURETICS, "water pill": _DIURETICS,
    "fluid tablet": _DIURETICS, "fluid pill": _DIURETICS, "lasix": ("furosemide",),
    "inhaler": _INHALED, "inhalers": _INHALED, "puffer": _INHALED, "puffers": _INHALED,
    "blue inhaler": _RELIEVERS, "reliever": _RELIEVERS, "reliever inhaler": _RELIEVERS, "ventolin": _RELIEVERS,
    # immunizations
    "flu": ("influenza",), "flu shot": ("influenza",), "flu vaccine": ("influenza",),
    "tetanus": ("td", "tdap"), "lockjaw": ("td", "tdap"), "td booster": ("td",), "tdap": ("tdap",),
    "pneumonia vaccine": ("pneumococcal",), "pneumonia shot": ("pneumococcal",),
    "pcv13": ("pcv 13",), "pcv 13": ("pcv 13",), "pcv": ("pneumococcal conjugate",), "ppsv23": ("pneumococcal polysaccharide",),
    "ppsv 23": ("pneumococcal polysaccharide",), "shingles": ("zoster",), "hep b": ("hepatitis b",),
    "hep c": ("hepatitis c",), "hcv": ("hepatitis c",), "hbv": ("hepatitis b",),
    # therapies a care plan or procedure names ("Physical therapy procedure", "Respiratory therapy")
    "physio": ("physical therapy",), "physiotherapy": ("physical therapy",),
    # said in full, each word is generic ("physical", "therapy"): the whole phrase names the plan
    "physical therapy": ("physical therapy",), "physical therapist": ("physical therapy",),
    "physiotherapist": ("physical therapy",),
    "respiratory therapy": ("respiratory therapy",),
    "breathing": ("respiratory",), "chest physio": ("respiratory therapy",),
    # reports, procedures, visits, imaging
    "cbc": ("complete blood count",), "full blood count": ("complete blood count",), "fbc": ("complete blood count",),
    "blood count": ("complete blood count",),
    "cmp": ("comprehensive metabolic",), "bmp": ("basic metabolic",), "chem 7": ("basic metabolic",),
    "lipids": ("lipid panel",), "lipid profile": ("lipid panel",), "cholesterol panel": ("lipid panel",),
    "cholesterol profile": ("lipid panel",),
    "med rec": ("medication reconciliation",), "medication review": ("medication reconciliation",),
    "x ray": ("x ray", "radiography"), "xray": ("x ray", "radiography"), "radiograph": ("radiography",),
    "ed": ("emergency",), "er": ("emergency",), "emergency room": ("emergency",), "a e": ("emergency",),
    # the British casualty department ("been to casualty"); a bare "casualty" is a military medic's patient
    **{f"{w} casualty": ("emergency",) for w in ("in", "to", "at", "into", "from", "through")},
    **{f"casualty {w}": ("emergency",) for w in ("department", "visit", "attendance", "trip")},
    # "what tests did he have on his bowel" (``_BOWEL_DONE``): what is done to the colon and rectum ("a bowel
    # test" alone is one of them: "a polyp taken out during a bowel test" is the colonoscopy)
    "bowel procedure": ("colonoscopy", "occult blood", "polypectomy"),
    # "F/U visit": clinical shorthand for a follow-up, a visit only when said so ("lipid clinic f/u." opening a
    # message names the asker's clinic)
    "follow up": ("follow up",), "follow ups": ("follow up",), "followups": ("follow up",),
    **{f"f u {w}": ("follow up",) for w in ("visit", "visits", "appointment", "appt")},
    "check up": ("check up", "general examination"),
    "physical": ("general examination",), "annual exam": ("general examination",),
    # a yearly or routine examination is the record's "General examination of patient"
    "general exam": ("general examination",), "physical exam": ("general examination",),
    "annual physical": ("general examination",), "yearly physical": ("general examination",),
    # "his last yearly check-up", "her annual checkups": a check-up said to recur is the general examination
    **{f"{when} {what}": ("general examination",) for when in ("annual", "yearly", "routine", "regular")
       for what in ("check up", "check ups", "checkup", "checkups", "physicals", "exams", "examination")},
    "routine physical": ("general examination",), "annual check": ("general examination",),
    "wellness visit": ("general examination",), "well visit": ("general examination",),
    "general examination": ("general examination",), "general check": ("general examination",),
    "routine exam": ("general examination",), "gp exam": ("general examination",), "routine check": ("general examination",), "general checkup": ("general examination",),
    "full check": ("general examination",), "full checkup": ("general examination",),
    "whole body check": ("general examination",), "body check": ("general examination",),
    "check of all the body": ("general examination",), "health check": ("general examination",),
    "general health check": ("general examination",), "health checkup": ("general examination",), "check of the whole body": ("general examination",),
    "cholesterol plan": ("hyperlipidemia",),
    # screening for bowel cancer is done by colonoscopy, sigmoidoscopy or a stool test for blood
    # (USPSTF colorectal cancer screening, 2021): "was he screened for bowel cancer" finds them
    "bowel cancer screening": _CRC_SCREENING, "colon cancer screening": _CRC_SCREENING,
    "bowel cancer check": _CRC_SCREENING, "colon cancer check": _CRC_SCREENING, "bowel check": _CRC_SCREENING,
    "colorectal cancer screening": _CRC_SCREENING, "bowel screening": _CRC_SCREENING,
    "crc screening": _CRC_SCREENING,
    # phlegm is sputum (WordNet 3.0: "sputum, phlegm"); "spit test/sample" is how patients name it
    "phlegm": ("sputum",), "spit": ("sputum",), "spit test": ("sputum",), "spit sample": ("sputum",), "phlegm test": ("sputum",),
    "coughing up": ("sputum",), "coughed up": ("sputum",), "cough up": ("sputum",),  # "a sample of what I was coughing up"
    # a visit because one was unwell is the record's "Encounter for symptom" (a sick visit, not a check-up)
    **{f"{why} {was} {ill}": ("symptom",) for why in ("because", "when", "as") for was in ("i was", "he was", "she was",
       "they were", "i felt", "he felt", "she felt") for ill in ("unwell", "ill", "sick", "poorly")},
    "sick visit": ("symptom",), "sick visits": ("symptom",),
    # the scope tests as patients describe them (NHS: "a thin, flexible tube with a small camera"): see _CAMERA
    "camera lower": ("colonoscopy", "sigmoidoscopy"), "camera upper": ("endoscopy", "gastroscopy"),
}

# vaccine trade names -> the words of the record's vaccine names (CDC, "IIS: Vaccine trade names", the
# product-name-to-CVX table, https://www2a.cdc.gov/vaccines/iis/iisstandards/vaccines.asp?rpt=tradename)
VACCINE_BRANDS: dict[str, tuple[str, ...]] = {
    "prevnar": ("pneumococcal conjugate",), "vaxneuvance": ("pneumococcal conjugate",),
    "capvaxive": ("pneumococcal conjugate",), "pneumovax": ("pneumococcal polysaccharide",),
    **{b: ("influenza",) for b in ("fluzone", "flucelvax", "fluarix", "flulaval", "afluria", "fluad", "flublok",
                                   "flumist", "fluvirin")},
    "boostrix": ("tdap",), "adacel": ("tdap",), "tenivac": ("td",), "tdvax": ("td",),
    "shingrix": ("zoster",), "zostavax": ("zoster",), "gardasil": ("hpv",), "cervarix": ("hpv",),
    "engerix": ("hep b",), "recombivax": ("hep b",), "heplisav": ("hep b",), "havrix": ("hep a",),
    "vaqta": ("hep a",), "twinrix": ("hep a", "hep b"), "menactra": ("meningococcal",), "menveo": ("meningococcal",),
    "menquadfi": ("meningococcal",), "bexsero": ("meningococcal",), "trumenba": ("meningococcal",),
    "varivax": ("varicella",), "proquad": ("mmrv",), "daptacel": ("dtap",), "infanrix": ("dtap",),
    "pediarix": ("dtap",), "pentacel": ("dtap",), "ipol": ("ipv",), "rotateq": ("rotavirus",),
    "rotarix": ("rotavirus",), "pedvaxhib": ("hib",), "acthib": ("hib",), "hiberix": ("hib",),
}
# more over-the-counter pain and fever medicines by brand than the medications above (DailyMed labels:
# Panadol and Calpol are paracetamol/acetaminophen, Nurofen ibuprofen, Aleve naproxen, Ecotrin aspirin)
OTC_BRANDS: dict[str, tuple[str, ...]] = {
    "panadol": ("acetaminophen",), "calpol": ("acetaminophen",), "nurofen": ("ibuprofen",),
    "aleve": ("naproxen",), "ecotrin": ("aspirin",),
}


def _medicine_brands() -> dict[str, tuple[str, ...]]:
    """Brand -> ingredient for prescription medicines, from the one cited brand-name lexicon carepath
    ships (``carepath.knowledge.lay_terms``: RxNorm branded products and drug-information pages); the
    ingredient is the first word of its expansion ("Zocor" -> simvastatin)."""
    out: dict[str, tuple[str, ...]] = {}
    for e in cited():
        if e.kind == "brand" and " " not in e.term.strip():
            drug = e.expansion.split()[0].lower()
            out[e.term.lower()] = (drug, *SYNONYMS.get(drug, ()))  # and how records spell it ("Simvistatin")
    return out


SYNONYMS.update({**_medicine_brands(), **VACCINE_BRANDS, **OTC_BRANDS})

# words that, beside a visit word ("admitted to hospital", "inpatient stays"), say which visits: the
# answer filters the encounters by class; they stay name words ("Emergency room admission")
ADMISSION_WORDS = frozenset({"admit", "admitted", "admission", "inpatient", "overnight"})

# abbreviations read only as written in capitals: "FIT" is the faecal immunochemical test, "fit" a seizure
CASED: dict[str, tuple[str, ...]] = {"FIT": ("hemoglobin gastrointestinal",)}

# word in a question -> resource types it asks about
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "vaccine": ("Immunization",), "vaccines": ("Immunization",), "vaccination": ("Immunization",),
    "vaccinations": ("Immunization",), "vaccinated": ("Immunization",), "immunization": ("Immunization",),
    "immunizations": ("Immunization",), "shot": ("Immunization",), "shots": ("Immunization",),
    "jab": ("Immunization",), "jabs": ("Immunization",), "booster": ("Immunization",),
    # Scots "jag" is a jab ("flu jag"; NHS Inform writes it so)
    "jag": ("Immunization",), "jags": ("Immunization",),
    "immunisation": ("Immunization",), "immunisations": ("Immunization",), "injection": ("Immunization",),
    "immunised": ("Immunization",), "immunized": ("Immunization",),
    "medication": ("MedicationRequest", "MedicationStatement"), "medications": ("MedicationRequest", "MedicationStatement"),
    "medicine": ("MedicationRequest", "MedicationStatement"), "medicines": ("MedicationRequest", "MedicationStatement"),
    "meds": ("MedicationRequest", "MedicationStatement"), "med": ("MedicationRequest", "MedicationStatement"),
    "drug": ("MedicationRequest", "MedicationStatement"),
    "drugs": ("MedicationRequest", "MedicationStatement"), "prescribed": ("MedicationRequest", "MedicationStatement"),
    "prescription": ("MedicationRequest", "MedicationStatement"), "prescriptions": ("MedicationRequest", "MedicationStatement"),
    "taking": ("MedicationRequest", "MedicationStatement"), "dispensed": ("MedicationRequest", "MedicationStatement"), "rx": ("MedicationRequest", "MedicationStatement"),
    "tablet": ("MedicationRequest", "MedicationStatement"), "tablets": ("MedicationRequest", "MedicationStatement"),
    "tab": ("MedicationRequest", "MedicationStatement"), "tabs": ("MedicationRequest", "MedicationStatement"),
    # "iron supplements", "a vitamin supplement": a medicine as a patient names it
    "supplement": ("MedicationRequest", "MedicationStatement"),
    "supplements": ("MedicationRequest", "MedicationStatement"),
    "script": ("MedicationRequest", "MedicationStatement"), "scripts": ("MedicationRequest", "MedicationStatement"),
    "pill": ("MedicationRequest", "MedicationStatement"), "pills": ("MedicationRequest", "MedicationStatement"),
    "capsule": ("MedicationRequest", "MedicationStatement"), "capsules": ("MedicationRequest", "MedicationStatement"),
    "diagnosed": ("Condition",), "diagnosis": ("Condition",), "diagnoses": ("Condition",),
    "condition": ("Condition",), "conditions": ("Condition",), "problem": ("Condition",), "problems": ("Condition",),
    "disease": ("Condition",), "diseases": ("Condition",), "episode": ("Condition",), "episodes": ("Condition",),
    "comorbidities": ("Condition",), "illness": ("Condition",), "illnesses": ("Condition",),
    "sickness": ("Condition",), "sicknesses": ("Condition",), "ailment": ("Condition",), "ailments": ("Condition",),
    # "PMH", "past medical hx", "medical history", "problem list": the diagnoses on file
    # a relative's illness is the family history (FamilyMemberHistory), never the patient's own diagnosis
    "family history": ("FamilyMemberHistory",), "family hx": ("FamilyMemberHistory",), "fhx": ("FamilyMemberHistory",),
    **{f"{v} in {w} family": ("FamilyMemberHistory",) for v in ("run", "runs", "ran") for w in ("the", "his", "her", "my", "our")},
    "pmh": ("Condition",), "pmhx": ("Condition",), "medical history": ("Condition",), "medical hx": ("Condition",),
    "problem list": ("Condition",), "health issues": ("Condition",), "medical issues": ("Condition",),
    "treated for": ("Condition",), "wrong with": ("Condition",),  # "what's wrong with him that's still ongoing"
    # "what was done for him the day he came in": what they did is a procedure
    "what was done": ("Procedure",), "what did they do": ("Procedure",), "what they did": ("Procedure",),
    "what was performed": ("Procedure",),
    "procedure": ("Procedure",), "procedures": ("Procedure",), "surgery": ("Procedure",), "operation": ("Procedure",),
    "surgeries": ("Procedure",), "operations": ("Procedure",), "surgical": ("Procedure",),
    "ops": ("Procedure",),  # British "ops": operations ("any ops over the years?")
    # "visit the hospital", "hospital visits" (EHRSQL's wording): any encounter of the record
    "hospital": ("Encounter",), "hospitals": ("Encounter",), "hospitalised": ("Encounter",), "hospitalized": ("Encounter",),
    "hospitalisation": ("Encounter",), "hospitalization": ("Encounter",), "hospitalisations": ("Encounter",),
    "hospitalizations": ("Encounter",),
    # a stay is a visit as a noun ("his last stay"); Hawaiian Pidgin's "stay" is the verb "to be"
    # ("what date stay in da record")
    **{f"{d} stay{s}": ("Encounter",) for s in ("", "s")
       for d in ("a", "the", "his", "her", "my", "their", "last", "latest", "first", "inpatient", "overnight",
                 "hospital", "any", "each", "every", "that", "how many", "number of")},
    "visit": ("Encounter",), "visits": ("Encounter",), "encounter": ("Encounter",), "encounters": ("Encounter",),
    "admission": ("Encounter",), "admissions": ("Encounter",), "appointment": ("Encounter",), "seen": ("Encounter",),
    "appointments": ("Encounter",), "clinic": ("Encounter",), "clinics": ("Encounter",),
    "check up": ("Encounter",), "checkup": ("Encounter",),
    # going to a place of care is a visit ("ED attendances", "attended A&E")
    "attendance": ("Encounter",), "attendances": ("Encounter",), "attended": ("Encounter",),
    "attend": ("Encounter",),
    # "ED presentations", "presented to ED": coming to a place of care is a visit (Australian and British usage)
    "presentation": ("Encounter",), "presentations": ("Encounter",), "presented": ("Encounter",),
    # seeing a doctor is a visit ("when did dad last see the doctor")
    "doctor": ("Encounter",), "doctors": ("Encounter",), "gp": ("Encounter",), "physician": ("Encounter",),
    # coming in (to the practice, the clinic) is a visit ("when did he last come in?")
    "come in": ("Encounter",), "came in": ("Encounter",), "comes in": ("Encounter",), "coming in": ("Encounter",),


    # "NKDA?" (no known drug allergies), "NKA": the clinician's shorthand asks the allergy list
    "nkda": ("AllergyIntolerance",), "nka": ("AllergyIntolerance",),
    "allergy": ("AllergyIntolerance",), "allergies": ("AllergyIntolerance",), "allergic": ("AllergyIntolerance",),
    "intolerance": ("AllergyIntolerance",),
    "plan": ("CarePlan",), "plans": ("CarePlan",), "careplan": ("CarePlan",),
    # "fracture care", "wound care": the care given for a thing is planned care
    "care": ("CarePlan",),
    # the family doctor's place is where the visits were ("name of her GP practice")
    **{w: ("Encounter",) for w in ("practice", "practices", "gp surgery", "doctor's surgery", "doctors surgery",
                                   "medical centre", "medical center", "health centre", "health center")},
    # what the care aims at ("her goals", "his targets") and who gives it ("her care team")
    "goal": ("Goal",), "goals": ("Goal",), "targets": ("Goal",), "aims": ("Goal",),
    "care team": ("CareTeam",), "care teams": ("CareTeam",), "careteam": ("CareTeam",),
    "care goal": ("Goal",), "care goals": ("Goal",),
    # "any treatment goals documented?", "his health targets": the kind of goal said, not a thing it names
    **{f"{kind} {aim}": ("Goal",) for kind in ("treatment", "therapy", "health", "clinical", "personal")
       for aim in ("goal", "goals", "target", "targets", "aims")},
    "device": ("Device",), "devices": ("Device",), "implant": ("Device",), "implants": ("Device",),
    "implanted": ("Device",), "implantation": ("Device",), "pacemaker": ("Device",), "icd": ("Device",), "aicd": ("Device",),
    "defibrillator": ("Device",), "defib": ("Device",), "equipment": ("Device",), "kit": ("Device",),
    "machine": ("Device",), "machines": ("Device",),  # "what machines or implants has he got in him"
    "healed": ("Condition",), "went away": ("Condition",), "cleared up": ("Condition",),
    "imaging": ("ImagingStudy",), "x ray": ("ImagingStudy", "Procedure"), "xray": ("ImagingStudy", "Procedure"),
    "scan": ("ImagingStudy", "Procedure"), "radiograph": ("ImagingStudy",), "studies": ("ImagingStudy",),
    "radiography": ("ImagingStudy",), "radiology": ("ImagingStudy",), "radiological": ("ImagingStudy",),
    "panel": ("DiagnosticReport",), "panels": ("DiagnosticReport",), "report": ("DiagnosticReport",),
    "reports": ("DiagnosticReport",),
    "lab": ("Observation",), "labs": ("Observation",), "vital": ("Observation",), "vitals": ("Observation",),
    # a therapy is planned care (CarePlan) or a done procedure, never a diagnosis
    "therapy": ("CarePlan", "Procedure"), "physio": ("CarePlan", "Procedure"),
    "physiotherapy": ("CarePlan", "Procedure"), "rehab": ("CarePlan", "Procedure"),
    "therapist": ("CarePlan", "Procedure"), "physiotherapist": ("CarePlan", "Procedure"),
    # taking something out is a procedure ("when was the polyp removed": the polypectomy)
    "removed": ("Procedure",), "removal": ("Procedure",), "remove": ("Procedure",), "excised": ("Procedure",),
    "excision": ("Procedure",), "taken out": ("Procedure",), "cut out": ("Procedure",),
}

# never identify a concept on their own (they only count next to a specific word)
GENERIC = frozenset("""
blood serum plasma test tests level levels count value values result results total number of in the by bloodwork
automated mass volume patient procedure general examination for finding disorder situation body
score reported measured measurement check checked done recorded record chart file on physical object order
entitic fraction presence method predicted sq m serum or and panel report encounter visit care plan
management self clinical therapy recommendation rate status history type last first mean
""".split())

# question words that are neither shape nor subject
STOP = frozenset("""
a an the is was were are be been being do does did done have has had having i me my mine we our he she
his her him they their patient patients s what what's whats which who whos whom when where why how any anything
anywhere
there this that these those to of in on at for with from by as it its ever all please show tell give list
get got given up down or and not no yes right now today currently current active still ongoing latest
last most recent recently first earliest initial baseline highest lowest peak max maximum min minimum nadir
worst best trend trends over time since between through until from to changed change changes gone go
years year many often times time count number date dates value values result results level levels
much did ever been listed on file record records chart recorded start started begin began resolve
resolved end ended stop stopped heal healed get like such as some kind sort around about during
health medical told am im lately see saw finish finished pt pts
principal primary main per documented documentation according name names called
different distinct unique separate reason reasons happened happen
request requests requested put placed part parts
every everything entire whole past present completed marked plain oldest newest
should would could might must need needs thank
actively today presently versus vs against
remain remains remaining summary discharge trip trips code codes wise day
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
print calendar confirm confirmed receive received receives receiving summarise summarize summary outline
prn idk lol tbh omg btw numerator denominator period measure measures evidence
each enumerate itemise itemize abstraction abstract abstracting abstractor audit auditing registry
repeat repeats old including include includes inclusive exposure exposures instance morning afternoon
evening good neighbour neighbours neighbor neighbors help helps helping helped
can cannot cant ve ll re pray upon occasion occasions kindly inform informed sorry loud noisy
app apps section sections portal website online screen page
writing write regarding mr mrs ms letter dear long district closed so
altogether overall maybe perhaps veteran veterans caseworker caseworkers triage triaging
subject access sar held hold holds requester requestor regards regard np note notes dx
whether if sir madam grateful faithfully sincerely yours kind
act acting behalf above named confirmation confirm administered administer provide provided disclose copy term
fme forensic custody police detained detainee person suite cell sbar outreach critical read query em moment
ones open medic affirm affirmative roger wilco casualty
suppose imagine guess wonder wondering roughly ah lah leh lor meh hor out
""".split()) | frozenset("""
dad dads mum mums mom moms father mother husband wife son daughter partner nurse coding handover
carer carers caregiver hospice intake locum covering dental dentist anaesthetist anesthetist anaesthetic
anesthetic preop pre op school volunteer form paperwork regular regularly here team hi hello hey thanks known take takes took
receptionist reception front desk booking radiographer pharmacist paramedic ambulance crew trial study
coordinator participant eligibility eligible occupational occ us assistant
you your yours yourself love dear darling sweetheart bless interpreter interpreting translator translating
relaying asks asking wants want know niece nephew brother sister
mama papa mami papi abuela abuelo abuelita abuelito grandma grandpa granny grandad granddad grandmother
grandfather nana nan gran grans gramps grandad grandads twin twins cousin aunt auntie uncle stepdad stepmum
stepmom stepfather stepmother stepson stepdaughter boyfriend girlfriend fiance fiancee inlaw godson
goddaughter granddaughter grandson grandchild grandkid let
pappou papou yiayia yaya nonno nonna oma opa lolo lola dziadek babcia bunica bunicul dedushka babushka dadi nani
jiddo teta domnul doamna signor signora senor senora monsieur madame herr frau thatha paati appa amma dada tonton tata mzee bibi babu ouma oupa baba bozorg abla dede pop pops
khala kinda sorta lastly counting catalogued cataloged catalog title
saba savta nu kupat holim granda grandda grannie ma
rundown overview lowdown recap anymore them new
afi abbi takk fyrir fyri dobry den deda dedecek babicka da avoidance doubt
babo bestefar bestemor farfar morfar mormor farmor mithered mither mithering forever repro q flagged flag together only
babi aba hid traa dy liooar gimme ta rattle kinds sorts lad lass proper properly wha longer sorted full
cured yet going
aita tad ahcci granddaddy grampy vectevs isa oce bopa carry carrying carries
gruezi grosspapi grosi grossmami meu minha pai mae remember
sonographer vetting vet previous former registered register physiologist di fi mi
refer refers referred referring referral referrals onward onwards sent send sends sending off made
pharmacy outpatient outpatients inpatient inpatients reconcile reconciling
""".split())  # who asks or for what (a relative on the portal, a coder, a nurse at handover, a hospice
# intake, a dentist or anaesthetist before treatment, a receptionist booking, a pharmacist, a radiographer,
# an ambulance crew, a trial coordinator checking eligibility, an occupational health nurse, a voice
# assistant, an interpreter relaying a family's question, a midwife's "you, love"; being referred or sent
# to a service names the service, not a thing of its own): never the subject;
# "regular" medicines are the current ones; "outpatient prescriptions to reconcile" (a pharmacist on
# admission) asks for the medicines, the setting and the task are not things the record codes

_WORD = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; a plural 's' is dropped from long words so
    "platelets" meets "platelet" (and "status" is left alone)."""
    out = []
    for w in _WORD.findall(text.lower().replace("-", " ")):
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        elif len(w) >= 9 and w.endswith(("scopic", "graphic")):
            w = w[:-2] + "y"  # "colonoscopic examination", "radiographic study": the procedure itself
        out.append(w)
    return out


def normal(text: str) -> str:
    return " ".join(tokens(text))


_AGAINST = re.compile(r" (vaccinated|vaccinate|vaccine|vaccination|immunized|immunised|jab|shot) (?:against|for) (?:the )?(\w+) ")

# words for a vaccine dose: "pneumonia jab" is a "pneumonia vaccine"
_VACCINE_WORDS = re.compile(r" (shot|jab|jag|needle|injection|vaccination|immunisation|immunization|booster) ")


# "screened for bowel cancer", "checked for colon cancer": the screening, said the other way round
_SCREENED_FOR = re.compile(r" (screened|screen|screening|checked) for ((?:\w+ )?cancer) ")


# "the size of my red blood cells" is the mean corpuscular volume (MCV)
_RED_CELL_SIZE = re.compile(r" (size|volume) of (my |his |her |their |the )?red (blood )?cells? ")
# "gone through my medication list with me", "went over his tablets": a medication reconciliation
_MED_REVIEW = re.compile(r" (go|goes|gone|went|going|run|ran) (through|over) (all )?(my|his|her|their|the|your) "
                         r"(medication|medications|medicine|medicines|meds|med|tablets|tablet|pills|pill|drugs|drug)( list)? ")
# "a blood test for his kidneys", "checks on her liver": a test of how the organ works (not a disease of it)
_ORGAN_TEST = re.compile(r" (test|tests|blood|bloods|blood test|blood tests|check|checks|checkup|result|results|level|levels|"
                         r"number|numbers|reading|readings|work|workup) (for|of|on|to check) (my |his |her |their |the |your )?"
                         r"(kidney|kidneys|liver) ")
# "what tests did he have on his bowel", "procedures done to her colon": the bowel's tests and procedures
_BOWEL_DONE = re.compile(r" (test|tests|procedure|procedures|check|checks|investigation|investigations|operation|operations|"
                         r"op|ops|scope|scopes)(?: (?:did|has|had|have) (?:he|she|they|i) (?:have|had|get|got)| (?:were|was|"
                         r"been))?(?: done| carried out)? (?:on|of|for|to) (?:my |his |her |their |the |your )?"
                         r"(?:bowel|bowels|colon|back passage) ")
# "how are her kidneys", "anything about his liver in there": the organ asked after in
# itself is how it works, so its function tests (a disease of it is named as one: "kidney disease")
# ("are his kidneys OK?" is left out: a "Yes" to it would read as a clinical judgement the record cannot make)
_ORGAN_STATE = re.compile(r" (how (?:is|are|s|re|were|was)|anything (?:about|on|for)|what about|news (?:on|about)|"
                          r"update on|any word on) (?:my |his |her |their |the |your )?(kidney|kidneys|liver) ")
# "PCV" is the pneumococcal conjugate vaccine to a GP and the packed cell volume (haematocrit) to many labs
# and clinicians trained in the UK, Africa and South Asia: beside a blood count it is the blood test
_BLOOD_COUNT = re.compile(r" (blood count|blood counts|fbc|cbc|full blood|complete blood|blood test|blood tests|bloods|"
                          r"haemogram|hemogram|haematology|hematology) ")
# "the wee implanted device", "an electric implant": how a device looks, said before its kind (and not a
# thing the record lacks)
_DEVICE_DESCRIBED = re.compile(r" (?:(?:electric|electrical|electronic|battery|metal|wee|little|small|tiny) )+(?=(?:implanted )?"
                               r"(?:device|devices|implant|implants|machine|machines|gadget|box) )")
# "medicine for the cholesterol", "tablets for her pain": the medicine named by what it treats
# ("given anything for her cholesterol": what was given for it is its medicine)
_MEDICINE_FOR = re.compile(r" (medicine|medicines|medication|medications|meds|med|tablet|tablets|pill|pills|drug|drugs|"
                           r"(?:given|prescribed|on|taking|take|takes) (?:anything|something)) "
                           r"(for|against) (the |his |her |my |their |your )?(cholesterol|pain) ")
# "the sugar test that looks back over three months", "my diabetes blood test, the 3-month average one":
# the HbA1c, described by what it measures (NHS: "your average blood sugar level over the past 2 to 3 months")
_LONG_TERM_SUGAR = re.compile(r" (sugar|sugars|glucose|diabete|diabetes|diabetic)\b[^.?!]{0,60}?\b(looks? back"
                              r"|average|over (the )?(last |past )?(2|3|two|three|few) months?|(2|3|two|three) months?) ")
# "how well his blood sugar's been controlled": the HbA1c (NHS: the test "shows how well your diabetes is controlled")
_SUGAR_CONTROL = re.compile(r" (sugar|sugars|glucose|diabetes)\b[^.?!]{0,30}?\b(controlled|control) ")
# "the test for fat in his blood, the good kind", "cholesterol - the bad one": HDL and LDL as patients are told them
_CHOLESTEROL_KIND = re.compile(r" (fat|fats|cholesterol|lipid|lipids)\b[^.?!]{0,40}?\b(good|bad) (kind|one|type|sort) ")
_TABS = re.compile(r" tabs? ")
# "a camera up the bum", "camera into my back passage" (colonoscopy); "camera down his throat" (gastroscopy)
# ("the camera go inside the intestine": a verb between them, as an interpreter relays it word for word)
_CAMERA = (re.compile(r" camera(?: test| tube| check)?(?: (?:that |which )?(?:go|goes|went|gone|going|put|pushed|passed))?"
                      r" (up|into|in|inside|through) (the|my|his|her|your|their) "
                      r"(bum|bottom|back passage|backside|behind|rear|back end|bowel|bowels|colon|intestine|gut|guts) "
                      r"| (bowel|bowels|colon|back passage|bum) camera(?: test| tube| check)? "
                      # "his bowels looked at with a camera"
                      r"| (bowel|bowels|colon|gut|guts|back passage) (?:\w+ )?(?:looked at|checked|examined|seen|inspected)"
                      r" (?:with|by|using) (?:a|the) camera "),
           re.compile(r" camera(?: test| tube| check)? (down|into|in) (the|my|his|her|your|their) (throat|gullet|stomach|food pipe) "
                      r"| (stomach|throat|gullet) camera(?: test| tube| check)? "))


def _variants(question: str) -> list[str]:
    """The normalised question, plus: abbreviations in the plural ("BMPs", "CMPs", "LFTs")
    in the singular, and vaccine-dose words read as "vaccine"."""
    q = f" {normal(question)} "
    short = {p for p in SYNONYMS if " " not in p and len(p) <= 5}
    singular = " ".join(w[:-1] if w.endswith("s") and w[:-1] in short else w for w in q.split())
    # "check ups", "blood tests": short plurals the token rule keeps ("ups" is too short to strip)
    plain = " ".join(w[:-1] if len(w) >= 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w
                     for w in singular.split())
    out = [q, f" {singular} ", f" {plain} "]
    out += [_VACCINE_WORDS.sub(" vaccine ", v) for v in list(out)]
    # "vaccinated against pneumonia", "the injection for pneumonia" is a "pneumonia vaccine"
    out += [_AGAINST.sub(r" \2 vaccine ", v) for v in list(out) if _AGAINST.search(v)]
    # "screened for bowel cancer" is "bowel cancer screening"
    out += [_SCREENED_FOR.sub(r" \2 screening ", v) for v in list(out) if _SCREENED_FOR.search(v)]
    out += [rx.sub(f" camera {part} ", v) for v in list(out) for rx, part in zip(_CAMERA, ("lower", "upper"))
            if rx.search(v)]
    out += [_MED_REVIEW.sub(" medication review ", v) for v in list(out) if _MED_REVIEW.search(v)]
    out += [_RED_CELL_SIZE.sub(" mcv ", v) for v in list(out) if _RED_CELL_SIZE.search(v)]
    out += [_LONG_TERM_SUGAR.sub(" a1c ", v) for v in list(out) if _LONG_TERM_SUGAR.search(v)]
    out += [_SUGAR_CONTROL.sub(" a1c ", v) for v in list(out) if _SUGAR_CONTROL.search(v)]
    out += [_CHOLESTEROL_KIND.sub(lambda m: f" {m[2]} cholesterol ", v) for v in list(out) if _CHOLESTEROL_KIND.search(v)]
    out += [_TABS.sub(" tablet ", v) for v in list(out) if _TABS.search(v)]  # "the cholesterol tabs"
    out += [_MEDICINE_FOR.sub(lambda m: f" {m[4]} medicine ", v) for v in list(out) if _MEDICINE_FOR.search(v)]
    out += [_ORGAN_TEST.sub(lambda m: f" {m[1]} {m[4].rstrip('s')} function ", v) for v in list(out)
            if _ORGAN_TEST.search(v)]
    out += [v.replace(" pcv ", " packed cell volume ") for v in list(out) if " pcv " in v and _BLOOD_COUNT.search(v)]
    out += [_BOWEL_DONE.sub(" bowel procedure ", v) for v in list(out) if _BOWEL_DONE.search(v)]
    out += [_ORGAN_STATE.sub(lambda m: f" {m[1]} {m[2].rstrip('s')} function ", v) for v in list(out)
            if _ORGAN_STATE.search(v)]
    return list(dict.fromkeys(out))


# "when was the polyp removed": removing a thing is its "-ectomy" (polyp -> polypectomy)
_REMOVAL = re.compile(r"\b(removed|removal|remove|excised|excision|taken out|cut out)\b", re.I)


def described(question: str) -> set[str]:
    """Words that only describe a device said by its kind ("some electric thing in his chest" is read as
    "some electric implanted device", ``question.reworded``): they name nothing the record could lack."""
    q = f" {normal(question)} "
    return {t for m in _DEVICE_DESCRIBED.finditer(q) for t in tokens(m[0])}


def expand(question: str) -> list[str]:
    """The question's tokens plus every synonym's tokens for phrases it contains; a question
    about removing something also names that thing's "-ectomy"."""
    variants = _variants(question)
    extra: list[str] = []
    if _REMOVAL.search(question):
        extra += [f"{t}ectomy" for t in tokens(question) if len(t) >= 4 and t.isalpha() and t not in STOP]
    for phrase in _matched(variants):
        for t in SYNONYMS[phrase]:
            extra += tokens(t)
    for word, targets in CASED.items():
        if re.search(rf"\b{word}s?\b", question):
            extra += [t for x in targets for t in tokens(x)]
    return tokens(question) + extra


def said(question: str) -> list[str]:
    """The lexicon phrases the question says (longest reading first, as ``expand`` reads them)."""
    return _matched(_variants(question))


def phrases(question: str) -> list[str]:
    """The multi-word record phrases the question's synonyms point to ("check ups" -> "check up",
    "general examination"), normalised: matched as whole phrases in a record's names, since their
    words are each too generic to name anything alone."""
    out = [normal(t) for phrase in _matched(_variants(question)) for t in SYNONYMS[phrase] if " " in normal(t)]
    return list(dict.fromkeys(out))


def _matched(variants: list[str]) -> list[str]:
    """The synonyms the question says, the longest reading first: a synonym inside a longer one the
    question also says is not read on its own ("physical therapy" is not a "physical" examination,
    "chest physio" is not any physiotherapy)."""
    said = [p for p in SYNONYMS if any(f" {normal(p)} " in q for q in variants)]
    return [p for p in said if not any(o != p and f" {normal(p)} " in f" {normal(o)} "
                                       and normal(o) != normal(p) for o in said)]


def _phrase_sources() -> dict[str, frozenset[str]]:
    """For each multi-word record phrase a synonym points to, the question words that say it
    ("annual physical" and "physical" both say "general examination")."""
    out: dict[str, set[str]] = {}
    for phrase, targets in SYNONYMS.items():
        for t in targets:
            if " " in normal(t):
                out.setdefault(normal(t), set()).update(tokens(phrase))
    return {k: frozenset(v) for k, v in out.items()}


PHRASE_SOURCES = _phrase_sources()

# Places of care name a visit without the word "visit" ("when did I last go to the emergency room"). Unlike
# TYPE_WORDS they are also what the visit is matched by (an Encounter's class or type says "emergency",
# "urgent care"), so they hint the type without leaving the words the question is matched on.
PLACE_WORDS: dict[str, tuple[str, ...]] = {
    "emergency room": ("Encounter",), "emergency department": ("Encounter",), "urgent care": ("Encounter",),
    "a e": ("Encounter",),
    # "dad follow ups how many": follow-ups counted are visits ("his follow-up colonoscopy" is a procedure)
    "follow ups": ("Encounter",), "followups": ("Encounter",),
    # the British casualty department, not a military medic's "casualty" (the patient)
    **{f"{w} casualty": ("Encounter",) for w in ("in", "to", "at", "into", "from", "through")},
    **{f"casualty {w}": ("Encounter",) for w in ("department", "visit", "visits", "attendance", "attendances", "trip")},
    # "admitted through emergency", "came in via emergency": the department, said without its noun
    **{f"{w} emergency": ("Encounter",) for w in ("through", "via", "into", "in through")},
}


# Kinds of visit named without the word "visit" ("how many annual physicals"): like PLACE_WORDS they hint
# the type and stay matched words (a lone "physical" does not: "physical therapy" is a care plan)
VISIT_KINDS: dict[str, tuple[str, ...]] = {
    k: ("Encounter",) for k in ("annual physical", "yearly physical", "routine physical", "physical exam",
                                "physical examination", "general exam", "general examination", "annual exam", "general check",
                                "general checkup", "full check", "full checkup", "whole body check", "body check",
                                "check of all the body", "check of the whole body",
                                "health check", "general health check", "health checkup",
                                "annual check", "wellness visit", "well visit")
}


# going to (or being in) the ER is a visit; "admitted to the ward from the ER" names the ER only as a place
_GONE_TO = re.compile(r" (been|be|go|goes|gone|went|going|taken|take|brought|rushed|sent|end|ended) (up )?"
                      r"(in|to|into|at) (the |an |a )?(er|ed|a e|emergency|casualty) "
                      # "his ER trip", "a dash to A&E": a trip to a place of care is a visit there
                      r"| (er|ed|a e|emergency|casualty|hospital) (trip|trips|dash|run) "
                      r"| (trip|trips|dash|run) (in|to|into) (the |an |a )?(er|ed|a e|emergency|casualty|hospital) ")


# "what is she on today?", "what's dad on at the moment": what someone is "on" is their medicines
_ON_WHAT = re.compile(r" what (is|s|are|am) (he|she|i|they|you|dad|mum|mom|pt|(the )?patient|(my|his|her|their) \w+) "
                      r"(currently |still |now |presently |actually )?on( |$)")


def _visit_named(variants: list[str]) -> bool:
    """A synonym for a kind of visit said as a noun ("how many physicals has he had", "his last
    physical"): the word the record's visit type is reached by, read alone when no longer phrase
    holds it ("physical therapy" is a care plan) and no content word follows it ("physical activity"
    is no visit)."""
    kinds = {normal(k) for k in VISIT_KINDS}
    for phrase in _matched(variants):
        if not any(normal(t) in kinds for t in SYNONYMS[phrase]):
            continue
        for q in variants:
            m = re.search(rf" {re.escape(normal(phrase))} (\w+)?", q)
            if m and (m.group(1) is None or m.group(1) in STOP):
                return True
    return False


_DRUG_ALLERGY = re.compile(r" (drug|drugs|medication|medications|medicine|medicines|med|meds|penicillin) "
                           r"(allergy|allergie|allergies|allergic|intolerance|reaction)|"
                           r" (allergic|allergy|allergie|allergies|reaction|reactions|intolerant|intolerance) (to|from|with) "
                           r"(any |some |a |an |the |certain |his |her |my |their )?"
                           r"(drug|drugs|medication|medications|medicine|medicines|med|meds|tablets|pills) ")
_MEDICINES_TOO = re.compile(r" (medication|medications|medicine|medicines|meds|med|drugs|tablets|pills|prescriptions) ")


def _type_words(variants: list[str]) -> dict[str, tuple[str, ...]]:
    """The type words the question uses, longest first: a word inside a longer one it also uses names
    nothing of its own ("care team" is the team, not a care plan; "care goals" the goals)."""
    said = {w: types for w, types in (TYPE_WORDS | PLACE_WORDS | VISIT_KINDS).items()
            if any(f" {normal(w)} " in q for q in variants)}
    return {w: types for w, types in said.items()
            if not any(normal(o) != normal(w) and f" {normal(w)} " in f" {normal(o)} " for o in said)}


def type_hints(question: str) -> set[str]:
    variants = _variants(question)
    hints = {t for types in _type_words(variants).values() for t in types}
    if any(_ON_WHAT.search(q) for q in variants):
        hints |= {"MedicationRequest", "MedicationStatement"}
    if any(_GONE_TO.search(q) for q in variants) or _visit_named(variants):
        hints.add("Encounter")
    if "AllergyIntolerance" in hints and not _MEDICINES_TOO.search(_DRUG_ALLERGY.sub(" ", f" {normal(question)} ")):
        hints -= {"MedicationRequest", "MedicationStatement"}  # a "drug allergy" is an allergy, not a drug
    if {"DiagnosticReport", "Observation"} <= hints and re.search(r"\b(panels?|reports?)\b", question, re.I):
        hints -= {"Observation"}  # "lab panels" are the reports, not every result in them
    return hints


def named_kinds(question: str) -> list[frozenset[str]]:
    """The kinds of record each type word of the question names, one set per word: "therapy" is a care
    plan or a procedure (either is read), "allergies and medicines" two kinds (both are)."""
    variants = _variants(question)
    groups = [frozenset(types) for types in _type_words(variants).values()]
    named = set().union(*groups) if groups else set()
    return groups + [frozenset({t}) for t in type_hints(question) - named]


TYPE_TOKENS = frozenset(t for w in TYPE_WORDS for t in tokens(w))

# words for a draw of blood, the lab report a result came in ("when did they last do his cholesterol
# bloods"); matched on the raw question: "bloods" must not be read as "blood"
# "the date of his last cholesterol test": a blood test named by what it measures is a draw too (its date is
# the draw's, not the diagnosis's)
DRAW = re.compile(r"\b(bloods|blood tests?|blood ?work|blood draw|(?:cholesterol|lipids?|sugar|glucose|kidney|liver|"
                  r"thyroid) (?:blood )?tests?)\b", re.I)
