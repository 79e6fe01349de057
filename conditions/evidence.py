"""The vocabulary the guides use to talk about evidence.

Evidence levels follow the US National Academies of Sciences, Engineering, and
Medicine report "The Health Effects of Cannabis and Cannabinoids" (2017,
doi:10.17226/24625), which grades evidence as conclusive, substantial, moderate,
limited, or no or insufficient.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


def known_choice(choices, value):
    """The choice ``value`` names, or None while a draft leaves it empty or unknown."""
    return choices(value) if value in choices.values else None


class EvidenceLevel(models.TextChoices):
    CONCLUSIVE = "conclusive", _("Conclusive evidence")
    SUBSTANTIAL = "substantial", _("Substantial evidence")
    MODERATE = "moderate", _("Moderate evidence")
    LIMITED = "limited", _("Limited evidence")
    INSUFFICIENT = "insufficient", _("No or insufficient evidence")

    @property
    def explanation(self):
        return EVIDENCE_EXPLANATIONS[self]

    @property
    def rank(self):
        """Higher is stronger: insufficient is 0, conclusive is 4."""
        return len(EVIDENCE_ORDER) - 1 - EVIDENCE_ORDER.index(self)

    @classmethod
    def strongest(cls, values):
        """The strongest of the levels named in ``values``, skipping empty ones; or None."""
        levels = [level for value in values if (level := known_choice(cls, value))]
        return max(levels, key=lambda level: level.rank) if levels else None


EVIDENCE_ORDER = [
    EvidenceLevel.CONCLUSIVE,
    EvidenceLevel.SUBSTANTIAL,
    EvidenceLevel.MODERATE,
    EvidenceLevel.LIMITED,
    EvidenceLevel.INSUFFICIENT,
]

EVIDENCE_EXPLANATIONS = {
    EvidenceLevel.CONCLUSIVE: _(
        "Many good-quality studies agree, and there is no credible evidence to the contrary."
    ),
    EvidenceLevel.SUBSTANTIAL: _(
        "Several good-quality studies agree, with few or no credible opposing findings."
    ),
    EvidenceLevel.MODERATE: _(
        "Some good-to-fair studies agree, but there is some uncertainty or opposing evidence."
    ),
    EvidenceLevel.LIMITED: _(
        "Only weak or few studies suggest an effect, and there is significant uncertainty."
    ),
    EvidenceLevel.INSUFFICIENT: _(
        "There is not enough good-quality research to say whether it helps or not."
    ),
}


class StudyDesign(models.TextChoices):
    SYSTEMATIC_REVIEW = "systematic_review", _("Systematic review or meta-analysis")
    RANDOMISED_TRIAL = "randomised_trial", _("Randomised controlled trial")
    OBSERVATIONAL = "observational", _("Observational study")
    CASE_SERIES = "case_series", _("Case series or case report")
    SURVEY = "survey", _("Survey")
    LABORATORY = "laboratory", _("Laboratory or animal study")
    GUIDELINE = "guideline", _("Clinical guideline")


class Urgency(models.TextChoices):
    NON_URGENT = "non_urgent", _("See a doctor")
    URGENT = "urgent", _("Ask for an urgent appointment")
    EMERGENCY = "emergency", _("Call emergency services")
