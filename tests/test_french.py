"""French reading: one row per rule, on small hand-written French texts (fr_core_news_sm)."""
from __future__ import annotations

import pytest

from sayso import extract

pytest.importorskip("fr_core_news_sm")


def _one(text: str):
    analysis = extract(text, engine="rules", lang="fr")
    assert analysis.lang == "fr"
    names = {a.id: a.name for a in analysis.actors}
    return analysis, [(q.kind.value, text[q.parts[0][0] : q.parts[-1][1]], names.get(q.speaker)) for q in analysis.quotes]


@pytest.mark.parametrize("text, kind, content, speaker", [
    # guillemets with non-breaking spaces, incise with inversion
    ("Le ministre Paul Durand était à Lyon.\n\n«\u00a0Nous ne céderons pas\u00a0», a-t-il ajouté.",
     "direct", "Nous ne céderons pas", "Paul Durand"),
    ("Marie Curie parlait vendredi. « Le travail continue », estime-t-elle.", "direct", "Le travail continue", "Marie Curie"),
    # postposed subject
    ("« Le projet est mort » a déclaré Jean Dupont.", "direct", "Le projet est mort", "Jean Dupont"),
    # cue before, colon
    ("Jean Dupont a déclaré : « Le projet est mort depuis longtemps ».", "direct", "Le projet est mort depuis longtemps",
     "Jean Dupont"),
    # selon / d'après
    ("Selon Jean Dupont, le projet est abandonné depuis mars.", "according_to", "le projet est abandonné depuis mars",
     "Jean Dupont"),
    ("D'après Jean Dupont, le projet est abandonné depuis mars.", "according_to", "le projet est abandonné depuis mars",
     "Jean Dupont"),
    # pour X, …
    ("Pour Jean Dupont, le projet est abandonné depuis mars.", "according_to", "le projet est abandonné depuis mars",
     "Jean Dupont"),
    # indirect with que
    ("Le Premier ministre Antonis Samaras a annoncé que la réforme serait votée en juin.", "indirect",
     "que la réforme serait votée en juin", "Antonis Samaras"),
    # mixed
    ("Jean Dupont a estimé que la réforme était « un échec total ».", "mixed", "que la réforme était « un échec total »",
     "Jean Dupont"),
    # partial
    ("Jean Dupont a qualifié la réforme de « farce ».", "partial", "farce", "Jean Dupont"),
    # "se dire" and what one says one is
    ("Le président du club, Joey Saputo s'est dit satisfait des résultats de la saison malgré l'élimination de "
     "l'équipe.", "indirect", "satisfait des résultats de la saison malgré l'élimination de l'équipe", "Joey Saputo"),
    # an infinitive the tagger took for an adjective
    ("En effet, le ministre Alberto Ruiz-Gallardón désirerait interdire l'avortement dans les cas de malformations "
     "du fœtus.", "indirect", "interdire l'avortement dans les cas de malformations du fœtus", "Alberto Ruiz-Gallardón"),
    # a reported clause and the quotation its colon opens are two statements
    ("Le député Paul Martin a précisé que la réforme ne passera pas au Sénat : « Nous voterons contre. »",
     "indirect", "que la réforme ne passera pas au Sénat", "Paul Martin"),
    ("Le député Paul Martin a précisé que la réforme ne passera pas au Sénat : « Nous voterons contre. »",
     "direct", "Nous voterons contre.", "Paul Martin"),
    # a clause of the verb joined after the first cue's object is that verb's
    ("Le syndicat Force ouvrière appelle à une grève générale et fait savoir que dix usines vont fermer.",
     "indirect", "que dix usines vont fermer", "Force ouvrière"),
    # the object after the one it is addressed to
    ("La ministre Anne Roux demande au gouvernement des moyens pour les hôpitaux.", "indirect",
     "des moyens pour les hôpitaux", "Anne Roux"),
    ("Le Brésil reproche à la France l’absence de dialogue sur le climat.", "indirect",
     "l’absence de dialogue sur le climat", "Brésil"),
    # a gerund's object, said by the subject of the verb it hangs from (the nearer of two subjects)
    ("Ce retrait est une étape du plan, dont le président Jean Roux vient d'accélérer le calendrier, en ordonnant "
     "le départ de 500 soldats avant la fin de l'année.", "indirect", "le départ de 500 soldats", "Jean Roux"),
    # "selon lui" inside a clause another cue reports is no statement of its own
    ("« Les chiffres sont faux », ajoute Amnesty International qui précise que la hausse est, selon elle, "
     "artificielle.", "direct", "Les chiffres sont faux", "Amnesty International"),
])
def test_statement_rules(text, kind, content, speaker):
    _, found = _one(text)
    assert (kind, content, speaker) in found


def test_titles_and_surnames_resolve_to_the_full_name():
    _, found = _one("Antonis Samaras a gagné. « Nous formerons un gouvernement », a déclaré M. Samaras.")
    assert ("direct", "Nous formerons un gouvernement", "Antonis Samaras") in found


def test_bare_role_refers_back_to_the_named_speaker():
    _, found = _one("« La crise est finie » a indiqué Valentin Sapounov. « Les résultats sont clairs » a poursuivi "
                    "l'expert.")
    assert ("direct", "Les résultats sont clairs", "Valentin Sapounov") in found


def test_a_name_set_beside_the_source_speaks_and_stays_one_actor():
    analysis, found = _one("Les pirates ont volé trois millions d'euros. Selon la fédération des banques, Febelfin, "
                           "« le montant est plutôt de 700 000 euros ».\n\nFebelfin a rappelé que les banques "
                           "électroniques restent sûres.")
    assert ("according_to", "le montant est plutôt de 700 000 euros", "Febelfin") in found
    assert [q[2] for q in found] == ["Febelfin", "Febelfin"]
    assert [a.name for a in analysis.actors].count("Febelfin") == 1


def test_a_definite_description_of_an_organisation_is_the_one_named_before():
    _, found = _one("Amnesty International a publié mardi un rapport sur les prisons syriennes. Pour l'organisation "
                    "militant pour les droits de l'Homme, l'usage de la torture y est systématique.")
    assert ("according_to", "l'usage de la torture y est systématique", "Amnesty International") in found


def test_journalistic_conditional_is_the_reporters_hedge_not_the_speakers():
    analysis = extract("Selon le procureur Jean Dupont, trois millions d'euros auraient été volés.", engine="rules",
                       lang="fr")
    quote = analysis.quotes[0]
    assert quote.certainty == "asserted" and quote.stance == "distancing"


@pytest.mark.parametrize("verb", ["a démenti", "nie", "conteste"])
def test_denials_are_doubted_and_negative(verb):
    analysis = extract(f"Jean Dupont {verb} que le projet soit abandonné.", engine="rules", lang="fr")
    quote = analysis.quotes[0]
    assert quote.certainty == "doubted" and quote.polarity == "negative"


def test_negated_direct_quote_is_negative():
    analysis = extract("« Nous ne céderons jamais », a déclaré Jean Dupont.", engine="rules", lang="fr")
    assert analysis.quotes[0].polarity == "negative"


def test_french_is_identified_without_a_flag_and_offsets_hold():
    text = ("Le gouvernement a présenté jeudi son budget.\n\n« Nous tiendrons nos engagements », a déclaré le "
            "ministre des Finances, Yannis Stournaras, devant les députés réunis à Athènes.")
    analysis = extract(text, engine="rules")
    assert analysis.lang == "fr" and analysis.quotes
    for quote in analysis.quotes:
        assert text[quote.start : quote.end] == quote.text
    names = {a.id: a.name for a in analysis.actors}
    assert names[analysis.quotes[0].speaker] == "Yannis Stournaras"


def test_mixed_languages_in_one_batch_are_each_read():
    from sayso.pipeline import extract_many

    items = [("en", "\u201cWe will not back down,\u201d Tamimi said on Tuesday in Ramallah, where he lives."),
             ("fr", "« Nous ne reculerons pas », a déclaré mardi Ahed Tamimi à Ramallah, où il habite."),
             ("de", "Der Bürgermeister sagte am Dienstag, dass die Brücke im Sommer gebaut werden soll.")]
    outcomes = {o.key: o for o in extract_many(items, engine="rules")}
    assert outcomes["en"].analysis.lang == "en" and outcomes["en"].analysis.quotes
    assert outcomes["fr"].analysis.lang == "fr" and outcomes["fr"].analysis.quotes
    assert outcomes["de"].analysis.lang == "de" and not outcomes["de"].analysis.quotes


def test_a_name_set_beside_a_long_description_speaks():
    """ "L'ancien porte-parole de la mission onusienne en Syrie, Timor Goksel, …, a indiqué": the
    source may stop before the end of the description; the name after its comma speaks."""
    text = ("L’ancien porte-parole de la mission onusienne en Syrie, Timor Goksel, aujourd’hui professeur "
            "à l’université américaine de Beyrouth, a indiqué que les exécutions sommaires ne sont pas inhabituelles.")
    analysis = extract(text)
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes] == ["Timor Goksel"]


@pytest.mark.parametrize("text, speaker", [
    # a long description before the name set beside it
    ("Le boson a été découvert. L'un des deux porte-parole des équipes scientifiques ayant participé à la recherche "
     "de la particule, Joe Incandela, a annoncé : « C'est un résultat provisoire, mais il est très solide ».",
     "Joe Incandela"),
    # the organisation inside the description is what the person works for, whatever the NER says of it
    ("Le boson a été découvert. De son côté, le directeur général du Science & Technology Facilities Council "
     "britannique, John Womersley a déclaré : « Je peux confirmer qu'une particule a été découverte. »",
     "John Womersley"),
    # "qui" after an apposition stands for the name, not for the last noun before it
    ("Le premier ministre s'est entretenu avec Arnaud Montebourg, le ministre du redressement productif, qui a "
     "déclaré au Sénat que le gouvernement n'acceptait pas le plan en l'état.", "Arnaud Montebourg"),
    # a bare noun is no source: "an ajoutant" (for "en ajoutant") keeps the sentence's speaker
    ("Le président du directoire de PSA, Philippe Varin, a précisé que « personne ne sera laissé au bord du chemin » "
     "an ajoutant : « nous sommes conscients de nos responsabilités ».", "Philippe Varin"),
])
def test_the_person_a_description_is_set_beside_speaks(text, speaker):
    analysis = extract(text, engine="rules", lang="fr")
    names = {a.id: a.name for a in analysis.actors}
    assert analysis.quotes and {names.get(q.speaker) for q in analysis.quotes} == {speaker}


@pytest.mark.parametrize("text, content, speaker", [
    # a role before a name is no part of it, and the bare role later names that person
    ("Barack Obama était à Columbus. « Nous avons créé des emplois », s'est réjoui le président Obama. Mitt Romney a promis un "
     "« nouveau départ ». Le président a prévu de revenir chaque jour dans l'Ohio.",
     "de revenir chaque jour dans l'Ohio", "Barack Obama"),
    # a present participle says what the subject of its clause says
    ("Philippe Varin a cependant réfuté l'idée d'un prêt par l’État affirmant : « nous avons une sécurité "
     "financière importante » ; cette option sera analysée.", "nous avons une sécurité financière importante",
     "Philippe Varin"),
    # an acronym and its expansion set beside it are one actor; "le rapport" is the report named before
    ("Le rapport final du BEA, le Bureau d'enquêtes et d'analyses de la DGAC, conclut que l'accident a été "
     "provoqué par une combinaison de facteurs. Selon le rapport, le pilote a cabré au lieu de piquer.",
     "le pilote a cabré au lieu de piquer", "Bureau d'enquêtes"),
    # a description set beside a name names that person when it comes back
    ("L’ancien porte-parole de la mission onusienne en Syrie, Timor Goksel, a indiqué que les exécutions sont "
     "rares. Mais l’ancien porte-parole de la mission onusienne en Syrie fait remarquer que les combattants "
     "peuvent agir de manière débridée.", "que les combattants peuvent agir de manière débridée", "Timor Goksel"),
])
def test_a_speaker_named_before_under_another_form(text, content, speaker):
    _, found = _one(text)
    assert [s for _, c, s in found if c == content] == [speaker]


def test_a_name_written_again_is_its_person_whatever_the_ner_made_of_it():
    text = ("Le président d'honneur du Front national, Jean-Marie Le Pen, a accordé une interview au journal Le Monde. "
            "« Je vous vois », lui avait dit Christian Jacob, "
            "président du groupe UMP.\n\nDans l'interview, Jean-Marie Le Pen revient sur le parti, la démographie "
            "européenne, ainsi que l'islam. « Le maître sera l'islam », prévient-il.")
    _, found = _one(text)
    assert [s for _, c, s in found if c.startswith("Le maître")] == ["Jean-Marie Le Pen"]


@pytest.mark.parametrize("text, content, cue, speaker", [
    # "faire savoir que": a cue phrase; the "il" after "qu'" is the content's subject, not an inversion
    ("Mais le Conseil des droits de l’Homme de l’ONU a fait savoir qu’il pourrait s’agir de crimes contre "
     "l’humanité.", "qu’il pourrait s’agir de crimes contre l’humanité", "fait savoir", "Conseil"),
    # a request with a negated infinitive
    ("Depuis 2011, la Commission européenne demande aux pilotes de ne pas suivre les informations du "
     "directeur de vol.", "de ne pas suivre les informations du directeur de vol", "demande", "Commission"),
    # an urging: "inciter quelqu'un à" and an infinitive
    ("Les syndicats incitent le gouvernement à ouvrir des négociations sur les salaires.",
     "à ouvrir des négociations sur les salaires", "incitent", "syndicats"),
])
def test_cue_phrases_and_negated_requests(text, content, cue, speaker):
    analysis, found = _one(text)
    assert [c for _, c, _ in found] == [content]
    assert analysis.quotes[0].cue == cue
    assert speaker in (found[0][2] or "")


def test_savoir_alone_reports_nothing():
    _, found = _one("Le ministre veut savoir qui a parlé aux journalistes hier soir.")
    assert found == []


def test_a_paragraph_signed_with_a_dash_and_a_name_is_that_persons_quotation():
    text = ("L'agression a duré plusieurs minutes, avant qu'elle soit secourue par son collègue Ashraf Khalil.\n\n"
            "J'ai été agrippée de partout. J'ai réalisé (plus tard), quand quelqu'un a reboutonné ma chemise, "
            "qu'elle était ouverte, mais pas déchirée. —Sonia Dridi, journaliste\n\n"
            "Le texte de la déclaration des syndicats a été publié par le quotidien régional — AFP")
    _, found = _one(text)
    assert [(k, c[:20], s) for k, c, s in found] == [("direct", "J'ai été agrippée de", "Sonia Dridi")]


def test_a_cue_the_tagger_calls_an_adverb_still_frames_the_quotation():
    text = ("Barack Obama était dans l'Ohio.\n\n« Nous avons appris que les entreprises avaient embauché plus de "
            "personnes en octobre » s'est réjoui le président Obama à Hilliard.")
    _, found = _one(text)
    assert [(k, s) for k, _, s in found] == [("direct", "Barack Obama")]


@pytest.mark.parametrize("text, content, speaker", [
    # a headline that names its own source
    ("Proche-Orient : Yasser Arafat serait mort d'un empoisonnement au polonium, selon un reportage\n\n"
     "4 juillet 2012. - La chaîne a diffusé un documentaire.", "Yasser Arafat serait mort d'un empoisonnement au polonium",
     "un reportage"),
    # "selon X" right after the clause, the sentence going on after X (the paper that published the poll speaks)
    ("81% des Espagnols se disent contre ce projet de loi selon un sondage publié dans le quotidien El Pais, "
     "et beaucoup ont peur.", "81% des Espagnols se disent contre ce projet de loi",
     "un sondage publié dans le quotidien El Pais"),
])
def test_selon_after_the_clause_it_sources(text, content, speaker):
    _, found = _one(text)
    according = [(c, s) for k, c, s in found if k == "according_to"]
    assert len(according) == 1 and content in according[0][0] and according[0][1] in speaker


def test_selon_a_criterion_is_no_source():
    _, found = _one("Les enfants sont classés selon leur âge dans les écoles du pays, et les parents ont protesté.")
    assert [k for k, _, _ in found if k == "according_to"] == []


def test_a_description_set_before_a_name_names_that_person_in_the_headline_too():
    text = ("Élection américaine : le maire de New York appelle à voter Obama\n\n"
            "1er novembre 2012. - Le maire de New York, Michael Bloomberg, appelle cet après-midi à voter pour "
            "Barack Obama à l'élection présidentielle de mardi prochain.")
    _, found = _one(text)
    assert [(c, s) for _, c, s in found] == [("à voter Obama", "Michael Bloomberg"),
                                            ("à voter pour Barack Obama à l'élection présidentielle de mardi prochain",
                                             "Michael Bloomberg")]


def test_a_name_the_tagger_missed_before_a_description_speaks():
    text = ("Environ 2 000 citoyens ont manifesté aujourd'hui à Bamako. Nock Ag Attia, député touareg, a précisé "
            "que les milices qui contrôlent le nord du pays ne représentent pas les Maliens.")
    _, found = _one(text)
    assert [s for _, c, s in found if c.startswith("que les milices")] == ["Nock Ag Attia"]


@pytest.mark.parametrize("text, content", [
    ("Le CERN a annoncé aujourd'hui la découverte d'une nouvelle particule sub-atomique.",
     "la découverte d'une nouvelle particule sub-atomique"),
    ("Philippe Varin a cependant réfuté l'idée d'un prêt par l'État.", "l'idée d'un prêt par l'État"),
    # a demand reports what it demands
    ("Le candidat des Frères musulmans exige la publication immédiate des résultats.",
     "la publication immédiate des résultats"),
    ("Les associations étudiantes réclament la gratuité scolaire.", "la gratuité scolaire"),
    ("Chez Bouygues Telecom, la direction a confirmé mardi un plan de départs volontaires.",
     "un plan de départs volontaires"),
    ("Le syndicat a révélé la fermeture de deux bureaux de poste.", "la fermeture de deux bureaux de poste"),
])
def test_a_message_verb_reports_its_noun_phrase_object(text, content):
    _, found = _one(text)
    assert [(k, c) for k, c, _ in found] == [("indirect", content)]


def test_an_attitude_to_a_thing_reports_no_noun_phrase():
    _, found = _one("Les manifestantes ont dénoncé le projet de loi du gouvernement conservateur de Mariano Rajoy.")
    assert found == []


def test_a_cue_set_inside_the_marks_starts_a_statement_of_its_own():
    text = ("« Ces retards posent beaucoup de questions », ajoute Hassan, un manifestant. "
            "« Moi, dit-il, j'ai l'impression que le conseil militaire veut garder le pouvoir ».")
    _, found = _one(text)
    assert [(c, s) for _, c, s in found] == [
        ("Ces retards posent beaucoup de questions", "Hassan"),
        ("Moi, dit-il, j'ai l'impression que le conseil militaire veut garder le pouvoir", "Hassan")]


def test_a_name_between_commas_after_a_clause_is_the_subject():
    text = ("Sans mentionner de noms, Nick De Santis le directeur sportif de l'équipe, a affirmé que certains "
            "joueurs ne seront pas de retour.")
    _, found = _one(text)
    assert [s for _, c, s in found if c.startswith("que certains")] == ["Nick De Santis"]


@pytest.mark.parametrize("text, speaker", [
    # a possessive description beside the name, later alone
    ("Thierry Roland commentait les matchs avec son complice de toujours, Jean-Michel Larqué, depuis 1986. "
     "Selon son complice, « il se sentait faible ces derniers temps ».", "Jean-Michel Larqué"),
    # a role the NER read as a name is the person who holds it
    ("Le président François Hollande était à Nice. « Aucun Français ne doit être loin des urgences » estime "
     "le président de la République.", "François Hollande"),
])
def test_a_description_names_the_person_it_was_given_to(text, speaker):
    _, found = _one(text)
    assert [s for *_, s in found] == [speaker]


@pytest.mark.parametrize("text, content, speaker", [
    # a conjoined verb shares its first verb's subject
    ("Antoni Pastor fut exclu de son groupe et déclara alors : « Il faut savoir quel est le scénario limite. »",
     "Il faut savoir quel est le scénario limite.", "Antoni Pastor"),
    # a present participle's subject may come after it
    ("Antoni Pastor est député. Estimant que « le catalan est notre propre langue », il vota contre le projet.",
     "le catalan est notre propre langue", "Antoni Pastor"),
    # an adverb between a postposed cue and its subject
    ("« Les radiations ont endommagé les gènes des papillons », conclut tout simplement Joji Otaki.",
     "Les radiations ont endommagé les gènes des papillons", "Joji Otaki"),
    # an inverted postposed cue
    ("Claude Bartolone a présidé la séance. Sur 544 votants, il y a eu 302 voix pour, a-t-il précisé.",
     "Sur 544 votants, il y a eu 302 voix pour", "Claude Bartolone"),
    # a postposed cue reports the clause before it, not the noun phrase after it
    ("L'Assemblée nationale a voté la confiance au gouvernement, a annoncé le président de l'Assemblée "
     "Claude Bartolone.", "L'Assemblée nationale a voté la confiance au gouvernement", "Claude Bartolone"),
])
def test_subjects_conjoined_after_a_participle_or_a_postposed_cue(text, content, speaker):
    _, found = _one(text)
    assert [(c, s) for _, c, s in found] == [(content, speaker)]


def test_c_est_a_dire_is_no_cue():
    _, found = _one("Plus le papillon est exposé longtemps, plus son génome, c'est-à-dire son patrimoine "
                    "génétique, est altéré.")
    assert found == []


@pytest.mark.parametrize("text, name", [
    # an acronym first, its expansion later
    ("Chômage : 75 000 emplois menacés selon la CGT\n\nLa Confédération générale du travail estime que "
     "la situation se dégrade.", "Confédération générale du travail"),
])
def test_an_acronym_and_its_expansion_are_one_actor(text, name):
    analysis, found = _one(text)
    assert {s for *_, s in found} == {name}
    assert [a.name for a in analysis.actors if a.name in {name, "CGT"}] == [name]


@pytest.mark.parametrize("text, content, speaker", [
    # intentions with an infinitive, requests with "à" and an infinitive
    ("Le groupe Danone souhaite profiter de la croissance du marché en Asie.",
     "profiter de la croissance du marché en Asie", "Danone"),
    ("Le ministère de la Santé invite les Français à boire beaucoup d'eau.", "à boire beaucoup d'eau", "ministère"),
    ("Le gouvernement britannique avait menacé d'envahir l'ambassade pour capturer le fugitif.",
     "d'envahir l'ambassade pour capturer le fugitif", "gouvernement"),
    # noun-phrase contents the parser misreads, and after a preposition
    ("Les associations étudiantes réclament quant à elles la gratuité scolaire et indiquent leur refus.",
     "la gratuité scolaire", "associations"),
    ("David Martin a appelé au rejet du projet en raison de sa dangerosité.",
     "rejet du projet en raison de sa dangerosité", "David Martin"),
    ("Les syndicats de la CGT craignent une montée des tensions et des violences.",
     "une montée des tensions et des violences", "syndicats"),
    # an incise without quotation marks frames the words on both sides
    ("L'ancien président Abdou Diouf était à Québec. Par ailleurs, poursuit Abdou Diouf, une langue n'a pas "
     "d'avenir sans moyens économiques.",
     "Par ailleurs, poursuit Abdou Diouf, une langue n'a pas d'avenir sans moyens économiques", "Abdou Diouf"),
    # "pour qui", "de l'avis de", and "selon" inside the sentence
    ("Cette annonce ne satisfait pas la CGT pour qui seule une hausse liée à l'inflation serait acceptable.",
     "seule une hausse liée à l'inflation serait acceptable", "CGT"),
    ("De l'avis de Pete Selleck, la langue française est une exigence à tous les postes.",
     "la langue française est une exigence à tous les postes", "Pete Selleck"),
    ("Au Congrès, selon l'agence Reuters, les républicains auront à nouveau le contrôle de la Chambre.",
     "Au Congrès, selon l'agence Reuters, les républicains auront à nouveau le contrôle de la Chambre", "Reuters"),
])
def test_french_recall_rules(text, content, speaker):
    _, found = _one(text)
    assert content in [c for _, c, _ in found]
    assert speaker in next(s for _, c, s in found if c == content)


@pytest.mark.parametrize("text", [
    # a cue in a condition reports nothing
    "M. Romney doit remporter l'Ohio s'il souhaite déloger Barack Obama de la Maison Blanche.",
    # "selon" that means "depending on", and a law that says nothing
    "Ces faits sont passibles de la peine de mort ou, selon les juridictions, de la prison à vie.",
])
def test_french_non_statements(text):
    assert _one(text)[1] == []


def test_french_descriptions_take_up_the_actor_named_before():
    text = ("Jean-Marc Ayrault a prononcé un discours. M. Ayrault a parlé une heure. Jean-François Copé a quitté la salle. "
            "Mais le premier ministre a affirmé qu'il ne renoncera pas à la réforme.\n\n"
            "Quelques associations étudiantes ont manifesté. Ces associations réclament la gratuité scolaire.")
    analysis, found = _one(text)
    speakers = {c: s for _, c, s in found}
    assert speakers["qu'il ne renoncera pas à la réforme"] == "Jean-Marc Ayrault"
    assert speakers["la gratuité scolaire"] == "Quelques associations étudiantes"


@pytest.mark.parametrize("text, content, speaker", [
    # a quotation after the colon that closes a clause is its subject's, whatever the verb
    ("Akli Gasmi, jeune berger à l'époque, se souvient : « C'est quelque chose qu'on ne vit qu'une fois. »",
     "C'est quelque chose qu'on ne vit qu'une fois.", "Akli Gasmi"),
    # a headline that is a name, a colon and a quotation
    ("Barack Obama : « le meilleur reste à venir pour les Etats-Unis ! »\n\nLe président a été réélu mardi.",
     "le meilleur reste à venir pour les Etats-Unis !", "Barack Obama"),
    # the clause's cue verb gives the speaker, not the verb of the clause it reports
    ("Jean-Marc Ayrault a affirmé que le gouvernement ne baissera pas les bras : « Non, nous ne renoncerons pas ! »",
     "Non, nous ne renoncerons pas !", "Jean-Marc Ayrault"),
    # a thing is no speaker: the person the clause names is
    ("Le reportage a suffi pour convaincre Souha Arafat, dont le mari est mort sans qu'aucune autopsie ne soit "
     "effectuée : « Je veux que le corps de mon mari soit exhumé. »", "Je veux que le corps de mon mari soit exhumé.",
     "Souha Arafat"),
    # reproaches and accusations with "de" and an infinitive
    ("Le parti reproche à Antoni Pastor de ne pas être un député godillot.", "de ne pas être un député godillot", "parti"),
])
def test_french_quotations_after_a_colon_and_reproaches(text, content, speaker):
    _, found = _one(text)
    assert content in [c for _, c, _ in found]
    assert speaker in (next(s for _, c, s in found if c == content) or "")


@pytest.mark.parametrize("text, expected", [
    # an acronym of an organisation's head words, and the first part of a hyphenated name
    ("Le Parti populaire espagnol a exclu le député. Le PP a affirmé que le député avait commis une faute grave.\n\n"
     "Le syndicat SUD-PTT a révélé ce décès. SUD a affirmé que l'agent avait demandé un changement de service.",
     {"que le député avait commis une faute grave": "Parti populaire espagnol",
      "que l'agent avait demandé un changement de service": "SUD-PTT"}),
    # a possessive description by an organisation noun, and a capitalised article before an acronym
    ("Le Parti populaire espagnol a exclu le député Antoni Pastor. Son parti affirme que le député a rompu la "
     "discipline de vote.\n\nLe PP a ajouté qu'il ne reviendrait pas sur sa décision.",
     {"que le député a rompu la discipline de vote": "Parti populaire espagnol",
      "qu'il ne reviendrait pas sur sa décision": "Parti populaire espagnol"}),
])
def test_french_names_of_one_organisation_are_one_actor(text, expected):
    speakers = {c: s for _, c, s in _one(text)[1]}
    assert {c: speakers.get(c) for c in expected} == expected


@pytest.mark.parametrize("text, content, speaker", [
    # one name, one type: a company the NER reads once as a place is the company its other mention says
    ("Indonésie : L'Oréal ouvre une usine\n\nLe groupe de cosmétique français, numéro un mondial, L'Oréal a inauguré "
     "mercredi sa plus grande usine. Le groupe souhaite profiter de la croissance du marché en Asie.",
     "profiter de la croissance du marché en Asie", "Oréal"),
    # an organisation's fuller name written after its short one
    ("Samsung fait appel\n\nLe groupe sud-coréen Samsung Electronics a perdu son procès contre Apple. Samsung a "
     "annoncé qu'il allait déposer un recours.", "qu'il allait déposer un recours", "Samsung Electronics"),
    # a role noun before a name makes it a person's
    ("Îles Baléares : le Parti populaire exclut le député Antoni Pastor\n\nLe Parti populaire a exclu, hier, Antoni "
     "Pastor, député-maire de Manacor. Antoni Pastor a déclaré que le catalan est leur propre langue.",
     "que le catalan est leur propre langue", "Antoni Pastor"),
    # "La police" takes up the earlier phrase with its head, not the organisation named last
    ("Le groupe ETA a annoncé sa dissolution en 2018.\n\nSix personnes ont été arrêtées à Londres, selon un communiqué "
     "de la police londonienne. La police a confirmé que les suspects étaient britanniques.",
     "que les suspects étaient britanniques", "police londonienne"),
])
def test_french_actors_typed_and_named_by_all_their_mentions(text, content, speaker):
    analysis, found = _one(text)
    assert speaker in (next(s for _, c, s in found if c == content) or "")
    if content.startswith("que le catalan"):
        assert next(a for a in analysis.actors if a.name == "Antoni Pastor").type.value == "PERSON"


def test_a_plural_pronoun_takes_no_singular_subject_for_antecedent():
    text = ("Des milliers de locuteurs vivent aux États-Unis. L'organisation intergouvernementale les ignore. "
            "Ils souhaitent être désignés comme francophones.")
    analysis, _ = _one(text)
    assert not any("ignore" in a.name or a.name.startswith("L'organisation") for a in analysis.actors)


@pytest.mark.parametrize("text", [
    "Un haut responsable électoral de Tripoli a confirmé ces incidents. À l'heure actuelle, il n'est pas prévu de "
    "reporter le scrutin car 92 % des bureaux de vote restent ouverts.",
    "Le ministre a parlé lundi. Il a été annoncé que le scrutin serait reporté.",
])
def test_an_impersonal_passive_names_no_source(text):
    assert not [c for _, c, _ in _one(text)[1] if "scrutin" in c]


def test_a_quotation_in_another_phrase_after_a_comma_is_not_the_cues():
    text = ("Le 5 juillet 1962, le général De Gaulle proclamait l'indépendance de l'Algérie, après plus de 7 ans de "
            "guerre et une nette victoire du « oui » au référendum.")
    found = _one(text)[1]
    assert [c for _, c, _ in found] == ["l'indépendance de l'Algérie"]
    # an apposition between the cue's object and the quotation still frames it
    found = _one("Jean-Marie Le Pen décrit sa fille, Marine Le Pen, comme « petite-bourgeoise ».")[1]
    assert [(k, c) for k, c, _ in found] == [("partial", "petite-bourgeoise")]



@pytest.mark.parametrize("text, content, speaker", [
    # a name the tagger reads as an adverb after the cue still speaks
    ("« La sécurité est l’affaire de tous » a ensuite précisé Febelfin.", "La sécurité est l’affaire de tous", "Febelfin"),
    # a headline's topic label before a colon is not the cue's subject
    ("Égypte : le parti des Frères musulmans exige les résultats de l’élection présidentielle\n\nLe vote a eu lieu.",
     "les résultats de l’élection présidentielle", "le parti des Frères musulmans"),
    # a stance speaks for whoever holds it
    ("La déclaration de Human Rights Watch affirme que la Syrie a bombardé la ville.",
     "que la Syrie a bombardé la ville", "Human Rights Watch"),
    ("Selon la position du Parti québécois, il faut indexer les frais de scolarité.",
     "il faut indexer les frais de scolarité", "Parti québécois"),
    # a name set beside a "pour" source before a colon speaks
    ("Le PPE a voté pour. Pour la principale association du logiciel libre, l'April : « Le rejet d'ACTA est une "
     "victoire pour les citoyens. »", "Le rejet d'ACTA est une victoire pour les citoyens.", "April"),
    # the accused and an apposition between the cue and "de" and its infinitive
    ("L'OSDH accuse le Front Nusrat, un groupe lié à Al-Qaïda, d’être responsables des exécutions.",
     "d’être responsables des exécutions", "L'OSDH"),
    # "l'ONG" takes up the organisation the article introduced as one, not the one named last
    ("Syrie : Human Rights Watch dénonce la torture\n\n3 juillet 2012. - L'ONG Human Rights Watch vient de publier "
     "un rapport sur la Syrie. La Syrie n'a pas ratifié la convention de la Cour pénale internationale, l'ONG a "
     "demandé au Conseil de sécurité d'adopter une résolution sur la Syrie.",
     "d'adopter une résolution sur la Syrie", "Human Rights Watch"),
    # "la centrale syndicale" is the union named before
    ("Le syndicat SUD-PTT a dénoncé ce décès. La centrale syndicale précise que l'agent avait demandé un congé.",
     "que l'agent avait demandé un congé", "SUD-PTT"),
    # a person named as the subject of what a statement says is not who speaks next
    ("Le Parti populaire a exclu Antoni Pastor. Le PP a considéré qu'Antoni Pastor avait commis une faute grave. "
     "En réalité, il lui reproche de ne pas être un député godillot.", "de ne pas être un député godillot",
     "Parti populaire"),
    # a cleft sentence's "qui" stands for the name the tagger read as another word
    ("Un postier a été retrouvé mort. C'est le syndicat SUD-PTT qui a révélé ce décès à la presse.",
     "ce décès à la presse", "SUD-PTT"),
    # a person the article gave a role before one it only named (the NER's "Celsius")
    ("La planète a été repérée par l'astronome suisse Michel Mayor. Sa surface atteint 1 200 degrés Celsius. "
     "D'après le chercheur, la planète présenterait toujours la même face à son étoile.",
     "la planète présenterait toujours la même face à son étoile", "Michel Mayor"),
    # "ils" is not the one person who spoke last
    ("Abdou Diouf a dit que le français devait s'ouvrir. D'autres orateurs ont pris la parole. « Il est, "
     "disent-ils, la langue de diverses crises mondiales. »", "Il est, disent-ils, la langue de diverses crises "
     "mondiales.", "D'autres orateurs"),
    # a pronoun below the headline takes up the body's subject, not the headline's speaker
    ("Mali : des citoyens appellent à libérer le nord du pays\n\n4 juillet 2012. - Environ 2 000 citoyens "
     "maliens du nord en colère contre les exactions des groupes armés ont manifesté aujourd'hui à Bamako. Ils "
     "revendiquent notamment l'obtention d'armes.", "l'obtention d'armes", "2 000 citoyens maliens du nord"),
    # one description, one referent: "l'équipe" is what it named the first time
    ("Les dirigeants de l'Impact de Montréal présentaient le bilan de la première saison de l'équipe dans la "
     "Major League Soccer (MLS). Le président a annoncé le retour de plusieurs joueurs de l'équipe actuelle. "
     "L'un des objectifs de l'équipe en 2013 sera d'améliorer ses résultats.", "d'améliorer ses résultats",
     "Impact de Montréal"),
    # the same description again without its adjective
    ("Le nouveau gouvernement du Parti québécois annonce un sommet. Les étudiants rejettent la position du "
     "gouvernement du Parti québécois qui désire indexer les frais de scolarité.", "indexer les frais de scolarité",
     "Le nouveau gouvernement du Parti québécois"),
])
def test_the_speaker_of_a_french_source(text, content, speaker):
    _, found = _one(text)
    assert any(c == content and s == speaker for _, c, s in found), found


@pytest.mark.parametrize("text, content, speaker", [
    # a noun of intention after a light verb, then "de" and an infinitive
    ("Barack Obama a été réélu. Il a aussi exprimé le vœu de s’attaquer au problème de l’immigration.",
     "de s’attaquer au problème de l’immigration", "Barack Obama"),
    ("L'entreprise Renault a manifesté sa volonté de fermer l'usine de Flins.", "de fermer l'usine de Flins",
     "Renault"),
    # an aim said to be an act is its holder's intention
    ("L'Impact de Montréal a fini la saison. L'un des objectifs de l'équipe en 2013 sera aussi d'améliorer ses "
     "résultats sur les terrains extérieurs.", "d'améliorer ses résultats sur les terrains extérieurs",
     "L'Impact de Montréal"),
])
def test_intentions_told_by_a_noun(text, content, speaker):
    analysis, found = _one(text)
    assert ("indirect", content, speaker) in found
    assert any(q.type.value == "intention" for q in analysis.quotes)


@pytest.mark.parametrize("text, kind, content, speaker", [
    # a concession after a comma is the reporter's clause, not the report's
    ("L'OTAN prévoit de retirer l'intégralité de ses forces en 2014, bien que de nombreux experts restent sceptiques.",
     "indirect", "de retirer l'intégralité de ses forces en 2014", "OTAN"),
    # "comme le rappelle X": the verb the tagger reads as a name still frames the quotation
    ("La Syrie est isolée, mais comme le rappelle HRW, « la Russie et la Chine ont bloqué les efforts du Conseil ».",
     "direct", "la Russie et la Chine ont bloqué les efforts du Conseil", "HRW"),
    # a capitalised name the tagger reads as a common noun still speaks
    ("Cette annonce ne satisfait ni les syndicats ni les organisations patronales tel le Medef pour qui seule une "
     "augmentation liée à l'inflation pourrait être acceptable.", "according_to",
     "seule une augmentation liée à l'inflation pourrait être acceptable", "Medef"),
])
def test_clauses_and_sources_the_tagger_misreads(text, kind, content, speaker):
    _, found = _one(text)
    assert any(k == kind and c == content and s is not None and s.endswith(speaker) for k, c, s in found), found


def test_a_dash_inside_a_quotation_opens_another_speakers_turn():
    text = ("Thierry Roland commentait les matchs avec Jean-Michel Larqué. « Eh oui, mon petit Jean-Mimi ! — Tout à "
            "fait Thierry ! », répondit alors son complice Jean-Michel Larqué.")
    _, found = _one(text)
    assert ("direct", "Tout à fait Thierry !", "Jean-Michel Larqué") in found, found
    assert not any("Eh oui" in c and s == "Jean-Michel Larqué" for _, c, s in found), found


def test_an_earlier_description_with_another_holder_is_not_taken_up():
    text = ("L'ancien gouvernement du Parti libéral avait affirmé que le sommet était inutile. Le gouvernement du "
            "Parti libéral a déclaré que le sommet aurait lieu.")
    _, found = _one(text)
    assert ("indirect", "que le sommet aurait lieu", "Le gouvernement du Parti libéral") in found, found
