"""Question answering: short, cited answers from graph facts and retrieved passages.

::

    question ─ analysis (answer type, linked entities, dates) ─┬─ SPARQL templates → facts
                                                                └─ hybrid search → passages
             facts boost their source paragraphs ─ sentence selection ─ composer ─ calibration
             → Answer {answer, answered, confidence, facts, citations, sparql}

No language model is involved: every answer is a fact the graph holds or a sentence the papers
contain, and it abstains ("not found in the papers") when the evidence is weak.
"""
