"""What the sample's service paths are drawn from: typical sequences of services, how long
each lasts, goals, employers and providers."""

from __future__ import annotations

# Typical sequences, each at most six services (codes of store/core/service_catalog.py).
SEQUENCES = (
    ("tyonhakuvalmennus", "tyokokeilu", "palkkatuki"),
    ("uravalmennus", "koulutus"),
    ("kuntouttava", "tyopaja", "tyokokeilu"),
    ("terveystarkastus", "sosiaalinen_kuntoutus", "kuntouttava", "tyopaja"),
    ("tyonhakuvalmennus", "koulutus", "tyokokeilu", "palkkatuki"),
    ("uravalmennus", "starttiraha"),
    ("typ", "kuntouttava", "tyohonvalmennus", "tyokokeilu", "palkkatuki"),
    ("omaehtoinen",),
    ("velkaneuvonta", "tyonhakuvalmennus"),
    ("tyohonvalmennus", "palkkatuki"),
    ("tyonhakuvalmennus", "uravalmennus", "tyokokeilu", "koulutus", "tyokokeilu", "palkkatuki"),
)
# Months a step of the service lasts (low, high), within the service's rules (the paths
# that break them are made on purpose); 0 is a single day.
MONTHS = {"tyonhakuvalmennus": (1, 3), "uravalmennus": (1, 4), "tyohonvalmennus": (2, 6),
           "typ": (3, 9), "terveystarkastus": (0, 0), "velkaneuvonta": (1, 2),
           "tyokokeilu": (1, 3), "palkkatuki": (6, 12), "koulutus": (3, 9),
           "omaehtoinen": (6, 20), "kuntouttava": (4, 10), "sosiaalinen_kuntoutus": (2, 6),
           "tyopaja": (3, 8), "starttiraha": (6, 11)}  # fmt: skip
GOALS = (
    "Työpaikka logistiikka-alalta",
    "Ammatillinen tutkinto sosiaali- ja terveysalalle",
    "Kokoaikatyö kaupan alalta",
    "Oma yritys: siivouspalvelut",
    "Työkyvyn selvittäminen ja arjen rytmi",
    "Työpaikka ravintola-alalta",
    "Suomen kielen taito työelämän tasolle ja työpaikka",
    "Paluu rakennusalalle",
)
EMPLOYERS = ("Turun kaupungin varikko", "K-Market Runosmäki", "Raision seurakunta",
              "Kauppakeskus Mylly", "Turun Satama Oy", "Varsinais-Suomen hyvinvointialue",
              "Ravintola Kehräämö", "Raision kaupunki")  # fmt: skip
IN_HOUSE = "Turun työllisyyspalvelukeskus"
# name, the first seven digits of its business ID, sector, municipality, services offered
PROVIDERS = (
    ("Valmennuskeskus Polku Oy", "2384561", "company", "Turku",
     ("tyonhakuvalmennus", "uravalmennus", "tyohonvalmennus")),
    ("Turun Seudun Työpajat ry", "1723040", "third_sector", "Turku",
     ("tyopaja", "kuntouttava", "sosiaalinen_kuntoutus")),
    ("Aikuiskoulutus Aura Oy", "0912345", "company", "Turku", ("koulutus",)),
    ("Raision Kuntouttava ry", "2890112", "third_sector", "Raisio", ("kuntouttava", "tyokokeilu")),
    ("Kiinteistöpalvelu Lounas Oy", "3011458", "company", "Kaarina", ("tyokokeilu", "palkkatuki")),
    ("Uraverstas Oy", "2675009", "company", "Turku", ("uravalmennus", "tyohonvalmennus")),
)  # fmt: skip
