"""Page chrome, line by line: what news sites print around a story and is not it.

Ads, menus, share and sign-up widgets, credits, captions, lone dates and
promotions are dropped wherever they stand; a closing marker ("Comments",
"Related stories", an author's bio) ends the story once most of its prose is
behind it. The HTML and the text-page paths drop the same lines.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import accumulate

from indexer.clean.bylines import is_bare_name, is_job_title
from indexer.clean.dates import parse_date_line
from indexer.clean.lines import folded_words, is_paragraph, word_count

# a category's name, each word capitalised but the small ones: "Smart Contract", "Arts and Culture"
_CATEGORY = r"(?-i:[A-Z])[\w&'\u2019-]*(?:\s+(?:(?-i:[A-Z])[\w&'\u2019-]*|and|of|the|&))*"
# Lines that are page chrome whatever page they are on: ads, toggles, menus,
# share and comment widgets, footers.
_CHROME = re.compile(
    r"^[\s\-\u2013\u2014|•·*]*(?:"
    r"(?:adsense\s+)?advertisements?|sponsored(?:\s+content)?|ad|ads|promoted"
    r"|(?:advertisement|sponsored|paid\s+post)\s*:.{1,80}"  # an ad's label: "Advertisement: New AI Book!"
    r"|dark\s+mode|light\s+mode|logo|menu|main\s+menu|search|home|close|toggle\s+navigation|text\s+size|by"
    r"|(?:show|open|close|hide|toggle)\s*menu"
    r"|categor(?:y|ies|ias|ías)"
    r"|\d+\s+min(?:ute)?s?(?:\s+read)?|enter\s+(?:your\s+)?search\s+terms?"  # a reading time, a search box
    # an AP wire slug: "BC-EU--Britain-Brexit-Election, 1st Ld-Writethru"
    r"|(?-i:BC-[A-Z]{2,3}-+[\w-]+)(?:,\s*\d*\w*\s*(?:Ld-)?Writethru)?"
    r"|(?:share\s+(?:on|via)\s+\w+\s*){2,}"  # a row of share buttons: "Share on Facebook Share on Twitter"
    r"|skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|footer|search|table\s+of\s+contents?)|main\s+content|continue\s+reading(?:\s+(?:below|the\s+(?:main\s+)?story))?|share(?:\s+this(?:\s+article)?)?(?:\s+(?:on|via)\s+\w+)?|print|email|tweet|whatsapp"
    r"|subscribe(?:\s+now)?|sign\s+in|sign\s+up|log\s*in|log\s*out|register|newsletter"
    r"|comments?|comment\s*/\s*reply\s+from|reply|leave\s+a\s+(?:reply|comment)|post\s+comment"
    r"|flag\s+as\s+(?:offensive|inappropriate)|report\s+(?:abuse|comment|this\s+comment)"
    r"|expand\s+full\s+comment|\d+\s+(?:more\s+)?repl(?:y|ies)(?:\s+by\s+.{1,60})?|liked\s+by\s+[^.,;!?]{1,40}"
    r"|\d{1,2}[smhdw]"  # a comment's age: "8d", "3h"
    # a link to the previous or next post ("Next" alone is also a story's subheading)
    r"|(?:previous|older|newer)(?:\s+(?:posts?|articles?|entries|stories|story|page))?"
    r"|next\s+(?:posts?|articles?|entries|stories|story|page)"
    r"|read\s+more|read\s+also|see\s+also|related(?:\s+(?:articles|posts|news|stories))?"
    r"|more\s+stories|trending|most\s+read|popular|latest(?:\s+news)?|top\s+stories"
    r"|follow(?:\s+us)?(?:\s+on\s+\w+)?|tags?:.*|filed\s+under:.*|categories?:.*"
    # a post's categories, each capitalised: "Published in Design , Layout", "Posted in News"
    r"|(?:published|posted|filed)\s+in\s+" + _CATEGORY + r"(?:\s*,\s*" + _CATEGORY + r"){0,8}"
    r"|(?:archivado\s+en|arquivado\s+em|class[ée]\s+dans|abgelegt\s+unter|etiquetas|schlagw[öo]rter)\s*:.*"
    r"|follow\s+\S+(?:\s+\S+)?\s+on|give\s+(?:us\s+)?feedback"
    r"|(?:stay\s+)?connect(?:ed)?\s+with\s+us|get\s+(?:the|our)\s+(?:\w+\s+)?newsletter|contact\s+us|let\s+us\s+help"
    # calls to action, as buttons: "Learn more", "Get started today", "Share your story"
    r"|learn\s+more|find\s+out\s+more|get\s+started(?:\s+(?:today|now|for\s+free))?|apply\s+now|get\s+in\s+touch"
    r"|contact\s+us\s+today|get\s+a\s+(?:free\s+)?quote|get\s+your\s+(?:free\s+)?copy(?:\s+(?:today|now))?|share\s+your\s+story|add\s+a\s+comment|subscribe\s+to\s+this\s+site"
    r"|all\s+rights\s+reserved.*|copyright\b.*|\u00a9.*|privacy\s+policy|terms\s+of\s+(?:use|service)"
    r"|cookie.*|accept(?:\s+all)?|accessibility|facebook|twitter|x|linkedin|instagram|youtube|telegram"
    r"|table\s+of\s+contents?(?:\s+(?:show|hide|toggle))?|in\s+this\s+article|share\s+this\s+(?:post|story|page|content)|like\s+this\s*:|back\s+to\s+(?:blog|top|news)"
    r"|back\s+to\s+(?:our|the|all)\s+(?:[\w'\u2019&-]+\s*){1,6}|let['\u2019]?s\s+get\s+started|contact\s+info(?:rmation)?"
    r"|shop\s+(?:[\w'\u2019&+-]+\s+){1,6}now"
    r"|(?:#[^\W\d_][\w-]*\s*){1,8}"  # hashtags alone: "#ai", "#ukraine #diplomacy"
    r"|listen\s+to\s+(?:this|the)\s+(?:article|story)(?:\s+in\s+[\w\s]{1,30})?"  # an audio player's label
    r"|you\s+are\s+here|(?:estimated\s+)?reading\s+time|published|updated|last\s+updated(?:\s+on)?|written\s+by"
    r"|(?:written|reviewed|fact[-\s]checked|edited|posted)\s+by\s+[\w.' -]{1,40}"
    # a reading time, after a byline or a date, perhaps before one: "Dec 18, 2025 \u22c5 10 min read"
    r"|(?:[^.!?]{1,60}?\s*[\u22c5\u2014\u2013|\u00b7\u2022-]\s*)?\d+\s*min(?:ute)?s?\s+read"
    r"(?:\s*[\u22c5|\u00b7\u2022]\s*by\s+[\w.' -]{1,40})?"
    r")(?:\s*\(?opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)\)?)?[\s\-\u2013\u2014|•·*.:!]*$",
    re.IGNORECASE,
)
# Chrome that ends an article: what follows is comments, related links, newsletters.
# Headings over other stories ("Read this next") and prompts for a reader's rating ("Was this
# article helpful?"): they stand after the whole story, so they end it sooner than other markers
_AFTER_THE_STORY = (
    r"read\s+this\s+next|what\s+to\s+read\s+next|up\s+next"
    r"|(?:if\s+you\s+(?:liked|enjoyed)\s+this\s+(?:post|article|story),?\s+)?you\s+(?:might|may)\s+(?:also\s+)?(?:like|enjoy)"
    r"|recommended(?:\s+for\s+you)?"
    r"|related\s+(?:articles|posts|news|stories)|more\s+(?:[\w.'\u2019-]+\s+){0,3}(?:stories|news|articles|reads)"
    r"|in\s+case\s+you\s+missed\s+it|editors?'?\u2019?s?\s+picks"
    r"|(?:how\s+was\s+this\s+(?:issue|article|post)|was\s+this\s+(?:(?:article|page|post)\s+)?helpful)\??"
)
_MARKER_START = r"^[\s\-\u2013\u2014|•·*#]*"
_MARKER_END = r"[\s\-\u2013\u2014|•·*.:\uff1a]*$"  # \uff1a: a full-width colon
_END_OF_ARTICLE = re.compile(
    _MARKER_START
    + r"(?:\d+\s+)?(?:"
    + _AFTER_THE_STORY
    + r"|comments?|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment"
    r"|discussion\s+about\s+this\s+(?:post|article|story)|comments\s*restacks"  # Substack's comments
    # ... in other languages: comments, related stories, read also
    r"|comentar(?:ios)?|coment[aá]rios|commentaires?|kommentare?|commenti"
    r"|(?:noticias|art[ií]culos)\s+relacionad[oa]s|articles\s+li[ée]s|(?:[àa]\s+)?lire\s+aussi|leia\s+tamb[ée]m"
    r"|mehr\s+zum\s+thema|das\s+k[öo]nnte\s+sie\s+auch\s+interessieren"
    r"|関連記事|関連ニュース|相[关關](?:文章|新[闻聞]|[阅閱][读讀]|[报報][导導])|延伸[阅閱][读讀]|관련\s*(?:기사|뉴스)"
    r"|related(?:\s+(?:content|coverage))?|more\s+from\s.*"
    r"|read\s+(?:more|also|next)|most\s+(?:read|popular)"
    r"|trending(?:\s+now)?(?:\s+on\s.*)?|popular\s+(?:posts|stories|now)|tags?:?.*|sign\s+up\s+for.*newsletter.*"
    r"|(?:want|like)\s+more\s+stories.*|don'?\u2019?t\s+miss"
    r"|(?:view|show|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments?"
    r"|(?:did\s+you\s+)?(?:like|enjoy(?:ed)?)\s+this\s+(?:article|story|post)\??"
    r"|read\s+more\s+news\s+on\b.*"
    r"|you\s+(?:might|may)\s+also\s+be\s+interested\s+in\b.*|(?:recent|latest|popular)\s+(?:articles|posts|stories|blogs?)|related\s+topics"
    r"|(?:article\s+)?sources|about\s+the\s+author(?:\s*:.*)?|author|explore\s+more(?:\s.*)?|latest\s+updates(?:\s.*)?"
    r"|also\s+in\s+the\s+news|keep\s+exploring(?:\s+(?:this|the)\s+topic)?"
    # an author box or a sponsor's note after the story: "Reviewed by,", "A message from Jane Doe, CEO:"
    r"|(?:written|reviewed|fact[-\s]checked)\s+by,?|a\s+message\s+from\s.{1,60}:)" + _MARKER_END,
    re.IGNORECASE,
)
_OTHER_STORIES = re.compile(_MARKER_START + r"(?:" + _AFTER_THE_STORY + r")" + _MARKER_END, re.IGNORECASE)
# Sentences news sites add around a story: credits, contact lines, calls to subscribe,
# follow or share, reprint and affiliate notices, "Related:" teasers.
_CREDIT = re.compile(
    # a credit names someone: "Reporting by Jane Doe; Editing by John Roe" (not "editing by hand, ...")
    r"^\(?(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|translated)\s+by\s+(?-i:[A-Z]).{0,300}$"
    r"|^(?:write\s+to|e-?mail|contact|reach)\s.{0,120}(?:@|\bat\s+\S+@)"
    r"|^(?:related(?:\s+(?:reading|content|articles?|stories|posts?))?|more|read(?:\s+(?:more|also|next))?"
    r"|see\s+also|(?:can\s+)?also\s+(?:on|read)|source|tags?|topics?"
    r"|you\s+(?:might|may)\s+also\s+(?:like|enjoy|be\s+interested(?:\s+in)?)"
    r"|(?:[àa]\s+)?lire\s+aussi|leia\s+tamb[ée]m|lea\s+tambi[ée]n|ver\s+tambi[ée]n|mehr\s+zum\s+thema)\s*:"
    # ... and as a list's item: "- Don't Miss: <teaser>", "- Also Check: <teaser>"
    r"|^(?:[-*\u2022]\s+)?(?:don['\u2019]?t\s+miss|also\s+check(?:\s+out)?|related|read\s+(?:more|also|next)"
    r"|see\s+also)\s*:"
    r"|^opens\s+in\s+a\s+new\s+(?:window|tab)\W*$"
    r"|^also\s+on\s+[\w-]+\.[a-z]{2,}\b"  # "Also on example.com <teaser>"
    # a button's label: "Learn more about the Wharton MBA Program" (a sentence ends, or goes on after ":")
    r"|^(?:learn|find\s+out|read|see|discover)\s+more\s+(?:about|on)\s[^.!?:]{1,80}$"
    # ... also as a sentence sending the reader to another of the site's pages
    r"|^(?:learn|find\s+out|read)\s+more\s+about\s[^.!?:]{1,80}\s(?:in|on)\s+our\s+(?:[\w'\u2019-]+\s+){0,4}"
    r"(?:series|guide|article|post|report|explainer|coverage|section|blog|newsletter|podcast|course|hub)\.?$"
    # a link to another page: "Read our full Acme Cam 4 review"
    r"|^read\s+our\s+(?:full\s+)?[^.!?:]{1,80}\sreview$"
    # a newsletter's own pitch: "The Brief is a weekly newsletter for trade readers."
    r"|^(?:the\s+)?[\w'\u2019 -]{1,40}\s+is\s+(?:a|our)\s+(?:free\s+)?(?:weekly|daily|monthly)\s+"
    r"(?:e-?mail\s+)?newsletter\b"
    # photo captions and credits ("3 of 4 A shopper looks at ...": a gallery's)
    r"|^\d+\s+of\s+\d+\s+(?-i:[A-Z])"
    r"|^in\s+this\s+(?:[\w,.]+\s+){0,8}?(?:file\s+)?(?:photo|image|picture)\b"
    r"|^(?:file\s+)?(?:photo|image|picture|photograph)\s*(?:credit)?\s*:"
    r"|\((?:AP|AFP|Reuters|Getty|EPA|Xinhua)\s+(?:Photo|Images?)\b[^)]*\)\s*$"
    r"|^\S+(?:\s\S+)?\s+via\s+getty\s+images$|^(?:[-*\u2022]\s+)?\|?\s*(?:(?:image|photo)\s*(?:credits?)?|credits?)\s*:.{0,60}$"
    r"|^photo\s+by\b.{0,100}$"
    # a caption saying where its picture stands: "Above: the harbour at Reykjavik", "Left: ... Right: ..."
    r"|^(?:above|below|left|right|top|bottom|pictured)\s*:\s"
    r"|^courtesy(?:\s+of)?\s+(?-i:[A-Z])[\w.&'\u2019 -]{0,40}$"
    r"|^(?:photo(?:graph)?s|illustrations?|graphics?|images?|video|artwork)\s+(?:by|courtesy\s+of)\s+(?-i:[A-Z]).{0,100}$"
    # cookie notices
    r"|^(?:this\s+(?:web)?site|we)\s+uses?\s+cookies\b|^manage\s+(?:consent|cookies)(?:\s+preferences)?$"
    # ... and a consent form's cookie categories ("Functional cookies help to ...")
    r"|^(?:strictly\s+)?(?:necessary|essential|functional|performance|analytic(?:al|s)?|advertisement"
    r"|advertising|marketing|targeting|preferences?|statistics?|other\s+uncategori[sz]ed)\s+cookies\s+"
    r"(?:are\s+(?:used|set|stored|absolutely|essential|necessary|required|needed|those)|help|ensure|allow|enable"
    r"|collect|track|may)\b"
    # privacy notices
    r"|^your\s+privacy\s+is\s+important\s+to\s+us|^we\s+have\s+updated\s+our\s+privacy\s+policy"
    # a newsroom's footer lines ("Our Standards: ...", "Reach the reporters at ...", a reprint notice)
    r"|^our\s+standards\s*:|^(?:reach|contact|email|follow)\s+(?:the\s+)?(?:reporters?|writers?|authors?)\b"
    r"|^this\s+(?:copy|article|material)\s+is\s+for\s+your\s+personal\b|^follow\s+@\w+\s+on\s+\w+"
    # affiliate notices
    r"|^(?:we|this\s+site|[\w.]+\s+is\s+supported\s+by)\b.{0,60}\b(?:commissions?|affiliate)\b.{0,120}$"
    r"|^(?:note\s*:\s*)?(?:some\s+|our\s+|this\s+)?(?:posts?|articles?|pages?|links?)\s+(?:may\s+)?contains?\s+affiliate\s+links\b"
    r"|^as\s+an\s+amazon\s+associate\b"
    # a wire's note on a new version of the story: "(Adds minister's comments in paragraph 5)",
    # "(Corrects 10th paragraph to show ...)", "(Updates with talks' outcome)"
    r"|^\((?:corrects?|updates?|adds?|recasts?|refiles?|rewrites?|changes?)\b[^()]{0,200}\)(?:\s*reuters?)?\.?$"
    # a newsletter form's note after signing up: "Check your email to complete signup"
    r"|^check\s+your\s+(?:e-?mail|inbox)\s+(?:to|for)\s+(?:complete|confirm|finish)\b[^.!?]{0,60}[.!]?$"
    # a contact line
    r"|^terms\s+of\s+submitting\s+this\s+form\b|^e-?mail\s*:\s*\S+@\S+$"
    # a form's consent line: "By clicking Get Started below, I consent to receive ...",
    # "By signing up, you agree to our Terms of Use"
    r"|^by\s+(?:clicking|submitting|signing\s+up|subscribing|registering|providing|entering\s+your\s+e-?mail)\b.{0,200}?"
    r"\b(?:i|you)\s+(?:hereby\s+)?(?:consent|agree|acknowledge|certify|confirm)\b",
    re.IGNORECASE,
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
_PROMOTION = re.compile(
    r"\b(?:subscribe\s+(?:to\s+(?:our|the|[\w.]+['\u2019]s)\s+(?:\w+\s+)?(?:newsletters?|channel|podcast)|now|today|here)"
    r"|sign\s+up\s+(?:for\s+(?:our|the)\s+(?:\w+\s+)?newsletter|now|today|here)"
    r"|sign\s+up\s+for\s+.{1,60}?\bnewsletter|request\s+reprints?"
    r"|join\s+our\s+(?:\w+\s+){0,2}(?:forums?|community|discord)\b"  # not "join the European Community"
    r"|subscribe\s+to\s+our\s+(?:[\w\"'\u201c\u201d]+\s+){0,5}(?:magazine|newsletters?|channel|podcast)"
    r"|subscribe\s+to\s+[^.,;]{1,40},\s+(?:a|an|our)\s+(?:free\s+)?(?:[\w-]+\s+){0,2}newsletter"
    # a link's call, alone or after one short sentence ("Do you rely on our reporting? Click here to
    # support it."); not "Click here to download the form. You must sign in ...", whose instructions go on
    r"|^(?:[^.!?]{1,80}[.!?]\s+)?click\s+here\b[^.!?]{0,100}[.!]?$"
    r"|follow\s+(?:us|@\w+|\w+\s+on\s+twitter)|share\s+it\s+with\s+a\s+friend"
    r"|get\s+the\s+.{1,30}\s+app\b|order\s+reprints|print\s+article"
    r"|^download\s+(?:and\s+subscribe\s+to\s+)?(?:the|our)\s+[^.!?]{1,40}\bapp\b"
    # a teaser of another page, one sentence: "Find out which ports Norway uses to keep its fish
    # trade flowing.", "See which app Acme uses ...", "Check out another visa guide, ..."
    r"|^(?:find\s+out|see)\s+(?:which|how|what|why)\s[^.!?:]{1,120}[.!]?$"  # ("See how it looks:" leads in)
    r"|^check\s+out\s+(?:another|our\s+other|more\s+of\s+our)\b[^.!?]{1,120}[.!]?$"
    r"|^take\s+our\s+(?:quick\s+|free\s+|short\s+)*(?:quiz|survey|test|assessment)\b"
    r"|\brefer\s+to\s+our\s+(?:[\w'\u2019-]+\s+){0,5}(?:guide|article|post|page|series)\.?$"
    r"|^do\s+you\s+have\s+(?:an?\s+)?(?:issue|problem|tip|story|complaint)\b[^?]{0,120}\?"
    r"|^(?:[^.!?]{1,60}[.!?]\s+)?shop\s+our\b"
    # an ad: "Are you looking to ...? Try Acme AMP, ..."
    r"|^are\s+you\s+looking\s+(?:to|for)\b[^?]{1,120}\?\s+try\b"
    r"|for\s+your\s+personal,\s+non-commercial\s+use|an\s+error\s+has\s+occurred"
    r"|subscribe\s+to\s+\S+\s+on\s+(?:youtube|twitter|x|facebook|instagram|telegram|tiktok)\b"
    r"|thanks\s+for\s+reading\b[^.!?]{0,60}[.!]\s+(?:subscribe|share)\b"
    r"|this\s+article\s+has\s+been\s+sent|(?:may|might)\s+(?:get|earn|receive)\s+(?:an?\s+)?(?:small\s+)?"
    r"(?:share\s+of\s+(?:the\s+)?(?:sale|revenue)|(?:affiliate\s+)?commission)"
    r"|have\s+a\s+(?:news\s+)?tip\?|follow\s+.{0,40}\bfull\s+coverage\s+of"
    r"|follow\s+(?:me|us)\s+on\b|join\s+(?:our|the|my)\s+(?:\w+\s+)?(?:mailing\s+list|newsletter|facebook\s+group)"
    r"|join\s+(?:me|us)\s+on\s+\w+"
    # form and sign-up boilerplate
    r"|your\s+submission\s+has\s+been\s+received|something\s+went\s+wrong\s+while\s+submitting"
    r"|sign\s+in\s+to\s+(?:save|track|continue|comment|keep\s+reading)\b"
    r"|no\s+credit\s+card\s+required|(?:book|request|schedule)\s+(?:a|your)\s+(?:free\s+)?(?:personali[sz]ed\s+)?demo\b"
    r"|get\s+(?:new|our\s+latest)\s+(?:content|posts|articles)\s+delivered|stay\s+up\s+to\s+date\s+with\s+our"
    r"|delivered\s+(?:straight\s+|right\s+|directly\s+)?(?:to|in|into)\s+your\s+inbox"
    r"|^support\s+(?:us|our\s+(?:work|journalism|mission|reporting|newsroom)|independent\s+journalism|\w+\s+so\s+we)\b"
    r"|(?:^|[.!?]\s+)donate\s+(?:now|today|here)\W*$|^(?:please\s+)?(?:make\s+a\s+(?:tax-deductible\s+)?donation|become\s+a\s+(?:member|supporter|patron))\b"
    r"|\breader[-\s](?:supported|funded)\b|\breader\s+donations\b|\bsmall\s+favou?r\s+to\s+ask\b|^a\s+word\s+to\s+our\s+(?:loyal\s+)?readers\b"
    r"|subscribe\s+below\b|^fill\s+out\s+(?:the|this|our)\s+form\b|enjoyed\s+(?:the|this)\s+(?:article|post|piece|story)\?|to\s+unsubscribe\s+at\s+any\s+time)"
)
# widgets a text dump spells out: a share bar, a form's hidden field, a country picker
_WIDGET = re.compile(
    r"^(?:(?:share\s+(?:this\s+(?:page|article|story)\s+)?(?:to|on|via)\s+)?(?:facebook(?:-f)?|twitter|x|linkedin"
    r"|whatsapp|tumblr|pinterest|vk|email|reddit|telegram|threads|bluesky"
    r"|copy\s+(?:this\s+page\s+to\s+clipboard|link))[\s|•·,]*){2,}$"
    r"|^this\s+field\s+is\s+for\s+validation\s+purposes\b|^select\s+(?:a\s+|your\s+)?country\b"
    r"|^print\s+this\s+(?:page|article)\b|^add\s+(?:us\s+)?as\s+a\s+(?:preferred|trusted|reliable)\b"
    # a blog's share buttons ("Click to share on X (Opens in new window)"), a search box
    r"|^[*\u2022\u00b7\-\s]*click\s+to\s+(?:share|email|print)\b[^.!?]{0,60}\(opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)\)"
    r"|^(?:search\s+for|what\s+are\s+you\s+looking\s+for)\W*$",
    re.IGNORECASE,
)
# a site's contact footer: segments ("Street 1 - 89259-565 - Phone: (047) 2106-8000")
_PHONE_LABEL = re.compile(
    r"\b(?:phone|fone|tel|telefone|teléfono|téléphone|fax)\.?\s*:\s*\+?[\d(]", re.IGNORECASE
)
_SEGMENT = re.compile(r"\s[-|•·]\s")
_PROMOTION_MAX_WORDS = 40
_TIMESTAMP_MAX_WORDS = 10
_DATE_LABEL = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|modified|date|video|(?:on|at)\b|[\s:\-\u2013\u2014|])+",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"(?:19|20)\d\d[-./]\d\d?[-./]\d\d?|\d\d?[-./]\d\d?[-./](?:19|20)\d\d|\d\d?/\d\d?/\d\d"  # "04/19/13"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "9:41", "21h05", or a wire's "0203 GMT"
_CLOCK = re.compile(
    r"\b[0-2]?\d[:h][0-5]\d(?!\d)|\b[0-2]\d[0-5]\d\s+(?:GMT|UTC|ET|EST|EDT|BST|CET|CEST|HKT|IST|JST)\b"
)
# template filler and rules: "Lorem ipsum dolor sit amet", "*****", "-----", an unfilled
# template tag ("{{hire-banner="/banners/hire"}}")
# (and a page's layout names leaking as text: "narrow-browser-and-phone")
_LOREM = re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(
    r"[^\w]{3,}|\{\{[\w-]+=.*\}\}|[\s\-\u2013\u2014|•·*]*[a-z]+(?:-[a-z]+){2,}"
)  # use with fullmatch


def is_chrome(line: str) -> bool:
    """Page chrome: a menu, widget or ad line, a credit or promotion around the story, a placeholder."""
    lowered = line.lower()
    if (
        _CHROME.match(line)
        or _CREDIT.match(line)
        or (_CREDIT_HINT.search(lowered) and _is_credit_anywhere(line, lowered))
        or _PLACEHOLDER.fullmatch(line)
        or _WIDGET.match(line)
        or ("lorem" in lowered and _LOREM.search(line))
        or ("/" in line and _AGENCY_CREDIT.search(line))
        or (_ARROWS.intersection(line) and _POST_LINK.fullmatch(line))
        or (" | " in line and (_is_pipe_menu(line) or meta_line_date(line) is not None))
        or (":" in line and _PHONE_LABEL.search(line) and len(_SEGMENT.findall(line)) >= 3)
    ):
        return True
    words = word_count(line)
    if words <= _SHORT_CHROME_WORDS and _is_short_chrome(line, words):
        return True
    return len(line.split()) <= _PROMOTION_MAX_WORDS and bool(_PROMOTION.search(lowered))


def _is_short_chrome(line: str, words: int) -> bool:
    """The chrome that is a short line of its own: a date, a timestamp, a job title, a breadcrumb
    trail, a comment's header, a social link."""
    return bool(
        (words <= _TIMESTAMP_MAX_WORDS and (_is_timestamp(line) or _is_date_line(line)))
        or is_job_title(line)
        or _BREADCRUMB.fullmatch(line)
        or is_comment_header(line)
        or _SOCIAL_LINK.fullmatch(line)
    )


_SHORT_CHROME_WORDS = 20
# a link to the previous or next post: "« In Defense of Curiosity", "Older posts →"
_ARROWS = frozenset("«»‹›←→")
_POST_LINK = re.compile(r"[\s\-*•]*(?:[«‹←]\s*[^«»‹›←→]{1,80}|[^«»‹›←→]{1,80}\s*[»›→])[\s.:!]*")
# a photo's caption ending in its agency's credit: "... November 19, 2019. REUTERS/David Mercado"
_AGENCY_CREDIT = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|Anadolu|ANADOLU|Xinhua|XINHUA|Getty\s+Images|Bloomberg)\s*/\s*"
    r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}[\s\-\u2013\u2014)\]]*$"
)


# a breadcrumb trail: "Home > World > Asia", "뉴스 > 경제 > 기업·CEO", "HOME / Renovations / Loans"
_BREADCRUMB = re.compile(
    r"[^<>›»/\n.!?]{1,40}(?:\s+[>›»]\s+[^<>›»\n.!?]{1,40}){2,}"
    r"|[A-Z0-9][^<>›»/\n.!?]{0,39}(?:\s+/\s+[A-Z0-9][^<>›»/\n.!?]{0,39}){2,}"  # each step capitalised
)


# a social account or donation link on a line of its own, perhaps labelled ("Facebook https://fb.me/x")
_SOCIAL_LINK = re.compile(
    r"(?:\S+\s+){0,2}[:\-\u2013]?\s*(?:https?://)?(?:www\.)?(?:facebook\.com|fb\.me|twitter\.com|x\.com|instagram\.com"
    r"|youtube\.com|youtu\.be|t\.me|paypal\.me|linkedin\.com|tiktok\.com|threads\.net|bsky\.app)/\S*",
    re.IGNORECASE,
)


def is_comment_header(line: str) -> bool:
    """A reader comment's header, with the time it was posted: "marktheshark on Sep 21, 4:23 PM
    said:", "Jo Kim March 3, 2025 at 9:12 am says:" (not "On March 3 the minister said:")."""
    return (
        line.endswith(":")
        and word_count(line) <= _COMMENT_HEADER_WORDS
        and bool(_SAID.search(line))
        and bool(_CLOCK.search(line))
    )


_SAID = re.compile(r"\b(?:said|says|wrote|writes|replied)\s*:\s*$", re.IGNORECASE)
_COMMENT_HEADER_WORDS = 14


def _is_pipe_menu(line: str) -> bool:
    """A menu written on one line: "Home | Video | World | U.S. | Africa" (a table's row starts with "|")."""
    if line.startswith("|") or line.count(" | ") < _MENU_MIN_ITEMS - 1:
        return False
    items = line.split(" | ")
    return all(0 < word_count(item) <= _MENU_ITEM_WORDS for item in items)


_MENU_MIN_ITEMS = 4
_MENU_ITEM_WORDS = 3


def meta_line_date(line: str) -> dt.date | None:
    """The date of a post's meta line, else None: a line of a few short parts set apart by
    pipes, one of them a date ("On Behalf of Jane Doe PLLC | Apr 21, 2017 | Products
    Liability"; a table's row starts with "|")."""
    items = line.split(" | ")
    if line.startswith("|") or not 2 <= len(items) <= _META_MAX_ITEMS:
        return None
    if not all(0 < word_count(item) <= _META_ITEM_WORDS for item in items):
        return None
    dates = (parse_date_line(_DATE_LABEL.sub("", item).strip()) for item in items)
    return next((when for when in dates if when), None)


_META_MAX_ITEMS = 5
_META_ITEM_WORDS = 6


def _is_date_line(line: str) -> bool:
    """A line that is only a date, perhaps labelled ("Published on: February 14, 2025", "19/12/2025");
    called on short lines only (`_is_short_chrome`)."""
    if not _DIGIT.search(line):  # every date written so has a year or is all digits
        return False
    core = _DATE_LABEL.sub("", line).strip()
    return bool(core and (parse_date_line(core) or _NUMERIC_DATE.fullmatch(core)))


_DIGIT = re.compile(r"\d")


def _is_timestamp(line: str) -> bool:
    """A line giving a date and a time, in any language ("22 de janeiro de 2018 às 0:13"), or a
    time ago ("1 hour ago", "Updated 3 days ago"); called on short lines only (`_is_short_chrome`)."""
    return bool((_YEAR.search(line) and _CLOCK.search(line)) or _TIME_AGO.fullmatch(line))


_TIME_AGO = re.compile(
    r"(?:(?:updated|published|posted)\s*:?\s*)?(?:an?|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|months?|years?)\s+ago\.?"
    # ... in Spanish, Portuguese, French and German: "Hace 28 minutos", "il y a 2 heures", "vor 3 Tagen"
    r"|(?:hace|há|il\s+y\s+a|vor)\s+(?:una?|\d+)\s+(?:segundos?|minutos?|minutes?|minuten|horas?|heures?"
    r"|stunden?|d[ií]as|jours?|tagen?|semanas?|semaines?|wochen)",
    re.IGNORECASE,
)


class StoryEnd:
    """Where the story ends, found in one pass over a page's lines.

    A closing marker ("Comments", "Related stories", an author's bio) ends the story
    once most of the prose is behind it. The prose kept so far and the prose still to
    come are running totals, so a page of many thousands of lines with a marker every
    few lines is still read in linear time.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        # _to_come[i]: the prose of lines[i:]
        self._to_come = list(accumulate((_prose(line) for line in reversed(lines)), initial=0))[::-1]
        self._kept = 0

    def keep(self, line: str) -> None:
        """Count a line the story keeps."""
        self._kept += _prose(line)

    def ends_at(self, i: int) -> bool:
        """Whether line i is a closing marker with most of the prose kept before it."""
        if _PITCH.match(self.lines[i]):
            # the question a pitch opens with ("Looking for strategic college advice?"); such a
            # question may head a section of the story too, so only one near the end counts
            return self.mostly_kept(i, ratio=_PITCH_RATIO)
        if not is_closing(self.lines[i]):
            return False
        if any(is_closing(following) for following in self.lines[i + 1 : i + 1 + _CLOSING_RUN]):
            # two closings in a row ("Jane Doe is a writer ...", then "Want more stories?"):
            # what follows is not the story even when its teasers outweigh it
            return self.mostly_kept(i, ratio=0.5)
        if _OTHER_STORIES.match(self.lines[i]):
            # teasers of other stories may be long, and many
            return self.mostly_kept(i, ratio=0.5)
        return self.mostly_kept(i)

    def signed_off(self, i: int) -> bool:
        """Whether line i signs the story off ("Jane Doe contributed to this report.", "Reporting
        by Jane Doe; Editing by John Roe") with most of the prose kept: nothing after it is the story's."""
        return is_sign_off(self.lines[i]) and self.mostly_kept(i)

    def mostly_kept(self, i: int, ratio: float = 2) -> bool:
        """Whether the prose kept so far is `ratio` times the prose after line i or more."""
        return self._kept > 0 and self._kept >= ratio * self._to_come[i + 1]


_PITCH = re.compile(
    r"(?:looking\s+for|(?:do\s+you\s+)?(?:want|need)|not\s+sure\s+(?:which|what|where|how|if|whether))\s[^?.!]{1,60}\?$",
    re.IGNORECASE,
)
_PITCH_RATIO = 8


def _prose(line: str) -> int:
    return len(line) if is_paragraph(line) else 0


_CONTRIBUTED = re.compile(
    r"\b(?:contributed|contributing)\s+(?:reporting\s+)?to\s+(?:this|the)\s+(?:report|story|article)\b[^.!?]{0,40}\.?\)?$",
    re.IGNORECASE,
)
_WIRE_CREDITS = re.compile(
    r"\(?(?:additional\s+)?reporting\s+by\b.{0,200}\b(?:editing|writing)\s+by\b.{0,100}$", re.IGNORECASE
)


def is_sign_off(line: str) -> bool:
    """A line that closes a news story: "Jane Doe contributed to this report.", a wire's credits."""
    # the first pattern may start anywhere: tried only on lines that hold its word
    contributed = "contribut" in line.lower() and bool(_CONTRIBUTED.search(line))
    return contributed or bool(_WIRE_CREDITS.match(line))


_CLOSING_RUN = 3  # a second closing within this many lines confirms the first


def is_closing(line: str) -> bool:
    """A closing marker (a heading such as "Related stories") or a closing author bio or credit."""
    return bool(_END_OF_ARTICLE.match(line) and _is_heading(line)) or _is_closing_note(line)


def _is_heading(line: str) -> bool:
    """A short line of one phrase: a closing marker is a heading, never a sentence of the story
    ("More from the summit: leaders agreed to meet again ..." goes on after its first words)."""
    return word_count(line) <= _MARKER_MAX_WORDS and not _INNER_SENTENCE_END.search(line)


_MARKER_MAX_WORDS = 12
_INNER_SENTENCE_END = re.compile(r"[.!?]\s+\S")


def drop_closing_notes(paragraphs: list[str], dropped: list[str]) -> list[str]:
    """Drop what closes a page after the story: an author's bio ("Jane Doe is a freelance
    writer ...") and the name heading it, a production credit ("This story ... was written by ...")."""
    kept = list(paragraphs)
    while len(kept) > 1 and _is_closing_note(kept[-1]):
        dropped.append(kept.pop())
    if (
        len(kept) > 1
        and is_bare_name(kept[-1])
        and any(line.startswith(f"{kept[-1]} is ") and _is_closing_note(line) for line in dropped)
    ):
        dropped.append(kept.pop())  # the heading of the author's bio cut after it: their name
    return kept


def _is_closing_note(line: str) -> bool:
    return word_count(line) <= _NOTE_MAX_WORDS and bool(_CLOSING_NOTE.search(line))


_NOTE_MAX_WORDS = 120
_CLOSING_NOTE = re.compile(
    # "Jane Doe is a freelance writer", "Sam is Acme's Marketing Manager"
    r"^\(?(?:(?-i:[A-Z])[\w'\u2019.-]+\s+){1,4}is\s+(?:an?|the|(?-i:[A-Z])[\w.&-]*['\u2019]s)\s+(?:[\w&,-]+\s+){0,6}?"
    r"(?:writer|editor|journalist|reporter|correspondent|author|contributor|columnist|blogger|freelancer"
    r"|attorney|lawyer|co-?founder|founder|ceo|cto|cmo|vp|manager|marketer|(?:marketing|communications?)\s+professional"
    r"|strategist|designer|developer|(?:associate\s+|assistant\s+|adjunct\s+)?professor|adjunct\s+faculty|physician)\b"
    # ... and says so the way a bio does (not "X is a journalist who was detained ...")
    r".{0,60}?(?:\b(?:based|living)\s+in\b|\bwho\s+(?:covers|writes)\b|\bwrites\s+about\b|\bcovering\b"
    r"|\bspeciali[sz]\w*\s+in\b|\byears\s+of\s+experience\b|\bpassionate\s+about\b|\bwhen\s+not\s+\w+ing\b"
    r"|\b(?:at|for|of)\s+(?:the\s+)?(?-i:[A-Z]))"
    r"|^this\s+(?:story|article|post|report)\s.{0,120}\b(?:was\s+(?:written|produced|reported)|appeared\s+originally)"
    r"|^thanks\s+for\s+(?:reading|learning|watching|listening)\b|^become\s+a\s+paid\s+(?:subscriber|member)\b"
    r"|^(?:\u00a9|\(c\)|copyright\b)",
    re.IGNORECASE,
)


_PULL_QUOTE_WORDS = (6, 40)  # a pull quote is a sentence or two, long enough not to repeat by chance
_PULL_QUOTES_MAX = 20  # a page with more quotations set apart is a transcript or a list of quotes


def drop_pull_quotes(paragraphs: list[str], dropped: list[str]) -> list[str]:
    """Drop pull quotes: a quotation set apart that repeats, word for word, part of a
    longer paragraph of the same text ('"Our goal was never to upset anyone."' over
    '"... our goal was never to upset anyone," says Kramer.').

    Only quotations: a summary or a table of contents repeats the story too, and
    stays (the dev sets' gold texts keep them). Each candidate is searched for in the
    whole text, so a page with many (an interview set out as quotes) is left as it is.
    """
    quoted = [i for i, paragraph in enumerate(paragraphs) if _QUOTED.match(paragraph)]
    if not quoted:  # most pages: no line is a quotation set apart
        return paragraphs
    words = [folded_words(paragraph) for paragraph in paragraphs]
    low, high = _PULL_QUOTE_WORDS
    candidates = {i for i in quoted if low <= words[i].count(" ") + 1 <= high}
    if not candidates or len(candidates) > _PULL_QUOTES_MAX:
        return paragraphs
    text = "\n".join(f" {line} " for line in words)
    quotes = {i for i in candidates if _inside_longer(f" {words[i]} ", text)}
    dropped.extend(paragraphs[i] for i in sorted(quotes))
    return [paragraph for i, paragraph in enumerate(paragraphs) if i not in quotes]


def _inside_longer(line: str, text: str) -> bool:
    """Whether `line` (a paragraph's words, spaced) stands inside a longer paragraph of `text`."""
    at = text.find(line)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at + len(line))
        if (end if end >= 0 else len(text)) - start > len(line):
            return True
        at = text.find(line, at + 1)
    return False


_QUOTED = re.compile("^[\"\u201c\u201e\u00ab\u2018'].*[\"\u201d\u00bb\u2019'][.!?]?$")
