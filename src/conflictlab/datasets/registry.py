"""The dataset registry: what each dataset is, its files with their sha256, license, citation and loader.

Files are named as ``<folder>/<file>``, the layout of an offline mirror (``CONFLICTLAB_MIRROR``) and of the
cache. A file with a ``url`` can be downloaded with :func:`conflictlab.datasets.download`; the others are
conversions made for the project's shared data (R data files written out as CSV) and come only from a mirror.

Examples
--------
>>> REGISTRY["ucdp-ged-mexico"].files[0].path
'ucdp_ged_netify/mexico.csv'
>>> REGISTRY["acled"].files
()
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Dataset", "DataFile", "REGISTRY", "register", "UCDP_CITATION", "ACLED_CITATION", "GDELT_CITATION",
           "ORYX_CITATION"]


@dataclass(frozen=True)
class DataFile:
    """One file of a dataset: its path in a mirror/cache (``folder/file``), sha256, size and download address."""

    path: str
    sha256: str
    size: int | None = None
    url: str | None = None


@dataclass(frozen=True)
class Dataset:
    """A registry entry: what a dataset is, under which license, how to cite it, and how to load it.

    ``kind`` is ``casebook`` (bundled, ``filename`` inside the package), ``events`` (loads to the event model),
    ``mentions``, ``losses`` (the claimed/documented series) or ``lookup``. ``loader`` is
    ``"module:function"``, called with the dataset's local file(s).
    """

    name: str
    kind: str
    description: str
    license: str
    citation: str
    filename: str = ""
    files: tuple[DataFile, ...] = ()
    loader: str | None = None
    url: str = ""
    attribution: str = ""
    note: str = field(default="", compare=False)


UCDP_CITATION = ("Sundberg, Ralph and Erik Melander (2013). Introducing the UCDP Georeferenced Event Dataset. "
                 "Journal of Peace Research 50(4): 523-532. Davies, Shawn, Therese Pettersson and Magnus Oberg "
                 "(2023). Organized violence 1989-2022, and the return of conflict between states. Journal of Peace "
                 "Research 60(4).")
ACLED_CITATION = ("Raleigh, Clionadh, Andrew Linke, Havard Hegre and Joakim Karlsen (2010). Introducing ACLED: An "
                  "Armed Conflict Location and Event Dataset. Journal of Peace Research 47(5): 651-660. Data: Armed "
                  "Conflict Location & Event Data (ACLED), www.acleddata.com, accessed <date>.")
GDELT_CITATION = ("Leetaru, Kalev and Philip A. Schrodt (2013). GDELT: Global Data on Events, Location and Tone, "
                  "1979-2012. ISA Annual Convention. Data: The GDELT Project, www.gdeltproject.org.")
ORYX_CITATION = ("Oryx (Stijn Mitzer and Jakub Janovsky), Attack On Europe: Documenting Russian and Ukrainian "
                 "Equipment Losses, oryxspioenkop.com; scraped by S. Carnecchia, github.com/scarnecchia/oryx_data.")
_IVANIUK = ("Ivaniuk, Petro. 2022 Ukraine Russia War Dataset, github.com/PetroIvaniuk/2022-Ukraine-Russia-War-"
            "Dataset (MIT); figures: General Staff of the Armed Forces of Ukraine")

_ORYX_RAW = "https://raw.githubusercontent.com/scarnecchia/oryx_data/a8624b4781666b73440fba89824133cb41531a72/"
_IVANIUK_RAW = ("https://raw.githubusercontent.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset/"
                "37655f8bbdd6806d2f94416253116b02a750c97b/data/")
_UCDP_ATTRIBUTION = "Data: UCDP GED (CC BY 4.0), Sundberg & Melander 2013."
_CONVERTED = ("a conversion (R data -> CSV) made for the project's shared data: available from a mirror only; the "
              "original GED is at https://ucdp.uu.se/downloads/")


_CASEBOOK_LICENSE = "CC BY 4.0 (this casebook); quotes are short excerpts of the cited documents"
"""The license of every bundled casebook (each YAML file says the same; tests/io/test_registry.py checks)."""


def _f(path: str, sha256: str, size: int, url: str | None = None) -> DataFile:
    return DataFile(path, sha256, size, url)


REGISTRY: dict[str, Dataset] = {}


def register(dataset: Dataset) -> Dataset:
    """Add (or replace) a registry entry; returns it.

    Examples
    --------
    >>> d = register(Dataset("my-ged", "events", "my GED slice", "CC BY 4.0", "...", loader="conflictlab.io:x"))
    >>> "my-ged" in REGISTRY
    True
    >>> _ = REGISTRY.pop("my-ged")
    """
    REGISTRY[dataset.name] = dataset
    return dataset


for _d in (
    Dataset(
        name="nerkin-hand-2024", kind="casebook",
        description=('Armenia-Azerbaijan border fire near Nerkin Hand on 13 Feb 2024 and the alleged 12 Feb fire(s) it '
        'was called a retaliation for: the seed article (The Epoch Times) and the other outlets of its '
        'source pack.'),
        license=_CASEBOOK_LICENSE,
        citation=('conflictlab contributors (2026). Nerkin Hand casebook, curated from A. Morrow, "Clashes Erupt on '
        'Armenia-Azerbaijan Border, Putting Fraught Peace Talks at Risk", The Epoch Times, 13 Feb 2024 '
        '(updated 14 Feb), and from the reports of other outlets (Armenpress, Alpha News, Trend, '
        'Azernews, AFP, Deutsche Welle, OC Media and others) collected in the conflictlab source pack '
        'nerkin-hand-2024-02; each claim cites its page.'),
        filename="nerkin-hand-2024.yaml",
    ),
    Dataset(
        name="armenia-azerbaijan-2022-09", kind="casebook",
        description=('Armenia-Azerbaijan border clashes of 12-14 September 2022: casualty figures revised over days by '
        'both sides, contested blame, third parties split.'),
        license=_CASEBOOK_LICENSE,
        citation=('conflictlab contributors (2026). Armenia–Azerbaijan border clashes casebook (September 2022), '
        'curated from the conflictlab source pack armenia-azerbaijan-border-clashes-2022-09 (reports of '
        'Novaya Gazeta Europe, Mediamax, Trend, TRT World, Deutsche Welle, AFP, AP, Public Radio of '
        'Armenia, EVN Report, Azernews, Human Rights Watch via the Lemkin Institute, Panorama.am and '
        'others); each claim cites its page.'),
        filename="armenia-azerbaijan-2022-09.yaml",
    ),
    Dataset(
        name="balakot-2019-02", kind="casebook",
        description=("India's Balakot strike (26 Feb 2019) and the India-Pakistan aerial engagement of 27 Feb: "
        'casualty claims vs ground checks, aircraft losses claimed and denied, a captured pilot.'),
        license=_CASEBOOK_LICENSE,
        citation=('conflictlab contributors (2026). Balakot 2019 casebook, curated from the reports of OneIndia, '
        'Dawn, ThePrint (PTI), The Express Tribune (Reuters), The Hans India (BBC Urdu), Daily Express '
        '(Urdu), The Indian Express, Business Standard (IANS), The Hindu (Reuters), News18, Ummat, '
        'Talking Points Memo (AP), The New Indian Express, TrueScoop News, JK Update, Hindustan Times, '
        'TricksNews (PTI, Foreign Policy), NewsGram (VOA), Pragativadi, Deccan Chronicle, Northeast Today '
        'and Daily Times collected in the conflictlab source pack '
        'balakot-strike-and-aerial-engagement-2019-02; each claim cites its page.'),
        filename="balakot-2019-02.yaml",
    ),
    Dataset(
        name="al-ahli-hospital-2023-10", kind="casebook",
        description=('The explosion at al-Ahli Arab hospital in Gaza City on 17 October 2023: the Gaza health '
        "ministry's toll vs intelligence estimates, attribution contested, independent investigations."),
        license=_CASEBOOK_LICENSE,
        citation=('conflictlab contributors (2026). Al-Ahli Arab Hospital explosion casebook, curated from the '
        'reports of the Sydney Morning Herald (AP), Salon, WION, Pledge Times, WWAY (ABC News), Arab '
        'News, Manila Bulletin (AFP), Tazpit Press Service, Daily Mail, The Straits Times, CNN, Voz, BBC '
        'News, bioethics.com (AP), a blog and spamchronicles.com reproducing The New York Times, '
        'MyNorthwest (AP), Ziua News, Thread Reader, Mirage News (HRW), Stabroek News (Reuters) and the '
        'Australian Jewish News (The Times of Israel) collected in the conflictlab source pack '
        'al-ahli-hospital-explosion-2023-10; each claim cites its page.'),
        filename="al-ahli-hospital-2023-10.yaml",
    ),
    Dataset(
        name="galwan-2020-06", kind="casebook",
        description=("India-China clash in the Galwan Valley, night of 15/16 June 2020: India's toll revised 3 -> 20 "
        "the same day, China's toll disclosed in February 2021 and disputed, contested blame and place."),
        license=_CASEBOOK_LICENSE,
        citation=('conflictlab contributors (2026). Galwan Valley clash casebook (June 2020), curated from the '
        'reports of India Today, The Hindu, Zee News, China Military Online (PLA Daily English), '
        'OneIndia, Republic World, The Express Tribune, The Wire (ANI), Moneycontrol (ANI), Udayavani, '
        'Nepal Page (Global Times), The New Indian Express, The Japan Times, exbulletin, Hindustan Times '
        'and Indian Defense News collected in the conflictlab source pack galwan-valley-clash-2020-06; '
        'each claim cites its page.'),
        filename="galwan-2020-06.yaml",
    ),
    Dataset(
        name="ucdp-ged-sample", kind="events",
        description="1,000 random UCDP GED events (GED 2023 release), all 49 columns, 1989-2022, global.",
        license="CC BY 4.0 (UCDP GED); sample from the R package uncertainUCDP (GPL >= 3)",
        citation=UCDP_CITATION, attribution=_UCDP_ATTRIBUTION, url="https://ucdp.uu.se/downloads/",
        files=(_f("ucdp_ged_uncertainUCDP_sample/ucdpged_sample_1000.csv",
                  "0512ff13c88f4b92977fc6f008a30169bad5ac0123300a307594035115a5f5b6", 630266),),
        loader="conflictlab.io.ucdp:read_ucdp_ged", note=_CONVERTED,
    ),
    Dataset(
        name="ucdp-ged-mexico", kind="events",
        description="UCDP GED, Mexico 1989-2023: 18,957 events (49 columns; GED 23.1 or 24.1).",
        license="CC BY 4.0 (UCDP GED); slice from the R package netify (GPL-3)",
        citation=UCDP_CITATION, attribution=_UCDP_ATTRIBUTION, url="https://ucdp.uu.se/downloads/",
        files=(_f("ucdp_ged_netify/mexico.csv", "97d396678ec95cd6c7431f26df96c72b917da4eb1cd8cb3886faecf7bf97c340",
                  11646554),),
        loader="conflictlab.io.ucdp:read_ucdp_ged", note=_CONVERTED,
    ),
    Dataset(
        name="ucdp-ged-myanmar", kind="events",
        description="UCDP GED, Myanmar 1989-2023: 7,374 events (49 columns).",
        license="CC BY 4.0 (UCDP GED); slice from the R package netify (GPL-3)",
        citation=UCDP_CITATION, attribution=_UCDP_ATTRIBUTION, url="https://ucdp.uu.se/downloads/",
        files=(_f("ucdp_ged_netify/myanmar.csv", "40bcff9600dfbb413050510e6db31054a5ddc00ab8523954b8a9ee22934ae241",
                  4575229),),
        loader="conflictlab.io.ucdp:read_ucdp_ged", note=_CONVERTED,
    ),
    Dataset(
        name="ucdp-ged-syria", kind="events",
        description="UCDP GED Syria special release 2016-01..2019-11: 16,566 events, older 41-column layout.",
        license="CC BY 4.0 (UCDP GED); from the R package data4ds4da (GPL-3)",
        citation=UCDP_CITATION, attribution=_UCDP_ATTRIBUTION, url="https://ucdp.uu.se/downloads/",
        files=(_f("ucdp_ged_syria_data4ds4da/ucdp_syria_df.csv",
                  "bcfe6719a1fa9a9e8cb7e4f77f5c6001440ab58b5849b848c08d162ef0f89bf8", 10813897),),
        loader="conflictlab.io.ucdp:read_ucdp_ged", note=_CONVERTED,
    ),
    Dataset(
        name="acled", kind="events",
        description="ACLED: not distributed (ACLED's terms forbid redistribution). Export your own data from "
        "acleddata.com and read it with conflictlab.io.read_acled(path).",
        license="ACLED terms of use: no redistribution; attribute ACLED in every publication and figure",
        citation=ACLED_CITATION, url="https://acleddata.com",
        attribution="Data: Armed Conflict Location & Event Data (ACLED), www.acleddata.com.",
        loader="conflictlab.io.acled:read_acled",
    ),
    Dataset(
        name="gdelt-mentions-sample", kind="mentions",
        description="GDELT 2.0 Mentions, 2017-07-01 slice: 1,635 mentions of 1,430 events by 205 outlets.",
        license="GDELT: open for any use with citation; sample from the PyPI package gdelt 0.1.14 (GPL-3)",
        citation=GDELT_CITATION, attribution="Data: The GDELT Project.", url="https://www.gdeltproject.org",
        files=(_f("gdelt_samples/gdeltPyR_mentions_sample.csv",
                  "0a57a9a2dca1788f009feb30f2b7731376a2f4e00f7b72bc7b2af98221ba22e7", 392060),),
        loader="conflictlab.io.gdelt:read_gdelt_mentions",
    ),
    Dataset(
        name="gdelt-events-uschina-2018", kind="events",
        description="GDELT 1.0 events between the USA and China, Jan-Oct 2018 (3,340 rows, with a header row): a "
        "format fixture, not conflict data.",
        license="GDELT: open for any use with citation; extract from github.com/dinulsyah/gdeltproject (no license)",
        citation=GDELT_CITATION, attribution="Data: The GDELT Project.", url="https://www.gdeltproject.org",
        files=(_f("gdelt_samples/dinulsyah_gdelt1_events_uschina2018_with_header.csv",
                  "de2d69d78d579ed9b490cc0689c00eb5259f2adfa44fffc64d4e6bf5b1b10a12", 1377762),),
        loader="conflictlab.io.gdelt:read_gdelt_events",
    ),
    Dataset(
        name="gdelt-cameo-codes", kind="lookup",
        description="CAMEO event code -> description lookup (320 codes), as shipped by the gdelt package.",
        license="GPL-3 (gdelt package); CAMEO codebook by P. Schrodt", citation=GDELT_CITATION,
        files=(_f("gdelt_samples/gdeltPyR_cameoCodes.json",
                  "50fb93254ba296a2d1841ef35b30a1298fd34df86585862824da19969b7b80aa", 20885),),
        loader="conflictlab.io.cameo:read_cameo_codes",
    ),
    Dataset(
        name="oryx-events", kind="events",
        description="Oryx visually confirmed equipment losses of Russia and Ukraine, one row per item "
        "(37,505 rows; 2022-02-24..2025-07-19).",
        license="CC BY 4.0 (scarnecchia/oryx_data); attribute Oryx and S. Carnecchia",
        citation=ORYX_CITATION, attribution="Data: Oryx (oryxspioenkop.com), via S. Carnecchia (CC BY 4.0).",
        url="https://github.com/scarnecchia/oryx_data",
        files=tuple(_f(f"oryx_events_scarnecchia/event_{s}.csv", h, n, _ORYX_RAW + f"event_{s}.csv") for s, h, n in (
            ("abandoned", "472fe200814fa1c1f4c786890596bd7b1b74e5aa088ba519ba3d371957f1b069", 345127),
            ("captured", "35df0fe5be788412b67ee65edaef52c688d16a80c62b3113731626987a23c704", 690558),
            ("damaged", "ae61685eed75c0ca431697eb1851c889d80e6e1b8fae0d8deae5372ca073ca0c", 477687),
            ("destroyed", "c413fdfa9f5220ccdbaf7403adaaa6cde01009a26a2da7db4ba51894269664fd", 3643304))),
        loader="conflictlab.io.oryx:read_oryx_events",
    ),
    Dataset(
        name="oryx-daily", kind="losses",
        description="Oryx cumulative documented losses by equipment type and day recorded (Russia and Ukraine).",
        license="CC BY 4.0 (scarnecchia/oryx_data); attribute Oryx and S. Carnecchia",
        citation=ORYX_CITATION, attribution="Data: Oryx (oryxspioenkop.com), via S. Carnecchia (CC BY 4.0).",
        url="https://github.com/scarnecchia/oryx_data",
        files=(_f("oryx_events_scarnecchia/daily_count.csv",
                  "93264f480a6e532b99e2adeba0d8abe6058bf6885e2c65780ced699320344f68", 134691,
                  _ORYX_RAW + "daily_count.csv"),),
        loader="conflictlab.io.oryx:read_oryx_daily",
    ),
    Dataset(
        name="ukraine-losses-equipment", kind="losses",
        description="Ukrainian General Staff daily claims of cumulative Russian equipment losses, 2022-02-25.. "
        "(P. Ivaniuk's transcription).",
        license="MIT (P. Ivaniuk); figures: official statements of the General Staff of the Armed Forces of Ukraine",
        citation=_IVANIUK + ".", attribution="Claims: General Staff of the Armed Forces of Ukraine (via P. Ivaniuk).",
        url="https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset",
        files=(_f("ukraine_losses_mod_vs_oryx/russia_losses_equipment.json",
                  "8c3adf7e039b090560c6ded5071e4a0eb43bcebae825fd1b5c71c073c0980cba", 706073,
                  _IVANIUK_RAW + "russia_losses_equipment.json"),),
        loader="conflictlab.io.losses:read_genstaff_claims",
    ),
    Dataset(
        name="ukraine-losses-personnel", kind="losses",
        description="Ukrainian General Staff daily claims of cumulative Russian personnel losses and POWs.",
        license="MIT (P. Ivaniuk); figures: official statements of the General Staff of the Armed Forces of Ukraine",
        citation=_IVANIUK + ".", attribution="Claims: General Staff of the Armed Forces of Ukraine (via P. Ivaniuk).",
        url="https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset",
        files=(_f("ukraine_losses_mod_vs_oryx/russia_losses_personnel.json",
                  "8a11a5e9d7016ac45079f9a7fc82713003549676737597a72c23b6b13b3463b2", 200237,
                  _IVANIUK_RAW + "russia_losses_personnel.json"),),
        loader="conflictlab.io.losses:read_genstaff_claims",
    ),
    Dataset(
        name="ukraine-losses-oryx", kind="losses",
        description="Oryx documented Russian losses by model with a crosswalk to the General Staff's categories "
        "(snapshot about 2023-02-05).",
        license="MIT (P. Ivaniuk); counts: Oryx (attribute Oryx)",
        citation=_IVANIUK + "; counts: " + ORYX_CITATION, attribution="Data: Oryx (oryxspioenkop.com), via P. Ivaniuk.",
        url="https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset",
        files=(_f("ukraine_losses_mod_vs_oryx/russia_losses_equipment_oryx.json",
                  "def28ab88ed20904b5280a148c56612f85b750005dcbe6c710d3509f4c65d333", 76715,
                  _IVANIUK_RAW + "russia_losses_equipment_oryx.json"),),
        loader="conflictlab.io.oryx:read_oryx_by_model",
    ),
    Dataset(
        name="moskali-genstaff", kind="losses",
        description="The same General Staff claims transcribed independently (PyPI package moskali 6.0.0), "
        "Ukrainian keys, 2022-02-24..2026-02-19.",
        license="MIT (moskali, O. Andrus); figures: General Staff of the Armed Forces of Ukraine",
        citation="Andrus, Oleh. moskali 6.0.0 (PyPI); figures: General Staff of the Armed Forces of Ukraine.",
        attribution="Claims: General Staff of the Armed Forces of Ukraine (via moskali).",
        url="https://github.com/andrusoleg/moskali",
        files=(_f("pypi_moskali_ua_genstaff_claims/moskali.json",
                  "48ce3f101bf62f2655cd792f9276cac04745bd6b97416fc2d6a064c4c0764fb3", 915293),),
        loader="conflictlab.io.losses:read_genstaff_claims",
        note="inside the moskali wheel: available from a mirror only",
    ),
):
    register(_d)
