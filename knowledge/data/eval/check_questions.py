"""Validate the independently written guideline evaluation questions (knowledge/data/eval/*.jsonl).

Why this exists: the eval set is the honest yardstick for guideline Q&A (issue 15), so every row must be
checkable without trusting its author: each "fact" a correct answer must contain is verified to occur
verbatim in the named guideline section, the tune/test split is recomputed from the question text (so it
cannot be quietly re-assigned after tuning), and ids are unique across all files in this folder.

Files named in ``TUNE_ONLY_FILES`` were written AFTER the test split had been looked at in summary: they
are extra tuning data only, so every row there must say ``"split": "tune"`` and the hash rule does not
apply to them (hashing them would leak questions written with knowledge of test figures into TEST). The
frozen test split is the hash-split files alone; their assignment is unchanged.

Files named in ``FROZEN_TEST`` carry a digest of their TEST rows (id, question, facts, everything), taken
when the file was committed and before any system output on it was seen (``questions_d.jsonl``: written
after the a/b TEST split had been looked at several times, so it is the fresh, unworn TEST portion). A
TEST row of such a file cannot be edited, added or dropped without this check failing; its TUNE rows may
still be corrected.

Stdlib only; the corpus is located through the installed ``open_medicine`` package.
Run: ``.venv/bin/python knowledge/data/eval/check_questions.py [FILE.jsonl ...]`` (default: all *.jsonl here).
Exit status 0 when every row passes, 1 otherwise (each problem printed as file:line: what, why).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent
STYLES = {"shorthand", "vignette", "lay", "paraphrase", "near_miss"}
ANSWERABLE_STYLES = STYLES - {"near_miss"}
SPLITS = {"tune", "test"}
REQUIRED = ("id", "question", "style", "answerable", "guideline_id", "section", "facts", "split")
MAX_FACTS = 3
MAX_FACT_WORDS = 6
# Extra TUNE-only questions (lay language, near-miss) written after the test figures were seen in summary.
TUNE_ONLY_FILES = frozenset({"questions_c.jsonl"})
# sha256 of each file's TEST rows (``test_digest``), frozen when the file was committed, before tuning.
FROZEN_TEST = {
    "questions_d.jsonl": "386129ba4b5b65042cb0ec36d5d6a54811d689fe684716561149a9295e07d261",
    # questions_e.jsonl: a sixth author's questions (nurses, pharmacists, on-call juniors, patient-portal
    # messages, keyword searches), frozen at commit, before carepath answered any of them.
    "questions_e.jsonl": "bd94d443ea4433159762b6e1dc3ae05f29471de1cdb611eba9f3761de3eef3dc",
    # questions_f.jsonl: a seventh author (ED consultant shorthand, practice-nurse vignettes, lay patients and
    # relatives, a medical student's paraphrases, near-miss), frozen at commit, before carepath answered any of them.
    "questions_f.jsonl": "7c850a3fa365ab02a92d7540d7b36b056a7fee39bd22bf543122e45652873211",
    # questions_g.jsonl: an eighth author (US hospital pharmacist, rural GP, paramedic on scene, ward sister, intern on
    # rounds, IMG phrasing, adult children, discharge-letter readers, nursing student), frozen at commit, before carepath answered any of them.
    "questions_g.jsonl": "6f65cd7f42b0008a8d2dd25ea9f050c3937f07e97f2b2906b10e17ec14012498",
    # questions_h.jsonl: a ninth author (Canadian family physicians, hospice nurse, anaesthetic registrar pre-op, ward and
    # community pharmacists, physician associate, sports physio, GP trainee revising, ESL patient, worried parents and
    # relatives, midwives, terse keyword shorthand), frozen at commit, before carepath answered any of them.
    "questions_h.jsonl": "c824c05309e0c59d55389662f0f366eb2460374595c09b854fd29bd32097feba",
    # questions_i.jsonl: a tenth author (Irish GP, Indian resident doctor, US nurse practitioner, critical care outreach nurse,
    # district nurse, dialysis nurse, ED triage nurse, prehospital/retrieval doctor, hospital pharmacist on TTO checks, medical
    # students before finals, elderly patients, teenagers, carers and parents, a patient reading their own letter, voice
    # dictation, school nurse, near-miss), frozen at commit, before carepath answered any of them.
    "questions_i.jsonl": "50894402d34eb79e412935a2cb61ca021537119bec31c34bf97d366bd7757e61",
    # questions_j.jsonl: an eleventh author (Scottish GPs, Nigerian-trained registrar, Australian remote-area nurse, US
    # hospitalist, cardiology fellow, stroke nurse, palliative care doctor, ICU registrar, pharmacy and paramedic students,
    # student nurse, doctors in resource-limited hospitals, spouses, grandchildren and worried teenagers, a terse older man,
    # a woman searching after a clinic visit, smartphone autocorrect typos, near-miss), frozen at commit, before carepath
    # answered any of them.
    "questions_j.jsonl": "9c1da15560d5968e69a211f00632c4d4cd70fa253ff8ca63911c4184c4c424a5",
    # questions_k.jsonl: a twelfth author (Welsh GP, Ghanaian community pharmacist, Filipino nurse in the US, rural Indian
    # PHC doctor, South African emergency physicians, endocrinology registrar, renal and ICU pharmacists, theatre nurse,
    # occupational health doctor, military medic, rugby club doctor, a chronically ill patient who knows the jargon, an
    # anxious first-time parent, pregnant women, daughters, wives and grandchildren, lowercase phone typing, near-miss),
    # frozen at commit, before carepath answered any of them.
    "questions_k.jsonl": "ef56e4b749abd635b6fc32110256734eb2616d4e46c64cf168f2ab353df09e97",
    # questions_l.jsonl: a thirteenth author (New Zealand rural GP, Kenyan clinical officers, Caribbean nurses, a Polish-
    # trained doctor in the UK, a US family medicine resident on night float, Singapore polyclinic doctor, geriatrician,
    # care-home nurse, Scottish community pharmacist, a medical interpreter relaying for families, a patient's lawyer,
    # OSCE students, a husband typing on his phone, older patients dictating to a voice assistant, patients writing in
    # English as a second language, near-miss), frozen at commit, before carepath answered any of them.
    "questions_l.jsonl": "13552122fb2fd14581962ae95febfce20c276d612608afbdc96b956f0aef06d2",
    # questions_m.jsonl: a fourteenth author (Brazilian doctor writing English, Pakistani house officer, US emergency medicine
    # PA, Dutch GP, cruise ship doctor, prison nurse, sexual health nurse, dialysis unit doctor, pharmacy technician,
    # hospital-at-home nurse, medical journalist fact-checking, insurance medical reviewer, a patient with dyslexia, a
    # 16-year-old, a grandparent on a tablet for the first time, a deaf sign-language user writing English, near-miss),
    # frozen at commit, before carepath answered any of them.
    "questions_m.jsonl": "c58e09cb5377475055fbf08865fc08cd6351eb1fe8ddbcd973b6b49249734c04",
    # questions_n.jsonl: a fifteenth author (Canadian paramedic and ICU nurse, Nepali medical officers, German-trained
    # anaesthetist, Sri Lankan registrar, rural pharmacists in outback Australia, a hospital chaplain relaying a family's
    # question, a school teacher, sports coaches, a nursing home manager, a flight attendant and cabin crew, a triage line
    # nurse, an agency night nurse, a vet-turned-medical student, an oncology nurse, patients with low vision dictating,
    # machine-translated English, ordinary patients, sons, daughters and grandparents, near-miss), frozen at commit, before
    # carepath answered any of them.
    "questions_n.jsonl": "b0a1ee1abde9e5a1b49e5bb1c7f59ee9a76494fad92fe1c9950b4200ffe87995",
    # questions_o.jsonl: a sixteenth author (Icelandic GP, Mexican pharmacist writing English, Korean-American resident,
    # Faroese hospital doctor, ICU and pre-op doctors, a hospital night porter relaying, a lifeguard, a dairy farmer, a
    # long-haul trucker, a ballet teacher, a care worker on a zero-hours contract, a recently bereaved widower, a twin
    # asking for both, a ship's master without a doctor aboard, a relative reading a leaflet aloud, ordinary patients,
    # wives, sisters, daughters and grandchildren, near-miss), frozen at commit, before carepath answered any of them.
    "questions_o.jsonl": "eb1c8031f04965fe54dc9949f315b3974879cdc87e9e0f2b34ee2508ca142003",
    # questions_p.jsonl: a seventeenth author (Ugandan medical officer, Peruvian nurse writing English, Japanese community
    # and hospital pharmacists, a Scottish island GP on a video call, a physician on an Antarctic base, a walk-in centre locum,
    # a rural ED locum, a hospital interpreter for a Somali family, a student midwife, a yoga teacher, a retired engineer
    # reading his own results, a stay-at-home dad, a foster carer, a hairdresser, a scaffolder's forum post copied in, a
    # delivery driver, ordinary patients, wives, husbands, sons, daughters and siblings, near-miss), frozen at commit,
    # before carepath answered any of them.
    "questions_p.jsonl": "d87106911a9f9e854bef585b98e604ac1fa95a954cd0ef348421b04cd5aa19d4",
    # questions_q.jsonl: an eighteenth author (Greek GP, Vietnamese pharmacist writing English, Zimbabwean nurse, US school
    # nurse, prison GP, Turkish anaesthetist in pre-op clinic, hospital discharge coordinator, travel nurse on a burn unit,
    # physician assistant student, firefighters, a sous chef, a church volunteer driver, an accountant son who wants numbers,
    # a new mums' WhatsApp group, a patient's text message, a brewer, a tattoo artist's sister, a plumber's ICU stay, ordinary
    # patients, wives, husbands, sons and grandchildren, near-miss), frozen at commit, before carepath answered any of them.
    "questions_q.jsonl": "a45b71737dd2ae2240659936143c52c2e878ac11b25cd1464d01c8c96fd6ac19",
    # questions_r.jsonl: a nineteenth author (Malaysian GP, Chilean NICU and school nurses, Egyptian hospital and community
    # pharmacists, Norwegian district and island doctors, a US rural EMT, a hospital switchboard operator relaying, a Dhaka
    # burns unit, a Bangladeshi ICU registrar, an Estonian anaesthetist, a Lebanese cardiology fellow and ED doctor, a Maltese
    # GP and foundation doctor, a Kazakh cardiology resident, a Fijian nurse practitioner, a rural ED doctor in Trinidad, a
    # dental nurse, a care-home nurse in Portugal, a marathon runner, a tattoo artist, a beekeeper, a piano teacher, a
    # carpenter, a retired coal miner, a new immigrant with basic English, a carer for a parent with dementia, a new dad, an
    # SMS with typos, voice-assistant and voice-message transcripts, partners, daughters and sons, near-miss), frozen at
    # commit, before carepath answered any of them.
    "questions_r.jsonl": "a7b82f7b38e974da685519bb3527b4308eaa9eac2b64cb1be111876c72cf186f",
    # questions_s.jsonl: a twentieth author (Argentine intensivist, Sudanese junior doctor in Khartoum, Hong Kong hospital and
    # community pharmacist, Israeli paramedic radio call, Welsh-speaking district nurse writing in English, US VA hospitalist,
    # pager messages, a patient-portal message, a hospice volunteer relaying a family, a long-distance cyclist and an audax
    # rider, a fisherman at sea, a church pastor relaying parishioners, a teenager typing for grandparents, a rugby club
    # volunteer, patients, daughters, sons, wives and nieces, near-miss), frozen at commit, before carepath answered any of them.
    "questions_s.jsonl": "5ad2685b89930c9649f9696690e3b81efae41fa41464ca74ac2d42af6d24af37",
    # questions_t.jsonl: a twenty-first author (UK GPs between patients, a US internist and hospitalist, Australian ED nurses,
    # Canadian community pharmacists, an Indian resident, a ward nurse, a foundation doctor, a practice nurse, a midwife, a
    # rural-hospital doctor without a cath lab, medical students revising, terse keyword searches, worried parents, a patient
    # reading their discharge letter, spouses, sons and daughters, older patients, near-miss), frozen at commit, before
    # carepath answered any of them.
    "questions_t.jsonl": "2c961e98ad918e08c1fa825a0310d099b9989e70f6b59002c4ae0dbe6216f27b",
    # questions_u.jsonl: a twenty-second author (Moroccan GP, Finnish NICU and practice nurses, Bangladeshi intern, Colombian
    # rheumatology fellow and ED doctor, Maori community health worker, US pharmacy student, rural Canadian nurse practitioner,
    # UK paramedics, Croatian, Ethiopian and Bolivian residents, Zambian ICU and Lithuanian stroke registrars, a Samoan ED nurse,
    # a Tongan practice nurse, a Kurdish ED doctor, an Inuit community health centre nurse, an Ecuadorian cardiology resident,
    # a Cornish HCA, a Scottish radiographer, a dentist in Lagos, a deaf patient via text relay, a carer for an autistic brother
    # and a parent of an autistic son, a retired teacher, an amateur footballer, a Sunday league manager, a night-shift security
    # guard, a bus driver, a call-centre worker, patients typing on phones, wives, grandsons and mothers, near-miss), frozen at
    # commit, before carepath answered any of them.
    "questions_u.jsonl": "6d397c01a88050e0b4091947c13208ab0f29f8235c3873c32432787d6764a752",
    # questions_v.jsonl: a twenty-third author (Portuguese GP, Chilean pharmacist, Estonian CKD and ED nurses, Tanzanian
    # clinical officer, Indian Health Service physician, Sri Lankan medical student, Welsh practice pharmacist, Irish
    # paramedics and an out-of-hours GP in Cork, a Dublin GP, a US travel-medicine nurse, Singapore polyclinic nurse,
    # Malawian and Paraguayan registrars, Slovenian cardiology resident, Mongolian neurosurgery resident, Cameroonian
    # haematology resident, a nursing tutor, a ward nurse on nights, a school receptionist, an HGV driver, a line cook, a
    # new mum, a personal trainer, a grandad dictating to his grandchild, a forum post, wives, sons and daughters,
    # near-miss), frozen at commit, before carepath answered any of them.
    "questions_v.jsonl": "43a97283618972c851b77b18e5d22e0ac4a32953e15177159cacc8ff6faf27d9",
    # questions_w.jsonl: a twenty-fourth author (Swiss GP, a Ukrainian refugee doctor working as an HCA, Barbadian district
    # nurse, Australian Aboriginal health worker, Thai hospital pharmacists, US urgent-care PA, Dutch out-of-hours triage
    # nurse, Namibian medical officers and a Windhoek NICU, NHS 111 call handler, Belgian anaesthetist, Georgian residents,
    # Quebec community pharmacist, Latvian stroke nurse, a patient reading results on an app, a gardener, a retired nurse
    # asking for her husband, a university student with asthma and one with type 1 diabetes, a minicab driver, a single
    # dad, a pregnant woman's husband, ordinary patients, brothers and mums, near-miss), frozen at commit, before carepath
    # answered any of them.
    "questions_w.jsonl": "49f89493705579bf420beeb6bb716ed53bf932ebd74c16b1228f93031de693f7",
    # questions_x.jsonl: a twenty-fifth author (Danish GP, Kenyan nurse anaesthetist in pre-op clinic and theatre, Puerto
    # Rican ED resident, Scottish Highland island GP with telestroke, Indonesian village midwife, Czech ICU registrar,
    # hospital pharmacist in Dubai, US hospice physician, Australian flying-doctor nurse, UK care-home manager, a 17-year-old
    # young carer, a librarian with RA and depression, a grandmother raising her grandchildren, a welder with gout, a
    # postman, a night baker, a patient writing through a translation app, wives, sons and daughters, near-miss), frozen
    # at commit, before carepath answered any of them.
    "questions_x.jsonl": "3a34ed2b2730e8b5534a2bdd6174592c16412e980b3da7a3bb6e6653deaeb599",
    # questions_y.jsonl: a twenty-sixth author (Norwegian nurse practitioner, Ghanaian house officer, Mexican ED attending,
    # Welsh cardiac rehab nurse, Malaysian hospital and community pharmacists, a Romanian GP working in Spain, a nurse at a
    # US state prison phoning the doctor, a New Zealand midwife, a Bahraini intensivist, an Omani ICU registrar, a Hungarian
    # neurology resident, an Alaskan village health aide, an Irish community pharmacist, a care-home GP, a London bus
    # driver, a dairy farmer's wife, a retired soldier, an anxious student nurse, a man who has just read a leaflet, a
    # teenage daughter translating for her mum, sons and daughters, near-miss), frozen at commit, before carepath
    # answered any of them.
    "questions_y.jsonl": "45eb4944192d8b4f5a1e9365a65ac6515e246800cea23fddb74754030453ceff",
    # questions_z.jsonl: a twenty-seventh author (a French médecin généraliste writing in English, a Zambian clinical
    # officer, a US school-based health center NP, a Canadian paramedic in the Yukon, a Philippine barangay health
    # worker, an Austrian anaesthetist, a UK practice-based physiotherapist, a pharmacist in rural Texas, a Sri Lankan
    # estate-hospital doctor, a trainee GP in Yorkshire, a fisherman's wife, a shop assistant, a chess club member, a
    # university lecturer, an asylum seeker writing through an interpreter, a carer for a man with learning disabilities,
    # a garden-centre worker, sons, daughters, brothers and grandchildren, near-miss), frozen at commit, before carepath
    # answered any of them.
    "questions_z.jsonl": "aacd0f41fdcd6c341cbb484f55975620defcceca2511bcf9e834cfc00f218231",
    # questions_aa.jsonl: a twenty-eighth author (a Nigerian community pharmacist in Ibadan, an Armenian GP, a Pakistani
    # foundation doctor on AMU, an Uzbek anaesthesia and medicine resident, Tunisian ICU doctor and GP, a Rwandan medical
    # officer, a Jamaican district nurse, a Haitian chest-clinic nurse, a Greenlandic settlement nurse, a Brazilian prenatal
    # nurse writing in English, a US school nurse, a care-home manager, a fire-station watch manager, an offshore medic, an
    # imam relaying for a congregant, a Polish au pair, a florist, a barista, a ski instructor, a school crossing guard, a
    # lorry drivers' union rep, a teenager asking about a parent, wives, sisters, brothers and new parents, near-miss),
    # frozen at commit, before carepath answered any of them.
    "questions_aa.jsonl": "25e14388bda9a632bc6e1e547ca34ec801d8e5a803da927cd7c6574599aa6b9b",
    # questions_ab.jsonl: a twenty-ninth author (a Lithuanian GP in Kaunas, a Sudanese hospital pharmacist in Port Sudan,
    # an Ecuadorian rural doctor in Chimborazo, a Welsh community midwife, an Australian aged-care nurse asking for her
    # grandson, a locum ED doctor in Malta, a Slovak internist and radiographer, a Cypriot cardiology registrar, an Albanian
    # GP, a Bhutanese physician, a Kyrgyz resident, a Bosnian ICU nurse, a Honduran medical officer, a Kosovar surgical
    # resident, a Senegalese neurosurgical SHO, a Papua New Guinea health extension officer, a Mauritian community
    # pharmacist, a Shetland GP, a Guernsey ambulance crew, a Hmong-American son, a bus mechanic, a poultry farmer, an
    # electrician, a crane operator, a roofer, a potter, a stonemason, a train driver, a harbour pilot, a university
    # student, an elderly widow writing formally, new mums, wives, daughters and grandchildren, near-miss), frozen at
    # commit, before carepath answered any of them.
    "questions_ab.jsonl": "783a47e4560fdf0b318cc5403a1af6fb868ccc3f71b97ff253f6dcffb6ea82ee",
    # questions_ac.jsonl: a thirtieth author (an Estonian GP covering an ED, a Cuban family doctor in Holguin, a Macedonian
    # neurology resident, a Salvadoran neurosurgery registrar, a Tajik district hospital doctor, Kuwaiti medical and ICU
    # registrars, a Guatemalan ED doctor, an Orkney practice nurse, a Moldovan cardiologist, a rural doctor in Bolivia's
    # Beni, an Eritrean medical officer, a Luxembourg anaesthetist, a Moroccan hospital pharmacist, a Uruguayan
    # rheumatology resident, a Basque ID pharmacist, a Tasmanian rural pharmacist, an Azerbaijani resident, a Kiribati nurse
    # midwife, Nicaraguan doctors, a Cape Verdean obstetrician, a Belarusian interventional fellow, a Yemeni nephrology
    # registrar, PhD students, a train conductor, a bookbinder, a sheep shearer's child, a museum guide, a hospital cleaner, a
    # vineyard worker, a retired army officer writing formally, a Korean-Canadian daughter, a dog groomer, a forklift driver,
    # a new mum, parents, wives, a brother, daughters and grandchildren, near-miss), frozen at commit, before carepath
    # answered any of them.
    "questions_ac.jsonl": "e62e0b71b8737f0c187cb060a13951fea7b0e408d3fefdef8c1452200e314aad",
    # questions_ad.jsonl: a thirty-first author (a Jordanian community pharmacist in Amman and a cardiology pharmacist in
    # Irbid, a Montenegrin GP and obstetrician, a Burkinabe neurosurgical resident, a Lesotho district nurse, a Botswana
    # community midwife, a Surinamese GP, a Bulgarian renal registrar and psychiatry resident, a Cambodian resident, a
    # Malagasy surgeon and ICU doctor, a Belizean rural nurse practitioner, a Guyanese ED doctor, a Lao haematology fellow,
    # an Azorean GP, a Burmese GI registrar, Northern Irish nurses in Belfast and Derry, a Cook Islands stroke registrar, a
    # Vanuatu ED consultant, a Namibian acute physician, a Da Nang-born US hospitalist, a retired judge writing formally, a
    # tax accountant, a bin collector, a lighthouse volunteer, a chimney sweep, a theatre technician, a Vietnamese-American
    # son, parents, wives, husbands, sons and nephews, near-miss), frozen at commit, before carepath answered any of them.
    "questions_ad.jsonl": "56abaf50dd92f0572746240ff973bd9ece9406b799dd311fdeb5d04571915f0c",
    # questions_ae.jsonl: a thirty-second author (a Slovenian GP, Omani hospital and hepatology pharmacists, a Venezuelan
    # internist and paediatrician working in Colombia, a Cornish practice nurse, a Samoan-New Zealand midwife, a Faroese
    # neurosurgical nurse, an Andorran GP and addiction nurse, a Gibraltar pharmacist and anaesthetist, a Laotian-American
    # daughter, a postwoman, a glassblower, a court interpreter, a retired headmistress writing formally, a ferry deckhand
    # and a skipper's wife, a sommelier, a retired piano tuner, a kidney transplant recipient, relatives, near-miss),
    # frozen at commit, before carepath answered any of them.
    "questions_ae.jsonl": "4e45e67b4927bf5f2136711a31cc46642c5aa272bfadb797723b0bee1312839a",
    # questions_af.jsonl: a thirty-third author (a Qatari cardiology registrar and hospital and cath-lab pharmacists in Doha,
    # a Tuvalu GP in Funafuti, a Solomon Islands midwife in Honiara and nurse in Gizo, a Timor-Leste GP in Dili, a Falklands
    # doctor in Stanley, a St Helena addiction nurse, a Tristan da Cunha dental nurse, an Isles of Scilly practice pharmacist,
    # an Isle of Man community pharmacist, FY2 and paediatric nurse, Bruneian ICU and hepatology pharmacists and a PICU nurse,
    # a Corsican hepatology intern and clinical pharmacist, Sardinian ID, obstetric and neuro doctors and a neuro ICU nurse,
    # a French military doctor in Djibouti, a Mauritanian GP and ID pharmacist, a Georgian cardiology fellow, an agency night
    # HCA, a community midwife, a retired naval officer writing formally, a tree surgeon, a thatcher, a funeral director, a
    # locksmith, lifeboat and mountain rescue volunteers, a village first responder, a zookeeper, a falconer, a farrier, a
    # taxidermist, a cheesemaker, a clockmaker, an organist, an astronomer, a cartographer, a wind-turbine technician, a
    # pregnant woman, mums, husbands, wives, sons and grandchildren, near-miss), frozen at commit, before carepath answered
    # any of them.
    "questions_af.jsonl": "8b09cd2b658e74b7baaba36e39f3ce7ee13a23724d148957da58dfc57b2f176a",
    # questions_ag.jsonl: a thirty-fourth author (a Liechtenstein GP in Vaduz, a Seychelles clinic nurse on Praslin and a
    # rheumatology nurse, an Aland hospital pharmacist in Mariehamn, a Monaco cardiologist, a Bermuda hospital pharmacist, a
    # Turks and Caicos paramedic in Providenciales, a Svalbard doctor in Longyearbyen, a Palau nurse in Koror, the doctor on
    # shift in Nauru, a Maldivian medical resident in Male, a Sao Tome GP, a Niue nurse, an Anguilla ED nurse, community
    # pharmacist and transferring doctor, a Montserrat district nurse, a Comoros staff nurse in Moroni, a San Marino
    # anaesthetist, a Marshall Islands doctor and midwife in Majuro, a neuro ICU nurse, a school nurse, a retrieval doctor,
    # an addiction nurse, a student midwife, a burns OT, a urology CNS, a cardiac surgery pharmacist, an obstetric
    # registrar, a retired barrister writing formally, a luthier, a crossword setter, an air traffic controller, a
    # puppeteer, a stained-glass restorer, a church bell-ringer, a hot-air balloon pilot, a cobbler, an upholsterer,
    # voice-dictated messages with mis-heard words, wives, sons, daughters and brothers, near-miss), frozen at commit,
    # before carepath answered any of them.
    "questions_ag.jsonl": "dbfdc276ae38ebfaf138ae8cd43150860c18ce96a967df3f6b47d56a6bb2d249",
    # questions_ah.jsonl: a thirty-fifth author (a Jersey GP in St Helier, an Alderney GP, a nurse practitioner on St Mary's
    # in the Scilly Isles, an Anglesey paramedic and a Dominica paramedic in Roseau, a Freetown medical officer, a Monrovia ER
    # doctor, a Banjul community pharmacist writing English as a second language, a Curacao hospital pharmacist in Willemstad,
    # an Aruba pharmacist, a Zanzibar doctor, a Grenada ED doctor, a Yellowknife nurse practitioner, a Reunion GP, a Kigali ICU,
    # a Tongan hospital in Nuku'alofa, a Libreville and a Bishkek neurosurgery resident, a Juba pre-op clinic, an Apia
    # surgeon, a Christmas Island nurse, a Mayotte midwife, a Martinique NICU, a Rapa Nui doctor, a Gaborone GP, French-
    # speaking doctors in Kinshasa, Cotonou and Bamako, a Dushanbe nephrology pharmacist, a Lilongwe paediatric clinical
    # officer, a Noumea oncology pharmacist, a Papeete obstetric physician, a Thimphu ID registrar, a physician associate and
    # a maternity ward on the Isle of Wight, a Kirkwall health visitor, a custody nurse, a dietitian, a glass-etching works
    # first-aider, a court stenographer writing a formal letter, a retired jockey's wife, a saddler, a blacksmith, a glazier's
    # child, a stage magician's wife, an archivist, a typesetter's child, a brother abroad with basic English, voice-dictated
    # messages with mis-heard words, wives, husbands, daughters, sons and mums, near-miss), frozen at commit, before carepath
    # answered any of them.
    "questions_ah.jsonl": "1451198eb87f779b7adea90edf8ae887c5bf40583e2459007462c34040c66374",
    # questions_ai.jsonl: a thirty-sixth author (a Stornoway GP, a Lerwick pre-assessment nurse and ED registrar, a Barra
    # locum, a Castlebay GP with a renal interest, an Ushuaia guardia doctor and community midwife, an Mbabane pharmacist and
    # anaesthetist, an Ulaanbaatar rheumatology nurse and ICU, a Hargeisa HDU and paediatric nurse, a Saipan birth-centre
    # midwife and clinic nurse, Pohnpei neonatal nurse and midwife, a Nuuk clinical pharmacist and paediatric ICU, a Maseru
    # neuro ICU and GP, a Dili ED doctor, a Lesotho paramedic, an anticoagulation, renal and community pharmacist, a physician
    # associate, a sonographer doing TCDs, an interventional radiology nurse, a podiatrist, a speech therapist relaying a
    # family, a phlebotomist relaying a junior, a retired letterpress printer's formal letter, a dry-stone waller, a cooper,
    # a thatcher's wife, a lock keeper, a harpist, a tour-bus driver, a Mongolian student and a daughter writing English as a
    # second language, voice-dictated messages with mis-heard words, sons, daughters, wives and granddaughters, near-miss),
    # frozen at commit, before carepath answered any of them.
    "questions_ai.jsonl": "5d00e2fed06a174601192c946069639bd5c6227e8e6b1d91c6352bc9228c6a23",
    # questions_aj.jsonl: a thirty-seventh author (a Norfolk Island GP and agency ward nurse, a Wallis and Futuna nurse and
    # obstetric physician in Mata-Utu, a Saint-Pierre-et-Miquelon pharmacist, a Tokelau midwife, a Cocos (Keeling) clinic doctor,
    # an Ascension Island paramedic, Pitcairn and Kosrae nurses, a Guam addiction nurse, a Reunion cardiology pharmacist and
    # registrar, a Curacao transfusion practitioner, an Aruba hospital pharmacist, a Mayotte NP, a Hammerfest heart failure
    # nurse, French Guiana cath-lab, rheumatology and postnatal staff, a perfusionist, a paediatric haematology pharmacist,
    # a snowplough depot paramedic crew, a reindeer herder, a retired magistrate writing formally, a voice-dictated ICU
    # nurse, ESL patients, wives, sisters, sons, daughters and grandchildren, near-miss), frozen at commit, before
    # carepath answered any of them.
    "questions_aj.jsonl": "fb4d36ec63ab22728f112c0e003db9f83837848c29ad79a97d8d446832f40a12",
}

# Unicode look-alikes folded to one ASCII spelling on BOTH the fact and the section text, so a fact typed
# with "-" matches a section written with an en dash, and "≥ 30" matches ">= 30".
_FOLD = {
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2265": ">=", "\u2264": "<=", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
}


def expected_split(question: str) -> str:
    """The frozen split rule: a pure function of the question text, fixed before any tuning."""
    return "test" if int(hashlib.sha256(question.encode("utf-8")).hexdigest(), 16) % 100 < 45 else "tune"


def hash_split_files(folder: Path = EVAL_DIR) -> list[Path]:
    """The question files whose rows are split by the frozen hash rule (TEST comes only from these)."""
    return [p for p in sorted(folder.glob("*.jsonl")) if p.name not in TUNE_ONLY_FILES]


def test_digest(rows: list[dict]) -> str:
    """sha256 over a file's TEST rows in file order (canonical JSON), so any edit to them shows."""
    canon = "\n".join(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows if r.get("split") == "test")
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def normalise(text: str) -> str:
    """Lower-case, NFKC, fold dashes/comparison signs/quotes, collapse whitespace."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_FOLD.get(ch, ch) for ch in text)
    return re.sub(r"\s+", " ", text).strip().lower()


def corpus_root() -> Path:
    """Find the open_medicine guideline folder (registry.json + content/)."""
    try:
        import open_medicine  # lazy: standalone script; a wrong interpreter gets the message below, not a traceback
    except ImportError as exc:
        sys.exit(f"check_questions: cannot import open_medicine ({exc}); run with the project venv: "
                 ".venv/bin/python knowledge/data/eval/check_questions.py")
    root = Path(open_medicine.__file__).resolve().parent / "guidelines"
    if not (root / "registry.json").is_file():
        sys.exit(f"check_questions: {root / 'registry.json'} not found; is open_medicine installed completely?")
    return root


def load_registry(root: Path) -> dict[str, list[str]]:
    """Guideline id -> its section stems, from registry.json."""
    entries = json.loads((root / "registry.json").read_text(encoding="utf-8"))
    return {e["id"]: list(e["sections"]) for e in entries}


class Checker:
    """Accumulates problems and counts over one or more question files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.registry = load_registry(root)
        self.section_cache: dict[tuple[str, str], str] = {}
        self.seen_ids: dict[str, str] = {}
        self.seen_questions: dict[str, str] = {}
        self.errors: list[str] = []

    def section_text(self, gid: str, section: str) -> str | None:
        key = (gid, section)
        if key not in self.section_cache:
            path = self.root / "content" / gid / f"{section}.md"
            self.section_cache[key] = normalise(path.read_text(encoding="utf-8")) if path.is_file() else None
        return self.section_cache[key]

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def check_row(self, row: dict, where: str, tune_only: bool = False) -> None:
        missing = [k for k in REQUIRED if k not in row]
        if missing:
            self.err(where, f"missing field(s) {missing}")
            return
        rid, question, style = row["id"], row["question"], row["style"]
        if not isinstance(rid, str) or not rid:
            self.err(where, "id must be a non-empty string")
        elif rid in self.seen_ids:
            self.err(where, f"duplicate id {rid!r} (first seen at {self.seen_ids[rid]})")
        else:
            self.seen_ids[rid] = where
        if not isinstance(question, str) or len(question.strip()) < 8:
            self.err(where, "question must be a string of at least 8 characters")
            return
        qkey = normalise(question)
        if qkey in self.seen_questions:
            self.err(where, f"duplicate question text (first seen at {self.seen_questions[qkey]})")
        self.seen_questions.setdefault(qkey, where)
        if style not in STYLES:
            self.err(where, f"style {style!r} not one of {sorted(STYLES)}")
        if row["split"] not in SPLITS:
            self.err(where, f"split {row['split']!r} not one of {sorted(SPLITS)}")
        elif tune_only:
            if row["split"] != "tune":
                self.err(where, f"split is {row['split']!r} in a TUNE-only file; rows here must be 'tune'")
        elif row["split"] != expected_split(question):
            self.err(where, f"split is {row['split']!r} but the hash rule gives {expected_split(question)!r}; "
                            "splits are frozen and must not be hand-assigned")
        if row["answerable"] is True:
            self.check_answerable(row, where)
        elif row["answerable"] is False:
            self.check_unanswerable(row, where)
        else:
            self.err(where, "answerable must be true or false")

    def check_answerable(self, row: dict, where: str) -> None:
        gid, section, facts = row["guideline_id"], row["section"], row["facts"]
        if row["style"] not in ANSWERABLE_STYLES:
            self.err(where, f"answerable row has style {row['style']!r}; near_miss rows must be unanswerable")
        if gid not in self.registry:
            self.err(where, f"guideline_id {gid!r} is not in registry.json")
            return
        if section not in self.registry[gid]:
            self.err(where, f"section {section!r} is not a section of {gid} ({self.registry[gid]})")
            return
        text = self.section_text(gid, section)
        if text is None:
            self.err(where, f"content file content/{gid}/{section}.md is missing")
            return
        if not isinstance(facts, list) or not 1 <= len(facts) <= MAX_FACTS:
            self.err(where, f"answerable rows need 1-{MAX_FACTS} facts, got {facts!r}")
            return
        for fact in facts:
            if not isinstance(fact, str) or len(normalise(fact)) < 2:
                self.err(where, f"fact {fact!r} must be a non-trivial string")
            elif len(fact.split()) > MAX_FACT_WORDS:
                self.err(where, f"fact {fact!r} has more than {MAX_FACT_WORDS} words; keep facts short")
            elif normalise(fact) not in text:
                self.err(where, f"fact {fact!r} does not occur verbatim in content/{gid}/{section}.md")

    def check_unanswerable(self, row: dict, where: str) -> None:
        if row["guideline_id"] is not None or row["section"] is not None or row["facts"] != []:
            self.err(where, "unanswerable rows need guideline_id null, section null and facts []")
        near = row.get("near_guideline_id")
        if near is not None and near not in self.registry:
            self.err(where, f"near_guideline_id {near!r} is not in registry.json")
        if row["style"] == "near_miss" and near is None:
            self.err(where, "near_miss rows should name the guideline they are near in near_guideline_id")

    def check_file(self, path: Path) -> list[dict]:
        rows = []
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{lineno}"
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                self.err(where, f"not valid JSON ({exc})")
                continue
            if not isinstance(row, dict):
                self.err(where, "each line must be a JSON object")
                continue
            self.check_row(row, where, tune_only=path.name in TUNE_ONLY_FILES)
            rows.append(row)
        frozen = FROZEN_TEST.get(path.name)
        if frozen is not None and test_digest(rows) != frozen:
            self.err(path.name, f"its TEST rows changed after they were frozen (digest {test_digest(rows)[:12]}..., "
                                f"frozen {frozen[:12]}...); TEST rows are never edited after tuning starts: "
                                "restore them, or write new questions in a new file")
        return rows


def summarise(name: str, rows: list[dict]) -> None:
    """Print counts by style x split and answerable, so style shares and the test fraction are visible."""
    by = Counter((r.get("style"), r.get("split")) for r in rows)
    styles = sorted({s for s, _ in by}, key=lambda s: (s not in ANSWERABLE_STYLES, str(s)))
    ans = Counter(r.get("answerable") for r in rows)
    test = sum(1 for r in rows if r.get("split") == "test")
    print(f"== {name}: {len(rows)} rows, answerable {ans.get(True, 0)}, unanswerable {ans.get(False, 0)}, "
          f"test {test} ({100 * test / max(len(rows), 1):.0f}%)")
    print(f"   {'style':<11} {'tune':>5} {'test':>5} {'total':>6}  (answerable/unanswerable)")
    for s in styles:
        sub = [r for r in rows if r.get("style") == s]
        a = sum(1 for r in sub if r.get("answerable") is True)
        print(f"   {str(s):<11} {by[(s, 'tune')]:>5} {by[(s, 'test')]:>5} {len(sub):>6}  ({a}/{len(sub) - a})")
    gids = Counter(r.get("guideline_id") for r in rows if r.get("answerable") is True)
    print(f"   guidelines covered by answerable rows: {len(gids)}")


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] if argv else sorted(EVAL_DIR.glob("*.jsonl"))
    if not files:
        print(f"check_questions: no *.jsonl files in {EVAL_DIR}", file=sys.stderr)
        return 1
    checker = Checker(corpus_root())
    all_rows: list[dict] = []
    for path in files:
        if not path.is_file():
            checker.err(str(path), "file not found")
            continue
        rows = checker.check_file(path)
        summarise(path.name, rows)
        all_rows.extend(rows)
    if len(files) > 1:
        summarise("ALL", all_rows)
    for e in checker.errors:
        print("ERROR", e)
    print(f"{len(checker.errors)} problem(s)" if checker.errors else "OK: all rows pass")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
