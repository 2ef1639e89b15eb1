"""The demo museums: public names, towns, provinces and, where found, the building's address,
postcode and coordinates; everything else is marked as demo.

Where each museum is: ``FACTS`` holds the street address, postcode and building coordinates found in
public sources (Wikipedia infoboxes, which carry Wikidata's coordinate location, P625; the museum
finder of museum.nl, which places every member museum's building; and the museums' own,
tourist-office, heritage-register or venue-listing address pages; each entry names its source). A
museum gets ``coordinates_precision = "exact"`` only with coordinates from there. A fact that was not
found is left out, never guessed: ``missing_facts`` tells, per museum, what is missing, and the page
says so. Until then the museum keeps the approximate centre of its town (GeoNames, three decimals,
``coordinates_precision = "approximate"``; see docs/museums.md).

Postcodes: Dutch addresses have one (``1234 AB``). Aruba, Curaçao and Sint Maarten have no postcode
system and neither have Bonaire, Saba and Sint Eustatius (the Caribbean Netherlands), so a museum in
``CARIBBEAN_PROVINCES`` has none and none is missing; an island building without a house number is
written "z/n" (zonder nummer), as the islands do.
Opening hours, accessibility features and exhibitions are invented demo data.
"""

from .choices import CARIBBEAN_PROVINCES

# (slug, title, city, province, (lat, lon) or None, categories, hours pattern, flags, website)
# flags: r = Kring Rijksmusea, m = Museumregister, c = Museum cao, k = Museumkaart accepted,
#        b = Museumkaart reservation required
MUSEUMS = [
    (
        "rijksmuseum",
        "Rijksmuseum",
        "Amsterdam",
        "NL-NH",
        (52.373, 4.893),
        ["art", "history"],
        "daily9",
        "rmckb",
        "https://www.rijksmuseum.nl/",
    ),
    (
        "anne-frank-huis",
        "Anne Frank Huis",
        "Amsterdam",
        "NL-NH",
        None,
        ["history"],
        "late",
        "mb",
        "https://www.annefrank.org/",
    ),
    (
        "van-gogh-museum",
        "Van Gogh Museum",
        "Amsterdam",
        "NL-NH",
        (52.373, 4.893),
        ["art"],
        "daily9",
        "rmckb",
        "https://www.vangoghmuseum.nl/",
    ),
    (
        "stedelijk-museum-amsterdam",
        "Stedelijk Museum Amsterdam",
        "Amsterdam",
        "NL-NH",
        (52.373, 4.893),
        ["art", "architecture-design"],
        "daily10",
        "mck",
        "https://www.stedelijk.nl/",
    ),
    (
        "amsterdam-museum",
        "Amsterdam Museum",
        "Amsterdam",
        "NL-NH",
        (52.373, 4.893),
        ["history", "regional"],
        "daily10",
        "mck",
        "https://www.amsterdammuseum.nl/",
    ),
    (
        "eye-filmmuseum",
        "Eye Filmmuseum",
        "Amsterdam",
        "NL-NH",
        (52.373, 4.893),
        ["photography-film"],
        "daily10",
        "mk",
        "https://www.eyefilm.nl/",
    ),
    (
        "nederlands-openluchtmuseum",
        "Nederlands Openluchtmuseum",
        "Arnhem",
        "NL-GE",
        (51.985, 5.899),
        ["open-air", "history", "children"],
        "daily10",
        "rmck",
        "https://www.openluchtmuseum.nl/",
    ),
    (
        "museum-arnhem",
        "Museum Arnhem",
        "Arnhem",
        "NL-GE",
        (51.985, 5.899),
        ["art"],
        "tuesun11",
        "mck",
        "https://www.museumarnhem.nl/",
    ),
    (
        "naturalis",
        "Naturalis",
        "Leiden",
        "NL-ZH",
        (52.160, 4.497),
        ["nature", "science-technology", "children"],
        "daily10",
        "rmck",
        "https://www.naturalis.nl/",
    ),
    (
        "de-lakenhal",
        "Museum De Lakenhal",
        "Leiden",
        "NL-ZH",
        (52.160, 4.497),
        ["art", "history"],
        "tuesun",
        "mck",
        "https://www.lakenhal.nl/",
    ),
    (
        "museum-volkenkunde",
        "Museum Volkenkunde",
        "Leiden",
        "NL-ZH",
        (52.160, 4.497),
        ["ethnology"],
        "tuesun",
        "rmck",
        "",
    ),
    (
        "kroller-muller-museum",
        "Kröller-Müller Museum",
        "Otterlo",
        "NL-GE",
        (52.100, 5.772),
        ["art", "nature"],
        "tuesun",
        "rmck",
        "https://krollermuller.nl/",
    ),
    (
        "museum-helmond",
        "Museum Helmond",
        "Helmond",
        "NL-NB",
        (51.479, 5.657),
        ["art", "history", "children"],
        "tuesun",
        "mk",
        "",
    ),
    (
        "continium",
        "Continium",
        "Kerkrade",
        "NL-LI",
        (50.866, 6.063),
        ["science-technology", "children"],
        "tuesun",
        "mk",
        "",
    ),
    (
        "drents-museum",
        "Drents Museum",
        "Assen",
        "NL-DR",
        (52.993, 6.562),
        ["archaeology", "art", "history"],
        "tuesun11",
        "mck",
        "https://drentsmuseum.nl/",
    ),
    (
        "fries-museum",
        "Fries Museum",
        "Leeuwarden",
        "NL-FR",
        (53.201, 5.799),
        ["art", "history", "regional"],
        "tuesun",
        "mck",
        "https://www.friesmuseum.nl/",
    ),
    (
        "zuiderzeemuseum",
        "Zuiderzeemuseum",
        "Enkhuizen",
        "NL-NH",
        (52.703, 5.291),
        ["open-air", "maritime", "history"],
        "summer",
        "rmck",
        "https://www.zuiderzeemuseum.nl/",
    ),
    (
        "zilvermuseum",
        "Zilvermuseum",
        "Schoonhoven",
        "NL-ZH",
        (51.947, 4.849),
        ["art", "regional"],
        "tuesun",
        "mk",
        "",
    ),
    (
        "abraham-fock",
        "Abraham Fock",
        "Hollum (Ameland)",
        "NL-FR",
        (53.439, 5.638),
        ["history", "maritime", "regional"],
        "summer",
        "mk",
        "",
    ),
    (
        "aviodrome",
        "Aviodrome",
        "Lelystad",
        "NL-FL",
        (52.518, 5.471),
        ["transport", "science-technology", "children"],
        "tuesun",
        "m",
        "https://www.aviodrome.nl/",
    ),
    (
        "mauritshuis",
        "Mauritshuis",
        "Den Haag",
        "NL-ZH",
        (52.078, 4.300),
        ["art"],
        "daily10",
        "rmckb",
        "https://www.mauritshuis.nl/",
    ),
    (
        "centraal-museum",
        "Centraal Museum",
        "Utrecht",
        "NL-UT",
        (52.090, 5.121),
        ["art", "history"],
        "tuesun11",
        "mck",
        "https://www.centraalmuseum.nl/",
    ),
    (
        "rijksmuseum-twenthe",
        "Rijksmuseum Twenthe",
        "Enschede",
        "NL-OV",
        (52.221, 6.894),
        ["art"],
        "tuesun11",
        "rmck",
        "",
    ),
    (
        "groninger-museum",
        "Groninger Museum",
        "Groningen",
        "NL-GR",
        (53.219, 6.567),
        ["art", "architecture-design"],
        "tuesun",
        "mck",
        "https://www.groningermuseum.nl/",
    ),
    (
        "bonnefanten",
        "Bonnefanten",
        "Maastricht",
        "NL-LI",
        (50.851, 5.691),
        ["art"],
        "tuesun11",
        "mck",
        "https://www.bonnefanten.nl/",
    ),
    (
        "museum-boijmans-van-beuningen",
        "Museum Boijmans Van Beuningen",
        "Rotterdam",
        "NL-ZH",
        (51.922, 4.479),
        ["art", "architecture-design"],
        "tuesun",
        "mck",
        "https://www.boijmans.nl/",
    ),
    (
        "zeeuws-museum",
        "Zeeuws Museum",
        "Middelburg",
        "NL-ZE",
        (51.499, 3.611),
        ["history", "regional", "art"],
        "tuesun11",
        "mk",
        "",
    ),
    (
        "het-noordbrabants-museum",
        "Het Noordbrabants Museum",
        "'s-Hertogenbosch",
        "NL-NB",
        (51.690, 5.304),
        ["art", "history"],
        "tuesun",
        "mck",
        "",
    ),
    (
        "frans-hals-museum",
        "Frans Hals Museum",
        "Haarlem",
        "NL-NH",
        (52.381, 4.637),
        ["art"],
        "tuesun11",
        "mck",
        "",
    ),
    (
        "teylers-museum",
        "Teylers Museum",
        "Haarlem",
        "NL-NH",
        (52.381, 4.637),
        ["art", "science-technology"],
        "tuesun",
        "mk",
        "https://www.teylersmuseum.nl/",
    ),
    (
        "museum-het-valkhof",
        "Museum Het Valkhof",
        "Nijmegen",
        "NL-GE",
        (51.842, 5.853),
        ["archaeology", "art"],
        "tuesun11",
        "mck",
        "",
    ),
    (
        "museum-de-fundatie",
        "Museum de Fundatie",
        "Zwolle",
        "NL-OV",
        (52.512, 6.094),
        ["art"],
        "tuesun11",
        "mk",
        "",
    ),
    # The Caribbean part of the Kingdom (UTC−4 all year).
    (
        "museo-chichi-tan",
        "Museo Chich'i Tan",
        "Rincon",
        "NL-BQ1",
        (12.242, -68.330),
        ["history", "regional"],
        "caribbean",
        "",
        "",
    ),
    (
        "museo-arqueologico-nacional-aruba",
        "Museo Arqueologico Nacional Aruba",
        "Oranjestad",
        "NL-AW",
        (12.519, -70.037),
        ["archaeology", "history"],
        "caribbean",
        "",
        "",
    ),
    (
        "curacao-museum",
        "Curaçao Museum",
        "Willemstad",
        "NL-CW",
        (12.108, -68.934),
        ["history", "art"],
        "caribbean",
        "",
        "",
    ),
    # Winners of the Museumprijs 2014–2023 (museumprijs.nl); name and town are public.
    (
        "museum-klok-peel",
        "Museum Klok & Peel",
        "Asten",
        "NL-NB",
        (51.404, 5.749),
        ["history", "nature", "regional"],
        "tuesun",
        "",
        "",
    ),
    (
        "nationaal-monument-kamp-vught",
        "Nationaal Monument Kamp Vught",
        "Vught",
        "NL-NB",
        (51.653, 5.288),
        ["history"],
        "tuesun",
        "",
        "",
    ),
    (
        "textielmuseum",
        "TextielMuseum",
        "Tilburg",
        "NL-NB",
        (51.556, 5.091),
        ["history", "architecture-design"],
        "tuesun",
        "",
        "",
    ),
    (
        "maritiem-museum-rotterdam",
        "Maritiem Museum Rotterdam",
        "Rotterdam",
        "NL-ZH",
        (51.922, 4.479),
        ["maritime", "history", "children"],
        "tuesun",
        "",
        "",
    ),
    (
        "stedelijk-museum-schiedam",
        "Stedelijk Museum Schiedam",
        "Schiedam",
        "NL-ZH",
        (51.919, 4.389),
        ["art", "history"],
        "tuesun11",
        "",
        "",
    ),
    (
        "kasteel-hoensbroek",
        "Kasteel Hoensbroek",
        "Hoensbroek",
        "NL-LI",
        (50.924, 5.925),
        ["history", "architecture-design"],
        "daily10",
        "",
        "",
    ),
    (
        "het-scheepvaartmuseum",
        "Het Scheepvaartmuseum",
        "Amsterdam",
        "NL-NH",
        (52.373, 4.893),
        ["maritime", "history"],
        "daily10",
        "",
        "",
    ),
    (
        "museum-jan-cunen",
        "Museum Jan Cunen",
        "Oss",
        "NL-NB",
        (51.765, 5.518),
        ["art", "history"],
        "tuesun",
        "",
        "",
    ),
]

# Where the buildings are: street address, postcode and coordinates from public sources, and only
# what was found (see the module docstring). "source" names where each fact was read. "museum.nl"
# is the museum finder of the association's public site, whose list gives each member museum's
# building at four decimals (about 10 m); it agrees with Wikipedia where both give a point.
FACTS = {
    "rijksmuseum": {
        "address": "Museumstraat 1",
        "postcode": "1071 XX",
        "latitude": 52.36,
        "longitude": 4.885278,
        "source": "Wikipedia (coordinates); museum listings (address)",
    },
    "anne-frank-huis": {
        "address": "Westermarkt 20",
        "postcode": "1016 DK",
        "latitude": 52.375083,
        "longitude": 4.884031,
        "source": "the project's domain notes",
    },
    "van-gogh-museum": {
        "address": "Museumplein 6",
        "postcode": "1071 DJ",
        "latitude": 52.358417,
        "longitude": 4.881083,
        "source": "Wikipedia (coordinates); city guide (address)",
    },
    "stedelijk-museum-amsterdam": {
        "address": "Museumplein 10",
        "postcode": "1071 DJ",
        "latitude": 52.358056,
        "longitude": 4.879722,
        "source": "Wikipedia (coordinates, address); museum listing (postcode)",
    },
    "amsterdam-museum": {
        "address": "Kalverstraat 92",
        "postcode": "1012 PH",
        "latitude": 52.3704,
        "longitude": 4.8913,
        "source": (
            "heritage guide (address, postcode); museum.nl (coordinates); the building is closed "
            "for renovation"
        ),
    },
    "eye-filmmuseum": {
        "address": "IJpromenade 1",
        "postcode": "1031 KT",
        "latitude": 52.384411,
        "longitude": 4.900594,
        "source": "Wikipedia (coordinates, address); the museum's opening notice (postcode)",
    },
    "nederlands-openluchtmuseum": {
        "address": "Hoeferlaan 4",
        "postcode": "6816 SG",
        "latitude": 52.01056,
        "longitude": 5.91028,
        "source": "Wikipedia (coordinates); visitor guides (visitors' entrance)",
    },
    "museum-arnhem": {
        "address": "Utrechtseweg 87",
        "postcode": "6812 AA",
        "latitude": 51.9853,
        "longitude": 5.8922,
        "source": (
            "De Gelderlander reports (the museum on the Utrechtseweg); public venue listings (number, "
            "postcode); museum.nl (coordinates)"
        ),
    },
    "naturalis": {
        "address": "Darwinweg 2",
        "postcode": "2333 CR",
        "latitude": 52.16472,
        "longitude": 4.47333,
        "source": "Wikipedia (coordinates, address); museum profile (postcode)",
    },
    "de-lakenhal": {
        "address": "Oude Singel 28-32",
        "postcode": "2312 RA",
        "latitude": 52.1629,
        "longitude": 4.48716,
        "source": "Leiden tourist office and convention bureau (address); museum.nl (coordinates)",
    },
    "museum-volkenkunde": {
        "address": "Steenstraat 1",
        "postcode": "2312 BS",
        "latitude": 52.1636,
        "longitude": 4.48415,
        "source": (
            "travel guides, hotspotholland.nl (address, postcode); museum.nl (coordinates); now "
            "called Wereldmuseum Leiden (Wikipedia)"
        ),
    },
    "kroller-muller-museum": {
        "address": "Houtkampweg 6",
        "postcode": "6731 AW",
        "latitude": 52.0955,
        "longitude": 5.81661,
        "source": "Wikipedia, the museum's partners (address); museum.nl (coordinates)",
    },
    "museum-helmond": {
        "address": "Kasteelplein 1",
        "postcode": "5701 PP",
        "latitude": 51.477356,
        "longitude": 5.653072,
        "source": "castle registers kastelenlexicon and kasteleninnederland.nl",
    },
    "continium": {
        "address": "Museumplein 2",
        "postcode": "6461 MA",
        "latitude": 50.8615,
        "longitude": 6.05857,
        "source": (
            "European Route of Industrial Heritage (address); museum.nl (coordinates); renamed "
            "Discovery Museum in 2021"
        ),
    },
    "drents-museum": {
        "address": "Brink 1",
        "postcode": "9401 HS",
        "latitude": 52.9933,
        "longitude": 6.5644,
        "source": (
            "Wikipedia (coordinates 52°59′35.88″N 6°33′51.84″E); the museum's visiting address as "
            "listed by dutch-museums-drenthe (address, postcode)"
        ),
    },
    "fries-museum": {
        "address": "Wilhelminaplein 92",
        "postcode": "8911 BS",
        "latitude": 53.1996,
        "longitude": 5.79242,
        "source": "Wikipedia (address); the museum's listings (postcode); museum.nl (coordinates)",
    },
    "zuiderzeemuseum": {
        "address": "Wierdijk 12-22",
        "postcode": "1601 LA",
        "latitude": 52.7031,
        "longitude": 5.29703,
        "source": "Dutch Wikipedia (address); museum.nl (coordinates)",
    },
    "zilvermuseum": {
        "address": "Kazerneplein 4",
        "postcode": "2871 CZ",
        "latitude": 51.9471,
        "longitude": 4.85231,
        "source": ("public listing quoting zilvermuseum.com (address, postcode); museum.nl (coordinates)"),
    },
    "abraham-fock": {
        "address": "Oranjeweg 18",
        "latitude": 53.443,
        "longitude": 5.63691,
        "source": (
            "Netherlands Board of Tourism notice and Ameland guides (address; the former lifeboat "
            "house); museum.nl (coordinates); no public source gave the postcode"
        ),
    },
    "aviodrome": {
        "address": "Pelikaanweg 50",
        "postcode": "8218 PG",
        "latitude": 52.4572,
        "longitude": 5.52949,
        "source": (
            "Italian Wikipedia infobox (address, postcode, coordinates 52°27′29″N 5°31′48″E); "
            "museum.nl (coordinates, as used here)"
        ),
    },
    "mauritshuis": {
        "address": "Plein 29",
        "postcode": "2511 CS",
        "latitude": 52.080556,
        "longitude": 4.314444,
        "source": (
            "Wikipedia (coordinates, address); The Hague monuments office (Korte Vijverberg 8 / "
            "Plein 29); public venue listings (postcode)"
        ),
    },
    "centraal-museum": {
        "address": "Agnietenstraat 1",
        "postcode": "3512 XA",
        "latitude": 52.083611,
        "longitude": 5.125833,
        "source": (
            "e-flux museum page (address, postcode; the cloister stands on the Nicolaaskerkhof); "
            "Wikipedia (coordinates 52°5′1″N 5°7′33″E)"
        ),
    },
    "rijksmuseum-twenthe": {
        "address": "Lasondersingel 129-131",
        "postcode": "7514 BP",
        "latitude": 52.2277,
        "longitude": 6.89708,
        "source": "travel blog (address); public venue listings (postcode); museum.nl (coordinates)",
    },
    "groninger-museum": {
        "address": "Museumeiland 1",
        "postcode": "9711 ME",
        "latitude": 53.21194,
        "longitude": 6.56556,
        "source": "museum news listing (address); aroundus.com place page (coordinates)",
    },
    "bonnefanten": {
        "address": "Avenue Céramique 250",
        "postcode": "6221 KX",
        "latitude": 50.8425,
        "longitude": 5.70204,
        "source": ("vakantieinlimburg.nl, travelonhere.com (address, postcode); museum.nl (coordinates)"),
    },
    "museum-boijmans-van-beuningen": {
        "address": "Museumpark 18-20",
        "postcode": "3015 CX",
        "latitude": 51.914215,
        "longitude": 4.473341,
        "source": "Wikipedia (coordinates, address); travel guide (postcode); closed for renovation",
    },
    "zeeuws-museum": {
        "address": "Abdij 3",
        "postcode": "4331 BK",
        "latitude": 51.5008,
        "longitude": 3.61452,
        "source": (
            "MuseumTV and fietsnetwerk.nl (address, postcode); museum.nl (coordinates; "
            "aroundus.com gives 51.50069, 3.61427)"
        ),
    },
    "het-noordbrabants-museum": {
        "address": "Verwersstraat 41",
        "postcode": "5211 HT",
        "latitude": 51.6866,
        "longitude": 5.30472,
        "source": "Wikipedia, Bossche encyclopedie (address); kroonluchter.nl (postcode); museum.nl (coordinates)",
    },
    "frans-hals-museum": {
        "address": "Groot Heiligland 62",
        "postcode": "2011 ES",
        "latitude": 52.37667,
        "longitude": 4.63333,
        "source": "Wikipedia (coordinates, address); ifthenisnow.eu page of the Oudemannenhuis (postcode)",
    },
    "teylers-museum": {
        "address": "Spaarne 16",
        "postcode": "2011 CH",
        "latitude": 52.3804,
        "longitude": 4.6403,
        "source": "Wikipedia (coordinates, address); DutchCulture location page (postcode)",
    },
    "museum-het-valkhof": {
        "address": "Kelfkensbos 59",
        "postcode": "6511 TB",
        "latitude": 51.846,
        "longitude": 5.87132,
        "source": (
            "Wikipedia (address; coordinates 51°50′46″N 5°52′16″E); public venue listings "
            "(postcode); museum.nl (coordinates, as used here)"
        ),
    },
    "museum-de-fundatie": {
        "address": "Blijmarkt 20",
        "postcode": "8011 NE",
        "latitude": 52.5102,
        "longitude": 6.09148,
        "source": "Visit Zwolle (address, postcode); museum.nl (coordinates)",
    },
    "museo-chichi-tan": {
        "address": "Kaya Milon 4",
        "source": ("dutchcaribbeanheritage.org (address); no public source gave the building's coordinates"),
    },
    "museo-arqueologico-nacional-aruba": {
        "address": "Schelpstraat 42",
        "latitude": 12.5209,
        "longitude": -70.0382,
        "source": "Wikipedia (address; coordinates 12°31′15″N 70°02′18″W)",
    },
    "curacao-museum": {
        "address": "Van Leeuwenhoekstraat z/n",
        "latitude": 12.11188,
        "longitude": -68.9473,
        "source": "Wikipedia (coordinates 12°06′43″N 68°56′50″W, street); trek.zone (z/n: no house number)",
    },
    "museum-klok-peel": {
        "latitude": 51.4036,
        "longitude": 5.73348,
        "source": (
            "museum.nl (coordinates); Eindhovens Dagblad places it on the Ostaderstraat, but no "
            "public source gave the house number or postcode"
        ),
    },
    "nationaal-monument-kamp-vught": {
        "address": "Lunettenlaan 600",
        "postcode": "5263 NT",
        "latitude": 51.6658,
        "longitude": 5.25857,
        "source": "Veteraneninstituut location list (address); museum.nl (coordinates)",
    },
    "textielmuseum": {
        "address": "Goirkestraat 96",
        "postcode": "5046 GN",
        "latitude": 51.5709,
        "longitude": 5.07946,
        "source": "holland.com, European Route of Industrial Heritage (address); museum.nl (coordinates)",
    },
    "maritiem-museum-rotterdam": {
        "address": "Leuvehaven 1",
        "postcode": "3011 EA",
        "latitude": 51.9175,
        "longitude": 4.4821,
        "source": "Wikipedia (coordinates); European Route of Industrial Heritage (address)",
    },
    "stedelijk-museum-schiedam": {
        "address": "Hoogstraat 112",
        "postcode": "3111 HL",
        "latitude": 51.9161,
        "longitude": 4.39805,
        "source": "museum listing, kunstzolder.be (address, postcode); museum.nl (coordinates)",
    },
    "kasteel-hoensbroek": {
        "address": "Klinkertstraat 118",
        "postcode": "6433 PB",
        "latitude": 50.9166,
        "longitude": 5.91805,
        "source": "Limburg castle register, visitor information (address); museum.nl (coordinates)",
    },
    "het-scheepvaartmuseum": {
        "address": "Kattenburgerplein 1",
        "postcode": "1018 KK",
        "latitude": 52.37167,
        "longitude": 4.91472,
        "source": "Wikipedia (coordinates, address); public venue listing (postcode)",
    },
    "museum-jan-cunen": {
        "address": "Molenstraat 65",
        "postcode": "5341 GC",
        "latitude": 51.7654,
        "longitude": 5.52653,
        "source": "rijksmonumenten.nl, Villa Constance (address, postcode); museum.nl (coordinates)",
    },
}

# What was looked for and not found in a public source, per museum: the page says so (demo data)
# instead of showing an invented fact. A test keeps this list and FACTS in step.


def missing_facts(slug, province):
    """The facts of ``slug`` that the demo does not have (see FACTS)."""
    found = FACTS.get(slug, {})
    missing = []
    if not found.get("address"):
        missing.append("address")
    if not found.get("postcode") and province not in CARIBBEAN_PROVINCES:  # the islands have none
        missing.append("postcode")
    if found.get("latitude") is None:
        missing.append("coordinates")
    return tuple(missing)


# Accessibility sets handed out in turn (demo data).
ACCESSIBILITY_SETS = [
    ["step-free", "accessible-toilet", "wheelchair-loan", "lift", "assistance-dogs", "quiet-hours"],
    ["step-free", "accessible-toilet", "lift", "audio-description", "induction-loop", "subtitled-video"],
    ["step-free", "wheelchair-loan", "seating", "tactile", "large-print", "sensory-map", "ear-defenders"],
    ["accessible-toilet", "assistance-dogs", "sign-language-tours", "quiet-room"],
    [
        "step-free",
        "accessible-toilet",
        "wheelchair-loan",
        "lift",
        "audio-description",
        "tactile",
        "assistance-dogs",
        "induction-loop",
        "quiet-hours",
        "quiet-room",
    ],
    [],
]

# Invented exhibition titles (marked "(demo)" on the site); (title, family friendly, theme slug or "").
EXHIBITION_TITLES = [
    ("Licht in de polder", False, "duurzaam"),
    ("Kijk mij nou!", True, "inclusief"),
    ("Verborgen verhalen", False, "divers"),
    ("Op reis met een koffer", True, ""),
    ("Zilver en zout", False, ""),
    ("Wie was hier eerst?", True, "divers"),
    ("Stof tot nadenken", False, "duurzaam"),
    ("Het atelier", False, ""),
    ("Knutselen met klei", True, ""),
    ("Nieuwe buren", False, "inclusief"),
    ("Tussen eb en vloed", True, "duurzaam"),
    ("Geluid van de stad", False, ""),
    ("Mensen van het water", False, "divers"),
    ("Kleur bekennen", True, "inclusief"),
]
