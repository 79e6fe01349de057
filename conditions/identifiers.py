"""Where identifiers lead: one place for the PubMed and DOI addresses, and for the
schema.org node id of the organisation that publishes the guides.

The guide page's references and its schema.org citations both link through these.
"""

from urllib.parse import quote


def pubmed_url(pmid):
    """The PubMed page of a PubMed ID, or None when there is none."""
    return f"https://pubmed.ncbi.nlm.nih.gov/{quote(str(pmid))}/" if pmid else None


def doi_url(doi):
    """The doi.org resolver's address for a DOI, or None when there is none."""
    return f"https://doi.org/{quote(str(doi), safe='/')}" if doi else None


def organisation_id(root_url):
    """The organisation's node id: guides name it as their publisher with this, and the
    organisation's own JSON-LD (reach/organisation.py) carries it."""
    return f"{root_url}/#organisation"
