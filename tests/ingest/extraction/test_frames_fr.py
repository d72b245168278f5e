"""French figures read by token frames (frames.py): the constructions of CONSTRUCTIONS.md and our own."""

import json

import pytest

from ingest.extraction import extract, frames
from ingest.extraction.folding import fold_in_place
from ingest.extraction.frames import Frames, lexicon


def figures(text):
    """Return (value, value_max, qualifier, casualty, victims) of each figure, in text order."""
    return [
        (f.value, f.value_max, f.qualifier, f.casualty, f.victims)
        for f in extract(text, published="2020-06-15", language="fr")
    ]


def tags(text):
    folded = fold_in_place(text)
    return Frames(folded, 0, len(folded), [])._tag()[0]


def test_the_lexicon_tags_a_phrase_as_one_token():
    assert tags("ainsi que au moins") == "Aq"


def test_a_word_in_two_classes_of_the_lexicon_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "lexicon.json"
    path.write_text(
        json.dumps(
            {
                "classes": {
                    "killed": {"tag": "k", "words": ["morts"]},
                    "dead": {"tag": "k", "words": ["morts"]},
                }
            }
        )
    )
    monkeypatch.setattr(frames, "LEXICON", path)
    lexicon.cache_clear()
    frames.word_classes.cache_clear()
    try:
        with pytest.raises(ValueError, match="two classes"):
            lexicon()
    finally:
        lexicon.cache_clear()
        frames.word_classes.cache_clear()


@pytest.mark.parametrize(
    "text, expected",
    [
        # CONSTRUCTIONS.md, R1
        (
            "Le bilan des frappes de mardi s'établit à 19 civils, selon la défense civile.",
            [(19, None, "exact", "killed", "civilians")],
        ),
        (
            "Les frappes russes seraient responsables de la moitié de ces morts, soit environ 140 civils, "
            "estime l'ONU.",
            [(140, None, "approx", "killed", "civilians")],
        ),
        # our own
        (
            "Le bilan de l'attaque s'élève désormais à 27 civils, selon les secours.",
            [(27, None, "exact", "killed", "civilians")],
        ),
        (
            "Le nombre de blessés a atteint 312 dans la nuit, selon l'hôpital.",
            [(312, None, "exact", "injured", "people")],
        ),
        (
            "Ces nouveaux décès portent à 45 le bilan de la semaine.",
            [(45, None, "exact", "killed", "people")],
        ),
    ],
)
def test_it_reads_the_number_a_toll_noun_is_given(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le chauffeur a été tué sur le coup, ainsi que 7 passagers du minibus, a indiqué la police.",
            [(7, None, "exact", "killed", "people")],
        ),
        (
            "On compte aussi cinq femmes au nombre des morts, selon l'Unicef.",
            [(5, None, "exact", "killed", "women")],
        ),
        (
            "Un secouriste a été blessé, ainsi que 9 habitants du quartier.",
            [(9, None, "exact", "injured", "people")],
        ),
        (
            "Trois enfants figurent au nombre des victimes du raid.",
            [(3, None, "exact", "killed", "children")],
        ),
        (
            "Le bilan fait état de huit patients tués, ainsi que de 30 personnes grièvement blessées.",
            [(8, None, "exact", "killed", "people"), (30, None, "exact", "injured", "people")],
        ),
    ],
)
def test_it_reads_a_figure_that_shares_a_verb_or_belongs_to_the_dead(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Au moins 58 personnes dont 19 enfants sont mortes dans l'incendie du camp, d'après le HCR.",
            [(58, None, "at_least", "killed", "people"), (19, None, "exact", "killed", "children")],
        ),
        (
            "Sur les 140 morts dénombrés à Deraa en 2019, 33 étaient des enfants, indique le SNHR.",
            [(140, None, "exact", "killed", "people"), (33, None, "exact", "killed", "children")],
        ),
        (
            "Parmi les 70 personnes tuées jeudi, on compte 12 femmes, selon l'OSDH.",
            [(70, None, "exact", "killed", "people"), (12, None, "exact", "killed", "women")],
        ),
        (
            "Au moins 40 personnes dont 11 enfants ont péri dans le naufrage.",
            [(40, None, "at_least", "killed", "people"), (11, None, "exact", "killed", "children")],
        ),
        (
            "Parmi les 25 civils tués, on dénombre 8 enfants.",
            [(25, None, "exact", "killed", "civilians"), (8, None, "exact", "killed", "children")],
        ),
        (
            "Dans ce village, 39 membres et 10 voisins d'une même famille ont été tués.",
            [(39, None, "exact", "killed", "people"), (10, None, "exact", "killed", "people")],
        ),
    ],
)
def test_it_reads_the_parts_inside_a_subject(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le bombardement a entraîné la mort d'au moins 23 civils, selon Amnesty.",
            [(23, None, "at_least", "killed", "civilians")],
        ),
        (
            "D'après l'armée, 14 civils ont été tragiquement tués lors de l'opération.",
            [(14, None, "exact", "killed", "civilians")],
        ),
        (
            "L'explosion a provoqué la mort d'au moins 17 civils.",
            [(17, None, "at_least", "killed", "civilians")],
        ),
        (
            "Quelque 40 habitants locaux auraient été sommairement exécutés.",
            [(40, None, "approx", "killed", "people")],
        ),
    ],
)
def test_it_reads_words_between_the_number_its_noun_and_its_verb(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Selon l'OSDH, 35 jihadistes ont été tués, ainsi que quatre civils.",
            [(4, None, "exact", "killed", "civilians")],
        ),
        (
            "Selon l'armée, 22 rebelles ont été tués, ainsi que deux civils.",
            [(2, None, "exact", "killed", "civilians")],
        ),
        ("Cinq soldats ont été blessés dans l'embuscade, a indiqué le ministère.", []),
        ("Les combats ont coûté la vie à 302 combattants de l'EI.", []),
        ("Un civil tué sur trois l'a été par une frappe aérienne, selon le rapport.", []),
        ("Un enfant blessé sur quatre garde des séquelles.", []),
        ("Chaque semaine, une trentaine de corps sont retrouvés dans les décombres.", []),
        ("La guerre fait 100 morts par mois dans la population civile.", []),
        ("Dix autres personnes ont été portées disparues.", []),
        ("Le bilan ne compte pas les victimes des dizaines de frappes de la coalition.", []),
        # the parts of fighters are fighters; members of armed groups too
        ("Au moins 31 miliciens, dont huit Afghans et cinq Pakistanais, ont été tués dans les raids.", []),
        (
            "Le bilan fait état de 20 morts, dont 14 membres des groupes armés et six civils.",
            [(20, None, "exact", "killed", "people"), (6, None, "exact", "killed", "civilians")],
        ),
        (
            "Les frappes ont tué 25 combattants, dont trois civils enrôlés de force.",
            [(3, None, "exact", "killed", "civilians")],
        ),
    ],
)
def test_it_leaves_out_fighters_rates_fractions_the_missing_and_strikes(text, expected):
    assert figures(text) == expected


def test_it_keeps_former_soldiers_who_are_civilians_now():
    assert figures("Trois anciens soldats ont été tués chez eux.") == [(3, None, "exact", "killed", "people")]


def test_the_end_of_a_range_of_people_is_no_year():
    (figure,) = extract(
        "En 2015, entre 1320 et 1950 civils ont été tués, selon l'ONG.", published="2020-06-15"
    )
    assert (figure.value, figure.value_max, figure.as_of[:7]) == (1320, 1950, "2015-12")


def test_a_range_of_two_years_is_no_figure():
    assert figures("Près de 400 civils ont péri dans les frappes entre 2014 et 2017.") == [
        (400, None, "approx", "killed", "civilians")
    ]


def test_a_hard_wrapped_line_runs_on_into_the_next():
    text = "Il y a une semaine, 32 réfugiés ont péri au large \ndes côtes lorsque leur bateau a été visé."
    assert figures(text) == [(32, None, "exact", "killed", "people")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "L'ONG recense un minimum de 300 morts civils dans la province, et un maximum de 520.",
            [(300, 520, "range", "killed", "civilians")],
        ),
        (
            "Le bilan comprend 15 civils à Alep et 9 autres à Idleb.",
            [(15, None, "exact", "killed", "civilians"), (9, None, "exact", "killed", "civilians")],
        ),
        (
            "Les tirs ont blessé 20 personnes, dont 7 âgés de moins de 18 ans.",
            [(20, None, "exact", "injured", "people"), (7, None, "exact", "injured", "children")],
        ),
        (
            "Sept enfants se trouvaient parmi les victimes du bombardement.",
            [(7, None, "exact", "killed", "children")],
        ),
    ],
)
def test_il_lit_les_fourchettes_les_listes_et_les_parts(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le nombre de réfugiés a atteint 1 000 000 selon le HCR.",
        "Deux policiers ont été tués dans l'embuscade.",
        "Le nombre de frappes est passé à 40 en mai.",
    ],
)
def test_un_nombre_qui_ne_compte_ni_morts_ni_blesses_n_est_pas_un_bilan(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le bilan de l'attaque est de 12 morts.", [(12, None, "exact", "killed", "people")]),
        ("Au nombre des victimes figurent 3 enfants.", [(3, None, "exact", "killed", "children")]),
        ("Les pertes civiles sont évaluées à 400.", [(400, None, "exact", "killed_or_injured", "civilians")]),
        ("Egalement parmi les morts, 5 enfants.", [(5, None, "exact", "killed", "children")]),
    ],
)
def test_il_lit_un_bilan_donne_par_un_auxiliaire_ou_un_participe(text, expected):
    assert figures(text) == expected


def test_il_lit_un_bilan_dont_le_nombre_vient_avant_son_nom():
    assert figures("Le HCR évalue à 300 le nombre de civils tués.") == [
        (300, None, "exact", "killed", "civilians")
    ]
    assert figures("Le HCR évalue à 300 le nombre de réfugiés.") == []


def test_une_part_sans_verbe_prend_celui_du_bilan_qu_elle_suit_et_seulement_lui():
    assert figures(
        "Les frappes, qui ont tué 12 civils, ont visé plusieurs villes, dont 3 dans la province."
    ) == [(12, None, "exact", "killed", "civilians")]


def test_un_bilan_passe_de_12_a_20_morts_est_de_20():
    assert figures("Le bilan de l'attaque est passé de 12 à 20 morts.") == [
        (20, None, "exact", "killed", "people")
    ]


def test_les_blesses_ajoutes_au_bilan_des_forces_de_securite_sont_aussi_des_combattants():
    assert figures("Le nombre de soldats tués s'élève à 296, avec 608 blessés.") == []
    assert figures("Le nombre de civils tués s'élève à 296, avec 608 blessés.") == [
        (296, None, "exact", "killed", "civilians"),
        (608, None, "exact", "injured", "civilians"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Au moins 44 migrants ont été tués dans la frappe.", [(44, None, "at_least", "killed", "people")]),
        ("Douze demandeurs d'asile ont péri en mer.", [(12, None, "exact", "killed", "people")]),
        ("Trois enseignants ont été blessés.", [(3, None, "exact", "injured", "people")]),
        ("Plus de 10 000 personnes ont été déplacées.", []),  # the displaced are no casualties
        ("Deux adultes ont été tués dans le raid.", [(2, None, "exact", "killed", "people")]),
    ],
)
def test_the_victims_real_news_names_are_people(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("L'ONG fait état de la mort de 21 civils kurdes.", [(21, None, "exact", "killed", "civilians")]),
        ("Cinq civils afghans ont été tués par l'obus.", [(5, None, "exact", "killed", "civilians")]),
        ("Trois femmes civiles ont été blessées.", [(3, None, "exact", "injured", "women")]),
    ],
)
def test_a_civilian_word_with_another_victim_noun_makes_the_victims_civilians(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Au moins 25 civils ukrainiens ont été tués par les missiles.",
            [(25, None, "at_least", "killed", "civilians")],
        ),
        (
            "Au moins 12 Palestiniens ont été tués dans la frappe sur le camp.",
            [(12, None, "at_least", "killed", "people")],
        ),
        (
            "Dix enfants palestiniens ont été tués dans la frappe.",
            [(10, None, "exact", "killed", "children")],
        ),
        ("Une quarantaine de réfugiés rohingyas se sont noyés.", [(40, None, "approx", "killed", "people")]),
        ("Trois soldats israéliens ont été tués dans l'attaque.", []),  # soldiers are no civilian toll
    ],
)
def test_a_nationality_or_community_after_the_victims_keeps_the_figure(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trois enfants de moins de 10 ans ont été tués.", [(3, None, "exact", "killed", "children")]),
        ("Trois enfants âgés de moins de 10 ans ont été tués.", [(3, None, "exact", "killed", "children")]),
        (
            "Au moins 20 personnes ont été tuées, dont 5 âgées de moins de 18 ans.",
            [(20, None, "at_least", "killed", "people"), (5, None, "exact", "killed", "children")],
        ),
    ],
)
def test_an_age_bound_qualifies_the_victims_and_is_no_count(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Au moins 20 personnes ont été tuées dans la frappe. Quatre d'entre elles avaient moins de "
            "18 ans.",
            [(20, None, "at_least", "killed", "people"), (4, None, "exact", "killed", "children")],
        ),
        (
            "Onze personnes ont péri dans le raid. Neuf étaient des civils.",
            [(11, None, "exact", "killed", "people"), (9, None, "exact", "killed", "civilians")],
        ),
        ("La police a interpellé 12 personnes. Cinq étaient des femmes.", []),
    ],
)
def test_une_phrase_qui_s_ouvre_sur_un_nombre_peut_compter_une_part_du_bilan_d_avant(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Au moins 12 civils ont été tués, selon l'OSDH. Ces civils, dont deux femmes et leurs enfants, "
            "appartenaient tous à une même famille.",
            [(12, None, "at_least", "killed", "civilians"), (2, None, "exact", "killed", "women")],
        ),
        ("La police a arrêté 12 personnes. Les hommes, dont quatre mineurs, ont été relâchés.", []),
    ],
)
def test_les_morts_nommes_de_nouveau_avec_une_part_comptent_cette_part(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le porte-parole a affirmé que le groupe n'avait tué que 12 civils par erreur.",
            [(12, None, "exact", "killed", "civilians")],
        ),
        (
            "La coalition affirme n'avoir tué qu'une dizaine de civils.",
            [(10, None, "approx", "killed", "civilians")],
        ),
    ],
)
def test_ne_que_ou_seulement_entre_le_verbe_et_le_nombre_garde_le_chiffre(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Au moins 20 civils ont été tués dans la frappe. Les victimes comprennent cinq enfants.",
            [(20, None, "at_least", "killed", "civilians"), (5, None, "exact", "killed", "children")],
        ),
        (
            "Au moins 20 civils ont été tués dans la frappe. Parmi eux figurent cinq enfants.",
            [(20, None, "at_least", "killed", "civilians"), (5, None, "exact", "killed", "children")],
        ),
    ],
)
def test_les_victimes_qui_comprennent_une_partie_comptent_cette_partie(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Au moins 40 civils ont été tués dans la frappe. Douze d'entre eux étaient des enfants.",
            [(40, None, "at_least", "killed", "civilians"), (12, None, "exact", "killed", "children")],
        ),
        (
            "Au moins 40 civils ont été tués dans la frappe. Douze étaient des enfants.",
            [(40, None, "at_least", "killed", "civilians"), (12, None, "exact", "killed", "children")],
        ),
        (
            "Au moins 40 civils ont été tués dans la frappe, dont douze étaient des femmes.",
            [(40, None, "at_least", "killed", "civilians"), (12, None, "exact", "killed", "women")],
        ),
    ],
)
def test_une_partie_qui_etaient_des_enfants_est_comptee(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # un nom que le lexique ne connaît pas, suivi de son verbe : des personnes
        ("Six jeunes chasseurs ont été tués jeudi près de Gao.", [(6, None, "exact", "killed", "people")]),
        ("Au moins 14 pèlerins sont morts dans l'accident.", [(14, None, "at_least", "killed", "people")]),
        # une partie sans nombre entre le nom et le verbe
        (
            "Seize personnes dont des civils ont été tuées dans la frappe.",
            [(16, None, "exact", "killed", "people")],
        ),
    ],
)
def test_a_subject_the_lexicon_does_not_name(text, expected):
    assert figures(text) == expected


def test_a_part_said_of_the_figure_before_after_a_reporting_clause():
    text = (
        "Six jeunes chasseurs ont été tués jeudi près de Gao. Le maire a déclaré à l'AFP que quatre "
        "d'entre eux avaient moins de 16 ans."
    )
    assert figures(text) == [(6, None, "exact", "killed", "people"), (4, None, "exact", "killed", "children")]


@pytest.mark.parametrize("dash", ["--", "—", " - "])
def test_the_parts_of_a_toll_after_a_dash(dash):
    text = (
        f"Les autorités kurdes ont fait état d'au moins 29 morts, {dash}11 civils, 15 combattants et "
        "trois soldats."
    )
    assert figures(text) == [
        (29, None, "at_least", "killed", "people"),
        (11, None, "exact", "killed", "civilians"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("La frappe a tué une famille de sept personnes à Raqqa.", [(7, None, "exact", "killed", "people")]),
        ("Une famille de sept personnes a été tuée à Raqqa.", [(7, None, "exact", "killed", "people")]),
        (
            "La frappe a tué toute une famille de neuf personnes, dont cinq enfants.",
            [(9, None, "exact", "killed", "people"), (5, None, "exact", "killed", "children")],
        ),
        ("Une famille entière a perdu sa maison dans la frappe.", []),
    ],
)
def test_a_family_counts_its_members_not_itself(text, expected):
    assert figures(text) == expected


def test_the_wounded_after_fighters_killed_are_the_same_fighters():
    assert figures("L'armée a indiqué que 150 combattants talibans avaient été tués et 40 blessés.") == []


@pytest.mark.parametrize("opener", ["Parmi eux,", "Sur ce nombre,", "Parmi ces morts,"])
def test_a_part_after_whom_it_is_part_of(opener):
    text = f"L'ONU a recensé 10 000 civils tués. {opener} 560 étaient des enfants."
    assert figures(text) == [
        (10000, None, "exact", "killed", "civilians"),
        (560, None, "exact", "killed", "children"),
    ]
