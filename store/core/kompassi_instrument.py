"""The default Kompassi instrument as migration 0008 seeds it (domain guide §3): the seven
published domains and the optional work-ability item, the 0–10 scale read in three bands,
and the rule table that turns a low domain into suggested services.

The questions are our own plain-language wording, not any licensed instrument's. Frozen
like the migration that reads it: a new wording is a new instrument version (imported by
an admin), never an edit here. Ids are derived from the codes, so every device that runs
the migration agrees on them.
"""

from __future__ import annotations

DEFAULT_CODE = "kompassi"
DEFAULT_VERSION = 1
DEFAULT_NAMES = ("Kompassi", "Kompassi", "Kompassi")
SCALE_MIN = 0
SCALE_MAX = 10

# code, from, to, fi, sv, en: the words the client sees beside the scale.
BANDS = (
    ("low", 0, 5, "Vaikeaa", "Svårt", "Difficult"),
    ("middle", 6, 7, "Kohtalaista", "Någorlunda", "Fair"),
    ("high", 8, 10, "Hyvin", "Bra", "Good"),
)  # fmt: skip

# code, optional, label fi/sv/en, question fi/sv/en
DOMAINS = (
    ("talous", False,
     "Talous", "Ekonomi", "Finances",
     "Miten rahasi riittävät tällä hetkellä arjen menoihin ja laskuihin?",
     "Hur räcker dina pengar just nu till vardagens utgifter och räkningar?",
     "How well does your money cover everyday costs and bills at the moment?"),
    ("osallisuus", False,
     "Osallisuus ja sosiaalinen tilanne", "Delaktighet och social situation",
     "Participation and social situation",
     "Onko sinulla ihmisiä ja paikkoja, joihin koet kuuluvasi?",
     "Har du människor och platser som du känner att du hör till?",
     "Do you have people and places you feel you belong to?"),
    ("osaaminen", False,
     "Osaaminen", "Kunnande", "Skills",
     "Miten hyvin taitosi ja koulutuksesi vastaavat töitä, joita haluaisit tehdä?",
     "Hur väl motsvarar dina färdigheter och din utbildning de jobb du vill ha?",
     "How well do your skills and education match the work you would like to do?"),
    ("psyykkinen", False,
     "Psyykkinen hyvinvointi ja toimintakyky", "Psykiskt välbefinnande och funktionsförmåga",
     "Mental well-being and functioning",
     "Miten jaksat ja pärjäät mielesi kanssa tavallisina päivinä?",
     "Hur orkar du och hur klarar du dig med ditt sinne en vanlig dag?",
     "How are you coping and keeping up your spirits on an ordinary day?"),
    ("arki", False,
     "Arjen sujuminen", "Vardagen", "Everyday life",
     "Miten arkesi sujuu: asuminen, päivärytmi, asioiden hoitaminen?",
     "Hur fungerar din vardag: boende, dygnsrytm, att sköta ärenden?",
     "How is everyday life going: housing, daily rhythm, getting things done?"),
    ("tyollisyys", False,
     "Työllisyystilanne", "Sysselsättningsläge", "Employment situation",
     "Miten lähellä koet olevasi työtä tai opiskelua juuri nyt?",
     "Hur nära arbete eller studier känner du att du är just nu?",
     "How close do you feel to work or studies right now?"),
    ("terveys", False,
     "Terveys", "Hälsa", "Health",
     "Miten terveytesi antaa sinun tehdä sitä, mitä haluat?",
     "Hur låter din hälsa dig göra det du vill?",
     "How well does your health let you do what you want to do?"),
    ("tyokyky", True,
     "Työkyky", "Arbetsförmåga", "Work ability",
     "Jos paras mahdollinen työkykysi on 10, minkä arvion antaisit nykyiselle työkyvyllesi?",
     "Om din bästa möjliga arbetsförmåga är 10, vilket betyg ger du din nuvarande?",
     "If your best possible work ability is 10, what would you give your ability now?"),
)  # fmt: skip

# domain code, band code, service codes in the order they are suggested. A coach sees the
# suggestions of the lowest domains of a reading; accepting one adds a planned path step.
SUGGESTIONS = (
    ("talous", "low", ("velkaneuvonta",)),
    ("osallisuus", "low", ("kuntouttava", "tyopaja")),
    ("osaaminen", "low", ("koulutus", "uravalmennus")),
    ("osaaminen", "middle", ("uravalmennus",)),
    ("psyykkinen", "low", ("sosiaalinen_kuntoutus", "typ")),
    ("arki", "low", ("sosiaalinen_kuntoutus", "kuntouttava")),
    ("tyollisyys", "low", ("tyonhakuvalmennus", "tyokokeilu")),
    ("tyollisyys", "middle", ("tyonhakuvalmennus",)),
    ("terveys", "low", ("terveystarkastus",)),
    ("tyokyky", "low", ("terveystarkastus", "typ")),
    ("tyokyky", "middle", ("tyohonvalmennus",)),
)  # fmt: skip
