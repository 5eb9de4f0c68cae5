"""Demo playlists for Cagliari (Italian): the playlist index, badges, playlists and the demo
learner. Opportunities are named by their provider's slug and their title, as in
``cagliari.py``; steps of the learner's progress by their number in the playlist."""

INDEX = {
    "title": "Percorsi di apprendimento",
    "intro": (
        "Un percorso è una serie di opportunità, attività online e badge che ti porta "
        "verso un obiettivo. Scegli quello che ti incuriosisce, inizialo quando vuoi e mostra "
        "cosa hai fatto a ogni tappa. Alla fine ricevi un badge da mostrare a scuola, a chi ti "
        "offre un lavoro o online."
    ),
}

# Completion badges first, then the badges of single steps.
BADGES = {
    "natura-tra-stagni-e-colline": {
        "name": "Natura tra stagni e colline",
        "description": (
            "Chi ha questo badge sa osservare e descrivere uccelli e piante del Molentargius e "
            "dei colli di Cagliari e conosce i comportamenti che li proteggono."
        ),
        "criteria": (
            "Completa il percorso «Natura tra stagni e colline»: partecipa al birdwatching nel "
            "Parco di Molentargius, tieni un diario di osservazione e svolgi almeno un passo "
            "facoltativo."
        ),
        "colour": "#0f5b3a",
        "shape": "star",
    },
    "guida-della-tua-citta": {
        "name": "Guida della tua città",
        "description": (
            "Chi ha questo badge sa progettare un itinerario nella propria città e presentarlo "
            "in inglese a chi la visita."
        ),
        "criteria": (
            "Completa il percorso «Racconta la tua città»: partecipa alla visita guidata in "
            "inglese di Castello, progetta un itinerario e presentati in inglese."
        ),
        "colour": "#b45309",
        "shape": "star",
    },
    "il-mio-primo-robot": {
        "name": "Il mio primo robot",
        "description": (
            "Chi ha questo badge ha progettato, costruito e programmato un semplice robot al "
            "FabLab della Manifattura Tabacchi."
        ),
        "criteria": (
            "Completa il percorso «Il mio primo robot»: segui il corso di robotica educativa, "
            "disegna il tuo robot e svolgi almeno un passo facoltativo."
        ),
        "colour": "#0e7490",
        "shape": "star",
    },
    "sul-palco-e-dietro-le-quinte": {
        "name": "Sul palco e dietro le quinte",
        "description": (
            "Chi ha questo badge conosce il lavoro di un teatro dalle quinte al palco, sa "
            "scrivere una recensione ed è salito sul palco."
        ),
        "criteria": (
            "Svolgi in ordine le tappe obbligatorie del percorso «Sul palco»: laboratorio "
            "teatrale, prova aperta e recensione."
        ),
        "colour": "#be123c",
        "shape": "star",
    },
    "il-tuo-futuro": {
        "name": "Il tuo futuro, passo dopo passo",
        "description": (
            "Chi ha questo badge ha scritto un CV europeo e conosce le strade per studiare, "
            "lavorare o fare volontariato in Italia e all'estero."
        ),
        "criteria": (
            "Completa il percorso «Il tuo futuro, passo dopo passo»: partecipa al laboratorio "
            "sul CV europeo alla MEM, carica il tuo CV e svolgi almeno un passo facoltativo."
        ),
        "colour": "#1d4ed8",
        "shape": "star",
    },
    "dall-idea-al-pitch": {
        "name": "Dall'idea al pitch",
        "description": (
            "Chi ha questo badge ha trasformato un'idea in un progetto e l'ha presentata al "
            "Pitch day della Manifattura Tabacchi."
        ),
        "criteria": (
            "Completa il percorso «Dall'idea al pitch»: descrivi la tua idea, prepara le slide "
            "e presentale al Pitch day."
        ),
        "colour": "#7c3aed",
        "shape": "star",
    },
    "fare-musica-insieme": {
        "name": "Fare musica insieme",
        "description": (
            "Chi ha questo badge ha cantato nel coro giovanile del Conservatorio e ha registrato "
            "un brano."
        ),
        "criteria": (
            "Completa il percorso «Fare musica insieme»: partecipa al coro giovanile, registra "
            "un brano e svolgi almeno un passo facoltativo."
        ),
        "colour": "#be123c",
        "shape": "circle",
    },
    "osservazione-degli-uccelli": {
        "name": "Osservazione degli uccelli",
        "description": "Chi ha questo badge sa riconoscere e annotare gli uccelli degli stagni.",
        "criteria": "Annota almeno cinque specie di uccelli osservate e dove le hai viste.",
        "colour": "#0f5b3a",
        "shape": "triangle",
    },
    "itinerario-urbano": {
        "name": "Itinerario urbano",
        "description": "Chi ha questo badge ha progettato un itinerario a piedi nella sua città.",
        "criteria": "Progetta su una mappa online un itinerario di almeno cinque tappe.",
        "colour": "#b45309",
        "shape": "chevron",
    },
    "progetto-di-un-robot": {
        "name": "Progetto di un robot",
        "description": "Chi ha questo badge ha disegnato il progetto di un robot.",
        "criteria": "Disegna il tuo robot con i sensori e i motori che userà.",
        "colour": "#0e7490",
        "shape": "hexagon",
    },
    "critica-teatrale": {
        "name": "Critica teatrale",
        "description": "Chi ha questo badge ha scritto una recensione ragionata di uno spettacolo.",
        "criteria": "Scrivi una recensione di al massimo 300 parole.",
        "colour": "#be123c",
        "shape": "diamond",
    },
    "cv-europeo": {
        "name": "CV europeo",
        "description": "Chi ha questo badge ha scritto il proprio curriculum in formato europeo.",
        "criteria": "Carica il tuo CV in formato Europass.",
        "colour": "#1d4ed8",
        "shape": "diamond",
    },
    "slide-del-pitch": {
        "name": "Slide del pitch",
        "description": "Chi ha questo badge ha preparato le slide per presentare un'idea.",
        "criteria": "Carica le slide del tuo pitch: problema, soluzione, pubblico e squadra.",
        "colour": "#7c3aed",
        "shape": "hexagon",
    },
}

PLAYLISTS = [
    {
        "slug": "natura-tra-stagni-e-colline",
        "title": "Natura tra stagni e colline",
        "parent": None,
        "intro": (
            "Fenicotteri a due passi dal centro, colli con la macchia mediterranea: Cagliari è "
            "piena di natura. In questo percorso impari a osservarla con un esperto, a "
            "raccontarla e a prendertene cura."
        ),
        "interests": ["nature-environment", "volunteering-community"],
        "age_min": 13,
        "age_max": 29,
        "effort_hours": 10,
        "in_order": False,
        "min_optional_steps": 1,
        "completion_badge": "natura-tra-stagni-e-colline",
        "steps": [
            {
                "opportunity": ("parco-molentargius-saline", "Birdwatching tra i fenicotteri"),
                "note": "Porta un quaderno: ti servirà per il passo successivo.",
                "required": True,
            },
            {
                "activity": "Diario di osservazione",
                "instructions": (
                    "Annota almeno cinque specie di uccelli che hai visto, dove e a che ora. "
                    "Quale ti ha sorpreso di più e perché?"
                ),
                "evidence": "text",
                "required": True,
                "badge": "osservazione-degli-uccelli",
            },
            {
                "opportunity": ("castello-di-san-michele", "Sentieri del colle di San Michele"),
                "required": False,
            },
            {
                "opportunity": (
                    "parco-molentargius-saline",
                    "Volontariato per la cura del parco",
                ),
                "required": False,
            },
            {
                "activity": "Cinque piante del Mediterraneo",
                "instructions": (
                    "Fotografa cinque piante della macchia mediterranea nel tuo quartiere, "
                    "riuniscile in un'unica immagine e scrivi i loro nomi."
                ),
                "evidence": "photo",
                "required": False,
            },
            {
                "activity": "Porta un amico",
                "instructions": (
                    "Racconta a un amico o a un'amica cosa hai scoperto e portalo a vedere i "
                    "fenicotteri. Poi segna il passo come fatto."
                ),
                "evidence": "none",
                "required": False,
            },
        ],
    },
    {
        "slug": "racconta-la-tua-citta",
        "title": "Racconta la tua città",
        "parent": None,
        "intro": (
            "Diventa la guida di Cagliari per chi arriva da fuori: scopri Castello con una "
            "visita in inglese, progetta il tuo itinerario e impara a presentarlo. Utile anche "
            "per chi sogna un lavoro nel turismo."
        ),
        "interests": ["languages", "arts"],
        "age_min": 15,
        "age_max": 22,
        "effort_hours": 12,
        "in_order": False,
        "min_optional_steps": 1,
        "completion_badge": "guida-della-tua-citta",
        "steps": [
            {
                "opportunity": ("il-ghetto", "Visita guidata in inglese al quartiere di Castello"),
                "required": True,
            },
            {
                "activity": "Il tuo itinerario",
                "instructions": (
                    "Su una mappa online crea un itinerario a piedi di almeno cinque tappe e "
                    "invia il link. Per ogni tappa scrivi una frase in inglese."
                ),
                "evidence": "link",
                "required": True,
                "badge": "itinerario-urbano",
            },
            {
                "activity": "Presentati in inglese",
                "instructions": (
                    "Scrivi in inglese come ti presenteresti a un gruppo di turisti all'inizio "
                    "della visita: chi sei, cosa vedranno e perché ti piace la tua città."
                ),
                "evidence": "text",
                "required": True,
            },
            {
                "opportunity": ("parco-molentargius-saline", "Giovani guide del parco"),
                "required": False,
            },
            {
                "badge": "natura-tra-stagni-e-colline",
                "note": "Una buona guida conosce anche la natura della sua città.",
                "required": False,
            },
        ],
    },
    {
        "slug": "il-mio-primo-robot",
        "title": "Il mio primo robot",
        "parent": None,
        "intro": (
            "Sensori, motori e qualche riga di codice: in questo percorso costruisci e programmi "
            "il tuo primo robot al FabLab della Manifattura Tabacchi. Non serve esperienza."
        ),
        "interests": ["science-technology", "digital-skills"],
        "age_min": 13,
        "age_max": 16,
        "effort_hours": 14,
        "in_order": False,
        "min_optional_steps": 1,
        "completion_badge": "il-mio-primo-robot",
        "steps": [
            {
                "opportunity": ("manifattura-tabacchi", "Robotica educativa per ragazzi"),
                "required": True,
            },
            {
                "activity": "Disegna il tuo robot",
                "instructions": (
                    "Disegna su carta il robot che vorresti costruire, con i sensori e i motori "
                    "che userà, e carica una foto del disegno."
                ),
                "evidence": "photo",
                "required": True,
                "badge": "progetto-di-un-robot",
            },
            {
                "opportunity": ("manifattura-tabacchi", "Stampa 3D e taglio laser al FabLab"),
                "required": False,
            },
            {
                "opportunity": (
                    "unica-ingegneria-architettura",
                    "Energia dal sole: costruisci un mini impianto",
                ),
                "required": False,
            },
            {
                "activity": "Spiega come funziona",
                "instructions": (
                    "Spiega con parole tue come il tuo robot capisce dove andare, come se lo "
                    "raccontassi a un bambino di dieci anni."
                ),
                "evidence": "text",
                "required": False,
            },
        ],
    },
    {
        "slug": "sul-palco",
        "title": "Sul palco",
        "parent": None,
        "intro": (
            "Dal laboratorio al palco del Teatro Massimo: le tappe di questo percorso si fanno "
            "in ordine, perché ciascuna prepara la successiva. Prima reciti, poi guardi come "
            "lavorano i professionisti e infine scrivi da critico."
        ),
        "interests": ["performing-arts", "media-communication"],
        "age_min": 15,
        "age_max": 17,
        "effort_hours": 24,
        "in_order": True,
        "min_optional_steps": 0,
        "completion_badge": "sul-palco-e-dietro-le-quinte",
        "steps": [
            {
                "opportunity": ("teatro-massimo", "Laboratorio teatrale per adolescenti"),
                "note": "Si comincia dal corpo e dalla voce.",
                "required": True,
            },
            {
                "opportunity": ("teatro-massimo", "Dietro le quinte: prova aperta"),
                "required": True,
            },
            {
                "activity": "La tua recensione",
                "instructions": (
                    "Scrivi una recensione dello spettacolo che hai visto in prova: cosa ti ha "
                    "convinto, cosa no e perché. Al massimo 300 parole."
                ),
                "evidence": "text",
                "required": True,
                "badge": "critica-teatrale",
            },
            {
                "opportunity": ("teatro-lirico-di-cagliari", "Anteprima giovani all'opera"),
                "required": False,
            },
            {
                "activity": "Il tuo monologo",
                "instructions": (
                    "Se vuoi, condividi il link a un video del tuo monologo (anche non in "
                    "elenco, visibile solo a chi ha il link)."
                ),
                "evidence": "link",
                "required": False,
            },
        ],
    },
    {
        "slug": "il-tuo-futuro-passo-dopo-passo",
        "title": "Il tuo futuro, passo dopo passo",
        "parent": None,
        "intro": (
            "Università, lavoro o un anno all'estero? Questo percorso ti aiuta a scegliere: "
            "scrivi il tuo CV europeo alla MEM, scopri i corsi di laurea e le occasioni in "
            "Europa."
        ),
        "interests": ["entrepreneurship-careers", "languages"],
        "age_min": 17,
        "age_max": 29,
        "effort_hours": 10,
        "in_order": False,
        "min_optional_steps": 1,
        "completion_badge": "il-tuo-futuro",
        "steps": [
            {
                "opportunity": ("mem-mediateca-del-mediterraneo", "Scrivi il tuo CV europeo"),
                "required": True,
            },
            {
                "activity": "Carica il tuo CV",
                "instructions": (
                    "Carica il tuo CV in formato Europass (PDF o documento). Chi lo rivede ti "
                    "darà consigli per migliorarlo."
                ),
                "evidence": "file",
                "required": True,
                "badge": "cv-europeo",
            },
            {
                "opportunity": (
                    "universita-di-cagliari",
                    "Giornata di orientamento: scegli il tuo corso di laurea",
                ),
                "required": False,
            },
            {
                "opportunity": (
                    "mem-mediateca-del-mediterraneo",
                    "Europa in tasca: studiare, lavorare e fare volontariato all'estero",
                ),
                "required": False,
            },
            {
                "activity": "Il tuo profilo professionale",
                "instructions": (
                    "Crea o aggiorna un profilo professionale online e invia il link."
                ),
                "evidence": "link",
                "required": False,
            },
        ],
    },
    {
        "slug": "dall-idea-al-pitch",
        "title": "Dall'idea al pitch",
        "parent": "manifattura-tabacchi",
        "intro": (
            "Il percorso della Manifattura Tabacchi per chi ha un'idea e vuole metterla alla "
            "prova: la descrivi, la sviluppi nel coworking e la presenti al Pitch day."
        ),
        "interests": ["entrepreneurship-careers", "media-communication"],
        "age_min": 18,
        "age_max": 29,
        "effort_hours": 20,
        "in_order": False,
        "min_optional_steps": 0,
        "completion_badge": "dall-idea-al-pitch",
        "steps": [
            {
                "activity": "La tua idea in 100 parole",
                "instructions": (
                    "Descrivi la tua idea in al massimo 100 parole: quale problema risolve e "
                    "per chi."
                ),
                "evidence": "text",
                "required": True,
            },
            {
                "opportunity": ("manifattura-tabacchi", "Coworking per giovani innovatori"),
                "required": False,
            },
            {
                "activity": "Le slide del pitch",
                "instructions": (
                    "Prepara al massimo dieci slide: problema, soluzione, pubblico, squadra e "
                    "prossimi passi. Caricale in PDF."
                ),
                "evidence": "file",
                "required": True,
                "badge": "slide-del-pitch",
            },
            {
                "opportunity": ("manifattura-tabacchi", "Pitch day: presenta la tua idea"),
                "required": True,
            },
        ],
    },
    {
        "slug": "fare-musica-insieme",
        "title": "Fare musica insieme",
        "parent": "conservatorio-di-cagliari",
        "intro": (
            "Il percorso del Conservatorio per chi ama cantare o suonare: entra nel coro "
            "giovanile, ascolta i concerti degli allievi e registra il tuo primo brano."
        ),
        "interests": ["music"],
        "age_min": 14,
        "age_max": 25,
        "effort_hours": 16,
        "in_order": False,
        "min_optional_steps": 1,
        "completion_badge": "fare-musica-insieme",
        "steps": [
            {
                "opportunity": ("conservatorio-di-cagliari", "Coro giovanile aperto"),
                "required": True,
            },
            {
                "opportunity": ("conservatorio-di-cagliari", "Concerto degli allievi"),
                "required": False,
            },
            {
                "opportunity": (
                    "conservatorio-di-cagliari",
                    "Introduzione alla musica elettronica",
                ),
                "required": False,
            },
            {
                "activity": "Registra un brano",
                "instructions": (
                    "Registra un brano, da solo o con altri, e invia il link alla registrazione."
                ),
                "evidence": "link",
                "required": True,
            },
            {
                "activity": "Ascolto guidato",
                "instructions": (
                    "Ascolta un brano che non conosci consigliato dal coro e segna il passo "
                    "come fatto."
                ),
                "evidence": "none",
                "required": False,
            },
        ],
    },
]

LEARNER = {
    "email": "giulia@example.org",
    "username": "giulia",
    "display_name": "Giulia",
    "age": 16,
    "interests": ["nature-environment", "languages", "sports"],
    "attended": [("parco-molentargius-saline", "Birdwatching tra i fenicotteri")],
    "completed": {
        "playlist": "natura-tra-stagni-e-colline",
        "days_ago": 18,
        "steps": {
            2: {
                "status": "approved",
                "text": (
                    "Fenicottero rosa, airone cenerino, cavaliere d'Italia, folaga e garzetta, "
                    "tutti vicino al Bellarosa Maggiore verso le nove. Mi ha sorpreso quanto "
                    "rumore fanno i fenicotteri quando si alzano in volo."
                ),
                "feedback": "Osservazioni precise, brava!",
            },
            6: {"status": "done"},
        },
    },
    "started": {
        "playlist": "racconta-la-tua-citta",
        "days_ago": 5,
        "steps": {
            2: {
                "status": "approved",
                "link": "https://example.org/giulia/itinerario-castello",
                "feedback": "Bell'itinerario, le frasi in inglese sono chiare.",
            },
            3: {
                "status": "submitted",
                "text": (
                    "Hi everyone, I'm Giulia and I was born in Cagliari. Today we will walk "
                    "through Castello, the old town on the hill, from the Bastione di Saint "
                    "Remy to the cathedral. I love it because you can see the sea from almost "
                    "every street."
                ),
            },
        },
    },
    "saved": ["il-mio-primo-robot"],
}
