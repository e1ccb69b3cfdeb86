"""What a question asks (its shape) and what it is about (its targets).

Shapes: latest, first, highest, lowest, count, trend (over an optional
window of years), list (of what is active), ever (has it happened), date_of,
demographic, and value (a plain "what is X"). Targets are resolved against
the record's manifest: a question names a coded thing (by LOINC code, by the
record's own name, or by a lay or clinical synonym), or a whole resource type
("allergies?", "current medications"). A question that names something the
record does not hold resolves to nothing, and the answer says so.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from carepath.tools.records import lexicon
from carepath.tools.records.manifest import Concept, Manifest
from carepath.tools.records.spelling import everyday, is_english, own_word, record_words

Shape = Literal["latest", "first", "highest", "lowest", "count", "trend", "list", "ever", "date_of",
                "demographic", "value"]

# types a question reaches only when it names them: their names repeat a
# diagnosis ("Cardiac Arrest" visit, "Diabetes self management plan")
OPT_IN = ("Encounter", "CarePlan", "Device", "ImagingStudy", "Goal", "CareTeam")
PRIORITY = ("Observation", "Condition", "MedicationRequest", "MedicationStatement", "Immunization", "Procedure",
            "DiagnosticReport", "Encounter", "AllergyIntolerance", "CarePlan", "ImagingStudy", "Device", "Goal",
            "CareTeam")

_DEMOGRAPHIC = (
    # "home town" is both where one lives and where one was born (Merriam-Webster): the answer gives both
    ("hometown", re.compile(r"\bhome ?town\b")),
    ("birthPlace", re.compile(r"\b(where was i born|where .* born|place of birth|birth ?place|born where|"
                              r"(town|city|country|place|hospital) .*\bborn|born in (which|what)|"
                              r"where (is|are|am) (he|she|i|they) from|(from|come from) originally|originally from)\b")),
    ("birthDate", re.compile(r"\b(date of birth|birth ?date|dob|born|birthday|year of birth|birth year|"
                             # "good of him at his age", "fit for her age": said of him, not asked
                             r"how old|what age is|(?<!at )(?<!for )(his|her|my|their|(the )?patient'?s?|pt'?s?) age|"
                             r"age of (the )?(patient|pt)|^age)\b")),
    ("gender", re.compile(r"\b(sex|gender|male or female|female or male|man or woman|woman or man)\b")),
    # "every single winter", "a single dose": emphasis or a count, not the marital status
    ("marital", re.compile(r"\b(marital|married|unmarried|(?<!every )(?<!a )(?<!one )(?<!each )single(?! (dose|doses|"
                           r"time|times|day|days|one|visit|reading|result|episode|winter|year|shot|jab|tablet|pill))|"
                           r"divorced|widowed|widow|widower|spouse|"
                           r"(have|has) a (wife|husband))\b")),
    ("race", re.compile(r"\brace\b")),
    ("ethnicity", re.compile(r"\b(ethnicity|ethnic|hispanic|latino)\b")),
    ("language", re.compile(r"\b(language|speak|interpreter|translator)\b(?! (therapy|therapist|delay|disorder)\b)")),
    # "is he still alive?", "date of death?": Patient.deceased[x], answered even when it is not set
    ("deceased", re.compile(r"\b((?<!the )(?<!of )deceased(?!'s)|date of death|dod|(is|was|are) (he|she|they|the patient|pt|patient) "
                            r"(still )?(alive|living|dead)|when did (he|she|they|the patient|pt|patient) (die|pass away)|"
                            r"(has|have|had) (he|she|they|the patient|pt|patient) (died|passed away))\b")),
    ("address", re.compile(r"\b(address|postcode|post code|zip ?code|postal code)\b")),
    ("city", re.compile(r"\b(city|town|where (do|does) (i|they|he|she|the patient|patient|pt|mum|mom|dad) live|where (is|am|are) (i|they|he|she) living|"
                        r"live in|lives in|living in|residence|reside|resides)\b")),
)
_COUNT = re.compile(r"\b(how many(?! (years|months|weeks|days) (since|ago|has it been|have passed|(has|have) (he|she|i|they) (had|been))\b)|how much times|how much time(?! (ago|since|left|between|did it take|does it take|in)\b)|(?<!top )(?<!bottom )(?<!upper )(?<!lower )(?<!small )(?<!smaller )"
                    r"(?<!little )(?<!big )(?<!bigger )number of(?! (above|below|top|bottom|up|down)\b)"
                    # "the count of the little cells that stop bleeding" is a blood count, not how many times, and so
                    # is "his red blood cells, the count of them"
                    r"|count of(?! (the |his |her |my |their )?([a-z]+ ){0,3}(cells?|platelets?)\b| (them|those|these|it)\b)|how often"
                    r"|how frequently)\b")
_TREND = re.compile(r"\b(trend\w*|over time|over the years|chang\w*|nerfed|buffed|higher or lower|lower or higher|better or worse|"
                    r"(first|earliest|baseline|initial)\b.*\b(versus|vs\.?|against|compared)\b|compare|"
                    r"(first|earliest|initial|oldest|baseline)\b.*\b(and|&|plus|to|then)\b.*\b(latest|last|most recent|newest|now)\b|"
                    r"how (has|have|did) (it|they|that|this|\w+) moved?\b|"
                    r"(where|what) (did|does|do) (it|they|these|those) start\b.*\bnow\b|then and now|start(ed)? and (where|what) (is|was) it now|"
                    r"(earlier|older|previous|prior)\b.*\b(more recent|latest|later|newer|current|now)\b|"
                    r"(dropped|fallen|risen|increased|decreased|come down|crept up)\b.*\b(since|from|over)|"
                    r"up,? (or )?down|compared (to|with)|than (when|it was|at first|before)|improv\w*|worsen\w*|gone (up|down)|go(ne|ing)? (up|down)|went (up|down)|"
                    r"since (19|20)\d\d|between (19|20)\d\d|from (19|20)\d\d|values in|serial|series)\b|"
                    r"\b(19|20)\d\d\s*(-|–|to|through|until)\s*(19|20)\d\d\b")
# the window phrases that alone make _TREND match ("since 2015", "between 2012 and 2014", "2015-2019")
_WINDOW_ONLY = re.compile(r"\b(since|between|from) (19|20)\d\d\b|\b(19|20)\d\d\s*(-|–|to|through|until)\s*(19|20)\d\d\b")
# "the most low", "more high" (a learner's comparative) say the same
_BEST = re.compile(r"\b(?<!all the )(?<!at )best\b(?! (regards|wishes|way|time to|friend)\b)")
_HIGH = re.compile(r"\b(highest|peak|max|maximum|most i have ever|largest|biggest|worst|top value|most (high|big)"
                   r"|heaviest|fattest|tallest|fastest|greatest)\b")
_LOW = re.compile(r"\b(lowest|minimum|min|nadir|least|smallest|most (low|small)|lightest|thinnest|slimmest|slowest)\b")
# "did her potassium ever go low?", "has his BP been high?": how far it went is what is asked
_WENT = r"\b(ever|been|be|go|goes|gone|went|going|run|runs|ran|get|gets|got|come back|came back|read)"
_DEGREE = r" (too |very |really |dangerously |abnormally |a bit |a little |at all )?"
# ... said of the value at the end of its clause ("has she got high cholesterol" is the diagnosis)
_CLAUSE_END = r"(?=\s*($|[?.,!;:]|(at|ever|in|on|since|during|and|or|when|before|after|recently|lately|then|last)\b))"
_GOES_HIGH = re.compile(rf"{_WENT}{_DEGREE}(high|raised|elevated|up high){_CLAUSE_END}|\b(spiked?|shot up)\b")
_HIGH_LOW_WORD = re.compile(rf"({_WENT}{_DEGREE})(high|raised|elevated|low){_CLAUSE_END}", re.I)
_TOO_HIGH = re.compile(r"\b(too|very|so|really|dangerously|abnormally|a bit|a little) (high|low)\b", re.I)
_GOES_LOW = re.compile(rf"{_WENT}{_DEGREE}(low|down low){_CLAUSE_END}|\b(dipped|dropped too low)\b")
_LAST = re.compile(r"\b(latest|most recent|most recently|newest|last|recent|recently|lately|current|currently|now"
                   r"|at the end|in the end)\b")
# "past and current", "active and resolved": both states asked, so no status filter
_ENDED_WORD = (r"(past|previous|old|former|inactive|resolved|ended|stopped|finished|cleared( up)?|healed|closed|completed"
               r"|historic(al)?)")
# "past and current", "including the resolved problems", "the ones that cleared up as well": both states asked
_BOTH_STATES = re.compile(r"\b(past|previous|old|former|inactive|resolved|ended|stopped)( ones?)?,? (and|or|&|/) "
                          r"(current|present|active|ongoing|new)\b|\b(current|present|active|ongoing)( ones?)?,? (and|or|&|/) "
                          r"(past|previous|old|former|inactive|resolved|ended|stopped)\b"
                          rf"|\b(including|incl\.?|as well as|along with|together with)( the| any| all)?"
                          rf"( ones?)?( (that|which)( have| has| had| were| was| got)?)? {_ENDED_WORD}\b"
                          rf"|\b{_ENDED_WORD}( ones?| problems?| conditions?| diagnos[ie]s| items?)? (included|too|as well)\b")
_YESNO_OPENER = re.compile(r"^(did|does|do|has|have|had|is|are|was|were|can|could)\b")
_WHEN_CLAUSE = re.compile(r"\bwhen (he|she|i|they|it|you|we|my|his|her|their|dad|mum|mom)\b")
_WHICH_ARE = re.compile(r"\b(which|what) (of )?(his |her |my |their |the )?(\w+('s|s')? )?\w+s (are|were|have been)\b")
_WHETHER = re.compile(r"\b(confirm|check|state|verify|say|tell me|know|see|find out|ask)( for me)? (whether|if)\b")
_UP_TO_DATE = re.compile(r"\b(up to date|up-to-date|current) (with|on) (his |her |my |their |the )?"
                         r"(?!(medications?|medicines?|meds|tablets?|pills?)\b)\w+")
_FIRST = re.compile(r"\b(first|earliest|oldest|initial|baseline|start|started|begin|began)\b")
# "the second time", "his 3rd colonoscopy", "the one before last": one event counted from either end
# ("a second opinion", "second-hand smoke", "third-degree" count nothing)
_NTH_WORDS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}
_NTH = re.compile(r"\b(second|2nd|third|3rd|fourth|4th|fifth|5th)\b(?![- ](?:opinion|hand|line|degree|half|look)\b)"
                  r"(?! (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)")
_BEFORE_LAST = re.compile(r"\b(?:penultimate|(?:second|2nd)[- ](?:to[- ])?(?:last|latest|most recent)|last but one"
                          r"|(?:one|time|visit|result|reading) before (?:the )?(?:last|latest|most recent)(?: one)?"
                          r"|[a-z]+ before (?:the )?(?:last|latest|most recent) one)\b")
_LIST = re.compile(r"\b(list|active|current|currently|right now|on file|regular|regularly|"
                   # "what kinds of visits has he had", "immunisation history summary": the list of that type
                   r"what (kinds?|types?|sorts?) of|(immuni[sz]ation|vaccination|vaccine|medication|drug|prescription|"
                   r"surgical|procedure|visit|encounter) history|"
                   # "every med ever prescribed": each of them, not whether any
                   r"every (meds?|medications?|medicines?|drugs?|prescriptions?|procedures?|vaccines?|vaccinations?|"
                   r"immuni[sz]ations?|jabs?|conditions?|diagnos[ie]s|problems?|visits?|encounters?|reports?|plans?|"
                   r"devices?)\b|"
                   r"what .* (do|am) i (have|on|taking)|what .* (is|are) (he|she|they) (on|taking))\b")
# "how often does she take it", "how many times a day is he meant to use his inhaler": the dosage of an order
_HOW_TAKEN = re.compile(r"\bhow (often|many times a (day|week)|frequently) (do|does|did|should|is|are|was|were) "
                        r"(i|he|she|they|you|the patient|patient|pt|(my|his|her|their) \w+) (\w+ )?(to )?(take|taking|use|"
                        r"using)\b")
_EVER = re.compile(r"\b(ever|any|has .* been|have i (had|been)|did i|history of|hx|h/o|history|prior|previous|previously|"
                   r"is there|are there|was there|were there|(has|have) (he|she|they|i|you|the patient|patient|pt) (had|got|received)|"
                   r"(do|does) (i|he|she|they|the patient|patient|pt) (have|suffer)|"
                   r"was .* (done|given|measured|checked)|"
                   r"is (the|my|his|her) \w+ active|received|given|had (a|an|my|the|his|her))\b")
# "is his prediabetes still active?", "is the anemia current?": a yes/no question about whether one
# thing is still going on (an "ever" read with its current status), not a request for a list
_STILL = re.compile(r"(^|[:;,.\-] )(is|are) (the|my|his|her|their|this|that) [\w'/ -]+? "
                    r"(still|active|current)\b"
                    # "the plan for his high fat in the blood, is it still going?": the pronoun form, status words only
                    r"|(^|[:;,.\-] )(is|are) (it|they|that|this) (still )?(going( on)?|running|ongoing|open|in place|"
                    r"active|current)\b")
# "is he on simvastatin?", "currently taking a statin?": a yes/no question about what is going on now
# (an "ever" read with its current status), not a request for the latest or for a list
_ON = re.compile(r"(^|[:;,.\-] )((is|are|am) (\w+ ){1,2}(currently |still |now |presently )?(on|taking|using) |"
                 r"(currently|still|presently) (on|taking|using) )")
# a yes/no question ("has he been diagnosed with X?") asks whether, not when, unless it names a date
_YESNO = re.compile(r"(^|[:;,.\-] )(has|have|had|is|are|was|were|did|does|do|any|ever)\b")
# "is he prediabetic?", "am I a smoker?": a yes/no question about the person
# "did he receive the flu jab?", "has she undergone a polypectomy?": past events asked yes or no
# "Granddaddy been on the breathing plan?", "He had a colonoscopy?": spoken yes/no questions drop the
# auxiliary ("has he been ...") and keep the question mark; the subject is one or two words, never a wh-word
_BARE = (r"(^|[:;,.!?\-] )(?!(what|when|which|how|who|where|why|whose|did|does|do|has|have|is|are|was|were|and|but|so)\b)"
         r"(\w+'?s? ){1,2}(been|had|got|gotten|received|ever had) (on|given|diagnosed|told|treated|put on|a|an|the|any|"
         r"his|her|their|my|some)\b[^?.!]*(?=\?)")
_PERSON_YESNO = re.compile(r"(^|[:;,.\-] )(is|are|am|has|have|had|did|was|were|does|do) "
                           r"(he|she|i|they|the patient|patient|pt|(my|his|her|their) \w+)\b|"
                           rf"\b(in the past|past (medical )?history)\b|{_BARE}")
# "did the GP refer him on to a physio?", "has the doctor sent her for physiotherapy?": whether a referral
# happened is asked yes or no, whoever (not the patient) is the sentence's subject
_REFERRED = re.compile(r"(^|[:;,.\-] )(did|has|have|had|was|were|is|are)\b.*\b(refer|refers|referred|referral|send|sends|sent)\b")
# "did he ever get the tetanus jab, and when?", "has he had a colonoscopy - if so, when?", "... and if he
# has, when was it?", "... Is that true? When was that?" (Pidgin "E true? When be dat?"): a yes/no question
# that also asks the date is answered yes or no with the date, not as a date alone
_EVER_AND_WHEN = re.compile(rf"(\b(ever|any|whether|confirm|true|or not|on (his|her|my|their|the) (record|records|chart|file|notes)|hx|h/o|history of|(is|are|was|were) there|(has|have|did|was|were|is) (he|she|i|they|the patient|patient|pt|that|it|this|dad|mum|mom|"
                            rf"father|mother|grandad|granddad|grandpa|grandma|nan|papa|mama)\b)|{_BARE}).*"
                            r"(\b(and|if so|if yes|(and )?if (he|she|i|they|you|we|it|there) (has|have|had|did|does|was|were|is))"
                            r"[, ]+(and )?(when|since when|(on )?what (date|day)|(since |in )?(what|which) year|the date|(the )?(latest|last|most recent|first) date)\b|[?,;]\s*(\w+\s+){0,3}when\W*$|[?,;]\s*when (was|did|were|is|be) (it|that|this|they|dat|the (last|latest|most recent|first) (time|one|script|prescription|dose|shot|jab))\W*$"
                            # "Td ever given? Date?": a bare date asked after a yes or no
                            r"|[?;]\s*(the |which |what )?(date|day)\W*$"
                            # "Any hx of anemia? When was it dx'd?": the date of what was just asked
                            r"|[?;]\s*when (was|were) (it|that|this|they)( first)? (diagnosed|dx'?d|found|picked up|noted|recorded|given|done)\W*$"
                            r"|[?,;.]\s*(dx |diagnosis |onset |the )?date( of (it|diagnosis|onset))?,? (if so|if yes|if any)\W*$)")
# "Is obesity really written in his record?", "is that on her chart", "Is it true my record says my heart
# stopped?": whether the record holds a thing, asked yes or no (with its date when it does; "does his record
# mention X?" is read as "is there X?", ``reworded``)
_ON_RECORD = re.compile(r"^\W*(?:is|are|was|were) (?:it|that|this) (?:really )?(?:true|right|correct)\b"
                        r"|^\W*(?:is|are|was|were) (?!there\b)\S.*?\b(?:written|recorded|noted|documented|listed|mentioned|"
                        r"in|on) (?:in |on |down in )?(?:his|her|my|their|the|your) (?:record|records|chart|file|notes)\b",
                        re.I)
# "since how much time she has ...", "since how long": a learner's "since when"
_ASKS_WHEN = re.compile(r"\b(when|date|dates|what day|onset|what year|how long ago|since how (long|much time))\b")
_WHEN = re.compile(r"\b(when|date|what day|onset|diagnosed|since how (long|much time))\b")
_END = re.compile(r"\b(resolve\w*|end|ended|stop|stopped|heal\w*|abate\w*|finish\w*|over|clear(ed)? up|go(ne)? away|went away)\b")
# "resolved conditions", "stopped medicines": only what has ended (as "active" keeps only the current)
_ENDED_ONLY = re.compile(r"\b(resolved|inactive|completed|stopped|discontinued|healed|cleared|finished|finish already|sorted out|"
                         r"(now|are|is|all|been) over|over now|cleared up|got better|(now|are|is) better|went away|gone away|closed|"
                         r"(not|no longer|no more) (the )?(active|current|ongoing)( ones?)?(?! only)|not active (any ?)?more"
                         # "his old care team, not the current one": a team or plan said to be over
                         r"|(old|former|previous|past|earlier) care ?(teams?|plans?)"
                         r"|no longer (on|taking|takes|taken|using|uses|has|having)|(not|isn't|is not) on (it|them) any ?more"
                         r"|(doesn't|does not|don't|do not|isn't|is not) (take|taking|use|using|have|having|on)( (it|them))? any ?more)\b")
_NOT_ACTIVE = re.compile(r"\b(not|no longer|no more) (the )?(active|current|ongoing)\b"
                         r"|\bnot (just|only) (now|the current ones?|current|active|the active ones?)\b")
# "what did my bone scan show", "bone scan result?", "what score did the scan give": the asker wants the
# measurement the test produced, not the event
_RESULT = re.compile(r"\b(show(?! me| us| all| the| his| her| my| their| every)|showed|shown|shows|find|found|findings|say|said|reveal\w*|results?|scores?|"
                     r"outcomes?)\b")
_MEASURED = re.compile(r"\b(checked|measured|tested|level|reading|result|value|drawn|score|t-score)\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_LOINC = re.compile(r"\b(\d{1,7}-\d)\b")
# for these a worse value is a lower one
LOWER_IS_WORSE = {"33914-3", "2085-9", "718-7", "777-3", "62238-1", "48642-3", "48643-1"}


class Parsed(BaseModel):
    question: str
    shape: Shape
    asks_date: bool = False
    asks_when: bool = False  # says "when"/"date" (not only "diagnosed"): a yes/no question then wants the date
    asks_end: bool = False
    ordinal: Literal["first", "last"] | None = None
    nth: int | None = None  # "the second time": 2; "the one before last": -2 (counted from the end)
    several: int | None = None  # "his last three blood pressures": 3 (with ``ordinal``, from that end)
    # "in the last 2 years": (2, "year"), counted back from the record's latest entry (``answer``)
    back: tuple[int, str] | None = None
    window_note: str = ""  # how a counted-back window was anchored, said with the answer
    current: bool = False
    ended_only: bool = False
    asks_result: bool = False
    window: tuple[str, str] | None = None
    demographic: str | None = None
    demographics: list[str] = Field(default_factory=list)  # each asked ("marital status and language")
    category: str | None = None  # "labs" / "vitals": one Observation category of the whole type
    worst: bool = False
    best: bool = False  # "the best his eGFR has been": the highest where lower is worse, else the lowest
    loinc_codes: list[str] = Field(default_factory=list)
    threshold: tuple[Literal[">", "<"], float] | None = None  # "creatinine over 3": results past a value


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a point in time as people write it: "March 2014", "Jan. of 2013", "2014-03", "2015-03-30", "03/2014", "2014"
_WHEN_POINT = re.compile(
    r"\b(?:(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? (?:of )?(?P<my>(?:19|20)\d\d)"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])(?:-(?P<id>[0-3]\d))?"
    r"|(?P<sm>0?[1-9]|1[0-2])/(?P<sy>(?:19|20)\d\d)"
    r"|(?P<y>(?:19|20)\d\d))\b")


def _points(q: str) -> list[tuple[str, str]]:
    """Each date the question names, as the (first day, last day) it covers: a year, a month or a day.
    "may 2015" is May only when a year follows it (the verb "may" is never a month)."""
    out = []
    for m in _WHEN_POINT.finditer(q):
        if m["y"]:
            out.append((f"{m['y']}-01-01", f"{m['y']}-12-31"))
        elif m["my"] or m["sy"]:
            year = m["my"] or m["sy"]
            month = _MONTHS.index(m["mon"][:3]) + 1 if m["mon"] else int(m["sm"])
            out.append((f"{year}-{month:02d}-01", f"{year}-{month:02d}-31"))
        elif m["id"]:
            day = f"{m['iy']}-{m['im']}-{m['id']}"
            out.append((day, day))
        else:
            out.append((f"{m['iy']}-{m['im']}-01", f"{m['iy']}-{m['im']}-31"))
    return out


_THRESHOLD = re.compile(r"(?:\b(?P<up>above|over|greater than|more than|higher than|exceed(?:ed|ing|s)?)|(?P<upsign>>=?|≥))"
                        r"\s*(?P<n>\d+(?:\.\d+)?)(?!\s*(?:years?|yrs?|times|visits|days|weeks|months))\b|"
                        r"(?:\b(?P<down>below|under|less than|lower than)|(?P<downsign><=?|≤))"
                        r"\s*(?P<m>\d+(?:\.\d+)?)(?!\s*(?:years?|yrs?|times|visits|days|weeks|months))\b")


def _threshold(q: str) -> tuple[Literal[">", "<"], float] | None:
    """"over 3", "> 140", "below 60": a value the question compares results with (never a year or a
    count of years: "over 65 years", "in the past 2 years")."""
    m = _THRESHOLD.search(q)
    if not m or _YEAR.fullmatch(m["n"] or m["m"] or ""):
        return None
    return (">", float(m["n"])) if m["n"] else ("<", float(m["m"]))


def _window(q: str) -> tuple[str, str] | None:
    """The dates the question confines itself to (first day, last day; "9999"/"0000" when open):
    one point covers its year, month or day; two points span from the first to the last;
    "since/after/from X" is open-ended after X, "before X" everything before it, "as of X" / "until X"
    everything up to and including it."""
    points = list(dict.fromkeys(_points(q)))  # "since 2014, like the first one in 2014": one date said twice
    if not points:
        return None
    if len(points) == 1:
        lo, hi = points[0]
        if re.search(r"\b(since|after|from) ((the )?(start|beginning|end|middle) of )?\S+( \S+)?$",
                     q[: q.find(lo[:4]) + 4]):  # "since March 2015", "since the start of 2015"
            return lo, "9999"
        upto = re.search(r"\b(before|prior to|until|till|up to|up until|as of|as at|by)\s+(\S+ )?(of )?$",
                         q[: q.find(lo[:4])])
        if upto:  # "as of 2015-01-01", "until 2015": through that date; "before 2015": strictly before it
            return "0000", _day_before(lo) if upto[1] in ("before", "prior to") else hi
        return lo, hi
    return min(p[0] for p in points), max(p[1] for p in points)  # "in 2016, 2017 and 2018 combined": all of them


_BACK_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "twelve": 12, "couple of": 2, "few": 3}
# "in the last year", "over the past 2 years", "within the previous six months", "this year"
_BACK = re.compile(r"\b(?:in|within|over|during|for|from) the (?:last|past|previous) (?:(?P<n>\d{1,2}|an?|one|two|three|four|"
                   r"five|six|seven|eight|nine|ten|twelve|couple of|few) )?(?P<unit>day|week|month|year)s?\b"
                   r"|\b(?P<this>this) year\b")


def _back(q: str) -> tuple[int, str] | None:
    """How far back a relative window reaches ("the last 2 years": (2, "year"); "this year": (0, "year"),
    the calendar year of the record's latest entry). A question naming a date keeps its date."""
    m = _BACK.search(q)
    if not m or _points(q):
        return None
    if m["this"]:
        return 0, "year"
    n = m["n"] or "one"
    return (int(n) if n.isdigit() else _BACK_WORDS[n]), m["unit"]


def _day_before(day: str) -> str:
    """The last day before ``day`` (ISO text): compared as text, "YYYY-MM-00" sorts just before it."""
    return f"{day[:8]}00" if day[8:] != "01" else f"{day[:5]}{day[5:7]}-00"


def window_words(window: tuple[str, str]) -> str:
    """The window in words, at the precision it was asked: "in 2015", "in 2014-03", "in 2012 to 2015",
    "since 2014", "before 2015"."""
    lo, hi = window
    if hi == "9999":
        return f"since {_edge(lo, '01-01', '01')}"
    if lo == "0000":
        return f"before {hi[:4] if hi.endswith('-01-00') else hi[:7]}" if hi.endswith("-00") else f"up to {_edge(hi, '12-31', '31')}"
    if lo[:7] == hi[:7] and lo[8:] == "01" and hi[8:] == "31":
        return f"in {lo[:7]}"
    a, b = _edge(lo, "01-01", "01"), _edge(hi, "12-31", "31")
    return f"on {lo}" if lo == hi else f"in {a}" if a == b else f"in {a} to {b}"


def _edge(day: str, year_edge: str, month_edge: str) -> str:
    """A window's first or last day as its year or month when it is that year's or month's edge."""
    return day[:4] if day[5:] == year_edge else day[:7] if day[8:] == month_edge else day


# "Interpreter speaking: ...", "I'm the interpreter for the family": the interpreter is who asks, not
# what is asked (only "does he need an interpreter?" asks the language)
_ASKER_INTERPRETER = re.compile(r"^(the |an? )?(interpreter|translator)\b[^:\-\u2013\u2014]{0,30}(:|\s[-\u2013\u2014]\s)|"
                                r"\b(i'?m|i am|this is|speaking as|as) (the |an? |your |his |her |their )?"
                                r"(interpreter|translator)\b|\b(interpreter|translator) (here|speaking)\b")
# "she wants to know if he is still taking X", "asking whether he has had Y": an embedded yes/no question,
# read in the order of a direct one ("is he still taking X") so its shape is a yes/no question's
_EMBEDDED = re.compile(r"\b(?:if|whether) (he|she|i|they|the patient|patient|pt|(?:my|his|her|their) \w+) "
                       r"(is|are|am|has|have|had|was|were|does|do|did)\b")


# "list his vaccines with dates, newest first", "in date order": how to sort a list, not which one is asked
_ORDER = re.compile(r",?\s*\b((newest|latest|most recent|oldest|earliest|recent|active|current)( ones?)? first|in (date|chronological|"
                    r"reverse( chronological)?|time) order|chronologically|by date)\b")


# "emergency or not", "inpatient or outpatient", "whether planned or otherwise": both ways asked, so the
# setting filters nothing
_EITHER_WAY = re.compile(r",?\s*\b(whether )?(?:(emergency|urgent|unplanned|inpatient|outpatient|routine|planned|elective|"
                         r"scheduled|unscheduled|acute|chronic|active|current) or (not|otherwise|non[- ]?\2)"
                         r"|(emergency|urgent|unplanned) or (routine|planned|elective|scheduled)"
                         r"|(routine|planned|elective|scheduled) or (emergency|urgent|unplanned)"
                         r"|(inpatient|outpatient) or (inpatient|outpatient))\b", re.I)


# a form's answer boxes name nothing: "Allergies (Y/N): ___", "Last tetanus (date): ____", "true or false:"
_FORM_BLANKS = re.compile(r"\(?\b(y ?/ ?n|yes ?/ ?no|y or n)\b\)?|\btrue or false\b:?|_{2,}", re.I)


_CHAT_STAMP = re.compile(r"^\s*\[?\d{1,2}[:.]\d{2}(\s*[ap]m)?\]?\s*", re.I | re.M)


def without_form_blanks(text: str) -> str:
    """The message without a form's answer boxes, and with "n't" said in full ("don't suppose" is "do
    not suppose": "don" and "t" are no words the record could hold)."""
    text = _CHAT_STAMP.sub(" ", text)  # a pasted chat line: "[19:55] Sue: and which care plans ..."
    text = re.sub(r"\b(can)['’]t\b", r"\1not", re.sub(r"\bwon['’]t\b", "will not", text, flags=re.I), flags=re.I)
    return _FORM_BLANKS.sub(" ", re.sub(r"n['’]t\b", " not", text, flags=re.I))


def _direct(q: str) -> str:
    """An embedded yes/no question turned direct: "... know if he is on X" -> "...; is he on X"."""
    return _EMBEDDED.sub(lambda m: f"; {'has' if m[2] == 'had' else m[2]} {m[1]}"
                         + (" had" if m[2] == "had" else ""), q)


_CURRENT = re.compile(r"\b(active|actively|current|currently|now|still|regular|regularly|ongoing|open|in progress|today|"
                      r"presently|at present|at the moment|at the minute|these days|nowadays|repeat|long term|long-term|chronic)\b")


_PLURAL_KINDS = re.compile(r"\b(conditions|problems|diagnoses|illnesses|medications|medicines|meds|drugs|tablets|pills|"
                           r"prescriptions|vaccines|vaccinations|immunizations|immunisations|plans|allergies|devices)\b")
_NOW_ENDED = re.compile(r"\bnow (over|resolved|finished|healed|gone|ended|stopped|inactive|cleared|closed|better)\b"
                        r"|\b(over|resolved|finished|healed|gone|ended|stopped|inactive|cleared( up)?|closed|better) now\b")


# "meds? current only": a qualifier after the question sentence still filters it
_ONLY_CURRENT = re.compile(r"\b(current|active|ongoing)( ones?)? only\b|\bonly (the )?(current|active|ongoing)\b")
# "still carrying, not the finished ones": what has ended is set aside, so only the current are asked
_NOT_ENDED = re.compile(r"\bnot (the |any )?(finished|resolved|ended|old|past|healed|cleared|closed|stopped)( ones?)?\b")


_STANDING_KIND = re.compile(r"\b(chronic|long[- ]?term|longstanding|long[- ]standing)\s+(?=(conditions|problems|illnesses|"
                            r"diseases|diagnoses|issues|medications|medicines|meds|drugs|tablets|pills)\b)", re.I)


def _asks_current(q: str) -> bool:
    """Only what is current now is asked ("what is he on at present", "repeat medication"); read from the
    question itself, not the scene before it ("he doesn't remember much these days. Did he ...?")."""
    return bool((_CURRENT.search(_NOW_ENDED.sub(" ", q)) or _ON.search(q)) and not _BOTH_STATES.search(q)
                and not _NOT_ACTIVE.search(q))


_LABS = re.compile(r"\b(labs?|laboratory|lab (results?|tests?|work|values))\b")
_VITALS = re.compile(r"\b(vitals?|vital signs?|obs)\b")


def _category(q: str) -> str | None:
    """"Any labs in 2016?" means laboratory results, not his height and weight; "vitals" the reverse."""
    labs, vitals = bool(_LABS.search(q)), bool(_VITALS.search(q))
    return "laboratory" if labs and not vitals else "vital-signs" if vitals and not labs else None


def _demographics_asked(q: str) -> list[str]:
    """The Patient fields asked, one per part of a question joined by "and" or commas ("marital status
    and preferred language?"); within one part only the first field that matches ("where was he born"
    is the place, though "born" also says the date)."""
    q = _ASKER_INTERPRETER.sub(" ", q)
    out: list[str] = []
    for part in re.split(r"\band\b|[,;&/:?]|_{2,}", q):  # a form's fields: "DOB: ____ Sex: ____"
        name = next((name for name, rx in _DEMOGRAPHIC if rx.search(part)), None)
        if name and name not in out:
            out.append(name)
    whole = next((name for name, rx in _DEMOGRAPHIC if rx.search(q)), None)
    return out if whole in out or not whole else [whole]


# "... and if so, when it began": the start of the thing asked about, not the first of several
_ONLY_STARTED = re.compile(r"^(?!.*\b(first|earliest|oldest|initial|baseline)\b).*\b(start|started|begin|began)\b")


def _window_text(q: str, asked: str | None) -> str:
    """Where the asked dates are read: the question sentence alone when it names its own subject and does
    not point back at the scene's time ("We married in 1970 ... When was his cholesterol diagnosed?" asks no
    window; "He fell in 2016. Did they X-ray him then?" does)."""
    if asked and _names_own_subject(asked) and not _THEN.search(asked) and not _BACK_REFERENCE.search(asked):
        return asked
    return q


_THEN = re.compile(r"\b(then|(that|this|the same) (year|time|day|month|week|period|window|range|span)"
                   r"|those (\w+ )?(years|months|weeks|days|dates)|at the time|back then)\b", re.I)


def points_back_in_time(asked: str) -> bool:
    """The question sentence asks of a time said before it ("in those two years", "back then")."""
    return bool(_THEN.search(asked))


def _names_own_subject(sentence: str) -> bool:
    """A question sentence with a content word of its own ("When was the high cholesterol first put on his
    record?"), not one that leans on the scene before it ("What have you got for me?")."""
    return any(len(t) >= 4 and t not in lexicon.STOP and t not in lexicon.GENERIC for t in lexicon.tokens(sentence))


_SEVERAL_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "couple": 2, "couple of": 2, "few": 3}
# "his last three blood pressures", "the past 2 visits", "her first couple of A1cs": that many results from one
# end; "the last 3 months" is a window of time and "the first two years" an age, so a unit of time never counts
_SEVERAL = re.compile(r"\b(?:last|latest|most recent|past|previous|final|first|earliest)\s+"
                      r"(?P<n>[2-6]|two|three|four|five|six|couple(?: of)?|few)\b"
                      r"(?!\s+(?:\w+\s+)?(?:days?|weeks?|wks?|months?|mths?|years?|yrs?|hours?|hrs?|decades?|times?)\b)")


def _several(q: str) -> int | None:
    """How many results from one end the question asks for ("the last three"), when more than one."""
    m = _SEVERAL.search(q)
    return (int(m["n"]) if m["n"].isdigit() else _SEVERAL_WORDS[m["n"]]) if m else None


def _nth(q: str) -> int | None:
    """Which event counting from either end, when the question names one other than the first or last."""
    if _BEFORE_LAST.search(q):
        return -2
    m = _NTH.search(q)
    return _NTH_WORDS[m[1]] if m else None


def parse(question: str) -> Parsed:
    question = _EITHER_WAY.sub(" ", without_form_blanks(question))
    q = _ORDER.sub(" ", _direct(" ".join(question.lower().split())))
    asked = asked_sentence(q)  # the question sentence of a message that sets a scene first, read once
    demos = _demographics_asked(q)
    if demos and asked and not _demographics_asked(asked) and _names_own_subject(asked):
        demos = []  # "... when we were married. When was the cholesterol first recorded?": the scene asks nothing
    if demos and (label := _LABEL.match(q)) and not _demographics_asked(label["rest"]):
        demos = []  # "Speech and language therapy: how many episodes ...": the asker's setting, not the field
    demo = demos[0] if demos else None
    # "that are now over": the "now" says they ended, it asks for no latest one
    last, first = bool(_LAST.search(_NOW_ENDED.sub(" ", q))), bool(_FIRST.search(q))
    ordinal: Literal["first", "last"] | None = "last" if last and not re.search(r"\bfirst\b", q) else "first" if first else None
    nth = _nth(q)
    if nth:  # "when did he have bronchitis the second time": one event, counted from the start or the end
        ordinal = "first" if nth > 0 else "last"
    # "did they X-ray his collarbone when he broke it?": a yes/no question whose "when" joins a clause
    dated = bool(_WHEN.search(_WHEN_CLAUSE.sub(" ", q) if _YESNO_OPENER.match(q) else q))
    common = dict(question=question, asks_date=dated, asks_when=bool(_ASKS_WHEN.search(q)) and dated,
                  asks_end=bool(_END.search(q)),
                  ordinal=ordinal, nth=nth, several=_several(q), back=_back(q), current=_asks_current(asked or q) or bool(_ONLY_CURRENT.search(q) or _NOT_ENDED.search(q)),
                  window=_window(_window_text(q, asked)), loinc_codes=_LOINC.findall(question), threshold=_threshold(q),
                  ended_only=bool(_ENDED_ONLY.search(_NOT_ENDED.sub(" ", q))) and not _BOTH_STATES.search(q),
                  asks_result=bool(_RESULT.search(q)), category=_category(q))
    if common["current"] and common["ended_only"] and re.search(r"\bstill\b", q):
        # "the ones still going, khalas with the old finished ones" ("completed now" asks only the ended):
        common["current"] = common["ended_only"] = False  # both states said; each is listed with its status
    if demo:
        return Parsed(shape="demographic", demographic=demo, demographics=demos, **common)
    shape: Shape
    if _HOW_TAKEN.search(q):
        shape = "latest"  # "how often does she take her simvastatin": the latest order's dosage, not a count
    elif _COUNT.search(q):
        shape = "count"
    elif _TREND.search(_WINDOW_ONLY.sub(" ", q)) or (_TREND.search(q) and not (
            _HIGH.search(q) or _LOW.search(q) or _YESNO.search(q) or _PERSON_YESNO.search(q))):
        # "lowest haemoglobin since 2015", "has he had any colonoscopy since 2015?": a window with a
        # highest/lowest or a yes/no question is not a trend
        shape = "trend"
    elif _HIGH.search(q) or _BEST.search(q) or (_GOES_HIGH.search(q) and not _GOES_LOW.search(q)):
        shape = "highest"
    elif _LOW.search(q) or _GOES_LOW.search(q):
        shape = "lowest"
    elif _ON_RECORD.search(asked or q) and not ordinal:
        shape = "ever"  # "Is obesity really written in his record?", "Is it true my record says ...?": yes or no
    elif _EVER_AND_WHEN.search(q) and (ordinal != "first" or _ONLY_STARTED.search(q)):
        # "if so, when it began", "ever prescribed X, and when was the most recent time?": a yes with its date
        shape = "ever"
    elif _UP_TO_DATE.search(q):
        shape = "ever"  # "am I up to date with tetanus? When did I last have it?": yes or no, with the date
    elif common["asks_date"] and not ordinal and not (_YESNO.search(q) and not _ASKS_WHEN.search(q)) \
            and not _WHETHER.search(q):  # "confirm whether ... imaging on file, if affirm send the date": yes, and when
        shape = "date_of"
    elif _STILL.search(q) or _ON.search(q):
        shape = "ever"
    elif _WHICH_ARE.search(q) and not set(_LAST.findall(q)) - {"now", "current", "currently"}:
        shape = "list"  # "which of his conditions are resolved now?": several, not the latest one
    elif (said := set(_LAST.findall(q))) and said <= {"now", "current", "currently"} and _PLURAL_KINDS.search(q):
        shape = "list"  # "what conditions does he have now?": all that are current, not the latest one
    elif ordinal == "last" and not _LIST.search(q.replace("last", "")):
        shape = "latest"
    elif ordinal == "first":
        shape = "first"
    elif _WHETHER.search(q):
        shape = "ever"  # "confirm whether casualty has any imaging on file": yes or no, whatever "on file" lists
    elif _LIST.search(q):
        shape = "list"
    elif _EVER.search(q) or _PERSON_YESNO.search(q) or _REFERRED.search(q):
        shape = "ever"
    else:
        shape = "value"
    if shape in ("highest", "lowest"):  # "has her LDL been high": the "high" said how far, it names nothing
        common["question"] = _HIGH_LOW_WORD.sub(r"\1", common["question"])
    common["question"] = _TOO_HIGH.sub(" ", common["question"])  # "the fat in the blood too high": no test's name
    # "his chronic conditions", "long-term meds": the current ones (``current``), no word of a name
    common["question"] = _STANDING_KIND.sub(" ", common["question"])
    return Parsed(shape=shape, worst=bool(re.search(r"\bworst\b", q)), best=bool(_BEST.search(q)) and shape in (
        "highest", "lowest"), **common)


class Target(BaseModel):
    """What the answer reads: coded concepts, or whole resource types, or nothing
    (then ``unknown`` holds the words the record has no match for)."""

    concepts: list[Concept] = Field(default_factory=list)
    types: list[str] = Field(default_factory=list)
    unknown: list[str] = Field(default_factory=list)
    # "what happened in 1965?", "the most recent thing on her record": every dated event, whatever its type
    timeline: bool = False
    # "immunizations other than flu": the resources the question set aside, and its words for them
    excluded: frozenset[str] = frozenset()
    excluded_as: str = ""


# "any vaccines other than flu?", "meds apart from the statin", "visits, not counting the check-ups": what
# is set aside, up to the end of its clause
_EXCEPT = re.compile(r"\s*[,;(\u2013\u2014-]?\s*\b(?:other than|apart from|aside from|besides|except(?: for)?|excluding|"
                     r"not counting|not including|leaving out|leave out|(?<=[.?!] )not the)\s+(?P<ex>(?:(?!\s[-\u2013\u2014]\s)[^,.;:?!)])+)", re.I)


def set_aside(question: str, m: Manifest) -> tuple[str, Target | None]:
    """The question without its exclusion clause, and what that clause names in this record (None when the
    question sets nothing aside). A clause naming nothing the record holds sets nothing aside: "procedures
    apart from the appendix op" lists them all."""
    said = _EXCEPT.search(question)
    if not said:
        return question, None
    head = (question[: said.start()] + question[said.end():]).strip()
    refs = frozenset(r for c in resolve(parse(said["ex"]), m).concepts for r in c.refs)
    if not refs and said[0].strip().lower().startswith("not the"):
        return question, None  # "... Not the latest.": a sentence of its own that names nothing held says more than "except"
    return head, Target(excluded=refs, excluded_as=" ".join(said["ex"].split()) if refs else "")


def _name_tokens(name: str) -> set[str]:
    toks = set(lexicon.tokens(name)) - lexicon.STOP
    return (toks - lexicon.GENERIC) or toks


_SITED = ("Condition", "Procedure", "ImagingStudy")
_NO_SITE = frozenset({"body", "blood", "bone", "tissue", "cell", "organ", "system"})


def _sites(words: set[str]) -> set[str]:
    """The body parts among ``words``: nouns whose commonest WordNet sense is in noun.body (hip, wrist,
    clavicle, chest, sinus), without the ones that name no place (body, blood, bone)."""
    from carepath.knowledge import wordnet  # lazy: WordNet's index files, only once a name is scored

    return {w for w in words if len(w) > 2 and w not in _NO_SITE and wordnet.noun_class(w) == wordnet.BODY}


def _other_site(c: Concept, q: set[str]) -> bool:
    """"Any hip fracture?" is not "Fracture of clavicle": the question and the name each say where, and
    no place asked is a place named or part or a kind of it ("the polyp in my bowel" is the "Polyp of
    colon": ``wordnet.same_place``). A condition, procedure or imaging study only."""
    from carepath.knowledge import wordnet  # lazy: WordNet's pointers, only once a name is scored

    if c.rtype not in _SITED:
        return False
    asked = _sites(q)
    named = _sites({w for n in c.names for w in lexicon.tokens(n)}) if asked else set()
    return bool(asked and named and not any(wordnet.same_place(a, b) for a in asked for b in named))


def _score(c: Concept, q: set[str], phrases: tuple[str, ...] = ()) -> tuple[float, int]:
    """(share of the name's words the question has, words matched); a match on
    generic or type words alone ("medication" in "Medication Reconciliation") is none,
    unless a synonym's whole phrase is in the name ("check up" in "Encounter for check up")."""
    best = (0.0, 0)
    drop = lexicon.STOP | lexicon.GENERIC | lexicon.TYPE_TOKENS
    # "ups" is "up"; a year or number ("a physical in 2016") names a time, not something the name lacks
    asked = {w for w in q - drop if not (w.endswith("s") and w[:-1] in drop) and not w.isdigit()}
    named = set().union(*(_name_tokens(n) for n in c.names)) - lexicon.GENERIC - lexicon.TYPE_TOKENS
    for n in c.names:
        name = f" {lexicon.normal(n)} "
        for ph in phrases:
            if f" {ph} " not in name:
                continue
            # "chest x-ray" is not "Clavicle X-ray": both sides name something the other lacks
            own = set(ph.split())
            # ... but words of another thing the question also names ("PCV13 and PPSV23") are not this one's
            others = {w for o in phrases if o != ph for w in (*o.split(), *lexicon.PHRASE_SOURCES.get(o, ()))} \
                if {"and", "or"} & q else set()  # ("his weight at his physical" is one thing: the weight)
            mine, theirs = asked - own - lexicon.PHRASE_SOURCES.get(ph, frozenset()) - others, named - own
            if not (mine and theirs and not mine & theirs):
                best = max(best, (1.0, len(own)))
        toks = _name_tokens(n)
        hit = toks & q
        # a lone letter ("c" of "HDL-C", "d" of "Vitamin D") names nothing: "Hep C" is not HDL-C
        if toks and {w for w in hit - lexicon.GENERIC - lexicon.TYPE_TOKENS if len(w) > 1}:
            best = max(best, (len(hit) / len(toks) * _number_fit(c, q), len(hit)))
    return best


def _number_fit(c: Concept, q: set[str]) -> float:
    """"The pneumonia vaccine, the 13 one": a small number the question says that the name of a
    vaccine, medicine or procedure also carries sets it apart from a sibling with another number
    ("PCV 13" vs "23 valent"); a name whose numbers all differ from the asked ones counts half.
    Years and measurements (an asked "eGFR below 60") never count: only events are told apart."""
    if c.rtype == "Observation":
        return 1.0
    asked = {w for w in q if w.isdigit() and len(w) <= 3}
    mine = {w for n in c.names for w in lexicon.tokens(n) if w.isdigit()}
    return 0.5 if asked and mine and not asked & mine else 1.0


def _accept(s: tuple[float, int]) -> bool:
    return s[0] >= 0.5 or s[1] >= 2


def _distinctive(cands: list[Concept]) -> dict[str, int]:
    """How many concepts' names use each word: a word of five or more letters that only
    one event of the record uses ("obesity" in "Body mass index 30+ - obesity") names
    that event even when the rest of its long display is not in the question."""
    uses: dict[str, int] = {}
    for c in cands:
        for t in set().union(*(_name_tokens(n) for n in c.names)):
            uses[t] = uses.get(t, 0) + 1
    return uses


def _ranked(cands: list[Concept], q: set[str], hints: set[str], dated: bool,
            named_type: bool = False, phrases: tuple[str, ...] = ()) -> list[tuple[tuple, Concept]]:
    """Best first: name coverage, a type the question names, an event when a
    date is asked, tokens matched, the usual reading order of types. Among the
    resources of a type the question names ("any imaging of the clavicle"), one
    specific word of the name is enough: the type word already narrowed it."""
    scored = []
    uses = _distinctive(cands)
    for c in cands:
        if _other_site(c, q):
            continue  # a name of another body part than the one asked is no match, however unique its words
        s = _score(c, q, phrases)
        unique = c.rtype != "Observation" and any(  # LOINC names carry qualifiers ("by CAP cancer protocols")
            uses.get(t) == 1 and len(t) >= 5 for t in _covered(c, q) - lexicon.GENERIC - lexicon.TYPE_TOKENS)
        if _accept(s) or (named_type and s[1] >= 1) or unique:
            scored.append(((s[0], c.rtype in hints, dated and c.rtype != "Observation", s[1],
                            -PRIORITY.index(c.rtype), len(c.refs)), c))
    return sorted(scored, key=lambda t: t[0], reverse=True)


def _covered(c: Concept, q: set[str]) -> set[str]:
    return set().union(*(_name_tokens(n) & q for n in c.names))


# "given ibuprofen for his broken collarbone", "X-rayed for a fall": what follows "for <his/her/a> ..." is
# the reason, not the subject, when the words before it already name something
# "when was he given ibuprofen for his broken collarbone", "was a polypectomy done at his index colonoscopy":
# the thing asked about comes first; what it was for, or the procedure it was done during, is not the subject
_FOR_REASON = re.compile(r"^(?P<head>.+?\w.+?)\s+(for |(done |performed |taken )?(at|during) (?=(his|her|my|their|the) "
                         r"(index |first |last |latest |recent )?\w+(oscopy|scopy|scan|visit|admission|operation)\b))"
                         r"((his|her|my|their|the|a|an|your|patients?|pts?) (?P<why>.+)|"
                         r"(?P<purpose>[\w+&/ -]{1,30}\b(monitoring|review|surveillance|titration|follow[ -]?up|"
                         r"dosing|purposes?))\W*)$", re.I)


_FOLLOW_UP = re.compile(r"\b(follow[ -]?ups?|review|reviews|monitoring|check[ -]?ups?|checks)\b", re.I)


# "did he have a chest x-ray (for his bronchitis)": whether a thing was had, given or done
_HAD_A_THING = re.compile(r"^\s*(did|has|have|had|was|were|is)\b.*\b(have|had|get|got|given|undergo|undergone|"
                          r"receive|received|done|taken|take)\b", re.I)


def reason_of(question: str) -> str | None:
    """What a visit was for ("his ER trip for the collarbone" -> "collarbone"), or None; a follow-up or
    review "for his lipids" comes after the visit that found them, so it names no one visit."""
    reason = _FOR_REASON.match(" ".join(question.split()))
    return reason["why"] if reason and reason["why"] and not _FOLLOW_UP.search(reason["head"]) else None


# "Lipid trial screening: highest LDL-C", "Radiographer here, MRI safety screen - any implanted device?":
# a label before the first colon or spaced dash says who asks or for what
_LABEL = re.compile(r"^(?P<label>[^:]{2,80}?)(?::\s+|\s+[-\u2013\u2014]\s+)(?P<rest>\S.*)$")
# "Club physio. He mentions an old rotator cuff injury - ...": a first sentence of one to three words
# (no verb to ask with) says who asks, like a label before a colon
_FRAGMENT_LABEL = re.compile(r"^(?P<label>(?:[\w'&/-]+ ){0,2}[\w'&/-]+)\.\s+(?P<rest>[A-Z].*)$")
_INNER_LABEL = re.compile(r"^(?P<label>[^:]{1,30}?):\s+(?P<rest>\S.*)$")  # "B:", "Hx:" after a first label


def label_of(question: str) -> str | None:
    """The label a message opens with ("Voice message. ...", "Reception: ..."): who asks or for what."""
    said = " ".join(question.split())
    label = _FRAGMENT_LABEL.match(said[:1] + said[1:].title()) or _LABEL.match(said)  # dictation is lower case
    return said[: len(label["label"])] if label else None


# "... or any other statement/question sentence": the last sentence, asked after statements that set the scene
_ASKED = re.compile(r"^(?P<said>.+?[.!])\s+(?P<asked>(?:[^.!?]|\.(?=\d))+\?)\s*$", re.S)
# "is he still on the Nurofen, or on any other tablets?": every current medicine is asked, the named one among them
_OR_ANY_OTHER = re.compile(r"\bor (on |taking |using )?any other (\w+ )?(?P<kind>tablets?|meds?|medicines?|medications?|"
                           r"drugs?|pills?|prescriptions?|vaccines?|vaccinations?|jabs?|shots?|procedures?|"
                           r"operations?|conditions?|problems?|diagnoses|plans?)\b", re.I)


# "..., I think it's been ages, when was his most recent general exam?": the question clause after the worries
_ASKED_CLAUSE = re.compile(r"^(?P<said>.+[,;:\u2013\u2014-])\s+(?P<asked>(when|what|which|how|who|where|is|was|are|were|"
                           r"did|does|do|has|have|had|can|could)\b[^,;:]*\?)\s*$", re.I | re.S)


def asked_sentence(question: str) -> str | None:
    """The question sentence of a message that first says why it asks ("The community nurse is coming
    round next week and wants a list. Which care plans is he currently on?"), or its last question
    clause after a run of worries joined by commas; None when the message is one question."""
    said = " ".join(question.split())
    m = _ASKED.match(said) or _ASKED_CLAUSE.match(said)
    if m:
        return m["asked"]
    # "Custody suite, seeing the DP. Any history of epilepsy? Need it before he goes back in the cell.":
    # the one question sentence among statements, wherever it stands
    sentences: list[str] = []
    for x in (x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z])", said) if x):
        if sentences and sentences[-1].endswith("?") and x.endswith("?") and len(x.split()) <= 2:
            sentences[-1] += f" {x}"  # "Any cardiac arrest in his history? When?": one question and its date
        else:
            sentences.append(x)
    questions = [x for x in sentences if x.endswith("?")]
    # "GP, Mandalay. US visitor, chest pain. Active problem list please.": no question mark, one request
    requests = [x for x in sentences if re.search(r"\b(please|pls|plz)\W*$", x, re.I)]
    asked = questions or requests
    return asked[0] if len(sentences) > 1 and len(asked) == 1 else None


# "ldl trend and is he on a statin", "when was his last colonoscopy and what was his last LDL": a second
# question joined by "and" (or after a question mark) opens with a question word, a verb of asking or
# a possessive; "urea and electrolytes", "weight and bmi" join two names of one question
_CLAUSE_OPENER = r"(?:is|was|are|were|has|had|have|did|does|do|when|what|what's|which|how|any|his|her|my|their|list|show|tell)\b"
_CLAUSE_SPLIT = re.compile(rf"\s+and\s+(?:also\s+)?(?={_CLAUSE_OPENER})|\?\s+|;\s+", re.I)


_ASKING = re.compile(rf"^\s*(and\s+)?{_CLAUSE_OPENER}|\b(what|when|which|how|who|where|why|list|show|tell|"
                     r"please|pls|plz|date|dates)\b", re.I)


def without_sign_off(said: str) -> str:
    """The message up to its last question when what follows asks nothing ("... since when? No rush.
    Love, Tom"): no question mark, no question word, no kind of record named."""
    ends = list(re.finditer(r"\?(?=\s|$)", said))  # "r/v for ?Paget's": a query mark before a word ends nothing
    if not ends:
        return said
    head, tail = said[: ends[-1].start()], said[ends[-1].end():]
    if tail.strip() and not _ASKING.search(tail) and not _ONLY_CURRENT.search(tail) \
            and not lexicon.type_hints(tail) and not lexicon.phrases(tail):  # "meds? current only" qualifies
        return head + "?"
    return said


def clauses(question: str) -> list[str]:
    """The separate questions of one message, when it asks more than one; [question] otherwise."""
    parts = [c.strip(" ,.?") for c in _CLAUSE_SPLIT.split(without_sign_off(" ".join(question.split())))]
    # "triage. pmhx? meds? allergies?": a one-word fragment counts when it names a kind of record
    parts = [c for c in parts if len(c.split()) >= 2 or lexicon.type_hints(c)]
    # "Many thanks, Dr B": a sign-off with no word of three letters that is not a question word asks nothing
    parts = [c for c in parts if any(len(t) >= 3 and t not in lexicon.STOP for t in lexicon.tokens(c))]
    # "meds? current only": a qualifier of the question before it, no question of its own
    parts = [c for c in parts if not _ONLY_CURRENT.search(c) or lexicon.type_hints(c)]
    if len(parts) < 2:
        return [question]
    # "... and what does it mean", "and when was that", "... scan give, and when was the scan done": a
    # clause about what was just asked (a pronoun, or only words said before it) is no new subject
    said = set(lexicon.tokens(parts[0]))
    return [parts[0], *(c for c in parts[1:] if not _BACK_REFERENCE.search(c)
                        and set(lexicon.tokens(c)) - lexicon.STOP - lexicon.GENERIC - said)]


_BACK_REFERENCE = re.compile(r"\b(it|its|that|this|these|those|them|they|one|ones|so|dat|dis|dem)\b", re.I)


def resolve(p: Parsed, m: Manifest) -> Target:
    """The concepts (or whole types) a parsed question is about. A leading label ("Lipid trial
    screening: ...", "MRI safety screen - ...") names the asker's setting, not the subject: the
    words after it are read alone when they name something the record holds (a coded thing; or a
    whole type when the whole question names nothing, or names only things of another type), else
    the whole question is read."""
    if (other := _OR_ANY_OTHER.search(p.question)) and (kinds := lexicon.type_hints(other["kind"])):
        return Target(types=[t for t in PRIORITY if t in kinds])
    whole = _resolve(p, m)
    said = " ".join(p.question.split())
    reason = _FOR_REASON.match(said)
    head = _resolve(p.model_copy(update={"question": reason["head"]}), m) if reason else None
    if head is not None and reason and reason["why"] and not re.search(r"[?.;:]|\s[-\u2013\u2014]\s", reason["why"]) \
            and _HAD_A_THING.match(reason["head"]) and not head.concepts and not head.types \
            and names_absent(reason["head"], head.unknown):
        return head  # "did he have a chest x-ray for his bronchitis": the x-ray is not held, not the bronchitis
    if head is not None and reason and head.concepts:
        # "when was he given ibuprofen for his broken collarbone": the drug, not the fracture;
        # "U&E last done - date? for K+ monitoring": the draw, not the potassium it monitors
        whole, said = head, reason["head"]
        p = p.model_copy(update={"question": said})
    label = _FRAGMENT_LABEL.match(said) or _LABEL.match(said)
    if not label:
        return whole
    rest_said = label["rest"]
    while (inner := _INNER_LABEL.match(rest_said)) and len(inner["label"].split()) <= 3:
        rest_said = inner["rest"]  # "SBAR from outreach - B: can you read me ...": a label inside a label
    rest = _resolve(p.model_copy(update={"question": rest_said}), m)
    if rest.concepts and whole.concepts and {c.rtype for c in rest.concepts} == {"DiagnosticReport"} \
            and {c.rtype for c in whole.concepts} == {"Observation"}:
        return whole  # "Platelet count: first CBC versus the latest": the label names the result, the rest its panel
    if rest.concepts or (rest.types and not whole.concepts and not whole.types):
        return rest
    # "Med rec: any current prescriptions?": the label's words named a thing of another type than
    # the one the question itself asks for; the question's own type is the subject
    if rest.types and not rest.unknown and whole.concepts and not {c.rtype for c in whole.concepts} & set(rest.types):
        return rest
    return whole


def _resolve(p: Parsed, m: Manifest) -> Target:
    """The concepts (or whole types) the words of ``p.question`` name."""
    if p.loinc_codes:
        hit = [c for c in m.concepts if c.code in p.loinc_codes and c.component is None]
        if hit:
            return Target(concepts=hit)
    hints = lexicon.type_hints(p.question)
    if "FamilyMemberHistory" in hints and not any(c.rtype == "FamilyMemberHistory" for c in m.concepts):
        return Target(unknown=["family history"])  # "any family history of colon cancer?": not his own polyp
    if p.asks_result and hints:  # "what did my bone scan show": the scan's measurement, when the record has one
        hints |= {"Observation"}
    # a date's numbers name nothing ("on 2017-03-30" is not the "Body mass index 30+" finding)
    q = set(lexicon.expand(_WHEN_POINT.sub(" ", p.question))) - _unheld_phrase_words(p.question, m)
    q |= _truncations(q, m)
    if _WHERE_FROM.search(p.question):  # "his last yearly check-up in America": the place is no part of the thing
        q -= _whence(p.question)
    if hints & {"MedicationRequest", "MedicationStatement"}:
        q |= _medicine_for(p.question)
    # "when it was first checked" asks about a measurement, not the diagnosis's date
    # "highest X, with its date" asks the date of a value: only measurements have a highest or lowest
    # "when was my last cholesterol blood test done?": the date of a draw is a measurement's, not a diagnosis's
    measured = bool(_MEASURED.search(p.question) or lexicon.DRAW.search(p.question)) or p.shape in ("highest", "lowest")
    value_shape = p.shape in ("latest", "first", "highest", "lowest", "trend", "value") and (
        not p.asks_date or measured)
    dated = p.asks_date and not measured
    # a type the question names is searched first; when nothing of that type
    # matches, the usual types are ("how much did I weigh at my last visit")
    phrases = tuple(lexicon.phrases(p.question))
    ranked = _ranked([c for c in m.concepts if c.rtype in hints], q, hints, dated, named_type=True,
                     phrases=phrases)
    if not ranked:
        ranked = _ranked([c for c in m.concepts if c.rtype not in OPT_IN], q, hints, dated, phrases=phrases)
        if (unheld := _unheld_medicine(p, hints, ranked)) is not None:
            return unheld
    if ranked and ranked[0][1].rtype == "DiagnosticReport" and (
            inside := _result_named(ranked[0][1], m, q, hints, dated, phrases)):
        ranked = inside
    if value_shape and any(c.rtype == "Observation" for _, c in ranked):
        ranked = [(s, c) for s, c in ranked if c.rtype == "Observation"]
    if not ranked:
        return _whole_or_unknown(p, q, hints)
    top_score, top = ranked[0]
    picks = [c for s, c in ranked if s[:4] == top_score[:4] and c.rtype == top.rtype]
    picks += _family(ranked, top, q, picks)
    used = set().union(*(_covered(c, q) for c in picks))
    for s, c in ranked:
        if c in picks or s[0] < 1.0 or (c.rtype != top.rtype and p.shape != "ever"):
            continue
        if not (_covered(c, q) - used - lexicon.GENERIC):
            continue
        picks.append(c)
        used |= _covered(c, q)
    return Target(concepts=picks)


# "iron tablets for my anaemia", "anything for it": what a medicine was for, said after it
_FOR_THAT = re.compile(r"\s+(?:for|against|to treat)\s+(?:it|that|this|them|the same|"
                       r"(?:his|her|my|their|the|your) [\w' -]+?)\W*$", re.I)


# "was she ever on metformin", "is he taking X": a medicine asked about without a medicine word
_TAKEN = re.compile(r"\b(on|taking|take|takes|took|prescribed|started on|put on)\s+\w+", re.I)


def _unheld_medicine(p: Parsed, hints: set[str], ranked: list[tuple[tuple, Concept]]) -> Target | None:
    """"Was I ever given iron tablets for my anaemia?", "ever on metformin for the prediabetes?" when no
    medicine matches: the record's condition is what the tablets were for, not the answer; a medicine
    named that the record does not hold is "not in this record" (a "Yes" with the condition would say
    she had them). None when the question names no medicine of its own ("any tablets for the
    anaemia?") or no condition matched."""
    if not ranked or ranked[0][1].rtype != "Condition":
        return None
    asked = asked_sentence(p.question) or p.question
    if not (said := _FOR_THAT.search(asked)):
        return None
    head = asked[:said.start()]
    if not (hints & {"MedicationRequest", "MedicationStatement"} or _TAKEN.search(head)):
        return None
    alone = _whole_or_unknown(p.model_copy(update={"question": head}), set(lexicon.expand(head)), hints)
    return alone if alone.unknown else None


def _medicine_for(question: str) -> set[str]:
    """"pills... cholesterol... still take": a medicine asked for with the thing it treats said apart
    from it, in any order, is that thing's medicine (the lexicon's "cholesterol medicine", "pain medicine")."""
    out: set[str] = set()
    for w in set(lexicon.tokens(question)) - lexicon.STOP:
        if f"{w} medicine" in lexicon.SYNONYMS:
            out |= set(lexicon.expand(f"{w} medicine"))
    return out


def _truncations(q: set[str], m: Manifest) -> set[str]:
    """Clinicians shorten names ("chol", "trig", "glob"): a question word of four or more
    letters that no name in the record uses, but that begins exactly one word of those
    names, stands for that word. Ambiguous beginnings ("hem": hemoglobin, hematocrit)
    stand for nothing; three letters are too few ("pai", Portuguese for father, began "pain";
    "sea" began "seasonal"), and a common English word is meant as itself ("my card" is no
    "cardiac", ``spelling.own_word``)."""
    names = {t for c in m.concepts for n in c.names for t in _name_tokens(n)}
    out: set[str] = set()
    for w in q - names - lexicon.STOP - lexicon.GENERIC - lexicon.TYPE_TOKENS:
        if len(w) < 4 or not w.isalpha() or own_word(w):
            continue
        longer = {t for t in names if t.startswith(w) and len(t) > len(w)}
        if len(longer) == 1:
            out |= longer
    return out


PANEL_OF_RESULTS = 3  # this many results named at once is a panel's worth


def _result_named(report: Concept, m: Manifest, q: set[str], hints: set[str], dated: bool,
                  phrases: tuple[str, ...]) -> list[tuple[tuple, Concept]]:
    """"ALT at his 2018 comprehensive panel", "haematocrit on the earliest FBC": the question names a
    result and the panel it came in; the result is what is asked (the panel is where to look, and
    ``answer._with_report`` cites it too). A result counts when it is named by a word the panel's
    own name does not have; otherwise the panel itself is the subject ("his last CBC")."""
    own = set().union(*(_name_tokens(n) for n in report.names))
    # "cholesterol panels": the word a synonym of the panel's name is said with names the panel, not a result
    own |= {w for ph in phrases if any(f" {ph} " in f" {lexicon.normal(n)} " for n in report.names)
            for w in lexicon.PHRASE_SOURCES.get(ph, ())}
    obs = _ranked([c for c in m.concepts if c.rtype == "Observation"], q, hints, dated, phrases=phrases)
    named = [(sc, c) for sc, c in obs if _accept((sc[0], sc[3])) and _covered(c, q) - own - lexicon.GENERIC]
    # "U&E/BMP last done": a panel's other name ("U&E" says urea, sodium, potassium, creatinine) names
    # the panel again when a date is asked, not four results
    return [] if dated and len(named) >= PANEL_OF_RESULTS else named


def _unheld_phrase_words(question: str, m: Manifest) -> set[str]:
    """"Have I ever been told I have high blood pressure?": a multi-word phrase the lexicon reads as
    one thing (hypertension) that this record does not hold; its own words ("blood", "pressure") must
    not then find something else (the blood pressure readings). The phrase's words are dropped when
    none of the words it stands for is in the record's names."""
    held = {t for c in m.concepts for n in c.names for t in lexicon.tokens(n)}
    out: set[str] = set()
    for phrase in lexicon.said(question):
        own = set(lexicon.tokens(phrase))
        meant = {t for x in lexicon.SYNONYMS[phrase] for t in lexicon.tokens(x)} - own
        if len(own) > 1 and meant and not meant & held:
            out |= own
    return out


def _family(ranked: list[tuple[tuple, Concept]], top: Concept, q: set[str], picks: list[Concept]) -> list[Concept]:
    """Events of the top's type that the question names by exactly the same words
    ("pneumonia vaccine" is both the conjugate and the polysaccharide vaccine): the
    question does not choose between them, so the answer reads them all. A word naming
    the type itself ("vaccines", which one display happens to spell) names the type, not
    one member of the family, so it does not set the members apart."""
    if top.rtype == "Observation":
        return []
    own = {t for w, types in lexicon.TYPE_WORDS.items() if top.rtype in types for t in lexicon.tokens(w)}
    words = _covered(top, q) - lexicon.GENERIC - own
    return [c for _, c in ranked if c.rtype == top.rtype and c not in picks and words
            and _covered(c, q) - lexicon.GENERIC - own == words]


# "what tests were done", "which tests has he had": tests said alone are the procedures and the lab reports
_TESTS_DONE = re.compile(r"\btests\b", re.I)


# "what happened in 1965?", "anything going on in 2016", "the most recent thing on her record", "latest entry":
# a question about the record's events in general, named by no concept or type (it needs a date or an end)
_HAPPENED = re.compile(r"\b(what|anything|everything)\b.{0,20}?\b(happen|happened|happens|went on|going on|"
                       r"go on|goes on|occurred|took place)\b", re.I)
_ANY_ENTRY = re.compile(r"\b(most recent|latest|last|newest|first|earliest|oldest) (thing|things|entry|entries|event|"
                        r"events|item|items)\b|\b(thing|things|entry|entries|event|events|item|items)\b.{0,30}?\b"
                        r"(on|in) (his|her|my|their|the) (record|records|chart|file|notes)\b", re.I)


def _timeline_asked(p: Parsed) -> bool:
    return bool(_ANY_ENTRY.search(p.question) or (_HAPPENED.search(p.question) and (p.window or p.ordinal)))


_WHENCE = re.compile(r"\b([A-Z][a-z]+|US|UK|USA)\s+(?P<next>[A-Za-z]+(?:\s+[A-Za-z]+)?)")
# "pneumonia in America", "his records from Canada": where something happened or was recorded
_WHERE_FROM = re.compile(r"\b(?:in|from|over in|back in)\s+(?:the\s+)?([A-Z][a-z]+|US|UK|USA)\b")
_RECORD_WORDS = frozenset({"record", "records", "notes", "chart", "file", "files", "history"})


def _whence(question: str) -> set[str]:
    """Where a record comes from, said before the kind or the record ("his American care team", "her US
    record", "the Swiss notes"), or a place something happened in ("pneumonia in America"): a capitalised
    word WordNet files as a people or a place (or, after "in" or "from", a town it never listed: ``_a_place``)
    names no thing the record holds."""
    from carepath.knowledge import wordnet  # heavy: WordNet's index files, only when a place or people may be named

    out = {mt[1].lower() for mt in _WHERE_FROM.finditer(question) if _a_place(mt[1].lower())}
    for mt in _WHENCE.finditer(question):
        after = mt["next"].lower()
        if (after.split()[0] in _RECORD_WORDS or lexicon.type_hints(after)) \
                and wordnet.CIRCUMSTANCE.get(wordnet.noun_class(mt[1].lower()) or -1) in ("noun.location", "noun.person"):
            out.add(mt[1].lower())
    return out


def _a_place(word: str) -> bool:
    """A capitalised word after "in" or "from" that WordNet files as a place ("in America"), or that it does
    not know at all and the lexicon does not either ("from Jeju!", "here in Kaohsiung"): a town WordNet
    never listed names no thing a record holds."""
    from carepath.knowledge import wordnet  # heavy: WordNet's index files, only when a place may be named

    kind = wordnet.noun_class(word)
    if kind is not None:
        return wordnet.CIRCUMSTANCE.get(kind) == "noun.location"
    return (wordnet.root() / "data.noun").is_file() and word not in lexicon.SYNONYMS and not lexicon.type_hints(word)


def _whole_or_unknown(p: Parsed, q: set[str], hints: set[str]) -> Target:
    """Nothing in the record matched: a bare type word ("what procedures has he had") asks for the
    whole type; anything more is a thing the record does not hold. A lexicon phrase made only of
    generic words ("any physical therapy?", "physiotherapy") still names one thing, not the type."""
    type_toks = lexicon.TYPE_TOKENS
    syn_toks = {t for phrase in lexicon.SYNONYMS for t in lexicon.tokens(phrase)}
    described = lexicon.described(p.question)
    whence = _whence(p.question)
    content = [t for t in lexicon.tokens(p.question)
               if t not in lexicon.STOP and t not in described and t not in lexicon.GENERIC and t not in type_toks and not t.isdigit()
               and not ("Encounter" in hints and t in lexicon.ADMISSION_WORDS) and t not in whence]
    if hints & {"Device"} and (p.shape != "ever" or re.search(r"\b(what|which)\b", p.question, re.I)):
        # "what device is in his chest?": where a device sits is no part of its record (Device has no body
        # site in US Core), so the place said is not something the record lacks; a yes or no ("any implant
        # in his knee?") still asks about that place
        content = [t for t in content if t not in _sites({t})]
    named = lexicon.phrases(p.question)
    if not hints and not named and _timeline_asked(p):
        return Target(timeline=True)
    if not content and lexicon.DRAW.search(p.question):  # "her last bloods", "any blood tests in 2015": the lab reports
        return Target(types=["DiagnosticReport"])
    if not content and not named and not hints and _TESTS_DONE.search(p.question):
        return Target(types=["Procedure", "DiagnosticReport"])  # "what tests were done on 2010-12-07": both kinds
    if hints and not content and not named:
        return Target(types=[t for t in PRIORITY if t in hints])
    if content and not named and set(content) <= lexicon.ADMISSION_WORDS:
        return Target(types=["Encounter"])  # "what day was he admitted?": nothing else named, the admissions
    if content:  # "a chest x-ray": the words as said, not "chest" alone with the known "x-ray" dropped
        said = {t for k in lexicon.SYNONYMS if f" {lexicon.normal(k)} " in f" {lexicon.normal(p.question)} "
                for t in lexicon.tokens(k)}
        return Target(unknown=_spans(p.question, set(content) | said) or list(dict.fromkeys(content)))
    return Target(unknown=list(dict.fromkeys(named or [t for t in q if t in syn_toks])))


def _spans(question: str, marked: set[str]) -> list[str]:
    """The runs of adjacent words in ``marked`` as the question wrote them ("chest x-ray", "head
    CT"): a thing the record lacks is named back in the asker's words, not cut to its odd word."""
    spans: list[str] = []
    start = end = -1
    words = list(re.finditer(r"[A-Za-z0-9]+", question))
    for i, w in enumerate(words):
        tok = (lexicon.tokens(w.group()) or [""])[0]
        # "x-rays": a lone letter hyphened to a marked word belongs to it
        hyphened = len(w.group()) == 1 and question[w.end():w.end() + 1] == "-" and i + 1 < len(words) \
            and (lexicon.tokens(words[i + 1].group()) or [""])[0] in marked
        if (tok in marked or hyphened) and start >= 0 and re.fullmatch(r"[\s\-/]*", question[end:w.start()]):
            end = w.end()
            continue
        if start >= 0:
            spans.append(question[start:end].lower())
        start, end = (w.start(), w.end()) if tok in marked or hyphened else (-1, -1)
    if start >= 0:
        spans.append(question[start:end].lower())
    return list(dict.fromkeys(spans))


# a message that ends with a question in quotes (an interpreter reading back, a relative passing one on)
_QUOTED = re.compile(r"(?:^|[\s:])['\u2018\"\u201c](?P<asked>[^\"\u201c\u201d]{8,}?\?)['\u2019\"\u201d]\s*\.?\s*$", re.S)
# dictation software that writes the punctuation it was told ("... the flu jab full stop", "his lipids comma the
# fat in the blood comma what was ... question mark"): read as the mark it names
_SPOKEN_PUNCTUATION = re.compile(r"\s*\b(full stop|question mark|new line|new paragraph|exclamation mark|comma|semicolon|"
                                 r"(?:open|close|closed|end) (?:bracket|brackets|paren|parenthesis|parentheses|quote|"
                                 r"quotes|quotation marks?)|unquote)\b", re.I)
_MARK_SAID = {"full stop": ".", "question mark": "?", "new line": ".", "new paragraph": ".", "exclamation mark": "!",
              "comma": ",", "semicolon": ";", "unquote": "\""}


def _mark_said(said: re.Match[str]) -> str:
    """The mark a dictated word stands for ("open bracket" -> " (", "close quote" -> '"')."""
    word = said[1].lower()
    if word in _MARK_SAID:
        return _MARK_SAID[word]
    side, mark = word.split(" ", 1)
    if mark.startswith("quot"):
        return ' "' if side == "open" else '"'
    return " (" if side == "open" else ")"


# "the veteran's most recent exam", "our client's last visit": the person whose record it is
_POSSESSOR = re.compile(r"\b(?P<det>the|my|our|your|his|her|their|this)\s+(?P<who>[a-z]+)['\u2019]s\s+"
                        r"(?!(?:disease|syndrome|disorder|palsy|sign|test|lymphoma|sarcoma|ulcer|cyst|phenomenon)\b)"
                        r"(?=[a-z])", re.I)


# "Tata's red cells", "which of Laoye's care plans": a name or kin word said without a determiner, whose
# record it is (an eponym names a disease, so what follows it may not: "Crohn's disease", "Bell's palsy")
_NAMED_POSSESSOR = re.compile(r"\b(?P<who>[A-Z][a-z]+)['\u2019]s\s+(?!(?:disease|syndrome|disorder|palsy|sign|test|"
                              r"lymphoma|sarcoma|ulcer|cyst|phenomenon|flare|flares|criteria|law|node|nodes)\b)(?=[a-z])")
# "Mor asks which ...", "Laolao also wants to know which ...": who relays the question, by a name the record and
# the lexicon do not know, opening the message
_RELAYED_BY = re.compile(r"^\s*(?P<who>[A-Z][a-z]+)(?: (?:also|too))? (?:asks|asked|is asking|wants to know|wanted to know|"
                         r"would like to know|wonders|is wondering)\s+(?:if |whether )?(?=\w)")
# "his current tim tal-kura (care team)": a term of another language glossed in English in brackets after it
_GLOSS = re.compile(r"(?P<said>(?:[^\W\d_][\w'\u2019-]*\s+){0,2}[^\W\d_][\w'\u2019-]*)\s*\((?P<gloss>[A-Za-z][\w '\u2019-]{1,40})\)")


def _glossed(g: re.Match[str], known: set[str]) -> str:
    """The words just before a bracketed gloss naming a kind of record ("(care team)"), that the record and
    the lexicon do not know, read as the gloss; a gloss of a thing ("A1c (sugar test)") is left as written."""
    if not lexicon.type_hints(g["gloss"]):
        return g[0]
    words = g["said"].split()
    n = 0
    while n < len(words) and all(t not in known for t in lexicon.tokens(words[-1 - n])):
        n += 1
    return " ".join([*words[: len(words) - n], g["gloss"]]) if n else g[0]


# "How many CMP (panel metabólico completo)?": a term restated in brackets in another language
_BRACKET = re.compile(r"\s*\((?P<inside>[^()]{3,60})\)")


def without_restatements(question: str, m: Manifest) -> str:
    """The question without a bracketed restatement of two or more words, most of them neither English nor
    the record's: the term before it is what is asked ("(acetaminophen)", "(care team)" are kept). Read
    before misspellings are, which would make "metabólico completo" English."""
    known = record_words(m) | lexicon.STOP

    def drop(b: re.Match[str]) -> str:
        words = re.findall(r"[a-z]+", b["inside"].lower())
        other = [w for w in words if not is_english(w) and w not in known]
        return " " if len(words) >= 2 and 2 * len(other) > len(words) else b[0]

    return _BRACKET.sub(drop, question)


# "... and the heart doctor asks what device ...", "the cardiologue wants to know when ...": whoever relays the
# question inside a sentence (a determiner, at most five words, a verb of asking) is not part of it; nor is one who
# asks for a thing ("... and the doctor here wants the name of the doctor who did his last check-up")
_RELAYER = r"\b(?:the|his|her|my|our|their)\s+(?:[^\W\d_][\w'\u2019-]*\s+){0,4}?[^\W\d_][\w'\u2019-]*\s+(?:also\s+)?"
_RELAYED_INSIDE = re.compile(rf"{_RELAYER}(?:asks|asked|is asking|wants to know|wanted to know|would like to know|"
                             r"needs to know|wonders|is wondering|(?:rang and )?asked me to (?:find out|check|ask)|"
                             r"wants me to (?:find out|check|ask))\s+(?:if\s+|whether\s+)?(?=(?:what|which|when|how|where|"
                             r"who|whether|if|is|was|does|did|has|had)\b)|"
                             rf"{_RELAYER}(?:wants|wanted|needs|needed|would like|asks for|asked for|is asking for|requests)\s+"
                             r"(?=(?:the|his|her|their)\s+(?:names?|dates?|numbers?|results?|list|values?|levels?|readings?)\s+of\b)",
                             re.I)
_I_MEAN = re.compile(r"(?:^|[\s,;.])(?:i mean|sorry,? i mean|that is to say)[,:]?\s+(?P<asked>[^\s].*)$", re.I)
# "a drawer full of pills", "a bag of tablets", Scots "a drawerfu o pills": the container holds what is named
_CONTAINER = re.compile(r"\b(?:a |an |the |his |her |my |their )?(?:drawer|box|bag|cupboard|cabinet|bottle|packet|pack|"
                        r"tin|shelf|basket|load|heap|pile|bunch|tray)s?(?: ?full| ?fu| ?ful)? (?:of|o) (?=[a-z])", re.I)
# "what is he meant to be taking, according to the doctors?": where the answer comes from, not what is asked
_ACCORDING = re.compile(r",?\s*\baccording to (?:the |his |her |my |their |your )?(?:doctors?|gps?|records?|notes|chart|"
                        r"file|hospital|nurses?|system|team|consultants?)\b", re.I)
# "what devices does the record show he's got?": the record is where the answer is, "show" asks no result
_RECORD_SHOWS = re.compile(r"\b(?:does|do|did|will|would|can) (?:the|his|her|my|their|your|this) (?:record|records|chart|"
                           r"file|notes|system|ehr|emr) (?:show|say|list|have|hold|mention)s?\b", re.I)
# "the machine they fixed inside his chest for the heart", "a heart machine inside his chest": a device
# named by where it sits (patients describe a pacemaker or an ICD so, NHS: "a small device ... placed in
# the chest") is an implanted device; "Dead on.", "Grand." opening a message ask nothing
_IN_CHEST = re.compile(r"\b(?:heart )?(?:machine|device|thing|box|gadget|battery)s? (?:(?:that |which )?(?:they|he|she|the "
                       r"doctors?|the surgeons?) )?(?:(?:fixed|put|placed|fitted|implanted|has|had|got) )?(?:inside|in|under "
                       r"the skin of) (?:his|her|my|the|their|[A-Z][a-z]+['\u2019]s) chest(?: for (?:the|his|her|my) heart)?",
                       re.I)
# "Names only, for the clinic.", "for the doctor in Bilbao": whom the answer is for, at the end of a sentence
_FOR_WHOM = re.compile(r",?\s*\bfor (?:the|my|his|her|our|their|a|an|your) (?:new )?(?:doctors?|gp|clinic|hospital|nurse|"
                       r"specialist|consultant|appointment|surgeon|dentist|physio|team|forms?|insurance|school)"
                       r"(?: (?:in|at) [A-Z][\w-]+)?(?=\s*(?:[.?!]|$))")
_OPENER = re.compile(r"^\s*(?:dead on|grand|sound|cheers|brilliant|lovely|perfect|right|okay|ok)\s*[.!,]\s*", re.I)
_TAG = re.compile(r",\s*(?P<tag>[a-z]{1,6})\s*\?|\s(?P<particle>ah|lah|leh|lor|mah|hor|la|eh|innit)\s*\?", re.I)


def reworded(question: str, m: Manifest) -> str:
    """The question as the engine reads it: a quoted question at the end of a message alone, and a
    possessor the record and the lexicon do not know ("the veteran's", "our client's", "Laoye's") read as
    "the"; a relayer named at the start ("Mor asks which ...") is not part of the question."""
    if quoted := _QUOTED.search(question):
        question = quoted["asked"]
    question = _ACCORDING.sub("", _CONTAINER.sub("", _SPOKEN_PUNCTUATION.sub(_mark_said, question)))
    question = _FOR_WHOM.sub("", question)
    question = _IN_CHEST.sub("implanted device", _OPENER.sub("", question))
    # "does his record mention a fractured clavicle?" opening the question asks whether there is one
    question = _RECORD_SHOWS.sub(lambda r: " " if question[: r.start()].strip() else "is there", question)
    if (restated := _I_MEAN.search(question)) and len(restated["asked"].split()) >= 3:
        question = restated["asked"]  # "... the sides of the poll up, I mean how big was the polyp?": said again
    known = record_words(m) | lexicon.STOP
    # "..., la?", "..., lah?", "..., innit?": a tag said after the question names nothing
    question = _TAG.sub(lambda t: t[0] if (t["tag"] or "").lower() in known else "?", question)

    def person(mt: re.Match[str]) -> str:
        who = mt["who"]  # an eponym ("the Crohn's flare") is a name, not a person of the household
        return mt[0] if who.lower() in known or not who.islower() or not is_english(who) else f"{mt['det']} "

    def named(mt: re.Match[str]) -> str:
        from carepath.knowledge import wordnet  # heavy: WordNet's index files, only for a named possessor

        who = mt["who"].lower()
        unheld = who not in known and not is_english(who) and wordnet.noun_class(who) is None
        return "the " if unheld else mt[0]

    question = _GLOSS.sub(lambda g: _glossed(g, known), question)
    relayed = _RELAYED_BY.match(question)
    if relayed and relayed["who"].lower() not in known and not is_english(relayed["who"].lower()):
        question = question[relayed.end():]
    if (relay := _RELAYED_INSIDE.search(question)) and _names_something(question[relay.end():], m):
        # "Babu has come to stay with us and the heart doctor asks what device ...": a relayed question that
        # names what it asks begins its sentence; what the sentence said before the relayer set the scene
        # ("... got his flu shot every year and the pharmacy wants to know how many he's had" is asked of
        # the scene); and, asked, it ends as a question ("... asks what device is in his chest. What does
        # the record call it?" asks of the device)
        start = max(question.rfind(stop, 0, relay.start()) for stop in ".!?;") + 1
        rest = re.sub(r"^([^.!?]*)\.(?=\s|$)", r"\1?", question[relay.end():], count=1)
        question = f"{question[:start]} {rest[:1].upper()}{rest[1:]}"
    if lexicon.type_hints(_EXAMPLES.sub(" ", question)):  # "how many vaccinations, flu and everything?": all of them
        question = _EXAMPLES.sub(" ", question)
    return _NAMED_POSSESSOR.sub(named, _POSSESSOR.sub(person, question))


# a thing named as an example of the kind asked ("all his jabs, flu and everything", "vaccinations including
# the flu ones", "tablets - statins etc."): the whole kind is asked
_EXAMPLES = re.compile(r"\b(?:including|incl\.?)(?! (?:the )?(?:any|all|those|ones?|past|old|ended|finished|"
                       r"inactive|previous|former|current|stopped|resolved)\b)(?: the| his| her| my| their)? [\w-]+(?: [\w-]+)?(?: ones?)?"
                       r"|(?<![\w-])[\w-]+(?: [\w-]+)? and (?:everything|all that|all the rest|the rest|so on)\b"
                       r"|(?<![\w-])[\w-]+(?: [\w-]+)?,? etc\b\.?", re.I)


def _names_something(text: str, m: Manifest) -> bool:
    """The words up to the end of ``text``'s first sentence name a thing or a kind of record, and do not
    point back at something said before them ("which day it was prescribed")."""
    said = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if refers_back(said.split(",")[0]):  # "what device he has, the one they put in" restates it after a comma
        return False
    target = resolve(parse(said), m)
    return names_held(said, m, target) or bool(lexicon.type_hints(said)) or names_absent(said, target.unknown)


def names_held(text: str, m: Manifest, target: Target | None = None) -> bool:
    """Whether ``text`` names a thing or a kind the record holds (``target``: its reading, when made)."""
    target = target or resolve(parse(text), m)
    return bool(target.concepts or target.types)


_EPISODE_WORD = re.compile(r"\b(bout|bouts|episode|episodes|spell|spells|attack|attacks|flare|flares)\b", re.I)


def refers_back(asked: str) -> bool:
    """The question sentence points at something said before it ("it", "that", "the bout", "then",
    Pidgin "dat")."""
    return bool(_BACK_REFERENCE.search(asked) or _EPISODE_WORD.search(asked) or _THEN.search(asked))


def names_absent(asked: str, unknown: list[str]) -> bool:
    """The question sentence of a message names something of its own that the record lacks ("Any history
    of epilepsy?"): it refers back to nothing said before (no "it", "that", "the one") and one of its
    unmatched words is not an everyday English word ("epilepsy", not "number" or "papers")."""
    if not unknown or refers_back(asked):
        return False  # "When did the more recent bout start?": the bout is the one just named
    # a letter or two ("Rx'd" leaves "d") names nothing
    return any(len(t) >= 3 and not everyday(t) for w in unknown for t in re.findall(r"[a-z]+", w.lower()))
