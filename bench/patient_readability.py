"""How plain the patient page reads over MedQuAD: median Flesch reading ease of its statements.

Ingests MedQuAD's answered pairs (``../shared/data/medquad``) — and, with ``--demo``, the
50,788 PubMed records of the demo corpus beside them, so the page must prefer the plain
sources over research — then asks consumer questions with the patient audience, and
reports the median Flesch reading ease of the statements shown, the share of them from
plain-language sources, and how many answers carry the line that nothing plain was found.

The questions are a split: ``report`` (the default) is the 104 TREC 2017 LiveQA medical
test questions (subject and message, as sent), which are also ``eval liveqa``'s; ``dev``
is MEDIQA 2019 task 3's validation questions (25, written like LiveQA's) and its Alexa
training questions (104 short ones, "What causes Stroke?"). Choose on dev, report on
report.

    python bench/patient_readability.py --data-dir /tmp/medcite-patient [--split dev] [--demo]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from lxml import etree

from medcite.engine import Engine
from medcite.errors import QuestionError
from medcite.evidence import readability
from medcite.ingest.demo import demo_corpus_paths
from medcite.records import AnswerState, Audience
from medcite.settings import load_settings

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def questions(path: Path) -> list[str]:
    """LiveQA's questions (subject and message) or MEDIQA task 3's (question text)."""
    root = etree.parse(str(path)).getroot()
    found = []
    for question in root.iter("NLM-QUESTION"):
        subject = question.findtext(".//SUBJECT") or ""
        message = question.findtext(".//MESSAGE") or ""
        found.append(" ".join(f"{subject} {message}".split()))
    for question in root.iter("Question"):
        found.append(" ".join((question.findtext("QuestionText") or "").split()))
    return found


def split_questions(data: Path, split: str) -> list[str]:
    if split == "report":
        return questions(data / "liveqa_med_trec2017" / "TREC-2017-LiveQA-Medical-Test.xml")
    mediqa = data / "mediqa2019"
    return questions(mediqa / "MEDIQA2019-Task3-QA-ValidationSet.xml.gz") + questions(
        mediqa / "MEDIQA2019-Task3-QA-TrainingSet2-Alexa.xml.gz"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--split", choices=("dev", "report"), default="report")
    args = parser.parse_args()
    with Engine.open(load_settings(args.data_dir, environ={})) as engine:
        sources = [args.data / "medquad" / "medquad_qa_pairs.jsonl.gz"]
        if args.demo:
            sources += list(demo_corpus_paths())
        summary = engine.ingest_paths(sources)
        print(f"ingested: added {summary.added}, unchanged {summary.unchanged}")
        scores, plain, no_plain, asked, answered = [], 0, 0, 0, 0
        for text in split_questions(args.data, args.split):
            try:
                answer = engine.ask(text, audience=Audience.PATIENT)
            except QuestionError:
                continue
            asked += 1
            answered += answer.state is AnswerState.ANSWERED
            statements = [s for section in answer.sections for s in section.statements]
            scores += [readability(s.text) for s in statements]
            plain += sum(s.plain_language for s in statements)
            no_plain += any("plain language" in note for note in answer.notes)
    print(f"{asked} questions, {answered} answered, {len(scores)} statements")
    print(f"median Flesch reading ease {statistics.median(scores):.1f}")
    print(f"plain-language statements {plain / len(scores):.3f}")
    print(f"answers saying nothing plain was found {no_plain}")


if __name__ == "__main__":
    main()
