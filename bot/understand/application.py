"""Facts about the application itself: prior applications, contract, platforms, sponsorship and
misconduct bars, programs already selected into.
"""
from __future__ import annotations

import re

from .message import Message
from .numbers import ENUM, NUM, parse_number
from .programs import programs
from .scope import hypothetical
from .text import en_words, find_all, search


def find_prior(msg: Message):
    low = msg.low
    pats = [
        (re.compile(rf"(?:申请|申报|报名|报|投)(?:了)?(?:过)?(?:了)?\s*(?P<n>{NUM})\s*(?:次|回)"), 0),
        (re.compile(rf"(?P<n>{NUM})\s*(?:次|回)\s*(?:申请|申报)"), 0),
        (re.compile(rf"第\s*(?P<n>{NUM})\s*次\s*(?:申请|申报|报|参加|尝试)"), -1),
        (re.compile(rf"{en_words(r'applied|apply|applications?|tried')}(?: \w+){{0,4}}? (?P<n>{ENUM}) times|(?P<n2>{ENUM}) (?:previous |prior |earlier )?(?:applications|attempts)"), 0),
        (re.compile(rf"{en_words(r'this is my|it.s my|my')} (?P<ord>first|second|third|fourth|fifth) (?:time|application|attempt|try)"), -1),
    ]
    for rx, off in pats:
        for m in find_all(rx, low):
            gd = m.groupdict()
            if gd.get("ord"):
                v = ["first", "second", "third", "fourth", "fifth"].index(gd["ord"]) + 1
            else:
                tok = gd.get("n") or gd.get("n2")
                v = parse_number(tok, concat=False)
            if v is None:
                continue
            if msg.negated(m.start(), after=False) and off == 0:
                msg.add("prior_applications", 0, m.start(), span=(m.start(), m.end()))
                continue
            msg.add("prior_applications", int(v) + off, m.start(), span=(m.start(), m.end()))
    for m in find_all(en_words(r"applied (?:\w+ ){0,4}?(?P<w>once|twice|thrice)|(?P<w2>once|twice|thrice) before"), low):
        w = m.group("w") or m.group("w2")
        msg.add("prior_applications", {"once": 1, "twice": 2, "thrice": 3}[w], m.start())
    for m in find_all(r"首次(?:申请|申报)|第一次(?:申请|申报|报)|(?:从来|从)?(?:没|未)(?:有)?(?:申请|申报|报)过|从未(?:申请|申报)|头一回|" + en_words(
            r"first time (?:applying|i apply|i.m applying)|first[- ]time applicant|never applied|haven't applied(?: before)?"
            r"|have not applied|not applied before|first application|no previous applications?|no prior applications?"), low):
        msg.add("prior_applications", 0, m.start())


def find_contract(msg: Message):
    low = msg.low
    obj = r"(?:工作|劳动|聘用|聘任|引进|全职)?(?:合同|协议|意向书|意向协议|意向性协议|聘书|备忘录|offer)"
    for m in find_all(rf"(?:已经|已)?(?:签订|签署|签约|签了|签好了?|签过|签下|签)(?:了)?(?:一份|份)?{obj}?|{obj}(?:已经|已)?(?:签|签订|签署|签好)(?:了)?"
                         r"|(?:签|签订)了?(?:意向|合同)|已签约|" + en_words(
        r"(?:did )?sign(?:ed)? (?:a |an |the |my |our )?(?:work |employment |job |formal )?(?:contract|letter of intent|agreement|loi|offer|mou|memorandum)"
        r"|(?:contract|letter of intent|agreement|loi) (?:is |was |has been |already )*signed|i signed|have signed|signed one|signed it"
        r"|(?:have|has|got) (?:a|an) (?:signed )?(?:contract|letter of intent|loi)"), low):
        t = m.group()
        if t == "签":
            continue
        s = m.start()
        cs, ce = msg.clause(s)
        before = low[cs:s]
        if search(r"吗|\?|？|要不要|需不需要|是否需要|需要|必须|" + en_words(r"do i need|must|should|need to|required"), low[cs:ce]) and not search(
                r"已|了|" + en_words(r"have signed|already|i signed"), low[cs:ce]):
            continue
        neg = bool(search(r"没|未|还没|尚未|不|" + en_words(r"not|n't|never|no"), before[-8:])) or bool(
            search(r"(?:还|尚)?(?:没|未)(?:有)?(?:签|定)", low[s:s + len(t) + 4]))
        if search(r"(?:没|未|不)$", before) or search(en_words(r"not yet|haven't|have not|hasn't|didn't|did not|no"), before[-14:]):
            neg = True
        if search(r"(?:还|尚|也|都)?(?:没|未)(?:有)?[^，,。;；]{0,12}$", before[-16:]):
            neg = True  # "也还没有跟任何国内单位签协议"
        if not neg and search(r"(?:能|会|将|要|打算|准备|计划|可以|应该能|预计|争取|等)\s*(?:在[^，,。]{0,6})?$|明年|下个?月|年初|年底|以后|之后|" + en_words(
                r"will|going to|plan to|expect to|hope to|should be able to|next (?:month|year|week)|soon|once"), before[-14:]) \
                and not search(r"已|了|" + en_words(r"have signed|already|signed"), low[s:s + len(t) + 2] + before[-4:]):
            neg = True  # "应该明年初能签意向书": to be signed, so not signed yet
        msg.add("has_contract", not neg, s)
    for m in find_all(rf"(?:还|尚)?(?:没|未)(?:有)?(?:签|签订|签约|签署)|{obj}(?:还|尚)?(?:没|未)(?:有)?(?:签|定)|(?:没有|无){obj}|" + en_words(
            r"no (?:signed )?(?:contract|letter of intent|loi)|not (?:yet )?signed|haven't signed|have not signed|without a contract"
            r"|(?:contract|agreement) (?:is )?not (?:yet )?signed|still negotiating|in negotiation") + r"|还在谈|正在谈|在谈判|谈判中|洽谈中|还在沟通", low):
        s = m.start()
        clause = msg.ctext(s)
        if search(r"吗|\?|？", clause):
            continue
        msg.add("has_contract", False, s, prio=1)


def find_flags(msg: Message):
    low = msg.low
    # misconduct
    for m in find_all(r"违纪|违法|学术不端|不良记录|犯罪记录|犯罪|处分|抄袭|剽窃|造假|学术造假|" + en_words(
            r"misconduct|plagiari\w+|criminal record|crime|violations?|disciplinary|fraud|fabricat\w+|falsif\w+"), low):
        s = m.start()
        clause = msg.ctext(s)
        if hypothetical(clause) or search(r"会不会|影响吗|有影响", clause):
            continue
        if search(r"不良记录", low[s:s + 4]) and m.group() != "不良记录":
            continue
        neg = msg.negated(s, m.end()) or bool(search(r"清白|良好|" + en_words(r"clean|clear"), clause))
        msg.add("misconduct", not neg, s)
    for m in find_all(r"记录(?:良好|清白)|清白|" + en_words(r"clean record|spotless record|clear record"), low):
        msg.add("misconduct", False, m.start())
    # government sponsorship
    for m in find_all(r"公派|国家留学基金|留学基金委|国家资助出国|" + en_words(
            r"csc|china scholarship council|state[- ]sponsored|government[- ]sponsored|state[- ]funded|government[- ]funded"
            r"|state scholarship|government scholarship"), low):
        s = m.start()
        clause = msg.stext(s)
        if search(r"自费|非公派|不是公派|没有公派|公派[^，,。]{0,4}(?:没有|没|无)(?:任何)?关系|(?:与|跟|和)公派无关|" + en_words(r"self-funded|self-financed|not (?:state|government)[- ](?:sponsored|funded)|wasn't (?:state|government)[- ](?:sponsored|funded)|was not (?:state|government)[- ](?:sponsored|funded)"), clause) or msg.negated(s, after=False):
            msg.add("unfulfilled_sponsorship", False, s)
        elif search(r"(?:不存在|没有|无|并无|没)违约|按协议回国服务|(?:已经|已)?回国服务了|手续(?:都|已)?(?:清|办)|履行完|服务期满", clause):
            msg.add("unfulfilled_sponsorship", False, s)  # "按协议回国服务了两年…不存在违约": fulfilled
        elif search(r"(?:未|没|没有|尚未|还没)(?:有)?(?:履行|回国服务|完成服务|处理)|违约|" + en_words(
                r"not fulfilled|unfulfilled|haven't fulfilled|have not fulfilled|didn't fulfil|did not fulfil|broke|breach\w*|not (?:yet )?(?:settled|completed)"), clause):
            msg.add("unfulfilled_sponsorship", True, s)
        elif search(r"履行|已(?:经)?(?:处理|解决|完成)|服务期满|" + en_words(r"fulfill?ed|settled|completed|served"), clause):
            msg.add("unfulfilled_sponsorship", False, s)
    for m in find_all(r"自费(?:留学|出国|读)|" + en_words(r"self-funded|self-financed"), low):
        msg.add("unfulfilled_sponsorship", False, m.start(), prio=-1)
    # one channel only: "就通过北大一个渠道报", "only through BOC"
    for m in find_all(r"(?:只|就|仅)(?:通过|走)?[^，,。]{0,10}一个(?:渠道|平台)|单一(?:渠道|平台)|一个渠道报|" + en_words(
            r"only (?:via|through) (?:one|a single|the)|one channel|a single channel|single platform|only one platform|only via"), low):
        msg.add("multiple_platforms", False, m.start(), prio=1)
    # several platforms
    for m in find_all(r"多个(?:平台|渠道)|多平台|多渠道|几个(?:平台|渠道)|(?:两|2|三|3)个(?:平台|渠道)|同时(?:通过)?.{0,6}(?:平台|渠道)(?:申报|申请)|" + en_words(
            r"(?:multiple|several|two|more than one|many) (?:platforms|channels)|(?:any |an )?other (?:platforms?|channels?)|another (?:platform|channel)")
            + r"|其他(?:平台|渠道)|别的(?:平台|渠道)|其它(?:平台|渠道)", low):
        msg.add("multiple_platforms", not msg.negated(m.start(), m.end()), m.start())
    for m in find_all(r"(?:只|仅)(?:通过|在|走|用)?(?:一个|1个|单一)(?:平台|渠道)|" + en_words(r"only (?:one|a single|1) (?:platform|channel)|single (?:platform|channel)|just one (?:platform|channel)"), low):
        msg.add("multiple_platforms", False, m.start(), prio=1)
    # other salary subsidy
    for m in find_all(r"工薪补助|工资补助|薪酬补助|(?:薪酬|工资)由.{0,8}财政|财政(?:保障|负担|支付|发放)|外专千人(?:计划)?(?:的)?配套|" + en_words(
            r"salary subsid\w+|funded by the city budget|city[- ]funded salary|paid by the city budget|city budget"
            r"|(?:receive|receiving|get|getting|got|already have)\b.{0,50}?subsid\w+"), low):
        s = m.start()
        clause = msg.ctext(s)
        if hypothetical(clause) or search(r"能拿多少|多少|能不能|可以拿|吗|\?|？|" + en_words(r"how much|can i|could i|eligible"), clause):
            continue
        if not search(r"我|已|在拿|享受|领|由|" + en_words(r"i|i'm|my|already|receive|get|paid|funded"), clause):
            continue
        msg.add("receives_other_salary_subsidy", not msg.negated(s), s)
    # led a major international project
    for m in find_all(r"主持(?:过|了)?.{0,10}国际.{0,8}项目|国际大科学计划|牵头.{0,8}国际.{0,8}项目|" + en_words(
            r"led (?:a |an |the )?(?:major |large |large-scale |big )?international .{0,30}?project|principal investigator of (?:a |an )?(?:major )?international"), low):
        msg.add("led_major_intl_project", not msg.negated(m.start(), m.end()), m.start())
    # own IP / core technology
    for m in find_all(r"自主知识产权|核心技术|发明专利|专利|" + en_words(r"intellectual property|own ip|core technolog\w+|patents?"), low):
        s = m.start()
        if hypothetical(msg.ctext(s)):
            continue
        if m.group() == "专利" and search(r"发明专利", low[max(0, s - 2):s + 2]):
            continue
        msg.add("owns_ip_or_core_tech", not msg.negated(s), s)


def find_selected(msg: Message):
    low = msg.raw
    for m in find_all(r"入选|获批|入围|当选|" + en_words(r"selected|admitted|accepted into|got into|awarded|been in|already in|recipient"), low):
        s = m.start()
        ss, se = msg.sent(s)
        cs, ce = msg.clause(s)
        # the programs of this clause ("入选海聚工程外专长期项目，没有享受外专千人计划配套补助": one)
        seg = low[s:ce] if programs(low[s:ce]) else low[s:se]
        ids = programs(seg)
        if ids:
            if msg.negated(s, after=False):
                continue
            msg.add("selected_programs", ids, s)
        elif msg.negated(s, after=False) and search(r"项目|计划|人才|" + en_words(r"program|project|any"), seg):
            msg.add("selected_programs", [], s)
