"""What a message does besides stating facts: asks a question, corrects an earlier answer, declines to answer.
"""
from __future__ import annotations

import re

from .text import en_words, find_all, search

_Q_ZH = re.compile(r"[?？]|[吗嘛](?=\s*(?:$|[,，。.!！~～]|[^\w\s]))|呢\s*(?=$|[?？])|(?<!没)什么|多少|哪(?!怕)|怎么|怎样|如何|能否|是否|可否|能不能|可不可以|是不是|有没有|会不会"
                   r"|要不要|需不需要|需要什么|为什么|为何|请问|想问|想了解|想知道|想咨询|咨询一下|介绍一下|解释一下|说明一下|讲讲|讲一下|说说|(?<![好十几了过这那前近最头])几(?:年|个|次|岁|月|天|万|项|种|类|条|位)(?!前|后|来|以来|了)|多久|多长|多大(?!学)")


_Q_EN = re.compile(r"(?:^|[.!;,:]\s*|\s[-–]\s)" + en_words(
    r"what|how|when|where|which|who|whom|whose|why|can|could|does|do|is|are|will|would|should|shall|may|might|must|am i"
    r"|is there|are there|tell me|explain|please explain") + r"|" + en_words(
    r"i want to know|i'd like to know|i would like to know|i wonder|wondering|do you know|could you tell|can you tell"
    r"|is it possible|am i eligible|can i|could i|do i|what about|how about|how long|how many|how much|how old|what is|what are"
    r"|what's|which program|eligible for|qualify for|do i qualify|tell me about|explain|describe|i.m wondering|let me know"))


CORR = re.compile(r"不对|错了|说错|写错|打错|搞错|弄错|记错|更正|纠正|修改|改成|改为|改一下|应该是|其实是|实际上|其实|准确地?说|刚才说的|上面说的|" + en_words(
    r"sorry|actually|correction|i meant|i mean|mistake|typo|wrong|let me correct|to correct|change (?:my|it|that|the)|update (?:my|it|that|the)"
    r"|should be|make that|make it|rather|scratch that|oops|my bad|no wait|wait"))


DECL = re.compile(r"不清楚|不太清楚|不大清楚|不知道|不太知道|不确定|不太确定|说不准|说不好|不好说|不记得|记不清|忘了|不方便|不想说|不想透露|不愿透露|不愿意说|保密|无可奉告|不便透露|不了解|不晓得|不懂|" + en_words(
    r"i don'?t know|i do not know|don'?t really know|don'?t know|dunno|idk|not sure|unsure|no idea|not certain|can'?t remember|cannot remember"
    r"|don'?t remember|forgot|prefer not to (?:say|answer|disclose)|rather not (?:say|answer)|won'?t say|can'?t say|decline to"
    r"|not comfortable|pass|skip|no comment|unknown"))


DECL_FACT = [
    ("age", r"年龄|多大|几岁|岁|" + en_words(r"age|how old")), ("birth_year", r"出生|哪年|" + en_words(r"born|birth")),
    ("equity_percent", r"持股|股份|股权|占股|" + en_words(r"equity|stake|shares?")), ("annual_salary_cny", r"年薪|薪|工资|" + en_words(r"salary|pay")),
    ("nationality", r"国籍|" + en_words(r"nationality|citizenship")), ("company_age_years", r"成立|" + en_words(r"founded")),
    ("has_contract", r"合同|协议|" + en_words(r"contract")), ("product_stage", r"阶段|" + en_words(r"stage")),
    ("prior_applications", r"申报过|申请过|次数|" + en_words(r"applied")),
]


def is_question(low: str) -> bool:
    for m in find_all(_Q_ZH, low):
        t = m.group()
        # "没拿过什么大奖", "不知道多少" are statements: the word is no interrogative there
        if t in ("什么", "多少", "哪") and search(r"(?:没|不|无|未)[^，,。.!！]{0,4}$", low[max(0, m.start() - 5):m.start()]) \
                and not search(r"[?？吗]", low):
            continue
        if t == "多少" and search(r"或多或少", low):
            continue
        # "我不确定是不是知名的": an embedded question, said to decline
        if search(r"(?:不确定|不知道|不清楚|说不准|不记得|记不清)[^，,。.!！]{0,3}$", low[max(0, m.start() - 8):m.start()]) \
                and not search(r"[?？吗]", low):
            continue
        return True
    for m in find_all(_Q_EN, low):
        if search(en_words(r"not sure|don't know|do not know|no idea|unsure|can't remember|not certain") + r"\s*$", low[max(0, m.start() - 16):m.start()]) \
                and "?" not in low:
            continue
        t = m.group().strip(" .!;,:-–").strip()
        if t in ("is", "are", "do", "does", "can", "could", "will", "would", "should", "may", "might", "must", "shall") and \
                not search(r"\?|" + en_words(r"i|you|there|it|my|the|a|this|that|we|he|she|they|people|foreigners?|applicants?"),
                              low[m.end():m.end() + 14]):
            continue
        return True
    return False


# -- what a whole message wants (read by the dialogue) ------------------------------------------------
INTENT_RE = re.compile(  # the user wants their own eligibility checked, not a rule explained
    r"((想|能|可以|能不能|能否|是否可以|可不可以|打算|准备)(去)?(申请|申报|报名|参加|入选)|符合.{0,6}(条件|要求)|够条件|有资格|够格|"
    r"评估|看看我|帮我看|帮我查|我.{0,6}(申请|申报)|可以吗|行吗|行不行|够吗|有机会吗|有没有机会|有戏吗|"
    r"\bdo i stand a chance\b|\bwould i\b|\bapply\b|\bapplying\b|\beligib|\bqualif|\bcheck me\b)", re.I)
# "How do I apply?" / "申请材料交到哪里？" ask about the procedure, not the asker's eligibility
PROCEDURE_RE = re.compile(r"^\s*(how|where|when|what|which|who|whom)\b|怎么|如何|哪里|在哪|什么时候|何时|多久|哪些|流程|程序|材料|渠道",
                          re.I)
SELF_RE = re.compile(r"\b(can|could|may) i\b|\bam i\b|\bdo i (qualify|meet)|\beligib|\bqualif|我能|我可以|我是否|我符合|我够|"
                     r"我有没有资格|我有资格", re.I)
FIRST_PERSON_RE = re.compile(r"(我|本人|咱|\bi\b|\bi'm\b|\bim\b|\bmy\b|\bme\b|\bmine\b|\bwe\b|\bour\b)", re.I)
GREETING_RE = re.compile(r"^(你好|您好|嗨|哈喽|早上好|下午好|晚上好|hi|hello|hey|good (morning|afternoon|evening))"
                         r"[!！。.,，~ ]*$", re.I)
DETAILS_RE = re.compile(r"^(详细|详情|完整依据|依据|trace|details?|full trace|show details)[。.!！]?$", re.I)
WHY_RE = re.compile(r"^(为什么|为啥|why\??|why do you ask\??|why is that\??)[？?。.!！]?$", re.I)


# steering the conversation (SPEC section 8): a wrap-up, what would change the verdicts, a year from now
# (how to apply for a named program is a question for the corpus: 申报渠道 answers it)
SUMMARY_RE = re.compile(r"^\s*(?:请)?(?:总结|汇总|小结|概括)|总结一下|帮我总结|最后结论|下一步(?:怎么办|做什么|该做什么)?|" + en_words(
    r"summary|summari[sz]e|sum (?:it )?up|wrap (?:it )?up|what now|what next|next steps?|so what now"
    r"|what should i do next|bottom line"), re.I)
# "stop asking about startups", "别再问创业的事了", "不考虑金融": programs taken out of focus, by what their ids say
STOP_RE = re.compile(r"(?:别|不要|不用)再?问|不考虑|不关心|跳过|" + en_words(r"stop asking|don't ask|do not ask|skip|not interested in|forget about"), re.I)
STOP_TOPICS = {"entrepreneur": r"创业|公司|startups?|founders?|companies|entrepreneur\w*", "foreign": r"外专|外国专家|foreign experts?",
               "culture": r"文化|艺术|culture|arts?", "xinjiang": r"新疆|西藏|xinjiang|tibet", "finance": r"金融|finance|banks?",
               "short": r"短期|short[- ]term|part[- ]time", "top": r"顶尖|top talents?"}
CHANGE_RE = re.compile(r"我差什么|还差什么|差在哪|缺什么|还缺什么|怎样才能符合|怎么才能符合|怎么样才(?:能|可以)|需要(?:改变|改善|补)什么|要满足什么|"
                       r"还需要(?:知道|了解|我提供)?(?:什么|哪些)(?:信息|材料)?|还要(?:知道|了解)?(?:什么|哪些)信息|为什么(?:还)?(?:不确定|待定|尚待确定)|" + en_words(
    r"what else do you need(?: to know)?(?: from me)?|what else (?:should|must) i (?:tell|give)|why (?:is it |still )?(?:undetermined|undecided|not decided)"
    r"|undetermined why|"
    r"what would i need to change|what do i need to change|what (?:would|do) i need to (?:do|become|get) (?:to|eligible)"
    r"|what am i missing|what(?:'s| is) missing|how (?:can|could) i (?:become|be|get) eligible|what would make me eligible"
    r"|what would it take|what do i lack"), re.I)
# "去哪报？", "海聚青年交哪？", "where would they submit it?", "申报渠道": where and how to apply
APPLY_RE = re.compile(r"(?:去|在|到|交|报|向)哪(?:里|儿|个部门|个单位)?(?:报|申报|申请|交|递交|提交)?|交(?:到)?哪|报到哪|找谁(?:报|申报|申请)|向谁(?:报|申报|申请)"
                      r"|怎么(?:报|申报|申请|递交)|如何(?:申报|申请|递交)|申报(?:渠道|流程|程序|途径)|申请(?:渠道|流程|程序|途径)|" + en_words(
    r"where (?:do|would|should|can|could|does|will) (?:i|we|they|he|she|one|the \w+) (?:apply|submit|send|file)"
    r"|how (?:do|would|can|should|could|does) (?:i|we|they|he|she|one) (?:apply|submit)|how to apply|where to apply"
    r"|application (?:channel|procedure|process|route)s?|who (?:do|should) (?:i|we|they) (?:apply|submit) to"
    r"|submit (?:it|the application|my application)(?: to)? where"), re.I)
NEXT_YEAR_RE = re.compile(r"明年|下一年|一年后|过一年|" + en_words(r"next year|in a year|a year from now|in one year"), re.I)

# "which program fits me?", "我适合哪个项目": rank the programs by how close they are
FIT_RE = re.compile(r"(?:适合|符合|能申请|能报|可以报|可以申请)(?:的)?哪(?:个|些|一个)|哪(?:个|些|一个)(?:项目|计划)?(?:最|更|比较)?(?:适合|能|可以|合适)"
                    r"|我适合什么|我(?:最|更)?适合(?:申请|报)?(?:什么|哪)|" + en_words(
    r"which programs? (?:fits?|suits?|would fit|could i|can i|am i eligible|should i)|what programs? (?:fits?|suits?|can i|could i|am i)"
    r"|which one (?:fits|suits)|what are my options|which track"), re.I)
# "also check the Haiju youth project", "国家的和北京的都要", "看看海聚青年": add the named programs to the focus
ADD_RE = re.compile(r"也|还有|都要|另外|再看|看看|查查|评估一下|" + en_words(r"also|too|as well|check|assess|look at|what about|and the"), re.I)
