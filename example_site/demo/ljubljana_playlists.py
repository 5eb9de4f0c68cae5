"""Demo playlists for Ljubljana (Slovenian): the playlist index, badges, playlists and the
demo learner. Opportunities are named by their provider's slug and their title, as in
``ljubljana.py``; steps of the learner's progress by their number in the playlist."""

INDEX = {
    "title": "Učne poti",
    "intro": (
        "Učna pot je zaporedje priložnosti, spletnih nalog in značk, ki te pripelje do cilja. "
        "Izberi pot, ki te zanima, začni, ko ti ustreza, in pri vsakem koraku pokaži, kaj "
        "ti je uspelo. Ko pot zaključiš, dobiš značko, ki jo lahko pokažeš v šoli, delodajalcu "
        "ali na spletu."
    ),
}

# Completion badges first, then the badges of single steps.
BADGES = {
    "varno-na-spletu": {
        "name": "Varno na spletu",
        "description": (
            "Kdor ima to značko, zna zaščititi svoje profile na družbenih omrežjih, prepozna "
            "lažne novice in se o varnosti na spletu zna pogovoriti z drugimi."
        ),
        "criteria": (
            "Zaključi učno pot »Varno in pametno na spletu«: udeleži se delavnice o digitalni "
            "varnosti v Mestni knjižnici, preglej nastavitve zasebnosti svojih profilov in "
            "opravi vsaj eno izbirno nalogo."
        ),
        "colour": "#1d4ed8",
        "shape": "hexagon",
    },
    "od-ideje-do-aplikacije": {
        "name": "Od ideje do aplikacije",
        "description": (
            "Kdor ima to značko, zna napisati preprost program v Pythonu, načrtovati svojo "
            "aplikacijo in jo predstaviti drugim."
        ),
        "criteria": (
            "Zaključi učno pot »Od ideje do aplikacije«: napiši svoj prvi program, udeleži se "
            "tečaja programiranja na FRI, opiši načrt svoje aplikacije in opravi vsaj eno "
            "izbirno nalogo."
        ),
        "colour": "#0e7490",
        "shape": "star",
    },
    "raziskovanje-mestne-narave": {
        "name": "Raziskovanje mestne narave",
        "description": (
            "Kdor ima to značko, zna opazovati in zapisovati rastline, kamnine in živali v "
            "mestu ter ve, kje v Ljubljani jih najde."
        ),
        "criteria": (
            "Zaključi učno pot »Narava v mestu«: pojdi na sprehod z botanikom, naredi "
            "fotografski herbarij in opravi vsaj dva izbirna koraka."
        ),
        "colour": "#0f5b3a",
        "shape": "star",
    },
    "oder-in-zaodrje": {
        "name": "Oder in zaodrje",
        "description": (
            "Kdor ima to značko, pozna delo v gledališču od zaodrja do odra, zna napisati "
            "kratko kritiko in je nastopil pred občinstvom."
        ),
        "criteria": (
            "Po vrsti opravi vse obvezne korake učne poti »Na odru in za njim«: ogled zaodrja, "
            "generalka, kritika in gledališka skupina."
        ),
        "colour": "#be123c",
        "shape": "star",
    },
    "prostovoljstvo-v-mestu-ucenja": {
        "name": "Prostovoljstvo v Mestu učenja",
        "description": (
            "Značka za opravljeno usposabljanje za prostovoljno delo, pomoč v vsaj dveh "
            "organizacijah in razmislek o tem, kaj prinaša."
        ),
        "criteria": (
            "Zaključi učno pot »Prostovoljstvo: pomagaj in se nauči«: opravi usposabljanje za "
            "prostovoljce, sodeluj v vsaj dveh izbirnih korakih in opiši svojo izkušnjo."
        ),
        "colour": "#b45309",
        "shape": "star",
    },
    "naredi-sam-v-centru-rog": {
        "name": "Naredi sam v Centru Rog",
        "description": (
            "Kdor ima to značko, varno dela v proizvodnih laboratorijih Centra Rog; značka "
            "potrjuje tudi lasten izdelek, narejen od skice do konca."
        ),
        "criteria": (
            "Zaključi učno pot »Naredi sam: od skice do izdelka« Centra Rog in pokaži "
            "fotografijo svojega izdelka."
        ),
        "colour": "#7c3aed",
        "shape": "star",
    },
    "glas-iz-knjiznice": {
        "name": "Glas iz knjižnice",
        "description": (
            "Značka za napisan scenarij ter posneto in objavljeno epizodo podkasta v "
            "Mestni knjižnici Ljubljana."
        ),
        "criteria": (
            "Zaključi učno pot »Podkast iz knjižnice«: sodeluj v podkast delavnici, oddaj "
            "scenarij in povezavo do objavljene epizode."
        ),
        "colour": "#0e7490",
        "shape": "circle",
    },
    "zasebnost-pod-nadzorom": {
        "name": "Zasebnost pod nadzorom",
        "description": "Značka za pregledane in urejene nastavitve zasebnosti.",
        "criteria": (
            "Preglej nastavitve zasebnosti na dveh svojih profilih in opiši, kaj je zdaj drugače."
        ),
        "colour": "#1d4ed8",
        "shape": "diamond",
    },
    "prva-vrstica-kode": {
        "name": "Prva vrstica kode",
        "description": "Značka za prvi lastni program, napisan in zagnan.",
        "criteria": "Napiši program, ki nekaj izračuna ali izpiše, in deli povezavo do kode.",
        "colour": "#0e7490",
        "shape": "chevron",
    },
    "terenski-zapisi": {
        "name": "Terenski zapisi",
        "description": "Kdor ima to značko, zna na terenu opazovati in dokumentirati rastline.",
        "criteria": "Fotografiraj in poimenuj pet različnih rastlin v svoji soseski.",
        "colour": "#0f5b3a",
        "shape": "triangle",
    },
    "gledaliska-kritika": {
        "name": "Gledališka kritika",
        "description": "Značka za premišljeno kritiko predstave.",
        "criteria": "Napiši kritiko predstave v največ 300 besedah.",
        "colour": "#be123c",
        "shape": "diamond",
    },
    "prvi-izdelek": {
        "name": "Prvi izdelek",
        "description": "Značka za lasten izdelek, narejen v laboratoriju Centra Rog.",
        "criteria": "Izdelaj predmet v enem od laboratorijev in ga pokaži na fotografiji.",
        "colour": "#7c3aed",
        "shape": "hexagon",
    },
}

PLAYLISTS = [
    {
        "slug": "varno-in-pametno-na-spletu",
        "title": "Varno in pametno na spletu",
        "parent": None,
        "intro": (
            "Telefon je vedno s tabo, kaj pa tvoja zasebnost? Na tej poti se naučiš zaščititi "
            "svoje profile, prepoznati lažne novice in se o spletu pogovoriti doma. Primerna "
            "je za vse, ki imajo prvi profil na družbenih omrežjih."
        ),
        "interests": ["digital-skills", "media-communication"],
        "age_min": 13,
        "age_max": 19,
        "effort_hours": 6,
        "in_order": False,
        "min_optional_steps": 1,
        "completion_badge": "varno-na-spletu",
        "steps": [
            {
                "opportunity": (
                    "mestna-knjiznica-ljubljana",
                    "Digitalna varnost: zaščiti svoj profil",
                ),
                "note": "Na delavnici skupaj pregledamo nastavitve najbolj priljubljenih aplikacij.",
                "required": True,
            },
            {
                "activity": "Preglej nastavitve zasebnosti",
                "instructions": (
                    "Odpri nastavitve zasebnosti na dveh profilih, ki ju uporabljaš. Kdo vidi "
                    "tvoje objave, kdo ti lahko piše in katere aplikacije imajo dostop do "
                    "tvojih podatkov? V nekaj stavkih opiši, kaj je zdaj drugače in zakaj."
                ),
                "evidence": "text",
                "required": True,
                "badge": "zasebnost-pod-nadzorom",
            },
            {
                "activity": "Ujemi lažno novico",
                "instructions": (
                    "Poišči novico ali objavo, za katero sumiš, da ni resnična, in preveri, "
                    "od kod prihaja. Oddaj povezavo do vira, ki je potrdil ali ovrgel trditev."
                ),
                "evidence": "link",
                "required": False,
            },
            {
                "activity": "Pogovor doma",
                "instructions": (
                    "Mlajšemu bratu, sestri ali staršem pokaži, kako nastaviti zasebnost "
                    "profila. Ko se pogovorita, korak označi kot opravljen."
                ),
                "evidence": "none",
                "required": False,
            },
        ],
    },
    {
        "slug": "od-ideje-do-aplikacije",
        "title": "Od ideje do aplikacije",
        "parent": None,
        "intro": (
            "Želiš narediti svojo aplikacijo ali igro? Začni s prvo vrstico kode doma, nato se "
            "pridruži tečaju Pythona na Fakulteti za računalništvo in informatiko in svojo idejo "
            "spremeni v načrt. Predznanje ni potrebno."
        ),
        "interests": ["digital-skills", "science-technology"],
        "age_min": 15,
        "age_max": 19,
        "effort_hours": 20,
        "in_order": False,
        "min_optional_steps": 1,
        "completion_badge": "od-ideje-do-aplikacije",
        "steps": [
            {
                "activity": "Tvoja prva vrstica kode",
                "instructions": (
                    "V brezplačnem spletnem urejevalniku napiši program v Pythonu, ki izpiše "
                    "pozdrav in izračuna, koliko dni je še do poletnih počitnic. Kodo shrani in "
                    "oddaj povezavo do nje."
                ),
                "evidence": "link",
                "required": True,
                "badge": "prva-vrstica-kode",
            },
            {
                "opportunity": ("univerza-v-ljubljani-fri", "Programiranje v Pythonu za dijake"),
                "note": "Tečaj je osrednji del poti: tu se naučiš vsega, kar potrebuješ za načrt.",
                "required": True,
            },
            {
                "activity": "Načrtuj svojo aplikacijo",
                "instructions": (
                    "Opiši aplikacijo, ki jo želiš narediti: komu je namenjena, kateri problem "
                    "reši in kateri so trije najpomembnejši zasloni."
                ),
                "evidence": "text",
                "required": True,
            },
            {
                "activity": "Pokaži svoj zaslon",
                "instructions": (
                    "Nariši ali sestavi prvi zaslon svoje aplikacije in ga fotografiraj."
                ),
                "evidence": "photo",
                "required": False,
            },
            {
                "opportunity": (
                    "univerza-v-ljubljani-fri",
                    "Mladinski hekaton: rešitve za zeleno mesto",
                ),
                "note": "Za pogumne: svoje znanje preizkusi v ekipi in v dveh dneh.",
                "required": False,
            },
            {
                "badge": "varno-na-spletu",
                "note": "Kdor izdeluje aplikacije, mora poznati tudi varnost na spletu.",
                "required": False,
            },
        ],
    },
    {
        "slug": "narava-v-mestu",
        "title": "Narava v mestu",
        "parent": None,
        "intro": (
            "Ljubljana je eno najbolj zelenih mest v Evropi. Na tej poti spoznaš rastline "
            "Botaničnega vrta, kamnine Prirodoslovnega muzeja in živali na Rožniku ter narediš "
            "svoj zemljevid zelenih kotičkov."
        ),
        "interests": ["nature-environment", "science-technology"],
        "age_min": 13,
        "age_max": 29,
        "effort_hours": 12,
        "in_order": False,
        "min_optional_steps": 2,
        "completion_badge": "raziskovanje-mestne-narave",
        "steps": [
            {
                "opportunity": (
                    "botanicni-vrt-univerze-v-ljubljani",
                    "Jutranji sprehod z botanikom",
                ),
                "note": "Vzemi telefon: fotografije potrebuješ v naslednjem koraku.",
                "required": True,
            },
            {
                "activity": "Herbarij s telefonom",
                "instructions": (
                    "Fotografiraj pet različnih rastlin v svoji soseski in jih poimenuj. "
                    "Fotografije sestavi v eno sliko in jo oddaj."
                ),
                "evidence": "photo",
                "required": True,
                "badge": "terenski-zapisi",
            },
            {
                "opportunity": ("prirodoslovni-muzej-slovenije", "Detektivi kamnin"),
                "required": False,
            },
            {
                "opportunity": ("zivalski-vrt-ljubljana", "Mladi varuhi narave"),
                "required": False,
            },
            {
                "activity": "Zemljevid zelenih kotičkov",
                "instructions": (
                    "Na spletnem zemljevidu označi pet zelenih kotičkov v Ljubljani, ki jih "
                    "najraje obiščeš, in oddaj povezavo do zemljevida."
                ),
                "evidence": "link",
                "required": False,
            },
            {
                "activity": "Dnevnik opazovanja",
                "instructions": (
                    "Dva tedna opazuj isto drevo ali grm. Vsakih nekaj dni zapiši, kaj se je "
                    "spremenilo, in dnevnik oddaj kot datoteko (PDF ali dokument)."
                ),
                "evidence": "file",
                "required": False,
            },
        ],
    },
    {
        "slug": "na-odru-in-za-njim",
        "title": "Na odru in za njim",
        "parent": None,
        "intro": (
            "Od zaodrja Cankarjevega doma do lastnega nastopa: korake te poti opraviš po vrsti, "
            "saj vsak pripravi na naslednjega. Najprej spoznaš, kako nastane predstava, nato jo "
            "presojaš kot kritik in na koncu stopiš na oder."
        ),
        "interests": ["performing-arts", "media-communication"],
        "age_min": 15,
        "age_max": 19,
        "effort_hours": 25,
        "in_order": True,
        "min_optional_steps": 0,
        "completion_badge": "oder-in-zaodrje",
        "steps": [
            {
                "opportunity": ("cankarjev-dom", "Za odrom Cankarjevega doma"),
                "note": "Začni v zaodrju: kdo vse dela, da predstava steče?",
                "required": True,
            },
            {
                "opportunity": ("slovensko-mladinsko-gledalisce", "Generalka za mlade"),
                "required": True,
            },
            {
                "activity": "Kritika v 300 besedah",
                "instructions": (
                    "Napiši kritiko predstave z generalke: kaj te je "
                    "prepričalo, kaj ne in zakaj. Največ 300 besed."
                ),
                "evidence": "text",
                "required": True,
                "badge": "gledaliska-kritika",
            },
            {
                "opportunity": ("slovensko-mladinsko-gledalisce", "Mladinska gledališka skupina"),
                "required": True,
            },
            {
                "activity": "Posnetek nastopa",
                "instructions": (
                    "Če želiš, deli povezavo do posnetka svojega nastopa ali vaje (tudi "
                    "zasebnega, dostopnega s povezavo)."
                ),
                "evidence": "link",
                "required": False,
            },
        ],
    },
    {
        "slug": "prostovoljstvo-pomagaj-in-se-nauci",
        "title": "Prostovoljstvo: pomagaj in se nauči",
        "parent": None,
        "intro": (
            "Prostovoljstvo je odličen način, da spoznaš nove ljudi in se naučiš stvari, ki jih "
            "v šoli ne boš. Po usposabljanju pri Slovenski filantropiji izberi vsaj dve "
            "organizaciji, kjer lahko pomagaš, in razmisli, kaj ti je to dalo."
        ),
        "interests": ["volunteering-community", "health-wellbeing"],
        "age_min": 18,
        "age_max": 29,
        "effort_hours": 30,
        "in_order": False,
        "min_optional_steps": 2,
        "completion_badge": "prostovoljstvo-v-mestu-ucenja",
        "steps": [
            {
                "opportunity": ("slovenska-filantropija", "Usposabljanje za prostovoljce"),
                "required": True,
            },
            {
                "opportunity": (
                    "slovenska-filantropija",
                    "Učna pomoč za osnovnošolce: postani prostovoljec",
                ),
                "required": False,
            },
            {
                "opportunity": ("slovenska-filantropija", "Medgeneracijska digitalna pomoč"),
                "required": False,
            },
            {
                "opportunity": (
                    "botanicni-vrt-univerze-v-ljubljani",
                    "Prostovoljno delo v Botaničnem vrtu",
                ),
                "required": False,
            },
            {
                "opportunity": ("kinodvor", "Prostovoljec na filmskem festivalu"),
                "required": False,
            },
            {
                "activity": "Kaj mi je dalo prostovoljstvo",
                "instructions": (
                    "Opiši, kje pomagaš, kaj je bilo težko in katere tri veščine ti je to "
                    "okrepilo. Take zapise lahko pozneje uporabiš v življenjepisu."
                ),
                "evidence": "text",
                "required": True,
            },
            {
                "activity": "Potrdilo o prostovoljnem delu",
                "instructions": (
                    "Če ti je organizacija izdala potrdilo ali imaš dnevnik ur, ga naloži "
                    "kot datoteko."
                ),
                "evidence": "file",
                "required": False,
            },
        ],
    },
    {
        "slug": "naredi-sam-od-skice-do-izdelka",
        "title": "Naredi sam: od skice do izdelka",
        "parent": "center-rog",
        "intro": (
            "Učna pot Centra Rog za vse, ki radi delajo z rokami. Spoznaš pravila varnega dela, "
            "v lesarskem laboratoriju izdelaš svoj prvi izdelek in ga pokažeš drugim."
        ),
        "interests": ["arts", "entrepreneurship-careers"],
        "age_min": 16,
        "age_max": 29,
        "effort_hours": 15,
        "in_order": False,
        "min_optional_steps": 1,
        "completion_badge": "naredi-sam-v-centru-rog",
        "steps": [
            {
                "activity": "Pravila varnega dela",
                "instructions": (
                    "Preberi pravila varnega dela v laboratorijih Centra Rog, ki jih dobiš ob "
                    "prvem obisku, in korak označi kot opravljen."
                ),
                "evidence": "none",
                "required": True,
            },
            {
                "opportunity": ("center-rog", "Uvod v lesarski laboratorij"),
                "required": True,
            },
            {
                "opportunity": (
                    "center-rog",
                    "Elektronika za začetnike: spajkaj svojo prvo napravo",
                ),
                "required": False,
            },
            {
                "opportunity": (
                    "center-rog",
                    "Tekstilni laboratorij: novo življenje starih oblačil",
                ),
                "required": False,
            },
            {
                "activity": "Fotografija tvojega izdelka",
                "instructions": "Fotografiraj svoj dokončani izdelek in v opisu povej, kaj je.",
                "evidence": "photo",
                "required": True,
                "badge": "prvi-izdelek",
            },
        ],
    },
    {
        "slug": "podkast-iz-knjiznice",
        "title": "Podkast iz knjižnice",
        "parent": "mestna-knjiznica-ljubljana",
        "intro": (
            "Učna pot Mestne knjižnice Ljubljana: od ideje do objavljene epizode podkasta. "
            "Napišeš scenarij, se naučiš snemanja in montaže ter epizodo objaviš."
        ),
        "interests": ["media-communication", "digital-skills"],
        "age_min": 15,
        "age_max": 22,
        "effort_hours": 18,
        "in_order": False,
        "min_optional_steps": 0,
        "completion_badge": "glas-iz-knjiznice",
        "steps": [
            {
                "opportunity": (
                    "mestna-knjiznica-ljubljana",
                    "Podkast iz knjižnice: od ideje do objave",
                ),
                "required": True,
            },
            {
                "activity": "Scenarij prve epizode",
                "instructions": (
                    "Napiši scenarij prve epizode: temo, goste, vprašanja in časovnico. Oddaj "
                    "ga kot dokument ali PDF."
                ),
                "evidence": "file",
                "required": True,
            },
            {
                "activity": "Objavi epizodo",
                "instructions": "Oddaj povezavo do objavljene epizode.",
                "evidence": "link",
                "required": True,
            },
            {
                "opportunity": ("mestna-knjiznica-ljubljana", "Središče za samostojno učenje"),
                "note": "Tu si lahko izposodiš mikrofon in rezerviraš tih prostor za snemanje.",
                "required": False,
            },
            {
                "badge": "varno-na-spletu",
                "note": "Preden objaviš, premisli, kaj o sebi in gostih deliš na spletu.",
                "required": False,
            },
        ],
    },
]

LEARNER = {
    "email": "maja@example.org",
    "username": "maja",
    "display_name": "Maja",
    "age": 17,
    "interests": ["digital-skills", "science-technology", "nature-environment"],
    "attended": [("mestna-knjiznica-ljubljana", "Digitalna varnost: zaščiti svoj profil")],
    "completed": {
        "playlist": "varno-in-pametno-na-spletu",
        "days_ago": 20,
        "steps": {
            2: {
                "status": "approved",
                "text": (
                    "Na Instagramu sem profil nastavila na zasebnega in izklopila, da me lahko "
                    "označijo neznanci. Na TikToku sem ugotovila, da ima dostop do mojih stikov, "
                    "zato sem to izklopila."
                ),
                "feedback": "Odlično, natančno si preverila obe aplikaciji.",
            },
            4: {"status": "done"},
        },
    },
    "started": {
        "playlist": "od-ideje-do-aplikacije",
        "days_ago": 6,
        "steps": {
            1: {
                "status": "approved",
                "link": "https://example.org/maja/prvi-program",
                "feedback": "Koda deluje, lepo napisano!",
            },
            3: {
                "status": "submitted",
                "text": (
                    "Rada bi naredila aplikacijo, ki sošolcem pomaga najti prost prostor za "
                    "učenje v knjižnicah. Zasloni: zemljevid knjižnic, seznam prostih mest in "
                    "rezervacija."
                ),
            },
        },
    },
    "saved": ["narava-v-mestu"],
}
