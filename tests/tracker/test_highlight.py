from types import SimpleNamespace

from django.utils.safestring import SafeString

from tracker.highlight import highlighted_text, quote_in_paragraph

TEXT = "Airwars counted 1,787 deaths.\nThe coalition admitted 603 <b>civilian</b> deaths."


def figure(pk, start, end, kind="independent", value=1):
    """A stand-in for an Estimate: the highlighter only reads these attributes."""
    return SimpleNamespace(
        pk=pk,
        start=start,
        end=end,
        display_value=f"{value:,}",
        source=SimpleNamespace(kind=kind),
    )


def span(text, number):
    start = text.index(number)
    return start, start + len(number)


def test_each_figure_is_marked_with_its_claimant_kind_and_the_rest_is_escaped():
    airwars = figure(1, *span(TEXT, "1,787"), kind="independent", value=1787)
    coalition = figure(2, *span(TEXT, "603"), kind="official", value=603)

    html = highlighted_text(TEXT, [coalition, airwars])

    assert isinstance(html, SafeString)
    assert '<mark class="figure figure--independent" id="figure-1"' in html
    assert '<mark class="figure figure--official" id="figure-2"' in html
    assert ">1,787</mark> deaths.\nThe coalition admitted " in html
    assert "&lt;b&gt;civilian&lt;/b&gt;" in html
    assert "<b>" not in html


def test_marks_link_to_the_figure_when_asked():
    coalition = figure(7, *span(TEXT, "603"), kind="official")

    html = highlighted_text(TEXT, [coalition], link=lambda e: f"/admin/estimate/{e.pk}/")

    assert '<a href="/admin/estimate/7/"><mark class="figure figure--official" id="figure-7"' in html


def test_a_script_in_the_article_is_shown_as_text():
    text = 'Before <script>alert("x")</script> 42 killed.'
    html = highlighted_text(text, [figure(1, *span(text, "42"))])

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert ">42</mark>" in html


def test_overlapping_and_out_of_range_spans_are_left_unmarked_without_losing_text():
    first = figure(1, 16, 21)  # "1,787"
    overlapping = figure(2, 18, 24)
    beyond = figure(3, len(TEXT) - 2, len(TEXT) + 10)
    reversed_span = figure(4, 10, 5)

    html = highlighted_text(TEXT, [overlapping, first, beyond, reversed_span])

    assert html.count("<mark") == 1
    assert 'id="figure-1"' in html
    assert "deaths." in html and "admitted 603" in html


def test_a_text_without_figures_is_just_escaped():
    assert highlighted_text("a < b", []) == "a &lt; b"


def test_the_quote_is_shown_inside_its_paragraph_with_the_number_marked():
    start, end = span(TEXT, "603")

    html = quote_in_paragraph(TEXT, start, end)

    assert html == (
        'The coalition admitted <mark class="figure figure--current">603</mark> '
        "&lt;b&gt;civilian&lt;/b&gt; deaths."
    )


def test_the_paragraph_of_the_first_line_stops_at_its_end():
    start, end = span(TEXT, "1,787")

    assert quote_in_paragraph(TEXT, start, end) == (
        'Airwars counted <mark class="figure figure--current">1,787</mark> deaths.'
    )


def test_offsets_that_do_not_fit_the_text_give_an_empty_paragraph():
    assert quote_in_paragraph(TEXT, 5, 500) == ""
    assert quote_in_paragraph(TEXT, 9, 9) == ""
    assert quote_in_paragraph("", 0, 1) == ""
