"""Word lists and tables the extraction rules read: rules as data, in one place.

Everything here is general English news vocabulary (titles, speech verbs,
currency words, demonyms), never text from a particular article. The lists
were grown on the BBC politics set, PolNeAR dev and CoNLL-2003 validation.
"""

from __future__ import annotations

# --- quotation marks --------------------------------------------------------

OPEN_QUOTES = frozenset('"\u201c')
CLOSE_QUOTES = frozenset('"\u201d')
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES

# --- speech -----------------------------------------------------------------

# Verb forms that introduce or follow a direct quote. Inflected forms are
# listed because the pipeline runs without spaCy's tagger and lemmatizer.
SPEECH_VERBS = frozenset(
    """
    said says say saying told tells tell added adds asked asks explained explains
    warned warns insisted insists argued argues claimed claims stated states noted notes
    declared declares announced announces wrote writes write continued continues
    replied replies responded responds tweeted tweets admitted admits recalled recalls
    acknowledged acknowledges suggested suggests urged urges conceded concedes
    vowed vows promised promises predicted predicts joked jokes boasted boasts
    complained complains countered counters cautioned cautions stressed stresses
    emphasised emphasized emphasises emphasizes observed observes remarked remarks
    confirmed confirms revealed reveals reported reports shouted shouts yelled
    pleaded pleads demanded demands wondered wonders mused muses quipped quips
    concluded concludes maintained maintains reiterated reiterates declares
    announced posted posts read reads began begins opened opens
    asserted asserts sings sang chanted chants testified testifies
    saying asking adding telling writing tweeting noting explaining declaring warning
    arguing insisting claiming asserting replying responding recalling urging chanting
    denied denies denying
    """.split()
) | frozenset({"put it", "puts it"})

# Auxiliary phrases that turn a speech verb into prepared remarks
# ("is due to say", "will say", "is expected to tell").
SPEECH_AUX = ("will", "would", "is due to", "was due to", "is expected to", "was expected to",
              "is set to", "was set to", "is to", "was to", "went on to", "has", "had", "have",
              "also", "later", "then", "has also", "had also", "previously", "once",
              "told reporters", "added that")

# Words that may sit between a speaker and the speech verb and are not the speaker.
SPEECH_ADVERBS = frozenset(
    """
    yesterday today tonight later earlier also then previously recently once again
    last this week month year night morning afternoon evening on monday tuesday wednesday
    thursday friday saturday sunday in a an the statement interview speech letter
    told reporters
    """.split()
)

# Abbreviations whose period does not end a sentence (regex fragments, fixed width).
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Rep", "Reps", "Sen", "Sens", "Gov", "Del", "Jr", "Sr",
                 "St", "Lt", "Gen", "Col", "Sgt", "Capt", "Adm", "Prof", "Rev", "Hon", "No",
                 "[A-Z]")

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
# Gender marks, for resolving "he" and "she" to a person of the same gender.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lord": "m",
                "lady": "f", "dame": "f", "baroness": "f"}
# "chairman" is not here: British usage gives it to women too.
ROLE_GENDER = {"spokesman": "m", "spokeswoman": "f", "chairwoman": "f",
               "congressman": "m", "congresswoman": "f", "businessman": "m",
               "businesswoman": "f", "actor": "m", "actress": "f", "king": "m", "queen": "f",
               "prince": "m", "princess": "f", "husband": "m", "wife": "f", "father": "m",
               "mother": "f", "son": "m", "daughter": "f", "brother": "m", "sister": "f"}
# Common English given names whose gender is near-certain, for "he"/"she" when the article
# gives no title or pronoun. Only the most frequent ones: an unknown name stays unknown.
MALE_NAMES = frozenset(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry
    tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold
    keith christian roger noah gerald carl sean austin arthur lawrence dylan bryan
    joe billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene
    vincent russell louis philip bobby johnny bradley bill mike tom jim bob tim ted
    dan ben ken greg jeff steve rick dick chuck harry hugh ian neil simon martin graham
    colin gordon tony nick dave
    alistair alastair angus barry clive derek duncan geoffrey geoff gerry iain liam malcolm
    nigel norman oliver owen rhodri rory stuart trevor vince gareth dafydd hywel alun keir
    boris jacques nicolas gerhard silvio kofi dominic oleg viktor victor
    charlie ed damian phil pete rob andy denis ron sadiq rishi
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
    nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
    melanie heather diane virginia julie joyce victoria olivia christina lauren joan evelyn
    judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara
    janice alice doris abigail julia judy grace denise amber marilyn beverly
    danielle theresa sophia marie diana brittany natalie isabella charlotte rose kayla
    jill jane kate lucy sophie
    nicola harriet yvette hazel tessa clare claire jacqui caroline gillian fiona kirsty wendy
    glenys estelle anne bernadette sian siobhan hillary cherie shami yvonne maureen sylvia
    pauline valerie lynne lesley gwyneth helena jenny sally tracey louise joanna natasha
    eleanor sheila moira condoleezza
    sue liz beth meg glenda priti suella
    """.split()
)
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})

# Nouns for spokespeople and documents that speak for an organisation.
SPOKES_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson spokespeople source sources official officials
    aide aides adviser advisers statement document report letter memo release
    representative representatives insider insiders
    """.split()
)

# Words that open a phrase before a sentence's subject ("In a statement, X said").
INTRODUCTORY_WORDS = frozenset(
    """
    in on at during after before when while as since with without for from by under despite
    although though if once later earlier yesterday today tonight meanwhile however instead
    still then now also but and so yet asked pressed questioned challenged quizzed interviewed
    speaking addressing last this that earlier
    """.split()
)

# Lower-case words that may come before the person who opens a sentence ("the former ...").
SUBJECT_LEAD = frozenset({"the", "a", "an", "former", "then", "and", "but", "so", "also", "then-"})

# Nouns after a name that make the phrase a group, not the person ("the Smith campaign").
GROUP_NOUNS = frozenset({"campaign", "camp", "team", "administration", "staff", "allies",
                         "family", "foundation", "organization", "organisation", "supporters",
                         "campaign's", "administration's", "ad", "ads", "video", "book"})

# --- people -----------------------------------------------------------------

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "prof",
                        "prof.", "professor", "rev", "rev.", "gov.", "sen.", "rep."})
# Letters after a person's name (honours, offices, the bar): "Guy Ashford QC" is a person, not
# an organisation, and the letters are not part of the canonical name.
POST_NOMINALS = frozenset({"QC", "KC", "MP", "MEP", "MSP", "AM", "OBE", "CBE", "MBE", "KBE", "DBE", "JP", "PC"})
# Titles kept in the canonical name when they are the only thing beside a surname.
NOBLE_TITLES = frozenset({"lord", "lady", "baroness", "baron", "dame", "sir", "prince", "princess", "king", "queen"})

# Heads of role phrases: a role before a name ends with one of these
# ("Home Secretary Anna Hale"), a role after a name contains one.
ROLE_HEADS = frozenset(
    """
    secretary minister president chancellor premier leader spokesman spokeswoman
    spokesperson chief chairman chairwoman chair director commissioner counterpart
    hopeful candidate nominee governor senator congressman congresswoman representative
    mayor ambassador envoy adviser advisor aide officer official head boss manager
    coach captain editor correspondent reporter analyst economist professor lawyer
    attorney judge general admiral commander king queen prince princess emperor
    mp mep peer lord chief-executive executive founder owner partner deputy
    campaigner activist spokesmen sheriff inspector superintendent constable
    speaker whip treasurer prosecutor councillor mayor-elect president-elect
    vice-president chairperson ceo cfo coo founder chancellor-elect pope bishop
    archbishop cardinal prime shadow strategist pollster economist researcher
    scientist author writer novelist singer actor actress star striker midfielder
    defender goalkeeper player champion winner manager presenter host
    """.split()
)

# Role heads that are also surnames: after a first name they end a name ("Stephen King").
SURNAME_HEADS = frozenset({"king", "judge", "bishop", "chancellor", "speaker", "pope", "sheriff", "player", "coach"})

# Offices abbreviated before a name ("Sen. X", "Lt. Gen. Y", "Cllr Z"), written out in the role.
OFFICE_ABBREVIATIONS = {
    "sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General", "lt": "Lieutenant",
    "col": "Colonel", "adm": "Admiral", "sgt": "Sergeant", "capt": "Captain", "maj": "Major",
    "cllr": "Councillor", "supt": "Superintendent", "insp": "Inspector", "det": "Detective",
    "amb": "Ambassador", "atty": "Attorney", "cmdr": "Commander",
}

# Nouns that head a description after a name ("X, a fellow at the Y Institute,", "X, the top
# Democrat on the committee") besides ROLE_HEADS. Too common as surnames or ordinary words to
# mark a role before a name or to stop a name.
DESCRIPTION_HEADS = ROLE_HEADS | frozenset(
    """
    expert scholar fellow consultant surrogate developer democrat republican member backbencher
    lecturer teacher headteacher headmaster headmistress principal dean academic doctor surgeon
    physician nurse pastor priest vicar rabbi imam cleric historian journalist columnist
    commentator critic organiser organizer investor banker businessman businesswoman
    entrepreneur trustee volunteer veteran soldier sergeant colonel lieutenant solicitor
    barrister magistrate coroner ombudsman producer filmmaker artist musician comedian
    broadcaster specialist lobbyist negotiator diplomat consul engineer architect psychologist
    psychiatrist sociologist criminologist demographer statistician epidemiologist lawmaker
    legislator politician advocate staffer operative donor fundraiser supporter agent
    detective investigator
    """.split()
)

# Lower-case words allowed inside a role written before a name
# ("presidential hopeful", "former Home Secretary", "her counterpart").
ROLE_MODIFIERS = frozenset(
    """
    former ex- acting deputy shadow junior senior interim outgoing incoming new then
    presidential vice foreign home interior defence defense justice health education
    immigration trade finance business culture transport environment energy
    homeland security party opposition labour conservative liberal democratic republican
    national state federal regional local chief general prime executive assistant
    campaign press communications policy affairs of and for the
    """.split()
)

# Capitalised words that start a sentence or clause and are never part of a role.
ROLE_STOPS = frozenset(
    """
    and but or so yet yesterday today tonight tomorrow on in at by with for from of to
    as after before when while where asked meanwhile however also then the a an his her
    their its our my your between against about under over said says told
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)

# Outlets and other names the small model calls PERSON but that are not people.
# Honours used with the first name: "Sir Digby" is Digby Jones, "Dame Judi" is Judi Dench.
FIRST_NAME_TITLES = frozenset({"sir", "dame"})

NOT_PEOPLE = frozenset(
    """
    telegraph guardian times observer independent mirror sun express mail herald
    reuters bbc cnn afp ap itv sky twitter facebook google instagram youtube
    god allah christ jesus brexit
    labour tory tories conservative conservatives lib dem dems democrat democrats republican
    republicans ukip snp plaid consort regent lords ladies
    """.split()
)

# --- quantities -------------------------------------------------------------

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
    "a hundred": 100, "a thousand": 1000, "a million": 1_000_000, "a billion": 1_000_000_000,
}

# Denominators of spoken fractions ("two thirds of", "a quarter of"), singular and plural.
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}

MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6,
    "bn": 1e9, "b": 1e9, "billion": 1e9, "billions": 1e9, "trillion": 1e12, "tn": 1e12,
    "hundred": 1e2,
}

CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "us$": "USD"}
CURRENCY_WORDS = {
    "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "yen": "JPY", "pence": "GBP", "p": "GBP", "cents": "USD",
    "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "roubles": "RUB", "rubles": "RUB", "won": "KRW",
}
# Currencies named with their country: the first word decides ("Swiss francs", "Australian dollars").
CURRENCY_ADJECTIVES = {
    "swiss": "CHF", "australian": "AUD", "canadian": "CAD", "hong": "HKD", "new": "NZD", "singapore": "SGD",
    "us": "USD", "american": "USD", "danish": "DKK", "swedish": "SEK", "norwegian": "NOK", "indian": "INR",
    "russian": "RUB", "chinese": "CNY", "japanese": "JPY", "south": "ZAR", "mexican": "MXN", "brazilian": "BRL",
}
CURRENCY_NOUNS = frozenset({"francs", "franc", "dollars", "dollar", "kronor", "krona", "kroner", "krone", "rupees",
                            "roubles", "rubles", "yuan", "yen", "rand", "pesos", "peso", "reais", "real"})
# Sub-units: value is divided by 100 ("50p" is 0.5 GBP).
CURRENCY_SUBUNITS = frozenset({"pence", "p", "cents"})

PERCENT_WORDS = ("per cent", "percent", "%", "pc", "percentage points")

# Qualifiers before a number, longest first, mapped to their normal form.
QUALIFIERS = {
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than", "greater than": "more than",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "about": "about", "around": "about", "approximately": "about",
    "roughly": "about", "some": "about", "nearly": "about", "almost": "about",
    "an estimated": "about", "estimated": "about", "close to": "about", "just over": "more than",
    "just under": "less than", "at least": "at least", "up to": "up to", "as many as": "up to",
    "as much as": "up to", "at most": "up to", "no more than": "up to",
    "a maximum of": "up to", "a minimum of": "at least", "in the region of": "about",
    "just short of": "less than", "well over": "more than", "well under": "less than",
}

# Nouns that count people: the unit becomes "people" and the noun goes into `about`.
PEOPLE_NOUNS = frozenset(
    """
    people persons person citizens migrants immigrants refugees asylum-seekers seekers
    workers staff employees voters residents children adults men women students pupils
    patients prisoners inmates officers police soldiers troops members passengers
    travellers travelers visitors fans users customers teachers nurses doctors
    applicants entrants nationals illegal foreigners victims deaths dead casualties
    survivors protesters demonstrators supporters delegates candidates mps peers
    jobs households families individuals youngsters teenagers pensioners
    detainees deportees returnees claimants arrivals minors under-18s babies boys girls
    lords judges lawyers barristers solicitors experts councillors ministers officials
    suspects offenders criminals smugglers traffickers guards personnel crew sailors
    farmers landlords tenants carers volunteers participants respondents graduates
    recruits lawmakers senators rebels fighters militants civilians hostages evacuees
    tourists drivers guests migration immigration emigration crossings
    """.split()
)

# Plurals in -men that count people ("policemen", "women", "servicemen"), unlike these singulars.
NOT_MEN_PLURAL = frozenset({"specimen", "abdomen", "acumen", "regimen", "albumen", "bitumen", "hymen", "stamen",
                            "semen", "omen", "amen", "yemen", "carmen"})
# What a number before a capitalised name and one of these is: a house number ("10 Downing Street").
STREET_WORDS = frozenset({"street", "road", "avenue", "lane", "square", "place", "terrace", "drive", "crescent",
                          "gardens", "close", "row", "way", "walk", "court", "hill", "grove", "mews", "parade"})
# Nouns in -ing that money and counts are spent on, not verbs left dangling ("£2bn of new spending").
ING_NOUNS = frozenset({"spending", "funding", "housing", "training", "policing", "borrowing", "building",
                       "buildings", "lending", "banking", "schooling", "nursing", "planning", "marketing",
                       "advertising", "shipping", "clothing", "catering", "parking", "sentencing", "screening",
                       "processing", "testing", "counselling", "fencing", "lighting", "heating", "staffing"})
# A time after "in" or "of" says when, not what a sum or a share is of ("£25m in four years").
TIME_NOUNS = frozenset({"year", "month", "week", "day", "decade", "century", "period", "time"})
# Words for a sum itself, which say nothing of what it is ("a total of £3m", "to the tune of £50m").
SUM_NOUNS = frozenset({"total", "sum", "amount", "figure", "value", "tune", "estimate", "excess", "order", "shape",
                       "area", "region", "average"})

# Words after a number that mean it is not a quantity of things.
# Units written in the singular after any number ("30 mph", "1.5 km").
MEASURE_UNITS = frozenset({"km", "kg", "mph", "cm", "mm", "ft", "lb", "lbs", "kw", "mw", "gw", "sq", "acre",
                           "acres", "hectares", "miles", "metres", "meters", "tonnes", "tons"})
# Words ending in -s that are not plural nouns.
NOT_PLURAL = frozenset({"overseas", "always", "perhaps", "towards", "afterwards", "besides", "news",
                        "series", "this", "was", "has", "is", "its", "as", "yes", "whereas", "unless"})

NOT_COUNTED = frozenset({"am", "pm", "a.m.", "p.m.", "gmt", "bst", "o'clock", "th", "st", "nd",
                         "rd", "times", "years", "months", "weeks", "days", "hours", "minutes",
                         "seconds", "decades", "centuries"})

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

# --- entities ----------------------------------------------------------------

# Country names, short forms and demonyms pycountry does not resolve, to ISO alpha-2.
COUNTRY_ALIASES = {
    "britain": "GB", "great britain": "GB", "uk": "GB", "u.k.": "GB", "united kingdom": "GB",
    "british": "GB", "briton": "GB", "britons": "GB", "england": "GB", "english": "GB",
    "scotland": "GB", "scottish": "GB", "wales": "GB", "welsh": "GB",
    "northern ireland": "GB", "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US",
    "america": "US", "american": "US", "americans": "US", "united states": "US",
    "the united states": "US", "united states of america": "US", "french": "FR",
    "german": "DE", "germans": "DE", "italian": "IT", "spanish": "ES", "dutch": "NL",
    "belgian": "BE", "irish": "IE", "russian": "RU", "russia": "RU", "chinese": "CN",
    "japanese": "JP", "indian": "IN", "pakistani": "PK", "pakistanis": "PK",
    "afghan": "AF", "iraqi": "IQ", "iranian": "IR", "iran": "IR", "syrian": "SY",
    "syria": "SY", "israeli": "IL", "palestinian": "PS", "turkish": "TR", "turkey": "TR",
    "greek": "GR", "polish": "PL", "portuguese": "PT", "swedish": "SE", "norwegian": "NO",
    "danish": "DK", "finnish": "FI", "swiss": "CH", "austrian": "AT", "canadian": "CA",
    "australian": "AU", "mexican": "MX", "brazilian": "BR", "argentine": "AR",
    "south african": "ZA", "nigerian": "NG", "kenyan": "KE", "egyptian": "EG",
    "saudi": "SA", "saudi arabia": "SA", "korean": "KR", "south korea": "KR",
    "north korea": "KP", "north korean": "KP", "vietnam": "VN", "vietnamese": "VN",
    "czech": "CZ", "czech republic": "CZ", "hungarian": "HU", "romanian": "RO",
    "bulgarian": "BG", "ukrainian": "UA", "serbian": "RS", "croatian": "HR",
    "somali": "SO", "sudanese": "SD", "libyan": "LY", "moroccan": "MA", "algerian": "DZ",
    "tunisian": "TN", "eritrean": "ER", "ethiopian": "ET", "zimbabwean": "ZW",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "taiwan": "TW", "laos": "LA",
    "moldova": "MD", "macedonia": "MK", "the netherlands": "NL", "holland": "NL",
    "ivory coast": "CI", "congo": "CD", "burma": "MM", "kosovo": "XK", "vatican": "VA",
    "new zealander": "NZ", "scots": "GB", "yugoslav": "RS", "lebanese": "LB",
    "jordanian": "JO", "bangladeshi": "BD", "sri lankan": "LK", "nepalese": "NP",
    "thai": "TH", "indonesian": "ID", "filipino": "PH", "malaysian": "MY",
    "singaporean": "SG", "chilean": "CL", "colombian": "CO", "peruvian": "PE",
    "cuban": "CU", "jamaican": "JM", "icelandic": "IS", "estonian": "EE",
    "latvian": "LV", "lithuanian": "LT", "slovak": "SK", "slovenian": "SI",
    "belarusian": "BY", "georgian": "GE", "armenian": "AM", "kazakh": "KZ",
    "uzbek": "UZ", "qatari": "QA", "emirati": "AE", "uae": "AE", "kuwaiti": "KW",
    "yemeni": "YE", "omani": "OM", "ghanaian": "GH", "ugandan": "UG", "rwandan": "RW",
    "angolan": "AO", "mozambican": "MZ", "zambian": "ZM", "senegalese": "SN",
    "cameroonian": "CM", "malian": "ML", "haitian": "HT", "dominican": "DO",
    "venezuelan": "VE", "ecuadorian": "EC", "uruguayan": "UY", "paraguayan": "PY",
    "bolivian": "BO", "cypriot": "CY", "maltese": "MT", "albanian": "AL",
    "bosnian": "BA", "montenegrin": "ME", "luxembourg": "LU", "mongolian": "MN",
    "tibetan": "CN", "kurdish": None, "kosovan": "XK", "kosovar": "XK",
    "czechs": "CZ", "poles": "PL", "slovaks": "SK", "slovenes": "SI", "serbs": "RS", "croats": "HR",
    "turks": "TR", "swedes": "SE", "danes": "DK", "finns": "FI", "brits": "GB",
}

# Places inside a country the small model knows by name: capitals and regions
# that news mentions most, for the country code of a PLACE.
PLACE_COUNTRY = {
    "london": "GB", "manchester": "GB", "birmingham": "GB", "liverpool": "GB",
    "leeds": "GB", "glasgow": "GB", "edinburgh": "GB", "cardiff": "GB", "belfast": "GB",
    "bristol": "GB", "kent": "GB", "dover": "GB",
    "st pancras": "GB", "ebbsfleet": "GB", "folkestone": "GB", "heathrow": "GB",
    "gatwick": "GB", "oxford": "GB", "cambridge": "GB", "yorkshire": "GB",
    "washington": "US", "new york": "US", "los angeles": "US", "chicago": "US",
    "california": "US", "texas": "US", "florida": "US", "boston": "US", "iowa": "US",
    "ohio": "US", "virginia": "US", "north carolina": "US", "pennsylvania": "US",
    "paris": "FR", "calais": "FR", "dunkirk": "FR", "lyon": "FR", "marseille": "FR",
    "brussels": "BE", "berlin": "DE", "rome": "IT", "madrid": "ES", "moscow": "RU",
    "beijing": "CN", "tokyo": "JP", "delhi": "IN", "new delhi": "IN", "islamabad": "PK",
    "kabul": "AF", "baghdad": "IQ", "tehran": "IR", "damascus": "SY", "jerusalem": "IL",
    "dublin": "IE", "amsterdam": "NL", "geneva": "CH", "vienna": "AT", "ottawa": "CA",
    "toronto": "CA", "sydney": "AU", "canberra": "AU",
}

# Multi-country regions and bodies: places without one country.
REGIONS = frozenset({"europe", "asia", "africa", "middle east", "the middle east",
                     "latin america", "south america", "north america", "scandinavia",
                     "the balkans", "balkans", "the gulf", "channel", "the channel",
                     "channel tunnel", "the channel tunnel", "caribbean", "the caribbean",
                     "mediterranean", "the mediterranean", "west", "the west"})

# Words that make a span an organisation whatever the model says.
ORG_WORDS = frozenset(
    """
    office agency department ministry council committee commission party union
    association authority service services bank corporation company group ltd plc inc
    board trust institute university college school police force army navy court
    parliament assembly government league federation foundation society club news international
    """.split()
)

# Words that make a span a place (a facility or a named location).
PLACE_WORDS = frozenset({"tunnel", "terminal", "airport", "station", "port", "bridge",
                         "street", "square", "road", "river", "island", "islands", "bay",
                         "county", "region", "province", "valley", "mountains", "sea"})

# Headline-case words that the model tags but are never entities on their own.
NOT_ENTITIES = frozenset({"home", "government", "the government", "minister", "mr", "mrs",
                          "ms", "notes", "editors", "today", "yesterday", "monday", "tuesday",
                          "wednesday", "thursday", "friday", "saturday", "sunday",
                          # common nouns written as acronyms: diseases, devices, doctors
                          "tb", "hiv", "aids", "bse", "sars", "mrsa", "dna", "cctv", "tv", "gp", "gps", "ivf"})

# Parts of a country that carry its code but are places, not the country itself.
HOME_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})

# Seats of government that news uses for the institution inside them.
METONYM_ORGS = frozenset({"downing street", "number 10", "no 10", "whitehall", "white house",
                          "the white house", "kremlin", "the kremlin", "pentagon", "the pentagon",
                          "elysee", "\u00e9lys\u00e9e", "capitol hill", "wall street",
                          "the elysee", "holyrood", "stormont", "westminster"})
