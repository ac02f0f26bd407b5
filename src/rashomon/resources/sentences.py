"""Rule data for the sentence splitter."""

# Lower-cased, without the final period. A period after one of these does not end a
# sentence (unless the paragraph ends there).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm st mt ft jr sr rev hon
    pres supt det insp vs etc inc corp co ltd bros dept univ assn est approx no nos vol
    jan feb mar apr aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    a.m p.m u.s u.k u.n e.g i.e d.c l.a n.y
    """.split()
)

# Characters that may close a sentence, and the closers that may follow them.
SENTENCE_END = ".!?…"
TRAILING_CLOSERS = "\"'”’)]»"
# Characters that may open a sentence after the gap.
OPENERS = "\"'“‘([«„"
