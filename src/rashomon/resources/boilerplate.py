"""Rule data for the boilerplate cleaner (``rashomon.clean``).

Every rule names the reason recorded for a line it removes. Phrase lists are matched
against a whole line after :func:`rashomon.clean.line_key` (lower-cased, outer
punctuation and white space stripped, inner white space collapsed); patterns are
case-insensitive regular expressions searched in the stripped line. Each line-level rule
only fires on short lines (``MAX_WORDS``), so a real paragraph that happens to contain
"sign up" or "Getty" stays.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


def _phrases(block: str) -> frozenset[str]:
    """One phrase per non-blank line of ``block``."""
    return frozenset(line.strip() for line in block.splitlines() if line.strip())


# Longest line (in words) each kind of rule may remove.
MAX_WORDS = MappingProxyType({
    "advertisement": 10,
    "navigation": 8,
    "share-widget": 8,
    "newsletter": 30,
    "photo-credit": 12,
    "photo-caption": 50,
    "related-links": 30,
    "byline": 14,
    "dateline": 16,
    "social-embed": 20,
    "copyright": 20,
    "media-widget": 8,
})

# Whole-line phrases (after line_key) -> reason.
LINE_PHRASES: Mapping[str, frozenset[str]] = MappingProxyType({
    "advertisement": _phrases(
        """
        advertisement
        advertisements
        ad
        ads
        sponsored
        sponsored content
        paid content
        paid post
        promoted
        promoted content
        advertisement - scroll to continue
        advertisement scroll to continue
        scroll to continue with content
        story continues below advertisement
        article continues below advertisement
        article continues below this ad
        story continues below
        continue reading below
        content continues below
        """
    ),
    "navigation": _phrases(
        """
        skip to content
        skip to main content
        skip to navigation
        menu
        main menu
        open menu
        close menu
        home
        search
        log in
        login
        sign in
        subscribe
        subscribe now
        back to top
        trending
        trending now
        latest news
        breaking news
        next article
        previous article
        next story
        previous story
        load more
        show more
        see more
        more
        """
    ),
    "share-widget": _phrases(
        """
        share
        share this
        share this article
        share this story
        share this post
        share article
        share story
        share on facebook
        share on twitter
        share on x
        share on linkedin
        share on whatsapp
        share on reddit
        share on pinterest
        share via email
        share by email
        share to facebook
        share to twitter
        tweet
        tweet this
        pin it
        email
        print
        copy link
        link copied
        copy article link
        facebook
        twitter
        linkedin
        whatsapp
        pinterest
        reddit
        flipboard
        facebook twitter email
        facebook twitter pinterest email
        facebook twitter linkedin email
        comments
        view comments
        add a comment
        leave a comment
        """
    ),
    "related-links": _phrases(
        """
        related
        related articles
        related stories
        related content
        related coverage
        related news
        related links
        related posts
        related reading
        more on this story
        more on this
        more stories
        more news
        more from us
        read more
        read next
        up next
        what to read next
        you may also like
        you might also like
        you may be interested in
        recommended
        recommended for you
        recommended stories
        recommended reading
        most popular
        most read
        popular now
        don't miss
        dont miss
        see also
        also read
        keep reading
        editor's picks
        editors picks
        """
    ),
    "media-widget": _phrases(
        """
        image
        photo
        photos
        video
        watch
        gallery
        view gallery
        view slideshow
        open image in gallery
        open in gallery
        click to enlarge
        enlarge image
        enlarge this image
        expand
        toggle caption
        hide caption
        play video
        watch video
        listen to this article
        listen
        audio
        """
    ),
})

# Headings after which a run of headline-like lines is a list of links.
RELATED_HEADINGS = LINE_PHRASES["related-links"]

# A capitalised name of two to four words (case-sensitive inside the case-blind rules).
_NAME = r"(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){1,3}"

# One side of "Desk / Photographer": capitalised words.
_CREDIT_SIDE = r"(?-i:[A-Z])[\w.'’&-]*(?:\s+[\w.'’&-]+){0,5}"

# Pattern rules: reason -> patterns searched in the stripped line (case-insensitive).
LINE_PATTERNS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "newsletter": (
        r"\bsign[ -]?up\b.{0,40}\b(here|now|today|newsletter|emails?|inbox|free)\b",
        r"\bsign[ -]?up (here|now|today)\b",
        r"\bsubscribe (here|now|today|to (our|the)\b.{0,40}\bnewsletter)",
        r"\b(our|the|free|daily|weekly) newsletters?\b.{0,60}"
        r"\b(sign|subscribe|inbox|deliver|get|join)",
        r"\b(sign|subscribe|join)\b.{0,60}\bnewsletters?\b",
        r"\bdelivered (straight |directly |right )?to your inbox\b",
        r"\bstraight to your inbox\b",
        r"^want .{1,40} (each|every) (day|week|morning)\?",
        r"^get (the|our) .{1,60}\b(newsletter|in your inbox|each day|every day)\b",
        r"\benter your email\b",
        r"\bby (signing up|subscribing), you agree\b",
    ),
    "photo-credit": (
        # a lone agency or picture-desk name, optionally with "Images"/"Photo"
        r"^\(?(getty|getty images|ap|ap photo|associated press|reuters|afp|afp/getty images|"
        r"epa|epa-efe|shutterstock|alamy|mega|mega agency|backgrid|splash news|wireimage|"
        r"filmmagic|imagn|usa today sports|bauer-griffin|zuma press|zuma wire|rex features|"
        r"pa images|pa wire|pa|bloomberg|anadolu|sipa|abaca|x17online|the image direct)\)?"
        r"(\s+(images|photo|photos|via getty images))?$",
        # "Photo: Jane Roe", "Credit: ...", "Image source: ..."
        r"^(photo|photos|photograph|photography|image|images|picture|pictured|credit|"
        r"photo credit|image credit|image source|source|illustration|photo illustration)"
        r"\s*(by|courtesy( of)?)?\s*[:/|]",
        r"^(photo|photograph|image|picture|illustration)s?\s+(by|courtesy( of)?)\s+\S",
        r"^courtesy( of)?\s+(?-i:[A-Z])",
        # "Jane Roe/Getty Images", "AP Photo/Jane Roe", "Jane Roe for The Example Times"
        r"^[\w .,'’&-]{2,60}\s*/\s*(getty images|getty|ap|afp|reuters|shutterstock|epa|"
        r"wireimage|filmmagic|mega|backgrid|bloomberg|sipa|zuma|rex|alamy|pa)"
        r"(\s*(images|photo|via getty images|wire))?$",
        r"^(ap|afp|reuters|epa|getty)\s+(photo|images?)\s*/",
        # "Lantern Images / Mira Roe", "Mira Roe/Harbor Wire": one side names a picture desk
        r"^(?=[^/]*\b(images|photos?|pictures|press|wire|agency|pool|studios?|archives?)\b"
        r"[^/]*/|[^/]*/[^/]*\b(images|photos?|pictures|press|wire|agency|pool|studios?|archives?)"
        r"\b[^/]*$)" + _CREDIT_SIDE + r"\s*/\s*" + _CREDIT_SIDE + r"$",
        r"\bvia getty images\)?$",
    ),
    "byline": (
        # "By Jane Roe", "By Jane Roe and Sam Poe", "By Jane Roe, Staff Writer": two to
        # four capitalised words per name, so "By Tuesday, ..." is not a byline
        r"^by\s+" + _NAME + r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)" + _NAME + r")*"
        r"(?:\s*[,|]\s*[\w '’-]{0,40})?$",
        r"^(written|reported|words) by\s+(?-i:[A-Z])",
        r"^(author|authors|writer|reporter|reporting by|editing by)\s*:\s*\S",
        r"^\d{1,2}[- ]?(min|minute|minutes|mins)\.?\s+read$",
        r"^(reading time|read time)\s*:?\s*\d",
    ),
    "dateline": (
        r"^(published|updated|posted|last updated|first published|modified|last modified)"
        r"(\s*:|\s+on|\s+at)?\s*(\w+day,?\s+)?"
        r"(\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    ),
    "social-embed": (
        r"^view this post on (instagram|tiktok|facebook|x|twitter)$",
        r"^a post shared by\b",
        r"\bpic\.twitter\.com/\S+",
        r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}$",
        r"^view (this|the) (post|video|tweet) on\b",
    ),
    "copyright": (
        r"^(©|\(c\)|copyright\b)",
        r"\ball rights reserved\.?$",
    ),
    "related-links": (
        # one inline related link: "RELATED: Mayor Pledges New Bus Lanes"
        r"^(related|read more|read also|also read|see also|more|watch|listen|"
        r"click here|read the full story|read next|up next)\s*[:|»›>]\s*\S",
        r"^(read|see) more (here|at|on)\b",
        r"^click here\b.{0,60}$",
    ),
})

# Share-widget text glued onto the end of the last paragraph ("...case.Share This
# Article"). Only multi-word phrases: a single word such as "Email" may end a sentence.
GLUED_WIDGETS: tuple[str, ...] = (
    "share this article",
    "share this story",
    "share this post",
    "share article",
    "share story",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share via email",
    "copy link",
    "link copied",
    "read more",
    "continue reading",
    "view comments",
    "leave a comment",
    "advertisement",
)

# Bullet markers that open a list item.
BULLETS = ("- ", "• ", "* ", "· ", "– ", "— ", "» ", "› ", "▪ ", "■ ", "► ")

# Short words a Title Case headline leaves in lower case.
TITLE_SMALL_WORDS = frozenset(
    """
    a an the and but or nor for so yet as at by in of off on per to up via vs with from
    into onto over than that after before about amid among is are was be
    """.split()
)

# Photo captions. Verbs a caption uses in the present tense right after its subject
# ("Jane Roe hugs...", "Supporters wave..."). Past-tense reporting verbs are absent.
CAPTION_VERBS = frozenset(
    """
    hug hugs celebrate celebrates arrive arrives attend attends speak speaks pose poses
    look looks walk walks leave leaves depart departs wave waves gesture gestures
    listen listens smile smiles laugh laughs sit sits stand stands hold holds
    embrace embraces greet greets react reacts perform performs appear appears
    testify testifies address addresses shake shakes kiss kisses enter enters
    exit exits watch watches cheer cheers march marches rally rallies protest protests
    pray prays cry cries mourn mourns sign signs point points talk talks chat chats
    visit visits tour tours dance dances sing sings play plays ride rides run runs
    hold holds raise raises accept accepts receive receives campaign campaigns
    step steps pause pauses kneel kneels prepare prepares wait waits gather gathers
    clap claps carry carries work works build builds repair repairs clean cleans
    search searches inspect inspects pictured seen photographed shown
    """.split()
)
# Words that may stand before the verb as part of the subject.
CAPTION_SUBJECT_WORDS = frozenset(
    """
    a an the his her their its of and from left right center centre l r is are
    """.split()
)
# The most words a caption's subject may have before its verb.
CAPTION_SUBJECT_MAX = 8
# ... and when the subject may hold any words (a credit line shows a photo is there).
CAPTION_LOOSE_SUBJECT_MAX = 5

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A full date with its year ("on July 12, 2024", "12 July 2024"): captions carry one.
CAPTION_DATE = (
    r"\b(?:" + MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+" + MONTHS + r",?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
# A credit inside the caption line: "(Photo by Jane Roe/Getty Images)", "| AP Photo".
INLINE_CREDIT = (
    r"\s*[(\[](?:photo|photos|image|picture)s?\s*(?:by|:|courtesy)[^)\]]*[)\]]\s*$"
    r"|\s*[(\[][^()\[\]]*/(?:getty images|getty|ap|afp|reuters|shutterstock|epa)[^)\]]*[)\]]\s*$"
    r"|\s*[|]\s*[^|]{1,60}$"
    r"|\s*[(\[](?:getty images|getty|ap|afp|reuters|ap photo)[)\]]\s*$"
)
# The longest caption told apart only by the credit line after it.
CAPTION_BEFORE_CREDIT_MAX_WORDS = 35
# Finite verbs of prose: a line with one of these before any relative clause reads as
# an article sentence, not a caption ("The council voted on Tuesday.").
PROSE_VERBS = frozenset(
    """
    was were had has have did does will would could should can may might must shall
    said says told tells is are
    met went came got took made found gave left began saw knew thought brought held ran
    won lost paid sent spent kept put fell rose led wrote spoke stood sat became chose
    drove grew threw broke sold built meant heard felt fought caught sought bought struck
    shut quit let cost hurt spread split swore stole hid rode rang sank shook woke forgot
    understood withdrew overtook arose shot hit beat fled swept dealt drew drank fed dug
    bled slid spun stuck swung wept sped lit laid lay bore tore wore swam sprang sought
    dove forgave froze rebuilt overturned upheld oversaw
    """.split()
)
# Words that open a relative clause; past tense after them is fine in a caption
# ("The truss, where inspectors found the crack.").
RELATIVE_WORDS = frozenset("where who whom whose which when that after before as".split())
# Words after which an -ed word is an adjective ("the cracked plate").
DETERMINERS = frozenset("a an the his her their its this that these those our my your".split())
# Quote marks: a line quoting someone is article text, not a caption.
QUOTE_MARKS = "\"“”„«»"
