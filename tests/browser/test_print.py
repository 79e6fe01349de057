"""A guide printed from Chromium on A4 and on US Letter, read back with pdftotext.

What a reader takes to their doctor: the guide with its references and their addresses,
the review dates and the disclaimer; not the site's header, forms or footer
(static/css/print.css).
"""

import re
import subprocess

import pytest

from tests.tools import need_tool

pytestmark = pytest.mark.browser

# Page sizes in points: A4 is 595.28 × 841.89 (Chromium rounds it to 595.92 × 842.88),
# US Letter 612 × 792.
PAPER = {"A4": (595.28, 841.89), "Letter": (612, 792)}


def print_to_pdf(page, url, paper, tmp_path):
    """The page as Chromium prints it on that paper: (the PDF's text, its page size)."""
    pdftotext = need_tool("pdftotext", "poppler-utils")
    pdfinfo = need_tool("pdfinfo", "poppler-utils")
    page.goto(url)
    pdf = tmp_path / f"guide-{paper}.pdf"
    pdf.write_bytes(page.pdf(format=paper))
    text = subprocess.run(  # noqa: S603
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    info = subprocess.run(  # noqa: S603
        [pdfinfo, str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    # Lines wrap where the paper ends: compare the words, not the lines.
    return " ".join(text.split()), (float(width), float(height))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_printed_guide_keeps_the_guide_and_leaves_out_the_site(page, live_site, paper, tmp_path):
    text, size = print_to_pdf(page, live_site.url("/en/conditions/dystonia/"), paper, tmp_path)
    assert size == pytest.approx(PAPER[paper], abs=2)

    # The guide, its sections and a study's journal in the references.
    assert "Dystonia" in text
    assert "Dystonia makes muscles tighten on their own." in text
    assert "Sudden new spasms." in text
    assert "References" in text
    assert "First study. Journal of Examples, 2019." in text
    # Each link to another site shows its address.
    assert "PubMed 12345678 (https://pubmed.ncbi.nlm.nih.gov/12345678/)" in text
    assert "A patient society (https://example.org/)" in text
    # The review dates and the disclaimer.
    assert "Page last reviewed: 15 January 2026 by Dr Test Reviewer, neurologist" in text
    assert "Next review due: 15 January 2029" in text
    assert "This guide is general information, not medical advice." in text

    # Not the site around it: header, navigation, search, forms, footer.
    for left_out in [
        "Calm Clinic",  # the header's and the footer's name
        "12 High Street",  # the header's and the footer's address
        "Skip to main content",
        "Conditions A–Z",
        "Search conditions",
        "On this page",
        "Sign up to our newsletter",
        "Was this page helpful?",
        "Send comment",
    ]:
        assert left_out not in text, f"{left_out!r} is printed on {paper}"


def test_care_cards_and_studies_are_not_split_across_pages(page, live_site):
    page.goto(live_site.url("/en/conditions/dystonia/"))
    page.emulate_media(media="print")
    for selector in (".care-card", ".study", ".references__list li", ".disclaimer"):
        assert page.locator(selector).count(), selector
        style = page.locator(selector).first.evaluate("node => getComputedStyle(node).breakInside")
        assert style == "avoid", selector
