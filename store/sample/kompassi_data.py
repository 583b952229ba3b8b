"""What the sample's Kompassi readings are drawn from: where each domain's scores start,
which services address which domain, how often a domain is skipped, and the comments
and goals clients write."""

from __future__ import annotations

# domain code -> (mean baseline score, how often the client skips it). Job-seekers start
# lowest in employment and finances; mental well-being and health, the most personal
# questions, are the ones skipped most.
BASELINE = {
    "talous": (5.0, 0.02),
    "osallisuus": (6.0, 0.03),
    "osaaminen": (6.0, 0.02),
    "psyykkinen": (5.8, 0.08),
    "arki": (6.8, 0.02),
    "tyollisyys": (3.5, 0.01),
    "terveys": (6.4, 0.07),
    "tyokyky": (6.5, 0.03),
}
# Services that no suggestion rule names, and the domains they work on (the rules,
# store/core/kompassi_instrument.py, map the others: velkaneuvonta -> talous …).
EXTRA_DOMAINS = {
    "palkkatuki": ("tyollisyys", "talous"),
    "starttiraha": ("tyollisyys",),
    "omaehtoinen": ("osaaminen",),
    "tyopaja": ("arki",),
}
# Change from one reading to the next: (step, weight). A domain a service on the path
# addresses improves far more often; the others drift, and some decline.
ADDRESSED_CHANGE = ((3, 14), (2, 28), (1, 30), (0, 18), (-1, 8), (-2, 2))
DRIFT = ((2, 6), (1, 22), (0, 50), (-1, 16), (-2, 6))

COMMENTS = {
    "talous": (
        "Vuokra on myöhässä kahdelta kuukaudelta.",
        "Pikavippejä useammalta taholta.",
        "Toimeentulotuki haettu, päätöstä odotetaan.",
        "Rahat riittävät, kun on tarkka.",
    ),
    "osallisuus": (
        "Käyn harvoin missään kodin ulkopuolella.",
        "Sisko asuu lähellä ja auttaa.",
        "Haluaisin harrastuksen, jossa tapaa muita.",
    ),
    "osaaminen": (
        "Ammattitutkinto kesken, kaksi kurssia puuttuu.",
        "Ulkomainen tutkinto, jota ei ole tunnustettu.",
        "Trukkikortti vanhentunut.",
        "Suomen kieli vielä heikko työelämään.",
    ),
    "psyykkinen": (
        "Uni on huonoa, aamut ovat raskaita.",
        "Jaksaminen parempaa kuin keväällä.",
        "Ei halua puhua tästä nyt.",
    ),
    "arki": (
        "Asunto vaihtumassa kesällä.",
        "Päivärytmi kääntynyt yöpainotteiseksi.",
        "Lapsen päivähoito järjestyi.",
    ),
    "tyollisyys": (
        "Hakenut kymmentä paikkaa, ei vastauksia.",
        "Keikkatöitä satunnaisesti varastolla.",
        "Työkokeilupaikka kiinnostaa.",
    ),
    "terveys": (
        "Selkä kipeytyy seisomatyössä.",
        "Odottaa aikaa lääkärille.",
        "Liikkuu nykyään päivittäin.",
    ),
    "tyokyky": (
        "Osa-aikatyö tuntuisi sopivalta.",
        "Työkyvyn arviointi olisi tarpeen.",
    ),
}
GOALS = {
    "talous": ("Velat järjestykseen ja laskut ajallaan", "Budjetti joka kuukaudelle"),
    "osallisuus": ("Viikoittainen ryhmätoiminta", "Uusia ihmisiä vapaa-ajalla"),
    "osaaminen": ("Tutkinto valmiiksi", "Hygieniapassi ja trukkikortti", "Suomen kieli B1-tasolle"),
    "psyykkinen": ("Säännöllinen unirytmi", "Keskusteluapua mielenterveyspalveluista"),
    "arki": ("Oma vuokra-asunto", "Aamut käyntiin ennen yhdeksää"),
    "tyollisyys": ("Työkokeilupaikka syksyllä", "Kymmenen hakemusta kuussa", "Osa-aikatyö"),
    "terveys": ("Lääkärin arvio selästä", "Liikuntaa kolmesti viikossa"),
    "tyokyky": ("Työkyvyn arviointi tehty",),
}
