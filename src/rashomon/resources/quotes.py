"""Rule data for the quote and speaker stages: quote marks, cue words, titles, roles,
pronouns and first-name genders. Logic lives in ``quotes.py``, ``quote_marks.py``,
``quote_names.py`` and ``speakers.py``."""

from __future__ import annotations

import re
from types import MappingProxyType

# --- quote marks -------------------------------------------------------------------
# Double marks are the primary quotation marks of English news; single marks quote
# when they stand outside double marks (headlines, British style) and nest inside them.
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_EITHER = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
SINGLE_EITHER = "'"
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER
SINGLE_MARKS = SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER
# Characters after which a mark opens a quote, and before which a mark closes one.
OPEN_CONTEXT = " \t\n([{—–-/" + DOUBLE_MARKS + SINGLE_MARKS
CLOSE_CONTEXT = " \t\n)]}.,;:!?…—–-/" + DOUBLE_MARKS + SINGLE_MARKS
# An opening single mark that is an elision, not a quote: '90s, ’em, 'til, 'n'.
ELISION = re.compile(r"(?:\d\d(?:s\b|\b)|em\b|til\b|tis\b|twas\b|n\b|cause\b|bout\b)", re.I)

# A markup tag left in plain text (an embedded tweet: <tweet id="123" author="x">, </tweet>,
# <br/>): its attribute values are not quotations. Only well-formed tags match, so prose
# with angle brackets ("a < b and c > d", "x<y or z>w") is read as usual.
MARKUP_TAG = re.compile(
    r"</?[A-Za-z][\w:.-]*"
    r"(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s\"'<>=]+))*"
    r"\s*/?>"
)

# A quoted stretch of at most this many words inside the author's sentence is a scare
# quote unless someone is shown saying it: a cue in its sentence, then a speaker found.
SCARE_QUOTE_MAX_WORDS = 2

# --- parsing -----------------------------------------------------------------------
# A "sentence" longer than this (a run-on page, a table flattened into one line) is not
# sent to spaCy: its cues are found by the rule-based path (the words around the cue).
MAX_PARSE_CHARS = 5000
# How far the title and kind tests look around a quoted span (characters): enough for
# a cue and a few words, bounded so that long paragraphs cost linear time.
LOOK_AROUND = 200

# --- cue words ---------------------------------------------------------------------
# Surface forms (the lemmatizer is not loaded). Speech cues attribute any quote.
SPEECH_CUES = frozenset(
    """
    say says said saying tell tells told telling add adds added adding
    write writes wrote writing written explain explains explained explaining
    note notes noted noting state states stated stating declare declares declared
    claim claims claimed claiming insist insists insisted insisting
    continue continues continued continuing begin begins began beginning
    reply replies replied replying respond responds responded responding
    answer answers answered ask asks asked asking recall recalls recalled recalling
    remark remarks remarked comment comments commented commenting
    admit admits admitted admitting acknowledge acknowledges acknowledged
    argue argues argued arguing announce announces announced announcing
    confirm confirms confirmed deny denies denied warn warns warned warning
    urge urges urged tweet tweets tweeted tweeting post posts posted posting
    joke jokes joked joking quip quips quipped laugh laughs laughed laughing
    exclaim exclaims exclaimed shout shouts shouted yell yells yelled
    whisper whispers whispered testify testifies testified testifying
    concede concedes conceded conclude concludes concluded
    emphasize emphasizes emphasized emphasise emphasised stress stresses stressed
    predict predicts predicted promise promises promised vow vows vowed
    boast boasts boasted complain complains complained complaining
    reveal reveals revealed revealing gush gushes gushed muse muses mused
    recount recounts recounted suggest suggests suggested agree agrees agreed
    counter counters countered caption captioned captioning
    rule rules ruled ruling opine opines opined observe observes observed
    assert asserts asserted maintain maintains maintained
    describe describes described describing call calls called calling
    liken likens likened dub dubs dubbed brand brands branded
    sing sings sang chant chanted read reads
    wonder wonders wondered quote quotes quoted cite cites cited
    reported reporting demand demands demanded assure assures assured
    """.split()
)
# Cognition cues: attribute only partial quotes in their own sentence.
THOUGHT_CUES = frozenset(
    """
    think thinks thought believe believes believed feel feels felt hope hopes hoped
    want wants wanted expect expects expected consider considers considered
    """.split()
)
CUE_WORDS = SPEECH_CUES | THOUGHT_CUES
# Cues of several words whose first word alone is no cue: 'as Jo Reed put it', 'she
# went on', 'he points out', 'Reed, in a statement: “...”', 'Reed on Instagram: “...”',
# 'On X, Reed called it “...”'. Matched on lower-case words ('x' only as 'X').
CUE_PHRASES = frozenset(
    tuple(phrase.split())
    for phrase in """
    put it|puts it|went on|goes on|pointed out|points out|point out
    in a statement|in statements|in a post|in an interview|in an email|in a letter
    on instagram|on x|on twitter|on facebook|on tiktok|on threads|on bluesky|on linkedin
    """.replace("\n", "|").split("|")
    if phrase.strip()
)
# Cues whose object is the one spoken to ('told ABC', 'asked Reed'): a name after
# them is the speaker only in the inverted order right after a quote ('“...?” asked
# Reed').
ADDRESSEE_CUES = frozenset(
    """
    tell tells told telling ask asks asked asking urge urges urged warn warns warned
    assure assures assured remind reminds reminded
    """.split()
)
# Past-tense verbs outside the cue lists attribute a quote only in the inverted frame
# '“...,” Reed beamed' (the quote ends in , ? ! or a dash): how short such a verb may be.
INVERTED_VERB_MIN = 5

# Words that may stand between a subject and its cue: "Okafor later said".
CUE_ADVERBS = frozenset(
    "also later then again once previously recently further simply only just "
    "had has have would will was is once even reportedly allegedly often".split()
)
# Words that open a description standing for a speaker: 'the group wrote', 'said a
# person close to the campaign', 'one campaign source said', 'my father often said'.
DESCRIPTION_OPENERS = frozenset(
    "the a an one another his her their its our my your several".split()
)
# Where a description after its cue ends: 'said a person close to them as he left'.
DESCRIPTION_STOPS = frozenset(
    "who which that as when while after before during in on at to from because and but "
    "according".split()
)
# The most words a description may have after its opener.
DESCRIPTION_WORDS = 6

# A transcript's speaker label opening a quoted paragraph: '"WALLACE: Let us start ...'.
SPEAKER_LABEL = r"([A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}):[ \t]+"
# Upper-case labels that name no speaker.
NOT_SPEAKER_LABELS = frozenset(
    """
    NOTE UPDATE UPDATED BREAKING CORRECTION WARNING EDITOR'S EDITOR’S QUESTION ANSWER
    TRANSCRIPT PHOTO VIDEO WATCH READ MORE RELATED ALERT EXCLUSIVE LIVE OPINION
    ANALYSIS SOURCE SOURCES CAPTION CREDIT UPDATES SUBJECT RE FWD
    """.split()
)

# A headline quote this long that a body quote repeats word for word is speech, even in
# Title Case ('We Are Not Done'); a shorter one may be a term both quote ('13th').
HEADLINE_ECHO_MIN_WORDS = 3

# Words that make a cue after a quote report something else: 'Reed was “right” when
# he said ...' (the quote is not what he said then).
SUBORDINATORS = ("when", "as", "after", "before", "because", "while", "since", "if", "that")

# --- mentions ----------------------------------------------------------------------
# Every pronoun the stages know, in one place: singular ones carry a gender.
PRONOUN_GENDER = MappingProxyType({"he": "m", "him": "m", "she": "f", "her": "f"})
PLURAL_PRONOUNS = frozenset("they we i you it".split())
# Third-person subject pronouns: ', she said' inside a stretch left open shows that its
# closing mark was lost.
THIRD_PERSON_SUBJECTS = ("he", "she", "they")
# Pronouns that stand as the subject right after a cue ('said he', 'said we').
SUBJECT_PRONOUNS = frozenset(THIRD_PERSON_SUBJECTS + ("we", "i"))
# How many sentences before a pronoun's own one are searched for its antecedent.
PRONOUN_WINDOW = 3
DETERMINERS = frozenset("the a an this that his her their its our".split())

# A capitalised name word, letters beyond ASCII included (Lucía, Zoë), with an
# apostrophe part (O'Neill, D’Souza), hyphenated parts (Thale-Barrow) or an initial (J.).
# The one definition of a name for every stage: NAME_RUN is a run of any length (split
# later at cue words and pronouns), NAME a name of one to four words.
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_PART = rf"[{_UP}](?:[{_LOW}]+(?:[{_UP}][{_LOW}]+)?|(?=['’][{_UP}]))(?:['’][{_UP}][{_LOW}]+)?"
NAME_WORD = rf"(?:{_PART}(?:-{_PART})*|[{_UP}]\.)"
NAME_RUN = rf"(?<![\w’'-]){NAME_WORD}(?:[ \t]+{NAME_WORD})*(?![\w-])"
NAME = rf"(?<![\w’'-]){NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}}(?![\w-])"

# Words that come before a name without being part of it ("Judge Mary Smith").
TITLES = frozenset(
    """
    judge justice president vice senator sen rep representative congressman
    congresswoman governor gov mayor general gen dr mr mrs ms mx miss prof professor
    rev reverend sir dame lord lady prince princess king queen pope officer detective
    sheriff chief attorney prosecutor director secretary minister chancellor speaker
    commissioner captain capt lt lieutenant sgt sergeant coach district county
    assistant deputy lead former late actor actress singer star rapper comedian host
    producer cinematographer armorer armourer writer author filmmaker chef
    defendant plaintiff agent inspector superintendent councilman councilwoman
    councilmember ambassador premier chairman chairwoman ceo founder
    """.split()
)
# Capitalised words that start a run without being a name (sentence openers, months).
NOT_NAMES = frozenset(
    """
    the a an in on at after before following however but and when while since as
    although if despite meanwhile according for from with by to of this that these
    those his her their its our my your we they he she it i there here what who why
    how where which yet so or nor not no yes also still then now today yesterday
    tomorrow even monday tuesday wednesday thursday friday saturday sunday january
    february march july august september october november december
    mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
    mother father wife husband
    share sign read watch click related getty photo credit image advertisement
    new north south east west court state police county city district office
    department university college house senate congress church school
    """.split()
)

# Words that make a capitalised run an organisation or a place, not a person
# ('Harlow Transit Authority spoke'): such a subject never stands for a pronoun.
ORG_WORDS = frozenset(
    """
    council committee commission company corporation corp inc ltd llc group bank
    agency authority foundation fund network board ministry party club team union
    transit association institute center centre hospital airport station bridge
    street avenue road river park hall museum library times post news press
    states kingdom nations republic emirates
    """.split()
)

# Description heads that name a person's role; the gender when the noun gives one.
ROLE_NOUNS = MappingProxyType({
    "judge": None, "justice": None, "prosecutor": None, "attorney": None, "lawyer": None,
    "actor": None, "actress": "f", "star": None, "superstar": None, "nominee": None,
    "winner": None, "singer": None, "rapper": None, "director": None, "producer": None,
    "filmmaker": None, "screenwriter": None, "writer": None, "author": None,
    "comedian": None, "chef": None, "host": None, "musician": None, "model": None, "designer": None,
    "cinematographer": None, "armorer": None, "armourer": None, "president": None,
    "senator": None, "governor": None, "mayor": None, "candidate": None,
    "politician": None, "lawmaker": None, "congressman": "m", "congresswoman": "f",
    "officer": None, "detective": None, "sheriff": None, "chief": None, "ceo": None,
    "executive": None, "founder": None, "chairman": "m", "chairwoman": "f",
    "coach": None, "player": None, "athlete": None, "champion": None, "icon": None,
    "legend": None, "veteran": None, "mogul": None, "billionaire": None,
    "entrepreneur": None, "businessman": "m", "businesswoman": "f", "celebrity": None,
    "personality": None, "influencer": None, "journalist": None, "reporter": None,
    "anchor": None, "doctor": None, "professor": None, "scientist": None,
    "researcher": None, "economist": None, "analyst": None, "investigator": None,
    "minister": None, "secretary": None, "ambassador": None, "defendant": None,
    "plaintiff": None, "witness": None, "victim": None, "suspect": None,
    "spokesman": "m", "spokeswoman": "f", "spokesperson": None,
    "mother": "f", "father": "m", "wife": "f", "husband": "m", "daughter": "f",
    "son": "m", "sister": "f", "brother": "m", "mom": "f", "dad": "m",
    "grandmother": "f", "grandfather": "m", "girlfriend": "f", "boyfriend": "m",
    "treasurer": None, "clerk": None, "manager": None, "administrator": None,
    "commander": None, "engineer": None, "teacher": None, "nurse": None, "pastor": None,
    "priest": None, "bishop": None, "rabbi": None, "imam": None, "councillor": None,
    "commissioner": None, "mp": None, "aide": None, "adviser": None, "advisor": None,
    "representative": None,
    "man": "m", "woman": "f", "boy": "m", "girl": "f",
})
# Roles that speak for an organisation: 'a spokeswoman for the council' is the council's
# voice, reported as the organisation (the contract), not as a person.
SPOKESPERSON_ROLES = frozenset("spokesman spokeswoman spokesperson representative".split())
# What stands between a spokesperson and the body it speaks for.
SPOKESPERSON_LINKS = frozenset("for of at".split())
# How far from a spokesperson the organisation 'the council' stands for is looked for.
ORGANISATION_REACH = 4000
# Role nouns that name a relation or a plain person, not a job: before a name they may
# be part of it ('Son Heung-min', 'Man Ray') or are dropped as openers (NOT_NAMES).
PERSON_WORDS = frozenset(
    """
    mother father wife husband daughter son sister brother mom dad grandmother
    grandfather girlfriend boyfriend man woman boy girl
    """.split()
)
# Job words that stand before a name without being part of it: 'Spokeswoman Kim Lo',
# 'Harlow Transit Engineer Tom Hale' -> the person is 'Kim Lo', 'Tom Hale'. The role
# nouns (relations aside) and a few more jobs that are no description heads.
NAME_ROLES = (frozenset(ROLE_NOUNS) - PERSON_WORDS) | frozenset(
    """
    architect planner surveyor contractor foreman forewoman supervisor consultant
    historian physician surgeon pilot editor columnist correspondent photographer
    strategist organizer organiser activist campaigner pollster
    """.split()
)
# Roles that refer to the story's protagonist when no name in the text carries them
# ("the award nominee", "the star", "the 48-year-old"); anonymous roles never do.
PROTAGONIST_ROLES = frozenset(
    """
    actor actress star superstar nominee winner singer rapper director producer
    filmmaker screenwriter writer author comedian chef host musician model designer
    candidate politician president senator governor mayor coach player athlete
    champion icon legend veteran mogul billionaire entrepreneur businessman
    businesswoman celebrity personality influencer defendant
    """.split()
)
AGE_DESCRIPTION = re.compile(r"^\d{1,3}-year-old$")

# A quoted span followed (or preceded) by one of these is a title, not speech.
TITLE_INDICATORS = frozenset(
    """
    podcast podcasts film films movie movies show shows series song songs single album
    albums book books novel novels memoir documentary documentaries play musical
    episode episodes sitcom franchise special track tour magazine newspaper column
    article essay poem painting exhibition program programme channel game video
    """.split()
)
# Cue words that name rather than quote: 'residents call it “the Old Growler”'. Next to
# a short Title-Case span they make it a name, not speech.
NAMING_CUES = frozenset(
    """
    call calls called calling dub dubs dubbed brand brands branded nickname nicknamed
    name names named title titled known
    """.split()
)
# Articles that open a nickname or title: “the Old Growler”, “a Sure Thing”.
NICKNAME_ARTICLES = frozenset(("the", "a", "an"))
# Small words allowed inside a Title-Case title ('Second Wind', 'Lord of the Rings').
TITLE_SMALL_WORDS = frozenset("a an the of to in on and or for at by with from vs".split())

# --- first names -------------------------------------------------------------------
MALE_NAMES = frozenset(
    """
    aaron adam adrian alan albert alec alex alexander alfred ali andrew andy angelo
    anthony antonio arnold arthur austin barack barry ben benjamin bernard bernie bill
    billy bob bobby brad bradley brandon brendan brett brian bruce bryan carl carlos
    charles charlie chris christian christopher chuck clint colin craig dale dan daniel
    danny darren dave david dean dennis derek dick don donald doug douglas drew dustin
    dwayne ed eddie edward elijah elon emmanuel eric ernest ethan eugene evan frank
    francis fred frederick gabriel gary gavin gene geoffrey george gerald gordon graham
    greg gregory harold harrison harry harvey hector henry howard hugh hunter ian isaac
    ivan jack jacob jake james jamie jared jason javier jay jeff jeffrey jeremy jerome
    jerry jesse jim jimmy joe joel john johnny jon jonathan jordan jorge jose joseph
    josh joshua juan julian justin keith ken kenneth kevin kirk kyle lance larry lawrence
    lee leo leon leonard liam louis luis luke malcolm marco marcus mario mark martin
    matt matthew max michael miguel mike mitch mitchell nathan neil nicholas nick noah
    oliver omar oscar owen pablo patrick paul pedro pete peter phil philip pierre ralph
    randy ray raymond ricardo richard rick ricky rob robert roberto rod roger ron ronald
    ross roy russell ryan sam samuel scott sean sergei seth shane shawn simon stanley
    stephen steve steven stuart ted terry thomas tim timothy todd tom tomas tommy tony travis
    trevor troy tyler victor vincent vladimir wade walter warren wayne will william
    xavier zach zachary
    aarav abdul ahmed alejandro alessandro anders andrei arjun bjorn boris bram callum
    cian clive connor dafydd declan deepak dev diego dmitri dylan emeka emre enrique
    erik etienne ewan felix fergus fernando finn francesco francois gareth giovanni
    giuseppe gideon guillaume gustavo hamish hassan henrik hiroshi hugo hussein igor
    ibrahim jamal jasper joao joaquin jonas jurgen karim kenji khalid klaus kofi kwame
    lars laurent lukas magnus mateo matteo mehmet mikhail mohammed muhammad niall
    nigel nikolai nils olaf olivier otto pawel piotr rafael rahul raj raul ravi rhys
    rory rufus rupert sanjay santiago seamus sergio stefan sven takeshi tariq thiago
    thierry tiago tomasz tunde vikram wolfgang yuri yusuf
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abigail ada adele alexandra alexis alice alicia alison allison amanda amber amy
    ana andrea angela angelina anita ann anna anne annie april ashley audrey barbara
    beatrice becky belinda beth betty beverly bonnie brenda bridget britney brittany
    brooke caitlin camila candace carla carmen carol caroline carolyn carrie cassandra
    catherine cathy charlotte chelsea cheryl chloe christina christine cindy claire
    clara claudia colleen courtney crystal cynthia daisy dana danielle debbie deborah
    debra denise diana diane donna doris dorothy eileen elaine eleanor elena elizabeth
    ella ellen emily emma erica erin esther eva eve evelyn faith fiona frances gabrielle
    gail gina gloria grace gwen hailey hannah harriet heather heidi helen hillary holly
    ingrid irene iris isabel isabella jackie jacqueline jane janet janice jasmine jean
    jennifer jenny jessica jill joan joanna jocelyn josephine joy joyce judith judy julia
    julie june karen kari kate katherine kathleen kathy katie kayla kelly kendra kim
    kimberly kristen kristin laura lauren leah linda lindsay lisa liz lori lucy lydia
    lynn madeline madison mandy margaret maria marie marilyn marion martha mary megan
    melanie melissa meredith mia michelle mindy miranda molly monica nancy naomi natalie
    nicole nina nora olivia paige pam pamela patricia paula peggy penny priscilla
    rachel rebecca regina renee rita roberta robin rosa rose ruth sabrina sally samantha
    sandra sara sarah selena serena sharon sheila shirley sofia sophia sophie stacy
    stephanie sue susan suzanne sylvia tamara tanya taylor teresa theresa tiffany tina
    tracy valerie vanessa veronica victoria violet virginia wendy whitney yolanda zoe
    aaliyah adaeze agnieszka aisha akiko amara amelie amina ananya anjali aoife astrid
    beatriz beatrix bronwen camille cerys chiara chioma deepa delia divya ebony eilidh
    esme fatima francesca freya gabriela giulia greta guadalupe hana helga hilde
    ifeoma imani imelda imogen ines irina juliette katarzyna kavita keiko keisha
    lakshmi latoya layla leila lena lucia lucía magdalena margot mariam mariana maud
    meera mei mercedes mhairi mira morag nadia neha ngozi nia niamh noemi noor olga
    phoebe pilar pooja priya rhiannon saoirse shreya sigrid sinead siobhan sunita
    svetlana tamika tatiana valentina yasmin yuki zainab zara
    """.split()
)
# First names of either gender: names, but they tell no gender.
UNISEX_NAMES = frozenset(
    """
    jo sam kim pat robin dana jamie casey morgan taylor jordan riley avery quinn
    jesse jessie terry chris lee drew blair sasha alexis ashley cameron rowan sky
    """.split()
) - MALE_NAMES - FEMALE_NAMES
FIRST_NAMES = MALE_NAMES | FEMALE_NAMES | UNISEX_NAMES
# Unknown first names ending so are mostly female (Hilaria, Ludmila); not these.
FEMALE_ENDINGS = ("a", "ie", "ette", "elle", "ine")
MALE_EXCEPTIONS_TO_ENDINGS = frozenset(
    "joshua luca nikola ezra elijah isaiah jeremiah zachariah andrea sasha misha "
    "kostya ilya mustafa musa joshua akira dana jamie charlie willie eddie ronnie "
    "stevie jackie frankie archie bernie richie reggie ollie".split()
)
