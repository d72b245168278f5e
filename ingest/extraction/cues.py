"""Words that tell a figure's scope, place and perpetrator.

Each cue is a precompiled pattern over the folded text. A figure takes the cue of its
own sentence; failing that, of the two sentences before it ("dans la ville", "cette
période" point back); failing that, a default the engine chooses.
"""

from . import regexes
from .dates import MONTHS
from .gazetteer import PLACE_WORDS
from .patterns import WordScan, at_word_start, factored, key_of, keyed, split_alternatives, word_start

_MONTH = "(?:" + "|".join(m for m in MONTHS if len(m) > 3) + ")"
_YEAR = r"(?:19|20)\d\d"

# Scope, strongest first: an increment to a tally is never a cumulative total.
_WEEKDAY = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)"
)
_NUMBER_WORDS = (
    r"une|one|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|two|three|four|five"
    r"|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|plusieurs|quelques|few"
)
# A run of digits or word characters is taken whole ("\d++", "\w++"): what follows it ("-", a blank)
# can never continue it, so the scan does not give characters back in vain at every word.
_COUNT = rf"(?:\d++|{_NUMBER_WORDS})"
_BATTLE = r"(?:battle|bataille|siege|offensive|campaign|campagne|operation|assault|assaut|fighting|combats)"
# Three cues open on any run of letters or digits ("a nine-month battle", "les trois premiers mois",
# "20 days of raids"): the scan tries them at every word of a sentence, and they keep the cues around
# them from merging by first letter. Each holds one of _OPEN_CUE_WORDS, which few sentences hold: the
# others are scanned by a pattern without these three (see _scope_scan).
_OPEN_CUES = (
    r"\b[\w]++-(?:month|week|day|year)(?:-long)?\s+(?:\w+\s+)?" + _BATTLE,
    r"\b\w++\s+premiers\s+mois\b",
    r"\b\d++\s+(?:days?|jours?|weeks?|semaines?)\s+(?:of|de|d')",
)
_OPEN_CUE_WORDS = ("-month", "-year", "premiers", "day", "week", "jour", "semaine")

# Scope, strongest first: an increment to a tally is never a cumulative total, except for
# the figure outside "ajouté N à son bilan, qui atteint désormais M"; a battle's toll is a
# period even "since June"; "since 2014" and "depuis fin avril" are a campaign's total; a
# month named ("in March", "last month") is weaker than one strike named; a weak cue ("au
# total", "a total of") only counts when nothing else does; "cette période" points back.
SCOPE_CUES = (
    (
        "increment",
        regexes.compile(
            r"\bajout\w*\b[^.;]{0,60}\b(?:a|au)\s+(?:son|leur|sa|ce)\s+(?:bilan|decompte|total)"
            r"|\b(?:add|adding|added|adds)\b[^.;]{0,60}\bto\s+(?:its|their|the|this)\s+(?:\w+\s+)?"
            r"(?:tally|toll|count|total)"
        ),
    ),
    (
        "increment_noun",
        regexes.compile(
            r"\bsupplementaires\b|\badditional\b|\bnouvelles\s+victimes\b"
            r"|\bnew\s+(?:civilian\s+)?(?:deaths|casualties)\b"
        ),
    ),
    (
        "cumulative",
        regexes.compile(
            r"\b(?:depuis|since)\s+(?:le\s+|the\s+)?(?:tout\s+)?(?:debut|start|beginning|outset|lancement|launch)"
            r"(?!\s+(?:de\s+|d')?(?:" + _MONTH + r"|l'annee|l'an\b|the\s+year|this\s+year|of\s+the\s+year))"
            r"|\bdepuis\s+(?:leur|son|sa|ses)\s+(?:debut|lancement)"
            r"|\bdepuis\s+(?:(?:plus\s+de|pres\s+de|quelque)\s+)?(?:\w+\s+)?ans\b"
            # "en près de quatre ans", "over four years": a campaign's years, to now
            r"|\b(?:en|in|over|sur)\s+(?:pres\s+de\s+|nearly\s+|almost\s+|more\s+than\s+|plus\s+de\s+)?"
            r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|two|three|four|five|six|seven|eight|nine|ten|\d+)"
            r"\s+(?:ans|annees|years)\b"
            r"|\bsince\s+(?:the\s+|its\s+|it\s+|they\s+)?(?:[\w-]+\s+){0,5}(?:began|started|begun|erupted|broke\s+out"
            r"|was\s+launched|intervened|invaded)"
            r"|\bsince\s+(?:its|their)\s+(?:start|beginning|launch)"
            # "depuis l'intervention militaire conduite par Riyad", "since the invasion": the campaign so far
            r"|\b(?:depuis|since)\s+(?:l'|la\s+|le\s+|the\s+)(?:[\w-]+\s+)?(?:intervention|offensive|operation"
            r"|campagne|campaign|invasion)\b"
            r"|\bdepuis\s+qu'\w+\s+(?:a|ont|avait)\s+(?:commence|debute|lance)"
            r"|\b(?:lance\w*|launched|began|commence\w*|started|debute\w*|declenche\w*)\s+(?:\w+\s+){0,3}?(?:en|in)\s+(?:"
            + _MONTH
            + r"\s+)?"
            + _YEAR
            + r"|\ba\s+ce\s+jour\b|\bto\s+date\b|\bso\s+far\b|\bjusqu'a\s+present\b"
            r"|\bjusqu'ici\b|\bcumul\w*|\bbilan\s+total\b"
            # "the overall Palestinian death toll"
            r"|\boverall\s+(?:[\w-]+\s+){0,2}?(?:death\s+)?(?:toll|tally)\b"
            r"|\bentre\s+le\s+debut\b|\bbetween\s+the\s+start\b|\bthroughout\s+the\s+(?:war|campaign|conflict)"
            r"|\b(?:de|of)\s+(?:la|the)\s+(?:guerre|war)\b|\b(?:du|of\s+the)\s+(?:conflit|conflict)\b"
            r"|\b(?:war|conflict|guerre|conflit)\s+(?:[\w-]+(?:\s+|(?=,))){0,2}(?:,[^,.;]{1,80},\s*)?"
            r"(?:has|have|had|a|avait)\s+(?:already\s+|deja\s+)?"
            r"(?:killed|fait|tue|coute|cost|claimed|left)\b"
        ),
    ),
    (
        "battle",
        regexes.compile(
            _OPEN_CUES[0] + r"|\b(?:battle|bataille|siege)\s+(?:for|of|de|d'|pour)\b"
            r"|\b(?:during|pendant|au\s+cours\s+de|durant)\s+(?:the|la|l'|le)\s*(?:\w+\s+)?"
            + _BATTLE
            # the war on the Islamic State is the campaign whose total is counted, no battle
            + r"(?!\s+(?:\w+\s+)?(?:contre|against)\s+(?:daech|daesh|l'ei|isis|isil|l'etat\s+islamique"
            r"|the\s+islamic\s+state|l'organisation\s+etat\s+islamique|le\s+groupe\s+etat\s+islamique))"
        ),
    ),
    (
        "since_date",
        regexes.compile(
            r"\b(?:depuis|since)\s+(?:(?:le\s+mois\s+d'?|"
            + _MONTH
            + r")\s*)?"
            + _YEAR
            + r"|\b(?:depuis|since)\s+(?:la\s+)?(?:fin|debut|mi-|late|early|mid-|the\s+end\s+of|"
            + r"the\s+start\s+of)\s*"
            + _MONTH
            + r"|\bdepuis\s+le\s+\d|\bsince\s+(?:"
            + _MONTH
            + r"|may)\s+\d"
        ),
    ),
    (  # "in one of its airstrikes last year", "dans l'une de ses frappes l'an dernier": that strike, whenever
        "one_of_strikes",
        regexes.compile(
            r"\b(?:one|l'une|une)\s+(?:of|de|d'|des)\s+(?:(?:its|their|the|these|ses|leurs|ces|les)\s+)?"
            r"(?:[\w-]+\s+)?(?:strikes|airstrikes|air\s+strikes|raids|attacks|bombings|frappes|attaques"
            r"|bombardements)\b"
        ),
    ),
    (
        "period",
        regexes.compile(
            r"\b(?:sur|au\s+cours\s+des|pendant\s+les|durant\s+les|dans\s+les)\s+(?:\w+\s+){0,2}(?:derniers|dernieres)"
            r"\s+(?:mois|annees|semaines|jours)"
            r"|\b(?:in|over|during|for)\s+the\s+(?:past|last|previous|final|first)\s+(?:\w+\s+)?(?:months?|years?|weeks?"
            r"|days?)"
            r"|\b(?:during|pendant|au\s+cours\s+de|for|pour|in\s+all\s+of|throughout|tout\s+au\s+long\s+de)\s+"
            r"(?:l'annee\s+)?"
            + _YEAR
            + r"|\ben\s+l'annee\s+"
            + _YEAR
            + r"|\b(?:depuis|since)\s+(?:le\s+|the\s+)?(?:debut|start|beginning)\s+(?:de\s+l'annee|de\s+l'an|"
            + r"of\s+the\s+year"
            r"|of\s+this\s+year)"
            r"|\b(?:entre|between)\s+"
            + _YEAR
            + r"\s+(?:et|and)\s+"
            + _YEAR
            + r"|\bduring\s+"
            + _MONTH
            + r"\b|\bau\s+cours\s+du\s+mois\b|\bduring\s+the\s+month\b"
            r"|\b(?:le|au|du)\s+(?:seul\s+)?mois\s+(?:de\b|d')|\bin\s+the\s+month\s+of\b|\blast\s+year\b|\bl'an\s+dernier\b"
            r"|\bl'annee\s+derniere\b"
            r"|\bentre\s+le\s+\d|\bbetween\s+"
            + _MONTH
            + r"\s+\d|\bbetween\s+\d{1,2}\s+(?:"
            + _MONTH
            + r"|may)\b|\bpar\s+mois\b"
            r"|\bmonthly\b|\bmensuel\w*"
            r"|\bper\s+month\b"
            r"|\b(?:first|second|third|last)\s+(?:\w+\s+)?(?:months|half|quarter)(?![\w-])|\b(?:premier|second)\s+(?:semestre"
            r"|trimestre)\b|"
            + _OPEN_CUES[1]
            + r"|\b(?:en|in|within|over)\s+"
            + _COUNT
            + r"\s+(?:jours?|semaines?|mois|days?|weeks?|months?|heures|hours)\b"
            # "two days of raids", "on Thursday and Friday", "in the week to Aug. 24": a span of days
            r"|" + _OPEN_CUES[2] + r"|\b(?:" + _NUMBER_WORDS + r")\s+(?:days?|jours?|weeks?|semaines?)"
            r"\s+(?:of|de|d')"
            r"|\b" + _WEEKDAY + r"\s+(?:and|et)\s+" + _WEEKDAY + r"\b"
            r"|\b(?:in|during|over)\s+the\s+(?:past\s+)?week\b(?!-)|\b(?:au\s+cours\s+de|pendant|durant)\s+la\s+"
            r"(?:derniere\s+)?semaine\b"
            # "between January and March", "entre janvier et mars": months of one year
            r"|\b(?:between|entre)\s+(?:" + _MONTH + r"|may|mai)\s+(?:and|et)\s+(?:" + _MONTH + r"|may|mai)\b"
            r"|\b(?:depuis|since)\s+" + _WEEKDAY + r"|\bdepuis\s+hier\b"
            # "depuis janvier", "since April": a span of this year, to now
            r"|\b(?:depuis|since)\s+(?:le\s+mois\s+(?:de\s+|d'))?" + _MONTH + r"\b(?!\s*\d)"
        ),
    ),
    (
        "one_strike",
        regexes.compile(
            r"\b(?:la|une|cette)\s+(?:seule\s+)?frappe\b|\b(?:un|le|ce)\s+(?:nouveau\s+|seul\s+)?(?:raid|bombardement"
            r"|attentat)\b|\b(?:l'|une\s+)(?:attaque|explosion)\b"
            r"|\b(?:the|a|an|this|one|single)\s+(?:[\w-]+\s+){0,2}(?:strike|airstrike|raid|attack|bombing|blast|explosion"
            r"|bomb|ambush|mass\s+killing|massacre)\b"
        ),
    ),
    ("year", regexes.compile(r"\b(?:en|in)\s+" + _YEAR + r"|\bthis\s+year\b|\bcette\s+annee\b")),
    (
        "incident",
        regexes.compile(
            r"\b(?:"
            + _WEEKDAY
            + r"|hier|yesterday|today|aujourd'hui|overnight|cette\s+nuit|dans\s+la\s+nuit)\b"
            r"|\b(?:the|that)\s+day's\b|\bde\s+la\s+journee\b|\b(?:that|the\s+same)\s+day\b|\bce\s+jour-la\b"
            r"|\ble\s+meme\s+jour\b"
            r"|\ble\s+\d{1,2}(?:er)?\s+" + _MONTH + r"|\bon\s+(?:" + _MONTH + r"|may)\s+\d"
        ),
    ),
    (
        "month",
        regexes.compile(
            r"\b(?:en|in)\s+" + _MONTH + r"\b|\b(?:le|au)\s+mois\s+dernier\b|\blast\s+month\b"
            r"|\b(?:en|in)\s+(?:may|mai)\b(?!\s+(?:be|have|not|also|well|well))"
        ),
    ),
    ("said_day", regexes.compile(r"\b" + _WEEKDAY + r"\b")),
    ("weak_cumulative", regexes.compile(r"\bau\s+total\b|\bin\s+total\b|\boverall\b|\btotal\s+(?:de|of)\b")),
    (
        "refer",
        regexes.compile(
            r"\b(?:cette|la\s+meme|cette\s+meme)\s+periode\b|\b(?:this|that|the\s+same)\s+period\b"
            r"|\b(?:in|during|over|for)\s+the\s+period\b|\b(?:sur|pendant|durant)\s+la\s+periode\b"
            r"|\b(?:during|over|in)\s+the\s+year\b(?!\s+\d)|\bau\s+cours\s+de\s+l'annee\b(?!\s+\d)"
        ),
    ),
)
# What each cue says of a figure's scope.
SCOPE_OF = {
    "increment": "period",
    "increment_noun": "period",
    "cumulative": "cumulative",
    "battle": "period",
    "since_date": "cumulative",
    "period": "period",
    "one_of_strikes": "incident",
    "one_strike": "incident",
    "year": "period",
    "incident": "incident",
    "month": "period",
    "said_day": "incident",
    "weak_cumulative": "cumulative",
    "refer": "refer",
}
# "said on Tuesday", "a indiqué mardi": the day of a statement.
REPORTED_ON = regexes.compile(
    word_start(
        r"\b(?:said|says|told\s+[\w.]+|announced|reported|stated|added|confirmed|published|released|issued|publie\w*"
        r"|indique|annonce|affirme|declare|precise"
        r"|rapporte|deplore|estime|ajoute|souligne|explique|denonce|confirme)\s+(?:on\s+|ce\s+|late\s+|early\s+)?$"
    )
)
_WEEKDAY_WORD = regexes.compile(_WEEKDAY)
_OPENER = regexes.compile(r"[\s\"'«“]*")
_SAID_AFTER = regexes.compile(
    r",\s*(?:[\w.'-]+\s+){1,5}?(?:said|says|announced|acknowledged|admitted|reported|estimated|stated"
    r"|a\s+(?:indique|annonce|affirme|reconnu|estime|declare|admis|publie)|avait\s+(?:indique|annonce|reconnu|estime))\b"
)
# "un record depuis 2014", "the highest since 2017": a comparison, not the figure's span.
_SUPERLATIVE_BEFORE = regexes.compile(
    word_start(
        r"\b(?:record|highest|lowest|deadliest|worst|largest|biggest|plus\s+(?:haut|eleve|lourd|meurtri\w*|grave|faible"
        r"|bas)|moins\s+(?:eleve|lourd|meurtri\w*)|pire"
        r"|historiquement\s+(?:bas|haut|eleve|faible)|historic(?:ally)?\s+(?:low|high)|all-time"
        r"|jamais|ever)\b[^.;\d]{0,45}$"
    )
)

# "l'OSDH, qui tient un décompte des victimes depuis 2011": the counter's work, not the figure's span.
_DESCRIBES_COUNTER = regexes.compile(
    word_start(
        r"\b(?:(?:qui|which|that|who)\s+(?:has\s+|have\s+|a\s+)?(?:tient|tenait|recense|documente|compte|suit|tracks?"
        r"|tracked|kept|keeps|monitors?|monitored|documented|recorded|has\s+been\s+\w+ing)|required|mandated|exige\w*"
        r"|impose\w*|prevue?s?)\b[^.;,]{0,50}$"
    )
)

# Geography: countries and the towns that tell them (data/places.json).
PLACE_SCAN = WordScan(r"(?:" + keyed(PLACE_WORDS) + r")(?![\w-])", not_after=r"\w@#/-")
PLACE_PATTERN = PLACE_SCAN.pattern

# Perpetrators: an actor word next to a harm word, or after "par"/"by".
_ACTORS = {
    "saudi": r"saudi-led(?:\s+coalition)?|coalition\s+(?:arabe|militaire\s+)?(?:menee|dirigee|"
    r"conduite)\s+par\s+(?:l'arabie"
    r"\s+saoudite|riyad)|coalition\s+(?:militaire\s+)?arabe|arab(?:-led)?\s+coalition|coalition\s+saoudienne",
    # the US, its coalition and its allies: Iraqi and Afghan government forces count as allies
    "coalition": r"coalition(?:\s+internationale)?|us-led|u\.s\.-led|americaine?s?|american|etats-unis|"
    r"united\s+states|washington|u\.s\.|us|pentagone?|centcom|cjtf(?:-oir)?|inherent\s+resolve|"
    r"allied|alliees?|forces\s+(?:internationales|etrangeres|progouvernementales)"
    r"(?:\s+et\s+(?:afghanes|internationales|etrangeres|irakiennes))?|(?:international|foreign"
    r"|nato|otan)(?:\s+and\s+(?:afghan|international|foreign|iraqi))?\s+(?:special\s+|security\s+)?(?:forces|troops|army"
    r"|air\s+force)|pro-government\s+forces"
    # Iraqi or Afghan forces with the coalition beside them: "Afghan and international forces", "backed by US"
    r"|forces\s+(?:afghanes|irakiennes)\s+et\s+(?:internationales|etrangeres|americaines)"
    r"|(?:afghan|iraqi)\s+and\s+(?:international|foreign|u\.s\.|us|american)\s+(?:special\s+|security\s+)?"
    r"(?:forces|troops)"
    r"|(?:afghan|iraqi)\s+(?:special\s+|security\s+)?forces\s+backed\s+by\s+(?:the\s+)?(?:u\.s\.|us|american|coalition)"
    # the United Kingdom strikes beside the United States: "joint British-U.S. airstrikes"
    r"|british(?:-u\.s\.|-us|-american)?|britanniques?|u\.?s\.?-british|anglo-americaine?s?|anglo-american"
    r"|royal\s+air\s+force|raf",
    "russia": r"russes?|russian|russie|russia|moscou|moscow|kremlin",
    "syria_gov": r"regime(?:\s+syrien|\s+d'assad|\s+de\s+damas)?|syrian\s+regime|gouvernement\s+syrien|"
    r"syrian\s+government|forces\s+(?:gouvernementales|du\s+regime|loyalistes|syriennes|prorgime)|"
    r"government\s+(?:helicopters?|aircraft|warplanes?|jets?|planes?|artillery|troops|army|air\s+force|shelling"
    r"|air\s*strikes|bombardments?)|"
    r"(?:helicopteres|avions|troupes|aviation)\s+(?:du\s+gouvernement|gouvernementa\w+)|"
    r"(?:pro-)?government\s+forces|pro-regime|armee\s+(?:syrienne|gouvernementale)|syrian\s+(?:army|forces|troops|"
    r"air\s+force)|assad|syriens?|syriennes?",
    "isis": r"ei|etat\s+islamique|daech|daesh|isis|isil|islamic\s+state|jihadistes?|djihadistes?|jihadists?|"
    r"kamikazes?|suicide\s+bombers?",
    "other": r"talibans?|turcs?|turques?|turkish|turquie|turkey|israel\w*|hezbollah|fds|sdf|kurdes?|kurdish|"
    # Iraqi and Afghan forces are the coalition's allies, not the coalition
    r"(?:iraqi|afghan)\s+(?:government|(?:special\s+|security\s+)?forces|army|air\s+force|troops|military|jets"
    r"|aircraft)|"
    r"(?:gouvernement|forces|armee|aviation|troupes|avions)\s+(?:irakien|afghan)\w*|"
    r"hifter|haftar|hafter|lna|libyan\s+national\s+army|armee\s+nationale\s+libyenne|anl|"
    r"rebelles|rebels?|al-qaida|al-qaeda|al-nosra|houthis?|saoudien\w*|saudi\w*|terroristes?|terrorists?|"
    r"insurges|insurgents|insurgent\s+groups|groupes?\s+(?:armes|terroristes|rebelles)(?:\s+non\s+etatiques)?"
    r"|(?:non-state\s+)?armed\s+groups?|terrorist\s+groups?|gunmen|hommes\s+armes"
    r"|hamas|rapid\s+support\s+forces|forces\s+de\s+soutien\s+rapide|paramilitar\w*|junte|junta"
    r"|tatmadaw|(?:armee|military|army)\s+(?:birmane|soudanaise|ethiopienne|malienne|nigeriane)"
    r"|(?:myanmar|burmese|sudanese|ethiopian|malian|nigerian|eritrean)\s+(?:military|army|forces|troops|soldiers"
    r"|air\s+force|jets|aircraft)"
    # "Myanmar's military", "Sudan's army": a country's own forces, in wars the coalition is not in
    r"|(?:myanmar|sudan|ethiopia|eritrea|mali|niger|nigeria|burkina\s+faso|chad|israel)'s\s+(?:military|army"
    r"|armed\s+forces|air\s+force|forces|troops|soldiers|junta)",
    # "militants": the Islamic State's where the article names it, the opposition's elsewhere
    "militants": r"militants",
}
_ACTOR = "(?:" + factored("|".join(_ACTORS.values())) + ")"
# One factored pattern for all actors (`key_of` names the one found): a word's first letter picks its few
# alternatives, where a group per actor had each group tried at every word.
ACTOR_SCAN = WordScan(r"(?:" + keyed(_ACTORS) + r")(?![\w-])", not_after=r"\w-")
ACTOR_PATTERN = ACTOR_SCAN.pattern
_HARM = (
    r"frappes?|raids?|bombardements?|bombes?|attaques?|tirs?|obus|missiles?|drones?|avions?|aviation|"
    r"offensive|operations?|strikes?|airstrikes?|air\s+strikes?|air\s+raids?|bombings?|bombs?|shelling|"
    r"attacks?|fire|planes?|jets?|aircraft|victimes|victims|barils?\s+d'explosifs|barrel\s+bombs?|mines|"
    r"roquettes?|rockets?|artillery|artillerie|helicopteres?|helicopters?|warplanes?|gunships?|bombardments?|"
    r"intervention|campagne|campaign|prisons?|torture|centres\s+de\s+detention|detention\s+centers?|actions?"
)
_HARM = factored(_HARM)
_ADJECTIVES = (
    r"(?:\s+(?:aeriens?|aeriennes?|aerial|air|internationale?|international|militaires?|military|allied|"
    r"meurtri\w*|deadly|civiles?|civils?|occidentale|western|dirigee\s+par|menee\s+par|conduite\s+par|led\s+by"
    r"|sol-sol|sol-air|surface-to-surface|surface-to-air|balistiques?|ballistic|guidee?s|guided|de\s+croisiere"
    r"|cruise|conjointe?s?|joint"
    r"|menee?s|conduites?|effectuee?s?|lancee?s?|conducted|carried\s+out|launched))*"
)
# What stands before the actor it names: a harm ("frappes de la coalition"), "par"/"by" ("tués par l'EI"),
# a count ("six to the coalition", digits last: they start like no word) or "attribué à". One factored
# group of these, then one actor test: the scan tells their first letters apart at a word's start, where
# it entered one group per kind and tested the actor after each. No actor starts like "par", "by", a count
# or "attribu", so these may all come before the actor-first alternative: the same matches.
_BEFORE_ACTOR = factored(
    rf"(?:{_HARM}){_ADJECTIVES}\s*(?:(?:de\s+la|du|des|de\s+l'|d'|de|of\s+the|of|by\s+the|by|par\s+la|par\s+le"
    rf"|par\s+les|par\s+l'|par|from\s+the)\s*)?[\"'\s]*(?:la\s+|le\s+|les\s+|l'|the\s+)?"
    rf"|(?:par|by)\s+(?:les\s+|la\s+|le\s+|l'|the\s+|des\s+)?(?:(?:forces|avions|troupes|aviation|jets|planes"
    rf"|militants|fighters|combattants|djihadistes\s+de|jihadistes\s+de|membres\s+de|members\s+of)\s+)?"
    # "a attribué aux forces internationales 120 victimes"
    rf"|(?:attribu\w*|imput\w*|blamed)\s+(?:[\w%'-]+\s+){{0,6}}?(?:a|aux?|to|on)\s+"
    rf"(?:the\s+|les\s+|la\s+|le\s+|l')?"
    # "attributed 11 deaths to the Islamic State group, ... and six to the coalition"
    rf"|(?:two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|sept|huit|neuf|dix|\d[\d,. ]*)"
    rf"\s+(?:(?:deaths|morts|deces|killings|civils|civilians|personnes|people)\s+)?(?:to|aux?|a|pour|for|par|by)"
    rf"\s+(?:the\s+|la\s+|le\s+|les\s+|l')?"
)
PERPETRATOR_SCAN = WordScan(
    rf"(?:(?:{_BEFORE_ACTOR}){_ACTOR}"
    # an actor, then its harm ("coalition strikes", "Russia's strikes") or its deed ("Russian jets bombed"):
    # one actor test
    rf"|{_ACTOR}(?:"
    rf"(?:'s)?(?:\s+coalition|\s*-led|\s+led)?(?:\s+(?:air|aerial|military|coalition|war|truck|car|suicide"
    rf"|roadside|drone))?\s+(?:{_HARM})"
    rf"|(?:\s+(?:fighters|militants|forces|troops|combattants|jets|planes|avions|aircraft|troupes))?[\s\"']*"
    rf"(?:,[^,.;:]{{3,50}},)?"  # "les forces russes, alliées du régime syrien, ont mené ces frappes"
    # "la Russie est accusée d'avoir tué", "Russia is accused of killing": the one accused of the harm
    rf"(?:\s+(?:est|sont|etait|etaient|a\s+ete|ont\s+ete|is|are|was|were|has\s+been|have\s+been)"
    rf"\s+(?:accusee?s?|accused|soupconnee?s?|suspected))?"
    rf"\s+(?:a|ont|have|has|had|avait|avaient|aurait|auraient|d'avoir|of\s+having|of(?=\s+killing)"
    rf"|(?:would|may|might|could)\s+have"
    rf"|pourrai\w*\s+avoir|aurai\w*)?"
    rf"(?:\s+(?:par\s+ailleurs|aussi|egalement|encore|de\s+nouveau|also|again|then|later))?"
    rf"\s*(?:tue|killed|killing|cause\s+la\s+mort|caused\s+the\s+deaths?|bombarde|bombed|frappe|struck|execute"
    rf"|executed|massacre|massacred|attacked|attaque|stormed|shelled|pilonne|targeted|cible|tire|fired|largue|dropped"
    rf"|shot|abattu|(?:\w+\s+)?(?:responsables?|responsible)\s+(?:for|de|d')"
    # "les forces russes ont mené ces frappes", "US forces carried out the strike": the deed is the harm
    rf"|(?:mene|conduit|effectue|lance|carried\s+out|conducted|launched)\s+(?:(?:des|ces|les|la|cette|une|de"
    rf"|the|these|those|an?|new|several)\s+)?(?:(?:nouvelles?|new|deux|two|plusieurs|several)\s+)?(?:{_HARM})"
    rf"|(?:sont|est|etaient|were|was|are|is)\s+(?:tenue?s?\s+pour|held)\s+(?:responsables?|responsible)\s+(?:for|de|d')"
    # "Russian forces for 35": the harm of a figure whose words are left out
    rf"|(?:for|pour)\s+\d+))"
    r")(?![\w])",
    not_after=r"\w-",
)
PERPETRATOR_PATTERN = PERPETRATOR_SCAN.pattern


_SCOPE_RANK = {scope: rank for rank, (scope, _) in enumerate(SCOPE_CUES)}


def _scope_scan(open_cues: bool) -> WordScan:
    """Return one pattern for all scope cues, with or without the _OPEN_CUES; `key_of` names the cue.

    Every cue starts a word, which the WordScan tests once, before the alternatives: their own "\\b"
    can go, so that their common beginnings merge.
    """
    sources = {}
    for scope, pattern in SCOPE_CUES:
        alternatives = split_alternatives(pattern.pattern)
        if not open_cues:
            alternatives = [a for a in alternatives if a not in _OPEN_CUES]
        sources[scope] = at_word_start("|".join(alternatives))
    return WordScan(keyed(sources))


_ANY_SCOPE = _scope_scan(open_cues=True)
_COMMON_SCOPE = _scope_scan(open_cues=False)  # the same matches in a sentence without _OPEN_CUE_WORDS
# each open cue stands whole as an alternative of a cue, so that _COMMON_SCOPE is truly without it
assert all(any(cue in split_alternatives(p.pattern) for _, p in SCOPE_CUES) for cue in _OPEN_CUES)


# "entre 2014 et 2017" written in 2017: the campaign's toll so far, not a period that has ended.
_BETWEEN_YEARS = regexes.compile(
    r"(?:entre|between)\s+" + _YEAR + r"\s+(?:et|and)\s+(?P<year>" + _YEAR + r")\b"
)
_SINCE_YEAR = regexes.compile(
    r"(?:since|depuis)\s+(?:the\s+|le\s+)?(?:(?:start|beginning|debut)\s+(?:of\s+|de\s+)?)?(?:(?:january|janvier)\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)


def scope_cues(folded: str, start: int, end: int, year: int | None = None) -> list[tuple[str, int, int]]:
    """Return (cue, start, end) for each scope cue in folded[start:end], strongest first (see SCOPE_CUES).

    With the `year` the text was written in, "since the beginning of 2014" written in 2014 is
    that year's toll so far: a period, not a campaign's total; "between 2014 and 2017" written
    in 2017 runs to now: the campaign's total.
    """
    found = []
    words = folded[start:end]
    scan = _ANY_SCOPE if any(map(words.__contains__, _OPEN_CUE_WORDS)) else _COMMON_SCOPE
    for begin, stop, m in scan.finditer(folded, start, end):
        cue = key_of(m)
        if year is not None and cue in ("cumulative", "since_date"):
            since = _SINCE_YEAR.match(folded, begin, begin + 50)
            if since and int(since.group("year")) == year:
                cue = "period"
        elif year is not None and cue == "period":
            between = _BETWEEN_YEARS.match(folded, begin, stop)
            if between and int(between.group("year")) == year:
                cue = "cumulative"
        if (
            cue == "year"
            or cue in ("since_date", "cumulative", "period")
            and folded.startswith(
                ("since", "depuis", "du ", "de ", "of "), begin, stop
            )  # "le plus faible du conflit"
        ) and (
            _SUPERLATIVE_BEFORE.search(folded, max(start, begin - 50), begin)
            or _DESCRIBES_COUNTER.search(folded, max(start, begin - 60), begin)
        ):
            continue
        if cue == "month" and _OPENER.fullmatch(folded, start, begin) and _SAID_AFTER.match(folded, stop):
            continue  # "Last month, the coalition said ...": when it was said, not the figure's span
        if (
            cue == "incident"
            and _WEEKDAY_WORD.fullmatch(folded, begin, stop)
            and REPORTED_ON.search(folded, max(start, begin - 30), begin)
        ):
            # "the UN said on Tuesday": when it was said, a day's news only if nothing else tells
            cue = "said_day"
        found.append((cue, begin, stop))
    if not found:
        return found  # most sentences: no test nor sort to run
    if any(cue[0] in ("period", "year") for cue in found):
        # "Le conflit a fait 1 046 morts au mois de novembre", "... en 2018": that span's toll, not the war's
        found = [
            cue for cue in found if not (cue[0] == "cumulative" and _WAR_TOLL.match(folded, cue[1], cue[2]))
        ]
    return sorted(found, key=lambda cue: _SCOPE_RANK[cue[0]])


def scope_cue(folded: str, start: int, end: int) -> str | None:
    """Return the scope the strongest cue in folded[start:end] gives (period, cumulative...), or None."""
    cues = scope_cues(folded, start, end)
    return SCOPE_OF[cues[0][0]] if cues else None


def places(folded: str, start: int, end: int, skip=()) -> list[tuple[int, int, str]]:
    """Return (start, end, country) for each place named in folded[start:end], outside the `skip` spans."""
    skipped = {position for s, e in skip for position in range(s, e)}
    return [(s, e, key_of(m)) for s, e, m in PLACE_SCAN.finditer(folded, start, end) if s not in skipped]


def geography(countries: set[str]) -> str | None:
    """Fold a set of countries into the contract's geography, None if empty."""
    if not countries:
        return None  # most sentences name none
    if len(countries) > 1 and "afghanistan" in countries:
        return "other"  # "in Iraq, Syria, Afghanistan and Somalia": no one theatre
    if {"iraq", "syria"} <= countries:
        return "iraq_syria"
    for name in ("iraq", "syria", "afghanistan", "other"):
        if name in countries:
            return name
    return None


# "the war has killed", "le conflit a fait": a whole war's toll has no one perpetrator.
_WAR_TOLL = regexes.compile(
    word_start("war|conflict|guerre|conflit")
    + r"(?![\w-])(?:\s+[\w-]+){0,2}?\s*(?:,[^,.;]{1,80},\s*)?"  # "Le conflit, déclenché en 2011, a fait"
    r"(?:has|have|had|a|avait)\s+(?:already\s+|deja\s+)?(?:killed|fait|tue|coute|cost|claimed|left)\b"
)


def _names_war(folded: str, start: int, end: int) -> bool:
    """Tell whether folded[start:end] holds "war", "guerre", "conflit" or "conflict" (or a longer word).

    Every match of _WAR_TOLL and _WHOLE_WAR holds one: most sentences have none, and str's own
    search tells so in C before any pattern scans them.
    """
    find = folded.find
    return find("war", start, end) >= 0 or find("guerre", start, end) >= 0 or find("confli", start, end) >= 0


def war_toll(folded: str, start: int, end: int) -> bool:
    """Tell whether folded[start:end] is a whole war's toll ("the war has killed", "le conflit a fait")."""
    return _names_war(folded, start, end) and bool(_WAR_TOLL.search(folded, start, end))


_WHOLE_WAR = regexes.compile(
    word_start(
        r"\b(?:depuis|since)\s+(?:le\s+|the\s+)?(?:debut|start|beginning|outbreak|declenchement)\s+(?:de\s+la\s+|du\s+"
        r"|of\s+the\s+|of\s+)(?:guerre|conflit|war|conflict|civil\s+war)\b"
        r"|\b(?:trouve\s+la\s+mort|peri|tuees?|tues|died|been\s+killed|were\s+killed)\s+(?:dans|in)\s+(?:le|la|the)\s+"
        r"(?:conflit|conflict|guerre|war)\b"
    )
)


def whole_war(folded: str, start: int, end: int) -> bool:
    """Tell whether folded[start:end] counts a whole war ("depuis le début de la guerre", "the war has")."""
    if not _names_war(folded, start, end):
        return False
    since = _WHOLE_WAR.search(folded, start, end)
    if since and _SUPERLATIVE_BEFORE.search(folded, max(start, since.start() - 50), since.start()):
        since = None  # "les plus meurtrières depuis le début du conflit": a comparison
    return bool(since or _WAR_TOLL.search(folded, start, end))


# "backed by Russia", "contrôlé par les talibans": support or control, not harm.
_NOT_HARM_BY = regexes.compile(
    r"(?:backed|supported|soutenue?s?|appuyee?s?|controlee?s?|controlled|held|tenue?s?|dominee?s?|dominated|negociee?s?"
    r"|brokered|occupied|occupee?s?|run|administered|administree?s?)\s*$"
)


# "airstrikes targeting Yemen's Houthi rebels killed 16": the rebels are the target, not the killers.
_TARGETED_BEFORE = regexes.compile(
    word_start(
        r"\b(?:targeting|targeted|aimed\s+at|against|visant|ciblant|contre|fighting|battling|combating"
        r"|(?:to|pour)\s+(?:defeat|beat|fight|combat|destroy|counter|vaincre|combattre|chasser|detruire))\s+"
        r"(?:[\w'-]+\s+){0,2}(?:[ld]')?$"
        # whom a town is taken from: "to retake Mosul from the Islamic State", "reprendre Mossoul à l'EI"
        r"|\b(?:retake|retaking|recapture|recapturing|reclaim|liberate|liberating|free|wrest|reprendre|reprise"
        r"|liberer|liberation|arracher)\s+(?:[\w'-]+\s+){1,4}(?:from|a|au|aux|de|du|des)\s+"
        r"(?:the\s+|[ld]'|la\s+|les\s+)?$"
    )
)
# "an airstrike on al-Shabab militants killed two": what the strike hit (but "a raid on a market by IS").
_STRUCK_BEFORE = regexes.compile(
    word_start(
        r"\b(?:air\s*strikes?|strikes?|raids?|bombings?|attacks?|frappes?|bombardements?|attaques?)\s+(?:on|sur)\s+"
        r"(?:[\w'-]+\s+){0,2}$"
    )
)


def perpetrators(
    folded: str, start: int, end: int, original: str | None = None, named: dict | None = None
) -> list[tuple[int, int, str]]:
    """Return (start, end, actor) for each harm a named actor causes in folded[start:end]; "unknown": a war.

    With the `original` text, "IS" in capitals is the Islamic State ("executed by IS"), not
    the verb; "militants" are the Islamic State's where the text names it, "other" elsewhere;
    where it names the Saudi-led coalition and no other, "la coalition" is Riyadh's. `named`
    keeps what the whole text names, read once per text (pass one dict per article).
    """
    named = {} if named is None else named
    scan = islamic_state_scan(folded, original) if original is not None else folded
    found = []
    if _names_war(scan, start, end):
        found = [(m.start(), m.end(), "unknown") for m in _WAR_TOLL.finditer(scan, start, end)]
    for begin, stop, _ in PERPETRATOR_SCAN.finditer(scan, start, end):
        if (
            scan.startswith(("par", "by"), begin, stop)
            and _NOT_HARM_BY.search(scan, max(start, begin - 16), begin)
            or _BACKED_BY.search(scan, max(start, begin - 24), begin)
            or not scan[begin].isdigit()
            and _TARGETED_BEFORE.search(scan, max(start, begin - 40), begin)
            or not scan.startswith(("par", "by"), begin, stop)
            and _STRUCK_BEFORE.search(scan, max(start, begin - 40), begin)
        ):
            continue
        actor = ACTOR_PATTERN.search(scan[begin:stop])
        if actor:
            name = key_of(actor)
            found.append((begin, stop, "other" if name == "saudi" else name))
    if not found:
        return found  # most sentences: no test nor sort to run
    if any(actor == "coalition" for _, _, actor in found) and _names(named, "saudi", scan):
        found = [(s, e, "other" if actor == "coalition" else actor) for s, e, actor in found]
    if any(actor == "militants" for _, _, actor in found):
        isis_named = _names(named, "isis", scan)
        found = [
            (s, e, ("isis" if isis_named else "other") if actor == "militants" else actor)
            for s, e, actor in found
        ]
    return sorted(found)


def _names(named: dict, what: str, scan: str) -> bool:
    """Tell, once per text, whether it names the Islamic State ("isis") or only the Saudi-led coalition."""
    if what not in named:
        if what == "isis":
            named[what] = bool(_ISIS_NAMED.search(scan))
        else:
            named[what] = (
                any(word in scan for word in _SAUDI_WORDS)  # most texts name none: tested in C first
                and bool(_SAUDI_NAMED.search(scan))
                and not _US_COALITION.search(scan)
            )
    return named[what]


def islamic_state_scan(folded: str, original: str) -> str:
    """Return `folded` with each capital "IS" of `original` written "ei", an acronym the actor table knows."""
    if not _CAPITAL_IS.search(original):
        return folded
    parts, last = [], 0
    for m in _CAPITAL_IS.finditer(original):
        parts.append(folded[last : m.start()])
        parts.append("ei")
        last = m.end()
    parts.append(folded[last:])
    return "".join(parts)


_SAUDI_NAMED = regexes.compile(word_start(_ACTORS["saudi"], not_after=r"[\w-]") + r"(?![\w-])")
_SAUDI_WORDS = ("saudi", "saoudi", "riyad", "arab")  # every name of the Saudi-led coalition holds one
_US_COALITION = regexes.compile(
    factored(
        r"us-led|u\.s\.-led|coalition\s+(?:internationale|anti-ei|anti-jihadiste|anti-djihadiste)"
        r"|anti-isis|anti-is\b|(?:menee|dirigee)\s+par\s+(?:les\s+etats-unis|washington)"
    )
)
# "Iraqi forces, backed by coalition air strikes, press an offensive": support, not a harm counted.
_BACKED_BY = regexes.compile(
    word_start(
        r"\b(?:backed|supported|soutenue?s?|appuyee?s?)\s+(?:by|par)\s+(?:the\s+|la\s+|les\s+|l')?(?:[\w.-]+\s+)?$"
    )
)
# What is claimed when a deed is owned: "claimed responsibility", "claimed the bombing", "a revendiqué
# l'attentat"; not "claimed the raid killed 9", which reports a toll.
DEED_CLAIMED_EN = (
    r"(?:(?:the\s+|full\s+)?responsibility|credit|(?:the\s+|an?\s+|this\s+|that\s+|both\s+)?(?:\w+\s+){0,2}"
    r"(?:attacks?|bombings?|blasts?|assaults?|explosions?|ambush(?:es)?|killings?|raids?)\b"
    r"(?!\s+(?:\w+ly\s+)?(?:killed|left|wounded|injured|hit|caused|was|were|had|has|have)\b))"
)
DEED_CLAIMED_FR = (
    r"(?:l'|la\s+|les\s+|des\s+|un\s+|une\s+|cette\s+|ces\s+)?(?:attentats?|attaques?|responsabilite|assassinats?"
    r"|enlevements?|tirs?|frappes?|explosions?|operations?)"
)
# "Islamic State claimed responsibility", "l'attaque a été revendiquée par l'EI": whose attack it was.
CLAIMED = regexes.compile(word_start(rf"claim(?:ed|s)?\s+{DEED_CLAIMED_EN}|revendiqu\w*"))
# The literal first lets the scan jump from one "IS" to the next.
_CAPITAL_IS = regexes.compile(r"IS(?<![\w-]IS)(?![\w-])")
_ISIS_NAMED = regexes.compile(
    word_start(r"ei|etat\s+islamique|daech|daesh|isis|isil|islamic\s+state", not_after=r"[\w-]")
    + r"(?![\w-])"
)
