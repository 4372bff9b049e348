"""Credits and promotions around a story: photo and wire credits, contact lines, calls to
subscribe, follow or share, reprint and affiliate notices, "Related:" teasers."""

from __future__ import annotations

import re

from indexer.clean.chrome.rules import Rule, Table

# Sentences news sites add around a story, known by how they start: credits, contact lines,
# teasers, captions, cookie, privacy and affiliate notices, a wire's note on a new version.
CREDITS = Table(
    "credits",
    (
        Rule(
            # names someone: "Reporting by Jane Doe; Editing by John Roe" (not "editing by hand, ...")
            "credit line",
            r"\(?(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|translated)\s+by\s+(?-i:[A-Z]).{0,300}$",
            takes=(
                "Reporting by Jane Doe; Editing by John Roe",
                "(Additional reporting by Ann Lee in Astana)",
            ),
            spares=("Editing by hand, the clerks fixed the treaty text.",),
        ),
        Rule(
            "contact line",
            r"(?:write\s+to|e-?mail|contact|reach)\s.{0,120}(?:@|\bat\s+\S+@)"
            r"|terms\s+of\s+submitting\s+this\s+form\b|e-?mail\s*:\s*\S+@\S+$",
            takes=("Write to Jane Doe at jane.doe@example.com", "Email: desk@example.com"),
            spares=("Contact between the two delegations resumed on Monday.",),
        ),
        Rule(
            "newsroom footer",  # "Our Standards: ...", "Reach the reporters at ...", a reprint notice
            r"our\s+standards\s*:|(?:reach|contact|email|follow)\s+(?:the\s+)?(?:reporters?|writers?|authors?)\b"
            r"|this\s+(?:copy|article|material)\s+is\s+for\s+your\s+personal\b|follow\s+@\w+\s+on\s+\w+",
            takes=("Our Standards: The Thomson Reuters Trust Principles.", "Follow @dipnews on Twitter"),
            spares=("Our standards of living rose, the minister said.",),
        ),
        Rule(
            "teaser label",
            r"(?:related(?:\s+(?:reading|content|articles?|stories|posts?))?|more|read(?:\s+(?:more|also|next))?"
            r"|see\s+also|(?:can\s+)?also\s+(?:on|read)|source|tags?|topics?"
            r"|you\s+(?:might|may)\s+also\s+(?:like|enjoy|be\s+interested(?:\s+in)?)"
            r"|(?:[àa]\s+)?lire\s+aussi|leia\s+tamb[ée]m|lea\s+tambi[ée]n|ver\s+tambi[ée]n|mehr\s+zum\s+thema)\s*:"
            # ... and as a list's item: "- Don't Miss: <teaser>", "- Also Check: <teaser>"
            r"|(?:[-*\u2022]\s+)?(?:don['\u2019]?t\s+miss|also\s+check(?:\s+out)?|related|read\s+(?:more|also|next)"
            r"|see\s+also)\s*:"
            r"|opens\s+in\s+a\s+new\s+(?:window|tab)\W*$"
            r"|also\s+on\s+[\w-]+\.[a-z]{2,}\b",  # "Also on example.com <teaser>"
            takes=(
                "Related: Tokayev meets Sharif in Astana",
                "Read more: the 37 agreements",
                "- Don't Miss: A new road",
            ),
            spares=("More than 37 agreements were signed.", "Source of the leak remains unknown."),
        ),
        Rule(
            "link to more",
            # a button's label: "Learn more about the Wharton MBA Program" (a sentence ends, or goes on
            # after ":")
            r"(?:learn|find\s+out|read|see|discover)\s+more\s+(?:about|on)\s[^.!?:]{1,80}$"
            # ... also as a sentence sending the reader to another of the site's pages
            r"|(?:learn|find\s+out|read)\s+more\s+about\s[^.!?:]{1,80}\s(?:in|on)\s+our\s+(?:[\w'\u2019-]+\s+){0,4}"
            r"(?:series|guide|article|post|report|explainer|coverage|section|blog|newsletter|podcast|course|hub)\.?$"
            r"|read\s+our\s+(?:full\s+)?[^.!?:]{1,80}\sreview$"  # "Read our full Acme Cam 4 review"
            # a newsletter's own pitch: "The Brief is a weekly newsletter for trade readers."
            r"|(?:the\s+)?[\w'\u2019 -]{1,40}\s+is\s+(?:a|our)\s+(?:free\s+)?(?:weekly|daily|monthly)\s+"
            r"(?:e-?mail\s+)?newsletter\b",
            takes=(
                "Learn more about the Wharton MBA Program",
                "The Brief is a weekly newsletter for trade readers.",
            ),
            spares=("Learn more about the talks, officials said, was not possible.",),
        ),
        Rule(
            # a photo agency's caption, its place and day in capitals first: "WASHINGTON - NOVEMBER 10: White
            # House Chief of Staff Rahm Emanuel addresses ... November 10, 2009 in Washington, DC." (a
            # dateline has no colon after its day: "WASHINGTON, Nov 10 (Reuters) -")
            "agency caption",
            r"(?-i:[A-Z][A-Z.'\u2019]+(?:[ -][A-Z][A-Z.'\u2019]+)*"
            r"(?:,\s+[A-Z][A-Z.'\u2019]+(?:\s+[A-Z][A-Z.'\u2019]+)*)?"
            r"\s+[-\u2013\u2014]\s+(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER"
            r"|DECEMBER)\s+\d{1,2}:\s)",
            takes=(
                "WASHINGTON - NOVEMBER 10: White House Chief of Staff Rahm Emanuel addresses the assembly",
                "LONDON, ENGLAND - JULY 04:  Kim Sears watches on from Centre court",
            ),
            spares=(
                "WASHINGTON - The Senate confirmed four ambassadors on Thursday.",
                "WASHINGTON, Nov 10 (Reuters) - The Senate confirmed four ambassadors.",
            ),
        ),
        Rule(
            "caption and photo credit",
            r"\d+\s+of\s+\d+\s+(?-i:[A-Z])"  # a gallery's: "3 of 4 A shopper looks at ..."
            r"|in\s+this\s+(?:[\w,.]+\s+){0,8}?(?:file\s+)?(?:photo|image|picture)\b"
            r"|(?:file\s+)?(?:photo|image|picture|photograph)\s*(?:credit)?\s*:"
            r"|\((?:AP|AFP|Reuters|Getty|EPA|Xinhua)\s+(?:Photo|Images?)\b[^)]*\)\s*$"
            r"|\S+(?:\s\S+)?\s+via\s+getty\s+images$|(?:[-*\u2022]\s+)?\|?\s*(?:(?:image|photo)\s*(?:credits?)?|credits?)\s*:.{0,60}$"
            r"|photo\s+by\b.{0,100}$"
            # saying where its picture stands: "Above: the harbour at Reykjavik", "Left: ... Right: ..."
            r"|(?:above|below|left|right|top|bottom|pictured)\s*:\s"
            r"|courtesy(?:\s+of)?\s+(?-i:[A-Z])[\w.&'\u2019 -]{0,40}$"
            r"|(?:photo(?:graph)?s|illustrations?|graphics?|images?|video|artwork)\s+(?:by|courtesy\s+of)\s+(?-i:[A-Z]).{0,100}$",
            takes=(
                "3 of 4 A shopper looks at prices",
                "In this file photo, the minister speaks",
                "Photo: Jane Doe",
                "(AP Photo/Ann Lee)",
                "Courtesy of NASA",
                "Above: the harbour at Reykjavik",
            ),
            spares=(
                "Photographs of the signing were released by Tashkent.",
                "3 of the 37 agreements cover transport.",
            ),
        ),
        Rule(
            "cookie notice",
            r"(?:this\s+(?:web)?site|we)\s+uses?\s+cookies\b|manage\s+(?:consent|cookies)(?:\s+preferences)?$"
            # ... asking leave for some ("With your permission, we will use AT internet and Hotjar
            # cookies to ..."), and pointing to more about them
            r"|(?:with\s+your\s+(?:permission|consent),\s+)?we\s+(?:will\s+|would\s+like\s+to\s+|also\s+)?use"
            r"\s+(?:[\w-]+\s+){0,4}cookies\b"
            r"|(?:to\s+(?:get|find\s+out|learn)|for)\s+more\s+(?:information\s+)?about\s+(?:these|our|the)\s+cookies\b"
            # ... and a consent form's cookie categories ("Functional cookies help to ...")
            r"|(?:strictly\s+)?(?:necessary|essential|functional|performance|analytic(?:al|s)?|advertisement"
            r"|advertising|marketing|targeting|preferences?|statistics?|other\s+uncategori[sz]ed)\s+cookies\s+"
            r"(?:are\s+(?:used|set|stored|absolutely|essential|necessary|required|needed|those)|help|ensure|allow|enable"
            r"|collect|track|may)\b",
            takes=(
                "This website uses cookies to improve your experience.",
                "Functional cookies help to perform",
                "With your permission, we will use AT internet and Hotjar cookies to produce aggregated data",
                "To get more information about these cookies, how and why we use them, check our policy page",
            ),
            spares=(
                "We use every channel to reach Kabul, the envoy said.",
                "We will use all the tools we have, including sanctions, the minister said.",
            ),
        ),
        Rule(
            "privacy notice",
            r"your\s+privacy\s+is\s+important\s+to\s+us|we\s+have\s+updated\s+our\s+privacy\s+policy",
            takes=("Your privacy is important to us.", "We have updated our privacy policy."),
            spares=("Your privacy law is weak, the commissioner told Brussels.",),
        ),
        Rule(
            "affiliate notice",
            r"(?:we|this\s+site|[\w.]+\s+is\s+supported\s+by)\b.{0,60}\b(?:commissions?|affiliate)\b.{0,120}$"
            r"|(?:note\s*:\s*)?(?:some\s+|our\s+|this\s+)?(?:posts?|articles?|pages?|links?)\s+(?:may\s+)?contains?\s+affiliate\s+links\b"
            r"|as\s+an\s+amazon\s+associate\b",
            takes=(
                "We may earn a commission from links on this page.",
                "This post contains affiliate links.",
            ),
            spares=("The European Commission opened talks with Astana.",),
        ),
        Rule(
            # "(Adds minister's comments in paragraph 5)", "(Corrects 10th paragraph ...)"
            "wire version note",
            r"\((?:corrects?|updates?|adds?|recasts?|refiles?|rewrites?|changes?)\b[^()]{0,200}\)(?:\s*reuters?)?\.?$",
            takes=("(Adds minister's comments in paragraph 5)", "(Updates with talks' outcome)"),
            spares=("(Updates to the treaty) were agreed in Geneva on Friday.",),
        ),
        Rule(
            "sign-up note",  # after signing up: "Check your email to complete signup"
            r"check\s+your\s+(?:e-?mail|inbox)\s+(?:to|for)\s+(?:complete|confirm|finish)\b[^.!?]{0,60}[.!]?$",
            takes=("Check your email to complete signup",),
            spares=("Check your email to complete signup. Then read the treaty text we sent you in full.",),
        ),
        Rule(
            # "By clicking Get Started below, I consent to receive ...", "By signing up, you agree ..."
            "form consent",
            r"by\s+(?:clicking|submitting|signing\s+up|subscribing|registering|providing|entering\s+your\s+e-?mail)\b.{0,200}?"
            r"\b(?:i|you)\s+(?:hereby\s+)?(?:consent|agree|acknowledge|certify|confirm)\b",
            takes=("By signing up, you agree to our Terms of Use.",),
            spares=("By signing the deal, both sides agreed to cut tariffs.",),
        ),
    ),
    before="^",
)


# More of them, found by what is anywhere in the line rather than by how it starts. A
# pattern that may start anywhere costs a try at every character of every line, so each
# is matched only on lines holding one of its words (lowercased), which most lines do not.
_CREDIT_ANYWHERE = tuple(
    (words, re.compile(pattern, re.IGNORECASE))
    for words, pattern in (
        (("forwarded",), r"^.{0,60}\bforwarded\s+to\s+you\?\s+sign\s+up\b"),
        (("getty",), r".*\bgetty\s+images\)?\.?$"),
        (("photo",), r".*\|\s*photo\s+by\b"),
        # "Jane Doe, left, and ..."
        (
            ("left,", "right,", "center,", "centre,"),
            r".*\b(?-i:[A-Z])[\w.'\u2019-]*,\s(?:left|right|center|centre|second\s+(?:from\s+)?(?:left|right)),\s",
        ),
        # a post's meta line ("05/10/2018 - Posted by: Ann Lee - Category: Health - Tags: ...")
        (
            (":",),
            r"^.{0,40}\b(?:published|posted|publicado|publicada|publié|veröffentlicht)\s+(?:by|por|par|von)\b"
            r".{0,80}\b(?:categor\w*|tags?)\s*:",
        ),
        # a comment section's moderation notice: "Comments are moderated", "... will not be
        # approved by the moderator" (not "the moderator cut off the candidates' comments")
        (
            ("modera", "modéra"),
            r".*\bcomments?\s+(?:are|is|will\s+be|may\s+be|get)\s+(?:\w+\s+){0,2}(?:moderated|reviewed)\b"
            r"|.*\b(?:approved|published|removed|deleted|aprovad[oa]s?|publicad[oa]s?|aprobad[oa]s?|approuvée?s?"
            r"|publiée?s?)\s+(?:by|pelo|pela|por\s+el|por\s+la|par\s+les?|par\s+la)\s+(?:(?:a|the|our)\s+)?"
            r"(?:moderat(?:ors?|ion)|moderador(?:es)?|modera[cç][aã]o|modérat(?:eurs?|ion))\b",
        ),
        # ... and its rules: "Read our Comment Policy before posting."
        (
            ("comment policy", "commenting policy", "comment guidelines", "commenting guidelines"),
            r".*\bread\s+our\s+comment(?:ing)?\s+(?:policy|guidelines)\b",
        ),
        # an investment writer's disclosure: "Jane Doe has no position in any of the stocks
        # mentioned. The Fool has positions in and recommends ...", "... has a disclosure policy."
        (
            ("position", "disclosure policy"),
            r"^.{0,80}?\b(?:has|have|holds?)\s+no\s+positions?\s+in\s+(?:any\s+of\s+)?the\s+"
            r"(?:stocks?|securities|companies|shares)\s+mentioned\b|.*\bhas\s+a\s+disclosure\s+policy\b",
        ),
        # a form's consent line
        (
            ("agree",),
            r"^.{0,40}?\bagree\s+to\s+(?:our|the)\s+(?:terms\s+(?:&|and)\s+conditions|terms\s+of\s+(?:use|service)"
            r"|privacy\s+policy)\b.{0,80}$",
        ),
    )
)


_CREDIT_HINT = re.compile("|".join(re.escape(word) for words, _ in _CREDIT_ANYWHERE for word in words))


def _is_credit_anywhere(line: str, lowered: str) -> bool:
    """Whether one of `_CREDIT_ANYWHERE`'s patterns whose words the line holds matches it."""
    return any(pattern.match(line) for words, pattern in _CREDIT_ANYWHERE if any(w in lowered for w in words))


# Promotions anywhere in a line, matched on the lowercased line: a pattern that ignores case
# cannot skip ahead to the letters its words start with, and this one runs on most lines.
PROMOTIONS = Table(
    "promotions",
    (
        Rule(
            "subscribe and sign up",
            r"\b(?:subscribe\s+(?:to\s+(?:our|the|[\w.]+['\u2019]s)\s+(?:\w+\s+)?(?:newsletters?|channel|podcast)|now|today|here)"
            r"|sign\s+up\s+(?:for\s+(?:our|the)\s+(?:\w+\s+)?newsletter|now|today|here)"
            r"|sign\s+up\s+for\s+.{1,60}?\bnewsletter|request\s+reprints?"
            # not "join the European Community"
            r"|join\s+our\s+(?:\w+\s+){0,2}(?:forums?|community|discord)\b"
            r"|subscribe\s+to\s+our\s+(?:[\w\"'\u201c\u201d]+\s+){0,5}(?:magazine|newsletters?|channel|podcast)"
            r"|subscribe\s+to\s+[^.,;]{1,40},\s+(?:a|an|our)\s+(?:free\s+)?(?:[\w-]+\s+){0,2}newsletter"
            r"|subscribe\s+to\s+\S+\s+on\s+(?:youtube|twitter|x|facebook|instagram|telegram|tiktok)\b"
            r"|subscribe\s+below\b|to\s+unsubscribe\s+at\s+any\s+time)",
            takes=("Subscribe to our newsletter for more.", "Sign up for the Asia Brief newsletter here."),
            spares=(
                "The ministers agreed to subscribe to the charter.",
                "Uzbekistan will join the European Community talks.",
            ),
        ),
        Rule(
            "click here",
            # a link's call, alone or after one short sentence ("Do you rely on our reporting? Click here
            # to support it."); not "Click here to download the form. You must sign in ...", whose
            # instructions go on
            r"\b(?:^(?:[^.!?]{1,80}[.!?]\s+)?click\s+here\b[^.!?]{0,100}[.!]?$)",
            takes=(
                "Click here to read the full statement.",
                "Do you rely on our reporting? Click here to support it.",
            ),
            spares=("Click here to download the form. You must sign in with your passport number first.",),
        ),
        Rule(
            "follow and share",
            r"\b(?:follow\s+(?:us|@\w+|\w+\s+on\s+twitter)|share\s+it\s+with\s+a\s+friend"
            r"|follow\s+.{0,40}\bfull\s+coverage\s+of|follow\s+(?:me|us)\s+on\b|join\s+(?:me|us)\s+on\s+\w+"
            r"|join\s+(?:our|the|my)\s+(?:\w+\s+)?(?:mailing\s+list|newsletter|facebook\s+group))",
            takes=("Follow us on Telegram for updates.", "Join us on WhatsApp"),
            spares=("Follow-up talks will be held in Baku.", "Ministers will follow the summit's agenda."),
        ),
        Rule(
            "apps and reprints",
            r"\b(?:get\s+the\s+.{1,30}\s+app\b|order\s+reprints|print\s+article"
            r"|^download\s+(?:and\s+subscribe\s+to\s+)?(?:the|our)\s+[^.!?]{1,40}\bapp\b"
            r"|for\s+your\s+personal,\s+non-commercial\s+use|an\s+error\s+has\s+occurred|this\s+article\s+has\s+been\s+sent)",
            takes=("Get the Dipnews app for iOS", "Order reprints", "Download our news app"),
            spares=("The app was banned in Kazakhstan last year.",),
        ),
        Rule(
            "teasers of other pages",
            # one sentence: "Find out which ports Norway uses to keep its fish trade flowing.", "See which app
            # Acme uses ...", "Check out another visa guide, ..."
            # ("See how it looks:" leads in)
            r"\b(?:^(?:find\s+out|see)\s+(?:which|how|what|why)\s[^.!?:]{1,120}[.!]?$"
            r"|^check\s+out\s+(?:another|our\s+other|more\s+of\s+our)\b[^.!?]{1,120}[.!]?$"
            r"|^take\s+our\s+(?:quick\s+|free\s+|short\s+)*(?:quiz|survey|test|assessment)\b"
            r"|\brefer\s+to\s+our\s+(?:[\w'\u2019-]+\s+){0,5}(?:guide|article|post|page|series)\.?$"
            r"|^do\s+you\s+have\s+(?:an?\s+)?(?:issue|problem|tip|story|complaint)\b[^?]{0,120}\?"
            r"|^(?:[^.!?]{1,60}[.!?]\s+)?shop\s+our\b"
            # an ad: "Are you looking to ...? Try Acme"
            r"|^are\s+you\s+looking\s+(?:to|for)\b[^?]{1,120}\?\s+try\b"
            r"|have\s+a\s+(?:news\s+)?tip\?|enjoyed\s+(?:the|this)\s+(?:article|post|piece|story)\?"
            r"|thanks\s+for\s+reading\b[^.!?]{0,60}[.!]\s+(?:subscribe|share)\b)",
            takes=(
                "Find out which ports Norway uses to keep its fish trade flowing.",
                "Have a tip?",
                "Take our quiz",
            ),
            spares=(
                "See how it looks:",
                "Find out which ports were used, the inspectors were told. Then they left.",
            ),
        ),
        Rule(
            "affiliate and forms",
            r"\b(?:(?:may|might)\s+(?:get|earn|receive)\s+(?:an?\s+)?(?:small\s+)?"
            r"(?:share\s+of\s+(?:the\s+)?(?:sale|revenue)|(?:affiliate\s+)?commission)"
            r"|your\s+submission\s+has\s+been\s+received|something\s+went\s+wrong\s+while\s+submitting"
            r"|sign\s+in\s+to\s+(?:save|track|continue|comment|keep\s+reading)\b"
            r"|no\s+credit\s+card\s+required|(?:book|request|schedule)\s+(?:a|your)\s+(?:free\s+)?(?:personali[sz]ed\s+)?demo\b"
            r"|get\s+(?:new|our\s+latest)\s+(?:content|posts|articles)\s+delivered|stay\s+up\s+to\s+date\s+with\s+our"
            r"|delivered\s+(?:straight\s+|right\s+|directly\s+)?(?:to|in|into)\s+your\s+inbox"
            r"|^fill\s+out\s+(?:the|this|our)\s+form\b)",
            takes=(
                "We may earn a commission if you buy.",
                "Your submission has been received!",
                "Sign in to keep reading",
            ),
            spares=("The bank may earn a larger share of the market.",),
        ),
        Rule(
            "donations",
            r"\b(?:^support\s+(?:us|our\s+(?:work|journalism|mission|reporting|newsroom)|independent\s+journalism|\w+\s+so\s+we)\b"
            r"|(?:^|[.!?]\s+)donate\s+(?:now|today|here)\W*$|^(?:please\s+)?(?:make\s+a\s+(?:tax-deductible\s+)?donation"
            r"|become\s+a\s+(?:member|supporter|patron))\b"
            r"|\breader[-\s](?:supported|funded)\b|\breader\s+donations\b|\bsmall\s+favou?r\s+to\s+ask\b"
            r"|^a\s+word\s+to\s+our\s+(?:loyal\s+)?readers\b)",
            takes=("Support independent journalism today.", "Donate now", "Become a member"),
            spares=("Support for the deal grew in both parliaments.",),
        ),
    ),
    flags=0,
    how="search",
    lowered=True,
)


_PROMOTION_MAX_WORDS = 40


# a photo's credit inside a line, which ends its caption: "(AP photo by Susan Walsh)", "(Photo: VNA)", "(PTI
# Photo/Kamal Singh)", "| Photo Credit: PTI", "Win McNamee/Getty Images". Events read a caption before it
# (indexer/enrich/events.py); the line is no chrome, as a caption can tell what the story reports ("...
# exchange the MoU after their talks in Hanoi on December 14. (Photo: VNA)")
PHOTO_CREDIT = re.compile(
    r"\([^()]{0,30}\bphotos?\b[^()]{0,60}\)|\|\s*photo credit:\s*\w+|(?:\bvia |/)Getty Images\b",
    re.IGNORECASE,
)
# a photo's caption ending in its agency's credit: "... November 19, 2019. REUTERS/David Mercado"
_AGENCY_CREDIT = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|Anadolu|ANADOLU|Xinhua|XINHUA|Getty\s+Images|Bloomberg)\s*/\s*"
    r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}[\s\-\u2013\u2014)\]]*$"
)


def is_credit(line: str, lowered: str) -> bool:
    """A credit or notice around the story (by how it starts, by what it holds, a photo's agency)."""
    return bool(
        CREDITS.matches(line)
        or (_CREDIT_HINT.search(lowered) and _is_credit_anywhere(line, lowered))
        or ("/" in line and _AGENCY_CREDIT.search(line))
    )


def is_promotion(line: str, lowered: str) -> bool:
    """A promotion anywhere in a line of a few dozen words at most."""
    return len(line.split()) <= _PROMOTION_MAX_WORDS and PROMOTIONS.matches(line, lowered)
