"""Whose fact a clause states and how: negation, future vs past, third parties, hypotheticals.
"""
from __future__ import annotations

import re

from .intent import is_question
from .text import en_words

FUTURE = re.compile(r"打算|计划|准备|将会|将|愿意|承诺|保证|可以|能够|能|想要|想|要|会|拟|" + en_words(
    r"will|would|can|could|plan|plans|planning|intend|intending|commit|committed|willing|going to|agree|promise"
    r"|able to|ready to|prepared to|expect to|want to|hope to|'ll"))


PAST = re.compile(r"了|已经|已|过|曾|" + en_words(r"have been|has been|'ve been|was|were|did|worked|lived|spent|since|for the past|so far"))


NEG_ZH = re.compile(r"没有|没|無|无|未|不|非|从未|尚未|并非|别")


NEG_ZH_STRIP = re.compile(r"是不是|有没有|能不能|会不会|要不要|可不可以|是否|不仅|不但|不错|不少|不同|不久|不过|不到|不超过|不满|不足"
                          r"|不低于|不少于|非常|无论|并不是说|不管|没想到|差不多|不一定|不清楚|不确定|不知道|不太清楚")


NEG_EN = re.compile(en_words(r"not|never|no|none|neither|nor|without|non|n't") + r"|n't(?![a-z])")


NEG_EN_STRIP = re.compile(en_words(r"not only|no longer than|not more than|not less than|no more than|no less than|not sure"
                              r"|no idea|not yet sure|nothing but"))


PERSONAL = {"academy_member", "awards", "overseas_title", "degree", "nationality", "is_founder", "degree_abroad"}


THIRD_PARTY = re.compile(r"导师|老师|父亲|母亲|爸爸|妈妈|太太|妻子|丈夫|爱人|老公|老婆|同事|合作者|老板|上司|朋友|学生|孩子|儿子|女儿|他|她|" + en_words(
    r"advisor|adviser|supervisor|mentor|colleagues?|father|mother|dad|mom|wife|husband|spouse|boss|friends?|students?"
    r"|son|daughter|he|she|his|her|they|their|co-?author"))


# facts a question clause may still state ("45岁还能申请吗？" is about the user)
NOT_HYPO = {"age", "birth_year", "birth_month", "selected_programs", "prior_applications", "annual_salary_cny"}


REQUIRE = re.compile(r"要求|需要|必须|才能|才可以|要不要|是否要|得是|够不够|算不算|限制|" + en_words(
    r"need|needs|require\w*|must|have to|has to|enough|sufficient|count as|qualif\w+|limit|exempt|allowed|policy|policies"))


FIRST_PERSON = re.compile(r"我|本人|" + en_words(r"i|i'm|i've|i'd|i'll|my|me|mine|myself"))


def hypothetical(clause: str) -> bool:
    """A question about the rules: a question clause that names no "I", or asks what is required."""
    if not is_question(clause):
        return False
    return bool(REQUIRE.search(clause)) or not FIRST_PERSON.search(clause)
