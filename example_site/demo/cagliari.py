"""Demo content for Cagliari (Italian): city settings, providers and opportunities."""

CITY = {
    "name": "Cagliari",
    "language": "it",
    "timezone": "Europe/Rome",
    "centre": (39.2238, 9.1217),
    "zoom": 13,
    # GDPR article 8: the age from which young people consent themselves in this country.
    "age_of_digital_consent": 14,
    "contact_email": "citta-che-impara@example.org",
    "home_title": "Cagliari Città dell'apprendimento",
    "home_intro": (
        "Benvenuti a Cagliari Città dell'apprendimento! Scopri corsi, laboratori, volontariato e "
        "tirocini che biblioteche, musei, teatri, università e associazioni offrono ai giovani dai "
        "13 ai 29 anni in tutta la città."
    ),
    "providers_title": "Organizzazioni",
    "providers_intro": (
        "Conosci le realtà che a Cagliari creano occasioni per imparare fuori dai banchi di scuola."
    ),
    "map_title": "Mappa delle opportunità",
    "map_intro": "Scopri cosa succede vicino a te: scegli interessi, età e periodo, poi esplora le opportunità nell’elenco o sulla mappa.",
}


# The home page's landing blocks. The hero's heading is the page title.
LANDING = {
    "hero_intro": (
        "Corsi, laboratori, volontariato e tirocini per ragazze e ragazzi dai 13 ai 29 anni in "
        "tutta Cagliari. Cerca quello che ti interessa o segui un percorso e ottieni un badge."
    ),
    "playlists_heading": "Percorsi per cominciare",
    "upcoming_heading": "Questa settimana a Cagliari",
    "interests_heading": "Esplora per interesse",
}

# The cards' pictures: abstract illustrations, described as such (they are the alt text).
ILLUSTRATIONS = {
    "collection": "Illustrazioni – Cagliari Città dell'apprendimento",
    "opportunity": (
        "Illustrazione di un'opportunità: {interest}",
        "Illustrazione astratta nel colore dell'area {interest}: cerchi sovrapposti su una "
        "sfumatura di colore.",
    ),
    "provider": (
        "Illustrazione di un ente: {interest}",
        "Illustrazione astratta nel colore dell'area {interest}: rettangoli con finestre come una "
        "via di edifici su una sfumatura di colore.",
    ),
    "playlist": (
        "Illustrazione del percorso: {title}",
        "Illustrazione astratta nel colore dell'area {interest}: cerchi come passi lungo un "
        "sentiero che sale verso una stella.",
    ),
}


PROVIDERS = [
    {
        "slug": "mem-mediateca-del-mediterraneo",
        "title": "MEM – Mediateca del Mediterraneo",
        "short_description": (
            "Polo culturale comunale nel quartiere di Stampace con biblioteca, archivio storico, "
            "spazio giovani e sale studio."
        ),
        "description": (
            "La MEM occupa l'area dell'ex Mercato civico di via Mameli e ospita la Biblioteca "
            "generale, la Biblioteca di Studi Sardi e l'Archivio storico comunale. Offre sale "
            "studio, postazioni internet, uno spazio giovani, lo sportello Informa e Orienta e lo "
            "sportello Europe Direct, oltre a mostre, incontri e proiezioni."
        ),
        "address": "Via Goffredo Mameli 164, 09123 Cagliari",
        "lat": 39.2186,
        "lng": 9.1083,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["languages", "digital-skills", "entrepreneurship-careers"],
        "accessibility": (
            "L'edificio è moderno e dotato di ascensori; per esigenze specifiche conviene "
            "contattare la struttura prima della visita."
        ),
    },
    {
        "slug": "universita-di-cagliari",
        "title": "Università degli Studi di Cagliari – Rettorato",
        "short_description": (
            "Sede centrale dell'ateneo cagliaritano, nel quartiere storico di Castello."
        ),
        "description": (
            "L'Università degli Studi di Cagliari, con una storia di oltre quattro secoli, è il "
            "principale ateneo del sud della Sardegna. Accanto alla didattica e alla ricerca "
            "promuove l'orientamento per le scuole, la divulgazione scientifica, progetti di "
            "tutorato e iniziative aperte alla cittadinanza."
        ),
        "address": "Via Università 40, 09124 Cagliari",
        "lat": 39.2176,
        "lng": 9.115,
        "website": "https://www.unica.it/",
        "phone": "",
        "email": "",
        "interests": ["science-technology", "entrepreneurship-careers", "languages"],
        "accessibility": (
            "Il quartiere di Castello ha strade in salita; gli ascensori pubblici lo collegano "
            "alla parte bassa della città. Per l'accesso agli spazi interni è consigliabile "
            "informarsi prima della visita."
        ),
    },
    {
        "slug": "unica-ingegneria-architettura",
        "title": "Università di Cagliari – Facoltà di Ingegneria e Architettura",
        "short_description": (
            "Il polo di Ingegneria vicino a piazza d'Armi, con aule, laboratori e attività di "
            "orientamento per le scuole superiori."
        ),
        "description": (
            "La Facoltà di Ingegneria e Architettura dell'Università di Cagliari ha la sua sede "
            "principale nel complesso di via Marengo, vicino a piazza d'Armi. Nei suoi "
            "dipartimenti si svolgono ricerche su energia, ambiente, elettronica e informatica, e "
            "si organizzano laboratori, hackathon e giornate di orientamento per i giovani."
        ),
        "address": "Via Marengo 2, 09123 Cagliari",
        "lat": 39.23,
        "lng": 9.1103,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["science-technology", "digital-skills"],
        "accessibility": (
            "Gli edifici più recenti del complesso sono dotati di ascensori; per raggiungere aule "
            "e laboratori specifici è meglio chiedere indicazioni alla portineria."
        ),
    },
    {
        "slug": "orto-botanico-di-cagliari",
        "title": "Orto Botanico dell'Università di Cagliari",
        "short_description": (
            "Giardino scientifico di circa cinque ettari nella valle di Palabanda, tra piante "
            "mediterranee, tropicali e succulente."
        ),
        "description": (
            "Inaugurato nel 1866, l'Orto Botanico dell'Università di Cagliari ospita circa duemila "
            "specie vegetali, con collezioni di piante mediterranee, tropicali e succulente, oltre "
            "a cisterne e altre testimonianze di epoca romana. Organizza visite guidate, "
            "laboratori didattici e attività di divulgazione scientifica."
        ),
        "address": "Viale Sant'Ignazio da Laconi 11, 09123 Cagliari",
        "lat": 39.2213,
        "lng": 9.1093,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["nature-environment", "science-technology"],
        "accessibility": (
            "I viali sono in parte in pendenza e con fondo irregolare; per le visite con esigenze "
            "di mobilità è consigliabile contattare l'Orto in anticipo."
        ),
    },
    {
        "slug": "galleria-comunale-d-arte",
        "title": "Galleria Comunale d'Arte",
        "short_description": (
            "Museo civico d'arte moderna nei Giardini Pubblici, con la Collezione Ingrao e opere "
            "di artisti sardi del Novecento."
        ),
        "description": (
            "La Galleria Comunale d'Arte ha sede nell'ex polveriera regia, in fondo al viale dei "
            "Giardini Pubblici. Custodisce la Collezione Ingrao, con opere di Boccioni, Morandi e "
            "Sironi, e la collezione di artisti sardi, da Francesco Ciusa a Maria Lai. Organizza "
            "visite guidate e laboratori per scuole e giovani."
        ),
        "address": "Largo Giuseppe Dessì (Giardini Pubblici), Cagliari",
        "lat": 39.2266,
        "lng": 9.1146,
        "website": "https://www.museicivicicagliari.it/",
        "phone": "",
        "email": "",
        "interests": ["arts"],
        "accessibility": (
            "Il viale dei Giardini Pubblici è pianeggiante; per l'accesso alle sale espositive in "
            "sedia a rotelle è consigliabile informarsi prima della visita."
        ),
    },
    {
        "slug": "museo-archeologico-nazionale",
        "title": "Museo Archeologico Nazionale di Cagliari",
        "short_description": (
            "Il principale museo archeologico dell'isola, nella Cittadella dei Musei, con reperti "
            "dalla preistoria all'età bizantina."
        ),
        "description": (
            "Il Museo Archeologico Nazionale, nella Cittadella dei Musei, racconta la storia della "
            "Sardegna dalla preistoria all'alto Medioevo. Tra i reperti più celebri ci sono i "
            "bronzetti nuragici e alcune statue dei Giganti di Mont'e Prama. Il museo propone "
            "visite guidate e laboratori didattici."
        ),
        "address": "Piazza Arsenale 1, 09124 Cagliari",
        "lat": 39.2224,
        "lng": 9.1151,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["arts", "science-technology"],
        "accessibility": (
            "La Cittadella dei Musei si trova nella parte alta del quartiere di Castello; per "
            "informazioni su ascensori e percorsi accessibili è consigliabile contattare il museo."
        ),
    },
    {
        "slug": "teatro-lirico-di-cagliari",
        "title": "Teatro Lirico di Cagliari",
        "short_description": (
            "Il teatro d'opera della città, nel Parco della Musica, con stagioni di lirica, "
            "balletto e concerti sinfonici."
        ),
        "description": (
            "Il Teatro Lirico di Cagliari, inaugurato nel 1993 nel Parco della Musica, è la sede "
            "della Fondazione omonima e propone ogni anno stagioni di opera, balletto e musica "
            "sinfonica. Accanto agli spettacoli organizza prove aperte, visite ai laboratori e "
            "progetti per scuole e giovani."
        ),
        "address": "Via Sant'Alenixedda, 09128 Cagliari",
        "lat": 39.2232,
        "lng": 9.1262,
        "website": "https://www.teatroliricodicagliari.it/",
        "phone": "",
        "email": "",
        "interests": ["music", "performing-arts"],
        "accessibility": (
            "Il teatro dispone di posti riservati a persone con disabilità motoria; è "
            "consigliabile segnalarlo al momento della prenotazione."
        ),
    },
    {
        "slug": "teatro-massimo",
        "title": "Teatro Massimo – Sardegna Teatro",
        "short_description": (
            "Teatro nel quartiere di Stampace, sede di Sardegna Teatro, con prosa, danza e "
            "laboratori."
        ),
        "description": (
            "Il Teatro Massimo, ricostruito e riaperto nel 2009, è la sede di Sardegna Teatro. Con "
            "una sala grande e la sala più raccolta del Minimax ospita spettacoli di prosa, danza "
            "e musica, oltre a laboratori e percorsi di formazione per il pubblico giovane."
        ),
        "address": "Viale Trento 9, 09123 Cagliari",
        "lat": 39.2196,
        "lng": 9.107,
        "website": "https://www.sardegnateatro.it/",
        "phone": "",
        "email": "",
        "interests": ["performing-arts"],
        "accessibility": (
            "Il teatro dispone di spazi accessibili alle persone con disabilità motoria; è "
            "consigliabile segnalare le proprie esigenze alla biglietteria."
        ),
    },
    {
        "slug": "conservatorio-di-cagliari",
        "title": "Conservatorio di Musica Giovanni Pierluigi da Palestrina",
        "short_description": (
            "Istituto di alta formazione musicale della città, con auditorium e attività aperte al "
            "pubblico."
        ),
        "description": (
            "Il Conservatorio Statale di Musica Giovanni Pierluigi da Palestrina forma musicisti "
            "in ambito classico, jazz ed elettronico. Nella sede di piazza Porrino, accanto al "
            "Parco della Musica, dispone di aule, studi e di un auditorium dove si tengono "
            "concerti, masterclass e saggi degli allievi."
        ),
        "address": "Piazza Ennio Porrino 1, 09128 Cagliari",
        "lat": 39.224,
        "lng": 9.124,
        "website": "https://www.conservatoriocagliari.it/",
        "phone": "",
        "email": "",
        "interests": ["music"],
        "accessibility": (
            "Per informazioni sull'accessibilità dell'auditorium e delle aule è consigliabile "
            "contattare la segreteria prima della visita."
        ),
    },
    {
        "slug": "exma",
        "title": "EXMA – Centro comunale d'arte e cultura",
        "short_description": (
            "Centro d'arte contemporanea nell'ex mattatoio di Villanova, con mostre, concerti e "
            "laboratori."
        ),
        "description": (
            "L'EXMA occupa l'ex mattatoio ottocentesco di via San Lucifero, restaurato e aperto "
            "come centro culturale nel 1993. Tra le volte dell'edificio principale e il cortile "
            "con la scalinata-anfiteatro ospita mostre d'arte contemporanea, concerti, festival, "
            "convegni e laboratori didattici per ragazzi e adulti."
        ),
        "address": "Via San Lucifero 71, 09127 Cagliari",
        "lat": 39.2152,
        "lng": 9.1232,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["arts", "media-communication", "performing-arts"],
        "accessibility": (
            "Il cortile e le sale del piano terra sono raggiungibili senza gradini; per i piani "
            "superiori è consigliabile informarsi presso il personale."
        ),
    },
    {
        "slug": "parco-molentargius-saline",
        "title": "Parco naturale regionale Molentargius – Saline",
        "short_description": (
            "Zona umida protetta tra Cagliari e Quartu, famosa per i fenicotteri rosa e le antiche "
            "saline."
        ),
        "description": (
            "Il Parco naturale regionale Molentargius – Saline tutela un sistema di stagni e "
            "saline abitato dai fenicotteri rosa e da molte altre specie di uccelli acquatici. La "
            "direzione ha sede nell'edificio Sali Scelti, testimonianza dell'archeologia "
            "industriale del sale. Il parco propone escursioni, birdwatching, percorsi in "
            "bicicletta e attività di educazione ambientale."
        ),
        "address": "Via La Palma, Edificio Sali Scelti, Cagliari",
        "lat": 39.2228,
        "lng": 9.1448,
        "website": "https://www.parcomolentargius.it/",
        "phone": "",
        "email": "",
        "interests": ["nature-environment", "sports", "volunteering-community"],
        "accessibility": (
            "Molti percorsi del parco sono pianeggianti e su sterrato compatto; alcuni tratti "
            "possono essere sabbiosi o fangosi dopo la pioggia."
        ),
    },
    {
        "slug": "lazzaretto-di-cagliari",
        "title": "Lazzaretto di Cagliari",
        "short_description": (
            "Centro culturale nel quartiere di Sant'Elia, in un antico edificio affacciato sul "
            "mare."
        ),
        "description": (
            "Il Lazzaretto di Sant'Elia, nato nel Seicento per la quarantena di persone e merci, è "
            "stato restaurato e riaperto nel 2000 come centro culturale. Intorno al grande "
            "chiostro si svolgono mostre, concerti, festival e laboratori, e l'edificio ospita un "
            "museo di modelli in scala di edifici storici della Sardegna."
        ),
        "address": "Via dei Navigatori, Cagliari",
        "lat": 39.1985,
        "lng": 9.1428,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["arts", "volunteering-community", "media-communication"],
        "accessibility": (
            "Gli spazi si sviluppano su due livelli intorno al chiostro; per l'accesso al piano "
            "superiore è consigliabile informarsi presso il personale."
        ),
    },
    {
        "slug": "cus-cagliari",
        "title": "CUS Cagliari – Cittadella sportiva Sa Duchessa",
        "short_description": (
            "Il Centro universitario sportivo, con pista di atletica, campi, palestre e sala "
            "scherma aperti a studenti e cittadini."
        ),
        "description": (
            "Il CUS Cagliari, fondato nel 1947, è la polisportiva dell'Università di Cagliari. "
            "Nella cittadella sportiva di Sa Duchessa dispone di una pista di atletica, campi da "
            "calcio, tennis e hockey, palestre e una sala scherma, e organizza corsi e squadre in "
            "numerose discipline."
        ),
        "address": "Via Is Mirrionis 3, 09122 Cagliari",
        "lat": 39.2272,
        "lng": 9.106,
        "website": "https://www.cuscagliari.it/",
        "phone": "",
        "email": "",
        "interests": ["sports", "health-wellbeing"],
        "accessibility": (
            "Gli impianti principali sono al piano terra; per l'accesso a tribune e spogliatoi è "
            "consigliabile chiedere informazioni alla segreteria."
        ),
    },
    {
        "slug": "il-ghetto",
        "title": "Centro comunale d'arte e cultura Il Ghetto",
        "short_description": (
            "Spazio espositivo in un'ex caserma settecentesca sul bastione di Santa Croce, con "
            "terrazza panoramica."
        ),
        "description": (
            "Il Ghetto occupa un'ex caserma costruita nel 1738 sul bastione di Santa Croce, nel "
            "quartiere di Castello. Restaurato e riaperto nel 2000, ospita mostre d'arte, "
            "convegni, seminari e concerti, ed è dotato di un'aula didattica e di una terrazza "
            "panoramica sui tetti della città."
        ),
        "address": "Via Santa Croce 18, 09124 Cagliari",
        "lat": 39.219,
        "lng": 9.1137,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["arts", "media-communication"],
        "accessibility": (
            "Il quartiere di Castello ha strade in salita; gli ascensori pubblici lo collegano "
            "alla parte bassa della città. Per l'accesso agli spazi interni è consigliabile "
            "informarsi prima della visita."
        ),
    },
    {
        "slug": "castello-di-san-michele",
        "title": "Castello di San Michele",
        "short_description": (
            "Fortezza medievale sul colle di San Michele, oggi centro comunale d'arte e cultura "
            "circondato da un grande parco."
        ),
        "description": (
            "Il Castello di San Michele domina la città dall'omonimo colle ed è una delle "
            "fortificazioni medievali meglio conservate della Sardegna. Aperto al pubblico nel "
            "2001 come centro comunale d'arte e cultura, ospita mostre temporanee, visite guidate "
            "e laboratori, mentre il parco che lo circonda offre sentieri e una vista panoramica."
        ),
        "address": "Via Giovanni Cinquini, 09134 Cagliari",
        "lat": 39.2388,
        "lng": 9.1043,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["arts", "nature-environment"],
        "accessibility": (
            "Il castello è raggiungibile in auto o in autobus, mentre il percorso pedonale dalla "
            "base del colle è in salita; per l'accessibilità degli spazi interni è meglio "
            "informarsi in anticipo."
        ),
    },
    {
        "slug": "manifattura-tabacchi",
        "title": "Manifattura Tabacchi – Fabbrica della Creatività",
        "short_description": (
            "Ex fabbrica di tabacchi nel quartiere della Marina, oggi polo per creatività, "
            "innovazione e tecnologia."
        ),
        "description": (
            "La Manifattura Tabacchi, nata come convento nel Quattrocento e rimasta fabbrica di "
            "tabacchi fino al 2001, è oggi gestita da Sardegna Ricerche come Fabbrica della "
            "Creatività. Ospita un FabLab con stampanti 3D e macchine per il taglio laser, una "
            "biblioteca scientifica, spazi di coworking, laboratori di artigianato e la Fondazione "
            "Sardegna Film Commission."
        ),
        "address": "Viale Regina Margherita 33, Cagliari",
        "lat": 39.216,
        "lng": 9.1185,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["digital-skills", "entrepreneurship-careers", "arts"],
        "accessibility": (
            "Gran parte degli spazi restaurati è al piano terra o servita da ascensori; per i "
            "laboratori è consigliabile verificare l'accessibilità in anticipo."
        ),
    },
    {
        "slug": "palazzo-di-citta",
        "title": "Palazzo di Città – Musei Civici",
        "short_description": (
            "L'antico municipio nel quartiere di Castello, oggi sede espositiva dei Musei Civici "
            "di Cagliari."
        ),
        "description": (
            "Il Palazzo di Città è stato la sede del municipio dal Medioevo fino alla fine "
            "dell'Ottocento e in seguito ha ospitato il Conservatorio. Dopo il restauro è "
            "diventato una sede espositiva dei Musei Civici, con mostre temporanee, collezioni "
            "civiche di ceramica, arte sacra ed etnografia, visite guidate e laboratori didattici."
        ),
        "address": "Piazza Palazzo 6, 09124 Cagliari",
        "lat": 39.2195,
        "lng": 9.1166,
        "website": "https://www.museicivicicagliari.it/",
        "phone": "",
        "email": "",
        "interests": ["arts"],
        "accessibility": (
            "Il quartiere di Castello ha strade in salita; gli ascensori pubblici lo collegano "
            "alla parte bassa della città. Per l'accesso agli spazi interni è consigliabile "
            "informarsi prima della visita."
        ),
    },
]

OPPORTUNITIES = [
    {
        "provider": "mem-mediateca-del-mediterraneo",
        "title": "Caffè delle lingue: conversazione in inglese",
        "type": "course",
        "summary": (
            "Incontri settimanali per parlare inglese in modo informale di musica, viaggi, serie "
            "TV e attualità."
        ),
        "body": (
            "Ogni settimana un piccolo gruppo si ritrova alla MEM per conversare in inglese con un "
            "facilitatore madrelingua. Si parte da un tema leggero e si arriva a discutere di "
            "attualità, senza voti e senza ansia da prestazione. Sono benvenuti tutti i livelli, "
            "dai principianti a chi vuole tenersi in allenamento."
        ),
        "learn": [
            "parlare inglese con più scioltezza",
            "nuove espressioni della lingua quotidiana",
            "sicurezza nel prendere la parola",
        ],
        "interests": ["languages"],
        "skills": ["comunicazione", "inglese", "ascolto attivo"],
        "age_min": 16,
        "age_max": 29,
        "price": "",
        "languages": ["en", "it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 2,
            "every_days": 7,
            "count": 6,
            "start_time": "17:30",
            "duration_minutes": 90,
        },
        "capacity": 14,
        "accessibility": "",
    },
    {
        "provider": "mem-mediateca-del-mediterraneo",
        "title": "Scrivi il tuo CV europeo",
        "type": "course",
        "summary": (
            "Tre incontri con lo sportello Informa e Orienta per preparare curriculum, lettera di "
            "presentazione e profilo online."
        ),
        "body": (
            "Con gli operatori dello sportello impari a valorizzare esperienze di studio, "
            "volontariato e lavoro nel formato Europass. Prepari una lettera di presentazione "
            "efficace e curi il tuo profilo professionale online. Nell'ultimo incontro simuliamo "
            "un breve colloquio di lavoro."
        ),
        "learn": [
            "compilare il CV Europass",
            "scrivere una lettera di presentazione",
            "affrontare un colloquio di lavoro",
        ],
        "interests": ["entrepreneurship-careers"],
        "skills": ["scrittura professionale", "autopresentazione", "orientamento"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 10,
            "every_days": 7,
            "count": 3,
            "start_time": "10:00",
            "duration_minutes": 120,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "mem-mediateca-del-mediterraneo",
        "title": "Sale studio e spazio giovani della MEM",
        "type": "open_space",
        "summary": (
            "Postazioni per studiare, wi-fi gratuito, computer e uno spazio dedicato ai giovani, "
            "aperti negli orari della Mediateca."
        ),
        "body": (
            "La MEM mette a disposizione sale studio luminose, postazioni internet e wi-fi "
            "gratuito. Nello spazio giovani si trovano riviste, fumetti e angoli per lavorare in "
            "gruppo. Non serve prenotare: basta presentarsi negli orari di apertura."
        ),
        "learn": [
            "organizzare lo studio in autonomia",
            "usare le risorse della biblioteca",
            "lavorare in gruppo",
        ],
        "interests": ["languages", "digital-skills"],
        "skills": ["autonomia", "gestione del tempo", "competenze digitali"],
        "age_min": 13,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "mem-mediateca-del-mediterraneo",
        "title": "Europa in tasca: studiare, lavorare e fare volontariato all'estero",
        "type": "event",
        "summary": (
            "Incontro dello sportello Europe Direct su Erasmus+, Corpo europeo di solidarietà e "
            "altre opportunità per i giovani."
        ),
        "body": (
            "Gli operatori di Europe Direct presentano i programmi europei per i giovani: scambi, "
            "tirocini, volontariato e studio all'estero. Ragazze e ragazzi che hanno già "
            "partecipato raccontano la loro esperienza e rispondono alle domande. L'incontro si "
            "può seguire in sala o in diretta online."
        ),
        "learn": [
            "quali programmi europei esistono per i giovani",
            "come candidarsi a un progetto all'estero",
            "esperienze dirette di chi è partito",
        ],
        "interests": ["languages", "entrepreneurship-careers", "volunteering-community"],
        "skills": ["orientamento", "apertura interculturale"],
        "age_min": 17,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "hybrid",
        "online_url": "https://example.org/mem/europa-in-tasca",
        "schedule": {
            "kind": "sessions",
            "start_day": 30,
            "every_days": 0,
            "count": 1,
            "start_time": "16:00",
            "duration_minutes": 120,
        },
        "capacity": 60,
        "accessibility": "",
    },
    {
        "provider": "mem-mediateca-del-mediterraneo",
        "title": "Laboratorio di fotografia analogica",
        "type": "course",
        "summary": (
            "Dalla pellicola alla stampa in camera oscura: quattro incontri nel laboratorio "
            "fotografico della MEM."
        ),
        "body": (
            "Impari a usare una fotocamera analogica, a esporre correttamente e a sviluppare la "
            "pellicola in bianco e nero. Nell'ultimo incontro stampi in camera oscura le tue "
            "fotografie migliori. Durante il corso le fotocamere possono essere prese in prestito."
        ),
        "learn": [
            "usare una fotocamera a pellicola",
            "sviluppare un rullino in bianco e nero",
            "stampare in camera oscura",
        ],
        "interests": ["arts", "media-communication"],
        "skills": ["fotografia", "pazienza", "precisione"],
        "age_min": 15,
        "age_max": 25,
        "price": "30 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 17,
            "every_days": 7,
            "count": 4,
            "start_time": "16:00",
            "duration_minutes": 150,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "exma",
        "title": "Fumetto e illustrazione: dal bozzetto alla tavola",
        "type": "course",
        "summary": (
            "Cinque incontri per ideare personaggi, costruire una storia e disegnare una tavola a "
            "fumetti completa."
        ),
        "body": (
            "Con un illustratore professionista si lavora su personaggi, sceneggiatura e "
            "inquadrature. Ogni partecipante realizza una tavola a fumetti completa, dal bozzetto "
            "a matita all'inchiostrazione. Le tavole migliori saranno esposte negli spazi "
            "dell'EXMA."
        ),
        "learn": [
            "creare un personaggio",
            "sceneggiare una storia breve",
            "inchiostrare una tavola",
        ],
        "interests": ["arts", "media-communication"],
        "skills": ["disegno", "narrazione", "creatività"],
        "age_min": 14,
        "age_max": 19,
        "price": "40 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 5,
            "every_days": 7,
            "count": 5,
            "start_time": "16:30",
            "duration_minutes": 120,
        },
        "capacity": 14,
        "accessibility": "",
    },
    {
        "provider": "exma",
        "title": "Volontari per le mostre dell'EXMA",
        "type": "volunteering",
        "summary": (
            "Accoglienza dei visitatori e supporto agli allestimenti e alle attività didattiche "
            "del centro."
        ),
        "body": (
            "I volontari affiancano lo staff nell'accoglienza del pubblico, nella distribuzione "
            "dei materiali informativi e nel supporto agli allestimenti delle mostre. È "
            "un'occasione per conoscere da vicino il lavoro di un centro d'arte e incontrare "
            "artisti e curatori. Ci si può candidare in qualsiasi momento dell'anno."
        ),
        "learn": [
            "come si allestisce una mostra",
            "accogliere e orientare il pubblico",
            "lavorare in un'équipe culturale",
        ],
        "interests": ["arts", "volunteering-community"],
        "skills": ["comunicazione", "affidabilità", "lavoro di squadra"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["it", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "exma",
        "title": "Giovani band nel cortile",
        "type": "event",
        "summary": (
            "Una serata di musica dal vivo nel cortile dell'EXMA con band emergenti del territorio."
        ),
        "body": (
            "Quattro giovani band selezionate con una call aperta si alternano sul palco allestito "
            "nel cortile. La serata è anche un'occasione per conoscere musicisti, tecnici e "
            "organizzatori della scena locale."
        ),
        "learn": [
            "conoscere la scena musicale locale",
            "come funziona un concerto dal vivo",
            "fare rete con giovani musicisti",
        ],
        "interests": ["music", "performing-arts"],
        "skills": ["fare rete", "cultura musicale"],
        "age_min": 13,
        "age_max": 29,
        "price": "5 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 44,
            "every_days": 0,
            "count": 1,
            "start_time": "20:30",
            "duration_minutes": 180,
        },
        "capacity": 250,
        "accessibility": "",
    },
    {
        "provider": "exma",
        "title": "Giovani curatori: progettare una mostra",
        "type": "youth_project",
        "summary": (
            "Un gruppo di giovani progetta, con i curatori dell'EXMA, una piccola mostra aperta al "
            "pubblico."
        ),
        "body": (
            "In cinque settimane il gruppo sceglie un tema, seleziona le opere di giovani artisti, "
            "scrive i testi e progetta l'allestimento. I partecipanti si occupano anche della "
            "comunicazione sui social e dell'inaugurazione. Il progetto si conclude con l'apertura "
            "della mostra."
        ),
        "learn": [
            "progettare una mostra",
            "scrivere testi per il pubblico",
            "comunicare un evento culturale",
        ],
        "interests": ["arts", "media-communication"],
        "skills": ["gestione di progetti", "lavoro di squadra", "scrittura"],
        "age_min": 17,
        "age_max": 25,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 19,
            "every_days": 7,
            "count": 5,
            "start_time": "17:00",
            "duration_minutes": 120,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "exma",
        "title": "Videoarte con lo smartphone",
        "type": "digital",
        "summary": (
            "Tre incontri per creare un breve video d'arte con il telefono, in presenza o a "
            "distanza."
        ),
        "body": (
            "Partendo da esempi di videoarte contemporanea, impari a usare il telefono come "
            "strumento creativo: inquadrature, luce, suono e montaggio con app gratuite. Ogni "
            "partecipante realizza un breve video che verrà proiettato all'EXMA. Gli incontri si "
            "possono seguire anche online."
        ),
        "learn": [
            "riconoscere i linguaggi della videoarte",
            "girare e montare con il telefono",
            "presentare un lavoro video",
        ],
        "interests": ["arts", "digital-skills", "media-communication"],
        "skills": ["creatività", "montaggio video", "competenze digitali"],
        "age_min": 15,
        "age_max": 22,
        "price": "20 €",
        "languages": ["it"],
        "mode": "hybrid",
        "online_url": "https://example.org/exma/videoarte",
        "schedule": {
            "kind": "sessions",
            "start_day": 33,
            "every_days": 7,
            "count": 3,
            "start_time": "18:00",
            "duration_minutes": 90,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "manifattura-tabacchi",
        "title": "Stampa 3D e taglio laser al FabLab",
        "type": "course",
        "summary": (
            "Corso base per progettare al computer e realizzare oggetti con stampante 3D e "
            "macchina per il taglio laser."
        ),
        "body": (
            "Nel FabLab della Manifattura impari a disegnare semplici oggetti con software di "
            "modellazione gratuiti e a prepararli per la stampa 3D e il taglio laser. Ogni "
            "partecipante progetta e realizza un piccolo oggetto da portare a casa, nel rispetto "
            "delle regole di sicurezza del laboratorio."
        ),
        "learn": [
            "modellare oggetti in 3D",
            "preparare un file per la stampa",
            "usare in sicurezza le macchine del FabLab",
        ],
        "interests": ["digital-skills", "science-technology"],
        "skills": ["modellazione 3d", "risoluzione dei problemi", "precisione"],
        "age_min": 15,
        "age_max": 29,
        "price": "25 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 4,
            "every_days": 7,
            "count": 4,
            "start_time": "17:00",
            "duration_minutes": 150,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "manifattura-tabacchi",
        "title": "Robotica educativa per ragazzi",
        "type": "course",
        "summary": (
            "Costruire e programmare piccoli robot per risolvere sfide sempre più difficili."
        ),
        "body": (
            "In cinque incontri i partecipanti montano un robot con sensori e motori e lo "
            "programmano con un linguaggio a blocchi. Ogni settimana c'è una nuova sfida: seguire "
            "una linea, evitare ostacoli, collaborare con altri robot. Non serve esperienza di "
            "programmazione."
        ),
        "learn": [
            "programmare con i blocchi",
            "usare sensori e motori",
            "risolvere problemi in squadra",
        ],
        "interests": ["science-technology", "digital-skills"],
        "skills": ["programmazione", "logica", "lavoro di squadra"],
        "age_min": 13,
        "age_max": 16,
        "price": "30 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 12,
            "every_days": 7,
            "count": 5,
            "start_time": "15:30",
            "duration_minutes": 90,
        },
        "capacity": 16,
        "accessibility": "",
    },
    {
        "provider": "manifattura-tabacchi",
        "title": "Coworking per giovani innovatori",
        "type": "open_space",
        "summary": (
            "Postazioni di lavoro condivise per studenti e giovani con un'idea d'impresa, aperte "
            "negli orari della Manifattura."
        ),
        "body": (
            "Lo spazio coworking mette a disposizione scrivanie, wi-fi e sale riunioni per giovani "
            "che lavorano a un progetto, a una startup o alla tesi. Condividere lo spazio con "
            "altri innovatori permette di scambiare idee e trovare collaboratori. L'accesso è "
            "gratuito su richiesta."
        ),
        "learn": [
            "organizzare il lavoro su un progetto",
            "fare rete con altri innovatori",
            "presentare la propria idea",
        ],
        "interests": ["entrepreneurship-careers"],
        "skills": ["autonomia", "fare rete", "imprenditorialità"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["it", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "manifattura-tabacchi",
        "title": "Pitch day: presenta la tua idea",
        "type": "event",
        "summary": (
            "Una giornata in cui giovani aspiranti imprenditori presentano la propria idea a una "
            "giuria di esperti."
        ),
        "body": (
            "Dopo una breve formazione mattutina su come costruire un pitch efficace, i "
            "partecipanti hanno tre minuti per presentare la propria idea a una giuria di "
            "imprenditori e investitori. Ognuno riceve un riscontro sui punti di forza e su cosa "
            "migliorare. Si può partecipare come relatori o come pubblico, anche in streaming."
        ),
        "learn": [
            "costruire un pitch di tre minuti",
            "rispondere alle domande di una giuria",
            "valutare la fattibilità di un'idea",
        ],
        "interests": ["entrepreneurship-careers", "media-communication"],
        "skills": ["parlare in pubblico", "imprenditorialità", "sintesi"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["it", "en"],
        "mode": "hybrid",
        "online_url": "https://example.org/manifattura/pitch-day",
        "schedule": {
            "kind": "sessions",
            "start_day": 50,
            "every_days": 0,
            "count": 1,
            "start_time": "10:00",
            "duration_minutes": 240,
        },
        "capacity": 80,
        "accessibility": "",
    },
    {
        "provider": "manifattura-tabacchi",
        "title": "Tirocinio in comunicazione e innovazione",
        "type": "internship",
        "summary": (
            "Sei settimane nel team che cura eventi, comunicazione e servizi per le imprese della "
            "Manifattura."
        ),
        "body": (
            "Il tirocinante affianca lo staff nell'organizzazione di eventi, nella gestione dei "
            "canali social e nel supporto alle imprese ospitate. È un'esperienza adatta a studenti "
            "di comunicazione, economia o design che vogliono conoscere il mondo dell'innovazione."
        ),
        "learn": [
            "organizzare eventi sull'innovazione",
            "gestire contenuti social",
            "lavorare con startup e imprese",
        ],
        "interests": ["entrepreneurship-careers", "media-communication"],
        "skills": ["comunicazione", "organizzazione", "responsabilità"],
        "age_min": 20,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 15,
            "every_days": 7,
            "count": 6,
            "start_time": "09:00",
            "duration_minutes": 360,
        },
        "capacity": 2,
        "accessibility": "",
    },
    {
        "provider": "universita-di-cagliari",
        "title": "Giornata di orientamento: scegli il tuo corso di laurea",
        "type": "other",
        "summary": (
            "Una mattinata per conoscere l'offerta formativa dell'ateneo, parlare con docenti e "
            "studenti e visitare le sedi."
        ),
        "body": (
            "Docenti, tutor e studenti presentano i corsi di laurea e rispondono alle domande su "
            "test d'ingresso, borse di studio e servizi. Durante la mattinata sono previste visite "
            "guidate ad alcune sedi e laboratori dell'ateneo."
        ),
        "learn": [
            "confrontare i corsi di laurea",
            "come funzionano test e immatricolazione",
            "quali servizi offre l'università",
        ],
        "interests": ["entrepreneurship-careers", "science-technology"],
        "skills": ["orientamento", "consapevolezza di sé"],
        "age_min": 17,
        "age_max": 19,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 24,
            "every_days": 0,
            "count": 1,
            "start_time": "09:30",
            "duration_minutes": 240,
        },
        "capacity": 300,
        "accessibility": "",
    },
    {
        "provider": "universita-di-cagliari",
        "title": "Italiano accademico online",
        "type": "digital",
        "summary": (
            "Corso online per studenti internazionali che vogliono migliorare l'italiano per lo "
            "studio universitario."
        ),
        "body": (
            "In sei lezioni online si lavora sul lessico universitario, sulla scrittura di "
            "relazioni e sulla comprensione delle lezioni. Il corso è pensato per chi ha già una "
            "conoscenza di base dell'italiano e vuole sentirsi più sicuro in aula e agli esami."
        ),
        "learn": [
            "il lessico dell'italiano accademico",
            "scrivere una relazione",
            "prendere appunti durante le lezioni",
        ],
        "interests": ["languages"],
        "skills": ["scrittura", "comprensione orale", "italiano"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["it", "en"],
        "mode": "online",
        "online_url": "https://example.org/unica/italiano-accademico",
        "schedule": {
            "kind": "sessions",
            "start_day": 7,
            "every_days": 7,
            "count": 6,
            "start_time": "18:00",
            "duration_minutes": 90,
        },
        "capacity": 30,
        "accessibility": "",
    },
    {
        "provider": "universita-di-cagliari",
        "title": "Tutor alla pari per le matricole",
        "type": "volunteering",
        "summary": (
            "Studenti degli anni successivi accompagnano le matricole nei primi mesi di università."
        ),
        "body": (
            "Dopo una breve formazione, i tutor volontari incontrano piccoli gruppi di matricole "
            "per aiutarle a orientarsi tra orari, servizi, biblioteche ed esami. È un modo per "
            "restituire all'università quanto ricevuto e sviluppare capacità di ascolto e di "
            "guida."
        ),
        "learn": [
            "guidare un piccolo gruppo",
            "conoscere i servizi dell'ateneo",
            "ascoltare e consigliare",
        ],
        "interests": ["volunteering-community", "entrepreneurship-careers"],
        "skills": ["ascolto attivo", "leadership", "empatia"],
        "age_min": 19,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 14,
            "every_days": 7,
            "count": 5,
            "start_time": "15:00",
            "duration_minutes": 120,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "universita-di-cagliari",
        "title": "Caffè scientifico con i ricercatori",
        "type": "event",
        "summary": (
            "Due serate informali in cui ricercatrici e ricercatori dell'ateneo raccontano il "
            "proprio lavoro e rispondono alle domande."
        ),
        "body": (
            "In un'atmosfera rilassata, giovani ricercatori presentano in pochi minuti una ricerca "
            "in corso, dalla biomedicina all'astrofisica, e poi si apre il dibattito. Nessuna "
            "domanda è troppo semplice: l'obiettivo è avvicinare la scienza a chi non la studia "
            "ogni giorno."
        ),
        "learn": [
            "come lavora chi fa ricerca",
            "temi attuali della scienza",
            "fare domande e argomentare",
        ],
        "interests": ["science-technology"],
        "skills": ["pensiero critico", "curiosità", "comunicazione"],
        "age_min": 16,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 38,
            "every_days": 14,
            "count": 2,
            "start_time": "18:30",
            "duration_minutes": 90,
        },
        "capacity": 50,
        "accessibility": "",
    },
    {
        "provider": "unica-ingegneria-architettura",
        "title": "Programmare in Python: corso base per le superiori",
        "type": "course",
        "summary": (
            "Sei pomeriggi nei laboratori informatici della Facoltà per scrivere i primi programmi "
            "e un piccolo gioco."
        ),
        "body": (
            "Il corso, tenuto da docenti e studenti di Ingegneria, accompagna i partecipanti dai "
            "primi comandi fino a cicli, funzioni e un semplice videogioco. È pensato per chi non "
            "ha mai programmato e vuole capire se l'informatica fa per sé."
        ),
        "learn": [
            "le basi del linguaggio Python",
            "ragionare per algoritmi",
            "realizzare un semplice gioco",
        ],
        "interests": ["digital-skills", "science-technology"],
        "skills": ["programmazione", "logica", "risoluzione dei problemi"],
        "age_min": 15,
        "age_max": 19,
        "price": "20 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 3,
            "every_days": 7,
            "count": 6,
            "start_time": "15:00",
            "duration_minutes": 120,
        },
        "capacity": 25,
        "accessibility": "",
    },
    {
        "provider": "unica-ingegneria-architettura",
        "title": "Energia dal sole: costruisci un mini impianto",
        "type": "course",
        "summary": (
            "Laboratorio pratico per capire come funzionano i pannelli fotovoltaici e costruire un "
            "piccolo caricatore solare."
        ),
        "body": (
            "Dopo un'introduzione alle energie rinnovabili, i partecipanti misurano tensione e "
            "corrente di celle solari in diverse condizioni di luce e montano un piccolo "
            "caricatore per il telefono. Si discute anche del ruolo del sole nella transizione "
            "energetica della Sardegna."
        ),
        "learn": [
            "come funziona una cella fotovoltaica",
            "misurare tensione e corrente",
            "montare un semplice circuito",
        ],
        "interests": ["science-technology", "nature-environment"],
        "skills": ["manualità", "metodo sperimentale", "lavoro di squadra"],
        "age_min": 15,
        "age_max": 19,
        "price": "10 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 22,
            "every_days": 7,
            "count": 3,
            "start_time": "15:30",
            "duration_minutes": 120,
        },
        "capacity": 16,
        "accessibility": "",
    },
    {
        "provider": "unica-ingegneria-architettura",
        "title": "Hackathon per una Cagliari sostenibile",
        "type": "event",
        "summary": (
            "Una giornata intera per sviluppare in squadra soluzioni digitali su mobilità, energia "
            "e rifiuti in città."
        ),
        "body": (
            "Le squadre ricevono sfide proposte da organizzazioni e aziende del territorio e hanno una "
            "giornata per sviluppare il prototipo di un'app, di un sito o di un sistema di "
            "monitoraggio. Docenti e professionisti fanno da mentori. A fine giornata i progetti "
            "vengono presentati a una giuria."
        ),
        "learn": [
            "sviluppare un prototipo in poco tempo",
            "lavorare sotto pressione",
            "presentare una soluzione",
        ],
        "interests": ["digital-skills", "nature-environment", "entrepreneurship-careers"],
        "skills": ["lavoro di squadra", "programmazione", "parlare in pubblico"],
        "age_min": 17,
        "age_max": 25,
        "price": "",
        "languages": ["it", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 46,
            "every_days": 0,
            "count": 1,
            "start_time": "09:00",
            "duration_minutes": 600,
        },
        "capacity": 60,
        "accessibility": "",
    },
    {
        "provider": "unica-ingegneria-architettura",
        "title": "Tirocinio in un laboratorio di ricerca",
        "type": "internship",
        "summary": (
            "Sei settimane in un laboratorio di ingegneria per affiancare dottorandi e ricercatori "
            "nelle attività sperimentali."
        ),
        "body": (
            "I tirocinanti partecipano a misure, prove di laboratorio e analisi dei dati in "
            "progetti di ricerca su energia, materiali o elettronica. È un'esperienza pensata per "
            "studenti universitari che vogliono capire come si svolge la ricerca applicata."
        ),
        "learn": [
            "condurre misure di laboratorio",
            "analizzare dati sperimentali",
            "lavorare in un gruppo di ricerca",
        ],
        "interests": ["science-technology"],
        "skills": ["analisi dei dati", "precisione", "metodo scientifico"],
        "age_min": 20,
        "age_max": 29,
        "price": "",
        "languages": ["it", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 9,
            "every_days": 7,
            "count": 6,
            "start_time": "09:00",
            "duration_minutes": 300,
        },
        "capacity": 4,
        "accessibility": "",
    },
    {
        "provider": "orto-botanico-di-cagliari",
        "title": "Le piante del Mediterraneo: visita guidata",
        "type": "event",
        "summary": (
            "Visita guidata tra le collezioni dell'Orto alla scoperta della flora mediterranea e "
            "delle sue strategie contro la siccità."
        ),
        "body": (
            "Una guida dell'Orto accompagna il gruppo tra le aiuole della flora sarda e "
            "mediterranea, spiegando come le piante si adattano a estati lunghe e secche. Il "
            "percorso tocca anche le cisterne romane e alcuni alberi monumentali."
        ),
        "learn": [
            "riconoscere piante tipiche della macchia mediterranea",
            "come le piante si adattano alla siccità",
            "la storia dell'Orto",
        ],
        "interests": ["nature-environment", "science-technology"],
        "skills": ["osservazione", "curiosità"],
        "age_min": 13,
        "age_max": 29,
        "price": "6 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 13,
            "every_days": 0,
            "count": 1,
            "start_time": "10:00",
            "duration_minutes": 90,
        },
        "capacity": 25,
        "accessibility": "",
    },
    {
        "provider": "orto-botanico-di-cagliari",
        "title": "Volontariato nell'Orto Botanico",
        "type": "volunteering",
        "summary": (
            "Affianca giardinieri e tecnici nella cura delle collezioni e nell'accoglienza dei "
            "visitatori."
        ),
        "body": (
            "I volontari aiutano nella manutenzione delle aiuole, nell'etichettatura delle piante "
            "e nell'accoglienza dei visitatori durante gli eventi. Lavorando accanto al personale "
            "si imparano nomi e caratteristiche di molte specie. Gli orari si concordano in base "
            "alla stagione e alla disponibilità."
        ),
        "learn": [
            "tecniche di giardinaggio",
            "riconoscere specie vegetali",
            "accogliere i visitatori",
        ],
        "interests": ["nature-environment", "volunteering-community"],
        "skills": ["affidabilità", "lavoro di squadra", "cura"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "orto-botanico-di-cagliari",
        "title": "Laboratorio di erbario",
        "type": "course",
        "summary": (
            "Raccogliere, essiccare e classificare le piante come fanno i botanici: tre incontri "
            "tra giardino e laboratorio."
        ),
        "body": (
            "I partecipanti imparano a raccogliere campioni in modo corretto, a pressarli ed "
            "essiccarli e a identificarli con chiavi dicotomiche semplificate. Alla fine ognuno "
            "compone un piccolo erbario personale e visita le collezioni scientifiche dell'Orto."
        ),
        "learn": [
            "raccogliere ed essiccare campioni",
            "usare una chiave di identificazione",
            "allestire un erbario",
        ],
        "interests": ["science-technology", "nature-environment"],
        "skills": ["precisione", "osservazione", "metodo scientifico"],
        "age_min": 14,
        "age_max": 18,
        "price": "15 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 27,
            "every_days": 7,
            "count": 3,
            "start_time": "15:30",
            "duration_minutes": 90,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "orto-botanico-di-cagliari",
        "title": "Caccia fotografica tra le succulente",
        "type": "other",
        "summary": (
            "Una mattina con macchina fotografica o telefono per fotografare forme e colori delle "
            "piante grasse."
        ),
        "body": (
            "Con un fotografo naturalista si esplora la collezione di piante succulente, cercando "
            "dettagli, geometrie e giochi di luce. A fine mattinata si scelgono insieme gli scatti "
            "migliori e si discute di come migliorarli."
        ),
        "learn": [
            "fotografia ravvicinata con il telefono",
            "composizione e luce",
            "osservare le forme delle piante",
        ],
        "interests": ["arts", "nature-environment"],
        "skills": ["fotografia", "osservazione", "creatività"],
        "age_min": 15,
        "age_max": 25,
        "price": "4 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 52,
            "every_days": 0,
            "count": 1,
            "start_time": "09:30",
            "duration_minutes": 120,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "cus-cagliari",
        "title": "Scherma per principianti",
        "type": "course",
        "summary": (
            "Otto lezioni nella sala scherma del CUS per imparare le basi di fioretto, spada e "
            "sciabola."
        ),
        "body": (
            "I maestri di scherma introducono la postura, gli spostamenti e le prime azioni di "
            "attacco e difesa. L'attrezzatura è fornita dal CUS. Alla fine del corso è possibile "
            "continuare con i gruppi giovanili."
        ),
        "learn": [
            "le basi della scherma",
            "regole e sicurezza in pedana",
            "concentrazione e riflessi",
        ],
        "interests": ["sports", "health-wellbeing"],
        "skills": ["coordinazione", "concentrazione", "disciplina"],
        "age_min": 13,
        "age_max": 17,
        "price": "35 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 1,
            "every_days": 7,
            "count": 8,
            "start_time": "17:00",
            "duration_minutes": 90,
        },
        "capacity": 16,
        "accessibility": "",
    },
    {
        "provider": "cus-cagliari",
        "title": "Pista e palestra con la CUS Card",
        "type": "open_space",
        "summary": (
            "Con la tessera CUS studenti e giovani possono allenarsi in autonomia sulla pista di "
            "atletica e in sala pesi."
        ),
        "body": (
            "Negli orari di apertura la pista di atletica a sei corsie e la sala pesi della "
            "cittadella sportiva sono a disposizione dei tesserati per l'allenamento libero. Gli "
            "istruttori presenti danno consigli sul riscaldamento e sull'uso corretto degli "
            "attrezzi."
        ),
        "learn": [
            "allenarsi in autonomia e in sicurezza",
            "usare correttamente gli attrezzi",
            "costruire una routine di allenamento",
        ],
        "interests": ["sports", "health-wellbeing"],
        "skills": ["costanza", "autonomia"],
        "age_min": 16,
        "age_max": 29,
        "price": "Tessera CUS",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "cus-cagliari",
        "title": "Canoa al Polo nautico",
        "type": "course",
        "summary": (
            "Quattro uscite in canoa con gli istruttori del CUS, con partenza dal Polo nautico di "
            "via dei Calafati."
        ),
        "body": (
            "Il corso insegna a salire e scendere dalla canoa in sicurezza, a pagaiare in modo "
            "efficace e a mantenere la direzione. Le uscite si svolgono in acque calme vicino al "
            "Polo nautico e richiedono di saper nuotare."
        ),
        "learn": ["pagaiare in modo corretto", "la sicurezza in acqua", "leggere vento e onde"],
        "interests": ["sports", "nature-environment"],
        "skills": ["coordinazione", "resistenza", "lavoro di squadra"],
        "age_min": 16,
        "age_max": 25,
        "price": "40 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 23,
            "every_days": 7,
            "count": 4,
            "start_time": "09:30",
            "duration_minutes": 120,
        },
        "capacity": 10,
        "accessibility": (
            "Le lezioni si svolgono al Polo nautico del CUS in via dei Calafati, non nella "
            "cittadella di Sa Duchessa."
        ),
    },
    {
        "provider": "cus-cagliari",
        "title": "Volontari per il torneo universitario",
        "type": "volunteering",
        "summary": (
            "Due giornate di supporto all'organizzazione di un torneo: accoglienza delle squadre, "
            "segreteria e risultati."
        ),
        "body": (
            "I volontari aiutano lo staff del CUS nell'accoglienza delle squadre, nella gestione "
            "del calendario delle partite e nella comunicazione dei risultati. È un'esperienza "
            "utile per chi è interessato all'organizzazione di eventi sportivi."
        ),
        "learn": [
            "organizzare un evento sportivo",
            "gestire calendari e risultati",
            "accogliere atleti e pubblico",
        ],
        "interests": ["sports", "volunteering-community"],
        "skills": ["organizzazione", "comunicazione", "affidabilità"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 41,
            "every_days": 1,
            "count": 2,
            "start_time": "08:30",
            "duration_minutes": 300,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "parco-molentargius-saline",
        "title": "Birdwatching tra i fenicotteri",
        "type": "event",
        "summary": (
            "Escursione di primo mattino con una guida del parco per osservare i fenicotteri rosa "
            "e altri uccelli acquatici."
        ),
        "body": (
            "Con binocoli e cannocchiali forniti dal parco si osservano fenicotteri, cavalieri "
            "d'Italia, aironi e altre specie. La guida spiega come riconoscerli e perché le zone "
            "umide sono così importanti per la biodiversità. Si consigliano scarpe comode e abiti "
            "dai colori neutri."
        ),
        "learn": [
            "riconoscere gli uccelli acquatici",
            "usare binocolo e cannocchiale",
            "il ruolo delle zone umide",
        ],
        "interests": ["nature-environment"],
        "skills": ["osservazione", "pazienza"],
        "age_min": 13,
        "age_max": 29,
        "price": "5 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 8,
            "every_days": 0,
            "count": 1,
            "start_time": "08:00",
            "duration_minutes": 180,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "parco-molentargius-saline",
        "title": "Volontariato per la cura del parco",
        "type": "volunteering",
        "summary": (
            "Giornate periodiche di pulizia delle sponde, monitoraggio e manutenzione dei sentieri "
            "con il personale del parco."
        ),
        "body": (
            "I volontari partecipano alla raccolta dei rifiuti lungo le sponde, alla manutenzione "
            "dei sentieri e al monitoraggio di flora e fauna. Il calendario delle attività viene "
            "concordato con il personale del parco. Guanti e attrezzatura sono forniti."
        ),
        "learn": [
            "tutelare un'area protetta",
            "tecniche di monitoraggio ambientale",
            "lavorare all'aperto in sicurezza",
        ],
        "interests": ["nature-environment", "volunteering-community"],
        "skills": ["cittadinanza attiva", "lavoro di squadra", "responsabilità"],
        "age_min": 14,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "parco-molentargius-saline",
        "title": "In bici nel parco",
        "type": "other",
        "summary": (
            "Escursione guidata in bicicletta tra stagni e saline, con soste per l'osservazione "
            "della natura."
        ),
        "body": (
            "Un percorso di circa quindici chilometri su sterrato pianeggiante, con soste per "
            "conoscere la storia delle saline e la fauna degli stagni. Il costo comprende il "
            "noleggio della bicicletta e del casco."
        ),
        "learn": [
            "la storia delle saline di Cagliari",
            "pedalare in gruppo in sicurezza",
            "muoversi in modo sostenibile",
        ],
        "interests": ["sports", "nature-environment", "health-wellbeing"],
        "skills": ["resistenza", "orientamento"],
        "age_min": 15,
        "age_max": 29,
        "price": "10 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 35,
            "every_days": 0,
            "count": 1,
            "start_time": "09:00",
            "duration_minutes": 180,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "parco-molentargius-saline",
        "title": "Giovani guide del parco",
        "type": "youth_project",
        "summary": (
            "Un percorso per imparare a raccontare il parco e accompagnare i visitatori, anche in "
            "inglese."
        ),
        "body": (
            "In sei incontri i partecipanti studiano ambienti, specie e storia del parco, si "
            "esercitano a guidare piccoli gruppi e preparano materiali anche in inglese. Alla fine "
            "affiancano le guide ufficiali durante alcune visite aperte al pubblico."
        ),
        "learn": [
            "raccontare un'area naturale",
            "guidare un gruppo",
            "presentare contenuti in inglese",
        ],
        "interests": ["nature-environment", "languages"],
        "skills": ["parlare in pubblico", "inglese", "responsabilità"],
        "age_min": 16,
        "age_max": 22,
        "price": "",
        "languages": ["it", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 11,
            "every_days": 7,
            "count": 6,
            "start_time": "16:00",
            "duration_minutes": 120,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "lazzaretto-di-cagliari",
        "title": "Murales a Sant'Elia",
        "type": "youth_project",
        "summary": (
            "I giovani del quartiere progettano e dipingono con un artista un murale per uno "
            "spazio comune."
        ),
        "body": (
            "Il progetto parte da incontri con gli abitanti per raccogliere storie e idee sul "
            "quartiere. Con un artista di arte urbana i partecipanti realizzano il bozzetto e poi "
            "dipingono il murale. L'inaugurazione è una festa aperta a tutto il quartiere."
        ),
        "learn": [
            "progettare un murale partecipato",
            "tecniche di pittura murale",
            "coinvolgere una comunità",
        ],
        "interests": ["arts", "volunteering-community"],
        "skills": ["creatività", "lavoro di squadra", "cittadinanza attiva"],
        "age_min": 15,
        "age_max": 25,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 16,
            "every_days": 7,
            "count": 5,
            "start_time": "16:00",
            "duration_minutes": 150,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "lazzaretto-di-cagliari",
        "title": "Festival delle arti di strada: diventa volontario",
        "type": "volunteering",
        "summary": (
            "Due giorni da volontario al festival: accoglienza degli artisti, informazioni al "
            "pubblico e supporto tecnico."
        ),
        "body": (
            "Durante il festival i volontari aiutano nell'accoglienza delle compagnie, nella "
            "gestione degli spazi e nelle informazioni al pubblico. Prima dell'evento è previsto "
            "un breve incontro di formazione. È l'occasione per vedere da vicino giocolieri, "
            "acrobati e musicisti di strada."
        ),
        "learn": [
            "organizzare un festival all'aperto",
            "gestire il pubblico",
            "collaborare con gli artisti",
        ],
        "interests": ["volunteering-community", "performing-arts"],
        "skills": ["comunicazione", "flessibilità", "lavoro di squadra"],
        "age_min": 16,
        "age_max": 29,
        "price": "",
        "languages": ["it", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 54,
            "every_days": 1,
            "count": 2,
            "start_time": "15:00",
            "duration_minutes": 300,
        },
        "capacity": 30,
        "accessibility": "",
    },
    {
        "provider": "lazzaretto-di-cagliari",
        "title": "Podcast di quartiere",
        "type": "course",
        "summary": (
            "Un laboratorio per raccontare Sant'Elia e le sue persone attraverso un podcast."
        ),
        "body": (
            "Si impara a scrivere una scaletta, a registrare interviste con un registratore "
            "portatile e a montare l'audio. I partecipanti intervistano abitanti, pescatori e "
            "associazioni del quartiere e realizzano una breve serie di episodi."
        ),
        "learn": [
            "preparare e condurre un'intervista",
            "registrare e montare l'audio",
            "raccontare una comunità",
        ],
        "interests": ["media-communication", "digital-skills"],
        "skills": ["ascolto attivo", "montaggio audio", "narrazione"],
        "age_min": 14,
        "age_max": 19,
        "price": "15 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 26,
            "every_days": 7,
            "count": 4,
            "start_time": "17:00",
            "duration_minutes": 120,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "lazzaretto-di-cagliari",
        "title": "Monumenti in scala: laboratorio di modellismo",
        "type": "course",
        "summary": (
            "Ispirandosi ai modelli esposti al Lazzaretto, i partecipanti costruiscono il plastico "
            "di un monumento sardo."
        ),
        "body": (
            "Si parte da una visita al museo dei modelli in scala, poi si studiano piante e "
            "prospetti di un monumento e se ne costruisce il plastico con cartone, legno e "
            "materiali di recupero. Il laboratorio unisce storia, geometria e manualità."
        ),
        "learn": ["leggere piante e prospetti", "lavorare in scala", "tecniche di modellismo"],
        "interests": ["arts", "science-technology"],
        "skills": ["manualità", "precisione", "visione spaziale"],
        "age_min": 14,
        "age_max": 19,
        "price": "20 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 36,
            "every_days": 7,
            "count": 3,
            "start_time": "16:00",
            "duration_minutes": 120,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "teatro-massimo",
        "title": "Laboratorio teatrale per adolescenti",
        "type": "course",
        "summary": (
            "Otto incontri di teatro per scoprire voce, corpo e improvvisazione, con una prova "
            "aperta finale."
        ),
        "body": (
            "Con attori e registi di Sardegna Teatro i partecipanti lavorano sull'ascolto del "
            "gruppo, sull'improvvisazione e sulla costruzione di brevi scene. Il percorso si "
            "chiude con una prova aperta alle famiglie."
        ),
        "learn": [
            "tecniche di improvvisazione",
            "l'uso della voce e del corpo",
            "lavorare in un gruppo teatrale",
        ],
        "interests": ["performing-arts"],
        "skills": ["espressività", "lavoro di squadra", "fiducia in sé"],
        "age_min": 13,
        "age_max": 17,
        "price": "60 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 3,
            "every_days": 7,
            "count": 8,
            "start_time": "16:00",
            "duration_minutes": 120,
        },
        "capacity": 18,
        "accessibility": "",
    },
    {
        "provider": "teatro-massimo",
        "title": "Dietro le quinte: prova aperta",
        "type": "event",
        "summary": (
            "Un'occasione per assistere alla prova di uno spettacolo in preparazione e incontrare "
            "la compagnia."
        ),
        "body": (
            "Il pubblico giovane può assistere a una prova di lavoro: si vede come il regista "
            "guida gli attori, come si regolano luci e suoni e come cambia una scena prova dopo "
            "prova. Al termine la compagnia risponde alle domande."
        ),
        "learn": [
            "come nasce uno spettacolo",
            "i mestieri del teatro",
            "dialogare con gli artisti",
        ],
        "interests": ["performing-arts"],
        "skills": ["pensiero critico", "cultura teatrale"],
        "age_min": 15,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 32,
            "every_days": 0,
            "count": 1,
            "start_time": "11:00",
            "duration_minutes": 150,
        },
        "capacity": 80,
        "accessibility": "",
    },
    {
        "provider": "teatro-massimo",
        "title": "Tirocinio in produzione teatrale",
        "type": "internship",
        "summary": (
            "Cinque settimane con l'ufficio produzione: calendari, logistica delle compagnie e "
            "organizzazione delle serate."
        ),
        "body": (
            "Il tirocinante affianca l'ufficio produzione nella gestione dei calendari, "
            "nell'accoglienza delle compagnie ospiti e nell'organizzazione delle serate di "
            "spettacolo. Un percorso adatto a studenti di discipline dello spettacolo, lettere o "
            "economia della cultura."
        ),
        "learn": [
            "organizzare una stagione teatrale",
            "gestire la logistica delle compagnie",
            "lavorare in un teatro",
        ],
        "interests": ["performing-arts", "entrepreneurship-careers"],
        "skills": ["organizzazione", "responsabilità", "comunicazione"],
        "age_min": 19,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 18,
            "every_days": 7,
            "count": 5,
            "start_time": "10:00",
            "duration_minutes": 300,
        },
        "capacity": 2,
        "accessibility": "",
    },
    {
        "provider": "teatro-massimo",
        "title": "Scrittura scenica: dal racconto al copione",
        "type": "course",
        "summary": (
            "Due incontri per trasformare un racconto in un breve testo teatrale, in presenza o "
            "online."
        ),
        "body": (
            "Una drammaturga guida i partecipanti nella trasformazione di un racconto in dialoghi "
            "e didascalie. I testi vengono letti ad alta voce e discussi in gruppo. Si può "
            "partecipare in sala o a distanza."
        ),
        "learn": [
            "la struttura di un testo teatrale",
            "scrivere dialoghi efficaci",
            "ricevere e dare riscontri",
        ],
        "interests": ["performing-arts", "media-communication"],
        "skills": ["scrittura creativa", "ascolto", "creatività"],
        "age_min": 16,
        "age_max": 25,
        "price": "25 €",
        "languages": ["it"],
        "mode": "hybrid",
        "online_url": "https://example.org/teatro-massimo/scrittura-scenica",
        "schedule": {
            "kind": "sessions",
            "start_day": 40,
            "every_days": 7,
            "count": 2,
            "start_time": "18:00",
            "duration_minutes": 120,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "conservatorio-di-cagliari",
        "title": "Coro giovanile aperto",
        "type": "course",
        "summary": (
            "Prove settimanali di canto corale per giovani, con un repertorio che va dalla musica "
            "classica al pop."
        ),
        "body": (
            "Il coro è aperto a chi ama cantare, anche senza esperienza. Un docente del "
            "Conservatorio lavora su respirazione, intonazione e ascolto reciproco, preparando un "
            "breve repertorio da presentare in un concerto finale."
        ),
        "learn": [
            "tecnica vocale di base",
            "cantare in armonia con gli altri",
            "leggere una partitura semplice",
        ],
        "interests": ["music"],
        "skills": ["ascolto", "disciplina", "lavoro di squadra"],
        "age_min": 14,
        "age_max": 25,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 2,
            "every_days": 7,
            "count": 8,
            "start_time": "18:00",
            "duration_minutes": 90,
        },
        "capacity": 40,
        "accessibility": "",
    },
    {
        "provider": "conservatorio-di-cagliari",
        "title": "Introduzione alla musica elettronica",
        "type": "course",
        "summary": (
            "Quattro incontri per scoprire sintetizzatori, campionamento e produzione musicale al "
            "computer."
        ),
        "body": (
            "Nel laboratorio di musica elettronica del Conservatorio si esplorano la sintesi del "
            "suono, il campionamento e i software di produzione. Ogni partecipante crea un breve "
            "brano originale, che verrà ascoltato insieme nell'ultimo incontro."
        ),
        "learn": [
            "i principi della sintesi del suono",
            "usare un software di produzione",
            "comporre un brano breve",
        ],
        "interests": ["music", "digital-skills"],
        "skills": ["creatività", "competenze digitali", "ascolto critico"],
        "age_min": 16,
        "age_max": 25,
        "price": "50 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 21,
            "every_days": 7,
            "count": 4,
            "start_time": "17:00",
            "duration_minutes": 120,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "conservatorio-di-cagliari",
        "title": "Concerto degli allievi",
        "type": "event",
        "summary": (
            "Gli studenti del Conservatorio si esibiscono nell'auditorium con un programma di "
            "musica da camera e solistica."
        ),
        "body": (
            "Una serata per ascoltare giovani musicisti poco più grandi di te, in un programma che "
            "spazia da Bach al repertorio contemporaneo. Al termine è possibile incontrare gli "
            "allievi e chiedere com'è studiare in Conservatorio."
        ),
        "learn": [
            "ascoltare musica dal vivo",
            "conoscere strumenti e repertori",
            "informarsi sugli studi musicali",
        ],
        "interests": ["music"],
        "skills": ["ascolto", "cultura musicale"],
        "age_min": 13,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 48,
            "every_days": 0,
            "count": 1,
            "start_time": "19:00",
            "duration_minutes": 90,
        },
        "capacity": 200,
        "accessibility": "",
    },
    {
        "provider": "conservatorio-di-cagliari",
        "title": "Prepararsi all'ammissione: masterclass online",
        "type": "digital",
        "summary": (
            "Tre incontri online con docenti del Conservatorio su come prepararsi alle prove di "
            "ammissione."
        ),
        "body": (
            "I docenti spiegano come sono strutturate le prove di ammissione, quali competenze di "
            "teoria e solfeggio sono richieste e come preparare il programma strumentale. C'è "
            "spazio per domande e consigli personalizzati."
        ),
        "learn": [
            "come sono strutturate le prove di ammissione",
            "come organizzare lo studio",
            "quali requisiti teorici servono",
        ],
        "interests": ["music", "entrepreneurship-careers"],
        "skills": ["orientamento", "organizzazione dello studio"],
        "age_min": 16,
        "age_max": 22,
        "price": "15 €",
        "languages": ["it"],
        "mode": "online",
        "online_url": "https://example.org/conservatorio/masterclass-ammissione",
        "schedule": {
            "kind": "sessions",
            "start_day": 29,
            "every_days": 7,
            "count": 3,
            "start_time": "17:30",
            "duration_minutes": 60,
        },
        "capacity": 50,
        "accessibility": "",
    },
    {
        "provider": "il-ghetto",
        "title": "Incisione e stampa d'arte",
        "type": "course",
        "summary": "Quattro incontri per scoprire l'incisione su linoleum e la stampa a mano.",
        "body": (
            "Un'incisora introduce la storia della grafica d'arte e guida i partecipanti nel "
            "disegno, nell'intaglio di una matrice in linoleum e nella stampa a mano. Ognuno porta "
            "a casa una piccola tiratura della propria opera."
        ),
        "learn": [
            "incidere una matrice in linoleum",
            "stampare a mano",
            "la storia della grafica d'arte",
        ],
        "interests": ["arts"],
        "skills": ["manualità", "precisione", "creatività"],
        "age_min": 16,
        "age_max": 29,
        "price": "35 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 10,
            "every_days": 7,
            "count": 4,
            "start_time": "17:00",
            "duration_minutes": 150,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "il-ghetto",
        "title": "Call per giovani artisti: la tua prima mostra",
        "type": "youth_project",
        "summary": (
            "Un percorso in cui giovani artisti preparano, con l'aiuto dei curatori, una mostra "
            "collettiva al Ghetto."
        ),
        "body": (
            "Gli artisti selezionati partecipano a quattro incontri su portfolio, allestimento e "
            "comunicazione. Insieme definiscono il tema della mostra collettiva, scelgono le opere "
            "e curano l'inaugurazione. È rivolto a giovani che studiano arte o che creano in "
            "autonomia."
        ),
        "learn": [
            "preparare un portfolio",
            "allestire una mostra collettiva",
            "presentare il proprio lavoro",
        ],
        "interests": ["arts", "entrepreneurship-careers"],
        "skills": ["autopresentazione", "collaborazione", "gestione di progetti"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 25,
            "every_days": 7,
            "count": 4,
            "start_time": "17:30",
            "duration_minutes": 120,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "il-ghetto",
        "title": "Raccontare una mostra: giornalismo culturale",
        "type": "course",
        "summary": (
            "Due incontri per imparare a scrivere recensioni e post sui social dedicati a una "
            "mostra."
        ),
        "body": (
            "Una giornalista culturale guida i partecipanti nella visita a una mostra in corso e "
            "nella scrittura di una breve recensione e di alcuni post per i social. I testi "
            "migliori vengono pubblicati sui canali del centro. Si può partecipare anche online."
        ),
        "learn": [
            "scrivere una recensione",
            "comunicare l'arte sui social",
            "osservare e descrivere un'opera",
        ],
        "interests": ["media-communication", "arts"],
        "skills": ["scrittura", "pensiero critico", "comunicazione"],
        "age_min": 15,
        "age_max": 19,
        "price": "10 €",
        "languages": ["it"],
        "mode": "hybrid",
        "online_url": "https://example.org/il-ghetto/giornalismo-culturale",
        "schedule": {
            "kind": "sessions",
            "start_day": 39,
            "every_days": 7,
            "count": 2,
            "start_time": "16:00",
            "duration_minutes": 120,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "il-ghetto",
        "title": "Visita guidata in inglese al quartiere di Castello",
        "type": "event",
        "summary": (
            "Una passeggiata in inglese tra bastioni, torri e vicoli di Castello, con partenza dal "
            "Ghetto."
        ),
        "body": (
            "Una guida accompagna il gruppo dal Ghetto ai bastioni, passando per le torri e la "
            "cattedrale, parlando esclusivamente in inglese. È un modo divertente per allenare la "
            "lingua e scoprire la storia della città."
        ),
        "learn": [
            "il lessico inglese di storia e architettura",
            "la storia del quartiere di Castello",
            "fare domande in inglese",
        ],
        "interests": ["languages", "arts"],
        "skills": ["inglese", "ascolto", "curiosità"],
        "age_min": 13,
        "age_max": 19,
        "price": "3 €",
        "languages": ["en", "it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 53,
            "every_days": 0,
            "count": 1,
            "start_time": "11:00",
            "duration_minutes": 90,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "galleria-comunale-d-arte",
        "title": "Disegno dal vero nei Giardini Pubblici",
        "type": "course",
        "summary": (
            "Sei incontri di disegno all'aperto tra alberi secolari, sculture e la facciata "
            "neoclassica della Galleria."
        ),
        "body": (
            "Un artista guida i partecipanti nel disegno dal vero di alberi, architetture e "
            "sculture dei Giardini Pubblici. Ogni incontro affronta una tecnica diversa: matita, "
            "carboncino, acquerello. In caso di pioggia si lavora nelle sale della Galleria."
        ),
        "learn": [
            "disegnare dal vero",
            "usare matita, carboncino e acquerello",
            "osservare luce e prospettiva",
        ],
        "interests": ["arts"],
        "skills": ["osservazione", "disegno", "concentrazione"],
        "age_min": 13,
        "age_max": 29,
        "price": "5 € a incontro",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 5,
            "every_days": 7,
            "count": 6,
            "start_time": "10:00",
            "duration_minutes": 120,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "galleria-comunale-d-arte",
        "title": "Boccioni, Morandi e il Novecento: visita guidata",
        "type": "event",
        "summary": (
            "Visita guidata alla Collezione Ingrao per scoprire i grandi nomi dell'arte italiana "
            "del Novecento."
        ),
        "body": (
            "Una storica dell'arte accompagna il gruppo nelle sale della Collezione Ingrao, dalle "
            "opere futuriste di Boccioni alle nature morte di Morandi. La visita è pensata per gli "
            "studenti delle superiori e si conclude con un breve gioco di osservazione."
        ),
        "learn": [
            "i movimenti dell'arte italiana del Novecento",
            "leggere un dipinto",
            "conoscere la Collezione Ingrao",
        ],
        "interests": ["arts"],
        "skills": ["osservazione", "pensiero critico"],
        "age_min": 15,
        "age_max": 19,
        "price": "3 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 34,
            "every_days": 0,
            "count": 1,
            "start_time": "16:00",
            "duration_minutes": 90,
        },
        "capacity": 25,
        "accessibility": "",
    },
    {
        "provider": "galleria-comunale-d-arte",
        "title": "Tirocinio nei servizi educativi museali",
        "type": "internship",
        "summary": (
            "Quattro settimane accanto agli educatori museali per progettare e condurre attività "
            "per scuole e famiglie."
        ),
        "body": (
            "Il tirocinante partecipa alla progettazione di laboratori e visite guidate, alla "
            "preparazione dei materiali e all'accoglienza dei gruppi. È adatto a studenti di beni "
            "culturali, storia dell'arte o scienze della formazione."
        ),
        "learn": [
            "progettare un laboratorio museale",
            "condurre una visita per ragazzi",
            "lavorare in un museo civico",
        ],
        "interests": ["arts", "entrepreneurship-careers"],
        "skills": ["comunicazione", "organizzazione", "didattica"],
        "age_min": 20,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 28,
            "every_days": 7,
            "count": 4,
            "start_time": "09:30",
            "duration_minutes": 300,
        },
        "capacity": 2,
        "accessibility": "",
    },
    {
        "provider": "museo-archeologico-nazionale",
        "title": "I Giganti di Mont'e Prama da vicino",
        "type": "event",
        "summary": (
            "Visita tematica dedicata alle grandi statue in pietra di Mont'e Prama e alla civiltà "
            "nuragica."
        ),
        "body": (
            "Un archeologo racconta la scoperta delle statue, le ipotesi sul loro significato e il "
            "contesto della civiltà nuragica, confrontandole con i bronzetti esposti nel museo. "
            "Per i minorenni l'ingresso ai musei statali è gratuito."
        ),
        "learn": [
            "chi erano i nuragici",
            "come si interpreta una scoperta archeologica",
            "leggere una statua antica",
        ],
        "interests": ["arts", "science-technology"],
        "skills": ["curiosità", "pensiero critico"],
        "age_min": 13,
        "age_max": 17,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 55,
            "every_days": 0,
            "count": 1,
            "start_time": "10:30",
            "duration_minutes": 90,
        },
        "capacity": 25,
        "accessibility": "",
    },
    {
        "provider": "museo-archeologico-nazionale",
        "title": "Archeologo per un giorno: la ceramica nuragica",
        "type": "event",
        "summary": (
            "Laboratorio pratico in cui si ricompongono e si disegnano frammenti di ceramica, come "
            "negli scavi veri."
        ),
        "body": (
            "Dopo una breve visita alle vetrine con le ceramiche nuragiche, i partecipanti "
            "lavorano su repliche di frammenti: li classificano, li ricompongono e li disegnano "
            "seguendo i metodi usati dagli archeologi."
        ),
        "learn": [
            "classificare frammenti di ceramica",
            "disegnare un reperto",
            "come lavorano gli archeologi",
        ],
        "interests": ["science-technology", "arts"],
        "skills": ["precisione", "osservazione", "metodo"],
        "age_min": 13,
        "age_max": 15,
        "price": "8 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 47,
            "every_days": 0,
            "count": 1,
            "start_time": "10:00",
            "duration_minutes": 150,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "museo-archeologico-nazionale",
        "title": "Il museo in digitale: visita virtuale",
        "type": "digital",
        "summary": (
            "Due visite virtuali in diretta con un archeologo, che mostra da vicino i reperti più "
            "importanti del museo."
        ),
        "body": (
            "Attraverso una piattaforma online l'archeologo guida i partecipanti nelle sale, "
            "ingrandisce i dettagli dei reperti e risponde alle domande in chat. Ogni incontro è "
            "dedicato a un periodo diverso della storia sarda."
        ),
        "learn": [
            "le fasi della preistoria sarda",
            "osservare i dettagli dei reperti",
            "fare domande a un esperto",
        ],
        "interests": ["arts", "digital-skills"],
        "skills": ["curiosità", "competenze digitali"],
        "age_min": 13,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "online",
        "online_url": "https://example.org/museo-archeologico/visita-virtuale",
        "schedule": {
            "kind": "sessions",
            "start_day": 19,
            "every_days": 7,
            "count": 2,
            "start_time": "18:00",
            "duration_minutes": 60,
        },
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "teatro-lirico-di-cagliari",
        "title": "Anteprima giovani all'opera",
        "type": "event",
        "summary": (
            "Prova generale di un'opera in cartellone riservata al pubblico giovane, a prezzo "
            "ridotto."
        ),
        "body": (
            "Prima del debutto i giovani possono assistere alla prova generale di un titolo della "
            "stagione lirica. Prima che si alzi il sipario, un musicologo presenta trama, musica e "
            "curiosità dell'allestimento, per godersi lo spettacolo anche senza essere esperti."
        ),
        "learn": [
            "come si ascolta un'opera",
            "la trama e la musica del titolo in scena",
            "i mestieri del teatro d'opera",
        ],
        "interests": ["music", "performing-arts"],
        "skills": ["ascolto", "cultura musicale"],
        "age_min": 13,
        "age_max": 29,
        "price": "5 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 42,
            "every_days": 0,
            "count": 1,
            "start_time": "19:30",
            "duration_minutes": 180,
        },
        "capacity": 300,
        "accessibility": "",
    },
    {
        "provider": "teatro-lirico-di-cagliari",
        "title": "Laboratorio di canto lirico per ragazzi",
        "type": "course",
        "summary": (
            "Otto incontri per avvicinarsi al canto lirico con un maestro del coro del Teatro."
        ),
        "body": (
            "I partecipanti imparano le basi della respirazione e dell'emissione vocale e studiano "
            "brevi brani tratti da opere famose. Il percorso si conclude con una piccola "
            "esibizione nel foyer del Teatro."
        ),
        "learn": [
            "respirazione e appoggio",
            "cantare semplici brani d'opera",
            "esibirsi davanti a un pubblico",
        ],
        "interests": ["music", "performing-arts"],
        "skills": ["disciplina", "espressività", "ascolto"],
        "age_min": 13,
        "age_max": 17,
        "price": "40 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 0,
            "every_days": 7,
            "count": 8,
            "start_time": "17:00",
            "duration_minutes": 90,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "teatro-lirico-di-cagliari",
        "title": "Visita ai laboratori di scenografia e sartoria",
        "type": "other",
        "summary": (
            "Una visita ai laboratori dove nascono le scene e i costumi degli spettacoli del "
            "Teatro Lirico."
        ),
        "body": (
            "Scenografi, sarte e attrezzisti mostrano come si passa da un bozzetto a una scena "
            "alta diversi metri e come si confeziona un costume d'epoca. Una panoramica sui "
            "mestieri artigianali del teatro, per chi pensa al proprio futuro professionale."
        ),
        "learn": [
            "come nasce una scenografia",
            "le tecniche della sartoria teatrale",
            "i mestieri artigianali del teatro",
        ],
        "interests": ["performing-arts", "entrepreneurship-careers", "arts"],
        "skills": ["orientamento", "curiosità"],
        "age_min": 15,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 15,
            "every_days": 0,
            "count": 1,
            "start_time": "10:30",
            "duration_minutes": 120,
        },
        "capacity": 25,
        "accessibility": "",
    },
    {
        "provider": "castello-di-san-michele",
        "title": "Escape game al castello",
        "type": "event",
        "summary": (
            "Un gioco di squadra tra enigmi e indizi nelle sale del castello, riservato ai "
            "maggiorenni."
        ),
        "body": (
            "Squadre da quattro a sei giocatori hanno un'ora per risolvere enigmi legati alla "
            "storia del castello e della famiglia Carroz. Servono logica, intuito e "
            "collaborazione."
        ),
        "learn": [
            "risolvere enigmi in squadra",
            "la storia del castello",
            "gestire il tempo sotto pressione",
        ],
        "interests": ["arts"],
        "skills": ["lavoro di squadra", "logica", "gestione del tempo"],
        "age_min": 18,
        "age_max": 29,
        "price": "10 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 31,
            "every_days": 0,
            "count": 1,
            "start_time": "19:00",
            "duration_minutes": 90,
        },
        "capacity": 36,
        "accessibility": "",
    },
    {
        "provider": "castello-di-san-michele",
        "title": "Sentieri del colle di San Michele",
        "type": "other",
        "summary": (
            "Passeggiata guidata nel parco del colle tra pini d'Aleppo, macchia mediterranea e "
            "vedute sulla città."
        ),
        "body": (
            "Una guida ambientale accompagna il gruppo lungo i sentieri del parco che circonda il "
            "castello, raccontando la vegetazione, gli animali e la storia del colle. Il percorso "
            "termina sul piazzale del castello, con vista sul golfo."
        ),
        "learn": [
            "la vegetazione di un parco urbano",
            "orientarsi su un sentiero",
            "la storia del colle",
        ],
        "interests": ["nature-environment", "sports", "health-wellbeing"],
        "skills": ["osservazione", "orientamento"],
        "age_min": 13,
        "age_max": 29,
        "price": "5 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 9,
            "every_days": 0,
            "count": 1,
            "start_time": "09:30",
            "duration_minutes": 120,
        },
        "capacity": 25,
        "accessibility": "",
    },
    {
        "provider": "castello-di-san-michele",
        "title": "Giornata di volontariato nel parco del castello",
        "type": "volunteering",
        "summary": (
            "Una mattina dedicata alla pulizia e alla cura del parco del colle di San Michele, "
            "insieme alle associazioni del quartiere."
        ),
        "body": (
            "I volontari raccolgono rifiuti, ripuliscono i sentieri e partecipano alla messa a "
            "dimora di piante autoctone. A fine mattinata una breve visita guidata al castello "
            "ringrazia i partecipanti per il loro impegno."
        ),
        "learn": [
            "prendersi cura di un parco urbano",
            "riconoscere piante autoctone",
            "lavorare con le associazioni del territorio",
        ],
        "interests": ["nature-environment", "volunteering-community"],
        "skills": ["cittadinanza attiva", "lavoro di squadra"],
        "age_min": 15,
        "age_max": 29,
        "price": "",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 45,
            "every_days": 0,
            "count": 1,
            "start_time": "09:00",
            "duration_minutes": 180,
        },
        "capacity": 30,
        "accessibility": "",
    },
    {
        "provider": "palazzo-di-citta",
        "title": "Giovani mediatori museali",
        "type": "volunteering",
        "summary": (
            "Accogli i visitatori e racconta le collezioni civiche, dopo una formazione con gli "
            "storici dell'arte."
        ),
        "body": (
            "I volontari ricevono una formazione sulle collezioni e sulla storia del Palazzo, poi "
            "affiancano il personale nell'accoglienza e nelle brevi presentazioni ai visitatori, "
            "anche in inglese. I turni si concordano in base alla disponibilità."
        ),
        "learn": [
            "presentare un'opera al pubblico",
            "la storia del Palazzo di Città",
            "accogliere visitatori internazionali",
        ],
        "interests": ["arts", "languages", "volunteering-community"],
        "skills": ["parlare in pubblico", "inglese", "accoglienza"],
        "age_min": 16,
        "age_max": 25,
        "price": "",
        "languages": ["it", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "palazzo-di-citta",
        "title": "Ceramica e decorazione",
        "type": "course",
        "summary": (
            "Due incontri ispirati alle collezioni di ceramica del Palazzo, per decorare un piatto "
            "o una piastrella."
        ),
        "body": (
            "Dopo una visita alle ceramiche esposte, i partecipanti studiano motivi e colori e "
            "decorano una piastrella o un piatto con tecniche di pittura su ceramica. I pezzi "
            "vengono cotti e possono essere ritirati nei giorni successivi."
        ),
        "learn": [
            "i motivi della ceramica tradizionale",
            "tecniche di decorazione",
            "progettare un decoro",
        ],
        "interests": ["arts"],
        "skills": ["manualità", "creatività", "precisione"],
        "age_min": 14,
        "age_max": 19,
        "price": "20 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 37,
            "every_days": 7,
            "count": 2,
            "start_time": "16:00",
            "duration_minutes": 120,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "palazzo-di-citta",
        "title": "Caccia al tesoro in Castello",
        "type": "other",
        "summary": (
            "Una caccia al tesoro a squadre tra piazze, torri e palazzi del quartiere di Castello."
        ),
        "body": (
            "Le squadre ricevono una mappa e una serie di indovinelli legati a monumenti e storie "
            "del quartiere. Ogni tappa svela un pezzo della storia di Cagliari. Vince la squadra "
            "che completa per prima il percorso e risponde correttamente alla domanda finale."
        ),
        "learn": [
            "la storia del quartiere di Castello",
            "orientarsi con una mappa",
            "collaborare in squadra",
        ],
        "interests": ["arts", "sports"],
        "skills": ["lavoro di squadra", "orientamento", "logica"],
        "age_min": 13,
        "age_max": 17,
        "price": "3 €",
        "languages": ["it"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 22,
            "every_days": 0,
            "count": 1,
            "start_time": "16:00",
            "duration_minutes": 120,
        },
        "capacity": 40,
        "accessibility": "",
    },
]
