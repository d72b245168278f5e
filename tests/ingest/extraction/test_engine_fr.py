"""French articles: what the engine reads, in sentences written for these tests."""

import pytest

from ingest.extraction import engine, extract
from ingest.extraction.folding import fold_in_place


def one(text, published="2019-05", **fields):
    figures = extract(text, published=published)
    assert len(figures) == 1, figures
    figure = figures[0]
    for name, value in fields.items():
        assert getattr(figure, name) == value, (name, getattr(figure, name), value)
    return figure


@pytest.mark.parametrize(
    "phrase, qualifier",
    [
        ("au moins", "at_least"),
        ("pas moins de", "at_least"),
        ("plus de", "more_than"),
        ("jusqu'à", "up_to"),
        ("près de", "approx"),
        ("environ", "approx"),
        ("quelque", "approx"),
    ],
)
def test_it_reads_french_qualifiers(phrase, qualifier):
    one(f"Selon l'OSDH, {phrase} 40 civils ont été tués à Alep.", qualifier=qualifier, value=40)


def test_it_reads_au_moins_as_at_least_after_qu():
    one("Airwars estime qu'au moins 603 civils ont perdu la vie.", qualifier="at_least", value=603)


@pytest.mark.parametrize(
    "text",
    [
        "entre 10 et 20 civils ont été tués, selon l'ONU.",
        "de 10 à 20 civils ont été tués, selon l'ONU.",
        "10-20 civils ont été tués, selon l'ONU.",
    ],
)
def test_it_reads_ranges(text):
    one(text, value=10, value_max=20, qualifier="range")


@pytest.mark.parametrize(
    "verb, casualty",
    [
        ("ont été tués", "killed"),
        ("sont morts", "killed"),
        ("ont péri", "killed"),
        ("ont perdu la vie", "killed"),
        ("ont été blessés", "injured"),
    ],
)
def test_it_reads_french_casualty_verbs(verb, casualty):
    one(
        f"Selon l'OSDH, 12 civils {verb} dans des frappes russes sur Idleb.",
        casualty=casualty,
        perpetrator="russia",
    )


@pytest.mark.parametrize(
    "noun, casualty, victims",
    [
        ("morts", "killed", "people"),
        ("blessés", "injured", "people"),
        ("victimes civiles", "killed", "civilians"),
        ("morts parmi les civils", "killed", "civilians"),
    ],
)
def test_it_reads_french_casualty_nouns(noun, casualty, victims):
    one(
        f"Le raid a fait 14 {noun}, selon l'agence Sana.",
        casualty=casualty,
        victims=victims,
        claimant="SANA",
        claimant_kind="state_media",
        scope="incident",
    )


def test_it_splits_sub_counts_into_figures():
    figures = extract(
        "Vingt civils, dont neuf femmes et deux enfants, ont été tués, selon l'OSDH.", published="2017-05"
    )
    assert [(f.value, f.victims, f.casualty, f.claimant) for f in figures] == [
        (20, "civilians", "killed", "SOHR"),
        (9, "women", "killed", "SOHR"),
        (2, "children", "killed", "SOHR"),
    ]


def test_it_reads_a_verb_before_the_number_and_others_after_it():
    figures = extract(
        "Selon le Centcom, les frappes ont tué 64 civils et blessé huit autres.", published="2016-11"
    )
    assert [(f.value, f.casualty, f.victims) for f in figures] == [
        (64, "killed", "civilians"),
        (8, "injured", "civilians"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "La coalition a mené 24.502 raids aériens en Irak.",
        "La coalition examine 111 rapports faisant état de morts de civils.",
        "Elle a évalué 141 des 222 rapports fournis par l'ONG.",
        "Les Etats-Unis mènent environ 80% des bombardements.",
        "Le 8 juin 2017, un raid a visé Raqqa.",
        "L'aide s'élève à 300 millions d'euros.",
        "Un garçon de 12 ans a été blessé.",
        "Les 3000 combattants de l'EI se sont repliés.",
    ],
)
def test_it_ignores_numbers_that_count_no_casualties(text):
    assert extract(text, published="2019-05") == []


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        ("Selon l'Observatoire syrien des droits de l'Homme, 20 civils ont été tués.", "SOHR"),
        ("D'après l'ONU, 20 civils ont été tués.", "UN"),
        ("L'ONG Airwars estime que 20 civils ont été tués.", "Airwars"),
        ("La coalition a reconnu que 20 civils ont été tués.", "US-led coalition"),
        ("Amnesty International fait état de 20 civils tués.", "Amnesty International"),
        ("«Les frappes ont tué 20 civils», a indiqué le Centcom.", "CENTCOM"),
        (
            "Human Rights Watch, qui a enquêté sur place, affirme que 20 civils ont été tués.",
            "Human Rights Watch",
        ),
    ],
)
def test_it_attributes_figures_to_who_states_them(sentence, claimant):
    one(sentence, claimant=claimant)


def test_it_resolves_pronouns_and_references_to_the_last_claimant():
    text = (
        "Airwars a publié mardi un nouveau rapport. Elle estime qu'au moins 4 354 civils sont morts. "
        "Selon cette organisation, 120 autres personnes ont été blessées."
    )
    figures = extract(text, published="2017-07")
    assert [(f.value, f.claimant) for f in figures] == [(4354, "Airwars"), (120, "Airwars")]
    assert figures[1].confidence < 0.95


def test_it_does_not_take_the_perpetrator_for_the_claimant():
    figure = one(
        "Les frappes de la coalition dirigée par Washington ont tué 30 civils à Mossoul, selon l'ONU.",
        claimant="UN",
        perpetrator="coalition",
        geography="iraq",
    )
    assert figure.claimant_kind == "independent"


@pytest.mark.parametrize(
    "sentence, scope",
    [
        (
            "Selon la coalition, 1.302 civils ont été tués depuis le début de son intervention en 2014.",
            "cumulative",
        ),
        ("Selon la coalition, 64 civils ont été tués sur les 12 derniers mois.", "period"),
        ("Selon l'OSDH, 20 civils ont été tués jeudi.", "incident"),
        ("La coalition a jugé 27 rapports crédibles, ajoutant ainsi 119 morts civils à son bilan.", "period"),
    ],
)
def test_it_reads_the_scope(sentence, scope):
    figures = extract(sentence, published="2019-05")
    assert figures[-1].scope == scope


@pytest.mark.parametrize(
    "sentence, geography",
    [
        ("Selon l'ONU, 20 civils ont été tués en Irak.", "iraq"),
        ("Selon l'ONU, 20 civils ont été tués à Raqqa.", "syria"),
        ("Selon l'ONU, 20 civils ont été tués en Irak et en Syrie.", "iraq_syria"),
        ("Selon l'ONU, 20 civils ont été tués à Kaboul.", "afghanistan"),
        ("Selon l'ONU, 20 civils ont été tués en Libye.", "other"),
    ],
)
def test_it_reads_the_geography(sentence, geography):
    one(sentence, geography=geography)


@pytest.mark.parametrize(
    "sentence, perpetrator",
    [
        ("Selon l'ONU, 20 civils ont été tués par des frappes de la coalition.", "coalition"),
        ("Selon l'ONU, 20 femmes ont été exécutées par l'Etat islamique.", "isis"),
        ("Selon l'ONU, 20 civils ont été tués dans des bombardements russes.", "russia"),
        ("Selon l'ONU, 20 civils ont été tués par des barils d'explosifs du régime.", "syria_gov"),
        # Iraqi and Afghan forces are the coalition's allies, not the coalition, unless beside it
        ("Selon l'ONU, 20 civils ont été tués dans des frappes menées par l'aviation irakienne.", "other"),
        ("Selon l'ONU, 20 civils ont été tués par des tirs de l'armée afghane.", "other"),
        ("Selon l'ONU, 20 civils ont été tués par les forces afghanes et internationales.", "coalition"),
        (
            "Selon l'OSDH, des missiles sol-sol de l'armée gouvernementale ont tué 20 civils à Douma.",
            "syria_gov",
        ),
        # a government's army outside Syria is not Damascus
        ("Selon l'ONU, les forces gouvernementales ont tué 20 civils à Taëz, au Yémen.", "other"),
    ],
)
def test_it_reads_the_perpetrator(sentence, perpetrator):
    one(sentence, perpetrator=perpetrator)


@pytest.mark.parametrize(
    "sentence, published, as_of",
    [
        (
            "La coalition a reconnu 352 civils tués entre août 2014 et le 31 mars 2017.",
            "2017-06",
            "2017-03-31",
        ),
        (
            "La coalition a reconnu 1.302 civils tués entre août 2014 et fin avril dernier.",
            "2019-05",
            "2019-04-30",
        ),
        ("A la fin du mois de juin, l'ONU faisait état de 173 morts à Raqqa.", "2017-07", "2017-06-30"),
        (
            "Le mois dernier, la coalition faisait état de 484 morts depuis le début de l'opération.",
            "2017-07",
            "2017-06",
        ),
        ("Selon l'OSDH, 20 civils ont été tués jeudi.", "2016-11-12", "2016-11-10"),
        ("Selon l'OSDH, 3.800 civils ont été tués depuis 2014.", "2019-05", "2019-05"),
        # "depuis vendredi" opens the span: it runs to the day it was said
        (
            "L'OSDH a indiqué lundi que 43 civils avaient été tués depuis vendredi.",
            "2019-06-05",
            "2019-06-03",
        ),
        # the first months of a year, and months of one year: to the end of the last
        ("L'ONU a recensé 1 200 morts civils au premier trimestre.", "2017-06-15", "2017-03-31"),
        (
            "Selon l'ONU, 1 200 civils ont été tués durant les neuf premiers mois de 2016.",
            "2017-06",
            "2016-09-30",
        ),
        ("L'ONU a recensé 1 200 morts civils au deuxième trimestre 2016.", "2017-06", "2016-06-30"),
        ("Selon l'ONU, 1 200 civils ont été tués entre janvier et mars.", "2017-06-15", "2017-03"),
    ],
)
def test_it_reads_the_date_a_figure_holds_to(sentence, published, as_of):
    assert extract(sentence, published=published)[0].as_of == as_of


def test_it_reports_a_figure_stated_twice_once_with_the_most_precise_reading():
    text = (
        "La coalition a reconnu que plus de 1.300 civils ont été tués depuis 2014.\n\n"
        "La coalition a reconnu que plus de 1.300 civils ont été tués depuis 2014.\n\n"
        "«Il est probable que pas moins de 1.302 civils ont été tués», selon la coalition."
    )
    figures = extract(text, published="2019-05")
    assert [(f.value, f.qualifier, f.scope) for f in figures] == [(1302, "at_least", "cumulative")]


def test_it_attributes_an_embedded_tweet_to_its_author():
    text = (
        "Une quarantaine de personnes auraient perdu la vie dans des frappes en #Syrie\n\n"
        "https://t.co/abc \u2014 RT France (@RTenfrancais) June 28, 2017"
    )
    one(text, published="2017-07", claimant="RT France", claimant_kind="media", value=40, qualifier="approx")


def test_it_gives_offsets_of_the_number_and_its_sentence():
    text = "Titre\nSelon l'ONU, une vingtaine de civils ont été tués. Autre phrase."
    figure = one(text, value=20)
    assert text[figure.start : figure.end] == "une vingtaine"
    assert figure.quote == "Selon l'ONU, une vingtaine de civils ont été tués."


def _lu(text, published="2019-07-26", **fields):
    figures = extract(text, published=published, language="fr")
    return [tuple(getattr(f, name) for name in ("value", *fields)) for f in figures]


def test_pour_un_claimant_en_tete_de_phrase_lui_attribue_le_bilan_et_ses_parties():
    text = (
        "Pour le CICR, le bilan s'élève à 31 morts, dont 9 membres du personnel soignant, 12 patients et "
        "trois accompagnants."
    )
    assert _lu(text, claimant="claimant") == [(31, "ICRC"), (9, "ICRC"), (12, "ICRC"), (3, "ICRC")]


def test_le_verbe_peut_etre_suivi_du_jour_avant_le_claimant():
    text = (
        "Au moins 45 civils ont été tués à Deir ez-Zor, a indiqué jeudi l'Observatoire syrien des droits de "
        "l'homme."
    )
    assert _lu(text, claimant="claimant") == [(45, "SOHR")]


def test_selon_en_tete_l_emporte_sur_le_sujet_de_la_phrase():
    text = (
        "Selon le Réseau syrien des droits de l'Homme, le régime aurait tué 80 civils en mai, un record "
        "depuis 2016."
    )
    assert _lu(text, claimant="claimant", perpetrator="perpetrator") == [(80, "SNHR", "syria_gov")]


def test_parmi_les_tues_figurent_est_une_sous_partie():
    text = "Parmi les civils tués figurent 31 enfants, a précisé l'OSDH."
    assert _lu(text, claimant="claimant", victims="victims", casualty="casualty") == [
        (31, "SOHR", "children", "killed")
    ]


def test_les_responsables_locaux_sont_les_autorites_du_pays():
    text = "Un attentat a fait une trentaine de morts à Kaboul, selon le ministère de l'intérieur."
    assert _lu(text, claimant="claimant") == [(30, "Afghan authorities")]


def test_une_titulaire_de_l_onu_apres_le_verbe_est_l_onu():
    text = (
        "Au moins 52 civils ont été tués en une semaine dans le nord-ouest de la Syrie, a déploré mardi "
        "la Haute-Commissaire de l'ONU aux droits de l'homme."
    )
    assert _lu(text, claimant="claimant", scope="scope") == [(52, "UN", "period")]


def test_un_titre_nomme_sa_source_entre_parentheses():
    text = (
        "Alep: 60 civils tués en deux jours de raids (OSDH)\n\nLes secours cherchaient encore des survivants."
    )
    assert _lu(text, claimant="claimant") == [(60, "SOHR")]


def test_un_nombre_sans_nom_suivi_de_son_verbe():
    text = "Selon la Manua, les enfants sont un tiers des victimes : 210 ont été tués et 540 blessés."
    assert _lu(text, casualty="casualty", claimant="claimant") == [
        (210, "killed", "UNAMA"),
        (540, "injured", "UNAMA"),
    ]


def test_l_accuse_n_est_pas_le_claimant():
    text = "Amnesty International a accusé lundi la Russie d'un raid qui a tué au moins 23 personnes à Idleb."
    assert _lu(text, claimant="claimant") == [(23, "Amnesty International")]


def test_depuis_fin_avril_est_un_cumul_date_de_la_publication():
    text = "Depuis fin avril, plus de 600 civils ont péri dans les bombardements du régime, selon l'OSDH."
    assert _lu(text, scope="scope", as_of="as_of") == [(600, "cumulative", "2019-07-26")]


def test_le_bilan_d_une_guerre_n_a_pas_d_auteur_unique():
    text = "Déclenché en 2011, le conflit syrien a fait plus de 370.000 morts."
    assert _lu(text, scope="scope", perpetrator="perpetrator", as_of="as_of") == [
        (370000, "cumulative", "unknown", "2019-07-26")
    ]


def test_un_adverbe_entre_le_verbe_et_le_nombre():
    text = "La coalition reconnaît avoir tué de manière non intentionnelle 841 civils depuis 2014."
    assert _lu(text, claimant="claimant") == [(841, "US-led coalition")]


def test_les_forces_afghanes_et_internationales_sont_la_coalition():
    text = (
        "La Manua a attribué 149 morts civils aux opérations aériennes des forces afghanes et "
        "internationales."
    )
    assert _lu(text, perpetrator="perpetrator", geography="geography") == [(149, "coalition", "afghanistan")]


def test_le_credit_de_l_agence_dans_la_dateline_n_est_pas_la_source():
    text = (
        "GENÈVE (AFP) - Au moins 412 civils ont été tués depuis la fin mars dans le nord-ouest de la Syrie, "
        "a "
        "annoncé vendredi le Haut-Commissariat de l'ONU aux droits de l'homme."
    )
    assert _lu(text, claimant="claimant") == [(412, "UN")]


def test_les_secouristes_d_une_ong_parlent_pour_elle():
    text = "Les secouristes des Casques blancs ont fait état de 17 morts et de 40 blessés."
    assert _lu(text, claimant="claimant") == [(17, "White Helmets"), (40, "White Helmets")]


def test_une_ong_qui_etablit_un_bilan_en_est_la_source_et_un_mois_nomme_le_date():
    text = "En mars, l'OSDH avait établi un bilan de 388 000 morts depuis le début du conflit."
    assert _lu(text, published="2021-09-25", claimant="claimant", scope="scope", as_of="as_of") == [
        (388000, "SOHR", "cumulative", "2021-03")
    ]


def test_un_decompte_qui_comprend_des_femmes_et_des_enfants_compte_des_morts():
    text = "L'ONU a recensé 12 400 personnes tuées. Le décompte comprend 1 300 femmes et 2 100 enfants."
    assert _lu(text, casualty="casualty", victims="victims") == [
        (12400, "killed", "people"),
        (1300, "killed", "women"),
        (2100, "killed", "children"),
    ]


def test_le_nombre_total_de_morts_entre_deux_bornes():
    text = "Des chercheurs estiment que le nombre total de morts se situe entre 40 000 et 60 000."
    assert _lu(text, value_max="value_max", qualifier="qualifier") == [(40000, 60000, "range")]


def test_une_partie_de_ces_morts_et_une_figure_sans_ses_mots():
    text = (
        "Selon l'ONU, 210 civils ont été tués en juillet. Selon le Haut-Commissariat, 180 de ces morts ont "
        "été "
        "causées par les frappes des forces gouvernementales et 30 par des groupes armés non étatiques."
    )
    assert _lu(text, victims="victims", perpetrator="perpetrator") == [
        (210, "civilians", "unknown"),
        (180, "civilians", "syria_gov"),
        (30, "civilians", "other"),
    ]


def test_le_total_apres_un_ajout_au_bilan_est_un_cumul():
    text = (
        "La coalition a indiqué avoir ajouté sept décès à son bilan, qui atteint désormais 1 390 civils tués "
        "depuis le début de ses opérations en 2014."
    )
    assert _lu(text, scope="scope") == [(7, "period"), (1390, "cumulative")]


def test_la_bataille_pour_une_ville_est_une_periode_meme_depuis_juin():
    text = "La bataille pour reprendre Mossoul a fait plus de 2 100 morts depuis début juin, selon l'OSDH."
    assert _lu(text, scope="scope") == [(2100, "period")]


def test_un_record_depuis_une_annee_n_est_pas_un_cumul():
    text = "Selon Airwars, la coalition a tué près de 800 civils au seul mois d'avril, un record depuis 2014."
    assert _lu(text, scope="scope", as_of="as_of") == [(800, "period", "2019-04")]


def test_une_intervention_lancee_une_annee_est_un_cumul_et_sa_date_un_debut():
    text = (
        "L'intervention militaire russe, lancée en septembre 2015, aurait fait 5 000 morts civils, selon "
        "Airwars."
    )
    assert _lu(text, published="2021-09-25", scope="scope", perpetrator="perpetrator", as_of="as_of") == [
        (5000, "cumulative", "russia", "2021-09-25")
    ]


def test_des_tirs_de_groupes_terroristes_et_quatre_autres_civils():
    text = (
        "Mardi, des tirs de « groupes terroristes » sur Alep ont fait trois morts, selon Sana. Des obus "
        "ont ensuite tué quatre autres civils, selon la même source."
    )
    assert _lu(text, published="2020-01-15", perpetrator="perpetrator", scope="scope", as_of="as_of") == [
        (3, "other", "incident", "2020-01-14"),
        (4, "other", "incident", "2020-01-14"),
    ]


def test_des_victimes_dont_des_morts_sont_des_morts_ou_des_blesses_et_le_dernier_compte_est_des_morts():
    text = (
        "Les frappes ont fait 400 victimes civiles, dont 250 morts, parmi lesquels 60 enfants, selon la "
        "Manua."
    )
    assert _lu(text, casualty="casualty") == [(400, "killed_or_injured"), (250, "killed"), (60, "killed")]


def test_un_ministere_sans_pays_est_le_dernier_officiel_nomme():
    text = (
        "Selon le rapport annuel du Pentagone, 23 civils ont été tués en 2020. Le ministère de la Défense a "
        "toutefois ajouté 65 morts civils à ses bilans pour l'Irak et la Syrie."
    )
    assert _lu(text, claimant="claimant") == [(23, "Pentagon"), (65, "Pentagon")]


def test_les_victimes_nommees_avant_deux_points():
    text = "Les enfants paient le plus lourd tribut : 214 ont été tués et 530 blessés, selon la Manua."
    assert _lu(text, victims="victims") == [(214, "children"), (530, "children")]


def test_une_intervention_russe_sans_pays_est_en_syrie():
    text = "Selon Airwars, les frappes russes ont tué entre 4 000 et 6 000 civils depuis 2015."
    assert _lu(text, geography="geography") == [(4000, "syria")]


def test_une_comparaison_sans_ses_mots_et_une_attribution_aux_forces():
    text = (
        "La Manua a attribué aux forces internationales 420 victimes civiles, contre 610 pour les talibans. "
        "Selon Airwars, la coalition pourrait avoir tué près de 900 civils en avril."
    )
    assert _lu(text, perpetrator="perpetrator") == [(420, "coalition"), (610, "other"), (900, "coalition")]


def test_une_apposition_entre_le_nombre_et_le_verbe():
    text = (
        "Selon l'ONU, 350 209 personnes, civils et combattants, ont été tuées entre mars 2011 et mars 2021."
    )
    assert _lu(text, published="2021-09-25", casualty="casualty", as_of="as_of") == [
        (350209, "killed", "2021-03")
    ]


def test_les_autorites_d_un_pays_nomme_et_la_meme_source():
    text = (
        "Les autorités turques affirment que 18 civils ont été tués par des tirs de roquettes. Selon l'OSDH, "
        "72 "
        "civils ont péri. Dimanche, des frappes ont tué 14 civils, selon la même source."
    )
    assert _lu(text, claimant="claimant") == [(18, "Turkish authorities"), (72, "SOHR"), (14, "SOHR")]


def test_le_pronom_inverse_et_un_an_qui_n_est_pas_un_bilan():
    text = (
        "Un responsable local a fait état de 27 morts. Une quinzaine de personnes ont été blessées, a-t-il "
        "ajouté. C'est le bilan le plus lourd depuis plus d'un an."
    )
    assert _lu(text, published="2016-11-06", claimant="claimant") == [
        (27, "local official"),
        (15, "local official"),
    ]


def test_au_cours_du_mois_d_octobre_est_une_fin_de_periode():
    text = "Selon la Manui, 1 959 Irakiens ont été tués au cours du mois d'octobre."
    assert _lu(text, published="2016-11-06", scope="scope", as_of="as_of") == [(1959, "period", "2016-10")]


def test_la_coalition_menee_par_riyad_n_est_pas_celle_des_etats_unis():
    text = (
        "Un raid de la coalition militaire menée par l'Arabie saoudite a tué au moins 29 civils au Yémen, "
        "selon un "
        "responsable des services de santé locaux. Le CICR a reçu 21 corps et 35 blessés."
    )
    assert _lu(
        text, perpetrator="perpetrator", geography="geography", claimant="claimant", casualty="casualty"
    ) == [
        (29, "other", "other", "Yemeni authorities", "killed"),  # the officials of the country named
        (21, "other", "other", "ICRC", "killed"),
        (35, "other", "other", "ICRC", "injured"),
    ]


def test_depuis_le_debut_de_l_annee_est_une_periode_qui_court_a_ce_jour():
    text = (
        "La Manua avait recensé l'an dernier 10 453 victimes civiles. Selon la Manua, les attaques de l'EI "
        "ont fait "
        "plus de 600 victimes depuis le début de l'année."
    )
    assert _lu(text, published="2018-12-30", scope="scope", as_of="as_of") == [
        (10453, "period", "2017-12-31"),
        (600, "period", "2018-12-30"),
    ]


def test_pour_une_ong_decrite_puis_elle_et_une_seule_journee():
    text = (
        "« C'est le bilan le plus lourd pour une seule journée », a affirmé l'OSDH. Pour l'ONG britannique "
        "Airwars, ce chiffre est sous-estimé : elle estime qu'entre 4 500 et 7 000 civils ont péri."
    )
    assert _lu(text, claimant="claimant") == [(4500, "Airwars")]


def test_l_observatoire_seul_est_l_osdh_pas_le_dernier_independant_cite():
    text = (
        "Les raids ont tué 12 civils, a annoncé l'Observatoire syrien des droits de l'homme. Les Casques "
        "blancs ont parlé de 15 morts. L'artillerie du régime a par ailleurs tué deux civils à Saraqeb, a "
        "ajouté l'Observatoire."
    )
    assert _lu(text, claimant="claimant", perpetrator="perpetrator")[-1] == (2, "SOHR", "syria_gov")


def test_selon_ses_decomptes_renvoie_a_l_organisation_citee_avant():
    text = (
        "La mission de l'ONU en Irak a condamné l'attaque. Selon ses décomptes, les violences ont tué au "
        "moins 900 civils au cours de l'année 2019."
    )
    assert _lu(text, published="2020-02-10", claimant="claimant", as_of="as_of") == [
        (900, "UNAMI", "2019-12-31")
    ]


def test_le_plus_lourd_depuis_n_est_pas_une_periode_pour_les_bilans_suivants():
    text = (
        "Vingt civils ont été tués lundi par des frappes russes, selon l'OSDH. « C'est le bilan le plus "
        "lourd depuis le début de l'année », a dit son directeur. Une trentaine de blessés ont été "
        "hospitalisés, selon la même source."
    )
    assert _lu(text, scope="scope", perpetrator="perpetrator") == [
        (20, "incident", "russia"),
        (30, "incident", "russia"),
    ]


def test_un_bilan_de_toute_la_guerre_ne_prend_pas_l_auteur_ni_les_victimes_d_avant():
    text = (
        "Selon l'OSDH, les frappes russes ont tué 6 000 civils depuis 2015. L'ONG fait aussi état de plus de "
        "380 000 morts depuis le début de la guerre."
    )
    assert _lu(text, victims="victims", perpetrator="perpetrator") == [
        (6000, "civilians", "russia"),
        (380000, "people", "unknown"),
    ]


def test_un_attentat_revendique_plus_loin_est_de_son_auteur_et_frappe_n_est_pas_une_frappe():
    text = (
        "Le bilan de l'attentat-suicide qui a frappé mardi un marché de Bagdad s'élève à 25 morts, selon le "
        "ministère irakien de la Santé. Les secours ont travaillé toute la nuit. La police a bouclé le "
        "quartier. Les commerçants ont fermé leurs échoppes. L'attaque a été revendiquée par le groupe Etat "
        "islamique."
    )
    assert _lu(text, perpetrator="perpetrator") == [(25, "isis")]


def test_selon_lui_renvoie_au_porte_parole_cite():
    text = (
        "« Nous regrettons ces pertes », a indiqué le porte-parole de la coalition. Selon lui, la frappe a "
        "également tué une vingtaine de civils."
    )
    assert _lu(text, claimant="claimant") == [(20, "US-led coalition")]


def test_un_verbe_suivi_d_un_jour_et_un_adverbe_d_intention_gardent_le_bilan():
    text = (
        "D'après l'OSDH, les bombardements ont tué ce jour-là au moins 42 civils. La coalition estimait "
        "avoir tué involontairement au moins 1 257 civils."
    )
    assert _lu(text, claimant="claimant", qualifier="qualifier") == [
        (42, "SOHR", "at_least"),
        (1257, "US-led coalition", "at_least"),
    ]


def test_le_conflit_a_fait_au_mois_de_est_le_bilan_du_mois_pas_celui_de_la_guerre():
    text = (
        "Le conflit syrien a fait 900 morts au mois d'octobre, a annoncé l'OSDH, qui tient un décompte des "
        "victimes depuis 2011. Parmi les morts figurent 80 enfants."
    )
    assert _lu(text, published="2017-11-02", scope="scope", as_of="as_of") == [
        (900, "period", "2017-10"),
        (80, "period", "2017-10"),
    ]


def test_un_chiffre_juge_sous_estime_et_au_minimum():
    text = (
        "La coalition reconnaît avoir tué 1 300 civils depuis 2014. Airwars juge ce chiffre sous-estimé et "
        "avance celui de 8 000 morts civils au minimum."
    )
    assert _lu(text, qualifier="qualifier", perpetrator="perpetrator") == [
        (1300, "exact", "coalition"),
        (8000, "at_least", "coalition"),
    ]


def test_un_titre_qui_cite_l_onu_reprend_le_bilan_de_la_mission():
    text = (
        "Afghanistan : l'ONU recense 1 200 victimes civiles au premier trimestre\n\n"
        "La Manua a recensé 1 200 victimes civiles entre le 1er janvier et le 31 mars, soit 400 morts et "
        "800 blessés."
    )
    assert _lu(text, published="2020-04-25", claimant="claimant", casualty="casualty")[0] == (
        1200,
        "UNAMA",
        "killed_or_injured",
    )
    assert len(_lu(text, published="2020-04-25")) == 3


def test_dont_apres_des_femmes_compte_des_femmes_et_tenus_pour_responsables():
    text = (
        "Selon la Manua, 150 enfants ont été tués, et la mission s'inquiète du sort des femmes, dont 40 ont "
        "perdu la vie. Les talibans sont tenus pour responsables de 200 morts, selon le document, tandis "
        "que les forces afghanes auraient causé la mort de 90 civils."
    )
    assert _lu(text, victims="victims", claimant="claimant", perpetrator="perpetrator")[1:] == [
        (40, "women", "UNAMA", "unknown"),
        (200, "civilians", "UNAMA", "other"),
        (90, "civilians", "UNAMA", "other"),  # Afghan forces alone: the annotation conventions' "other"
    ]


def test_depuis_qu_elle_a_commence_son_decompte_est_un_cumul():
    text = (
        "Au total, la Manua a documenté plus de 100 000 victimes civiles depuis qu'elle a commencé son "
        "décompte systématique en 2009."
    )
    assert _lu(text, published="2020-04-25", scope="scope") == [(100000, "cumulative")]


def test_la_coalition_elle_ne_reconnait_que_et_la_fin_de_l_annee():
    text = (
        "Selon Airwars, au moins 8 000 civils ont été tués par la coalition jusqu'à la fin de l'année 2019. "
        "La coalition, elle, ne reconnaît que 1 370 morts civils."
    )
    assert _lu(text, published="2020-01-16", claimant="claimant", as_of="as_of")[0] == (
        8000,
        "Airwars",
        "2019-12-31",
    )
    assert _lu(text, published="2020-01-16", claimant="claimant")[1] == (1370, "US-led coalition")


def test_les_autorites_kurdes_ne_sont_pas_les_autorites_turques_et_le_debut_date_apres_une_virgule():
    text = (
        "L'état-major turc a affirmé avoir neutralisé 30 terroristes. Les autorités kurdes locales ont fait "
        "état de 15 morts, tous civils. Depuis le début de l'offensive turque, le 20 janvier, 150 civils ont "
        "péri, selon l'OSDH."
    )
    assert _lu(text, published="2018-03-05", claimant="claimant", as_of="as_of")[-2:] == [
        (15, "Kurdish authorities", "2018-03-05"),
        (150, "SOHR", "2018-03-05"),
    ]


def test_ce_projet_renvoie_a_l_organisation_inconnue_nommee_avant():
    text = (
        "Le décompte a été publié mardi par le Syrian Archive Project. Selon ce projet indépendant, "
        "33 civils ont été tués au cours du mois."
    )
    assert _lu(text, claimant="claimant", claimant_kind="claimant_kind") == [
        (33, "Syrian Archive Project", "independent")
    ]


def test_y_entre_le_nombre_et_son_verbe_et_de_nouveaux_blesses_apres_les_parties():
    text = (
        "Dix-huit civils y ont été tués, dont sept enfants et trois femmes, et 25 autres ont été blessés, "
        "selon les Nations unies."
    )
    assert _lu(text, casualty="casualty", victims="victims") == [
        (18, "killed", "civilians"),
        (7, "killed", "children"),
        (3, "killed", "women"),
        (25, "injured", "civilians"),
    ]


def test_des_volontaires_parmi_les_blesses_sont_des_blesses():
    text = (
        "Elle a précisé que deux de ses secouristes figuraient parmi les blessés, selon les Casques blancs."
    )
    assert _lu(text, casualty="casualty") == [(2, "injured")]


def test_un_bilan_plus_lourd_compte_les_memes_morts_et_les_barils_sont_ceux_du_regime():
    text = (
        "Des barils d'explosifs largués sur Deraa ont tué huit civils, selon les Casques blancs. "
        "L'OSDH avance un bilan plus lourd, avec 19 civils tués depuis le début de l'offensive."
    )
    assert _lu(text, perpetrator="perpetrator", scope="scope") == [
        (8, "syria_gov", "incident"),  # one drop of barrels: an incident, as the conventions say
        (19, "syria_gov", "cumulative"),
    ]


def test_un_bilan_plus_sanglant_annonce_dans_la_phrase_d_avant_compte_les_memes_morts():
    text = (
        "Le Pentagone a reconnu que ses frappes avaient tué au moins 400 civils en Irak depuis 2014. "
        "Des organisations humanitaires donnent un bilan plus sanglant. D'après Airwars, le nombre de civils "
        "tués dépasserait 2 500."
    )
    assert _lu(text, perpetrator="perpetrator") == [(400, "coalition"), (2500, "coalition")]


def test_une_comparaison_dans_un_autre_paragraphe_ne_compte_pas_les_memes_morts():
    text = (
        "Le Pentagone a reconnu que ses frappes avaient tué au moins 400 civils en Irak depuis 2014. "
        "Des organisations humanitaires donnent un bilan plus sanglant.\n\nD'après Airwars, le nombre de "
        "civils tués dépasserait 2 500."
    )
    assert _lu(text, perpetrator="perpetrator") == [(400, "coalition"), (2500, "unknown")]


def test_une_annee_qui_nomme_un_evenement_n_est_pas_un_bilan():
    assert _lu("Le nombre de civils tués depuis l'offensive 2016 est de 3 000, selon l'ONG.") == [(3000,)]
    text = "Le nombre de civils tués depuis l'invasion de 2003 est de 185 000, selon Iraq Body Count."
    assert _lu(text, claimant="claimant") == [(185000, "Iraq Body Count")]


def test_celles_d_un_bilan_qui_ont_ete_tuees_en_sont_les_victimes():
    text = (
        "Le Yemen Data Project a recensé plus de 17 500 victimes civiles depuis mars 2015. "
        "Parmi elles, environ 8 000 ont été tuées."
    )
    assert _lu(text, victims="victims") == [(17500, "civilians"), (8000, "civilians")]


def test_le_bilan_auquel_un_chiffre_est_compare_est_un_chiffre_de_son_annee():
    text = "Selon l'ONU, 3 400 civils ont été tués en 2019 en Afghanistan, contre 3 800 en 2018."
    assert _lu(text, published="2020-01-15", claimant="claimant", victims="victims", as_of="as_of") == [
        (3400, "UN", "civilians", "2019-12-31"),
        (3800, "UN", "civilians", "2018-12-31"),
    ]
    text = "Selon l'ONU, 3 400 civils ont été tués en 2019, contre 3 800 l'année précédente."
    assert _lu(text, published="2020-01-15") == [(3400,), (3800,)]
    assert _lu("Au total, 65 civils ont été tués en 2017 et 2018.") == [(65,)]


def test_un_belligerant_que_l_article_ne_nomme_jamais_ne_tue_personne():
    text = "Le dernier bilan fait état de 15 morts, selon les autorités locales."
    assert _lu(text, perpetrator="perpetrator") == [(15, "unknown")]
    text = (
        "Une frappe de la coalition a tué 12 civils à Raqqa. Le lendemain, une autre frappe a fait huit "
        "morts."
    )
    assert _lu(text, perpetrator="perpetrator") == [(12, "coalition"), (8, "coalition")]


def test_sans_autre_lieu_que_dans_le_nom_de_qui_parle_le_chiffre_est_de_ce_lieu():
    text = "Le ministère de la Santé de Gaza a fait état de 34 000 morts depuis le 7 octobre."
    assert _lu(text, published="2024-05-01", geography="geography") == [(34000, "other")]


def test_encore_apres_le_verbe_d_un_bilan_est_un_chiffre():
    assert _lu("Mardi, les bombardements ont tué encore 11 personnes.") == [(11,)]


def test_un_chiffre_tres_inferieur_aux_estimations_les_compare_avec_lui():
    text = (
        "La coalition a reconnu jeudi que ses frappes avaient tué au moins 1 257 civils en Irak et en Syrie "
        "depuis 2014. Un chiffre très inférieur aux estimations des ONG. Selon Airwars, au moins 7 500 "
        "civils auraient péri."
    )
    assert _lu(text, perpetrator="perpetrator") == [(1257, "coalition"), (7500, "coalition")]


@pytest.mark.parametrize(
    "compare", ["les 484 que la coalition reconnaît", "les 484 reconnus par la coalition"]
)
def test_le_bilan_qu_un_autre_reconnait_est_le_sien(compare):
    text = (
        f"Selon Airwars, les frappes de la coalition ont tué au moins 3 800 civils, bien plus que {compare}."
    )
    assert _lu(text, claimant="claimant") == [(3800, "Airwars"), (484, "US-led coalition")]


def test_les_autorites_locales_ne_sont_pas_l_armee_nommee_avant_elles():
    text = (
        "Le Pentagone a reconnu que la frappe avait tué 105 civils. Les autorités locales avaient avancé un "
        "bilan de plus de 200 morts."
    )
    assert _lu(text, claimant="claimant") == [(105, "Pentagon"), (200, "local authorities")]


def test_les_secours_parlent_pour_eux_memes():
    text = "Un bombardement a frappé un centre de migrants, tuant au moins 44 personnes, selon les secours."
    assert _lu(text, claimant="claimant") == [(44, "rescuers")]


def test_le_premier_trimestre_est_une_periode_pour_les_chiffres_qui_suivent_aussi():
    text = (
        "Au total, 581 civils ont été tués au premier trimestre, selon la Manua.\n\n"
        "Les frappes aériennes ont tué 145 civils, selon le rapport."
    )
    assert _lu(text, published="2019-04-25", scope="scope", as_of="as_of") == [
        (581, "period", "2019-03-31"),
        (145, "period", "2019-03-31"),
    ]


def test_une_partie_des_morts_dite_apres_le_verbe_est_une_partie():
    text = (
        "La bataille a fait au moins 1 130 morts parmi les civils, selon l'OSDH. L'ONG a précisé que 270 "
        "d'entre eux étaient des enfants."
    )
    assert _lu(text, victims="victims", claimant="claimant") == [
        (1130, "civilians", "SOHR"),
        (270, "children", "SOHR"),
    ]


def test_un_pays_qui_parle_est_ses_autorites():
    text = "Israël affirme que 1 200 personnes ont été tuées lors de l'attaque du Hamas le 7 octobre."
    assert _lu(text, published="2023-11-10", claimant="claimant") == [(1200, "Israeli authorities")]
    text = "La Turquie a reconnu que ses avions avaient tué 12 civils près d'Afrin."
    assert _lu(text, claimant="claimant") == [(12, "Turkish authorities")]


def test_la_mairie_parle_pour_les_autorites_de_son_pays():
    text = (
        "Selon la mairie de Marioupol, environ 300 personnes auraient péri dans le bombardement du théâtre."
    )
    assert _lu(text, published="2022-03-20", claimant="claimant") == [(300, "Ukrainian authorities")]


def test_le_sigle_de_qui_bombarde_ne_parle_pas():
    text = (
        "Au moins 30 civils ont été tués dimanche dans des bombardements des Forces de soutien rapide (FSR) "
        "sur un marché d'El Facher, a indiqué un groupe de médecins."
    )
    assert _lu(text, published="2024-01-15", claimant="claimant") == [(30, "medics")]


def test_ce_qu_un_nouveau_total_ajoute_est_une_periode():
    text = (
        "La coalition a reconnu jeudi avoir tué au moins 35 civils en Syrie et en Irak en février, ce qui "
        "porte à 1 291 le nombre de civils tués par ses frappes depuis 2014."
    )
    assert _lu(text, published="2019-03-05", scope="scope", as_of="as_of") == [
        (35, "period", "2019-02"),
        (1291, "cumulative", "2019-02"),
    ]


def test_un_nom_avant_les_deux_points_d_un_titre_en_est_la_source():
    text = "Amnesty : au moins 40 civils tués dans des frappes à Idleb"
    assert _lu(text, claimant="claimant", geography="geography") == [(40, "Amnesty International", "syria")]


@pytest.mark.parametrize("lieu, pays", [("Tal Abyad", "syria"), ("Saraqeb", "syria"), ("Kerbala", "iraq")])
def test_villes_et_provinces_disent_leur_pays(lieu, pays):
    assert _lu(f"Une frappe sur le marché de {lieu} a fait sept morts.", geography="geography") == [(7, pays)]


@pytest.mark.parametrize("verbe", ["a dépassé les 20 000", "a franchi la barre des 20 000 morts"])
def test_un_bilan_qui_a_depasse_un_nombre_est_plus_que_lui(verbe):
    text = f"Le bilan des morts dans la bande de Gaza {verbe}, selon le ministère de la Santé."
    assert _lu(text, published="2023-12-20", qualifier="qualifier") == [(20000, "more_than")]


def test_la_guerre_avec_une_apposition_est_un_bilan_de_toute_la_guerre():
    text = "Le conflit en Syrie, déclenché par la répression de manifestations, a fait plus de 380 000 morts."
    assert _lu(text, scope="scope", perpetrator="perpetrator") == [(380000, "cumulative", "unknown")]


def test_cette_ong_est_la_derniere_ong_nommee_meme_en_complement():
    text = (
        "Un décompte sans commune mesure avec celui d'Airwars. D'après cette ONG basée à Londres, "
        "entre 6 000 et 9 000 civils ont probablement été tués."
    )
    assert _lu(text, claimant="claimant") == [(6000, "Airwars")]


def test_un_jour_avant_son_mois_n_est_pas_un_bilan():
    assert _lu("Ce bilan, publié dans son rapport mensuel, est arrêté au 30 novembre.") == []


def test_les_parties_d_une_partie_et_en_ont_tue():
    text = (
        "L'OSDH a recensé 9 000 morts en 2019. Parmi ces morts figurent 3 100 civils, dont 900 enfants et "
        "500 femmes. L'ONG attribue la mort de 1 500 civils au régime. Les frappes russes en ont tué 700, "
        "celles de la coalition au moins 150."
    )
    assert _lu(text, published="2020-01-01", victims="victims", perpetrator="perpetrator") == [
        (9000, "people", "unknown"),
        (3100, "civilians", "unknown"),
        (900, "children", "unknown"),
        (500, "women", "unknown"),
        (1500, "civilians", "syria_gov"),
        (700, "civilians", "russia"),
        (150, "civilians", "coalition"),
    ]


def test_le_plus_faible_du_conflit_est_une_comparaison_et_depuis_janvier_une_periode():
    text = (
        "La guerre a fait 11 000 morts en 2019, le bilan le plus faible depuis le début du conflit. Depuis "
        "janvier, 300 civils ont pu périr dans la province, a affirmé la protection civile."
    )
    assert _lu(text, published="2020-02-01", scope="scope", claimant="claimant", victims="victims") == [
        (11000, "period", "unattributed", "people"),
        (300, "period", "local authorities", "civilians"),
    ]


def test_un_acronyme_entre_parentheses_apres_d_apres_et_une_capacite_n_est_pas_un_bilan():
    text = (
        "L'offensive a fait au moins 140 morts parmi les civils, d'après un rapport de la Commission "
        "indépendante des droits de l'homme en Afghanistan (AIHRC). Le CICR a livré du matériel permettant "
        "de soigner jusqu'à 300 blessés."
    )
    assert _lu(text, claimant="claimant") == [(140, "AIHRC")]


def test_parmi_eux_et_les_sources_policieres_et_medicales():
    text = (
        "La mission a recensé 1 200 morts en mai. Parmi eux figurent 650 civils. Mardi, 24 personnes ont "
        "péri dans un attentat à Bagdad, selon des sources policières et médicales."
    )
    assert _lu(text, published="2016-06-01", claimant="claimant", casualty="casualty") == [
        (1200, "unattributed", "killed"),
        (650, "unattributed", "killed"),
        (24, "Iraqi police and medical sources", "killed"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Selon des sources hospitalières à Sanaa, 12 civils ont été tués.", "Yemeni hospital sources"),
        ("Des responsables locaux ont fait état de 12 morts dans le raid.", "local officials"),
        ("Douze civils ont été tués à Bagdad, selon des sources de sécurité.", "Iraqi security sources"),
    ],
)
def test_les_sources_sans_nom_sont_nommees_comme_le_texte_les_decrit(text, expected):
    assert [claimant for _, claimant in _lu(text, claimant="claimant")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Selon l'ONU, les violences ont fait 2.350 morts civils durant la première moitié de l'année.",
        "L'ONU a recensé 2.350 civils tués en Irak au cours des six premiers mois de cette année.",
    ],
)
def test_la_premiere_moitie_de_l_annee_finit_le_30_juin(text):
    assert _lu(text, published="2014-07-18", scope="scope", as_of="as_of") == [(2350, "period", "2014-06-30")]


def test_des_frappes_anglo_americaines_sont_de_la_coalition_et_leur_cible_n_est_pas_l_auteur():
    text = "Des frappes anglo-américaines visant les rebelles houthis ont tué 11 personnes, selon eux."
    assert _lu(text, perpetrator="perpetrator") == [(11, "coalition")]


def test_l_annonce_datee_dans_la_phrase_suivante_date_les_chiffres():
    text = (
        "La coalition a reconnu que 50 autres civils avaient été tués, portant à 735 le nombre de victimes "
        "de ses frappes. L'annonce a été faite ce vendredi."
    )
    assert _lu(text, published="2017-10-01", as_of="as_of") == [(50, "2017-09-29"), (735, "2017-09-29")]


def test_les_deux_pays_sont_ceux_nommes_juste_avant():
    text = (
        "La coalition frappe en Irak et en Syrie depuis 2014. Un député syrien a évalué le nombre de civils "
        "tués par la coalition dans les deux pays à 20 000."
    )
    assert _lu(text, published="2017-08-21", geography="geography") == [(20000, "iraq_syria")]


def test_un_cumul_tient_au_jour_ou_le_communique_l_a_publie():
    text = (
        "«A ce jour, la coalition estime qu'au moins 484 civils ont été tués depuis 2014», dit le communiqué "
        "publié le 2 juin par le Centcom."
    )
    assert _lu(text, published="2017-06-10", scope="scope", as_of="as_of") == [
        (484, "cumulative", "2017-06-02")
    ]


def test_two_equal_counts_of_two_harms_stay_two_figures():
    text = (
        "Neuf civils ont été tués dimanche dans des frappes russes sur Idleb, selon l'OSDH. Quatre autres "
        "personnes ont été tuées dans une autre frappe russe près de Saraqeb, selon la même source. "
        "La veille, des tirs de roquettes rebelles avaient tué quatre civils à Alep, a ajouté l'OSDH."
    )
    assert _lu(text, published="2019-05", perpetrator="perpetrator") == [
        (9, "russia"),
        (4, "russia"),
        (4, "other"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Airwars avance que le bilan est en réalité près de huit fois supérieur, avec 3 817 civils tués.",
        "Airwars says the real toll is nearly eight times higher, at 3,817 civilians killed.",
        "Selon Airwars, le bilan serait trois fois plus élevé.",
    ],
)
def test_a_toll_said_to_be_times_higher_is_another_count_of_the_same_harm(sentence):
    folded = fold_in_place(sentence)
    assert engine._COMPARED_TOLL.search(folded, 0, len(folded))


def test_a_pronoun_speaks_for_the_name_that_opened_the_sentence_before():
    text = (
        "Amnesty International s'est rendue sur place le mois dernier. Elle a établi qu'au moins 20 civils "
        "avaient été tués."
    )
    assert _lu(text, published="2019-05", claimant="claimant") == [(20, "Amnesty International")]


@pytest.mark.parametrize("participle", ["avancés", "recensés", "estimés"])
def test_the_count_of_another_set_beside_a_figure_is_theirs(participle):
    text = f"L'armée américaine reconnaît 1 302 morts civils, bien loin des 8 000 {participle} par Airwars."
    assert _lu(text, published="2019-05", casualty="casualty", victims="victims", claimant="claimant") == [
        (1302, "killed", "civilians", "US military"),
        (8000, "killed", "civilians", "Airwars"),
    ]


def test_the_observatory_named_no_other_way_is_the_syrian_one():
    text = "D'après l'Observatoire, qui dispose d'un vaste réseau de sources, 16 civils ont été tués à Idleb."
    assert _lu(text, published="2019-05", claimant="claimant") == [(16, "SOHR")]


@pytest.mark.parametrize("accused", ["est accusée d'avoir ciblé", "est tenue pour responsable de"])
def test_the_one_accused_does_not_hold_the_floor(accused):
    text = f"La coalition {accused} la frappe sur une maison au Yémen. Sept enfants font partie des victimes."
    assert _lu(text, published="2019-05", claimant="claimant") == [(7, "unattributed")]


def test_a_pronoun_after_selon_refers_back_to_the_person_who_spoke():
    text = (
        "Au moins 40 civils ont été tués dimanche au Darfour, a annoncé un groupe de secouristes bénévoles. "
        "« Les frappes ont touché le marché », a déclaré à l'AFP l'un d'eux. Selon lui, une centaine de "
        "personnes ont également été blessées.\n\nLes Forces de soutien rapide affirment que le bilan "
        "dépasse 60 morts."
    )
    assert _lu(text, published="2024-09-15", claimant="claimant") == [
        (40, "rescuers"),
        (100, "rescuers"),
        (60, "Rapid Support Forces"),
    ]
