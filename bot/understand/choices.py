"""Choice facts (field, title, employer type …): the words that name each option, and the region of
the Chinese employer.
"""
from __future__ import annotations

import re

from .text import en_words, find_all, search
from .vocab import (
    BEIJING_UNIV,
    CHINA_UNIV_EN,
    CHINA_UNIV_ZH,
    CITY_OTHER_EN,
    CITY_OTHER_ZH,
    NATION_ADJ,
)

_FIELD_PATS = [
    ("engineering", r"化学工程|化工|生物工程|生物医学工程|生物医学工程|材料|电子|电气|计算机|软件|人工智能|机器学习|深度学习|自动化|通信"
                    r"|半导体|芯片|集成电路|信息技术|机械|土木|航空|航天|控制|机器人|新能源|电池|能源|工程技术|工科|工程|医疗器械|" + en_words(
        r"engineering|engineer|computer science|computing|computer|cs|software|electrical|electronics?|ai|artificial intelligence"
        r"|machine learning|deep learning|materials? science|mechanical|semiconductors?|chips?|robotics|aerospace"
        r"|information technology|it|data science|telecom\w*|battery|batteries|medical[- ]device|energy|tech")),
    ("natural_science", r"物理|化学|生物|数学|天文|地质|地球科学|大气|海洋科学|生命科学|生物学|自然科学|理科|基础科学|神经科学|医学|药学|生态|统计学|" + en_words(
        r"physics|physicist|chemistry|chemist|biology|biologist|mathematics|maths?|mathematician|astronomy|astrophysics"
        r"|geology|earth science|life sciences?|natural sciences?|neuroscience|biochemistry|biomedicine|biomedical"
        r"|medicine|pharmacology|ecology|statistics|genetics|molecular")),
    ("finance", r"金融|银行|投资|证券|基金|量化|保险|财务|会计|" + en_words(
        r"finance|financial|banking|investment|securities|quant\w*|asset management|hedge fund|private equity|accounting|insurance")),
    ("social_science", r"经济学|经济|社会学|政治学|法学|法律|管理学|心理学|教育学|人口学|社会科学|社科|国际关系|公共管理|" + en_words(
        r"economics|economist|sociology|political science|law|legal|psychology|education|social sciences?|public policy"
        r"|international relations|management science")),
    ("humanities", r"历史|哲学|文学|语言学|人文|考古|宗教|古典学|" + en_words(
        r"history|historian|philosophy|literature|linguistics|humanities|archaeology|religious studies|classics")),
    ("culture_arts", r"舞台艺术|音乐|美术|设计|电影|影视|戏剧|舞蹈|文化艺术|艺术|出版|动漫|演艺|文艺|绘画|雕塑|建筑设计|" + en_words(
        r"music|musician|fine arts?|arts|art|artist|design|designer|film|cinema|theatre|theater|dance|dancer"
        r"|culture and arts|arts and culture|performing arts|painting|sculpture|publishing|animation")),
]


FIELD_RX = [(v, re.compile(p)) for v, p in _FIELD_PATS]


_TITLE_PATS = [
    ("associate_professor", r"副教授|" + en_words(r"associate professor|assoc(?:iate)?\.? prof\w*")),
    ("assistant_professor", r"助理教授|" + en_words(r"assistant professor|(?:asst|assistant)\.? prof\w*|tenure[- ]track")),
    ("other", r"客座教授|兼职教授|访问教授|名誉教授|荣誉教授|访问学者|高级讲师|讲师|(?<!高级)(?<!首席)(?<!资深)工程师(?!.{0,2}总监)|分析师|顾问|程序员|医生|" + en_words(
        r"visiting professor|adjunct professor|visiting scholar|(?:senior )?lecturer|reader|engineer|analyst|consultant|developer"
        r"|programmer|data scientist|physician|doctor(?! of)|teacher")),
    ("professor", r"教授级|正教授|讲席教授|终身教授|首席教授|(?<!副)(?<!助理)(?<!客座)(?<!兼职)(?<!访问)(?<!名誉)(?<!荣誉)教授|" + en_words(
        r"full professor|chair professor|chaired professor|distinguished professor|tenured professor|professor emeritus"
        r"|emeritus professor|(?<!associate )(?<!assistant )(?<!visiting )(?<!adjunct )(?<!assoc\. )professor|prof")),
    ("researcher", r"研究员|研究科学家|科学家|首席科学家|课题组长|独立pi|" + en_words(
        r"research scientist|staff scientist|senior scientist|principal scientist|scientist|researcher|research fellow"
        r"|research associate|principal investigator|group leader|research staff")),
    ("postdoc", r"博士后|" + en_words(r"postdoc\w*|post-doc\w*|postdoctoral")),
    ("intl_org_manager", r"(?:国际组织|联合国|世界银行|国际货币基金|世卫|世界卫生组织|经合组织).{0,8}(?:管理|官员|主任|处长|司长|负责人|高管|中层|高层)|" + en_words(
        r"(?:manager|officer|director|head|chief)\b.{0,30}(?:international organi[sz]ation|united nations|world bank|imf|who|oecd|unesco|wto)"
        r"|(?:international organi[sz]ation|united nations|world bank|imf|oecd|unesco|wto).{0,30}(?:manager|officer|director|head|chief|management)")),
    ("senior_corporate", r"企业高管|公司高管|高管|高级管理|技术总监|研发总监|产品总监|总监|副总裁|总裁|首席技术官|首席执行官|首席运营官"
                         r"|董事总经理|董事长|总经理|高级经理|部门经理|部门负责人|首席工程师|高级工程师|资深工程师|" + en_words(
        r"senior executive|executive|vice president|vp|svp|evp|director|senior manager|general manager|cto|ceo|coo|cfo"
        r"|chief \w+ officer|head of \w+|principal engineer|distinguished engineer|senior staff engineer|staff engineer"
        r"|senior (?:software |hardware |research |systems? )?engineer"
        r"|managing director|md|senior management|senior role|senior position|manager")),
]


TITLE_RX = [(v, re.compile(p)) for v, p in _TITLE_PATS]


def region_value(text: str, asked: bool = False):
    if search(r"北京|来京|在京|进京|京内|海淀|朝阳区|东城|西城|丰台|石景山|通州|顺义|昌平|大兴|房山|门头沟|怀柔|平谷|密云|延庆|中关村|亦庄|望京|"
          + en_words(r"beijing|haidian|zhongguancun|chaoyang district") + "|" + BEIJING_UNIV.pattern, text):
        return "beijing"
    if search(r"新疆|乌鲁木齐|" + en_words(r"xinjiang|urumqi"), text):
        return "xinjiang"
    if search(r"西藏|拉萨|" + en_words(r"tibet|lhasa"), text):
        return "tibet"
    if search(CITY_OTHER_ZH + "|" + CITY_OTHER_EN, text):
        return "other"
    if asked and search(r"其他|其它|别处|别的|" + en_words(r"other|another|somewhere else"), text):
        return "other"
    return None


_CHOICE_SYN: dict[str, list[tuple[str, str]]] = {
    "nationality": [("foreign", r"外国国籍|外籍|外国|美国|英国|德国|法国|日本|加拿大|澳大利亚|新加坡|" + en_words(
        r"foreign\w*|american|us|usa|uk|british|german|french|canadian|australian|japanese|other|not chinese|" + NATION_ADJ)),
                    ("chinese", r"中国|中国国籍|中国籍|国内|" + en_words(r"chinese|china|prc"))],
    "degree": [("none", r"没有学位|无学位|没学位|没拿学位|没有|无|" + en_words(r"no degree|none|no")),
               ("phd", r"博士|" + en_words(r"phd|doctorate|doctoral|dphil|doctor")),
               ("master", r"硕士|研究生|" + en_words(r"master'?s?|msc|mba|ms|meng|ma")),
               ("bachelor", r"本科|学士|大学|" + en_words(r"bachelor'?s?|bsc|ba|bs|undergrad\w*|college"))],
    "field": [("other", r"其他|其它|都不是|" + en_words(r"other|something else|none of"))] + [(v, p) for v, p in _FIELD_PATS],
    "overseas_title": [("none", r"^(?:没有|无|没有职位|没有职务)$|没有职位|没有职务|无业|" + en_words(r"none|no position|nothing|unemployed|^no$"))]
                      + [("senior_finance", r"金融机构(?:的)?高管|金融.{0,4}高级|投行.{0,6}高级|(?:投行|银行|基金|证券).{0,4}(?:高管|高级职位|高级职务)|" + en_words(
                          r"senior (?:role|position|executive|manager) (?:at|in) (?:an? )?(?:bank|financial|investment|finance)|senior (?:role|position) in finance|finance executive"))]
                      + [(v, p) for v, p in _TITLE_PATS if v != "other"]
                      + [("intl_org_manager", r"国际组织|" + en_words(r"international organi[sz]ation"))]
                      + [("other", r"其他|其它|都不算|都不是|普通职员|职员|普通员工|员工|" + en_words(r"other|something else|staff member|employee|regular staff"))]
                      + [("other", p) for v, p in _TITLE_PATS if v == "other"],
    "employer_type": [
        ("none", r"还没有|没有|暂无|无|" + en_words(r"none|no employer|not yet|nothing yet|don't have|haven't")),
        ("financial_regulator", r"金融监管|金融管理部门|监管机构|监管部门|人民银行|央行|银保监|证监会|金融监督|外汇管理局|" + en_words(
            r"regulator|regulatory|central bank|supervisory")),
        ("private_cultural_unit", r"民营文化|非公有制文化|私营文化|民办文化|民营(?:的)?(?:影视|传媒|出版|演艺|剧团|艺术|文化)|(?:影视|传媒|演艺|动漫|文化)公司|" + en_words(
            r"private cultural|non-public cultural|private (?:arts|culture)|private (?:\w+ )?(?:film|studio|media|publishing|theat\w+|arts?|cultur\w+|animation)")),
        ("state_cultural_unit", r"国有文化|国营文化|国有的文化|文化事业单位|国家(?:大)?剧院|剧院|剧团|博物馆|出版社|乐团|" + en_words(
            r"state-owned cultural|state cultural|public cultural|state (?:arts|theatre)|national theatre|orchestra|museum")),
        ("financial_institution", r"金融机构|银行|证券|保险|基金公司|基金|信托|投行|券商|" + en_words(
            r"financial institution|bank|securities|insurance|fund|asset management|brokerage|investment firm")),
        ("central_soe", r"央企|中央企业|中央直属企业|中央国有企业|" + en_words(r"central soe|central state-owned|centrally administered|central government-owned|soe")),
        ("research_institute", r"科研机构|科研院所|研究所|研究院|研究中心|科学院|中科院|实验室|研究机构|" + en_words(
            r"research institut\w+|institute|academy of sciences|laborator\w+|lab|research cent\w+|research organi[sz]ation")),
        ("university", r"高校|高等学校|高等院校|大学|学院|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + en_words(r"university|universities|college")),
        ("company", r"企业|公司|民企|私企|国企|外企|创业|初创|厂|" + en_words(r"company|startup|start-up|enterprise|firm|corporation|business|private sector|tech")),
    ],
    "product_stage": [("research", r"研发|研究|实验室|开发|" + en_words(r"r&d|rnd|research|development|prototype|lab")),
                      ("pilot", r"中试|试生产|小批量|试点|" + en_words(r"pilot|trial production|small[- ]batch")),
                      ("industrialized", r"产业化|量产|批量|规模化|上市|商业化|在卖|销售|" + en_words(r"industriali[sz]\w+|mass[- ]produc\w+|commerciali[sz]\w+|production|selling|on the market"))],
    "org_location": [("overseas", r"境外|海外|国外|" + en_words(r"overseas|abroad|outside china|foreign")),
                     ("domestic", r"境内|国内|中国|大陆|" + en_words(r"domestic|in china|china|mainland"))],
}


def choice_value(fact: str, text: str, strict: bool = False):
    """The option `text` names for a choice fact (first one found, in list order)."""
    syn = _CHOICE_SYN.get(fact)
    if fact == "employer_region":
        return region_value(text, asked=not strict)
    if fact == "product_stage":
        # the later stage wins when a message mentions two: "研发完成，已经量产"
        for v, p in reversed(syn):
            if search(p, text) and not (v == "research" and search(r"研发完|" + en_words("after r&d"), text)):
                if v == "industrialized" and search(r"(?:没|未|还没|尚未)(?:有)?(?:量产|产业化)|" + en_words(r"not (?:yet )?(?:in )?mass"), text):
                    continue
                return v
        return None
    if syn is None:
        return None
    for v, p in syn:
        if strict and v == "none":
            continue
        if strict and fact == "employer_type" and v == "company" and not search(
                r"企业|公司|" + en_words(r"company|startup|start-up|enterprise|firm|corporation"), text):
            continue
        for m in find_all(p, text):
            # "不是博士，是硕士", "I didn't finish college": a negated option is not the answer
            if v != "none" and search(r"(?:不是|不算|没有|没|未|非|" + en_words(r"not|didn't|did not|never|no") + r")[^,，.。;；]{0,8}$",
                                   text[max(0, m.start() - 14):m.start()]):
                continue
            return v
    return None
