"""Demo content for Ljubljana (Slovenian): city settings, providers and opportunities."""

CITY = {
    "name": "Ljubljana",
    "language": "sl",
    "timezone": "Europe/Ljubljana",
    "centre": (46.0511, 14.5051),
    "zoom": 13,
    # GDPR article 8: the age from which young people consent themselves in this country.
    "age_of_digital_consent": 15,
    "contact_email": "mesto-ucenja@example.org",
    "home_title": "Mesto učenja Ljubljana",
    "home_intro": (
        "Dobrodošli v Mestu učenja Ljubljana! Odkrij tečaje, delavnice, prostovoljstvo in prakse, "
        "ki jih mladim med 13. in 29. letom ponujajo knjižnice, muzeji, kulturni centri in druge "
        "organizacije po vsem mestu."
    ),
    "providers_title": "Ponudniki",
    "providers_intro": (
        "Spoznaj ustanove in organizacije, ki v Ljubljani ustvarjajo priložnosti za učenje zunaj "
        "šolskih klopi."
    ),
    "map_title": "Zemljevid priložnosti",
    "map_intro": "Poišči, kaj se dogaja blizu tebe: izberi interese, starost in čas, nato priložnosti razišči na seznamu ali zemljevidu.",
}


# The home page's landing blocks. The hero's heading is the page title.
LANDING = {
    "hero_intro": (
        "Tečaji, delavnice, prostovoljstvo in prakse za mlade od 13 do 29 let po vsej Ljubljani. "
        "Poišči, kaj te zanima, ali se podaj na učno pot in si prisluži značko."
    ),
    "playlists_heading": "Učne poti za začetek",
    "upcoming_heading": "Ta teden v Ljubljani",
    "interests_heading": "Razišči po interesih",
}

# The cards' pictures: abstract illustrations, described as such (they are the alt text).
ILLUSTRATIONS = {
    "collection": "Ilustracije – Mesto učenja Ljubljana",
    "opportunity": (
        "Ilustracija priložnosti: {interest}",
        "Abstraktna ilustracija v barvi področja {interest}: prekrivajoči se krogi na barvnem "
        "prelivu.",
    ),
    "provider": (
        "Ilustracija ponudnika: {interest}",
        "Abstraktna ilustracija v barvi področja {interest}: pravokotniki z okni kot ulica "
        "stavb na barvnem prelivu.",
    ),
    "playlist": (
        "Ilustracija učne poti: {title}",
        "Abstraktna ilustracija v barvi področja {interest}: krogi kot stopinje na poti, ki se "
        "vzpenja do zvezde.",
    ),
}


PROVIDERS = [
    {
        "slug": "mestna-knjiznica-ljubljana",
        "title": "Mestna knjižnica Ljubljana – Knjižnica Otona Župančiča",
        "short_description": (
            "Osrednja mestna knjižnica v središču Ljubljane z mediateko, stripoteko in prostori za "
            "učenje."
        ),
        "description": (
            "Knjižnica Otona Župančiča je največja enota Mestne knjižnice Ljubljana in priljubljen "
            "prostor za branje, učenje in druženje. Poleg bogate zbirke knjig ponuja mediateko z "
            "glasbo in filmi, stripoteko ter računalniške delavnice. Za mlade pripravlja bralne "
            "klube, jezikovne pogovorne ure in ustvarjalne delavnice."
        ),
        "address": "Kersnikova ulica 2, 1000 Ljubljana",
        "lat": 46.0537,
        "lng": 14.5033,
        "website": "https://www.mklj.si/",
        "phone": "",
        "email": "",
        "interests": ["languages", "digital-skills", "media-communication"],
        "accessibility": (
            "Knjižnica je praviloma dostopna brez stopnic in ima dvigalo; za posebne potrebe se "
            "pred obiskom posvetuj z osebjem."
        ),
    },
    {
        "slug": "cankarjev-dom",
        "title": "Cankarjev dom",
        "short_description": (
            "Osrednji slovenski kulturni in kongresni center s koncerti, gledališkimi in plesnimi "
            "predstavami ter festivali."
        ),
        "description": (
            "Cankarjev dom je največje kulturno središče v Sloveniji, v katerem se vsako leto "
            "zvrsti več sto koncertov, predstav, filmskih projekcij in razstav. Ob bogatem "
            "umetniškem programu pripravlja tudi vodstva, pogovore in delavnice, ki mladim "
            "približajo svet odrov in zakulisja."
        ),
        "address": "Prešernova cesta 10, 1000 Ljubljana",
        "lat": 46.0506,
        "lng": 14.5006,
        "website": "https://www.cd-cc.si/",
        "phone": "",
        "email": "",
        "interests": ["performing-arts", "music", "arts"],
        "accessibility": (
            "Glavni vhodi in večina dvoran so dosegljivi z dvigali; za rezervacijo mest za gibalno "
            "ovirane se obrnite na blagajno."
        ),
    },
    {
        "slug": "kino-siska",
        "title": "Center urbane kulture Kino Šiška",
        "short_description": (
            "Prizorišče sodobne glasbe, uprizoritvenih umetnosti in vizualne kulture v nekdanjem "
            "kinu v Šiški."
        ),
        "description": (
            "Kino Šiška je center urbane kulture, ki od leta 2009 v prenovljeni stavbi nekdanjega "
            "kina gosti koncerte, plesne in gledališke predstave ter razstave. Posebno skrb "
            "namenja mladim glasbenikom in ustvarjalcem, ki jim ponuja vaje, mentorstvo in prve "
            "nastope pred občinstvom."
        ),
        "address": "Trg prekomorskih brigad 3, 1000 Ljubljana",
        "lat": 46.0697,
        "lng": 14.4908,
        "website": "https://www.kinosiska.si/",
        "phone": "",
        "email": "",
        "interests": ["music", "performing-arts", "arts"],
        "accessibility": (
            "Stavba velja za eno bolj dostopnih prizorišč v mestu, z dvigalom in prilagojenimi "
            "sanitarijami; podrobnosti za posamezen dogodek preverite pri organizatorju."
        ),
    },
    {
        "slug": "moderna-galerija",
        "title": "Moderna galerija",
        "short_description": (
            "Nacionalni muzej moderne umetnosti z zbirko slovenske umetnosti 20. stoletja ob parku "
            "Tivoli."
        ),
        "description": (
            "Moderna galerija v Ravnikarjevi stavbi ob parku Tivoli hrani osrednjo zbirko "
            "slovenske moderne umetnosti 20. stoletja. Ob razstavah pripravlja vodstva, pogovore "
            "in delavnice, na katerih lahko mladi spoznavajo umetnost in jo tudi sami ustvarjajo."
        ),
        "address": "Cankarjeva cesta 15, 1000 Ljubljana",
        "lat": 46.0528,
        "lng": 14.4993,
        "website": "https://www.mg-lj.si/",
        "phone": "",
        "email": "",
        "interests": ["arts"],
        "accessibility": (
            "Razstavni prostori so večinoma dostopni brez stopnic; za dostop do spodnje etaže se "
            "pred obiskom posvetuj z osebjem."
        ),
    },
    {
        "slug": "prirodoslovni-muzej-slovenije",
        "title": "Prirodoslovni muzej Slovenije",
        "short_description": (
            "Muzej z več kot dvestoletno tradicijo, ki predstavlja kamnine, rastline in živali "
            "Slovenije ter okostje mamuta."
        ),
        "description": (
            "Prirodoslovni muzej Slovenije v Muzejski palači predstavlja naravno dediščino "
            "Slovenije, od mineralov in fosilov do ptic, sesalcev in žuželk. Med najbolj znanimi "
            "eksponati je okostje mamuta. Muzej pripravlja delavnice, predavanja in terenske "
            "dejavnosti za mlade raziskovalce."
        ),
        "address": "Prešernova cesta 20, 1000 Ljubljana",
        "lat": 46.0533,
        "lng": 14.5007,
        "website": "https://www.pms-lj.si/",
        "phone": "",
        "email": "",
        "interests": ["science-technology", "nature-environment"],
        "accessibility": (
            "Muzej je v zgodovinski palači; dvigalo omogoča dostop do večine razstav, vendar se "
            "pred obiskom pozanimajte o morebitnih omejitvah."
        ),
    },
    {
        "slug": "narodni-muzej-slovenije-metelkova",
        "title": "Narodni muzej Slovenije – Metelkova",
        "short_description": (
            "Muzejska stavba na Metelkovi z razstavami o zgodovini, arheologiji in kulturni "
            "dediščini Slovenije."
        ),
        "description": (
            "Narodni muzej Slovenije je osrednja slovenska muzejska ustanova za arheologijo, "
            "zgodovino in uporabno umetnost. V stavbi na Metelkovi so na ogled stalne in občasne "
            "razstave, ob njih pa muzej pripravlja delavnice, vodstva in programe za šole ter "
            "mlade."
        ),
        "address": "Maistrova ulica 1, 1000 Ljubljana",
        "lat": 46.0562,
        "lng": 14.517,
        "website": "https://www.nms.si/",
        "phone": "",
        "email": "",
        "interests": ["arts", "science-technology"],
        "accessibility": (
            "Stavba je sodobno urejena in ima dvigalo; za skupinske obiske z gibalno oviranimi se "
            "vnaprej dogovorite z muzejem."
        ),
    },
    {
        "slug": "hisa-eksperimentov",
        "title": "Hiša eksperimentov",
        "short_description": (
            "Interaktivni znanstveni center, kjer znanost spoznavaš s poskusi, ki jih izvedeš samostojno."
        ),
        "description": (
            "Hiša eksperimentov je interaktivni znanstveni center, v katerem obiskovalci sami "
            "preizkušajo poskuse s področja fizike, kemije in biologije. Poleg stalne razstave "
            "pripravlja znanstvene predstave, delavnice in tekmovanja, ki mlade spodbujajo k "
            "radovednosti in kritičnemu razmišljanju."
        ),
        "address": "Trubarjeva cesta 39, 1000 Ljubljana",
        "lat": 46.053,
        "lng": 14.5113,
        "website": "https://www.he.si/",
        "phone": "",
        "email": "",
        "interests": ["science-technology"],
        "accessibility": (
            "Glede dostopnosti prostorov za obiskovalce z gibalnimi ovirami se pred obiskom "
            "posvetuj z ekipo centra."
        ),
    },
    {
        "slug": "univerza-v-ljubljani-fri",
        "title": "Univerza v Ljubljani – Fakulteta za računalništvo in informatiko",
        "short_description": (
            "Fakulteta za računalništvo in informatiko s sodobnimi laboratoriji ter dejavnostmi za "
            "dijake in študente."
        ),
        "description": (
            "Fakulteta za računalništvo in informatiko Univerze v Ljubljani deluje v sodobni "
            "stavbi na Večni poti. Poleg študijskih programov za dijake pripravlja tekmovanja, "
            "dneve odprtih vrat ter delavnice programiranja in umetne inteligence."
        ),
        "address": "Večna pot 113, 1000 Ljubljana",
        "lat": 46.0502,
        "lng": 14.4689,
        "website": "https://fri.uni-lj.si/",
        "phone": "",
        "email": "",
        "interests": ["digital-skills", "science-technology", "entrepreneurship-careers"],
        "accessibility": (
            "Stavba je novejša, z dvigali in dostopom brez stopnic; za pomoč ob prihodu se obrnite "
            "na recepcijo."
        ),
    },
    {
        "slug": "botanicni-vrt-univerze-v-ljubljani",
        "title": "Botanični vrt Univerze v Ljubljani",
        "short_description": (
            "Botanični vrt iz leta 1810 s pestro zbirko domačih in tujih rastlin ob robu Trnovega."
        ),
        "description": (
            "Botanični vrt Univerze v Ljubljani je bil ustanovljen leta 1810 in je ena "
            "najstarejših znanstvenih ustanov v Sloveniji, ki deluje brez prekinitve. Na njegovih "
            "gredah in v rastlinjakih raste več tisoč rastlinskih vrst. Za mlade pripravlja "
            "vodstva, delavnice in prostovoljske dejavnosti."
        ),
        "address": "Ižanska cesta 15, 1000 Ljubljana",
        "lat": 46.0426,
        "lng": 14.5118,
        "website": "https://botanicni-vrt.si/",
        "phone": "",
        "email": "",
        "interests": ["nature-environment", "science-technology"],
        "accessibility": (
            "Glavne poti so večinoma ravne in primerne za vozičke, nekatere stranske poti pa so "
            "peščene."
        ),
    },
    {
        "slug": "zivalski-vrt-ljubljana",
        "title": "Živalski vrt Ljubljana",
        "short_description": (
            "Živalski vrt na južnem pobočju Rožnika, posvečen varstvu narave in izobraževanju."
        ),
        "description": (
            "Živalski vrt Ljubljana leži v gozdnatem okolju na pobočju Rožnika in predstavlja "
            "živali z vseh celin. Z izobraževalnimi programi, delavnicami in prostovoljskim delom "
            "mlade seznanja z varstvom ogroženih vrst in odgovornim odnosom do narave."
        ),
        "address": "Večna pot 70, 1000 Ljubljana",
        "lat": 46.053,
        "lng": 14.4726,
        "website": "https://www.zoo.si/",
        "phone": "",
        "email": "",
        "interests": ["nature-environment", "volunteering-community"],
        "accessibility": (
            "Vrt leži na pobočju, zato so nekatere poti strme; glavna pot je ob suhem vremenu "
            "prevozna z vozičkom, a je lahko naporna."
        ),
    },
    {
        "slug": "kinodvor",
        "title": "Kinodvor – mestni kino",
        "short_description": (
            "Mestni kino v središču Ljubljane s kakovostnim filmskim programom in filmsko vzgojo "
            "za mlade."
        ),
        "description": (
            "Kinodvor je mestni kino, ki na Kolodvorski ulici deluje v dvorani iz leta 1923. "
            "Predvaja kakovostne evropske in svetovne filme, pripravlja festivale ter obsežen "
            "program filmske vzgoje, ki otrokom in mladim pomaga filme gledati kritično."
        ),
        "address": "Kolodvorska ulica 13, 1000 Ljubljana",
        "lat": 46.0573,
        "lng": 14.5094,
        "website": "https://www.kinodvor.org/",
        "phone": "",
        "email": "",
        "interests": ["media-communication", "arts"],
        "accessibility": (
            "Za informacije o dostopu z vozičkom in rezervaciji ustreznega mesta v dvorani se "
            "obrnite na blagajno kina."
        ),
    },
    {
        "slug": "slovenska-kinoteka",
        "title": "Slovenska kinoteka",
        "short_description": (
            "Nacionalni filmski muzej s kinom, filmsko knjižnico in arhivom filmske dediščine."
        ),
        "description": (
            "Slovenska kinoteka je nacionalni filmski muzej, ki hrani, raziskuje in predstavlja "
            "filmsko dediščino. V kinu na Miklošičevi cesti predvaja klasike in retrospektive, ob "
            "tem pa ima filmsko knjižnico, razstave in izobraževalne programe za mlade."
        ),
        "address": "Miklošičeva cesta 28, 1000 Ljubljana",
        "lat": 46.0561,
        "lng": 14.5073,
        "website": "https://www.kinoteka.si/",
        "phone": "",
        "email": "",
        "interests": ["media-communication", "arts"],
        "accessibility": (
            "Za dostop do kinodvorane in razstavnih prostorov z vozičkom se pred obiskom "
            "posvetuj z osebjem kinoteke."
        ),
    },
    {
        "slug": "ljubljanski-grad",
        "title": "Ljubljanski grad",
        "short_description": (
            "Grad nad starim mestnim jedrom z razstavami, prireditvami in razgledom na vso "
            "Ljubljano."
        ),
        "description": (
            "Ljubljanski grad je ena najprepoznavnejših znamenitosti mesta in živahno kulturno "
            "prizorišče. Na gradu so stalne razstave o zgodovini Ljubljane, grajsko dvorišče pa "
            "čez vse leto gosti koncerte, gledališke predstave, poletni kino in družinske "
            "prireditve."
        ),
        "address": "Grajska planota 1, 1000 Ljubljana",
        "lat": 46.049,
        "lng": 14.5086,
        "website": "https://www.ljubljanskigrad.si/",
        "phone": "",
        "email": "",
        "interests": ["arts", "performing-arts"],
        "accessibility": (
            "Do gradu vozi vzpenjača, ki je dostopna tudi z vozičkom; nekateri deli gradu, na "
            "primer razgledni stolp, so dostopni le po stopnicah."
        ),
    },
    {
        "slug": "slovenska-filantropija",
        "title": "Slovenska filantropija",
        "short_description": (
            "Združenje za promocijo prostovoljstva, ki povezuje prostovoljce in organizacije po "
            "vsej Sloveniji."
        ),
        "description": (
            "Slovenska filantropija je nevladna humanitarna organizacija, ustanovljena leta 1992, "
            "ki razvija in spodbuja prostovoljstvo. V prostorih na Poljanski cesti organizira učno "
            "pomoč, učenje slovenščine za priseljence, usposabljanja za prostovoljce in svetovanje "
            "organizacijam."
        ),
        "address": "Poljanska cesta 12, 1000 Ljubljana",
        "lat": 46.0498,
        "lng": 14.5126,
        "website": "https://www.filantropija.org/",
        "phone": "",
        "email": "",
        "interests": ["volunteering-community", "languages", "health-wellbeing"],
        "accessibility": (
            "Prostori so v starejši mestni stavbi; glede dostopa brez stopnic se pred obiskom "
            "dogovorite z ekipo."
        ),
    },
    {
        "slug": "slovensko-mladinsko-gledalisce",
        "title": "Slovensko mladinsko gledališče",
        "short_description": (
            "Gledališče, znano po drznih sodobnih predstavah in povezovanju z mladim občinstvom."
        ),
        "description": (
            "Slovensko mladinsko gledališče je eno najbolj prepoznavnih slovenskih gledališč, ki s "
            "sodobnimi in eksperimentalnimi uprizoritvami redno gostuje po svetu. Mladim odpira "
            "vrata z delavnicami, pogovori z ustvarjalci in ogledi zaodrja."
        ),
        "address": "Vilharjeva cesta 11, 1000 Ljubljana",
        "lat": 46.0616,
        "lng": 14.5108,
        "website": "https://www.mladinsko.com/",
        "phone": "",
        "email": "",
        "interests": ["performing-arts"],
        "accessibility": (
            "Glede dostopa do dvoran z vozičkom in rezervacije primernih sedežev se obrnite na "
            "blagajno gledališča."
        ),
    },
    {
        "slug": "center-rog",
        "title": "Center Rog",
        "short_description": (
            "Ustvarjalno in družabno središče v nekdanji tovarni Rog s proizvodnimi laboratoriji "
            "in knjižnico."
        ),
        "description": (
            "Center Rog je javni zavod v prenovljeni tovarni koles Rog ob Ljubljanici, odprt leta "
            "2023. V proizvodnih laboratorijih – med drugim lesarskem, tekstilnem, keramičnem, "
            "steklarskem in elektronskem – lahko ob pomoči mentorjev izdelaš svoje izdelke. Hiša "
            "ima tudi knjižnico, razstavne prostore in kotičke za učenje."
        ),
        "address": "Trubarjeva cesta 72, 1000 Ljubljana",
        "lat": 46.0539,
        "lng": 14.5158,
        "website": "",
        "phone": "",
        "email": "",
        "interests": ["arts", "digital-skills", "entrepreneurship-careers"],
        "accessibility": (
            "Prenovljena stavba ima dvigala in dostop brez stopnic do večine prostorov; za delo v "
            "laboratorijih se posvetuj z mentorji."
        ),
    },
    {
        "slug": "sport-ljubljana-hala-tivoli",
        "title": "Javni zavod Šport Ljubljana – Hala Tivoli",
        "short_description": (
            "Mestni zavod, ki upravlja športne objekte, med njimi Halo Tivoli, drsališče in "
            "zunanja igrišča."
        ),
        "description": (
            "Javni zavod Šport Ljubljana skrbi za športne objekte in površine Mestne občine "
            "Ljubljana. V Hali Tivoli in okoliškem športnem parku so na voljo dvorane, drsališče, "
            "bazen in zunanja igrišča, zavod pa organizira tudi športne programe in rekreacijo za "
            "vse generacije."
        ),
        "address": "Celovška cesta 25, 1000 Ljubljana",
        "lat": 46.0587,
        "lng": 14.4966,
        "website": "https://www.sport-ljubljana.si/",
        "phone": "",
        "email": "",
        "interests": ["sports", "health-wellbeing"],
        "accessibility": (
            "Glavni vhodi v dvorano so dostopni brez stopnic; za dostop do posameznih igrišč in "
            "garderob se pozanimajte na recepciji."
        ),
    },
    {
        "slug": "tehnoloski-park-ljubljana",
        "title": "Tehnološki park Ljubljana",
        "short_description": (
            "Tehnološko središče na Brdu, ki podpira zagonska in visokotehnološka podjetja."
        ),
        "description": (
            "Tehnološki park Ljubljana povezuje več sto inovativnih podjetij s področij "
            "informacijskih tehnologij, biotehnologije, energetike in kreativnih industrij. Mladim "
            "ponuja vpogled v podjetniški svet, mentorstvo in priložnosti za prve delovne izkušnje "
            "v zagonskih podjetjih."
        ),
        "address": "Tehnološki park 19, 1000 Ljubljana",
        "lat": 46.0468,
        "lng": 14.4618,
        "website": "https://www.tp-lj.si/",
        "phone": "",
        "email": "",
        "interests": ["entrepreneurship-careers", "science-technology"],
        "accessibility": (
            "Poslovne stavbe so sodobne, z dvigali in dostopom brez stopnic; za pomoč ob prihodu "
            "se obrnite na recepcijo."
        ),
    },
    {
        "slug": "mestni-muzej-ljubljana",
        "title": "Mestni muzej Ljubljana",
        "short_description": (
            "Muzej zgodovine Ljubljane od rimske Emone do danes v Turjaški palači."
        ),
        "description": (
            "Mestni muzej Ljubljana v Turjaški palači pripoveduje zgodbo mesta od prazgodovine in "
            "rimske Emone do sodobnosti. Je del zavoda Muzej in galerije mesta Ljubljane, ki "
            "pripravlja razstave, vodstva in ustvarjalne delavnice za vse generacije."
        ),
        "address": "Gosposka ulica 15, 1000 Ljubljana",
        "lat": 46.0471,
        "lng": 14.5037,
        "website": "https://mgml.si/",
        "phone": "",
        "email": "",
        "interests": ["arts", "media-communication"],
        "accessibility": (
            "Palača ima dvigalo do razstavnih prostorov; ob obisku z vozičkom priporočamo "
            "predhodni dogovor z muzejem."
        ),
    },
]

OPPORTUNITIES = [
    {
        "provider": "mestna-knjiznica-ljubljana",
        "title": "Klepetalnica v angleščini za mlade",
        "type": "course",
        "summary": (
            "Sproščeni pogovori v angleščini o aktualnih temah, filmih in glasbi – brez ocen in "
            "brez treme."
        ),
        "body": (
            "Na tedenskih srečanjih v knjižnici se pogovarjamo v angleščini o temah, ki zanimajo "
            "mlade: od glasbe in serij do potovanj in podnebnih sprememb. Pogovore vodi izkušena "
            "mentorica, ki spodbuja vse, da spregovorijo. Predznanje ni pomembno, pomembna je "
            "volja do pogovora."
        ),
        "learn": [
            "tekočnost v vsakdanjem pogovoru",
            "nove besede in fraze iz sodobne angleščine",
            "več samozavesti pri govorjenju",
        ],
        "interests": ["languages"],
        "skills": ["komunikacija", "javno nastopanje", "angleščina"],
        "age_min": 15,
        "age_max": 19,
        "price": "",
        "languages": ["en", "sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 2,
            "every_days": 7,
            "count": 6,
            "start_time": "17:00",
            "duration_minutes": 90,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "mestna-knjiznica-ljubljana",
        "title": "Digitalna varnost: zaščiti svoj profil",
        "type": "digital",
        "summary": (
            "Kratka serija srečanj o zasebnosti, geslih in prepoznavanju spletnih prevar – v "
            "knjižnici ali prek spleta."
        ),
        "body": (
            "V treh srečanjih pregledamo nastavitve zasebnosti na družbenih omrežjih, se naučimo "
            "ustvariti varna gesla ter prepoznati lažne novice in spletne prevare. Srečanja "
            "potekajo v računalniški učilnici knjižnice, hkrati pa jih lahko spremljaš tudi na "
            "spletu."
        ),
        "learn": [
            "nastaviti zasebnost na družbenih omrežjih",
            "ustvariti in upravljati varna gesla",
            "prepoznati spletne prevare in lažne novice",
        ],
        "interests": ["digital-skills", "media-communication"],
        "skills": ["digitalna pismenost", "kritično mišljenje", "varnost na spletu"],
        "age_min": 13,
        "age_max": 15,
        "price": "",
        "languages": ["sl"],
        "mode": "hybrid",
        "online_url": "https://example.org/mkl/digitalna-varnost",
        "schedule": {
            "kind": "sessions",
            "start_day": 9,
            "every_days": 7,
            "count": 3,
            "start_time": "16:00",
            "duration_minutes": 60,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "mestna-knjiznica-ljubljana",
        "title": "Središče za samostojno učenje",
        "type": "open_space",
        "summary": (
            "Mirni kotički, računalniki in učna gradiva za samostojno učenje jezikov in drugih "
            "veščin v času odprtja knjižnice."
        ),
        "body": (
            "V Središču za samostojno učenje so na voljo jezikovni tečaji, učbeniki, računalniki s "
            "programi za učenje ter svetovalci, ki ti pomagajo sestaviti učni načrt. Prostor lahko "
            "obiščeš kadar koli v času odprtja knjižnice, tudi s prijatelji."
        ),
        "learn": [
            "načrtovati lastno učenje",
            "uporabljati spletne učne vire",
            "vztrajati pri učnih ciljih",
        ],
        "interests": ["languages", "digital-skills"],
        "skills": ["samostojnost", "organizacija časa", "digitalna pismenost"],
        "age_min": 13,
        "age_max": 29,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "mestna-knjiznica-ljubljana",
        "title": "Stripovska delavnica v Stripoteki",
        "type": "course",
        "summary": (
            "Od ideje in likov do prve stripovske zgodbe – ob mentorju in bogati zbirki stripov."
        ),
        "body": (
            "Stripoteka Knjižnice Otona Župančiča hrani bogato zbirko domačih in tujih stripov. Na "
            "štirih srečanjih prelistamo klasike, zasnujemo svoje junake in narišemo kratko "
            "zgodbo. Najboljše strani razstavimo v knjižnici."
        ),
        "learn": [
            "oblikovati stripovske like",
            "zgodbo razdeliti na sličice",
            "osnove tuša in senčenja",
        ],
        "interests": ["arts", "media-communication"],
        "skills": ["risanje", "pripovedovanje zgodb", "ustvarjalnost"],
        "age_min": 13,
        "age_max": 17,
        "price": "10 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 16,
            "every_days": 7,
            "count": 4,
            "start_time": "17:30",
            "duration_minutes": 120,
        },
        "capacity": 14,
        "accessibility": "",
    },
    {
        "provider": "mestna-knjiznica-ljubljana",
        "title": "Podkast iz knjižnice: od ideje do objave",
        "type": "youth_project",
        "summary": (
            "V skupini mladih posnemi svojo serijo podkasta – od teme in intervjujev do montaže in "
            "objave."
        ),
        "body": (
            "Skupaj z mentorjem izberete temo, pripravite vprašanja in posnamete intervjuje z "
            "zanimivimi gosti. S prenosno snemalno opremo se naučite snemanja in montaže zvoka, na "
            "koncu pa epizode objavite na spletu. Projekt traja pet tednov."
        ),
        "learn": [
            "pripraviti in voditi intervju",
            "snemati in montirati zvok",
            "predstaviti vsebino občinstvu",
        ],
        "interests": ["media-communication", "digital-skills"],
        "skills": ["timsko delo", "komunikacija", "montaža zvoka"],
        "age_min": 15,
        "age_max": 22,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 23,
            "every_days": 7,
            "count": 5,
            "start_time": "18:00",
            "duration_minutes": 120,
        },
        "capacity": 8,
        "accessibility": "",
    },
    {
        "provider": "center-rog",
        "title": "Uvod v lesarski laboratorij",
        "type": "course",
        "summary": (
            "Spoznaj ročna in električna orodja ter pod vodstvom mentorja izdelaj svoj prvi leseni "
            "izdelek."
        ),
        "body": (
            "Na treh večernih srečanjih se naučiš varnega dela z osnovnimi ročnimi in električnimi "
            "orodji v lesarskem laboratoriju Centra Rog. Izbereš preprost projekt, na primer "
            "polico ali škatlo, ga izmeriš, izrežeš, zbrusiš in sestaviš. Material za prvi izdelek "
            "je vključen v ceno."
        ),
        "learn": [
            "varno uporabljati lesarska orodja",
            "načrtovati izdelek z merami",
            "brusiti, lepiti in zaščititi les",
        ],
        "interests": ["arts", "entrepreneurship-careers"],
        "skills": ["ročne spretnosti", "natančnost", "reševanje problemov"],
        "age_min": 16,
        "age_max": 29,
        "price": "25 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 4,
            "every_days": 7,
            "count": 3,
            "start_time": "17:00",
            "duration_minutes": 180,
        },
        "capacity": 8,
        "accessibility": (
            "Delo poteka stoje ob delovnih mizah; glede prilagoditev se posvetuj z mentorjem."
        ),
    },
    {
        "provider": "center-rog",
        "title": "Elektronika za začetnike: spajkaj svojo prvo napravo",
        "type": "course",
        "summary": (
            "V elektronskem laboratoriju sestavi in sprogramiraj preprosto napravo z lučkami in "
            "senzorji."
        ),
        "body": (
            "Spoznaš osnovne elektronske elemente, se naučiš spajkanja in sestaviš vezje s "
            "senzorjem in svetlečimi diodami. V zadnjem delu napravo povežeš z mikrokrmilnikom in "
            "jo preprosto sprogramiraš. Izdelek odneseš domov."
        ),
        "learn": [
            "brati preprosto električno shemo",
            "varno spajkati",
            "programirati mikrokrmilnik",
        ],
        "interests": ["digital-skills", "science-technology"],
        "skills": ["programiranje", "ročne spretnosti", "logično razmišljanje"],
        "age_min": 14,
        "age_max": 19,
        "price": "15 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 12,
            "every_days": 7,
            "count": 4,
            "start_time": "16:30",
            "duration_minutes": 120,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "center-rog",
        "title": "Tekstilni laboratorij: novo življenje starih oblačil",
        "type": "event",
        "summary": (
            "Celodnevna delavnica, na kateri stara oblačila predelaš v nove kose – s šivalnim "
            "strojem ali ročno."
        ),
        "body": (
            "Prinesi oblačilo, ki ga ne nosiš več, in ga s pomočjo oblikovalk spremeni v nekaj "
            "novega: torbo, majico ali unikaten dodatek. Spoznaš osnove šivalnega stroja, krojenja "
            "in popravljanja. Ob tem se pogovorimo o vplivu hitre mode na okolje."
        ),
        "learn": [
            "uporabljati šivalni stroj",
            "krojiti in popravljati oblačila",
            "razmišljati o trajnostni modi",
        ],
        "interests": ["arts", "nature-environment"],
        "skills": ["ustvarjalnost", "ročne spretnosti", "trajnostno razmišljanje"],
        "age_min": 13,
        "age_max": 29,
        "price": "5 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 27,
            "every_days": 0,
            "count": 1,
            "start_time": "10:00",
            "duration_minutes": 240,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "center-rog",
        "title": "Odprti studio za mlade ustvarjalce",
        "type": "open_space",
        "summary": (
            "Brezplačni kotički za učenje, skiciranje in skupinsko delo v steklenem prizidku "
            "Centra Rog."
        ),
        "body": (
            "V nadstropjih steklenega prizidka so mize, vtičnice in brezžični internet, kjer lahko "
            "mladi v času odprtja hiše delajo šolske naloge, skicirajo ali načrtujejo svoje "
            "projekte. Prostor je odprt za vse, brez vpisa in brez vstopnine."
        ),
        "learn": [
            "organizirati lastno delo",
            "sodelovati v skupinskih projektih",
            "spoznati ustvarjalno skupnost hiše",
        ],
        "interests": ["arts", "entrepreneurship-careers"],
        "skills": ["samostojnost", "timsko delo", "ustvarjalnost"],
        "age_min": 15,
        "age_max": 29,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "center-rog",
        "title": "Praksa v proizvodnih laboratorijih Centra Rog",
        "type": "internship",
        "summary": (
            "Petedenska praksa ob mentorjih laboratorijev: pomoč pri delavnicah, vzdrževanju "
            "opreme in izvedbi projektov."
        ),
        "body": (
            "Kot praktikant ali praktikantka se pridružiš ekipi proizvodnih laboratorijev in "
            "spoznaš, kako deluje sodoben ustvarjalni center. Sodeluješ pri pripravi delavnic, "
            "skrbiš za red in opremo ter pomagaš obiskovalcem. Praksa je primerna za študente "
            "oblikovanja, arhitekture ali tehniških smeri."
        ),
        "learn": [
            "organizirati delavnice za javnost",
            "vzdrževati orodja in stroje",
            "delati z obiskovalci",
        ],
        "interests": ["entrepreneurship-careers", "arts"],
        "skills": ["odgovornost", "timsko delo", "organizacija"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 21,
            "every_days": 7,
            "count": 5,
            "start_time": "09:00",
            "duration_minutes": 360,
        },
        "capacity": 3,
        "accessibility": "",
    },
    {
        "provider": "kino-siska",
        "title": "Odprta vadnica za mlade glasbenike",
        "type": "open_space",
        "summary": (
            "Opremljena vadnica, ki jo mlade zasedbe lahko po dostopni ceni rezervirajo za vaje."
        ),
        "body": (
            "Mlade glasbene skupine in posamezniki lahko rezervirajo termin v vadnici z "
            "ozvočenjem, bobni in ojačevalci. Po dogovoru je na voljo tudi nasvet izkušenega "
            "tonskega tehnika. Termine je treba rezervirati vnaprej."
        ),
        "learn": [
            "redno in učinkovito vaditi v skupini",
            "uporabljati ozvočenje",
            "pripraviti program za nastop",
        ],
        "interests": ["music"],
        "skills": ["timsko delo", "disciplina", "glasbena izvedba"],
        "age_min": 15,
        "age_max": 25,
        "price": "5 EUR na uro",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "kino-siska",
        "title": "Prostovoljci na koncertih in festivalih",
        "type": "volunteering",
        "summary": (
            "Pridruži se ekipi prostovoljcev, ki pomaga pri izvedbi koncertov, razstav in "
            "festivalov v Kinu Šiška."
        ),
        "body": (
            "Prostovoljci pomagajo pri sprejemu obiskovalcev, informacijah, postavitvi razstav in "
            "promociji dogodkov. Vsak sam izbere dogodke, pri katerih želi sodelovati, pred prvo "
            "izmeno pa se udeleži kratkega uvajanja. Dobiš vpogled v delo kulturnega centra in "
            "nova poznanstva."
        ),
        "learn": [
            "kako poteka organizacija koncerta",
            "delati z obiskovalci",
            "sodelovati v produkcijski ekipi",
        ],
        "interests": ["music", "volunteering-community"],
        "skills": ["komunikacija", "timsko delo", "zanesljivost"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "kino-siska",
        "title": "Delavnica tonskega mojstra",
        "type": "course",
        "summary": (
            "Osnove ozvočenja in snemanja v živo – na pravem odru in z opremo koncertne dvorane."
        ),
        "body": (
            "Pod vodstvom izkušenih tonskih mojstrov spoznaš mikrofone, mešalno mizo in ozvočenje. "
            "Na zadnjem srečanju samostojno pripraviš zvok za kratek nastop mlade zasedbe in ga "
            "posnameš."
        ),
        "learn": [
            "postaviti mikrofone na odru",
            "upravljati mešalno mizo",
            "posneti koncert v živo",
        ],
        "interests": ["music", "digital-skills"],
        "skills": ["tehnično znanje", "natančnost", "timsko delo"],
        "age_min": 16,
        "age_max": 25,
        "price": "40 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 13,
            "every_days": 7,
            "count": 4,
            "start_time": "17:00",
            "duration_minutes": 150,
        },
        "capacity": 8,
        "accessibility": "",
    },
    {
        "provider": "kino-siska",
        "title": "Mladi odri: koncert novih zasedb",
        "type": "event",
        "summary": (
            "Večer, na katerem se predstavijo mlade ljubljanske zasedbe, izbrane na odprtem pozivu."
        ),
        "body": (
            "Na velikem odru se zvrsti več mladih zasedb, ki so se prijavile na odprti poziv in v "
            "preteklih tednih vadile z mentorji. Pridi jih podpret, spoznaj novo glasbeno sceno in "
            "se morda navduši, da se naslednjič prijaviš tudi ti."
        ),
        "learn": [
            "spoznati novo domačo glasbeno sceno",
            "kako poteka profesionalen koncert",
            "povezati se z mladimi glasbeniki",
        ],
        "interests": ["music", "performing-arts"],
        "skills": ["mreženje", "kulturna pismenost"],
        "age_min": 13,
        "age_max": 29,
        "price": "5 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 41,
            "every_days": 0,
            "count": 1,
            "start_time": "19:00",
            "duration_minutes": 180,
        },
        "capacity": 300,
        "accessibility": "",
    },
    {
        "provider": "kino-siska",
        "title": "Sodobni ples za najstnike",
        "type": "course",
        "summary": (
            "Štiri srečanja plesne improvizacije, na katerih raziskuješ gib, ritem in izraz."
        ),
        "body": (
            "Pod vodstvom plesalke sodobnega plesa se ogrejemo, raziskujemo gibanje v prostoru in "
            "ustvarimo kratko skupinsko koreografijo. Predznanje ni potrebno, dovolj sta udobna "
            "obleka in volja do gibanja."
        ),
        "learn": [
            "osnove plesne improvizacije",
            "ustvariti kratko koreografijo",
            "zaupati svojemu telesu na odru",
        ],
        "interests": ["performing-arts", "health-wellbeing"],
        "skills": ["izražanje", "sodelovanje", "koordinacija"],
        "age_min": 13,
        "age_max": 17,
        "price": "20 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 30,
            "every_days": 7,
            "count": 4,
            "start_time": "16:00",
            "duration_minutes": 90,
        },
        "capacity": 16,
        "accessibility": "",
    },
    {
        "provider": "hisa-eksperimentov",
        "title": "Eksperimentalnica: fizika, ki jo primeš v roke",
        "type": "event",
        "summary": (
            "Dopoldne poskusov z magneti, zvokom in svetlobo, kjer ničesar ne gledaš le od daleč."
        ),
        "body": (
            "Mladi raziskovalci se razdelijo v skupine in izvajajo poskuse z magneti, zvokom in "
            "svetlobo. Animatorji jih spodbujajo, da sami postavljajo vprašanja in preverjajo "
            "napovedi. Na koncu vsaka skupina predstavi svoje najbolj presenetljivo odkritje."
        ),
        "learn": [
            "postaviti hipotezo in jo preveriti",
            "razložiti pojave z magneti in svetlobo",
            "predstaviti rezultate skupini",
        ],
        "interests": ["science-technology"],
        "skills": ["radovednost", "kritično mišljenje", "timsko delo"],
        "age_min": 13,
        "age_max": 15,
        "price": "8 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 50,
            "every_days": 0,
            "count": 1,
            "start_time": "10:00",
            "duration_minutes": 180,
        },
        "capacity": 24,
        "accessibility": "",
    },
    {
        "provider": "hisa-eksperimentov",
        "title": "Prostovoljni animator v Hiši eksperimentov",
        "type": "volunteering",
        "summary": (
            "Pomagaj obiskovalcem pri poskusih in se nauči znanost razlagati tako, da jo razume "
            "vsak."
        ),
        "body": (
            "Po uvodnem usposabljanju se prostovoljci pridružijo ekipi animatorjev in obiskovalcem "
            "pomagajo pri poskusih na razstavi. Spoznaš ozadje številnih eksperimentov in se "
            "naučiš, kako zapletene pojme razložiti preprosto in zabavno. Izmene potekajo enkrat "
            "na teden."
        ),
        "learn": [
            "razlagati znanstvene pojave preprosto",
            "delati z otroki in družinami",
            "voditi manjšo skupino",
        ],
        "interests": ["science-technology", "volunteering-community"],
        "skills": ["komunikacija", "potrpežljivost", "javno nastopanje"],
        "age_min": 16,
        "age_max": 25,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 8,
            "every_days": 7,
            "count": 6,
            "start_time": "15:00",
            "duration_minutes": 180,
        },
        "capacity": 6,
        "accessibility": "",
    },
    {
        "provider": "hisa-eksperimentov",
        "title": "Kemija v kuhinji",
        "type": "course",
        "summary": (
            "Zakaj testo vzhaja in zakaj rdeče zelje spremeni barvo? Odkrij kemijo vsakdanje hrane."
        ),
        "body": (
            "Na treh srečanjih izvajamo varne poskuse z živili in kuhinjskimi pripomočki. "
            "Raziščemo kisline in baze, emulzije in kristale ter se ob tem pogovorimo o zdravi "
            "prehrani. Poskuse lahko pozneje ponoviš tudi doma."
        ),
        "learn": [
            "razlikovati kisline in baze",
            "razložiti kemijo kuhanja",
            "varno izvajati poskuse",
        ],
        "interests": ["science-technology", "health-wellbeing"],
        "skills": ["opazovanje", "natančnost", "radovednost"],
        "age_min": 13,
        "age_max": 16,
        "price": "12 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 19,
            "every_days": 7,
            "count": 3,
            "start_time": "17:00",
            "duration_minutes": 90,
        },
        "capacity": 16,
        "accessibility": "",
    },
    {
        "provider": "hisa-eksperimentov",
        "title": "Znanost v treh minutah",
        "type": "youth_project",
        "summary": (
            "Pripravi kratek, duhovit nastop o znanstveni temi in ga predstavi občinstvu na "
            "zaključnem večeru."
        ),
        "body": (
            "V skupini mladih izbereš znanstveno temo, ki te navdušuje, in jo z mentorji spremeniš "
            "v tri minute dolg nastop. Vadimo pripovedovanje, uporabo rekvizitov in obvladovanje "
            "treme. Projekt se konča z javnim večerom v Hiši eksperimentov."
        ),
        "learn": [
            "poenostaviti zapleteno vsebino",
            "nastopati pred občinstvom",
            "uporabiti humor pri razlagi",
        ],
        "interests": ["science-technology", "media-communication"],
        "skills": ["javno nastopanje", "pripovedovanje zgodb", "samozavest"],
        "age_min": 15,
        "age_max": 24,
        "price": "5 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 33,
            "every_days": 7,
            "count": 3,
            "start_time": "18:00",
            "duration_minutes": 120,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "univerza-v-ljubljani-fri",
        "title": "Programiranje v Pythonu za dijake",
        "type": "course",
        "summary": (
            "Šest srečanj, na katerih napišeš prve programe in igro – v računalniški učilnici "
            "fakultete."
        ),
        "body": (
            "Tečaj je namenjen dijakom brez predznanja. Študentje in asistenti fakultete te vodijo "
            "od prvih ukazov do zank, funkcij in preproste igre. Ob tem dobiš vpogled v študij "
            "računalništva in življenje na fakulteti."
        ),
        "learn": ["osnove jezika Python", "razmišljati algoritmično", "napisati preprosto igro"],
        "interests": ["digital-skills", "science-technology"],
        "skills": ["programiranje", "logično razmišljanje", "reševanje problemov"],
        "age_min": 15,
        "age_max": 19,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 3,
            "every_days": 7,
            "count": 6,
            "start_time": "16:00",
            "duration_minutes": 120,
        },
        "capacity": 24,
        "accessibility": "",
    },
    {
        "provider": "univerza-v-ljubljani-fri",
        "title": "Spletni uvod v umetno inteligenco",
        "type": "digital",
        "summary": (
            "Spletna serija predavanj in vaj o tem, kako delujejo sodobni modeli umetne "
            "inteligence in kje so njihove meje."
        ),
        "body": (
            "V petih spletnih srečanjih spoznaš, kako se računalniki učijo iz podatkov, kaj so "
            "nevronske mreže in kako delujejo jezikovni modeli. Vsako srečanje ima kratek "
            "praktični del v brskalniku, zato namestitev programov ni potrebna. Posebej se "
            "posvetimo etičnim vprašanjem."
        ),
        "learn": [
            "osnovne pojme strojnega učenja",
            "preizkusiti preprost model v brskalniku",
            "kritično presojati rabo umetne inteligence",
        ],
        "interests": ["digital-skills", "science-technology"],
        "skills": ["digitalna pismenost", "kritično mišljenje", "analitično razmišljanje"],
        "age_min": 17,
        "age_max": 29,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "online",
        "online_url": "https://example.org/fri/uvod-v-umetno-inteligenco",
        "schedule": {
            "kind": "sessions",
            "start_day": 10,
            "every_days": 7,
            "count": 5,
            "start_time": "18:00",
            "duration_minutes": 90,
        },
        "capacity": 100,
        "accessibility": "",
    },
    {
        "provider": "univerza-v-ljubljani-fri",
        "title": "Mladinski hekaton: rešitve za zeleno mesto",
        "type": "event",
        "summary": (
            "Celodnevni hekaton, na katerem ekipe razvijejo digitalne rešitve za bolj zeleno "
            "Ljubljano."
        ),
        "body": (
            "Ekipe s tremi do petimi člani dobijo izzive s področja mobilnosti, odpadkov in "
            "energije ter v enem dnevu razvijejo prototip aplikacije ali spletne strani. Mentorji "
            "s fakultete in iz podjetij pomagajo pri tehničnih in vsebinskih vprašanjih. Najboljše "
            "rešitve predstavimo strokovni komisiji."
        ),
        "learn": [
            "hitro razviti prototip",
            "delati pod časovnim pritiskom",
            "predstaviti idejo komisiji",
        ],
        "interests": ["digital-skills", "nature-environment", "entrepreneurship-careers"],
        "skills": ["timsko delo", "programiranje", "predstavljanje idej"],
        "age_min": 16,
        "age_max": 25,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 45,
            "every_days": 0,
            "count": 1,
            "start_time": "09:00",
            "duration_minutes": 600,
        },
        "capacity": 60,
        "accessibility": "",
    },
    {
        "provider": "univerza-v-ljubljani-fri",
        "title": "Dan odprtih laboratorijev FRI",
        "type": "other",
        "summary": (
            "Obišči raziskovalne laboratorije fakultete in se s študenti pogovori o študiju "
            "računalništva."
        ),
        "body": (
            "Raziskovalci predstavijo svoje laboratorije – od računalniškega vida in robotike do "
            "bioinformatike. Študentje odgovarjajo na vprašanja o študiju, vpisu in obštudijskih "
            "dejavnostih. Obisk je primeren za dijake, ki razmišljajo o študiju tehnike."
        ),
        "learn": [
            "kakšni so študijski programi računalništva",
            "s čim se ukvarjajo raziskovalni laboratoriji",
            "kako se pripraviti na vpis",
        ],
        "interests": ["science-technology", "entrepreneurship-careers"],
        "skills": ["poklicna orientacija", "radovednost"],
        "age_min": 17,
        "age_max": 19,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 24,
            "every_days": 0,
            "count": 1,
            "start_time": "10:00",
            "duration_minutes": 180,
        },
        "capacity": 80,
        "accessibility": "",
    },
    {
        "provider": "slovenska-filantropija",
        "title": "Učna pomoč za osnovnošolce: postani prostovoljec",
        "type": "volunteering",
        "summary": (
            "Enkrat na teden pomagaj otroku pri učenju – prostovoljsko delo z uvajanjem in podporo "
            "mentorja."
        ),
        "body": (
            "Prostovoljci enkrat na teden nudijo učno pomoč osnovnošolcem, ki potrebujejo podporo "
            "pri matematiki, jezikih ali drugih predmetih. Pred začetkom se udeležiš uvodnega "
            "srečanja, med delom pa imaš na voljo mentorja in redne supervizije. Pridružiš se "
            "lahko kadar koli med šolskim letom."
        ),
        "learn": [
            "razložiti snov na različne načine",
            "spodbujati otrokovo samozavest",
            "delati v skupnosti",
        ],
        "interests": ["volunteering-community"],
        "skills": ["empatija", "potrpežljivost", "odgovornost"],
        "age_min": 16,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "slovenska-filantropija",
        "title": "Usposabljanje za prostovoljce",
        "type": "course",
        "summary": (
            "Temeljno usposabljanje o prostovoljstvu, komunikaciji in skrbi zase, v živo ali prek "
            "spleta."
        ),
        "body": (
            "Na treh srečanjih spoznaš pravice in dolžnosti prostovoljcev, veščine aktivnega "
            "poslušanja in načine, kako poskrbeti za svoje meje. Usposabljanje vodijo izkušeni "
            "mentorji Slovenske filantropije. Udeleženci prejmejo potrdilo o opravljenem "
            "usposabljanju."
        ),
        "learn": [
            "pravice in dolžnosti prostovoljca",
            "aktivno poslušanje",
            "postavljanje zdravih meja",
        ],
        "interests": ["volunteering-community", "health-wellbeing"],
        "skills": ["komunikacija", "empatija", "samorefleksija"],
        "age_min": 18,
        "age_max": 29,
        "price": "20 EUR",
        "languages": ["sl"],
        "mode": "hybrid",
        "online_url": "https://example.org/filantropija/usposabljanje-prostovoljcev",
        "schedule": {
            "kind": "sessions",
            "start_day": 11,
            "every_days": 7,
            "count": 3,
            "start_time": "17:00",
            "duration_minutes": 180,
        },
        "capacity": 25,
        "accessibility": "",
    },
    {
        "provider": "slovenska-filantropija",
        "title": "Jezikovni tandem: slovenščina za nove sosede",
        "type": "volunteering",
        "summary": (
            "Druži se s priseljenci, ki se učijo slovenščine, in jim pomagaj pri vsakdanjem "
            "pogovoru."
        ),
        "body": (
            "Prostovoljci v parih ali manjših skupinah vodijo sproščene pogovore s priseljenci, ki "
            "se učijo slovenščine. Teme izhajajo iz vsakdanjega življenja: nakupovanje, obisk pri "
            "zdravniku, iskanje dela. Ob tem spoznaš druge kulture in utrdiš tudi svoje znanje tujih "
            "jezikov."
        ),
        "learn": [
            "voditi pogovor v preprosti slovenščini",
            "medkulturno sporazumevanje",
            "prilagoditi jezik sogovorniku",
        ],
        "interests": ["languages", "volunteering-community"],
        "skills": ["medkulturne kompetence", "komunikacija", "empatija"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 17,
            "every_days": 7,
            "count": 5,
            "start_time": "18:00",
            "duration_minutes": 90,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "slovenska-filantropija",
        "title": "Medgeneracijska digitalna pomoč",
        "type": "youth_project",
        "summary": (
            "Mladi starejšim pokažejo, kako uporabljati pametni telefon, videoklice in spletne "
            "storitve."
        ),
        "body": (
            "V skupini mladih pripravite kratke delavnice za starejše iz soseske in jim pomagate "
            "pri uporabi pametnih telefonov, videoklicev in varnega spletnega bančništva. Projekt "
            "povezuje generacije in krepi digitalno vključenost. Ob koncu skupaj ocenite, kaj je "
            "uspelo in kaj bi izboljšali."
        ),
        "learn": [
            "pripraviti kratko delavnico",
            "potrpežljivo razlagati tehnologijo",
            "načrtovati in oceniti projekt",
        ],
        "interests": ["digital-skills", "volunteering-community"],
        "skills": ["empatija", "digitalna pismenost", "vodenje projektov"],
        "age_min": 15,
        "age_max": 25,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 36,
            "every_days": 7,
            "count": 3,
            "start_time": "16:00",
            "duration_minutes": 90,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "cankarjev-dom",
        "title": "Za odrom Cankarjevega doma",
        "type": "event",
        "summary": (
            "Vodeni ogled zaodrja: od odrske tehnike in garderob do režijskih kabin za luč in zvok."
        ),
        "body": (
            "Tehnični sodelavci te popeljejo v prostore, ki jih obiskovalci običajno ne vidijo: na "
            "oder Gallusove dvorane, v garderobe in do režijskih kabin za luč in zvok. Pogovorimo "
            "se o poklicih v kulturi, ki ostajajo skriti očem občinstva."
        ),
        "learn": [
            "kako deluje velik oder",
            "kateri poklici stojijo za predstavo",
            "osnove odrske razsvetljave",
        ],
        "interests": ["performing-arts", "entrepreneurship-careers"],
        "skills": ["poklicna orientacija", "radovednost"],
        "age_min": 15,
        "age_max": 19,
        "price": "5 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 51,
            "every_days": 0,
            "count": 1,
            "start_time": "11:00",
            "duration_minutes": 120,
        },
        "capacity": 25,
        "accessibility": (
            "Del ogleda poteka po stopnicah; za prilagojeno pot se vnaprej dogovorite z "
            "organizatorjem."
        ),
    },
    {
        "provider": "cankarjev-dom",
        "title": "Mladi gledališki kritiki",
        "type": "course",
        "summary": (
            "Oglej si predstave iz programa Cankarjevega doma in se nauči o njih pisati jasno in "
            "prepričljivo."
        ),
        "body": (
            "Udeleženci si ogledajo dve predstavi, nato pa z urednico kulturne rubrike "
            "analizirajo, kaj naredi dobro kritiko. Napišejo svoje besedilo in ga v skupini "
            "predelajo, najboljše pa objavimo na spletu. Srečanja je mogoče spremljati tudi prek "
            "spleta."
        ),
        "learn": [
            "analizirati uprizoritev",
            "napisati argumentirano kritiko",
            "urejati besedilo po povratni informaciji",
        ],
        "interests": ["performing-arts", "media-communication"],
        "skills": ["pisanje", "kritično mišljenje", "argumentiranje"],
        "age_min": 16,
        "age_max": 24,
        "price": "20 EUR",
        "languages": ["sl"],
        "mode": "hybrid",
        "online_url": "https://example.org/cankarjev-dom/mladi-kritiki",
        "schedule": {
            "kind": "sessions",
            "start_day": 20,
            "every_days": 7,
            "count": 4,
            "start_time": "18:00",
            "duration_minutes": 120,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "cankarjev-dom",
        "title": "Praksa v festivalski produkciji",
        "type": "internship",
        "summary": (
            "Štiri tedne z ekipo, ki pripravlja festivale in koncerte – od logistike do dela z "
            "nastopajočimi."
        ),
        "body": (
            "Praktikant se pridruži produkcijski ekipi in pomaga pri pripravi urnikov, sprejemu "
            "nastopajočih in izvedbi dogodkov. Spozna delo odrskih vodij, producentov in "
            "sodelavcev za odnose z javnostmi. Praksa je primerna za študente kulturnih, "
            "organizacijskih ali komunikacijskih smeri."
        ),
        "learn": [
            "načrtovati logistiko dogodka",
            "komunicirati z nastopajočimi",
            "delati v produkcijski ekipi",
        ],
        "interests": ["entrepreneurship-careers", "music"],
        "skills": ["organizacija", "odgovornost", "komunikacija"],
        "age_min": 19,
        "age_max": 29,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 28,
            "every_days": 7,
            "count": 4,
            "start_time": "09:00",
            "duration_minutes": 360,
        },
        "capacity": 2,
        "accessibility": "",
    },
    {
        "provider": "moderna-galerija",
        "title": "Skicirka med umetninami",
        "type": "course",
        "summary": (
            "Risanje v galerijskih dvoranah ob delih slovenskih modernistov, z vodstvom likovne "
            "pedagoginje."
        ),
        "body": (
            "Na vsakem srečanju izberemo drugo dvorano stalne zbirke in rišemo po umetninah, ki "
            "nas pritegnejo. Pedagoginja pokaže tehnike hitrega skiciranja in pove zgodbo izbranih "
            "del. Skicirko in svinčnike dobiš na prvem srečanju."
        ),
        "learn": [
            "tehnike hitrega skiciranja",
            "opazovati kompozicijo in svetlobo",
            "spoznati slovensko moderno umetnost",
        ],
        "interests": ["arts"],
        "skills": ["opazovanje", "risanje", "zbranost"],
        "age_min": 13,
        "age_max": 19,
        "price": "5 EUR na srečanje",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 7,
            "every_days": 7,
            "count": 4,
            "start_time": "16:00",
            "duration_minutes": 90,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "moderna-galerija",
        "title": "Mladi vodniki po zbirki",
        "type": "youth_project",
        "summary": (
            "Pripravi in izvedi svoje vodstvo po Moderni galeriji – v slovenščini ali angleščini."
        ),
        "body": (
            "Skupina mladih štiri tedne raziskuje izbrana dela stalne zbirke, išče zanimive zgodbe "
            "in pripravi kratka vodstva za vrstnike. Mentorji pomagajo pri vsebini in nastopu. Na "
            "zaključnem dogodku mladi vodniki vodijo obiskovalce po galeriji."
        ),
        "learn": [
            "raziskati umetniško delo",
            "pripraviti in izvesti vodstvo",
            "nastopati v slovenščini ali angleščini",
        ],
        "interests": ["arts", "languages"],
        "skills": ["javno nastopanje", "raziskovanje", "timsko delo"],
        "age_min": 16,
        "age_max": 25,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 22,
            "every_days": 7,
            "count": 4,
            "start_time": "17:00",
            "duration_minutes": 120,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "moderna-galerija",
        "title": "Kustos v živo: spletni ogled razstave",
        "type": "digital",
        "summary": (
            "Spletni ogled aktualne razstave s kustosom, ki v živo odgovarja na vprašanja "
            "gledalcev."
        ),
        "body": (
            "Kustos te prek spleta popelje po aktualni razstavi, predstavi izbrana dela in ozadje "
            "njihovega nastanka. Med prenosom lahko v klepetu postavljaš vprašanja. Posnetek je "
            "udeležencem dostopen še nekaj dni."
        ),
        "learn": [
            "brati sodobno umetniško delo",
            "kako nastane razstava",
            "postavljati dobra vprašanja",
        ],
        "interests": ["arts", "media-communication"],
        "skills": ["kritično mišljenje", "kulturna pismenost"],
        "age_min": 13,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "online",
        "online_url": "https://example.org/moderna-galerija/spletni-ogled",
        "schedule": {
            "kind": "sessions",
            "start_day": 47,
            "every_days": 0,
            "count": 1,
            "start_time": "19:00",
            "duration_minutes": 60,
        },
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "prirodoslovni-muzej-slovenije",
        "title": "Mamut in ledena doba",
        "type": "event",
        "summary": (
            "Delavnica ob okostju mamuta: kako so živeli veliki sesalci ledene dobe in kako to "
            "vemo."
        ),
        "body": (
            "Ob enem najbolj znanih eksponatov muzeja spoznamo življenje v ledeni dobi. Preučujemo "
            "odlitke kosti in zob, jih primerjamo z današnjimi živalmi in ugotavljamo, kaj nam "
            "povedo fosili. Delavnica se konča z ogledom razstave."
        ),
        "learn": [
            "kako nastanejo fosili",
            "primerjati anatomijo živali",
            "kako se je spreminjalo podnebje",
        ],
        "interests": ["science-technology", "nature-environment"],
        "skills": ["opazovanje", "sklepanje", "radovednost"],
        "age_min": 13,
        "age_max": 15,
        "price": "6 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 54,
            "every_days": 0,
            "count": 1,
            "start_time": "10:00",
            "duration_minutes": 120,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "prirodoslovni-muzej-slovenije",
        "title": "Detektivi kamnin",
        "type": "course",
        "summary": (
            "Na treh srečanjih se nauči prepoznavati minerale in kamnine z lupo, magnetom in "
            "preprostimi testi."
        ),
        "body": (
            "Geologi muzeja pokažejo, kako minerale prepoznamo po trdoti, barvi črte, sijaju in "
            "drugih lastnostih. Udeleženci preučijo vzorce iz muzejske učne zbirke in sestavijo "
            "svojo majhno zbirko. Na zadnjem srečanju obiščemo stalno razstavo mineralov."
        ),
        "learn": [
            "prepoznati pogoste minerale",
            "uporabljati preproste geološke teste",
            "urediti zbirko vzorcev",
        ],
        "interests": ["science-technology", "nature-environment"],
        "skills": ["opazovanje", "natančnost", "raziskovanje"],
        "age_min": 14,
        "age_max": 18,
        "price": "15 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 25,
            "every_days": 7,
            "count": 3,
            "start_time": "17:00",
            "duration_minutes": 90,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "prirodoslovni-muzej-slovenije",
        "title": "Praksa v muzejskih zbirkah",
        "type": "internship",
        "summary": (
            "Tri tedne sodelovanja s kustosi pri urejanju, popisu in digitalizaciji naravoslovnih "
            "zbirk."
        ),
        "body": (
            "Praktikanti pod vodstvom kustosov pomagajo pri urejanju zbirk, vnosu podatkov v "
            "podatkovne zbirke in fotografiranju primerkov. Spoznajo, kako muzej skrbi za več sto "
            "let stare predmete. Praksa je primerna za študente biologije, geologije ali sorodnih "
            "smeri."
        ),
        "learn": [
            "ravnati z muzejskimi primerki",
            "popisovati in digitalizirati zbirke",
            "kako poteka delo kustosa",
        ],
        "interests": ["science-technology", "entrepreneurship-careers"],
        "skills": ["natančnost", "delo s podatki", "odgovornost"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 35,
            "every_days": 7,
            "count": 3,
            "start_time": "09:00",
            "duration_minutes": 300,
        },
        "capacity": 2,
        "accessibility": "",
    },
    {
        "provider": "narodni-muzej-slovenije-metelkova",
        "title": "Arheologija iz prve roke",
        "type": "event",
        "summary": (
            "Spoznaj delo arheologov: od izkopavanja in risanja najdb do ugotavljanja njihove "
            "starosti."
        ),
        "body": (
            "Arheologi muzeja predstavijo, kako poteka izkopavanje in kaj se zgodi z najdbami, ko "
            "pridejo v muzej. Udeleženci preizkusijo risanje in opisovanje odlitkov najdb ter "
            "poskušajo ugotoviti njihovo starost. Delavnico zaokroži pogovor o tem, kako muzej "
            "predmete hrani in razstavlja."
        ),
        "learn": [
            "kako poteka arheološko izkopavanje",
            "dokumentirati najdbo",
            "določiti približno starost predmeta",
        ],
        "interests": ["science-technology", "arts"],
        "skills": ["opazovanje", "natančnost", "sklepanje"],
        "age_min": 13,
        "age_max": 16,
        "price": "4 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 53,
            "every_days": 0,
            "count": 1,
            "start_time": "10:00",
            "duration_minutes": 150,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "narodni-muzej-slovenije-metelkova",
        "title": "Oblikuj svojo razstavo",
        "type": "youth_project",
        "summary": (
            "Skupina mladih ob muzejskih strokovnjakih pripravi manjšo razstavo o predmetih iz "
            "vsakdanjega življenja."
        ),
        "body": (
            "V štirih tednih spoznaš, kako nastane razstava: izbira predmetov, pisanje napisov, "
            "oblikovanje prostora in promocija. Mladi izberejo temo, povezano s svojim vsakdanom, "
            "in jo predstavijo s predmeti iz muzejskih zbirk in z lastnimi zgodbami. Razstava je "
            "odprta za javnost."
        ),
        "learn": ["zasnovati razstavo", "pisati razumljive napise", "predstaviti projekt javnosti"],
        "interests": ["arts", "media-communication"],
        "skills": ["timsko delo", "ustvarjalnost", "pisanje"],
        "age_min": 16,
        "age_max": 22,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 29,
            "every_days": 7,
            "count": 4,
            "start_time": "16:30",
            "duration_minutes": 120,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "narodni-muzej-slovenije-metelkova",
        "title": "Zgodbe predmetov: spletni muzejski kviz",
        "type": "digital",
        "summary": (
            "Spletni kviz o predmetih iz zbirk Narodnega muzeja, ki ga lahko igraš samostojno ali z ekipo."
        ),
        "body": (
            "Dva spletna večera s kvizom, v katerem kustosi skozi vprašanja predstavijo zanimive "
            "predmete iz muzejskih zbirk. Tekmuješ lahko samostojno ali v ekipi z največ štirimi člani. "
            "Najboljše ekipe prejmejo brezplačne vstopnice za muzej."
        ),
        "learn": [
            "spoznati zanimive predmete iz zbirk",
            "hitro in natančno iskati podatke",
            "sodelovati v ekipi na daljavo",
        ],
        "interests": ["arts", "digital-skills"],
        "skills": ["timsko delo", "splošna razgledanost"],
        "age_min": 13,
        "age_max": 19,
        "price": "",
        "languages": ["sl"],
        "mode": "online",
        "online_url": "https://example.org/nms/spletni-kviz",
        "schedule": {
            "kind": "sessions",
            "start_day": 38,
            "every_days": 7,
            "count": 2,
            "start_time": "18:00",
            "duration_minutes": 45,
        },
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "botanicni-vrt-univerze-v-ljubljani",
        "title": "Zeliščni vrtiček na okenski polici",
        "type": "course",
        "summary": (
            "Nauči se sejati, presajati in negovati zelišča, ki jih lahko gojiš tudi v mestnem "
            "stanovanju."
        ),
        "body": (
            "Na treh srečanjih v Botaničnem vrtu spoznaš zelišča, ki uspevajo v loncih, ter se "
            "naučiš setve, presajanja in zalivanja. Pogovorimo se o uporabi zelišč v prehrani in o "
            "pomenu opraševalcev. Vsak udeleženec domov odnese svoj lonček z zelišči."
        ),
        "learn": [
            "sejati in presajati rastline",
            "skrbeti za rastline v loncih",
            "uporabljati zelišča v kuhinji",
        ],
        "interests": ["nature-environment", "health-wellbeing"],
        "skills": ["skrbnost", "opazovanje", "vrtnarjenje"],
        "age_min": 13,
        "age_max": 29,
        "price": "10 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 2,
            "every_days": 7,
            "count": 3,
            "start_time": "16:00",
            "duration_minutes": 90,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "botanicni-vrt-univerze-v-ljubljani",
        "title": "Prostovoljno delo v Botaničnem vrtu",
        "type": "volunteering",
        "summary": (
            "Pomagaj vrtnarjem pri negi gred, urejanju poti in pripravi rastlin za razstave."
        ),
        "body": (
            "Prostovoljci se pridružijo vrtnarjem pri sezonskih opravilih, kot so pletje, sajenje, "
            "zalivanje in urejanje poti. Ob delu spoznaš rastline z vsega sveta in izveš, kako "
            "deluje znanstveni botanični vrt. Termine dogovorimo glede na letni čas in tvoje "
            "možnosti."
        ),
        "learn": [
            "sezonska vrtnarska opravila",
            "prepoznati rastlinske vrste",
            "delati v strokovni ekipi",
        ],
        "interests": ["nature-environment", "volunteering-community"],
        "skills": ["zanesljivost", "vzdržljivost", "timsko delo"],
        "age_min": 16,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "botanicni-vrt-univerze-v-ljubljani",
        "title": "Jutranji sprehod z botanikom",
        "type": "other",
        "summary": (
            "Vodeni sprehod po vrtu, na katerem botanik predstavi zanimive, redke in zdravilne "
            "rastline."
        ),
        "body": (
            "Botanik te popelje med gredami s slovenskimi endemiti, zdravilnimi rastlinami in "
            "drevesi z vsega sveta. Izveš, kako rastline prepoznamo po listih in cvetovih ter "
            "zakaj je varovanje rastlinske pestrosti pomembno. Sprehod je primeren za vse, ki radi "
            "opazujejo naravo."
        ),
        "learn": [
            "prepoznati nekaj domačih rastlinskih vrst",
            "kaj so endemiti",
            "zakaj varujemo biotsko pestrost",
        ],
        "interests": ["nature-environment", "science-technology"],
        "skills": ["opazovanje", "radovednost"],
        "age_min": 13,
        "age_max": 29,
        "price": "5 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 44,
            "every_days": 0,
            "count": 1,
            "start_time": "09:00",
            "duration_minutes": 90,
        },
        "capacity": 25,
        "accessibility": "",
    },
    {
        "provider": "zivalski-vrt-ljubljana",
        "title": "Oskrbnik za en dan",
        "type": "event",
        "summary": (
            "Dopoldne ob oskrbnikih živali: priprava hrane, čiščenje nastanitev in opazovanje "
            "vedenja."
        ),
        "body": (
            "Pridruži se oskrbnikom pri jutranjih opravilih: pripravi hrane, čiščenju nastanitev "
            "in opazovanju živali. Izveš, kako v živalskem vrtu skrbijo za dobro počutje živali in "
            "kako sodelujejo pri ohranjanju ogroženih vrst. Delo poteka na prostem, zato se obleci "
            "primerno vremenu."
        ),
        "learn": [
            "kako poteka vsakodnevna oskrba živali",
            "opazovati in beležiti vedenje",
            "kaj obsega poklic oskrbnika",
        ],
        "interests": ["nature-environment", "entrepreneurship-careers"],
        "skills": ["odgovornost", "opazovanje", "poklicna orientacija"],
        "age_min": 13,
        "age_max": 17,
        "price": "20 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 55,
            "every_days": 0,
            "count": 1,
            "start_time": "08:30",
            "duration_minutes": 240,
        },
        "capacity": 8,
        "accessibility": "",
    },
    {
        "provider": "zivalski-vrt-ljubljana",
        "title": "Mladi varuhi narave",
        "type": "youth_project",
        "summary": (
            "Petedenski projekt, v katerem mladi pripravijo kampanjo za zaščito ogrožene živalske "
            "vrste."
        ),
        "body": (
            "Skupina mladih izbere eno od ogroženih vrst, ki jih predstavlja živalski vrt, in "
            "razišče, kaj jo ogroža. Z mentorji pripravi kampanjo s plakati, kratkimi videi ali "
            "stojnico za obiskovalce. Projekt se zaključi s predstavitvijo v živalskem vrtu."
        ),
        "learn": [
            "raziskati vzroke ogroženosti vrst",
            "pripraviti ozaveščevalno kampanjo",
            "nagovoriti obiskovalce",
        ],
        "interests": ["nature-environment", "volunteering-community", "media-communication"],
        "skills": ["vodenje projektov", "komunikacija", "timsko delo"],
        "age_min": 14,
        "age_max": 19,
        "price": "10 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 15,
            "every_days": 7,
            "count": 5,
            "start_time": "15:00",
            "duration_minutes": 120,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "zivalski-vrt-ljubljana",
        "title": "Fotografiranje živali",
        "type": "course",
        "summary": (
            "Dva jutranja tečaja fotografiranja v živalskem vrtu – s fotoaparatom ali telefonom."
        ),
        "body": (
            "Fotograf narave pokaže, kako pri fotografiranju živali izbrati pravi trenutek, "
            "kompozicijo in svetlobo. Vadimo v živalskem vrtu, nato pa fotografije skupaj "
            "pregledamo in izberemo najboljše. Uporabiš lahko fotoaparat ali pametni telefon."
        ),
        "learn": [
            "kompozicija in svetloba",
            "fotografirati premikajoče se živali",
            "izbrati in urediti fotografije",
        ],
        "interests": ["arts", "nature-environment", "media-communication"],
        "skills": ["fotografija", "potrpežljivost", "opazovanje"],
        "age_min": 15,
        "age_max": 29,
        "price": "35 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 40,
            "every_days": 7,
            "count": 2,
            "start_time": "09:00",
            "duration_minutes": 180,
        },
        "capacity": 10,
        "accessibility": "",
    },
    {
        "provider": "kinodvor",
        "title": "Filmski klub za mlade",
        "type": "other",
        "summary": (
            "Tedenski ogledi izbranih filmov, ki jim sledi sproščen pogovor z mladimi filmskimi "
            "navdušenci."
        ),
        "body": (
            "Vsak teden si skupaj ogledamo film iz aktualnega programa ali filmsko klasiko, nato "
            "pa se ob mentorju pogovorimo o zgodbi, režiji in temah, ki jih film odpira. Klub je "
            "odprt za vse, ki radi gledajo filme in o njih razmišljajo."
        ),
        "learn": ["brati filmsko govorico", "argumentirati svoje mnenje", "spoznati evropski film"],
        "interests": ["media-communication", "arts"],
        "skills": ["kritično mišljenje", "argumentiranje", "kulturna pismenost"],
        "age_min": 15,
        "age_max": 19,
        "price": "4 EUR na projekcijo",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 6,
            "every_days": 7,
            "count": 7,
            "start_time": "18:00",
            "duration_minutes": 150,
        },
        "capacity": 30,
        "accessibility": "",
    },
    {
        "provider": "kinodvor",
        "title": "Kratki film s telefonom v dveh dneh",
        "type": "course",
        "summary": (
            "Dvodnevna intenzivna delavnica, na kateri z ekipo posnameš in zmontiraš kratki film."
        ),
        "body": (
            "Prvi dan z mentorji razvijemo zgodbo, narišemo snemalno knjigo in snemamo s pametnimi "
            "telefoni. Drugi dan film zmontiramo, dodamo zvok in ga na koncu skupaj pogledamo v "
            "kinodvorani. Potrebuješ le telefon in idejo."
        ),
        "learn": ["napisati kratek scenarij", "snemati s telefonom", "zmontirati film"],
        "interests": ["media-communication", "digital-skills"],
        "skills": ["timsko delo", "ustvarjalnost", "montaža"],
        "age_min": 14,
        "age_max": 19,
        "price": "25 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 26,
            "every_days": 1,
            "count": 2,
            "start_time": "10:00",
            "duration_minutes": 300,
        },
        "capacity": 16,
        "accessibility": "",
    },
    {
        "provider": "kinodvor",
        "title": "Prostovoljec na filmskem festivalu",
        "type": "volunteering",
        "summary": (
            "Pomagaj pri izvedbi festivala: sprejem gostov, informacije za obiskovalce in pomoč v "
            "dvoranah."
        ),
        "body": (
            "Med festivalom se pridružiš ekipi prostovoljcev, ki skrbi za nemoten potek projekcij. "
            "Pomagaš pri sprejemu obiskovalcev in gostov, štetju glasov občinstva in informacijah. "
            "V zameno si lahko brezplačno ogledaš izbrane filme."
        ),
        "learn": [
            "kako poteka filmski festival",
            "delo z obiskovalci",
            "sodelovanje v večji ekipi",
        ],
        "interests": ["media-communication", "volunteering-community"],
        "skills": ["komunikacija", "zanesljivost", "timsko delo"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 49,
            "every_days": 1,
            "count": 3,
            "start_time": "16:00",
            "duration_minutes": 300,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "slovenska-kinoteka",
        "title": "Zgodovina filma v šestih filmih",
        "type": "course",
        "summary": (
            "Šest večerov s klasikami svetovnega filma in kratkimi uvodi, ki razkrijejo, kako se "
            "je film razvijal."
        ),
        "body": (
            "Vsak teden si na velikem platnu Kinoteke ogledamo en mejnik filmske zgodovine – od "
            "nemega filma do sodobnosti. Pred projekcijo filmski zgodovinar predstavi ozadje "
            "nastanka, po njej pa se pogovorimo. Udeleženci dobijo seznam priporočenih filmov za "
            "samostojno raziskovanje."
        ),
        "learn": [
            "ključna obdobja filmske zgodovine",
            "prepoznati filmske sloge",
            "razumeti povezavo med filmom in družbo",
        ],
        "interests": ["media-communication", "arts"],
        "skills": ["kulturna pismenost", "kritično mišljenje"],
        "age_min": 16,
        "age_max": 29,
        "price": "20 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 9,
            "every_days": 7,
            "count": 6,
            "start_time": "19:00",
            "duration_minutes": 150,
        },
        "capacity": 40,
        "accessibility": "",
    },
    {
        "provider": "slovenska-kinoteka",
        "title": "Kako rešujemo stare filme",
        "type": "event",
        "summary": (
            "Predavanje in predstavitev restavriranja filmov: od poškodovanega traku do digitalne "
            "kopije."
        ),
        "body": (
            "Strokovnjaki Kinoteke pokažejo, kako skrbijo za filmske trakove in kako jih "
            "pregledajo, očistijo in digitalizirajo. Videl boš primere pred restavriranjem in po "
            "njem ter izvedel, zakaj je filmska dediščina tako krhka."
        ),
        "learn": ["kako se stara filmski trak", "osnove digitalizacije", "zakaj arhiviramo filme"],
        "interests": ["media-communication", "science-technology"],
        "skills": ["radovednost", "tehnično razumevanje"],
        "age_min": 15,
        "age_max": 29,
        "price": "4 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 31,
            "every_days": 0,
            "count": 1,
            "start_time": "14:00",
            "duration_minutes": 120,
        },
        "capacity": 40,
        "accessibility": "",
    },
    {
        "provider": "slovenska-kinoteka",
        "title": "Videoesej: razloži film s slikami",
        "type": "digital",
        "summary": (
            "Nauči se posneti kratek videoesej o filmu, ki te je navdušil – v Kinoteki ali na "
            "daljavo."
        ),
        "body": (
            "Videoesej je kratko video delo, ki z izrezi iz filma in glasom razlaga, kako film "
            "deluje. Na dveh srečanjih spoznaš primere, pripraviš scenarij in z brezplačnimi "
            "orodji zmontiraš svoj videoesej. Srečanjema se lahko pridružiš v Kinoteki ali prek "
            "spleta."
        ),
        "learn": [
            "analizirati filmski prizor",
            "napisati besedilo za glas",
            "montirati z brezplačnimi orodji",
        ],
        "interests": ["media-communication", "digital-skills"],
        "skills": ["montaža", "pisanje", "kritično mišljenje"],
        "age_min": 17,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "hybrid",
        "online_url": "https://example.org/kinoteka/videoesej",
        "schedule": {
            "kind": "sessions",
            "start_day": 43,
            "every_days": 7,
            "count": 2,
            "start_time": "18:00",
            "duration_minutes": 120,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "ljubljanski-grad",
        "title": "Lokostrelstvo in srednjeveške igre na gradu",
        "type": "event",
        "summary": (
            "Preizkusi lokostrelstvo in tradicionalne srednjeveške igre na grajskem dvorišču."
        ),
        "body": (
            "Izkušeni lokostrelci pokažejo, kako varno uporabljati lok in puščice, nato pa se "
            "pomerimo v streljanju v tarče. Med odmori spoznamo srednjeveške družabne igre in "
            "izvemo, kako je bilo živeti na gradu. Vsa oprema je zagotovljena."
        ),
        "learn": [
            "osnove varnega lokostrelstva",
            "srednjeveške družabne igre",
            "vsakdanje življenje na gradu",
        ],
        "interests": ["sports", "arts"],
        "skills": ["zbranost", "koordinacija", "športni duh"],
        "age_min": 13,
        "age_max": 17,
        "price": "10 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 46,
            "every_days": 0,
            "count": 1,
            "start_time": "10:00",
            "duration_minutes": 180,
        },
        "capacity": 20,
        "accessibility": "",
    },
    {
        "provider": "ljubljanski-grad",
        "title": "Gledališka delavnica na grajskem dvorišču",
        "type": "course",
        "summary": (
            "Tri srečanja gledaliških vaj na prostem, ki se končajo s kratkim nastopom za "
            "obiskovalce gradu."
        ),
        "body": (
            "Z režiserko se igramo gledališke igre, raziskujemo glas in gib ter pripravimo kratke "
            "prizore, navdihnjene z grajskimi legendami. Na zadnjem srečanju prizore zaigramo pred "
            "obiskovalci gradu. Predznanje ni potrebno."
        ),
        "learn": [
            "osnove igre in improvizacije",
            "uporabljati glas na prostem",
            "nastopiti pred občinstvom",
        ],
        "interests": ["performing-arts"],
        "skills": ["javno nastopanje", "sodelovanje", "izražanje"],
        "age_min": 15,
        "age_max": 22,
        "price": "30 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 37,
            "every_days": 7,
            "count": 3,
            "start_time": "17:00",
            "duration_minutes": 120,
        },
        "capacity": 16,
        "accessibility": "",
    },
    {
        "provider": "ljubljanski-grad",
        "title": "Praksa v turističnem vodenju na gradu",
        "type": "internship",
        "summary": (
            "Štiri tedne ob grajskih vodnikih: priprava vodstev, delo s tujimi gosti in zgodovina "
            "Ljubljane."
        ),
        "body": (
            "Praktikanti spremljajo vodnike pri vodstvih po gradu in razstavah, se učijo zgodovine "
            "gradu in mesta ter postopoma prevzamejo dele vodstev. Veliko dela poteka v "
            "angleščini, zato je dobro znanje jezika prednost. Praksa je primerna za študente "
            "turizma, zgodovine ali jezikov."
        ),
        "learn": [
            "pripraviti in izvesti vodstvo",
            "delati s tujimi gosti",
            "zgodovina Ljubljane in gradu",
        ],
        "interests": ["languages", "entrepreneurship-careers"],
        "skills": ["javno nastopanje", "angleščina", "delo s strankami"],
        "age_min": 18,
        "age_max": 26,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 8,
            "every_days": 7,
            "count": 4,
            "start_time": "10:00",
            "duration_minutes": 240,
        },
        "capacity": 2,
        "accessibility": "",
    },
    {
        "provider": "slovensko-mladinsko-gledalisce",
        "title": "Mladinska gledališka skupina",
        "type": "course",
        "summary": (
            "Osem tednov ustvarjanja lastne predstave z ustvarjalci Slovenskega mladinskega "
            "gledališča."
        ),
        "body": (
            "Skupina mladih z režiserjem in igralci gledališča razvija predstavo iz lastnih zgodb "
            "in tem, ki jih zanimajo. Vadimo igro, gib in delo z glasom, na koncu pa predstavo "
            "pokažemo v eni od dvoran gledališča."
        ),
        "learn": [
            "ustvarjati gledališče iz lastnih zgodb",
            "igra, gib in glas",
            "delati v ustvarjalni ekipi",
        ],
        "interests": ["performing-arts"],
        "skills": ["javno nastopanje", "timsko delo", "ustvarjalnost"],
        "age_min": 15,
        "age_max": 19,
        "price": "40 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 4,
            "every_days": 7,
            "count": 8,
            "start_time": "17:00",
            "duration_minutes": 120,
        },
        "capacity": 16,
        "accessibility": "",
    },
    {
        "provider": "slovensko-mladinsko-gledalisce",
        "title": "Generalka za mlade",
        "type": "event",
        "summary": "Brezplačen ogled generalke nove predstave in pogovor z igralci in režiserjem.",
        "body": (
            "Mladi si lahko ogledajo zadnjo vajo pred premiero nove predstave. Po generalki sledi "
            "pogovor z ustvarjalci, v katerem izveš, kako je predstava nastajala in kaj želi "
            "povedati. Število mest je omejeno, zato je potrebna prijava."
        ),
        "learn": [
            "kako nastaja predstava",
            "pogovarjati se o sodobnem gledališču",
            "spoznati gledališke poklice",
        ],
        "interests": ["performing-arts"],
        "skills": ["kulturna pismenost", "kritično mišljenje"],
        "age_min": 15,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 39,
            "every_days": 0,
            "count": 1,
            "start_time": "19:30",
            "duration_minutes": 180,
        },
        "capacity": 60,
        "accessibility": "",
    },
    {
        "provider": "slovensko-mladinsko-gledalisce",
        "title": "Scenografija in kostumi",
        "type": "course",
        "summary": (
            "Dvodnevna delavnica v gledaliških delavnicah: od skice scenografije do izdelave "
            "kostuma."
        ),
        "body": (
            "Scenografinja in kostumografinja predstavita, kako nastane podoba predstave. "
            "Udeleženci izdelajo maketo scene za izbrani prizor in del kostuma iz recikliranih "
            "materialov. Delavnica je primerna za vse, ki jih zanimajo oblikovanje, arhitektura "
            "ali moda."
        ),
        "learn": [
            "izdelati maketo scenografije",
            "zasnovati kostum",
            "delati z recikliranimi materiali",
        ],
        "interests": ["arts", "performing-arts"],
        "skills": ["ustvarjalnost", "ročne spretnosti", "prostorska predstavljivost"],
        "age_min": 16,
        "age_max": 25,
        "price": "15 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 48,
            "every_days": 1,
            "count": 2,
            "start_time": "10:00",
            "duration_minutes": 240,
        },
        "capacity": 12,
        "accessibility": "",
    },
    {
        "provider": "sport-ljubljana-hala-tivoli",
        "title": "Rekreativna košarka za mlade",
        "type": "other",
        "summary": (
            "Tedenski termini rekreativne košarke v dvorani, kjer se igra za zabavo in dobro "
            "družbo."
        ),
        "body": (
            "Vsak teden se v dvorani zbere skupina mladih, ki igra košarko za rekreacijo. Trener "
            "pripravi kratko ogrevanje in poskrbi za pošteno igro, ekipe pa sestavimo sproti. "
            "Pridi s prijatelji ali brez njih, potrebuješ le športno opremo."
        ),
        "learn": [
            "izboljšati košarkarsko tehniko",
            "igrati pošteno in v ekipi",
            "vključiti gibanje v tedenski ritem",
        ],
        "interests": ["sports", "health-wellbeing"],
        "skills": ["timsko delo", "vzdržljivost", "športni duh"],
        "age_min": 15,
        "age_max": 25,
        "price": "3 EUR na termin",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 1,
            "every_days": 7,
            "count": 8,
            "start_time": "20:00",
            "duration_minutes": 90,
        },
        "capacity": 24,
        "accessibility": "",
    },
    {
        "provider": "sport-ljubljana-hala-tivoli",
        "title": "Drsanje za začetnike",
        "type": "course",
        "summary": (
            "Štiri ure drsanja z učiteljem, ki te nauči varno stati, drseti, zavijati in se "
            "ustaviti."
        ),
        "body": (
            "Tečaj poteka na ledeni ploskvi v Hali Tivoli. Učitelj drsanja začne z osnovami "
            "ravnotežja in varnega padanja, nadaljuje pa z drsenjem naprej, zavijanjem in "
            "zaustavljanjem. Drsalke si lahko izposodiš na kraju samem."
        ),
        "learn": ["ohraniti ravnotežje na ledu", "drseti naprej in zavijati", "varno se ustaviti"],
        "interests": ["sports"],
        "skills": ["koordinacija", "vztrajnost"],
        "age_min": 13,
        "age_max": 19,
        "price": "25 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 15,
            "every_days": 7,
            "count": 4,
            "start_time": "16:00",
            "duration_minutes": 60,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "sport-ljubljana-hala-tivoli",
        "title": "Odprta zunanja igrišča v Tivoliju",
        "type": "open_space",
        "summary": (
            "Javna zunanja igrišča za košarko, odbojko in nogomet, ki jih mladi lahko prosto "
            "uporabljajo."
        ),
        "body": (
            "V športnem parku ob Hali Tivoli so zunanja igrišča, ki so v času odprtja prosto "
            "dostopna za rekreacijo. Pridruži se igri ali zberi svojo ekipo. Ob večjih prireditvah "
            "so igrišča lahko zasedena."
        ),
        "learn": [
            "redno se gibati na prostem",
            "organizirati igro s prijatelji",
            "spoznati nove soigralce",
        ],
        "interests": ["sports", "health-wellbeing"],
        "skills": ["timsko delo", "samoiniciativnost"],
        "age_min": 13,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {"kind": "ongoing"},
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "tehnoloski-park-ljubljana",
        "title": "Startup izziv: od ideje do prototipa v dveh dneh",
        "type": "event",
        "summary": (
            "Intenziven dvodnevni dogodek, na katerem ekipe razvijejo poslovno idejo in jo "
            "predstavijo investitorjem."
        ),
        "body": (
            "Udeleženci predstavijo svoje ideje, oblikujejo ekipe in dva dni ob mentorjih iz "
            "podjetij Tehnološkega parka razvijajo poslovni model in prototip. Drugi dan popoldne "
            "ekipe idejo predstavijo komisiji. Dogodek je odprt za študente in mlade s "
            "podjetniškimi izkušnjami ali brez njih."
        ),
        "learn": [
            "preveriti poslovno idejo",
            "zasnovati poslovni model",
            "predstaviti idejo investitorjem",
        ],
        "interests": ["entrepreneurship-careers", "digital-skills"],
        "skills": ["podjetnost", "timsko delo", "predstavljanje idej"],
        "age_min": 18,
        "age_max": 29,
        "price": "15 EUR",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 52,
            "every_days": 1,
            "count": 2,
            "start_time": "09:00",
            "duration_minutes": 480,
        },
        "capacity": 50,
        "accessibility": "",
    },
    {
        "provider": "tehnoloski-park-ljubljana",
        "title": "Praksa v zagonskem podjetju",
        "type": "internship",
        "summary": (
            "Šesttedenska praksa v enem od podjetij Tehnološkega parka na področju razvoja, "
            "trženja ali oblikovanja."
        ),
        "body": (
            "Tehnološki park poveže praktikante s podjetji, ki iščejo mlade sodelavce za krajše "
            "projekte. Glede na interese delaš pri razvoju programske opreme, trženju ali "
            "oblikovanju, ob tem pa imaš mentorja. Praksa je primerna za študente tehniških, "
            "naravoslovnih in ekonomskih smeri."
        ),
        "learn": [
            "kako deluje zagonsko podjetje",
            "delati na resničnem projektu",
            "profesionalno komunicirati v ekipi",
        ],
        "interests": ["entrepreneurship-careers", "digital-skills"],
        "skills": ["odgovornost", "timsko delo", "prilagodljivost"],
        "age_min": 19,
        "age_max": 29,
        "price": "",
        "languages": ["sl", "en"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 14,
            "every_days": 7,
            "count": 6,
            "start_time": "09:00",
            "duration_minutes": 420,
        },
        "capacity": 6,
        "accessibility": "",
    },
    {
        "provider": "tehnoloski-park-ljubljana",
        "title": "Spletni mentorski pogovori za mlade podjetnike",
        "type": "digital",
        "summary": (
            "Trije spletni pogovori z uspešnimi podjetniki o prvih korakih, napakah in "
            "financiranju."
        ),
        "body": (
            "Vsakih štirinajst dni gostimo podjetnico ali podjetnika iz Tehnološkega parka, ki "
            "deli izkušnje s prvimi koraki, iskanjem sodelavcev in financiranjem. Udeleženci lahko "
            "vprašanja postavljajo v živo. Pogovori so namenjeni vsem, ki razmišljajo o lastni "
            "poslovni poti."
        ),
        "learn": [
            "prvi koraki pri ustanovitvi podjetja",
            "viri financiranja za zagonska podjetja",
            "učiti se iz napak drugih",
        ],
        "interests": ["entrepreneurship-careers"],
        "skills": ["podjetnost", "mreženje"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "online",
        "online_url": "https://example.org/tehnoloski-park/mentorski-pogovori",
        "schedule": {
            "kind": "sessions",
            "start_day": 17,
            "every_days": 14,
            "count": 3,
            "start_time": "17:00",
            "duration_minutes": 60,
        },
        "capacity": None,
        "accessibility": "",
    },
    {
        "provider": "mestni-muzej-ljubljana",
        "title": "Emona pod tvojimi nogami",
        "type": "event",
        "summary": (
            "Vodeni sprehod po ostankih rimske Emone in ogled arheoloških najdb v Mestnem muzeju."
        ),
        "body": (
            "Arheologinja te popelje po ostankih rimske Emone v središču mesta, od obzidja do hiš "
            "z mozaiki. Sprehod se konča v Mestnem muzeju, kjer si ogledamo najdbe in izvemo, kako "
            "je bilo živeti v rimskem mestu pred skoraj dva tisoč leti."
        ),
        "learn": [
            "kako je bila zgrajena rimska Emona",
            "brati arheološke ostanke v mestu",
            "vsakdanje življenje v rimskem mestu",
        ],
        "interests": ["arts", "science-technology"],
        "skills": ["opazovanje", "radovednost"],
        "age_min": 13,
        "age_max": 19,
        "price": "5 EUR",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 38,
            "every_days": 0,
            "count": 1,
            "start_time": "15:00",
            "duration_minutes": 120,
        },
        "capacity": 25,
        "accessibility": "",
    },
    {
        "provider": "mestni-muzej-ljubljana",
        "title": "Ljubljana skozi moje oči",
        "type": "youth_project",
        "summary": (
            "Fotografski projekt, v katerem mladi dokumentirajo svojo Ljubljano in pripravijo "
            "skupno razstavo."
        ),
        "body": (
            "Na štirih srečanjih, ki potekajo vsakih štirinajst dni, spoznamo osnove dokumentarne "
            "fotografije, se sprehodimo po različnih četrtih in fotografiramo mesto, kot ga vidijo "
            "mladi. Fotografije skupaj izberemo in opremimo z besedili. Izbor razstavimo v muzeju."
        ),
        "learn": [
            "osnove dokumentarne fotografije",
            "pripovedovati zgodbo s fotografijami",
            "pripraviti razstavo",
        ],
        "interests": ["media-communication", "arts"],
        "skills": ["fotografija", "pripovedovanje zgodb", "timsko delo"],
        "age_min": 13,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 0,
            "every_days": 14,
            "count": 4,
            "start_time": "17:00",
            "duration_minutes": 90,
        },
        "capacity": 15,
        "accessibility": "",
    },
    {
        "provider": "mestni-muzej-ljubljana",
        "title": "Muzejska praksa: za kulisami razstave",
        "type": "internship",
        "summary": (
            "Dva tedna sodelovanja pri postavitvi razstave – od prenosa predmetov do napisov in "
            "odprtja."
        ),
        "body": (
            "Praktikanti sodelujejo s kustosi, konservatorji in tehniki pri postavitvi nove "
            "razstave. Spoznajo, kako se predmeti varno prenašajo, kako nastanejo napisi in kako "
            "se pripravi odprtje. Praksa je primerna za študente humanistike, oblikovanja ali "
            "konservatorstva."
        ),
        "learn": [
            "postavitev razstave korak za korakom",
            "ravnanje z muzejskimi predmeti",
            "delo v muzejski ekipi",
        ],
        "interests": ["arts", "entrepreneurship-careers"],
        "skills": ["natančnost", "timsko delo", "odgovornost"],
        "age_min": 18,
        "age_max": 29,
        "price": "",
        "languages": ["sl"],
        "mode": "in_person",
        "online_url": "",
        "schedule": {
            "kind": "sessions",
            "start_day": 42,
            "every_days": 7,
            "count": 2,
            "start_time": "09:00",
            "duration_minutes": 360,
        },
        "capacity": 2,
        "accessibility": "",
    },
]
