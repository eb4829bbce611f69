"""English function words: the words that carry no topic of a question or a sentence.

Shared by the stages that weigh words (retrieval drops them from the words it
searches, composition from the words it scores): one list, so both agree on what a
content word is. Lower case; compared after lower-casing, before stemming.
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing done during each
    few for from further had has have having he her here hers him his how however i if in
    into is it its itself just may me might more most must my no nor not now of off on once
    only or other our ours out over own per same she should so some such than that the
    their theirs them then there these they this those through to too under until up upon
    very was we were what when where which while who whom why will with within without
    would you your yours whether""".split()
)
