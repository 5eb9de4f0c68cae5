"""Demo content of Ljubljana's providers' app: providers that joined through the "Become a
learning provider" form, the spreadsheet one of them sent, its weekly clubs and registrations.

Schedules are relative to the day the demo is loaded: ``weekdays`` (RFC 5545 day codes) for a
club that repeats every week for ``weeks`` weeks from the next such day, leaving out the week
``except_week`` (counted from 0), or ``days`` (days from today) for single sessions."""

# Requests sent through the public form. "approved" ones are approved by the demo (their
# page, staff group, collection, issuer and invitation are created as an editor's approval
# creates them); the last one waits for an editor.
REQUESTS = [
    {
        "organisation": "Mladinski center Moste",
        "contact_name": "Tina Kovač",
        "email": "tina.kovac@mc-moste.example.org",
        "phone": "+386 1 555 01 20",
        "address": "Zaloška cesta 54, 1000 Ljubljana",
        "lat": 46.0537,
        "lng": 14.5358,
        "website": "https://mc-moste.example.org/",
        "offer": (
            "Smo četrtni mladinski center z glasbeno sobo, plesno dvorano in učilnico. Vsak teden "
            "pripravljamo klube in delavnice za mlade od 13 do 25 let: glasbo, ples, debato in "
            "pomoč pri učenju. Naš program vam pošiljamo v preglednici."
        ),
        "interests": ["music", "performing-arts", "entrepreneurship-careers"],
        "approved": True,
    },
    {
        "organisation": "Društvo Kodirnica",
        "contact_name": "Luka Zupan",
        "email": "luka@kodirnica.example.org",
        "phone": "",
        "address": "Tržaška cesta 25, 1000 Ljubljana",
        "lat": 46.0452,
        "lng": 14.4905,
        "website": "https://kodirnica.example.org/",
        "offer": (
            "Prostovoljci z računalniškim znanjem vodimo brezplačne programerske klube za "
            "najstnike: od prvih korakov v Pythonu do izdelave iger in spletnih strani."
        ),
        "interests": ["digital-skills", "science-technology"],
        "approved": True,
    },
    {
        "organisation": "Kolesarska zadruga Rog",
        "contact_name": "Nika Horvat",
        "email": "nika@kolesarska-zadruga.example.org",
        "phone": "",
        "address": "Trubarjeva cesta 72, 1000 Ljubljana",
        "lat": 46.0563,
        "lng": 14.5165,
        "website": "",
        "offer": (
            "V naši delavnici se mladi naučijo popraviti in vzdrževati kolo. Radi bi ponudili "
            "tedenske delavnice popravljanja koles."
        ),
        "interests": ["sports", "nature-environment"],
        "approved": False,
    },
]

# The spreadsheet Mladinski center Moste sent, imported into its page.
SPREADSHEET_PROVIDER = "Mladinski center Moste"
SPREADSHEET = [
    {
        "external_id": "MCM-2027-01",
        "title": "Glasbena delavnica: od prvega akorda do benda",
        "type": "course",
        "summary": "Vsak torek in četrtek igramo skupaj: kitara, bas, bobni in vokal.",
        "description": (
            "V glasbeni sobi centra se naučiš osnov inštrumenta in igranja v skupini. Na koncu "
            "sezone bendi zaigrajo na koncertu v centru. Inštrumente imamo, lahko prineseš "
            "svojega."
        ),
        "interests": ["music"],
        "age_min": 13,
        "age_max": 19,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "schedule": {
            "weekdays": ["TU", "TH"],
            "start_time": "16:00",
            "duration_minutes": 90,
            "weeks": 14,
            "except_week": 3,
        },
        "capacity": 10,
        "registration": {
            "waiting_list": True,
            "questions": [
                {
                    "type": "choice",
                    "label": "Kateri inštrument te zanima?",
                    "choices": ["kitara", "bas", "bobni", "vokal", "še ne vem"],
                    "required": True,
                },
                {
                    "type": "text",
                    "label": "Imaš že izkušnje z igranjem v skupini?",
                    "required": False,
                },
            ],
        },
        "registrations": 12,
    },
    {
        "external_id": "MCM-2027-02",
        "title": "Ulični ples za začetnike",
        "type": "course",
        "summary": "Hip hop in breaking ob petkih popoldne, brez predznanja.",
        "description": (
            "Plesni trener te vsak petek nauči osnovnih korakov hip hopa in breakinga. Pridi v "
            "udobnih oblačilih in športnih copatih."
        ),
        "interests": ["performing-arts", "sports"],
        "age_min": 13,
        "age_max": 21,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "schedule": {
            "weekdays": ["FR"],
            "start_time": "17:00",
            "duration_minutes": 75,
            "weeks": 12,
        },
        "capacity": 16,
        "registration": {"waiting_list": True, "questions": []},
        "registrations": 5,
    },
    {
        "external_id": "MCM-2027-03",
        "title": "Debatni klub Moste",
        "type": "course",
        "summary": "Vsako sredo se pripravimo na debato in se naučimo argumentirati.",
        "description": (
            "Debatni klub te nauči pripraviti argumente, poslušati nasprotno stran in nastopati "
            "pred ljudmi. Sodelujemo na mladinskih debatnih turnirjih."
        ),
        "interests": ["entrepreneurship-careers", "languages"],
        "age_min": 14,
        "age_max": 19,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "schedule": {
            "weekdays": ["WE"],
            "start_time": "18:00",
            "duration_minutes": 90,
            "weeks": 10,
        },
        "capacity": None,
        "registration": None,
        "registrations": 0,
    },
    {
        "external_id": "MCM-2027-04",
        "title": "Učna pomoč: matematika in fizika",
        "type": "course",
        "summary": "Prostovoljci študenti ti ob ponedeljkih in sredah pomagajo pri učenju.",
        "description": (
            "Prinesi zvezek in vprašanja. Študenti prostovoljci ti razložijo snov in ti "
            "pomagajo pri pripravi na teste."
        ),
        "interests": ["science-technology"],
        "age_min": 13,
        "age_max": 19,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "schedule": {
            "weekdays": ["MO", "WE"],
            "start_time": "15:00",
            "duration_minutes": 90,
            "weeks": 12,
        },
        "capacity": None,
        "registration": None,
        "registrations": 0,
    },
    {
        "external_id": "MCM-2027-05",
        "title": "Delavnica snemanja podkastov",
        "type": "event",
        "summary": "Dve popoldnevi: od ideje do prve epizode podkasta.",
        "description": (
            "Naučiš se pripraviti scenarij, snemati z mikrofonom in urediti zvok. Prvo epizodo "
            "objavimo na spletni strani centra."
        ),
        "interests": ["music", "entrepreneurship-careers"],
        "age_min": 15,
        "age_max": 25,
        "price": "5 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "schedule": {"days": [9, 10], "start_time": "15:00", "duration_minutes": 180},
        "capacity": 8,
        "registration": {"waiting_list": False, "questions": []},
        "registrations": 3,
    },
]

# Learners who register for the opportunities above (the demo learner is one of them).
REGISTRANTS = [
    ("Ana", 2009),
    ("Jan", 2008),
    ("Eva", 2010),
    ("Nejc", 2007),
    ("Sara", 2009),
    ("Žan", 2011),
    ("Lara", 2006),
    ("Tim", 2008),
    ("Zala", 2010),
    ("Gal", 2009),
    ("Ema", 2008),
    ("Miha", 2007),
    ("Pia", 2012),
]
