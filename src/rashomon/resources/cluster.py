"""Rule data for story grouping."""

# Words too common in news to say two articles tell the same story.
NEWS_STOPWORDS = frozenset(
    """
    a about above after again against all also although am an and any are as at be because
    been before being between both but by can could did do does doing down during each even
    few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just like me more most much my myself no nor not now of off
    on once only or other our ours out over own said same says she should so some such than
    that the their theirs them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours told added according new year years last first one two three week month day time
    people say told mr mrs ms monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    share article photo getty sign newsletter
    """.split()
)

# Minimum cosine similarity of two articles' term vectors to put them in one story.
# Tuned on the demo corpus: same-story pairs score 0.25-0.6, different stories < 0.08.
STORY_SIMILARITY_THRESHOLD = 0.18

# Corpus index (rashomon.corpus_index). MinHash permutations per signature: 64 keeps a
# 100,000-article index in memory and its Jaccard estimates within about 0.1.
SIGNATURE_PERMUTATIONS = 64
# Two articles whose body 5-grams have an estimated Jaccard of this much are copies;
# LSH candidates are drawn from COPY_CANDIDATE_JACCARD up (a band's miss rate is high near
# its own threshold).
COPY_JACCARD = 0.5
COPY_CANDIDATE_JACCARD = 0.3
# How many copy candidates are checked, the earliest stored first.
COPIES_CHECKED = 64
# LSH threshold for story candidates on story words: low, as two outlets' own reports of
# one event share names and a few rare words, not most of their words; the cosine of
# STORY_SIMILARITY_THRESHOLD then decides.
STORY_CANDIDATE_JACCARD = 0.1
# Articles published further apart than this are not grouped into one story.
STORY_WINDOW_DAYS = 7
# Least IDF-weighted cosine of two articles' story-word sets for one story (the corpus
# index compares sets, where `analyze` compares counted terms): chosen on the labelled
# stories of `make bench-corpus` (0.18 splits a tabloid's or a trade site's version off
# its story; 0.12 starts joining two stories of one town).
CORPUS_STORY_SIMILARITY = 0.15
