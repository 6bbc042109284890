"""Gazetteers and word lists for the entity rules (entities.py): data, not logic.

General English news vocabulary only. Country names come from pycountry at
run time; the lists here cover what pycountry does not: demonyms, company
suffixes, sports vocabulary, casing of small words in headlines.
"""

from __future__ import annotations

# Adjectives and plurals for nationals: entities that carry a country code
# but name a people or a quality, not the country (NORP, CoNLL's MISC).
DEMONYMS = frozenset(
    """
    british briton britons english scottish welsh scots american americans french german
    germans italian spanish dutch belgian irish russian chinese japanese indian pakistani
    pakistanis afghan iraqi iranian syrian israeli palestinian turkish greek polish
    portuguese swedish norwegian danish finnish swiss austrian canadian australian mexican
    brazilian argentine nigerian kenyan egyptian saudi korean vietnamese czech hungarian
    romanian bulgarian ukrainian serbian croatian somali sudanese libyan moroccan algerian
    tunisian eritrean ethiopian zimbabwean yugoslav lebanese jordanian bangladeshi nepalese
    thai indonesian filipino malaysian singaporean chilean colombian peruvian cuban jamaican
    icelandic estonian latvian lithuanian slovak slovenian belarusian georgian armenian kazakh
    uzbek qatari emirati kuwaiti yemeni omani ghanaian ugandan rwandan angolan mozambican
    zambian senegalese cameroonian malian haitian dominican venezuelan ecuadorian uruguayan
    paraguayan bolivian cypriot maltese albanian bosnian montenegrin mongolian tibetan kurdish
    """.split()
) | {"south african", "north korean", "sri lankan", "new zealander"}

# Last words that make a name a company, party or other organisation.
ORG_SUFFIXES = frozenset(
    """
    corp corp. corporation inc inc. incorporated co co. ltd ltd. limited plc llc lp ag sa
    s.a. nv n.v. bv gmbh spa s.p.a. ab asa oyj as a/s kk bhd pty
    holdings holding group bancorp bank banks airlines airways motors industries
    enterprises partners securities investments capital fund trust exchange insurance
    telecom communications systems technologies energy petroleum oil mining steel
    party front movement alliance coalition congress federation union league
    ministry agency institute organisation organization association committee council
    commission tribunal court parliament assembly senate university college
    """.split()
)

# Words that say a text reports sport: places in it are usually teams (ORG).
SPORT_WORDS = frozenset(
    """
    soccer football cricket baseball basketball tennis golf rugby hockey boxing athletics
    cycling motor racing squash badminton volleyball handball skiing swimming
    innings wicket wickets goal goals halftime half-time striker midfielder goalkeeper
    tournament championship league cup match matches fixtures standings
    scorers attendance seeded set sets inning innings runs homered pitcher
    """.split()
)
# Last words of the names of competitions: events, not organisations ("Fed Cup", "US Open").
COMPETITION_WORDS = frozenset(
    """
    cup open championship championships trophy tournament olympics games series tour prix
    masters classic slam division invitational grand
    """.split()
)

# Capitalised words that head the lines of results tables and are never names.
TABLE_WORDS = frozenset(
    """
    men women attendance extras scorers scorer result results standings note notes total
    totals schedule fixtures teams squad gmt bst est edt pct
    """.split()
)

# How many sport words make a document a sports report.
SPORT_MIN = 3

# Small words that an all-capitals headline writes in capitals but are lower
# case in running text; used when re-casing a headline.
HEADLINE_SMALL_WORDS = frozenset(
    """
    a an the and or but nor of in on at to for by with from as into onto over under
    after before against about off out up down is are was were be been has have had
    do does did will would can could may might shall should not no its his her their
    our your vs v
    """.split()
)

# Adjectives of direction: lower case before a name in running text ("northern Germany"),
# so a re-cased headline writes them so and the name is tagged without them.
COMPASS_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western", "central",
                                "northeastern", "northwestern", "southeastern", "southwestern"})

# Prepositions after which a place in a sports report is a venue, not a team.
VENUE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "from", "to", "of", "across",
                                "throughout", "around", "visit", "visited"})

# Regions and territories in the news that are neither countries nor ISO subdivisions.
TERRITORIES = frozenset(
    """
    gaza|gaza strip|west bank|golan heights|kashmir|chechnya|kurdistan|tibet|crimea|siberia
    |darfur|transnistria|nagorno-karabakh|abkhazia|south ossetia|balkans|caucasus|sahara
    |sahel|arctic|antarctic|antarctica|pacific|atlantic|indian ocean|persian gulf|gulf
    |silicon valley|riviera|alps|himalayas|andes
    """.replace("\n", "").replace("    ", "").split("|")
)

# Points of the compass and similar words that name ISO subdivisions in some
# countries but are ordinary words in English text.
COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "capital", "centre", "center", "north east", "north west", "south east", "south west",
    "coast", "islands", "lakes", "mountains", "river", "valley", "city", "upper", "lower",
})
