"""Seeded generator of realistic people lists for linkage benchmarks and training.

Writes LEFT (people sought, as families write them) and RIGHT (a published list) CSVs
and the truth pairs. Variants follow the rules seen in real lists: declension, diminutives,
Ukrainian forms, Latin in several schemes, initials, order, case, typos, ё/е, partial and
swapped dates, unit forms; hard negatives: namesakes, father and son, twins.

    python bench/make_people.py --left 100000 --right 1000000 --out DIR --seed 1
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import iuliia
import translitua

sys.path.insert(0, str(Path(__file__).parent / "data"))
import people_names as data

LATIN_SCHEMES = [
    iuliia.WIKIPEDIA,
    iuliia.ICAO_DOC_9303,
    iuliia.MVD_782,
    iuliia.TELEGRAM,
    iuliia.GOST_779,
    iuliia.BGN_PCGN,
]
ENGLISH = {
    "Александр": "Alexander",
    "Михаил": "Michael",
    "Петр": "Peter",
    "Павел": "Paul",
    "Николай": "Nicholas",
    "Андрей": "Andrew",
    "Георгий": "George",
    "Мария": "Maria",
    "Екатерина": "Catherine",
    "Елена": "Helen",
    "Юрий": "Yuri",
    "Сергей": "Sergei",
}
PATRONYMIC_SPECIAL = {
    "Никитич": ("Никитич", "Никитична"),
    "Ильич": ("Ильич", "Ильинична"),
    "Микитович": ("Микитович", "Микитівна"),
    "Ілліч": ("Ілліч", "Іллівна"),
}
UNIT_FORMS = [
    "в/ч {u}",
    "войсковая часть {u}",
    "в/ч-{u}",
    "military unit {u}",
    "VCh {u}",
    "{u}",
    "в.ч. {u}",
    "військова частина {u}",
]
FIELDS = [
    "id",
    "full_name",
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "birth_place",
    "region",
    "unit",
    "sex",
]


def _weighted(text: str) -> tuple[list[str], list[float]]:
    parts = text.split()
    return parts[0::2], [float(w) for w in parts[1::2]]


def _surname_pool() -> tuple[list[tuple[str, str]], list[float]]:
    """(surname, origin) and weight: common ones by frequency, then many rare ones."""
    ru, ru_w = _weighted(data.SURNAMES_RU)
    uk, uk_w = _weighted(data.SURNAMES_UK)
    pool = [(s, "ru") for s in ru] + [(s, "uk") for s in uk]
    weights = ru_w + uk_w
    rare = [(r + suf, "ru") for r in data.SURNAME_ROOTS.split() for suf, _ in data.SURNAME_SUFFIXES]
    rare_w = [w * 0.35 for _ in data.SURNAME_ROOTS.split() for _, w in data.SURNAME_SUFFIXES]
    return pool + rare, weights + rare_w


SURNAMES, SURNAME_W = _surname_pool()


@dataclass(frozen=True)
class Person:
    """One real person: nominative Russian-form parts and true facts."""

    surname: str
    origin: str
    sex: str
    given: int
    father: int
    year: int
    month: int
    day: int
    place: int
    region: int
    unit: str


# --- forms of a name -------------------------------------------------------------------


def ru_to_uk(word: str) -> str:
    """Russian spelling of a surname as a Ukrainian list writes it (approximate)."""
    w = re.sub(r"(?<=[бвгджзклмнпрстфхцчшщ])ё", "ьо", word).replace("ё", "йо")
    w = w.replace("ский", "ський").replace("ская", "ська").replace("и", "і").replace("И", "І")
    return w.replace("ы", "и").replace("э", "е").replace("ъ", "'")


def uk_to_ru(word: str) -> str:
    """Ukrainian spelling of a surname as a Russian list writes it (approximate)."""
    w = word.replace("ій", "ей").replace("'", "ь").replace("ї", "йи").replace("є", "е")
    return w.replace("і", "и").replace("І", "И").replace("ськ", "ск")


def surname_form(p: Person, lang: str) -> str:
    s = p.surname if p.origin == "ru" else uk_to_ru(p.surname)
    if p.sex == "f":
        if re.search(r"(ов|ев|ёв|ин|ын)$", s):
            s += "а"
        elif s.endswith("ский"):
            s = s[:-2] + "ая"
    if lang == "uk":
        return p.surname if p.origin == "uk" and p.sex == "m" else ru_to_uk(s)
    return s


def given_form(p: Person, lang: str, diminutive: bool = False) -> str:
    if p.sex == "m":
        ru, uk, dim, *_ = data.MALE_NAMES[p.given]
    else:
        ru, uk, dim, _ = data.FEMALE_NAMES[p.given]
    if diminutive:
        return random.choice(dim.split())
    return uk if lang == "uk" else ru


def patronymic_form(p: Person, lang: str) -> str:
    _, _, _, stem_ru, stem_uk, _ = data.MALE_NAMES[p.father]
    stem = stem_uk if lang == "uk" else stem_ru
    female = p.sex == "f"
    if stem in PATRONYMIC_SPECIAL:
        return PATRONYMIC_SPECIAL[stem][female]
    if not female:
        return stem + "ич"
    if lang == "uk":
        return re.sub(r"йов$", "їв", re.sub(r"ов$", "ів", stem)) + "на"
    return stem + "на"


def decline(word: str, kind: str, sex: str, case: str) -> str:
    """Genitive ('gen') or dative ('dat') of a Russian name part, by ending rules."""
    g = case == "gen"
    if sex == "m":
        if kind == "surname" and word.endswith("ский"):
            return word[:-2] + ("ого" if g else "ому")
        if kind == "surname" and re.search(r"(енко|ко)$", word):
            return word
        if word.endswith(("й", "ь")):
            return word[:-1] + ("я" if g else "ю")
        if word.endswith("я"):
            return word[:-1] + ("и" if g else "е")
        if word.endswith("а"):
            soft = word[-2] in "кгхжшщч"
            return word[:-1] + (("и" if soft else "ы") if g else "е")
        return word + ("а" if g else "у")
    if kind == "surname":
        if word.endswith("ая"):
            return word[:-2] + "ой"
        return word[:-1] + "ой" if re.search(r"(ова|ева|ина|ёва)$", word) else word
    if word.endswith("ия"):
        return word[:-1] + "и"
    if word.endswith("я"):
        return word[:-1] + ("и" if g else "е")
    if word.endswith("а"):
        soft = word[-2] in "кгхжшщч"
        return word[:-1] + (("и" if soft else "ы") if g else "е")
    return word


# --- rendering one record --------------------------------------------------------------


def typo(word: str) -> str:
    if len(word) < 4:
        return word
    i = random.randrange(1, len(word) - 1)
    op = random.random()
    if op < 0.35:
        return word[:i] + word[i + 1 :]
    if op < 0.7:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + random.choice("аеиоунрст" if word[i] > "z" else "aeiounrst") + word[i + 1 :]


def to_latin(text: str, lang: str) -> str:
    if lang == "uk":
        return translitua.translit(text)
    return random.choice(LATIN_SCHEMES).translate(
        text.replace("ё", "е") if random.random() < 0.5 else text
    )


def render_name(p: Person, style: dict) -> dict[str, str]:
    lang = "uk" if style["lang"] == "uk" else "ru"
    sur, giv, pat = (
        surname_form(p, lang),
        given_form(p, lang, style["dim"]),
        patronymic_form(p, lang),
    )
    if style["case"] and lang == "ru" and style["script"] == "cyr":
        sur = decline(sur, "surname", p.sex, style["case"])
        giv = decline(giv, "given", p.sex, style["case"])
        pat = decline(pat, "patronymic", p.sex, style["case"])
    if random.random() < style["p_typo"]:
        sur = typo(sur)
    if random.random() < style["p_typo"] / 2:
        giv = typo(giv)
    if random.random() < 0.5:
        sur, giv, pat = (x.replace("ё", "е") for x in (sur, giv, pat))
    if style["script"] == "lat":
        eng = ENGLISH.get(given_form(p, "ru")) if not style["dim"] else None
        sur, giv, pat = (to_latin(x, lang) for x in (sur, giv, pat))
        if eng and random.random() < 0.3:
            giv = eng if random.random() < 0.5 else f"{giv} ({eng})"
    if style["no_patronymic"]:
        pat = ""
    if style["initials"]:
        giv, pat = giv[:1] + ".", (pat[:1] + "." if pat else "")
    return _arrange(sur, giv, pat, style)


def _arrange(sur: str, giv: str, pat: str, style: dict) -> dict[str, str]:
    if style["upper"]:
        sur, giv, pat = sur.upper(), giv.upper(), pat.upper()
    if style["split"]:
        return {"surname": sur, "given_name": giv, "patronymic": pat}
    order = style["order"]
    if order == "gps":
        parts = [giv, pat, sur]
    elif order == "s,gp":
        parts = [sur + ",", giv, pat]
    elif style["initials"] and order == "sgp":
        return {"full_name": f"{sur} {giv}{pat}"}
    else:
        parts = [sur, giv, pat]
    return {"full_name": " ".join(x for x in parts if x)}


def render_date(p: Person, style: dict) -> str:
    if style.get("full_date"):  # hard negatives: the evidence beyond the name is there
        return f"{p.day:02d}.{p.month:02d}.{p.year}"
    r = random.random()
    if r < style["p_no_date"]:
        return ""
    r = random.random()
    y, m, d = p.year, p.month, p.day
    if random.random() < style["p_date_error"]:  # a clerk's slip: year off by one, day typo
        if random.random() < 0.6:
            y += random.choice((-1, 1))
        else:
            d = random.randint(1, 28)
    if r < 0.08:
        return str(y)
    if r < 0.12:
        return f"{m:02d}.{y}"
    if r < 0.17 and d <= 12:
        return f"{m:02d}.{d:02d}.{y}"
    fmt = random.choice(
        ["{d:02d}.{m:02d}.{y}", "{y}-{m:02d}-{d:02d}", "{d:02d}/{m:02d}/{y}", "{d}.{m}.{y}"]
    )
    return fmt.format(d=d, m=m, y=y)


def render(p: Person, rid: str, style: dict) -> dict[str, str]:
    rec = dict.fromkeys(FIELDS, "")
    rec["id"] = rid
    rec.update(render_name(p, style))
    rec["birth_date"] = render_date(p, style)
    lang = 1 if style["lang"] == "uk" else 0
    if random.random() < 0.5:
        place = data.PLACES[p.place][lang]
        rec["birth_place"] = to_latin(place, style["lang"]) if style["script"] == "lat" else place
    if random.random() < 0.4:
        region = data.REGIONS[p.region][lang]
        if style["script"] == "lat":
            # half the Latin records name it in English (Belgorod Oblast), chosen by the id
            # so that the set's random stream stays as it was
            english = zlib.crc32(rid.encode()) % 2 == 0
            region = to_latin(region, style["lang"])  # drawn either way, for the same reason
            region = data.REGIONS[p.region][2] if english else region
        rec["region"] = region
    if random.random() < 0.5:
        rec["unit"] = random.choice(UNIT_FORMS).format(u=p.unit)
    if random.random() < 0.3:
        rec["sex"] = random.choice({"m": ["m", "М", "male"], "f": ["f", "Ж", "female"]}[p.sex])
    return rec


def style_for(side: str, full_date: bool = False) -> dict:
    """How one record is written: families (left) write Russian Cyrillic mostly.

    ``full_date``: a person with a confusable double (namesake, father or son, twin) gets
    the full birth date, the evidence that tells them apart.
    """
    rnd = random.random
    if side == "left":
        lang = random.choices(["ru", "uk", "lat"], [0.7, 0.2, 0.1])[0]
    else:
        lang = random.choices(["ru", "uk", "lat"], [0.4, 0.25, 0.35])[0]
    script = "lat" if lang == "lat" else "cyr"
    lang = random.choice(["ru", "uk"]) if lang == "lat" else lang
    initials = side == "right" and rnd() < 0.12
    return {
        "lang": lang,
        "script": script,
        "initials": initials,
        "dim": side == "left" and not initials and rnd() < 0.12,
        "case": (random.choice(["gen", "dat"]) if side == "left" and rnd() < 0.3 else None),
        "p_typo": 0.04,
        "upper": rnd() < (0.3 if side == "right" else 0.05),
        "split": side == "right" and rnd() < 0.3,
        "order": random.choices(["sgp", "gps", "s,gp"], [0.7, 0.2, 0.1])[0],
        "no_patronymic": rnd() < (0.15 if side == "left" else 0.08),
        "p_no_date": 0.03 if side == "left" else 0.08,
        "p_date_error": 0.03,
        "full_date": full_date,
    }


# --- people ----------------------------------------------------------------------------


def new_people(n: int) -> list[Person]:
    """n independent people with realistic name frequencies."""
    sur = random.choices(SURNAMES, SURNAME_W, k=n)
    sexes = random.choices("mf", [0.82, 0.18], k=n)
    male_w = [x[-1] for x in data.MALE_NAMES]
    female_w = [x[-1] for x in data.FEMALE_NAMES]
    mg = random.choices(range(len(male_w)), male_w, k=n)
    fg = random.choices(range(len(female_w)), female_w, k=n)
    fathers = random.choices(range(len(male_w)), male_w, k=n)
    units = [str(random.randint(10000, 99999)) for _ in range(3000)]
    out = []
    for i in range(n):
        out.append(
            Person(
                surname=sur[i][0],
                origin=sur[i][1],
                sex=sexes[i],
                given=mg[i] if sexes[i] == "m" else fg[i],
                father=fathers[i],
                year=random.randint(1962, 2005),
                month=random.randint(1, 12),
                day=random.randint(1, 28),
                place=random.randrange(len(data.PLACES)),
                region=random.randrange(len(data.REGIONS)),
                unit=random.choice(units),
            )
        )
    return out


def hard_negative(p: Person) -> Person:
    """A different person easily confused with p: namesake, father or son, twin."""
    kind = random.random()
    if kind < 0.5:  # namesake: same name, other life
        return replace(
            p,
            year=random.randint(1962, 2005),
            month=random.randint(1, 12),
            day=random.randint(1, 28),
            place=random.randrange(len(data.PLACES)),
            unit=str(random.randint(10000, 99999)),
        )
    if kind < 0.75 and p.sex == "m":  # father or son with the same given name
        same_named = random.random() < 0.3
        father = replace(
            p, year=p.year - random.randint(19, 32), father=p.given if same_named else p.father
        )
        return (
            father
            if random.random() < 0.5
            else replace(p, year=p.year + random.randint(19, 32), father=p.given)
        )
    names = data.MALE_NAMES if p.sex == "m" else data.FEMALE_NAMES
    other = random.choice([i for i in range(len(names)) if i != p.given])
    return replace(p, given=other)  # twin: same date, place, father


# --- what lists write around a name (--conventions) -----------------------------------

RANKS = {
    "cyr": ["рядовой", "ст. сержант", "мл. сержант", "ефрейтор", "лейтенант", "рядовий", "солдат"],
    "lat": ["Pvt.", "Private", "Sgt.", "Jr. Sgt.", "Lt."],
}
YEAR_FORMS = {
    "cyr": ["{n}, {y} г.р.", "{n} {y} р.н.", "{n} ({y})", "{n}, {y}"],
    "lat": ["{n}, b. {y}", "{n} ({y})", "{n}, {y}"],
}
DEATH_FORMS = {
    "cyr": ["{n}, {y} г.р., погиб {d}", "{n} ({y}-{dy})", "{n}, {y} г.р., умер {d}"],
    "lat": ["{n}, b. {y}, d. {dy}", "{n} ({y}-{dy})", "{n}, {y}, killed {d}"],
}
PLACE_FORMS = {
    "cyr": {
        "ru": {"m": ["{n}, уроженец г. {p}", "{n} уроженец {p}"], "f": ["{n}, уроженка г. {p}"]},
        "uk": {"m": ["{n}, уродженець м. {p}"], "f": ["{n}, уродженка м. {p}"]},
    },
    "lat": {"en": {"m": ["{n}, native of {p}", "{n}, born in {p}"], "f": ["{n}, native of {p}"]}},
}
# Folk and church forms of one name (kintrace's curated table): families write the first.
FOLK_FORMS = {"Георгий": "Егор", "Георгия": "Егора", "Георгию": "Егору", "Елена": "Алёна"}
FOLK_FORMS_RE = re.compile(rf"\b({'|'.join(FOLK_FORMS)})\b")


def _surname_first(style: dict) -> bool:
    return not style["split"] and style["order"] in ("sgp", "s,gp")


def with_conventions(rec: dict, p: Person, side: str, style: dict, rng: random.Random) -> dict:
    """One convention of real lists applied to a record, drawn with ``rng`` (its own
    stream, so that the records are otherwise those of the plain set). A list (right)
    writes a rank before or after the name, a year of birth or a unit into the name
    column, a woman's married name with her maiden name in brackets, or a double surname;
    a family (left) writes the folk form of a given name (Егор for Георгий)."""
    rec = dict(rec)
    full = rec["full_name"]
    if side == "left":
        if full:
            rec["full_name"] = FOLK_FORMS_RE.sub(lambda m: FOLK_FORMS[m.group(1)], full)
        elif rec["given_name"] in FOLK_FORMS:
            rec["given_name"] = FOLK_FORMS[rec["given_name"]]
        return rec
    kind = rng.random()
    if p.sex == "f" and kind < 0.4 and style["script"] == "cyr":
        other = surname_form(replace(p, surname=rng.choice(SURNAMES)[0], origin="ru"), "ru")
        other = other.upper() if style["upper"] else other
        if full and _surname_first(style):
            first, _, rest = full.partition(" ")
            # married name with the maiden name in brackets, or a double surname
            bare = first.rstrip(",")
            married = f"{other} ({bare})" if kind < 0.2 else f"{bare}-{other}"
            rec["full_name"] = f"{married}{',' if first.endswith(',') else ''} {rest}"
        elif rec["surname"]:
            rec["surname"] = f"{rec['surname']}-{other}"
        return rec
    if not full:
        return rec
    if kind < 0.3:
        rank = rng.choice(RANKS[style["script"]])
        rec["full_name"] = f"{rank} {full}" if kind < 0.2 else f"{full}, {rank}"
    elif kind < 0.55:
        form = rng.choice(YEAR_FORMS[style["script"]])
        rec["full_name"] = form.format(n=full, y=p.year)
    elif kind < 0.7:
        # the date of death beside the year of birth, which a family never writes
        form = rng.choice(DEATH_FORMS[style["script"]])
        died = f"{rng.randint(1, 28)}.{rng.randint(1, 12):02d}.{rng.randint(2022, 2025)}"
        rec["full_name"] = form.format(n=full, y=p.year, d=died, dy=died[-4:])
    elif kind < 0.85:
        # the place of birth after the name, instead of in its column
        lang = 1 if style["lang"] == "uk" else 0
        place = data.PLACES[p.place][lang]
        if style["script"] == "lat":
            place = to_latin(place, style["lang"])
        forms = PLACE_FORMS[style["script"]]
        form = rng.choice(forms["en" if style["script"] == "lat" else style["lang"]][p.sex])
        rec["full_name"] = form.format(n=full, p=place)
        rec["birth_place"] = ""
    else:
        rec["full_name"] = f"{full}, {rng.choice(UNIT_FORMS).format(u=p.unit)}"
    return rec


def generate(
    n_left: int,
    n_right: int,
    seed: int,
    match_rate: float = 0.5,
    negative_rate: float = 0.1,
    conventions: float = 0.0,
) -> tuple[list[dict], list[dict], list[tuple[str, str]]]:
    """LEFT and RIGHT records and the truth pairs (left_id, right_id). ``conventions``:
    the share of records written with one of :func:`with_conventions` (0: the plain set;
    the records are the same either way but for those conventions)."""
    rng = random.Random(seed + 1_000_003)
    random.seed(seed)
    left_people = new_people(n_left)
    right_people: list[tuple[Person, str | None]] = []
    confusable: set[int] = set()
    for i, p in enumerate(left_people):
        if random.random() < match_rate:
            right_people.append((p, f"L{i}"))
        if random.random() < negative_rate:
            right_people.append((hard_negative(p), "-"))
            confusable.add(i)
    fill = max(0, n_right - len(right_people))
    right_people += [(p, None) for p in new_people(fill)]
    random.shuffle(right_people)

    def written(p: Person, rid: str, side: str, full_date: bool) -> dict:
        style = style_for(side, full_date)
        rec = render(p, rid, style)
        if conventions and rng.random() < conventions:
            rec = with_conventions(rec, p, side, style, rng)
        return rec

    left = [written(p, f"L{i}", "left", i in confusable) for i, p in enumerate(left_people)]
    right, truth = [], []
    for j, (p, lid) in enumerate(right_people[:n_right] if n_right else right_people):
        right.append(written(p, f"R{j}", "right", lid == "-"))
        if lid and lid != "-":
            truth.append((lid, f"R{j}"))
    return left, right, truth


def write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)


DEFAULT_PRIOR = 1e-5
PACKAGE_DATA = Path(__file__).resolve().parent.parent / "kintrace" / "linkage" / "data"


def train_default(seed: int, n_left: int = 20000, n_right: int = 40000) -> None:
    """Train the packaged default model and population name shares on generated people."""
    import json

    from kintrace.linkage import FEATURES_VERSION, Model, prepare, train
    from kintrace.linkage.comparisons import settings_dict

    left, right, _ = generate(n_left, n_right, seed)
    lf, rf = prepare(left), prepare(right)
    model = train(lf, rf, start=Model(settings_dict()), u_pairs=1e7, em_pairs=1e6)
    # A list of hundreds to thousands: about one pair in 100,000 is the same person.
    model.settings["probability_two_random_records_match"] = DEFAULT_PRIOR
    model.trained_on = {
        "features_version": FEATURES_VERSION,
        "generator": "bench/make_people.py",
        "seed": seed,
        "records": [n_left, n_right],
    }
    model.save(PACKAGE_DATA / "default_model.json")
    shares = {}
    for col in model.tf_columns():
        values = [v for v in rf[col].to_pylist() if v is not None]
        counts: dict[str, int] = {}
        for v in values:
            counts[v] = counts.get(v, 0) + 1
        shares[col] = {k: round(n / len(values), 7) for k, n in sorted(counts.items()) if n > 1}
    (PACKAGE_DATA / "frequencies.json").write_text(json.dumps(shares, indent=0), "utf-8")
    print(f"default model and name shares written to {PACKAGE_DATA}")


def main(argv: list[str] | None = None) -> int:
    """Write left.csv, right.csv and truth.csv into --out (or train the default model)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--left", type=int, default=1000)
    ap.add_argument("--right", type=int, default=10000)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--conventions",
        type=float,
        default=0.0,
        help="share of records written with ranks, years, units, maiden names, folk forms",
    )
    ap.add_argument(
        "--train-default",
        action="store_true",
        help="train kintrace/linkage/data/default_model.json and name shares",
    )
    args = ap.parse_args(argv)
    if args.train_default:
        train_default(args.seed)
        return 0
    if args.out is None:
        ap.error("--out is required")
    left, right, truth = generate(args.left, args.right, args.seed, conventions=args.conventions)
    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(left, args.out / "left.csv")
    write_csv(right, args.out / "right.csv")
    with (args.out / "truth.csv").open("w", newline="") as fh:
        csv.writer(fh).writerows([("left_id", "right_id"), *truth])
    print(f"left {len(left)}, right {len(right)}, true pairs {len(truth)} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
