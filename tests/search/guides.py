"""Guides the search tests search: real conditions, names people use, and plain text."""

from wagtail.models import Locale

from search.models import SearchSynonym
from tests.factories import (
    BodySystemFactory,
    ConditionPageFactory,
    cannabis_evidence,
    overview,
    section,
)

SYSTEMS = {
    "brain": "Brain and nerves",
    "digestion": "Stomach and bowels",
    "muscles": "Muscles, bones and joints",
    "mind": "Mental health",
    "eyes": "Eyes",
    "sleep": "Sleep",
    "immune": "Immune system",
}

# slug: (title, also known as, summary, overview, symptoms, body systems, evidence level)
GUIDES = {
    "dystonia": (
        "Dystonia",
        "Cervical dystonia\nSpasmodic torticollis",
        "Dystonia makes muscles tighten on their own, causing twisting movements or "
        "unusual postures.",
        "Dystonia is a movement disorder. The muscle contractions can be painful.",
        "Twisting movements, a pulling neck, tremor of the head, writer's cramp.",
        ["brain", "muscles"],
        "insufficient",
    ),
    "multiple-sclerosis": (
        "Multiple sclerosis",
        "MS",
        "The immune system damages the coating of nerves in the brain and spinal cord, "
        "causing fatigue, numbness and stiff muscles.",
        "Multiple sclerosis usually starts between the ages of 20 and 40.",
        "Fatigue, numbness or tingling, blurred vision, muscle stiffness and spasticity.",
        ["brain"],
        "substantial",
    ),
    "parkinsons-disease": (
        "Parkinson's disease",
        "Parkinsonism\nPD",
        "A progressive condition of the brain that causes tremor, slow movement and stiff muscles.",
        "Parkinson's disease happens when nerve cells in the brain stop making dopamine.",
        "A tremor or shaking, slow movement, stiff and inflexible muscles, poor balance.",
        ["brain"],
        "limited",
    ),
    "migraine": (
        "Migraine",
        "Migraine headache\nSick headache",
        "Moderate or severe headaches, often on one side of the head, with nausea and "
        "sensitivity to light.",
        "A migraine attack usually lasts between 4 and 72 hours.",
        "A throbbing headache, feeling sick, flashing lights before the headache (aura).",
        ["brain"],
        "insufficient",
    ),
    "epilepsy": (
        "Epilepsy",
        "Seizure disorder",
        "A condition of the brain that causes repeated seizures.",
        "Epilepsy can start at any age. Some people grow out of it.",
        "Seizures, uncontrollable jerking and shaking, losing awareness, staring blankly.",
        ["brain"],
        "limited",
    ),
    "fibromyalgia": (
        "Fibromyalgia",
        "Fibromyalgia syndrome\nFMS",
        "Long-term pain all over the body, with tiredness, poor sleep and problems with "
        "memory and concentration.",
        "Fibromyalgia is more common in women than men.",
        "Widespread pain, extreme tiredness, muscle stiffness, trouble concentrating.",
        ["muscles"],
        "limited",
    ),
    "chronic-pain": (
        "Chronic pain",
        "Persistent pain\nLong-term pain",
        "Pain that lasts for more than three months, even after an injury or illness has healed.",
        "Chronic pain affects about one in five adults.",
        "Aching, burning or shooting pain that keeps coming back.",
        ["muscles", "brain"],
        "substantial",
    ),
    "chemotherapy-induced-nausea-and-vomiting": (
        "Chemotherapy-induced nausea and vomiting",
        "CINV\nChemo nausea\nChemotherapy sickness",
        "Feeling sick and being sick caused by cancer medicines.",
        "Some chemotherapy medicines are more likely to make you sick than others.",
        "Nausea, vomiting, retching and loss of appetite after treatment.",
        ["digestion"],
        "conclusive",
    ),
    "ptsd": (
        "Post-traumatic stress disorder",
        "PTSD\nShell shock",
        "An anxiety condition caused by very stressful, frightening or distressing events.",
        "PTSD can start straight after a traumatic event or many years later.",
        "Flashbacks, nightmares, trouble sleeping, feeling on edge, avoiding reminders.",
        ["mind"],
        "limited",
    ),
    "irritable-bowel-syndrome": (
        "Irritable bowel syndrome",
        "IBS\nSpastic colon",
        "A common condition of the digestive system that causes stomach cramps, bloating, "
        "diarrhoea and constipation.",
        "IBS is usually a lifelong problem, with symptoms that come and go.",
        "Stomach cramps, bloating, diarrhoea, constipation, wind.",
        ["digestion"],
        "insufficient",
    ),
    "crohns-disease": (
        "Crohn's disease",
        "Regional enteritis",
        "A lifelong condition where parts of the digestive system become inflamed, causing "
        "diarrhoea, stomach pain and weight loss.",
        "Crohn's disease is a type of inflammatory bowel disease.",
        "Diarrhoea, stomach aches, blood in your poo, tiredness, weight loss.",
        ["digestion", "immune"],
        "insufficient",
    ),
    "insomnia": (
        "Insomnia",
        "Sleeplessness\nTrouble sleeping",
        "Regularly finding it hard to fall asleep or stay asleep, or waking up too early.",
        "Insomnia often gets better by changing your sleeping habits.",
        "Lying awake at night, waking several times, feeling tired and irritable in the day.",
        ["sleep", "mind"],
        "moderate",
    ),
    "glaucoma": (
        "Glaucoma",
        "Raised eye pressure",
        "The nerve connecting the eye to the brain becomes damaged, usually by pressure "
        "inside the eye, and sight can be lost.",
        "Glaucoma does not usually cause symptoms at first.",
        "Blurred vision, seeing rainbow rings around lights, sudden intense eye pain.",
        ["eyes"],
        "insufficient",
    ),
    "als": (
        "Amyotrophic lateral sclerosis",
        "ALS\nMotor neurone disease\nMND\nLou Gehrig's disease",
        "A rare condition that damages the nerves controlling the muscles, causing weakness "
        "that gets worse over time.",
        "ALS is a rare condition that mainly affects people in their 60s and 70s.",
        "Weak grip, weakness in the legs, slurred speech, muscle cramps and twitches.",
        ["brain", "muscles"],
        "insufficient",
    ),
    "traumatic-brain-injury": (
        "Traumatic brain injury",
        "TBI\nHead injury\nConcussion",
        "Damage to the brain caused by a blow or jolt to the head.",
        "A traumatic brain injury can be mild, like a concussion, or severe.",
        "Headache, dizziness, confusion, memory problems, being sick after a head injury.",
        ["brain"],
        "insufficient",
    ),
    "anxiety": (
        "Anxiety disorders",
        "Generalised anxiety disorder\nGAD",
        "Worry or fear strong enough to get in the way of daily life.",
        "Anxiety disorders are among the most common mental health conditions.",
        "Restlessness, a sense of dread, a racing heart, trouble concentrating.",
        ["mind"],
        "limited",
    ),
    "alzheimers-disease": (
        "Alzheimer's disease",
        "Dementia",
        "The most common cause of dementia: a brain condition that slowly damages memory, "
        "thinking and behaviour.",
        "Alzheimer's disease is more common in people over 65.",
        "Memory loss, confusion, problems finding words, changes in mood.",
        ["brain"],
        "insufficient",
    ),
    "spinal-cord-injury": (
        "Spinal cord injury",
        "SCI",
        "Damage to the spinal cord that can cause loss of movement and feeling below it.",
        "Most spinal cord injuries are caused by falls and road accidents.",
        "Loss of movement, loss of feeling, muscle spasms, nerve pain.",
        ["brain"],
        "insufficient",
    ),
    "tourette-syndrome": (
        "Tourette syndrome",
        "Tourette's\nTic disorder",
        "A condition of the nervous system that causes sudden movements and sounds called tics.",
        "Tourette syndrome usually starts in childhood.",
        "Blinking, grimacing, jerking the head, grunting, repeating words.",
        ["brain"],
        "limited",
    ),
    "rheumatoid-arthritis": (
        "Rheumatoid arthritis",
        "RA",
        "The immune system attacks the joints, causing pain, swelling and stiffness.",
        "Rheumatoid arthritis often affects the hands, feet and wrists.",
        "Joint pain, swollen joints, stiffness that is worse in the morning, tiredness.",
        ["muscles", "immune"],
        "insufficient",
    ),
    "hiv-wasting": (
        "HIV-associated wasting",
        "AIDS wasting syndrome\nCachexia",
        "Severe, unplanned weight loss and loss of appetite in people living with HIV.",
        "Wasting is less common since effective HIV treatment became available.",
        "Weight loss, loss of appetite, weakness, tiredness.",
        ["immune", "digestion"],
        "limited",
    ),
    "restless-legs-syndrome": (
        "Restless legs syndrome",
        "RLS\nWillis-Ekbom disease",
        "An urge to move the legs, with crawling or tingling feelings, usually in the "
        "evening or at night.",
        "Restless legs syndrome can disturb sleep.",
        "Tingling, burning or crawling feelings in the legs, twitching legs at night.",
        ["brain", "sleep"],
        "insufficient",
    ),
    "sleep-apnoea": (
        "Sleep apnoea",
        "Obstructive sleep apnea\nOSA",
        "Breathing stops and starts while you sleep, causing loud snoring and tiredness in "
        "the day.",
        "Sleep apnoea is more common in people who are overweight.",
        "Loud snoring, gasping or choking noises, waking up a lot, feeling very sleepy.",
        ["sleep"],
        "moderate",
    ),
    "endometriosis": (
        "Endometriosis",
        "",
        "Tissue like the lining of the womb grows elsewhere, causing painful periods and "
        "pelvic pain.",
        "Endometriosis can affect women of any age.",
        "Pelvic pain, painful periods, pain during or after sex, difficulty getting pregnant.",
        ["digestion"],
        "insufficient",
    ),
}

SYNONYMS = [
    ("cannabis", "weed, marijuana, pot"),
    ("spasms", "cramps"),
    ("fits", "seizures"),
    ("being sick", "vomiting, throwing up"),
    ("chemo", "chemotherapy"),
]


def make_body(title, intro, symptoms, level):
    return [
        overview(f"<p>{intro}</p>"),
        section("symptoms", f"<p>{symptoms}</p>"),
        cannabis_evidence(
            level=level,
            summary=f"<p>What studies of cannabis and cannabinoids for {title.lower()} "
            "found, graded by the National Academies.</p>",
        ),
    ]


def build_systems(locale=None):
    extra = {"locale": locale} if locale else {}
    return {
        key: BodySystemFactory(
            name=name, slug=name.lower().replace(",", "").replace(" ", "-"), **extra
        )
        for key, name in SYSTEMS.items()
    }


def build_guides(parent=None):
    systems = build_systems()
    extra = {"parent": parent} if parent else {}
    guides = {}
    for slug, (title, aka, summary, intro, symptoms, keys, level) in GUIDES.items():
        guides[slug] = ConditionPageFactory(
            title=title,
            slug=slug,
            also_known_as=aka,
            summary=summary,
            body=make_body(title, intro, symptoms, level),
            body_systems=[systems[key] for key in keys],
            **extra,
        )
    return guides, systems


def build_synonyms():
    for term, synonyms in SYNONYMS:
        SearchSynonym.objects.create(term=term, synonyms=synonyms, locale=Locale.get_default())
