"""Language identification on short news texts: accuracy and speed of the candidates that ship
their model in the wheel (py3langid, lingua-language-detector), and of sayso's ``detect``.

The sentences below are written for this benchmark: headlines, datelines, quotes and short
news sentences in English, German, French and Spanish, 2 to 20 words, with names in them.
Prints one row per system: accuracy per language and overall, the share of texts the system
calls unsure (counted as neither right nor wrong), and milliseconds per text.

    python bench/langid.py                              # the short-text table
    python bench/langid.py --corpus ../shared/data/polnear  # and the cost on whole articles

With ``--corpus``, also the cost of identifying the language of whole articles (the first 20
PolNeAR dev texts) against parsing them with the spaCy pipeline, as a ratio.
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

SENTENCES: dict[str, list[str]] = {
    "en": [
        "Geld for the mayor",
        "Merkel said no.",
        "Talks fail in Berlin",
        "“We will not back down,” she said.",
        "Trump wins Ohio",
        "The minister denied the report on Tuesday.",
        "Police arrest two men after Paris attack",
        "Oil prices fall as China slows",
        "According to officials, the bridge will reopen in May.",
        "He told reporters the deal was dead.",
        "Shares in Siemens rose 3 percent",
        "Macron and Sánchez meet in Madrid",
        "A spokeswoman for the union declined to comment.",
        "Storm leaves thousands without power",
        "The court ruled against the government.",
        "Biden: ‘This is not over’",
        "Voters head to the polls in Bavaria",
        "It is an outrage, López said.",
        "Fire in the Louvre",
        "Schulz wins SPD vote",
        "The company said profits doubled in the first quarter.",
        "Protesters gathered outside the embassy on Sunday night.",
        "Inflation hits a ten-year high",
        "Negotiators in Geneva reached a deal.",
    ],
    "de": [
        "Geld für den Bürgermeister",
        "Merkel sagte nein.",
        "Gespräche in Berlin gescheitert",
        "„Wir geben nicht auf“, sagte sie.",
        "Trump gewinnt in Ohio",
        "Der Minister wies den Bericht am Dienstag zurück.",
        "Polizei nimmt zwei Männer nach Anschlag in Paris fest",
        "Ölpreise fallen, China schwächelt",
        "Nach Angaben der Behörden soll die Brücke im Mai wieder öffnen.",
        "Er sagte den Reportern, der Deal sei tot.",
        "Siemens-Aktie steigt um 3 Prozent",
        "Macron und Sánchez treffen sich in Madrid",
        "Eine Sprecherin der Gewerkschaft wollte sich nicht äußern.",
        "Sturm: Tausende ohne Strom",
        "Das Gericht entschied gegen die Regierung.",
        "Biden: „Das ist nicht vorbei“",
        "Wähler in Bayern an den Urnen",
        "Das ist eine Frechheit, sagte López.",
        "Feuer im Louvre",
        "Schulz gewinnt SPD-Abstimmung",
        "Das Unternehmen teilte mit, der Gewinn habe sich im ersten Quartal verdoppelt.",
        "Demonstranten versammelten sich am Sonntagabend vor der Botschaft.",
        "Inflation auf Zehnjahreshoch",
        "Unterhändler in Genf erzielten eine Einigung.",
    ],
    "fr": [
        "De l'argent pour le maire",
        "Merkel a dit non.",
        "Échec des pourparlers à Berlin",
        "« Nous ne céderons pas », a-t-elle dit.",
        "Trump gagne l'Ohio",
        "Le ministre a démenti le rapport mardi.",
        "La police arrête deux hommes après l'attaque de Paris",
        "Le pétrole recule, la Chine ralentit",
        "Selon les autorités, le pont rouvrira en mai.",
        "Il a dit aux journalistes que l'accord était mort.",
        "L'action Siemens gagne 3 %",
        "Macron et Sánchez se rencontrent à Madrid",
        "Une porte-parole du syndicat n'a pas souhaité commenter.",
        "Tempête : des milliers de foyers privés d'électricité",
        "Le tribunal a tranché contre le gouvernement.",
        "Biden : « Ce n'est pas fini »",
        "Les Bavarois aux urnes",
        "C'est un scandale, a déclaré López.",
        "Incendie au Louvre",
        "Schulz remporte le vote du SPD",
        "L'entreprise a indiqué que ses bénéfices avaient doublé au premier trimestre.",
        "Des manifestants se sont rassemblés devant l'ambassade dimanche soir.",
        "L'inflation au plus haut depuis dix ans",
        "Les négociateurs ont conclu un accord à Genève.",
    ],
    "es": [
        "Dinero para el alcalde",
        "Merkel dijo que no.",
        "Fracasan las negociaciones en Berlín",
        "«No vamos a ceder», dijo ella.",
        "Trump gana en Ohio",
        "El ministro desmintió el informe el martes.",
        "La policía detiene a dos hombres tras el ataque de París",
        "El petróleo cae por la desaceleración china",
        "Según las autoridades, el puente reabrirá en mayo.",
        "Dijo a los periodistas que el acuerdo estaba muerto.",
        "Las acciones de Siemens suben un 3 %",
        "Macron y Sánchez se reúnen en Madrid",
        "Una portavoz del sindicato declinó hacer comentarios.",
        "Tormenta deja a miles sin luz",
        "El tribunal falló en contra del Gobierno.",
        "Biden: «Esto no ha terminado»",
        "Los bávaros votan",
        "Es un escándalo, dijo López.",
        "Incendio en el Louvre",
        "Schulz gana la votación del SPD",
        "La empresa dijo que sus beneficios se duplicaron en el primer trimestre.",
        "Los manifestantes se concentraron frente a la embajada el domingo por la noche.",
        "La inflación toca máximos de diez años",
        "Los negociadores alcanzaron un acuerdo en Ginebra.",
    ],
}

#: A detector gives its best language and whether it is sure of it (None: it abstains).
Detector = Callable[[str], "tuple[str | None, bool]"]


def _py3langid(restricted: bool) -> Detector:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if restricted:
        from sayso.language import CANDIDATES

        identifier.set_languages(CANDIDATES)
    return lambda text: (identifier.classify(text)[0], True)


def _lingua(all_languages: bool) -> Detector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    if all_languages:
        builder = LanguageDetectorBuilder.from_all_languages()
    else:
        from sayso.language import CANDIDATES

        codes = [getattr(IsoCode639_1, c.upper()) for c in CANDIDATES if hasattr(IsoCode639_1, c.upper())]
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    detector = builder.with_preloaded_language_models().build()

    def detect(text: str) -> tuple[str | None, bool]:
        found = detector.detect_language_of(text)
        return (None, False) if found is None else (found.iso_code_639_1.name.lower(), True)

    return detect


def _sayso() -> Detector:
    from sayso.language import detect

    detect("warm up")  # loads the model: counted in the load time

    def guess(text: str) -> tuple[str | None, bool]:
        found = detect(text)
        return found.best, found.lang is not None

    return guess


def _old_check() -> Detector:
    """The word-share check sayso had before: below 20 words it said nothing, so the text was
    read as English; above, under 4% common English words meant "not English"."""
    hints = frozenset("the of and to in is that for it on was with as be by he she said at from his "
                      "her this an are have has not but they were which will would".split())

    def detect(text: str) -> tuple[str | None, bool]:
        words = [w.strip(".,:;!?“”„«»\"'‘’").lower() for w in text.split()]
        words = [w for w in words if w.isalpha()]
        if len(words) < 20:
            return "en", True
        return ("en" if sum(w in hints for w in words) / len(words) >= 0.04 else "other"), True

    return detect


def run(name: str, make: Callable[[], Detector]) -> None:
    """One row: top-guess accuracy per language; then, over all texts, how many the detector
    was sure of and got wrong, how many it was unsure of, and its speed."""
    start = time.perf_counter()
    detect = make()
    load = time.perf_counter() - start
    rows, wrong, unsure, total, seconds = {}, 0, 0, 0, 0.0
    for lang, texts in SENTENCES.items():
        right = 0
        for text in texts:
            start = time.perf_counter()
            found, sure = detect(text)
            seconds += time.perf_counter() - start
            right += found == lang
            wrong += sure and found != lang
            unsure += not sure
            total += 1
        rows[lang] = right / len(texts)
    overall = sum(rows.values()) / len(rows)
    cells = "  ".join(f"{rows[lang]:4.0%}" for lang in SENTENCES)
    print(f"{name:26} {cells}  {overall:4.0%}  {wrong / total:10.0%}  {unsure / total:6.0%}"
          f"  {1000 * seconds / total:7.2f}  {load:6.2f}")


def article_overhead(corpus: Path, count: int = 20) -> None:
    """Identifying the language of an article, against parsing it: a ratio."""
    from sayso.language import detect
    from sayso.nlp import load_pipeline

    texts = [p.read_text("utf-8") for p in sorted((corpus / "dev").rglob("*.txt"))[:count]]
    nlp = load_pipeline()
    detect("warm up")
    start = time.perf_counter()
    found = [detect(text).lang for text in texts]
    identify = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        nlp(text)
    parse = time.perf_counter() - start
    print(f"{len(texts)} PolNeAR articles: {found.count('en')} identified as English; identifying "
          f"{1000 * identify / len(texts):.1f} ms/article, {identify / parse:.1%} of parsing them")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="PolNeAR folder: also measure whole articles")
    args = parser.parse_args()
    print(f"{len(SENTENCES['en'])} texts per language, 2-20 words; top-guess accuracy per language, "
          f"then the share of all texts called wrongly though sure, and of texts called unsure")
    print(f"{'system':26} {'    '.join(SENTENCES)}    all  sure+wrong  unsure  ms/text  load s")
    run("old word-share check", _old_check)
    run("py3langid, 140 languages", lambda: _py3langid(False))
    run("py3langid, candidates", lambda: _py3langid(True))
    try:
        run("lingua, all 75 languages", lambda: _lingua(True))
        run("lingua, candidates", lambda: _lingua(False))
    except ImportError:
        print("lingua-language-detector not installed: pip install lingua-language-detector")
    run("sayso.language.detect", _sayso)
    if args.corpus is not None:
        article_overhead(args.corpus)


if __name__ == "__main__":
    main()
