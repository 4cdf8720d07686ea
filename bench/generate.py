"""Generate a synthetic corpus of Indonesian news articles for benchmarks.

Articles are made by filling sentence patterns written here (in the style of Indonesian
online news: titled speakers, attribution, quotes, dates, amounts, denials, boilerplate,
datelines and bylines) with entries of kabar-kg's own lexicons (gazetteer, roles,
triggers) and with person names invented from the first and last name lists below.

The text is realistic in form, not in content: it exercises every extraction stage, but
the claims it makes are random. Article i depends only on (seed, i), so a corpus of 1,000
articles is the first 1,000 of a corpus of 10,000 made with the same seed.

    python bench/generate.py 10000 /tmp/gen --seed 1               # gen_000001.txt ...
    python bench/generate.py 10000 /tmp/gen --seed 1 --format jsonl # /tmp/gen/articles.jsonl
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.lexicon import load  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Names (invented persons: a first name and a last name of the same region)

NAMES = {
    "id": (["Budi", "Siti", "Agus", "Dewi", "Rizki", "Andi", "Sri", "Hendra", "Wahyu", "Rina", "Teguh",
            "Yusuf", "Fitri", "Bambang", "Lestari", "Arief", "Nur", "Dimas", "Ratna", "Eko"],
           ["Santoso", "Wibowo", "Hidayat", "Kusuma", "Saputra", "Nugroho", "Pratama", "Setiawan",
            "Siregar", "Nasution", "Harahap", "Wijaya", "Halim", "Purnomo", "Susanto", "Lubis"]),
    "ru": (["Sergei", "Alexei", "Dmitri", "Mikhail", "Nikolai", "Andrei", "Yuri", "Olga", "Irina",
            "Maria", "Ivan", "Pavel", "Anatoly", "Viktor"],
           ["Ivanov", "Petrov", "Smirnov", "Volkov", "Kuznetsov", "Sokolov", "Morozov", "Orlov",
            "Zakharov", "Belov", "Ryabkov", "Shoigu"]),
    "ua": (["Oleksandr", "Andriy", "Mykola", "Olena", "Yulia", "Taras", "Bohdan", "Serhiy", "Iryna",
            "Vitaliy", "Dmytro"],
           ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchuk", "Melnyk", "Lysenko",
            "Marchenko", "Syrskyi", "Budanov", "Umerov"]),
    "ko": (["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Han", "Ri", "Pak"],
           ["Min-jun", "Seo-yeon", "Ji-hoon", "Hyun-woo", "Su-bin", "Jong-ho", "Song-il", "Chol-su",
            "Yong-nam", "Myong-guk", "Tae-sung"]),
    "en": (["John", "Sarah", "Michael", "Emily", "David", "Jessica", "Robert", "Karen", "James",
            "Linda", "Matthew", "Sabrina", "Thomas", "Rachel"],
           ["Miller", "Johnson", "Williams", "Brown", "Davis", "Wilson", "Taylor", "Anderson",
            "Singh", "Clarke", "Harris", "Cooper", "Mitchell"]),
    "eu": (["Jean", "Pierre", "Hans", "Klaus", "Marco", "Giulia", "Anna", "Lars", "Piotr", "Katarzyna",
            "Elena", "Javier", "Sophie"],
           ["Dubois", "Lefebvre", "Schmidt", "Weber", "Rossi", "Bianchi", "Nowak", "Kowalski",
            "Jensen", "Garcia", "Fernandez", "Meyer"]),
    "zh": (["Wang", "Li", "Zhang", "Liu", "Chen", "Zhao", "Huang", "Zhou", "Mao"],
           ["Wei", "Jian", "Yi", "Ning", "Hao", "Lei", "Xiaoming", "Jun", "Lin"]),
    "ja": (["Hiroshi", "Yoko", "Takeshi", "Kenji", "Yuki", "Shigeru", "Fumio", "Aiko"],
           ["Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kishida", "Iwaya"]),
    "ar": (["Ahmed", "Mohammed", "Khalid", "Fatima", "Omar", "Yousef", "Hassan", "Layla", "Abdullah"],
           ["Al-Sayed", "Haddad", "Nasser", "Khalil", "Mansour", "Farouk", "Saleh", "Darwish"]),
}
REGION = {
    "Indonesia": "id", "Malaysia": "id", "Singapura": "zh", "Rusia": "ru", "Belarus": "ru",
    "Kazakhstan": "ru", "Ukraina": "ua", "Moldova": "ua", "Korea Utara": "ko", "Korea Selatan": "ko",
    "China": "zh", "Taiwan": "zh", "Jepang": "ja", "Amerika Serikat": "en", "Inggris": "en",
    "Australia": "en", "Kanada": "en", "Selandia Baru": "en", "Iran": "ar", "Irak": "ar", "Suriah": "ar",
    "Arab Saudi": "ar", "Qatar": "ar", "Mesir": "ar", "Lebanon": "ar", "Yaman": "ar", "Palestina": "ar",
}
REPORTERS = ["Willy Haryono", "Tedy Kurniawan", "Rahmat Fauzi", "Desi Anggraini", "Fajar Nugraha",
             "Marcheilla Ariesta", "Ade Irma", "Putri Ayu", "Yogi Ardhi", "Nadia Putri"]
INITIALS = ["blq", "dna", "isa", "rds", "bac", "ais", "wiw", "nvc", "fea", "dmi", "end", "pta"]
FICTIONAL_OUTLETS = [("Kabar Contoh", "kabarcontoh.com"), ("Warta Nusantara", "wartanusantara.co.id"),
                     ("Harian Lintas", "harianlintas.id"), ("Suara Khatulistiwa", "suarakhatulistiwa.com"),
                     ("Koran Prabumulih Pos", "koranprabumulihpos.com")]
CITIES = ["Jakarta", "Seoul", "Moskow", "Kyiv", "Washington", "Beijing", "Tokyo", "Brussel", "Jenewa",
          "New York", "Pyongyang", "London", "Paris", "Berlin", "Doha", "Ankara"]

# Country aliases that Indonesian newsrooms write in running text (short forms, capital metonyms);
# the English names the gazetteer also lists are left out.
SHORT_FORMS = {"Korut", "Korsel", "AS", "Amerika", "Pyongyang", "Seoul", "Kremlin", "Moskow", "Kyiv", "Washington",
               "Gedung Putih", "Tiongkok", "Beijing", "Tokyo", "RI", "London", "Paris", "Berlin", "Teheran",
               "Tel Aviv", "Ankara", "Damaskus", "Taipei", "Manila", "Canberra", "Beirut", "Riyadh", "Doha",
               "Warsawa", "Minsk", "Kairo", "New Delhi", "Islamabad"}

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
NUMBER_WORDS = ["dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
                "sebelas", "dua belas", "lima belas", "dua puluh"]

# ---------------------------------------------------------------------------------------------
# Sentence patterns. {Slot} is {slot} with its first letter capitalised.

PATTERNS = [
    "{Speaker} mengatakan bahwa {country} telah mengirim {num} {troops} ke {place}.",
    "“{quote},” ujar {speaker}.",
    "“{quote},” ucapnya {when}, seperti dikutip {outlet}.",
    "Menurut {speaker}, {country} {modal} mengerahkan {num} {troops} ke {country2} sejak {month_year}.",
    "{Country} membantah laporan bahwa pihaknya memasok {arms} kepada {country2}.",
    "{Org} mengonfirmasi bahwa {num} {troops} {country} telah tiba di {place} pada {weekday_date}.",
    "Langkah tersebut dikecam oleh {speaker} dalam pernyataan pada {full_date}.",
    "{Country} dan {country2} menandatangani perjanjian kerja sama pertahanan di {city} {when}.",
    "Pada {weekday_date}, {speaker} bertemu dengan {speaker2} di {city} untuk membahas situasi di {place}.",
    "{Speaker} memperingatkan bahwa {country} akan menjatuhkan sanksi baru terhadap {country2}.",
    "Sedikitnya {small_num} warga sipil tewas dalam serangan {arms} di {place} pada {weekday_date}, kata {speaker}.",
    "{Org} memperkirakan {num} {troops} {country} kini berada di {place}.",
    "{Country} menuduh {country2} melanggar hukum internasional dengan mengirimkan {arms} ke {place}.",
    "“Kami tidak pernah mengirim pasukan ke {country2},” tegas {speaker}.",
    "{Speaker} menolak berkomentar ketika ditanya mengenai laporan tersebut.",
    "Pemerintah {country} memanggil duta besar {country2} pada {full_date} untuk menyampaikan protes.",
    "Seperti dilansir {outlet}, {country} mendesak {country2} untuk segera menghentikan pengerahan pasukan ke {place}.",
    "{Speaker} menyebut klaim tersebut sebagai “{falsehood}”.",
    "Sejak {month_year}, {country}, {country2}, dan {country3} meyakini bahwa {country4} mengerahkan {vague_num} {troops} ke {place}.",
    "Pasukan {country} dilaporkan melatih {num} personel militer {country2} di dekat {place} {when}.",
    "Dalam konferensi pers di {city}, {speaker} mengatakan pihaknya belum dapat memastikan jumlah pasti {troops} yang dikerahkan.",
    "{Org} menyerukan gencatan senjata segera di {place}.",
    "Hingga berita ini diturunkan, pemerintah {country} belum memberikan tanggapan resmi.",
    "Pertempuran sengit dilaporkan terjadi di {place} sejak {weekday} pagi, dengan {vague_num} {troops} terlibat.",
    "{Speaker} dan {speaker2} dijadwalkan bertemu pekan depan di {city}.",
    "Laporan itu pertama kali disampaikan oleh {outlet} pada {full_date}.",
    "Ia menambahkan bahwa {country} siap mendukung {country2} “selama diperlukan”.",
    "{Country} mengecam keras serangan {arms} {country2} yang menewaskan {small_num} orang di {place}, ujar {speaker}.",
    "{Speaker} mengonfirmasi bahwa {country} tidak mengonfirmasi maupun membantah keberadaan {troops} di {place}.",
    "{Country} diduga telah memasok {vague_num} {arms} kepada {country2} sejak {month_year}, menurut {speaker}.",
]
# Clauses that news prose hangs on a sentence: leads before it, tails before its final full stop.
LEADS = ["Dalam pernyataannya, ", "Sementara itu, ", "Di sisi lain, ", "Pada {weekday_date}, ", "Menanggapi hal itu, ",
         "Sebelumnya, ", "Meskipun demikian, ", "Dalam wawancara dengan {outlet}, ", "Sejak {month_year}, "]
TAILS = [" dalam konferensi pers di {city} pada {weekday_date}", ", seperti dikutip {outlet}", " pada {full_date}",
         ", menurut laporan {outlet}", " di tengah meningkatnya ketegangan antara {country} dan {country2}",
         " untuk mendukung operasi militer di {place}", ", yang disebut sebagai eskalasi paling serius sejak {month_year}",
         " setelah pertemuan tertutup Dewan Keamanan PBB", ", meskipun belum ada konfirmasi dari pihak {country2}",
         " kepada awak media di {city}"]
OPENERS = [p for p in PATTERNS if not p.startswith(("“", "Ia ", "Langkah tersebut", "{Speaker} menolak"))]
QUOTES = [
    "Kami terus memantau situasi di {place} dengan sangat serius",
    "Ini adalah pelanggaran nyata terhadap resolusi Dewan Keamanan PBB",
    "Tidak ada {troops} {country} di wilayah {country2}",
    "Kami menyerukan kepada {country} untuk segera menarik pasukannya dari {place}",
    "Pengerahan {troops} ke {place} adalah eskalasi yang berbahaya",
    "Kami akan mengambil semua langkah yang diperlukan untuk melindungi kedaulatan kami",
    "Laporan tentang pengiriman {arms} itu sama sekali tidak berdasar",
    "Sekitar {num_plain} {troops} telah berada di sana sejak {month_year}",
    "Kerja sama kami dengan {country} sepenuhnya sah menurut hukum internasional",
    "Dunia tidak boleh diam melihat apa yang terjadi di {place}",
]
HEADLINES = [
    "{Country} Bantah Kirim Pasukan ke {country2}",
    "Pentagon: Pasukan {country} di {place} Mulai Dekati Perbatasan",
    "{Country} Kecam Pengerahan Tentara {country2} ke {place}",
    "Heboh! {Country} Dituduh Kirim {Arms} ke {country2}, Benarkah?",
    "{Org} Desak {country} Hentikan Serangan di {place}",
    "Intelijen: {Vague_num} Tentara {country} Dikerahkan ke {place}",
    "{Country} dan {country2} Sepakati Kerja Sama Militer Baru",
]
MODALS = ["diyakini", "diduga", "disebut", "dilaporkan", "dikabarkan", "telah", "kabarnya"]
FALSEHOODS = ["rumor yang tidak berdasar", "berita palsu", "hoaks", "propaganda murahan", "kebohongan besar"]
WHEN = ["pekan lalu", "kemarin", "hari ini", "bulan lalu", "akhir pekan lalu", "pada {weekday}", "{weekday_date}",
        "pada {full_date}"]
SPEAKER_TITLES = ["presiden", "perdana menteri", "menteri luar negeri", "menteri pertahanan", "juru bicara",
                  "duta besar", "wakil menteri luar negeri", "panglima militer", "kepala staf umum",
                  "sekretaris pers", "penasihat keamanan nasional", "menteri"]
BOILERPLATE = ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Baca juga: {headline}", "BACA JUGA:{headline}",
               "Simak juga: {headline}", "Lihat Juga :", "Baca Selengkapnya"]


def _dots(n: int) -> str:
    """10000 -> '10.000' (Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


class Lexicon:
    """The lexicon entries the generator draws from, loaded once."""

    def __init__(self) -> None:
        g = load("gazetteer")
        trig = load("triggers")
        roles = load("roles")
        self.countries = [(c["label"], [c["label"]] + [a for a in c.get("aliases", []) if a in SHORT_FORMS])
                          for c in g["countries"]]
        self.orgs = [o["label"] for o in g["organizations"]] + [a for o in g["organizations"]
                                                              for a in o.get("aliases", []) if a.isupper()]
        self.outlets = [o["label"] for o in g["outlets"]]
        self.places = [p["label"] for p in g["places"]] + [a for p in g["places"] for a in p.get("aliases", [])
                                                         if a.startswith(("Oblast", "Wilayah"))]
        self.persons = [(p["label"], p.get("country"),
                         next((a for a in p.get("aliases", []) if " " not in a and "-" not in a), p["label"]))
                        for p in g["persons"]]
        titles = set(roles["titles"])
        self.titles = [t for t in SPEAKER_TITLES if t in titles] or sorted(titles)
        self.bodies = [b for b in roles["bodies"] if b.startswith("kementerian")] or list(roles["bodies"])
        self.troops = [t for t in trig["troops"] if " " not in t] or ["pasukan"]
        self.arms = [a for a in trig["arms"] if " " not in a] or ["senjata"]


class Slots(dict):
    """The values of one sentence's slots, drawn when first asked for (str.format_map)."""

    def __init__(self, art: "ArticleMaker"):
        super().__init__()
        self.a = art
        self.people: set[int] = set()      # cast members named in this sentence

    def __missing__(self, key: str) -> str:
        if key[0].isupper():
            v = self[key[0].lower() + key[1:]]
            v = v[:1].upper() + v[1:]
        else:
            v = self.a.slot(key, self)
        self[key] = v
        return v


class ArticleMaker:
    """One article: its cast (countries, persons), its date, and its text."""

    def __init__(self, lex: Lexicon, rng: random.Random):
        self.lex, self.r = lex, rng
        r = rng
        self.published = dt.date(2023, 1, 1) + dt.timedelta(days=r.randrange(3 * 365))
        self.countries = r.sample(lex.countries, 5)
        self.places = r.sample(lex.places, 3)
        self.cast: list[dict] = []
        for _ in range(r.randint(2, 4)):
            self.cast.append(self._person())
        self.introduced: set[int] = set()

    def _person(self) -> dict:
        r, lex = self.r, self.lex
        if r.random() < 0.25:
            name, country, short = r.choice(lex.persons)
            country = country or r.choice(self.countries)[0]
            title = "pemimpin" if r.random() < 0.5 else r.choice(lex.titles)
        else:
            country = r.choice(self.countries)[0]
            region = REGION.get(country) or r.choice(("en", "eu"))
            firsts, lasts = NAMES[region]
            first, last = r.choice(firsts), r.choice(lasts)
            name = f"{first} {last}"
            short = first if region in ("ko", "zh") else last     # family name first
            title = r.choice(lex.titles)
        if title == "juru bicara" and r.random() < 0.5:
            body = r.choice(lex.bodies)
            full = f"juru bicara {body.title()} {country} {name}"
        elif title == "duta besar":
            other = r.choice([c for c, _ in self.countries if c != country] or ["Indonesia"])
            full = f"Duta Besar {country} untuk {other} {name}"
        else:
            full = f"{title.title()} {country} {name}"
        return {"name": name, "country": country, "full": full, "short": short}

    # -- slots -----------------------------------------------------------------------------

    def _date_before(self, most: int) -> dt.date:
        return self.published - dt.timedelta(days=self.r.randrange(most))

    def slot(self, key: str, s: Slots) -> str:
        r = self.r
        if key.startswith("country"):
            n = int(key[7:] or 1) - 1
            label, forms = self.countries[n % len(self.countries)]
            return forms[0] if r.random() < 0.7 else r.choice(forms)
        if key.startswith("speaker"):
            return self._speaker(s)
        if key == "place":
            return r.choice(self.places)
        if key == "org":
            return r.choice(self.lex.orgs)
        if key == "outlet":
            return r.choice(self.lex.outlets)
        if key == "city":
            return r.choice(CITIES)
        if key == "troops":
            return r.choice(self.lex.troops)
        if key == "arms":
            return r.choice(self.lex.arms)
        if key == "modal":
            return r.choice(MODALS)
        if key == "falsehood":
            return r.choice(FALSEHOODS)
        if key == "quote":
            return r.choice(QUOTES).format_map(s)
        if key == "headline":
            return r.choice(HEADLINES).format_map(Slots(self))
        if key == "when":
            return r.choice(WHEN).format_map(s)
        if key == "weekday":
            return DAYS[self._date_before(7).weekday()]
        if key == "weekday_date":             # "Senin (28/4)"
            d = self._date_before(10)
            return f"{DAYS[d.weekday()]} ({d.day}/{d.month})"
        if key == "full_date":                # "29 Oktober 2024"
            d = self._date_before(60)
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        if key == "month_year":
            d = self._date_before(300)
            return f"{MONTHS[d.month - 1]} {d.year}"
        if key == "num_plain":
            return _dots(r.choice((1, 2, 3, 5, 8, 10, 12, 15)) * r.choice((100, 500, 1000)))
        if key == "num":
            n = _dots(r.choice((1, 2, 3, 5, 8, 10, 12, 15)) * r.choice((100, 500, 1000)))
            k = r.random()
            if k < 0.35:
                return f"{r.choice(('sekitar', 'lebih dari', 'hampir', 'sedikitnya', 'kira-kira'))} {n}"
            if k < 0.55:
                return r.choice(("belasan ribu", "ribuan", "puluhan ribu", "ratusan", "sekitar seribu"))
            if k < 0.65:
                lo = r.choice((1, 3, 5, 10)) * 1000
                return f"antara {_dots(lo)} hingga {_dots(lo + r.choice((1, 2, 5)) * 1000)}"
            return n
        if key == "small_num":
            k = r.random()
            return (str(r.randint(2, 60)) if k < 0.5 else r.choice(NUMBER_WORDS) if k < 0.8
                    else r.choice(("puluhan", "belasan", "ratusan")))
        if key == "vague_num":
            return r.choice(("belasan ribu", "ribuan", "puluhan ribu", "ratusan", "sekitar 10.000", "lebih dari 3.000"))
        raise KeyError(key)

    def _speaker(self, s: Slots) -> str:
        """A cast member: titled full name the first time, then the last name, a pronoun or an unnamed official."""
        r = self.r
        k = r.random()
        if k < 0.12:
            c = r.choice(self.countries)[0]
            return r.choice((f"seorang pejabat {c}", f"juru bicara Kementerian Luar Negeri {c}",
                             f"sumber di pemerintahan {c}", f"otoritas {c}"))
        free = [i for i in range(len(self.cast)) if i not in s.people]
        if not free:
            return f"seorang pejabat {r.choice(self.countries)[0]}"
        i = r.choice(free)
        s.people.add(i)
        p = self.cast[i]
        if i not in self.introduced:
            self.introduced.add(i)
            return p["full"]
        return p["short"] if r.random() < 0.8 else p["full"]

    # -- the article -----------------------------------------------------------------------

    def sentence(self, pattern: str) -> str:
        """A pattern filled in, sometimes with a lead clause or a tail clause added."""
        r = self.r
        if pattern.endswith(".") and not pattern.endswith("”.") and r.random() < 0.6:
            pattern = pattern[:-1] + r.choice(TAILS) + "."
        if not pattern.startswith(("“", "Ia ", "Pada", "Sejak", "Menurut", "Seperti")) and r.random() < 0.3:
            head = pattern if pattern.startswith("{") else pattern[0].lower() + pattern[1:]
            if head.startswith("{Speaker}"):
                head = "{speaker}" + head[9:]
            pattern = r.choice(LEADS) + head
        return pattern.format_map(Slots(self))

    def sentences(self) -> list[str]:
        """8-25 sentences; the first does not open on a quote or a pronoun."""
        r = self.r
        out = [self.sentence(r.choice(OPENERS))]
        for _ in range(r.randint(8, 25) - 1):
            out.append(self.sentence(r.choice(PATTERNS)))
        return out

    def text(self, idx: int) -> str:
        r = self.r
        sents = self.sentences()
        pub = self.published
        hh, mm = r.randrange(6, 23), r.randrange(60)
        headline = r.choice(HEADLINES).format_map(Slots(self))
        style = r.randrange(4)
        if r.random() < 0.5:
            outlet, domain = r.choice(FICTIONAL_OUTLETS)
        else:
            outlet = r.choice(self.lex.outlets[11:] or self.lex.outlets)
            domain = outlet.lower().replace(" ", "") + ("" if "." in outlet else ".com")
        reporter = r.choice(REPORTERS)
        head: list[str] = []
        tail: list[str] = []
        if style == 0:     # CNN-style dateline
            head = [f"{r.choice(CITIES[:3])}, {outlet} —"]
            tail = [f"({r.choice(INITIALS)}/{r.choice(INITIALS)})"]
            if r.random() < 0.5:
                tail.append(f"Sumber Refrensi Berita: {outlet.upper().replace(' ', '')}")
        elif style == 1:   # medcom-style: headline, byline with date, "City:" lead
            head = [headline, "", f"{reporter} • {pub.day} {MONTHS[pub.month - 1]} {pub.year} {hh:02d}:{mm:02d}"]
            sents[0] = f"{r.choice(CITIES)}: {sents[0]}"
        elif style == 2:   # regional-site style: headline, date line, reporter and editor labels, DOMAIN - lead
            head = [headline, "", f"{DAYS[pub.weekday()]} {pub.day} {MONTHS_EN[pub.month - 1]} {pub.year} - "
                                  f"{hh:02d}:{mm:02d} WIB", f"Reporter : {reporter}", f"Editor : {r.choice(REPORTERS)}", ""]
            sents[0] = f"{domain.upper()} - {sents[0]}"
        else:              # Antara-style: headline, "City (OUTLET) - " lead, date line, editor at the end
            head = [headline, f"{DAYS[pub.weekday()]}, {pub.day} {MONTHS[pub.month - 1]} {pub.year} | "
                              f"{hh:02d}:{mm:02d} WIB"]
            sents[0] = f"{r.choice(CITIES)} ({outlet.upper()}) - {sents[0]}"
            tail = [f"Pewarta: {reporter}", f"Editor: {r.choice(REPORTERS)}"]
        body: list[str] = []
        i = 0
        while i < len(sents):
            k = r.choice((1, 1, 2, 2, 3))
            body.append(" ".join(sents[i:i + k]))
            i += k
            if i < len(sents) and r.random() < 0.2:
                body.append(r.choice(BOILERPLATE).format_map(Slots(self)))
        sep = "\n\n" if style in (1, 2) else "\n"
        return "\n".join(head) + "\n" + sep.join(body) + "\n" + "\n".join(tail) + "\n"


def generate(n: int, seed: int = 0, start: int = 1):
    """Yield (id, text) for articles start .. start+n-1."""
    lex = Lexicon()
    for i in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + i)
        yield f"gen_{i:06d}", ArticleMaker(lex, rng).text(i)


def write(n: int, out: Path, seed: int = 0, fmt: str = "txt") -> int:
    """Write n articles to `out`; returns the number written."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with open(out / "articles.jsonl", "w", encoding="utf-8") as f:
            for aid, text in generate(n, seed):
                f.write(json.dumps({"id": aid, "text": text}, ensure_ascii=False) + "\n")
    else:
        for aid, text in generate(n, seed):
            (out / f"{aid}.txt").write_text(text, encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", type=int, help="number of articles")
    p.add_argument("out", type=Path, help="output folder")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    a = p.parse_args(argv)
    if a.n < 1:
        p.error("N must be at least 1")
    write(a.n, a.out, a.seed, a.format)
    print(f"wrote {a.n} articles to {a.out}" + (" (articles.jsonl)" if a.format == "jsonl" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
