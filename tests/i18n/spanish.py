"""Spanish for the strings the test guide (tests.factories.full_body) is made of."""

DYSTONIA = {
    "Dystonia": "Distonía",
    "dystonia": "distonia",
    "Muscles tighten on their own.": "Los músculos se contraen por sí solos.",
    "Dystonia makes muscles tighten on their own.": (
        "La distonía hace que los músculos se contraigan solos."
    ),
    "Twisting movements": "Movimientos de torsión",
    "Often unknown.": "A menudo se desconoce.",
    "Botulinum toxin injections.": "Inyecciones de toxina botulínica.",
    "Little evidence.": "Hay poca evidencia.",
    "First study": "Primer estudio",
    "Second study": "Segundo estudio",
    "Journal of Examples": "Journal of Examples",
    "No clear difference from placebo.": "Sin diferencia clara con el placebo.",
    "Pain and fatigue.": "Dolor y cansancio.",
    "Sudden new spasms.": "Espasmos nuevos y repentinos.",
    "A patient society": "Una asociación de pacientes",
    "Support groups.": "Grupos de apoyo.",
    "Dr Test Reviewer, neurologist": "Dr. Revisor de Prueba, neurólogo",
}

BRAIN = {
    "Brain and nerves": "Cerebro y nervios",
    "brain-and-nerves": "cerebro-y-nervios",
}

SPANISH_TREE = {
    "Condition guides": "Guías de enfermedades",
    "home": "inicio",
    "Conditions": "Enfermedades",
    "conditions": "conditions",
}
