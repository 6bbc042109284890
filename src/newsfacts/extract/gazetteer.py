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
    kosovan kosovar
    czechs poles slovaks slovenes serbs croats turks swedes danes finns brits
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

# Political parties under the names news gives them, as written -> one canonical name,
# so "Tories", "Conservatives" and "the Conservative Party" are one organisation.
PARTY_NAMES = {
    "Conservative Party": "Conservative Party", "Conservatives": "Conservative Party", "Conservative": "Conservative Party",
    "Tory Party": "Conservative Party", "Tories": "Conservative Party", "Tory": "Conservative Party",
    "Labour Party": "Labour Party", "Labour": "Labour Party", "New Labour": "Labour Party",
    "Liberal Democrats": "Liberal Democrats", "Liberal Democrat": "Liberal Democrats",
    "Liberal Democrat Party": "Liberal Democrats", "Lib Dems": "Liberal Democrats",
    "Lib Dem": "Liberal Democrats", "LibDems": "Liberal Democrats",
    "UK Independence Party": "UK Independence Party", "UKIP": "UK Independence Party",
    "Ukip": "UK Independence Party",
    "British National Party": "British National Party", "BNP": "British National Party",
    "Scottish National Party": "Scottish National Party", "SNP": "Scottish National Party",
    "Plaid Cymru": "Plaid Cymru", "Green Party": "Green Party",
    "Democratic Unionist Party": "Democratic Unionist Party", "DUP": "Democratic Unionist Party",
    "Ulster Unionist Party": "Ulster Unionist Party", "UUP": "Ulster Unionist Party",
    "Sinn Fein": "Sinn Fein", "Sinn F\u00e9in": "Sinn Fein",
    "Republican Party": "Republican Party", "GOP": "Republican Party",
    "Democratic Party": "Democratic Party",
}

# Peoples that are no nation's citizens (ethnic and religious groups): NORP without a country code.
PEOPLES = frozenset(
    """
    roma gypsies gypsy travellers kurds kurd tamils tamil pashtun pashtuns hazara hazaras
    muslims muslim hindus hindu sikhs sikh jews jewish christians arabs arab
    asians asian africans african europeans european latinos hispanic hispanics
    """.split()
)

# Towns, ports, airports and detention centres in the United Kingdom that ISO 3166-2
# (pycountry) does not list as subdivisions, lower case: the places UK news names most.
GB_PLACES = frozenset(
    """
    aberdeen|bath|bournemouth|bradford|brighton|cambridge|canterbury|carlisle|chelmsford
    |chester|colchester|coventry|crawley|croydon|derby|doncaster|dundee|durham|exeter
    |folkestone|gloucester|harrogate|harwich|hastings|hove|hull|huddersfield|inverness|ipswich
    |lancaster|leicester|lincoln|luton|maidstone|margate|middlesbrough|milton keynes|newcastle
    |northampton|norwich|nottingham|oxford|peterborough|plymouth|poole|portsmouth|preston
    |ramsgate|salford|salisbury|sheffield|southampton|southend|stansted|stoke|sunderland
    |swansea|swindon|wakefield|watford|winchester|wolverhampton|worcester|york|basingstoke
    |hinckley|aylesbury|stevenage|slough|guildford|bedford|barnsley|rotherham|blackpool
    |blackburn|bolton|burnley|oldham|rochdale|stockport|wigan|warrington|dudley|walsall
    |tilbury|felixstowe|newhaven|holyhead|stranraer|immingham|dover|heathrow|gatwick
    |yarl's wood|harmondsworth|colnbrook|campsfield|oakington|dungavel|tinsley house
    |brook house|lunar house|belmarsh|soho|brixton|hackney|tottenham|peckham|lambeth
    |southwark|islington|camden|wembley|ealing|hounslow|hillingdon|finchley
    |midlands|east midlands|west midlands|east anglia|home counties|west country
    |north east england|north west england|south east england|south west england
    """.replace("\n", "").replace("    ", "").split("|")
)

# Cities abroad that UK news on migration names, lower case -> ISO alpha-2: capitals,
# Channel ports and the towns on the routes to them.
WORLD_PLACES = {
    "calais": "FR", "coquelles": "FR", "boulogne": "FR", "dunkirk": "FR", "dunkerque": "FR",
    "cherbourg": "FR", "le havre": "FR", "dieppe": "FR", "caen": "FR", "roscoff": "FR",
    "ouistreham": "FR", "lille": "FR", "strasbourg": "FR", "toulouse": "FR",
    "bordeaux": "FR", "zeebrugge": "BE", "ostend": "BE", "antwerp": "BE", "rotterdam": "NL",
    "the hague": "NL", "hook of holland": "NL", "lisbon": "PT", "prague": "CZ", "warsaw": "PL",
    "budapest": "HU", "bucharest": "RO", "sofia": "BG", "athens": "GR", "ankara": "TR",
    "istanbul": "TR", "stockholm": "SE", "oslo": "NO", "copenhagen": "DK", "helsinki": "FI",
    "bern": "CH", "zurich": "CH", "luxembourg city": "LU", "valletta": "MT", "nicosia": "CY",
    "lampedusa": "IT", "sicily": "IT", "milan": "IT", "naples": "IT", "barcelona": "ES",
    "ceuta": "ES", "melilla": "ES", "hamburg": "DE", "munich": "DE", "frankfurt": "DE",
    "bratislava": "SK", "ljubljana": "SI", "zagreb": "HR", "belgrade": "RS", "sarajevo": "BA",
    "tirana": "AL", "pristina": "XK", "skopje": "MK", "kiev": "UA", "kyiv": "UA", "minsk": "BY",
    "vilnius": "LT", "riga": "LV", "tallinn": "EE", "tripoli": "LY", "tunis": "TN", "algiers": "DZ",
    "rabat": "MA", "cairo": "EG", "khartoum": "SD", "asmara": "ER", "addis ababa": "ET",
    "mogadishu": "SO", "nairobi": "KE", "lagos": "NG", "abuja": "NG", "accra": "GH",
    "harare": "ZW", "johannesburg": "ZA", "cape town": "ZA", "kinshasa": "CD", "kampala": "UG",
    "kigali": "RW", "beirut": "LB", "amman": "JO", "riyadh": "SA", "dubai": "AE",
    "abu dhabi": "AE", "doha": "QA", "mosul": "IQ", "basra": "IQ", "kirkuk": "IQ", "erbil": "IQ",
    "kandahar": "AF", "herat": "AF", "karachi": "PK", "lahore": "PK", "mumbai": "IN",
    "bombay": "IN", "dhaka": "BD", "colombo": "LK", "kathmandu": "NP", "hanoi": "VN",
    "bangkok": "TH", "manila": "PH", "jakarta": "ID", "kuala lumpur": "MY", "shanghai": "CN",
    "hong kong": "HK", "seoul": "KR", "pyongyang": "KP", "havana": "CU",
    "mexico city": "MX", "bogota": "CO", "lima": "PE", "buenos aires": "AR", "brasilia": "BR",
    "rio de janeiro": "BR", "sao paulo": "BR", "melbourne": "AU", "auckland": "NZ",
    "wellington": "NZ", "montreal": "CA", "vancouver": "CA", "guantanamo bay": "CU",
    "guantanamo": "CU",
}

# Titles that open a person's name inside a longer span ("Foreign Policy Centre Mr Straw").
NAME_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."})

# Words before "for" that make the name after it a constituency ("MP for Ashbury").
SEAT_WORDS = frozenset({"mp", "mep", "msp", "am", "parliament", "candidate", "seat", "member"})

# Offices a name may be run on into ("Party Co-Chairman", "London Mayor"): never the end or the
# start of an organisation's or a place's own name. Narrower than the people's role heads, which
# also hold words that end names ("Toronto Star", "General Motors").
OFFICE_WORDS = frozenset({"secretary", "minister", "president", "chancellor", "leader", "spokesman",
                          "spokeswoman", "spokesperson", "chairman", "chairwoman", "chairperson",
                          "commissioner", "governor", "senator", "mayor", "ambassador", "envoy",
                          "adviser", "advisor", "councillor", "treasurer"})
# Words joining an organisation's name to the rest of it ("Medical Foundation for the Care of ...").
NAME_JOINERS = frozenset({"for", "of", "the"})
# Lower-case nouns after a name that make it a place: "the Ashbury seat", "Ashworth hospital".
PLACE_NOUNS_AFTER = frozenset({"seat", "constituency", "hospital", "prison"})
# Words a broadcaster's channel number follows: "BBC Radio 4", "Channel 5" keep their number.
BROADCAST_WORDS = frozenset({"radio", "channel", "bbc", "itv", "s4c"})
# Peers' titles: "Lord Walker of Gestingthorpe" names the peer, and the place after "of" is part of the title.
PEERAGE_TITLES = frozenset({"lord", "lady", "baroness", "baron", "viscount", "viscountess", "earl", "countess"})
# Prefixes hyphened to a name that are not part of it: "non-EU", "ex-BBC", "pro-European".
NAME_PREFIXES = frozenset({"non", "anti", "pro", "ex", "pan", "post", "pre"})
