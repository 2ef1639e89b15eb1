"""The Museumkaart Q&A in Papiamentu: the start page, every category and every question, as
real translations of the Dutch demo (``demo_data``).

The texts are FIRST DRAFTS written for this demo, awaiting review by a native speaker: the
admin says so on every page (``core.reviews``) until an editor marks it as reviewed. Facts and
prices are those of the Dutch answers. A question this module does not know keeps its alias
(the Dutch page, marked as Dutch).
"""

from django.utils.text import slugify

from core.seeding import seed_step

from .demo_data.html import p, ul
from .models import QACategoryPage, QAIndexPage, QuestionPage

DEMO = "(Kontesta di demostrashon.)"

INDEX = {
    "title": "Preguntanan tokante e Museumkaart",
    "slug": "preguntanan",
    "intro": "Kontesta lihé riba bo preguntanan tokante ordená, paga, renobá, e app i bo bishita. "
    "(Demo: e kontestanan a wòrdu skirbí pa e demo aki riba base di fakto públiko.)",
    "listing_summary": "Kontesta riba preguntanan frekuente tokante e Museumkaart.",
}

# Dutch slug: (slug, title, intro); slugs are written as the words are and made ASCII on load.
CATEGORIES = {
    "bestellen": (
        "ordená",
        "Ordená",
        "Kumpra un Museumkaart pa bo mes òf pa un otro hende: preis, entrega i kondishon.",
    ),
    "mijn-museumkaart": (
        "mi-museumkaart",
        "Mi Museumkaart",
        "Bo ambiente personal: bishitanan, fecha di vensementu, datonan i karchinan ekstra.",
    ),
    "de-app": ("e-app", "E app di Museumkaart", "Bo karchi riba bo telefòn: instalá, drenta i usa na kashi."),
    "betalen": ("paga", "Paga", "Manera di paga, koblo outomátiko i paga na plaso."),
    "verlengen": (
        "renobá-i-kansela",
        "Renobá i kansela",
        "Renobashon outomátiko, e preis di renobá i kansela.",
    ),
    "kwijt-of-gestolen": (
        "pèrdí-òf-hòrtá",
        "Karchi pèrdí òf hòrtá",
        "Kiko hasi si bo karchi a pèrdè, nan a hòrt'é òf e ta kibrá.",
    ),
    "tijdelijke-kaart": (
        "karchi-temporal",
        "Karchi temporal",
        "E karchi temporal ku bo ta haña ora bo kumpra na kashi di un museo.",
    ),
    "cadeaukaart": (
        "regalo",
        "Duna un regalo",
        "E Museumkaart komo regalo: e karchi di regalo i kon pa kambi'é.",
    ),
    "museum-bezoeken": (
        "bishitá-un-museo",
        "Bishitá un museo",
        "Reservashon, suplemento i kiko bo por hasi ku e karchi den museo.",
    ),
    "privacy": ("privasidat", "Privasidat", "Ki datonan nos ta warda di bo karchi i bo bishitanan, i dikon."),
    "voor-musea": (
        "pa-museo-i-miembro",
        "Pa museo i miembro",
        "Preguntanan di museo i miembro di e Museumvereniging tokante e Museumkaart.",
    ),
}

# Dutch slug: (slug, title, answer[, phrasings])
QUESTIONS = {
    "wat-kost-een-museumkaart": (
        "kuantu-un-museumkaart-ta-kosta",
        "Kuantu un Museumkaart ta kosta?",
        p(
            "Un Museumkaart ta kosta €75 pa adulto i €39 pa hóben ménos ku 18 aña. Renobá ta kosta €69.",
            "Ku e karchi bo ta bishitá mas ku 500 museo durante un aña.",
        ),
        "preis museumkaart\nkuantu e ta kosta\nkosto\ntarifa",
    ),
    "hoe-bestel-ik-een-museumkaart": (
        "kon-mi-ta-ordená-un-museumkaart",
        "Kon mi ta ordená un Museumkaart?",
        p(
            "Ordená e karchi online òf kumpr'é na kashi di un museo ku ta partisipá. "
            "Na kashi bo ta haña un karchi temporal mesora, ku bo por drenta di biaha."
        ),
        "kumpra museumkaart\nunda mi ta kumpra un museumkaart",
    ),
    "hoe-lang-duurt-de-levering": (
        "kuantu-tempu-e-entrega-ta-tuma",
        "Kuantu tempu e ta tuma promé ku mi tin mi karchi?",
        p(
            "Nan ta entregá e karchi den 5 pa 8 dia di trabou. "
            "Si bo ta usa e karchi digital den e app, bo por kuminsá mas lihé."
        ),
        "entrega\nki ora mi ta haña mi karchi\nno a risibí karchi",
    ),
    "kan-ik-als-toerist-een-museumkaart-kopen": (
        "turista-por-kumpra-museumkaart",
        "Komo turista, mi por kumpra un Museumkaart?",
        p(
            "Si. Pa ordená online bo mester tin un kuenta di banko hulandes. Si bo no tin esei, "
            "kumpra e karchi na kashi di un museo ku ta partisipá."
        ),
        "turista\nkuenta di banko di eksterior\nno ta biba na Hulanda",
    ),
    "kinderen-museumkaart": (
        "muchanan-museumkaart",
        "Muchanan mester tin nan mes Museumkaart?",
        p("Si, kada bishitante mester tin su mes karchi. Pa hóben ménos ku 18 aña e karchi ta kosta €39."),
        "karchi pa mucha\nhóben\nmucha",
    ),
    "wat-kan-ik-in-mijn-museumkaart": (
        "kiko-mi-por-hasi-den-mi-museumkaart",
        "Kiko mi por hasi den Mi Museumkaart?",
        p("Den Mi Museumkaart bo ta mira:")
        + ul(
            "bo bishitanan resien na museo;",
            "e fecha di vensementu di bo karchi;",
            "renobá bo karchi;",
            "agregá karchi di miembronan di bo famia;",
            "kambia bo adrès;",
            "pidi un duplikado.",
        ),
        "kuenta\nambiente personal\nmi datonan",
    ),
    "adres-wijzigen": (
        "kambia-adrès",
        "Kon mi ta kambia mi adrès?",
        p(
            "Drenta Mi Museumkaart i kambia bo adrès bou di bo datonan. "
            "Un adrès nobo ta konta mesora pa e siguiente renobashon."
        ),
        "muda\nadrès nobo\nkambia datonan",
    ),
    "waar-zie-ik-de-vervaldatum": (
        "unda-mi-ta-mira-e-fecha-di-vensementu",
        "Unda mi ta mira te ki dia mi karchi ta bálido?",
        p("E fecha di vensementu ta den Mi Museumkaart i den e app serka bo karchi digital."),
        "fecha di vensementu\nbálido te ki dia",
    ),
    "extra-passen-toevoegen": (
        "karchinan-di-famia",
        "Mi por maneha e karchinan di mi famia den un kuenta?",
        p(
            "Si. Agregá e karchinan di miembronan di bo famia den Mi Museumkaart; "
            "asina bo ta mira tur karchi i nan fecha di vensementu huntu."
        ),
        "famia\nagregá karchi\nvários karchi",
    ),
    "bezoeken-bekijken": (
        "mira-mi-bishitanan",
        "Mi por mira ki museo mi a bishitá?",
        p("Si, bo bishitanan resien ta den Mi Museumkaart. Asina bo sa unda bo a bai kaba."),
        "bishitanan\nhistoria di bishita",
    ),
    "digitale-kaart-in-de-app": (
        "karchi-digital-den-e-app",
        "Mi por usa mi Museumkaart riba mi telefòn?",
        p(
            "Si. E karchi ta eksistí komo karchi di plèstik i komo karchi digital den e app di Museumkaart. "
            "Laga nan skan e karchi digital na kashi, meskos ku e karchi di plèstik."
        ),
        "karchi digital\ntelefòn\nselular\nkódigo QR\napp",
    ),
    "app-werkt-zonder-internet": (
        "e-app-ta-traha-sin-internet",
        "E karchi digital ta traha tambe sin internet?",
        p(
            "Habri e app un biaha na kas miéntras bo tin konekshon; despues e app ta mustra bo karchi "
            "tambe sin internet. " + DEMO
        ),
        "offline\nsin konekshon\nsin wifi",
    ),
    "nieuwe-telefoon": (
        "telefòn-nobo",
        "Mi tin un telefòn nobo. Kon mi ta pasa mi karchi?",
        p(
            "Instalá e app riba bo telefòn nobo i drenta ku bo datonan di Mi Museumkaart. "
            "Bo karchi ta aparesé e so. " + DEMO
        ),
        "otro telefòn\npasa karchi\ninstalá di nobo",
    ),
    "app-inloggen-lukt-niet": (
        "no-por-drenta-den-e-app",
        "Mi no por drenta den e app. Kiko awor?",
        p(
            "Kontrolá si bo ta usa e mesun adrès di e-mail ku den Mi Museumkaart i, si ta nesesario, "
            "pidi un kontraseña nobo. " + DEMO
        ),
        "lubidá kontraseña\nno por drenta\nfout den app",
    ),
    "hoe-kan-ik-betalen": (
        "kon-mi-por-paga",
        "Kon mi por paga?",
        p(
            "Online bo ta paga ku un kuenta di banko hulandes. Na kashi di un museo "
            "bo ta paga manera bo ta kustumbrá einan."
        ),
        "manera di paga\nideal\npin\nkarchi di krédito",
    ),
    "kan-ik-per-maand-betalen": (
        "mi-por-paga-pa-luna",
        "Mi por paga pa luna?",
        p(
            "Den e demo aki bo ta paga e Museumkaart pa aña: €75, òf €39 te 18 aña. "
            "Paga na plaso pa luna no ta posibel (ainda). Na Finlandia sí tin un karchi di museo "
            "ku pago pa luna, e Museokortti (€7,45 pa luna). " + DEMO
        ),
        "paga pa luna\nplaso\nsuskripshon pa luna",
    ),
    "automatische-incasso": (
        "koblo-outomátiko",
        "Nan ta kobra outomátikamente?",
        p(
            "Si, e Museumkaart ta renobá outomátikamente. E suma di e renobashon (€69) "
            "ta wòrdu kobrá for di bo kuenta."
        ),
        "koblo\nkobransa outomátiko\nautorisashon",
    ),
    "betaling-mislukt": (
        "pago-a-fa",
        "Mi pago a fa. Mi karchi ta blokiá awor?",
        p(
            "Promé bo ta haña un mensahe pa paga ainda. Solamente si e suma no drenta, "
            "nan ta stop e karchi. " + DEMO
        ),
        "pago bèk\nno a paga\natraso",
    ),
    "factuur-aanvragen": (
        "pidi-un-faktura",
        "Mi por haña un faktura?",
        p("Si, pidi un faktura via Mi Museumkaart. " + DEMO),
        "resibu\nprueba di pago",
    ),
    "wat-kost-verlengen": (
        "kuantu-renobá-ta-kosta",
        "Kuantu renobá mi Museumkaart ta kosta?",
        p("Renobá ta kosta €69 pa aña. Esei ta ménos ku un karchi nobo pa adulto (€75)."),
        "preis di renobashon\nkosto di renobá",
    ),
    "wordt-mijn-kaart-automatisch-verlengd": (
        "mi-karchi-ta-renobá-outomátikamente",
        "Mi karchi ta renobá outomátikamente?",
        p(
            "Si. Na fin di e aña bo karchi ta renobá outomátikamente, a ménos ku bo kansel'é. "
            "Bo ta keda ku e mesun karchi."
        ),
        "renobashon outomátiko\nmi karchi ta vense",
    ),
    "museumkaart-opzeggen": (
        "kansela-museumkaart",
        "Kon mi ta kansela mi Museumkaart?",
        p(
            "Kansel'é via Mi Museumkaart, promé ku e fecha di vensementu. Bo karchi ta keda bálido te e fecha ei. "
            + DEMO
        ),
        "kansela\nstop\nno renobá",
    ),
    "jongerenkaart-18-jaar": (
        "karchi-di-hóben-18-aña",
        "Kiko ta pasa ku mi karchi di hóben ora mi kumpli 18 aña?",
        p("Na e promé renobashon despues di bo di 18 aña bo ta kuminsá paga e tarifa di adulto. " + DEMO),
        "18 aña\ntarifa di adulto",
    ),
    "kaart-kwijt": (
        "karchi-pèrdí",
        "Mi a pèrdè mi Museumkaart. Kiko mi mester hasi?",
        p(
            "Pidi un duplikado den Mi Museumkaart. Nan ta blokiá bo karchi bieu, pa ningun otro hende "
            "no por us'é. Miéntras tantu bo por usa e karchi digital den e app."
        ),
        "karchi pèrdí\npèrdè mi karchi\nduplikado",
    ),
    "kaart-gestolen": (
        "karchi-hòrtá",
        "Nan a hòrta mi karchi. Un otro hende por us'é?",
        p("Pidi un duplikado mesora den Mi Museumkaart. Ku esei nan ta blokiá e karchi hòrtá."),
        "hòrtamentu\nsaku di plaka hòrtá\nblokiá",
    ),
    "kaart-kapot": (
        "karchi-kibrá",
        "Mi karchi ta kibrá òf no ta lesabel. Kiko awor?",
        p(
            "Pidi un duplikado den Mi Museumkaart. Te ora e yega, bo por laga nan skan "
            "e karchi digital den e app."
        ),
        "dañá\nkibrá\nno ta skan",
    ),
    "kosten-duplicaat": (
        "kosto-duplikado",
        "Un karchi nobo despues di pèrdè e otro ta kosta plaka?",
        p(
            "Por tin un kosto chikitu pa un duplikado; bo ta mira e suma ora bo pidi e den "
            "Mi Museumkaart. " + DEMO
        ),
        "kosto duplikado\npreis karchi nobo",
    ),
    "hoe-lang-is-de-tijdelijke-kaart-geldig": (
        "kuantu-tempu-e-karchi-temporal-ta-bálido",
        "Kuantu tempu e karchi temporal ta bálido?",
        p(
            "E karchi temporal ta bálido pa 31 dia i ku n'e bo por hasi maksimo 5 bishita na museo. "
            "Registrá e karchi na tempu, anto bo ta haña bo Museumkaart definitivo na kas."
        ),
        "karchi temporal\n31 dia\nbálido",
    ),
    "tijdelijke-kaart-registreren": (
        "registrá-karchi-temporal",
        "Kon mi ta registrá mi karchi temporal?",
        p(
            "Registrá bo karchi temporal online ku e number riba e karchi. Despues nos ta manda bo "
            "karchi definitivo den 5 pa 8 dia di trabou."
        ),
        "registrashon\naktivá",
    ),
    "tijdelijke-kaart-vol": (
        "karchi-temporal-ta-yen",
        "Mi karchi temporal ta yen. Kiko awor?",
        p(
            "Despues di 5 bishita òf 31 dia e karchi temporal no ta traha mas. Si bo a registr'é, "
            "usa e karchi digital den e app te ora e karchi di plèstik yega."
        ),
        "maksimo 5 bishita\nkarchi temporal a vense",
    ),
    "museumkaart-cadeau-geven": (
        "duna-museumkaart-komo-regalo",
        "Mi por duna un Museumkaart komo regalo?",
        p(
            "Si. Ku e karchi di regalo bo ta duna un kódigo ku e persona ta kambia e mes. "
            "Bo por pasa e kódigo pa otro hende: bo no mester sa e datonan di e persona."
        ),
        "karchi di regalo\nregalo\ncumpleaño",
    ),
    "cadeaukaart-verzilveren": (
        "kambia-karchi-di-regalo",
        "Kon mi ta kambia un karchi di regalo?",
        p(
            "Yena e kódigo di e karchi di regalo online ku bo mes datonan. "
            "Nan ta entregá bo Museumkaart den 5 pa 8 dia di trabou."
        ),
        "yena kódigo\nkódigo di regalo\naktivá regalo",
    ),
    "cadeaukaart-geldigheid": (
        "karchi-di-regalo-bálido",
        "Te ki dia mi por kambia un karchi di regalo?",
        p(
            "Riba e karchi di regalo ta para te ki dia bo por kambia e kódigo. E aña di bo "
            "Museumkaart ta kuminsá solamente ora bo kambi'é. " + DEMO
        ),
        "karchi di regalo a vense\núltimo fecha",
    ),
    "cadeau-voor-iemand-met-kaart": (
        "regalo-pa-hende-ku-karchi",
        "E persona tin un Museumkaart kaba. Kiko awor?",
        p("Usa e kódigo di regalo anto pa renobá e karchi ku e tin. " + DEMO),
        "tin karchi kaba\nrenobá ku regalo",
    ),
    "in-welke-musea-geldig": (
        "den-ki-museo-e-ta-bálido",
        "Den ki museo e Museumkaart ta bálido?",
        p(
            "E Museumkaart ta bálido den mas ku 500 museo na Hulanda. "
            "Riba museum.nl bo ta mira ki museo ta partisipá i kiko tin pa mira."
        ),
        "museonan ku ta partisipá\nlista di museo\nunda mi por bai",
    ),
    "moet-ik-reserveren": (
        "mi-mester-reservá",
        "Mi mester reservá un tempu ku mi Museumkaart?",
        p(
            "Algun museo hopi bishitá ta traha ku tempunan reservá, tambe pa doñonan di Museumkaart. "
            "Mira e website di e museo promé ku bo bishita. Reservá ta generalmente gratis."
        ),
        "reservashon\nreservá\nbuki tiket",
    ),
    "toeslag-tentoonstelling": (
        "dikon-mi-ta-paga-suplemento",
        "Dikon mi ta paga un suplemento tin biaha?",
        p(
            "Pa algun eksposishon temporal un museo ta pidi un suplemento, tambe ku "
            "Museumkaart. E museo ta menshon'é serka e eksposishon."
        ),
        "suplemento\npaga ekstra\neksposishon",
    ),
    "hoe-vaak-naar-een-museum": (
        "kuantu-biaha-na-un-museo",
        "Kuantu biaha mi por bai na e mesun museo ku mi karchi?",
        p(
            "Tantu biaha ku bo ke. Nan ta skan kada bishita; e museo ta risibí pa kada bishita "
            "un kompensashon di por lo ménos 55% di e preis di djentrada promedio."
        ),
        "sin límite\nbishitá atrobe\ne mesun museo",
    ),
    "kaart-uitlenen": (
        "fia-mi-karchi",
        "Mi por fia mi Museumkaart na otro hende?",
        p(
            "Nò, e karchi ta personal. Solamente durante e Museumweek na aprel doñonan por fia "
            "nan karchi na otro hende."
        ),
        "fia\nkompartí karchi\nMuseumweek",
    ),
    "kaart-vergeten": (
        "lubidá-karchi",
        "Mi a laga mi karchi na kas. Mi por drenta tòg?",
        p(
            "Mustra e karchi digital den e app. Sin karchi òf app e museo ta pidi e preis "
            "di djentrada normal. " + DEMO
        ),
        "lubidá karchi\nno tin karchi serka mi",
    ),
    "welke-gegevens-bewaren-jullie": (
        "ki-datonan-boso-ta-warda",
        "Ki datonan nan ta warda ora nan skan mi karchi?",
        p(
            "Na kada skan nan ta registrá e bishita: ki museo i ki ora. Asina e museo por haña "
            "un kompensashon i abo ta mira bo bishitanan atrobe den Mi Museumkaart."
        ),
        "skan\ndatonan di bishita\ndatonan personal",
    ),
    "wie-kan-mijn-bezoeken-zien": (
        "ken-por-mira-mi-bishitanan",
        "Ken por mira ki museo mi ta bishitá?",
        p(
            "Abo ta mira bo bishitanan den Mi Museumkaart. Museonan ta haña solamente sifra, no nòmber. "
            "Instansianan di gobièrnu por pidi datonan solamente riba base di lei; na 2019 tabatin "
            "un kaso hudisial di e Belastingdienst tokante datonan di bishita. " + DEMO
        ),
        "belastingdienst\nkompartí datonan\nterser",
    ),
    "gegevens-laten-verwijderen": (
        "eliminá-mi-datonan",
        "Mi por laga eliminá mi datonan?",
        p(
            "Si. Despues ku bo kansela bo karchi bo por pidi pa eliminá bo datonan, fuera di loke "
            "nos mester warda pa lei. " + DEMO
        ),
        "eliminá datonan\npetishon di privasidat",
    ),
    "feedback-privacy": (
        "bo-opinion-i-privasidat",
        "Kiko ta pasa ku mi opinion riba e páginanan aki?",
        p(
            "Si bo indiká si un kontesta a yuda bo, nos ta warda solamente si òf nò i bo komentario "
            "si bo a duna esei. Nos no ta warda adrès IP ni otro dato di bo."
        ),
        "opinion\ne kontesta a yuda",
    ),
    "museum-aansluiten": (
        "museo-partisipá",
        "Kon nos museo por partisipá den e Museumkaart?",
        p(
            "Tuma kontakto ku Stichting Museumkaart. Museonan ku ta partisipá ta risibí pa kada bishita "
            "un kompensashon di por lo ménos 55% di e preis di djentrada promedio. " + DEMO
        ),
        "partisipá\nmuseo\naseptá museumkaart",
    ),
    "vergoeding-per-bezoek": (
        "kompensashon-pa-bishita",
        "Kuantu un museo ta risibí pa kada bishita ku Museumkaart?",
        p(
            "Kada bishita ta produsí pa e museo por lo ménos 55% di su preis di djentrada promedio. "
            "Na 2022 museonan huntu a risibí €54 mion."
        ),
        "kompensashon museo\nentrada",
    ),
    "museumcijfers-leden": (
        "unda-mi-ta-haña-e-museumcijfers",
        "Unda mi ta haña e Museumcijfers?",
        p(
            "E Museumvereniging ta publiká e Museumcijfers tur aña. Na 2023 tabatin 30,9 mion "
            "bishita na museo, di kual 9,5 mion ku e Museumkaart."
        ),
        "sifra di bishita\nstatistika\nkantidat di bishitante",
    ),
}


@seed_step(kind="demo", order=75, label="questions and answers in Papiamentu")
def load(ctx):
    nl = ctx.locale("nl")
    index = QAIndexPage.objects.filter(locale=nl).first()
    if index is None:
        ctx.log("    no Q&A: nothing to translate")
        return
    ctx.translate(index, "pap", **INDEX)
    categories = QACategoryPage.objects.child_of(index).order_by("path")
    for category in ctx.progress(categories, "Q&A categories in Papiamentu"):
        if category.slug in CATEGORIES:
            slug, title, intro = CATEGORIES[category.slug]
            ctx.translate(
                category, "pap", slug=slugify(slug), title=title, intro=intro, listing_summary=intro
            )
        for question in QuestionPage.objects.child_of(category).order_by("path"):
            if question.slug not in QUESTIONS:
                continue  # a question this module does not know stays an alias (shown in Dutch)
            slug, title, answer, phrasings = QUESTIONS[question.slug]
            ctx.translate(
                question,
                "pap",
                slug=slugify(slug),
                title=title,
                answer=answer,
                alternative_phrasings=phrasings,
            )
