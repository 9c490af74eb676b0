"""The rules of topic suggestion (issue 14 items 1, issue 13 «Tagging»), each written from the rule.

- the agency's name is a hint, not a verdict: its beat is added when the text confirms it or says
  nothing clearly, and the agency naming itself in the text is not evidence;
- secondary topics: a beat an editor files together with the leading one (border + economy …) is
  kept on two keywords worth a strong one; another beat needs 0.3 of the best, three keywords and a
  strong one; never more than three topics;
- morphology: plural, adjective, indefinite, possessive and ezafe forms of a keyword's last word.
"""

from __future__ import annotations

import pytest

from bot.domain.tagging import Topic, load_topics, suggest_topics, topic_scores
from bot.domain.tagging.topics import AFFINE_TOPICS, ORG_HINT_BONUS

ZWNJ = "\u200c"


@pytest.fixture(scope="module")
def topics() -> tuple[Topic, ...]:
    return load_topics()


# ---------------------------------------------------------------------------------------------
# The agency's name: one signal among others
# ---------------------------------------------------------------------------------------------

LIBRARY_OPENING = (
    "افتتاح کتابخانه عمومی روستای بانکول با حضور استاندار ایلام\n\n"
    "به گزارش روابط عمومی استانداری ایلام، کتابخانه عمومی روستای بانکول با ۴ هزار جلد کتاب و سالن "
    "مطالعه ویژه کودکان و نوجوانان امروز با حضور استاندار افتتاح شد.\n"
    "استاندار ایلام در این آیین گفت: ترویج کتابخوانی در روستاها از برنامه‌های استانداری است و "
    "نهاد کتابخانه‌های عمومی استان امسال ۱۲ کتابخانه روستایی دیگر راه‌اندازی می‌کند."
)


def test_the_governorates_library_opening_is_culture_not_governance(topics: tuple[Topic, ...]) -> None:
    """«استانداری ایلام» publishing a library opening: culture first, and no governance at all."""
    suggested = suggest_topics(LIBRARY_OPENING, topics, org_name="استانداری ایلام")
    assert suggested[0] == "culture"
    assert "governance" not in suggested


def test_a_medical_universitys_sports_day_is_sports_not_health(topics: tuple[Topic, ...]) -> None:
    """The medical university's staff volleyball tournament is sports; its name does not make it health."""
    text = (
        "قهرمانی تیم والیبال کارکنان دانشگاه علوم پزشکی ایلام در مسابقات استانی\n\n"
        "به گزارش روابط عمومی دانشگاه علوم پزشکی ایلام، مسابقات والیبال کارکنان این دانشگاه به مناسبت "
        "هفته تربیت بدنی با حضور ۱۰ تیم در سالن ورزشی شهید بهشتی برگزار شد و ورزشکاران برتر مدال گرفتند."
    )
    suggested = suggest_topics(text, topics, org_name="دانشگاه علوم پزشکی ایلام")
    assert suggested[0] == "sports"
    assert "health" not in suggested


def test_a_governors_pr_workshop_is_pr_not_governance(topics: tuple[Topic, ...]) -> None:
    """A workshop for PR staff held in the governor's office is PR; «فرمانداری» in the text is the speaker."""
    text = (
        "کارگاه خبرنویسی برای روابط عمومی‌های شهرستان در فرمانداری دهلران برگزار شد\n\n"
        "این کارگاه با حضور کارشناسان روابط عمومی در سالن اجتماعات فرمانداری برگزار شد و اصول "
        "خبرنویسی، عکاسی خبری و تولید محتوا برای فضای مجازی آموزش داده شد. بهترین خبرها در کانال "
        "رسمی فرمانداری منتشر می‌شود."
    )
    assert suggest_topics(text, topics, org_name="فرمانداری دهلران") == ["public_relations"]


def test_the_agency_naming_itself_is_not_evidence(topics: tuple[Topic, ...]) -> None:
    """The keywords of the agency's own name count in the text only when another agency writes it."""
    text = "بازدید از روستا\n\nبه گزارش فرمانداری، مسئولان فرمانداری و کارشناسان فرمانداری از روستا بازدید کردند."
    by_itself = topic_scores(text, topics, org_name="فرمانداری دهلران")
    by_another = topic_scores(text, topics, org_name="اداره کل ورزش و جوانان استان ایلام")
    assert by_another["governance"] > 0
    # Its own office, named three times, adds nothing; the text is about nothing clearly, so the
    # name's hint alone decides the beat.
    assert by_itself["governance"] == ORG_HINT_BONUS
    assert suggest_topics(text, topics, org_name="فرمانداری دهلران") == ["governance"]


def test_the_agencys_beat_is_added_when_the_text_confirms_it(topics: tuple[Topic, ...]) -> None:
    """A governorate release on an administrative council gets governance; the hint raises it first."""
    text = (
        "جلسه شورای اداری استان با حضور وزیر کشور برگزار شد\n\n"
        "در این جلسه مصوبات سفر استانی و ارزیابی عملکرد دستگاه‌های اجرایی بررسی شد و وزیر گفت: "
        "افتتاح طرح‌های عمرانی نیمه‌تمام در اولویت دولت است."
    )
    plain = topic_scores(text, topics)
    hinted = topic_scores(text, topics, org_name="استانداری ایلام")
    assert hinted["governance"] == plain["governance"] + ORG_HINT_BONUS
    assert suggest_topics(text, topics, org_name="استانداری ایلام")[0] == "governance"


def test_a_clear_text_of_another_beat_gets_no_hint_for_the_agency(topics: tuple[Topic, ...]) -> None:
    """The hint is withheld from a beat the text does not speak of when another beat is clear."""
    text = "برگزاری جشنواره موسیقی محلی\n\nهنرمندان موسیقی محلی در این جشنواره به اجرای برنامه پرداختند."
    assert "health" not in topic_scores(text, topics, org_name="دانشگاه علوم پزشکی ایلام")
    assert suggest_topics(text, topics, org_name="دانشگاه علوم پزشکی ایلام") == ["culture"]


# ---------------------------------------------------------------------------------------------
# Secondary topics
# ---------------------------------------------------------------------------------------------


def test_the_companion_pairs_are_the_ones_editors_file_together() -> None:
    """The pairs named by the issue (and forests under the ministry of agriculture), plus school
    building, visitors' spending, the police's accidents and jobs for the families a relief agency
    supports; nothing else."""
    assert {tuple(sorted(pair)) for pair in AFFINE_TOPICS} == {
        ("border", "economy"),
        ("agriculture", "economy"),
        ("health", "welfare"),
        ("culture", "tourism"),
        ("environment", "tourism"),
        ("governance", "public_relations"),
        ("agriculture", "environment"),
        ("education", "infrastructure"),
        ("economy", "tourism"),
        ("crisis", "security"),
        ("economy", "welfare"),
    }


GREENHOUSE = (
    "برداشت خیار از گلخانه‌های زرنه آغاز شد\n\n"
    "مدیر جهاد کشاورزی شهرستان گفت: کشاورزان این بخش امسال ۲۰ گلخانه جدید ساختند و برداشت محصول "
    "گلخانه‌ای با آبیاری قطره‌ای و کود آلی از هفته گذشته آغاز شده است. دامداران منطقه نیز علوفه "
    "زمستانی را از مزارع اطراف تأمین کرده‌اند."
)


def test_a_paired_beat_with_little_evidence_is_kept(topics: tuple[Topic, ...]) -> None:
    """Agriculture leads; two economy keywords (a strong one among them) keep economy beside it."""
    text = GREENHOUSE + " این طرح برای ۴۰ نفر اشتغال‌زایی کرده و محصول به بازار استان عرضه می‌شود."
    scores = topic_scores(text, topics)
    assert scores["economy"] < 0.3 * scores["agriculture"]  # far below the ordinary floors
    assert suggest_topics(text, topics) == ["agriculture", "economy"]


def test_the_same_evidence_for_an_unpaired_beat_is_dropped(topics: tuple[Topic, ...]) -> None:
    """Two education keywords of the same weight beside agriculture are a passing mention."""
    text = GREENHOUSE + " دانش‌آموزان هنرستان نیز از این گلخانه‌ها بازدید و آموزش دیدند."
    scores = topic_scores(text, topics)
    assert scores["education"] >= 3
    assert suggest_topics(text, topics) == ["agriculture"]


def test_one_paired_keyword_is_not_enough(topics: tuple[Topic, ...]) -> None:
    """A single economy word beside agriculture does not add economy."""
    text = GREENHOUSE + " محصول به بازار عرضه می‌شود."
    assert suggest_topics(text, topics) == ["agriculture"]


SCHOOLS = (
    "بازگشایی ۲۰ مدرسه جدید در استان\n\n"
    "مدیرکل آموزش و پرورش گفت: با آغاز سال تحصیلی، دانش‌آموزان در ۲۰ مدرسه جدید به کلاس درس می‌روند "
    "و معلمان و مدیران مدارس برای آغاز آموزش آماده‌اند."
)


def test_building_schools_is_also_infrastructure(topics: tuple[Topic, ...]) -> None:
    """Education leads; building credits and retrofitting keep infrastructure beside it."""
    text = SCHOOLS + " این مدارس از محل اعتبارات عمرانی ساخته شده و ۸۰ مدرسه دیگر در نوبت مقاوم‌سازی است."
    scores = topic_scores(text, topics)
    assert scores["infrastructure"] < 0.3 * scores["education"]
    assert suggest_topics(text, topics) == ["education", "infrastructure"]


def test_a_school_opening_without_building_news_stays_education(topics: tuple[Topic, ...]) -> None:
    """One passing project word («افتتاح») beside education is not school building."""
    assert suggest_topics(SCHOOLS + " این مدارس هفته گذشته افتتاح شد.", topics) == ["education"]


NOWRUZ_VISITORS = (
    "۶۰ هزار مسافر نوروزی به شهرستان سفر کردند\n\n"
    "رئیس اداره میراث فرهنگی، گردشگری و صنایع دستی گفت: گردشگران از آبشارها، تنگه‌ها و بناهای "
    "تاریخی شهرستان بازدید کردند و شب را در اقامتگاه‌ها گذراندند."
)


def test_visitors_spending_is_also_economy(topics: tuple[Topic, ...]) -> None:
    """Tourism leads; sales of handicrafts and investment in hotels keep economy beside it."""
    text = NOWRUZ_VISITORS + " فروش بازارچه نوروزی به ۹ میلیارد ریال رسید و سرمایه‌گذاران برای ساخت هتل تسهیلات می‌گیرند."
    assert suggest_topics(text, topics) == ["tourism", "economy"]
    assert suggest_topics(NOWRUZ_VISITORS + " بازارچه نوروزی برپا شد.", topics) == ["tourism"]


POLICE_NOWRUZ = (
    "اجرای طرح نوروزی پلیس در شهرستان\n\n"
    "فرمانده انتظامی شهرستان گفت: ماموران پلیس راه ۱۲۰۰ خودروی متخلف را اعمال قانون کردند، ۳ سارق "
    "منزل دستگیر و اموال سرقتی کشف شد."
)


def test_the_accidents_the_police_report_are_also_crisis(topics: tuple[Topic, ...]) -> None:
    """Security leads; road accidents and deaths on the roads keep crisis (the «حوادث» page) beside it."""
    text = POLICE_NOWRUZ + " تصادفات جرحی ۳۰ درصد کم شد، تصادف فوتی رخ نداد و ۴ مصدوم به درمانگاه رفتند."
    assert suggest_topics(text, topics) == ["security", "crisis"]
    assert suggest_topics(POLICE_NOWRUZ + " یک تصادف رخ داد.", topics) == ["security"]


RELIEF_JOBS = (
    "اهدای جهیزیه به ۶۰۰ زوج جوان مددجو\n\n"
    "مدیرکل کمیته امداد گفت: به ۶۰۰ زوج جوان از خانواده‌های مددجو کمک هزینه جهیزیه پرداخت شد و "
    "بیمه درمان تکمیلی مددجویان و کمک به سالمندان تنها ادامه دارد."
)


def test_jobs_for_a_relief_agencys_families_are_also_economy(topics: tuple[Topic, ...]) -> None:
    """Welfare leads; loans, jobs and home businesses for the families it supports keep economy beside it."""
    text = RELIEF_JOBS + " با پرداخت تسهیلات، برای ۲۰۰ مددجو شغل ایجاد شد و مشاغل خانگی آنان درآمد پایدار دارد."
    assert suggest_topics(text, topics) == ["welfare", "economy"]
    assert suggest_topics(RELIEF_JOBS + " تسهیلات ازدواج نیز پرداخت شد.", topics) == ["welfare"]


def test_the_blood_money_fund_freeing_prisoners_is_welfare_beside_the_court(topics: tuple[Topic, ...]) -> None:
    """«ستاد دیه», the charity that frees debtors, names a welfare institution: a strong keyword."""
    text = (
        "آزادی ۴۰ زندانی با کمک خیرین\n\n"
        "رئیس کل دادگستری گفت: با کمک ستاد دیه و خیرین، ۴۰ زندانی جرائم غیرعمد که به دلیل ناتوانی در "
        "پرداخت دیه در زندان بودند آزاد شدند؛ قضات در جرائم سبک از مجازات جایگزین حبس استفاده می‌کنند."
    )
    assert suggest_topics(text, topics, org_name="دادگستری کل استان ایلام") == ["security", "welfare"]


def test_currency_is_not_value(topics: tuple[Topic, ...]) -> None:
    """«ارزش» (value) is not «ارز» (currency) + a possessive: no economy from «به ارزش …» alone."""
    assert topic_scores("به ارزش ۲۰ میلیارد ریال", topics, title="") == {}
    assert topic_scores("نرخ ارز", topics, title="") == {"economy": 1.0}


@pytest.mark.parametrize(
    ("phrase", "topic", "strong"),
    [
        ("ستاد تنظیم بازار", "economy", True),
        ("منطقه آزاد تجاری", "economy", True),
        ("فروش", "economy", False),
        ("کسب‌وکار", "economy", False),
        ("خوداشتغالی", "economy", False),
        ("میلیون دلار", "economy", False),
        ("تسهیلات کم‌بهره", "economy", False),
        ("تصادفات جاده‌ای", "crisis", True),
        ("حوادث رانندگی", "crisis", True),
        ("تصادفات جرحی", "crisis", False),
        ("سفر استاندار", "governance", True),
        ("بهای", "economy", False),
        ("دلالان", "economy", False),
        ("نرخ مصوب", "economy", False),
        ("ستاد دیه", "welfare", True),
        ("محکومان مالی", "welfare", False),
    ],
)
def test_keyword_families_of_administrative_news(
    phrase: str, topic: str, strong: bool, topics: tuple[Topic, ...]
) -> None:
    """Phrasings of Iranian administrative news score for their beat, strong ones three times."""
    assert topic_scores(phrase, topics, title="") == {topic: 3.0 if strong else 1.0}


FLOOD = (
    "سیلاب در بخش کلات\n\n"
    "بارش شدید باران موجب جاری شدن سیلاب شد. نجاتگران هلال احمر ۴۰ نفر را به محل اسکان اضطراری "
    "منتقل کردند و تیم‌های ارزیاب خسارت در منطقه حاضرند."
)


def test_a_broad_secondary_beat_with_a_strong_keyword_is_kept(topics: tuple[Topic, ...]) -> None:
    """Roads, bridges and asphalt damaged by a flood: infrastructure beside crisis, below the 0.4 floor."""
    text = FLOOD + " سه پل روستایی تخریب شد، آسفالت راه‌های روستایی شسته شد و ماشین‌آلات راهداری وارد منطقه شدند."
    scores = topic_scores(text, topics)
    assert 0.3 * scores["crisis"] <= scores["infrastructure"] < 0.4 * scores["crisis"]
    assert suggest_topics(text, topics) == ["crisis", "infrastructure"]


def test_generic_project_words_do_not_make_a_secondary_beat(topics: tuple[Topic, ...]) -> None:
    """Five ordinary project words (no strong one) at the same share of the best are not broad evidence."""
    text = (
        FLOOD + " پروژه احداث دیوار ساحلی با عملیات اجرایی تازه ادامه دارد؛ بهره‌برداری از پروژه و احداث پل تا بهار است."
    )
    scores = topic_scores(text, topics)
    assert 0.3 * scores["crisis"] <= scores["infrastructure"] < 0.4 * scores["crisis"]
    assert suggest_topics(text, topics) == ["crisis"]


def test_never_more_than_three_topics(topics: tuple[Topic, ...]) -> None:
    """A release touching every beat still gets three topics, the best first."""
    text = (
        "افتتاح ۳۰۰ طرح عمرانی، بهداشتی، آموزشی، ورزشی و کشاورزی در هفته دولت\n\n"
        "در این طرح‌ها بیمارستان، مدرسه، ورزشگاه، گلخانه، شهرک صنعتی، پایانه مرزی، کتابخانه عمومی، "
        "اقامتگاه بوم‌گردی و پایگاه امداد و نجات هلال احمر افتتاح شد و اشتغال ۲ هزار نفر فراهم شد."
    )
    suggested = suggest_topics(text, topics)
    scores = topic_scores(text, topics)
    assert len(suggested) == 3
    assert [scores[s] for s in suggested] == sorted((scores[s] for s in suggested), reverse=True)


# ---------------------------------------------------------------------------------------------
# Morphology
# ---------------------------------------------------------------------------------------------

MORPHOLOGY_TOPICS = (
    Topic("village", "روستا", "روستا", ("روستا", "دانشجو")),
    Topic("hospital", "بیمارستان", "بیمارستان", ("بیمارستان", "کشاورز", "اعتبار")),
    Topic("council", "شورا", "شورا", ("نماینده", "مصوبه", "گلخانه")),
    Topic("water", "آب", "آب", ("آب", "سد")),
    Topic("farm", "کشاورزی", "کشاورزی", ("کشاورزی",)),
)


@pytest.mark.parametrize(
    ("word", "topic"),
    [
        ("روستاها", "village"),  # plural
        ("روستاهای", "village"),  # plural + ezafe
        (f"روستا{ZWNJ}هایشان", "village"),  # plural + possessive, with a half-space
        ("روستای", "village"),  # ezafe after a long vowel
        ("روستایی", "village"),  # adjective after a long vowel
        ("روستاییان", "village"),  # animate plural after a long vowel
        ("دانشجویان", "village"),
        ("بیمارستانی", "hospital"),  # adjective / indefinite after a consonant
        ("بیمارستانش", "hospital"),  # possessive
        ("بیمارستانشان", "hospital"),
        ("کشاورزان", "hospital"),  # animate plural
        ("اعتبارات", "hospital"),  # Arabic plural «ات»
        ("نمایندگان", "council"),  # «ه» → «گان»
        ("مصوبات", "council"),  # «ه» → «ات»
        (f"گلخانه{ZWNJ}ای", "council"),  # indefinite after a silent «ه»
        ("گلخانهای", "council"),
        ("گلخانه ها", "council"),  # plural typed after a space
        (f"کشاورزی{ZWNJ}ای", "farm"),  # indefinite after «ی»
    ],
)
def test_inflected_forms_count_for_their_keyword(word: str, topic: str) -> None:
    """Each inflected form of a keyword's last word scores for that keyword's topic."""
    assert set(topic_scores(word, MORPHOLOGY_TOPICS, title="")) == {topic}


@pytest.mark.parametrize("word", ["آبان", "آبی", "سدی", "سدش"])
def test_short_words_do_not_grow_into_other_words(word: str) -> None:
    """Two-letter keywords take plurals only: «آب» is not «آبان» (the month), nor «سد» «سدی»."""
    assert topic_scores(word, MORPHOLOGY_TOPICS, title="") == {}
    assert topic_scores(f"{word[:2]}ها", MORPHOLOGY_TOPICS, title="") == {"water": 1.0}


@pytest.mark.parametrize(("keyword", "other_word"), [("ارز", "ارزش"), ("سیل", "سیلی"), ("مرتع", "مرتعش")])
def test_a_generated_form_that_is_another_word_is_not_generated(keyword: str, other_word: str) -> None:
    """«ارزش» (value), «سیلی» (a slap), «مرتعش» (trembling) are words of their own, not forms of a keyword."""
    custom = (Topic("t", keyword, keyword, (keyword,)),)
    assert topic_scores(other_word, custom, title="") == {}
    assert topic_scores(f"{keyword}ها", custom, title="") == {"t": 1.0}


def test_a_keyword_of_another_topic_beats_a_generated_form() -> None:
    """«کشتی» listed for sports is wrestling, not «کشت» + «ی», and an explicit keyword is never shadowed."""
    custom = (Topic("farm", "کشت", "کشت", ("کشت",)), Topic("sport", "کشتی", "کشتی", ("کشتی",)))
    assert set(topic_scores("کشتی", custom, title="")) == {"sport"}
    assert set(topic_scores("کشتش", custom, title="")) == {"farm"}
