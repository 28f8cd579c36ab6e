"""Understanding what people write: facts about an applicant or an institution from free text, in
Chinese and English (extract.py is the pipeline; its vocabulary lives in vocab/ as data). Depends on
the eligibility facts' definitions only, never on the dialogue."""
