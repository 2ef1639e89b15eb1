"""English texts of the Museumkaart Q&A demo (``core/demo_en.py`` applies them through
wagtail-localize): per category and question (by slug) the English title, intro or answer (one
text per paragraph or list item, in the Dutch answer's order) and search phrasings."""

import re

from core.demo_en import english_texts

from .demo_data import CATEGORIES

DEMO = "(Demo answer.)"

CATEGORY_TEXTS = {
    "bestellen": (
        "Ordering",
        "Buying a Museumkaart for yourself or someone else: prices, delivery and conditions.",
    ),
    "mijn-museumkaart": (
        "My Museumkaart",
        "Your personal pages: visits, expiry date, details and extra cards.",
    ),
    "de-app": (
        "The Museumkaart app",
        "Your card on your phone: installing, logging in and using it at the desk.",
    ),
    "betalen": ("Paying", "Payment methods, direct debit and paying in instalments."),
    "verlengen": ("Renewing and cancelling", "Automatic renewal, the price of renewing and cancelling."),
    "kwijt-of-gestolen": ("Card lost or stolen", "What to do if your card is lost, stolen or broken."),
    "tijdelijke-kaart": ("Temporary pass", "The temporary pass you get when you buy at a museum's desk."),
    "cadeaukaart": ("Giving a gift", "The Museumkaart as a gift: the gift card and how to redeem it."),
    "museum-bezoeken": (
        "Visiting a museum",
        "Booking, surcharges and what you can do with the card in the museum.",
    ),
    "privacy": ("Privacy", "Which data we keep about your card and your visits, and why."),
    "voor-musea": (
        "For museums and members",
        "Questions from museums and members of the Museum Association about the Museumkaart.",
    ),
}

# slug -> (title, [answer paragraphs and list items], phrasings)
QUESTIONS = {
    "wat-kost-een-museumkaart": (
        "What does a Museumkaart cost?",
        [
            "A Museumkaart costs €75 for adults and €39 for young people under 18. Renewing costs €69.",
            "The card gives you a year of visits to more than 500 museums.",
        ],
        "museumkaart price\nhow expensive is the museumkaart\ncost of a year card\nrate",
    ),
    "hoe-bestel-ik-een-museumkaart": (
        "How do I order a Museumkaart?",
        [
            "Order the card online or buy it at the desk of a participating museum. At the desk you get "
            "a temporary pass you can use straight away."
        ],
        "buy a museumkaart\nget a card\nwhere do I buy a museumkaart",
    ),
    "hoe-lang-duurt-de-levering": (
        "How long does it take before I have my card?",
        [
            "The card is delivered within 5 to 8 working days. If you use the digital card in the app, "
            "you can start sooner."
        ],
        "delivery time\nwhen do I get my card\ndelivery takes long\ncard not received yet",
    ),
    "kan-ik-als-toerist-een-museumkaart-kopen": (
        "Can I buy a Museumkaart as a tourist?",
        [
            "Yes. Ordering online requires a Dutch bank account. If you do not have one, buy the card at "
            "the desk of a participating museum."
        ],
        "foreign bank account\ntourist\nnot living in the netherlands\nabroad",
    ),
    "kinderen-museumkaart": (
        "Do children need their own Museumkaart?",
        ["Yes, every visitor has their own card. For young people under 18 the card costs €39."],
        "children's card\nyouth card\nmuseumkaart for a child\nyoung people",
    ),
    "wat-kan-ik-in-mijn-museumkaart": (
        "What can I do in My Museumkaart?",
        [
            "In My Museumkaart you see:",
            "your recent museum visits;",
            "your card's expiry date;",
            "renew your card;",
            "add family members' cards;",
            "change your address;",
            "ask for a replacement card.",
        ],
        "account\npersonal pages\nlog in\nmy details",
    ),
    "adres-wijzigen": (
        "How do I change my address?",
        [
            "Log in to My Museumkaart and change your address in your details. A new address applies at "
            "once to the next renewal."
        ],
        "moved\nmoving house\nnew address\nchange my details",
    ),
    "waar-zie-ik-de-vervaldatum": (
        "Where can I see how long my card is valid?",
        ["The expiry date is shown in My Museumkaart and in the app with your digital card."],
        "expiry date\nvalidity\nhow long is my card valid\nexpires",
    ),
    "extra-passen-toevoegen": (
        "Can I manage my family's cards in one account?",
        [
            "Yes. Add your family members' cards in My Museumkaart; you then see all cards and expiry "
            "dates together."
        ],
        "family\nadd cards\nrelatives\nseveral cards",
    ),
    "bezoeken-bekijken": (
        "Can I see which museums I have visited?",
        [
            "Yes, your recent visits are listed in My Museumkaart, so you can keep track of where you have been."
        ],
        "visit overview\nmuseum visits\nhistory\npast visits",
    ),
    "digitale-kaart-in-de-app": (
        "Can I use my Museumkaart on my phone?",
        [
            "Yes. The card exists as a plastic card and as a digital card in the Museumkaart app. Have the "
            "digital card scanned at the desk, just like the plastic one."
        ],
        "digital card\nmobile\nsmartphone\nqr code\napp",
    ),
    "app-werkt-zonder-internet": (
        "Does the digital card work without internet?",
        [
            "Open the app once at home while you are online; after that the app shows your card without "
            f"internet too. {DEMO}"
        ],
        "offline\nno signal\nno wifi\nno connection",
    ),
    "nieuwe-telefoon": (
        "I have a new phone. How do I move my card?",
        [
            "Install the app on your new phone and log in with your My Museumkaart details. Your card then "
            f"appears by itself. {DEMO}"
        ],
        "lost my phone\nother phone\nmove card\nreinstall",
    ),
    "app-inloggen-lukt-niet": (
        "I cannot log in to the app. What now?",
        [
            "Check that you use the same e-mail address as in My Museumkaart and ask for a new password "
            f"if needed. {DEMO}"
        ],
        "forgot password\ncannot log in\napp error\napp does not work",
    ),
    "hoe-kan-ik-betalen": (
        "How can I pay?",
        [
            "Online you pay with a Dutch bank account. At a museum's desk you pay the way you usually "
            "do there."
        ],
        "payment method\nideal\ndebit card\ncredit card\nways to pay",
    ),
    "kan-ik-per-maand-betalen": (
        "Can I pay monthly?",
        [
            "In this demo you pay for the Museumkaart per year: €75, or €39 under 18. Paying in monthly "
            "instalments is not possible (yet). Finland does have a museum card paid monthly, the "
            f"Museokortti (€7.45 a month). {DEMO}"
        ],
        "pay monthly\ninstalments\npay in parts\nspread payments\nmonthly subscription",
    ),
    "automatische-incasso": (
        "Is the amount debited automatically?",
        [
            "Yes, the Museumkaart is renewed automatically. The renewal amount (€69) is then debited "
            "from your account."
        ],
        "direct debit\ndebit\nmandate\ndebited automatically",
    ),
    "betaling-mislukt": (
        "My payment failed. Is my card blocked now?",
        [
            "You first get a message asking you to pay after all. Only if the amount does not come in is "
            f"the card stopped. {DEMO}"
        ],
        "reversed payment\npayment returned\nnot paid\narrears",
    ),
    "factuur-aanvragen": (
        "Can I get an invoice?",
        [f"Yes, ask for an invoice in My Museumkaart. {DEMO}"],
        "receipt\nproof of payment\npayment record\ninvoice",
    ),
    "wat-kost-verlengen": (
        "What does renewing my Museumkaart cost?",
        ["Renewing costs €69 a year. That is less than a new adult card (€75)."],
        "renewal price\nprice of renewal\ncost of renewing",
    ),
    "wordt-mijn-kaart-automatisch-verlengd": (
        "Is my card renewed automatically?",
        [
            "Yes. Your card is renewed automatically at the end of the year unless you cancel. You keep "
            "the same card."
        ],
        "automatic renewal\nrenewed tacitly\ndoes my card expire",
    ),
    "museumkaart-opzeggen": (
        "How do I cancel my Museumkaart?",
        [f"Cancel in My Museumkaart before the expiry date. Your card stays valid until that date. {DEMO}"],
        "cancel\nstop\nend\ndo not renew\nterminate",
    ),
    "jongerenkaart-18-jaar": (
        "What happens to my youth card when I turn 18?",
        [f"At the first renewal after your 18th birthday you start paying the adult rate. {DEMO}"],
        "18 years\nadult rate\nyouth card expired",
    ),
    "kaart-kwijt": (
        "I have lost my Museumkaart. What should I do?",
        [
            "Ask for a replacement card in My Museumkaart. Your old card is then blocked so that nobody "
            "else can use it. Meanwhile you can use the digital card in the app."
        ],
        "lost card\ncard lost\nmuseumkaart missing\nreplacement\nnew card",
    ),
    "kaart-gestolen": (
        "My card has been stolen. Can someone else use it?",
        ["Ask for a replacement card in My Museumkaart straight away. That blocks the stolen card."],
        "theft\nwallet stolen\ncard stolen\nblock",
    ),
    "kaart-kapot": (
        "My card is broken or unreadable. What now?",
        [
            "Ask for a replacement card in My Museumkaart. Until it arrives, you can have the digital card "
            "in the app scanned."
        ],
        "damaged\nbroken\ndoes not scan\nbarcode unreadable",
    ),
    "kosten-duplicaat": (
        "Does a new card after a loss cost money?",
        [
            "A small fee may apply to a replacement card; you see the amount when you ask for it in My "
            f"Museumkaart. {DEMO}"
        ],
        "replacement cost\nreplacement card price",
    ),
    "hoe-lang-is-de-tijdelijke-kaart-geldig": (
        "How long is the temporary pass valid?",
        [
            "The temporary pass is valid for 31 days and for at most 5 museum visits. Register it in time "
            "and your Museumkaart will be sent to your home."
        ],
        "temporary card\ntemporary pass validity\n31 days\nprovisional card",
    ),
    "tijdelijke-kaart-registreren": (
        "How do I register my temporary pass?",
        [
            "Register your temporary pass online with the number on the pass. We then send your "
            "Museumkaart within 5 to 8 working days."
        ],
        "registration\nactivate\nconvert temporary pass",
    ),
    "tijdelijke-kaart-vol": (
        "My temporary pass is used up. What now?",
        [
            "After 5 visits or 31 days the temporary pass no longer works. If you have registered it, use "
            "the digital card in the app until the plastic card arrives."
        ],
        "at most 5 visits\ntemporary pass expired\nno longer works",
    ),
    "museumkaart-cadeau-geven": (
        "Can I give a Museumkaart as a present?",
        [
            "Yes. With the gift card you give a code that the recipient redeems. The code is "
            "transferable: you do not need to know the recipient's details."
        ],
        "gift card\ngift voucher\npresent\nbirthday\ngift",
    ),
    "cadeaukaart-verzilveren": (
        "How do I redeem a gift card?",
        [
            "Enter the gift card's code online with your own details. Your Museumkaart is delivered "
            "within 5 to 8 working days."
        ],
        "enter code\ngift code\nactivate present\nredeem",
    ),
    "cadeaukaart-geldigheid": (
        "How long can I redeem a gift card?",
        [
            "The gift card says until when you can redeem the code. The year of your Museumkaart only "
            f"starts when you redeem it. {DEMO}"
        ],
        "gift card expired\nlast date\ngift validity",
    ),
    "cadeau-voor-iemand-met-kaart": (
        "The recipient already has a Museumkaart. What now?",
        [f"Then use the gift code to renew the existing card. {DEMO}"],
        "already has a card\ndouble present\nrenew with a gift",
    ),
    "in-welke-musea-geldig": (
        "In which museums is the Museumkaart valid?",
        [
            "The Museumkaart is valid in more than 500 museums in the Netherlands. On museum.nl you can "
            "see which museums take part and what is on."
        ],
        "participating museums\nlist of museums\nwhere can I go\nwhich museums take part",
    ),
    "moet-ik-reserveren": (
        "Do I have to book a time slot with my Museumkaart?",
        [
            "Some busy museums work with time slots, also for Museumkaart holders. Check the museum's "
            "website before your visit. Booking is then usually free."
        ],
        "time slot\nbooking\nbooking required\nbook a ticket\nbook in advance",
    ),
    "toeslag-tentoonstelling": (
        "Why do I sometimes pay a surcharge?",
        [
            "For some temporary exhibitions a museum asks a surcharge, also with a Museumkaart. The museum "
            "says so with the exhibition."
        ],
        "surcharge\npay extra\nextra charge\nadditional price\nexhibitions",
    ),
    "hoe-vaak-naar-een-museum": (
        "How often may I visit the same museum with my card?",
        [
            "As often as you like. Every visit is scanned; the museum receives at least 55% of its "
            "average admission price per visit."
        ],
        "unlimited\nmore often\nrepeat visit\nsame museum",
    ),
    "kaart-uitlenen": (
        "May I lend my Museumkaart to someone?",
        ["No, the card is personal. Only during Museum Week in April may holders lend their card."],
        "borrow\nshare card\nsomeone else\nmuseum week\nbring a friend",
    ),
    "kaart-vergeten": (
        "I left my card at home. Can I still get in?",
        [
            "Show the digital card in the app. Without a card or the app, the museum charges the normal "
            f"admission price. {DEMO}"
        ],
        "forgot my card\ncard not with me\nleft at home",
    ),
    "welke-gegevens-bewaren-jullie": (
        "Which data is kept when my card is scanned?",
        [
            "Every scan records the visit: which museum and when. That way the museum can be paid and you "
            "can look back on your visits in My Museumkaart."
        ],
        "scan\nvisit data\ngdpr\npersonal data\nrecording visits",
    ),
    "wie-kan-mijn-bezoeken-zien": (
        "Who can see which museums I visit?",
        [
            "You see your visits in My Museumkaart. Museums only get figures, no names. Government bodies "
            "can only ask for data on a legal basis; in 2019 there was a court case by the tax "
            f"authority about visit data. {DEMO}"
        ],
        "tax authority\nsharing data\nthird parties\nwho is watching",
    ),
    "gegevens-laten-verwijderen": (
        "Can I have my data deleted?",
        [
            "Yes. After cancelling your card you can ask for your data to be deleted, except what we are "
            f"required by law to keep. {DEMO}"
        ],
        "right to be forgotten\nerase data\nprivacy request\naccess to data",
    ),
    "feedback-privacy": (
        "What happens to my feedback on these pages?",
        [
            "If you say whether an answer was useful, we keep only the yes or no and any comment you add. "
            "We keep no IP address and no other data about you."
        ],
        "feedback\nwas this useful\ncomment",
    ),
    "museum-aansluiten": (
        "How can our museum join the Museumkaart?",
        [
            "Contact the Museumkaart foundation. Participating museums receive at least 55% of the "
            f"average admission price per visit. {DEMO}"
        ],
        "take part\njoin\nparticipate as a museum\naccepting the museumkaart",
    ),
    "vergoeding-per-bezoek": (
        "How much does a museum receive per Museumkaart visit?",
        [
            "Every visit earns the museum at least 55% of its average admission price. In 2022 museums "
            "received €54 million together."
        ],
        "payment\npayout\nrevenue\nmuseum fee",
    ),
    "museumcijfers-leden": (
        "Where can I find the museum figures?",
        [
            "The Museum Association publishes the museum figures (Museumcijfers) every year. In 2023 there "
            "were 30.9 million museum visits, 9.5 million of them with a Museumkaart."
        ],
        "visitor numbers\nstatistics\nresearch\nnumber of visitors",
    ),
}


def _blocks(html):
    """The texts of an answer's paragraphs and list items, in order (as wagtail-localize splits it)."""
    return [text for _tag, text in re.findall(r"<(p|li)>(.*?)</\1>", html, re.DOTALL)]


def _memory():
    texts = {}
    for category in CATEGORIES:
        if category["slug"] in CATEGORY_TEXTS:
            title, intro = CATEGORY_TEXTS[category["slug"]]
            texts[category["title"]] = title
            texts[category["intro"]] = intro
        for question in category["questions"]:
            if question["slug"] not in QUESTIONS:
                continue
            title, answer, phrasings = QUESTIONS[question["slug"]]
            texts[question["title"]] = title
            dutch = _blocks(question["answer"])
            if len(dutch) == len(answer):
                texts.update(zip(dutch, answer, strict=True))
            if question.get("phrasings"):
                texts[question["phrasings"]] = phrasings
    return texts


english_texts(
    {
        **_memory(),
        "Vragen over de Museumkaart": "Questions about the Museumkaart",
        "Antwoorden op veelgestelde vragen over de Museumkaart.": (
            "Answers to frequently asked questions about the Museumkaart."
        ),
        "Snel antwoord op je vragen over bestellen, betalen, verlengen, de app en je bezoek. (Demo: de "
        "antwoorden zijn voor deze demo geschreven op basis van openbare feiten.)": "Quick answers about "
        "ordering, paying, renewing, the app and your visit. (Demo: the answers were written for this "
        "demo from public facts.)",
    }
)
