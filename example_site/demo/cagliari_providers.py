"""Demo content of Cagliari's providers' app: providers that joined through the "Become a
learning provider" form, the spreadsheet one of them sent, its weekly clubs and registrations.

The schedules are read as in ``ljubljana_providers``."""

REQUESTS = [
    {
        "organisation": "Centro di aggregazione giovanile Marina",
        "contact_name": "Francesca Melis",
        "email": "francesca.melis@cag-marina.example.org",
        "phone": "+39 070 555 0142",
        "address": "Via Roma 120, 09124 Cagliari",
        "lat": 39.2160,
        "lng": 9.1128,
        "website": "https://cag-marina.example.org/",
        "offer": (
            "Siamo un centro di aggregazione giovanile nel quartiere Marina. Ogni settimana "
            "organizziamo laboratori di teatro, fumetto, musica e sostegno allo studio per "
            "ragazze e ragazzi dai 13 ai 25 anni. Vi inviamo il nostro programma in un foglio "
            "di calcolo."
        ),
        "interests": ["performing-arts", "arts", "music"],
        "approved": True,
    },
    {
        "organisation": "Laboratorio digitale Is Mirrionis",
        "contact_name": "Marco Piras",
        "email": "marco.piras@labdigitale.example.org",
        "phone": "",
        "address": "Via Is Mirrionis 50, 09121 Cagliari",
        "lat": 39.2308,
        "lng": 9.1046,
        "website": "https://labdigitale.example.org/",
        "offer": (
            "Volontari e professionisti del digitale guidano club gratuiti di programmazione, "
            "robotica e videomaking per adolescenti."
        ),
        "interests": ["digital-skills", "science-technology"],
        "approved": True,
    },
    {
        "organisation": "Vela solidale Poetto",
        "contact_name": "Giorgia Cocco",
        "email": "giorgia@velasolidale.example.org",
        "phone": "",
        "address": "Viale Poetto 28, 09126 Cagliari",
        "lat": 39.2109,
        "lng": 9.1487,
        "website": "",
        "offer": (
            "Vorremmo proporre corsi di vela e di educazione ambientale al Poetto per ragazzi "
            "dai 14 anni."
        ),
        "interests": ["sports", "nature-environment"],
        "approved": False,
    },
]

SPREADSHEET_PROVIDER = "Centro di aggregazione giovanile Marina"
SPREADSHEET = [
    {
        "external_id": "CAG-2027-01",
        "title": "Laboratorio di teatro: scena aperta",
        "type": "course",
        "summary": "Ogni martedì e giovedì improvvisazione, voce e corpo, fino allo spettacolo.",
        "description": (
            "Un laboratorio per scoprire il palcoscenico: esercizi di improvvisazione, uso della "
            "voce e del corpo, scrittura collettiva. A fine corso lo spettacolo nel cortile del "
            "centro."
        ),
        "interests": ["performing-arts"],
        "age_min": 14,
        "age_max": 20,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "schedule": {
            "weekdays": ["TU", "TH"],
            "start_time": "16:30",
            "duration_minutes": 90,
            "weeks": 14,
            "except_week": 3,
        },
        "capacity": 12,
        "registration": {
            "waiting_list": True,
            "questions": [
                {
                    "type": "choice",
                    "label": "Hai già fatto teatro?",
                    "choices": ["mai", "un po' a scuola", "sì, in una compagnia"],
                    "required": True,
                },
                {"type": "text", "label": "C'è qualcosa che vuoi dirci?", "required": False},
            ],
        },
        "registrations": 14,
    },
    {
        "external_id": "CAG-2027-02",
        "title": "Fumetto e illustrazione",
        "type": "course",
        "summary": "Il lunedì pomeriggio dalla prima idea alla tavola a colori.",
        "description": (
            "Con un'illustratrice impari a costruire personaggi, inquadrature e storie brevi. "
            "Il materiale è fornito dal centro."
        ),
        "interests": ["arts"],
        "age_min": 13,
        "age_max": 19,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "schedule": {
            "weekdays": ["MO"],
            "start_time": "17:00",
            "duration_minutes": 90,
            "weeks": 10,
        },
        "capacity": 15,
        "registration": {"waiting_list": True, "questions": []},
        "registrations": 6,
    },
    {
        "external_id": "CAG-2027-03",
        "title": "Doposcuola: matematica e inglese",
        "type": "course",
        "summary": "Il mercoledì e il venerdì studenti universitari ti aiutano con i compiti.",
        "description": (
            "Porta i compiti e le domande: volontari universitari ti spiegano gli argomenti e ti "
            "aiutano a prepararti alle verifiche."
        ),
        "interests": ["languages", "science-technology"],
        "age_min": 13,
        "age_max": 18,
        "price": "",
        "languages": ["it", "en"],
        "mode": "in_person",
        "schedule": {
            "weekdays": ["WE", "FR"],
            "start_time": "15:00",
            "duration_minutes": 120,
            "weeks": 12,
        },
        "capacity": None,
        "registration": None,
        "registrations": 0,
    },
    {
        "external_id": "CAG-2027-04",
        "title": "Band del centro",
        "type": "course",
        "summary": "Il giovedì sera si suona insieme: chitarra, basso, batteria e voce.",
        "description": (
            "Nella sala prove del centro formiamo band di ragazze e ragazzi e prepariamo un "
            "concerto di fine stagione. Gli strumenti ci sono, puoi portare il tuo."
        ),
        "interests": ["music"],
        "age_min": 15,
        "age_max": 25,
        "price": "10 EUR al mese",
        "languages": ["it"],
        "mode": "in_person",
        "schedule": {
            "weekdays": ["TH"],
            "start_time": "19:00",
            "duration_minutes": 120,
            "weeks": 12,
        },
        "capacity": None,
        "registration": None,
        "registrations": 0,
    },
    {
        "external_id": "CAG-2027-05",
        "title": "Podcast in un weekend",
        "type": "event",
        "summary": "Sabato e domenica: dall'idea alla prima puntata del tuo podcast.",
        "description": (
            "Impari a scrivere la scaletta, registrare con il microfono e montare l'audio. La "
            "prima puntata va online sul sito del centro."
        ),
        "interests": ["music", "digital-skills"],
        "age_min": 15,
        "age_max": 25,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "schedule": {"days": [11, 12], "start_time": "10:00", "duration_minutes": 240},
        "capacity": 8,
        "registration": {"waiting_list": False, "questions": []},
        "registrations": 4,
    },
]

REGISTRANTS = [
    ("Sofia", 2009),
    ("Luca", 2008),
    ("Giulia", 2010),
    ("Matteo", 2007),
    ("Alice", 2009),
    ("Davide", 2011),
    ("Martina", 2006),
    ("Andrea", 2008),
    ("Chiara", 2010),
    ("Simone", 2009),
    ("Elena", 2008),
    ("Nicola", 2007),
    ("Aurora", 2012),
    ("Pietro", 2009),
    ("Irene", 2008),
]
