"""Facts from what an applicant types, in Chinese or English (SPEC section 4).

`extract(text, asking)` reads one chat message and returns the profile facts it
states, the facts the user declines to give, whether it asks something and
whether it corrects an earlier answer. Pure functions, no frontend, no I/O:
rule-based (regular expressions over a normalised copy of the text), so it is
fast (well under 2 ms for a typical message) and predictable.

How a message is read
- Numbers: Arabic digits, Chinese numerals (三十四, 两千, 一九八五, 一年半) and
  English number words (thirty-four, a year and a half). Chinese numerals are
  parsed by a small own parser; cn2an is imported only for forms it does not
  cover (e.g. 亿).
- Every fact a free sentence states is taken, several per message; a duration
  is assigned to a fact by its context (每年…个月 → months per year, 连续…年 →
  consecutive years, 公司成立…年 → company age, 博士毕业后… → months after the
  PhD, 在国内… → years in China, 在海外工作… → months abroad).
- `asking` is the fact the bot just asked: a short answer ("是", "no", "34",
  "4 years", "三成", "15万") is read against it, converting units to the fact's.
- Negation ("没有海外创业经验", "I'm not a founder") turns a yes/no fact False.
- A clause that asks about the rules ("外籍人士能申请吗？", "Do I need to be a
  professor?") states nothing about the user; an opening that both tells and
  asks ("我34岁，能申请青年项目吗？") gives its facts and is_question.
- Approximations read conservatively: "不到三年" / "less than 3 years" → 35
  months, "两年多" → 2, "快40了" → 39; a monthly salary is multiplied by 12.
- Corrections ("不对，我是41岁", "change my age to 39"): the value after the
  correction wins.
- Values are never range-checked here ("我200岁" gives age 200): the caller
  validates against the Profile and tells the user.
- Never raises: anything unexpected yields an empty Extraction; only the first
  2,000 characters are read.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Extraction", "extract", "parse_number"]

MAX_CHARS = 2000


@dataclass
class Extraction:
    facts: dict[str, object] = field(default_factory=dict)
    declined: list[str] = field(default_factory=list)
    is_question: bool = False
    correction: bool = False


# --------------------------------------------------------------------------
# fact kinds (mirrors bot/facts.toml; unknown facts are looked up there)

_KIND = {
    "age": "int", "birth_year": "int", "birth_month": "int", "nationality": "choice",
    "ethnic_chinese": "bool", "degree": "choice", "degree_abroad": "bool", "degree_from_renowned": "bool",
    "field": "choice", "overseas_title": "choice", "overseas_employer_renowned": "bool",
    "overseas_months_after_phd": "months", "overseas_research_years": "years",
    "overseas_finance_months": "months", "overseas_work_months": "months", "fulltime_in_china": "bool",
    "years_in_china": "years", "commit_fulltime_years": "years", "commit_months_per_year": "number",
    "commit_years": "years", "has_contract": "bool", "employer_type": "choice", "employer_region": "choice",
    "is_founder": "bool", "company_age_years": "years", "largest_shareholder": "bool",
    "largest_natural_person_shareholder": "bool", "equity_percent": "percent", "product_stage": "choice",
    "overseas_startup_experience": "bool", "intl_company_management": "bool", "awards": "choice",
    "academy_member": "bool", "prior_applications": "int", "multiple_platforms": "bool",
    "unfulfilled_sponsorship": "bool", "misconduct": "bool", "annual_salary_cny": "money",
    "selected_programs": "programs", "receives_other_salary_subsidy": "bool",
    "led_major_intl_project": "bool", "owns_ip_or_core_tech": "bool", "team_main_shareholders": "bool",
    "org_location": "choice", "org_legal_person": "bool", "org_overseas_talents_served": "int",
    "org_area_m2": "number", "org_enterprises": "int", "org_overseas_institutions": "int",
    "org_talents_attracted": "int", "org_annual_fund_cny": "money", "org_local_partners": "int",
    "org_beijing_partners": "int", "org_talents_recommended_per_year": "int", "org_rd_institutions": "int",
    "org_intl_org_partners": "int", "org_embassy_letter": "bool", "org_local_policy": "bool",
    "org_park_cast": "bool",
}
# facts whose Profile type is int (the others that are numeric are float)
_INT_FACTS = {f for f, k in _KIND.items() if k in ("int", "months")}


def _kind(fact: str) -> str:
    k = _KIND.get(fact)
    if k:
        return k
    try:
        from ..eligibility.facts import kind
        return kind(fact)
    except Exception:
        return "text"


_RX_CACHE: dict = {}


def _rx(p):
    """Compiled pattern, cached here for good (re's own cache is shared and bounded)."""
    if not isinstance(p, str):
        return p
    r = _RX_CACHE.get(p)
    if r is None:
        r = _RX_CACHE[p] = re.compile(p)
    return r


def _S(p, s, pos=0):
    return _rx(p).search(s, pos)


def _M(p, s):
    return _rx(p).match(s)


def _FM(p, s):
    return _rx(p).fullmatch(s)


_MAX_MATCHES = 60


def _FI(p, s):
    """At most _MAX_MATCHES matches: a message never states more facts than that."""
    return itertools.islice(_rx(p).finditer(s), _MAX_MATCHES)


# --------------------------------------------------------------------------
# numbers

_ZD = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZU = {"十": 10, "百": 100, "千": 1000}
_D = "零〇一二两三四五六七八九"
ZNUM = rf"[{_D}十](?:[{_D}十百千万亿]|点(?=[{_D}])){{0,11}}"
ANUM = r"(?<![\d.])\d{1,15}(?:\.\d{1,6})?"
NUM = rf"(?:{ANUM}|{ZNUM})"


def _en(p: str) -> str:
    """An English word or phrase, not inside another word (\\b fails next to CJK)."""
    return rf"(?<![a-z])(?:{p})(?![a-z])"


_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
EN_WORD = (r"(?:(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
           r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
           r"|sixteen|seventeen|eighteen|nineteen)")
ENUM = rf"(?:{ANUM}|{_en(EN_WORD)})"
_A_COUPLE = _en(r"a\s+couple(?:\s+of)?|an?")
ENUM_A = rf"(?:{ANUM}|{_en(EN_WORD)}|{_A_COUPLE})"


def _cn2an(s: str):
    try:
        import cn2an  # slow to import (~170 ms): only for numerals our parser does not cover

        v = cn2an.cn2an(s, "smart")
        return int(v) if float(v).is_integer() else float(v)
    except Exception:
        return None


def _zh_section(s: str):
    """一..九千九百九十九, colloquial 三千五 = 3500, 一百五 = 150."""
    total, cur, last_unit, zero = 0, None, None, False
    for ch in s:
        if ch in _ZD:
            d = _ZD[ch]
            if d == 0:
                zero = True
                continue
            if cur is not None:
                return None
            cur = d
        elif ch in _ZU:
            u = _ZU[ch]
            if last_unit is not None and u >= last_unit:
                return None
            total += (cur if cur is not None else 1) * u
            cur, last_unit, zero = None, u, False
        else:
            return None
    if cur is not None:
        total += cur * last_unit // 10 if last_unit and last_unit >= 100 and not zero else cur
    return total


def zh_number(s: str, concat: bool = True):
    """A Chinese numeral as int/float, or None. `concat` reads unit-less digit
    runs digit by digit (一九八五 → 1985, 八五 → 85)."""
    s = s.strip()
    if not s:
        return None
    if "点" in s:
        a, _, b = s.partition("点")
        ia = zh_number(a) if a else 0
        if ia is None or not b or any(c not in _ZD for c in b):
            return _cn2an(s)
        return ia + float("0." + "".join(str(_ZD[c]) for c in b))
    if "亿" in s:
        return _cn2an(s)
    if not any(c in "十百千万" for c in s):
        if all(c in _ZD for c in s):
            if len(s) == 1:
                return _ZD[s]
            return int("".join(str(_ZD[c]) for c in s)) if concat else None
        return _cn2an(s)
    if "万" in s:
        hi, _, lo = s.partition("万")
        if "万" in lo:
            return _cn2an(s)
        h = _zh_section(hi) if hi else 1
        if h is None:
            return _cn2an(s)
        if len(lo) == 1 and lo in _ZD:
            low = _ZD[lo] * 1000  # 两万五
        else:
            low = _zh_section(lo) if lo else 0
        if low is None:
            return _cn2an(s)
        return h * 10000 + low
    v = _zh_section(s)
    return v if v is not None else _cn2an(s)


def en_number(s: str):
    s = s.strip().replace("-", " ")
    if s in ("a", "an"):
        return 1
    if s.startswith("a couple"):
        return 2
    parts = s.split()
    if len(parts) == 1:
        return _EN_UNITS.get(s, _EN_TENS.get(s))
    if len(parts) == 2 and parts[0] in _EN_TENS and parts[1] in _EN_UNITS:
        return _EN_TENS[parts[0]] + _EN_UNITS[parts[1]]
    return None


def parse_number(tok: str | None, concat: bool = True):
    """'34', '1,500', '1.5', '三十四', 'thirty-four' → number (int when whole), or None."""
    if not tok:
        return None
    tok = tok.strip()
    try:
        if tok[0].isdigit():
            v = float(tok.replace(",", ""))
            return int(v) if v.is_integer() else v
    except ValueError:
        return None
    if tok[0] in _D or tok[0] == "十":
        return zh_number(tok, concat)
    return en_number(tok)


def _clean_num(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


# --------------------------------------------------------------------------
# vocabulary

ABROAD_ZH = ("海外|国外|境外|外国|出国|留学|美国|英国|德国|法国|日本|加拿大|澳大利亚|澳洲|新加坡|瑞士|荷兰|瑞典|韩国|欧洲|北美"
             "|硅谷|意大利|西班牙|以色列|比利时|丹麦|挪威|芬兰|奥地利|新西兰|爱尔兰|俄罗斯|香港|澳门|波士顿|纽约|加州|伦敦|巴黎"
             "|柏林|慕尼黑|东京|多伦多|温哥华|西雅图|旧金山|湾区|芝加哥|洛杉矶|费城|匹兹堡|剑桥|牛津|苏黎世")
ABROAD_EN = _en(r"abroad|overseas|outside (?:of )?(?:mainland )?china|foreign|silicon valley|bay area"
                r"|(?:in|at|from|to|of) (?:the )?(?:us|usa|u\.s\.|united states|states|america|uk|u\.k\.|united kingdom"
                r"|britain|england|scotland|germany|france|japan|canada|australia|singapore|switzerland|netherlands"
                r"|sweden|korea|europe|italy|spain|israel|belgium|denmark|norway|finland|austria|new zealand|ireland"
                r"|hong kong|boston|new york|california|london|paris|berlin|munich|tokyo|toronto|vancouver|seattle"
                r"|san francisco|chicago|los angeles|philadelphia|pittsburgh|cambridge|oxford|zurich)")
FOREIGN_UNIV_ZH = ("斯坦福|哈佛|麻省理工|加州理工|普林斯顿|耶鲁|哥伦比亚大学|芝加哥大学|宾夕法尼亚大学|宾大|康奈尔|伯克利|加州大学"
                   "|卡内基梅隆|卡耐基梅隆|约翰霍普金斯|约翰斯霍普金斯|密歇根大学|密西根大学|剑桥大学|牛津大学|剑桥|牛津|帝国理工"
                   "|伦敦大学学院|苏黎世联邦理工|洛桑联邦理工|慕尼黑工业大学|慕尼黑大学|海德堡大学|马普所|马克斯普朗克|东京大学"
                   "|京都大学|大阪大学|新加坡国立大学|南洋理工|多伦多大学|麦吉尔|不列颠哥伦比亚大学|墨尔本大学|悉尼大学"
                   "|澳洲国立大学|华盛顿大学|杜克大学|纽约大学|威斯康星|伊利诺伊|佐治亚理工|德州大学|得克萨斯大学|普渡|南加州大学"
                   "|布朗大学|莱斯大学|范德堡|埃默里|明尼苏达大学|哥廷根|亚琛工业大学|巴黎综合理工|索邦|巴黎高师|爱丁堡大学"
                   "|曼彻斯特大学|伦敦国王学院|伦敦政治经济学院|首尔大学|香港大学|港大|香港科技大学|港科大|香港中文大学|港中文")
FOREIGN_UNIV_EN = _en(r"stanford|harvard|mit|caltech|princeton|yale|columbia|university of chicago|uchicago|upenn"
                      r"|university of pennsylvania|cornell|berkeley|ucla|ucsd|uc san diego|carnegie mellon|cmu"
                      r"|johns hopkins|university of michigan|umich|cambridge|oxford|imperial college|ucl"
                      r"|university college london|eth zurich|eth|epfl|tu munich|technical university of munich"
                      r"|heidelberg|max planck|university of tokyo|kyoto university|osaka university|nus"
                      r"|national university of singapore|nanyang|university of toronto|mcgill|ubc"
                      r"|university of british columbia|university of melbourne|university of sydney"
                      r"|university of washington|duke|nyu|new york university|northwestern university"
                      r"|university of wisconsin|uiuc|university of illinois|georgia tech|ut austin|university of texas"
                      r"|purdue|usc|brown university|rice university|vanderbilt|emory|university of minnesota"
                      r"|rwth aachen|ecole polytechnique|sorbonne|university of edinburgh|edinburgh|university of manchester"
                      r"|king's college london|lse|london school of economics|seoul national university|kaist|hku"
                      r"|university of hong kong|hkust|cuhk|ivy league")
FOREIGN_CO_ZH = ("谷歌|微软|苹果|亚马逊|脸书|英特尔|英伟达|高通|思科|甲骨文|三星|西门子|辉瑞|强生|默克|诺华|罗氏|拜耳|巴斯夫|高盛"
                 "|摩根士丹利|摩根大通|摩根|花旗|瑞银|瑞信|德意志银行|汇丰|巴克莱|贝莱德|桥水|黑石|贝尔实验室|特斯拉|波音|通用电气"
                 "|IBM|ibm|索尼|丰田|松下|博世|大众汽车|奔驰|宝马|空客|杜邦|陶氏|埃克森|壳牌|阿斯利康|葛兰素|赛诺菲|安进|基因泰克"
                 "|德勤|麦肯锡|波士顿咨询|普华永道|安永|毕马威|联合国|世界银行|国际货币基金|英伟达|阿斯麦|飞利浦|爱立信|诺基亚")
FOREIGN_CO_EN = _en(r"google|microsoft|apple|amazon|meta|facebook|ibm|intel|nvidia|qualcomm|cisco|oracle|samsung"
                    r"|siemens|pfizer|johnson & johnson|merck|novartis|roche|bayer|basf|goldman sachs|goldman"
                    r"|morgan stanley|jp ?morgan|j\.p\. morgan|citigroup|citibank|citi|ubs|credit suisse|deutsche bank"
                    r"|hsbc|barclays|blackrock|bridgewater|blackstone|bell labs|tesla|boeing|general electric|sony"
                    r"|toyota|panasonic|bosch|volkswagen|mercedes|bmw|airbus|dupont|exxon|astrazeneca|gsk"
                    r"|glaxosmithkline|sanofi|amgen|genentech|deloitte|mckinsey|bcg|boston consulting|pwc|kpmg|openai"
                    r"|deepmind|netflix|uber|linkedin|adobe|salesforce|hewlett|dell|amd|asml|philips|ericsson|nokia"
                    r"|sap|accenture|fidelity|vanguard|citadel|two sigma|world bank|imf|united nations")
CHINA_UNIV_ZH = ("清华|北大|北京大学|复旦|浙大|浙江大学|上海交大|上海交通大学|中科大|中国科学技术大学|南京大学|中国科学院|中科院"
                 "|国科大|人民大学|武汉大学|中山大学|哈工大|哈尔滨工业大学|西安交大|西安交通大学|同济|北航|北京航空航天|北理工"
                 "|北京理工|华中科技|四川大学|山东大学|厦门大学|南开|天津大学|东南大学|北师大|北京师范大学|中国农业大学|协和"
                 "|北京邮电|北邮|电子科技大学|国防科大|大连理工|吉林大学|兰州大学|重庆大学|湖南大学|中南大学|华南理工|西北工业"
                 "|北京交通大学|北京科技大学|中央财经|对外经贸|北京外国语")
CHINA_UNIV_EN = _en(r"tsinghua|peking university|pku|fudan|zhejiang university|zju|sjtu|shanghai jiao ?tong|ustc"
                    r"|university of science and technology of china|nanjing university|chinese academy of sciences"
                    r"|ucas|renmin university|wuhan university|sun yat-sen|harbin institute of technology"
                    r"|xi'an jiaotong|xjtu|tongji|beihang|beijing institute of technology|huazhong|sichuan university"
                    r"|shandong university|xiamen university|nankai|tianjin university|southeast university"
                    r"|beijing normal university|chinese university of|a chinese university")
BEIJING_UNIV = re.compile(r"清华|北大|北京大学|人民大学|北航|北京航空航天|北理工|北京理工|北师大|北京师范|中国农业大学|北京协和"
                          r"|北京邮电|北邮|北京交通大学|北京科技大学|中央财经|对外经贸|北京外国语|国科大"
                          + "|" + _en(r"tsinghua|peking university|pku|renmin university|beihang|beijing"))
CITY_OTHER_ZH = ("上海|天津|重庆|广州|深圳|杭州|南京|苏州|武汉|成都|西安|合肥|长沙|厦门|青岛|大连|沈阳|济南|郑州|福州|昆明|哈尔滨"
                 "|长春|宁波|无锡|珠海|东莞|佛山|南昌|贵阳|南宁|石家庄|太原|兰州|海口|三亚|广东|江苏|浙江|山东|四川|湖北|湖南"
                 "|河南|河北|福建|安徽|江西|广西|云南|贵州|陕西|山西|辽宁|吉林|黑龙江|内蒙古|宁夏|青海|甘肃|海南|外地|其他省份"
                 "|其他省市|其他城市|其他地区|其它地区|别的城市|别的地方")
CITY_OTHER_EN = _en(r"shanghai|tianjin|chongqing|guangzhou|shenzhen|hangzhou|nanjing|suzhou|wuhan|chengdu|xi'an|xian"
                    r"|hefei|changsha|xiamen|qingdao|dalian|shenyang|jinan|zhengzhou|fuzhou|kunming|harbin|ningbo"
                    r"|guangdong|jiangsu|zhejiang|shandong|sichuan|another city|another province|other province"
                    r"|elsewhere|outside beijing|somewhere else")
CHINA_ZH = "国内|回国|归国|在中国|中国境内|大陆|内地|来京|在京|进京|北京|新疆|西藏|" + CITY_OTHER_ZH
CHINA_EN = _en(r"in china|to china|back in china|back to china|moved back|came back|returned to china|returned home"
               r"|mainland|in beijing|to beijing|in xinjiang|in tibet|" + CITY_OTHER_EN[len("(?<![a-z])(?:"):-len(")(?![a-z])")])
FINANCE_WORDS = ("金融机构|金融业|金融行业|投行|投资银行|对冲基金|资产管理|资管|私募|银行|证券|基金|保险|交易所|华尔街|"
                 "高盛|摩根|花旗|瑞银|瑞信|汇丰|巴克莱|贝莱德|桥水|黑石|" + _en(
                     r"goldman|morgan stanley|jp ?morgan|citi|citigroup|ubs|credit suisse|deutsche bank|hsbc|barclays"
                     r"|blackrock|bridgewater|blackstone|fidelity|vanguard|citadel|two sigma|investment bank(?:ing)?"
                     r"|hedge fund|asset management|private equity|banks?|banking|securities|brokerage|insurance"
                     r"|financial institution|financial firm|wall street|federal reserve|stock exchange|funds?"))
WORK_ZH = "工作|任职|就职|任教|执教|做|干|待|呆|当|担任|上班|供职|从事|留在|留校|研究员|教授|博士后|科学家|工程师|总监|高管|经理"
WORK_EN = _en(r"work|works|worked|working|employed|job|position|as an?|postdoc|post-doc|professor|researcher|scientist"
              r"|engineer|director|manager|spent|been|served|serving|teach|teaching|taught|faculty|staff|lecturer")
FUTURE = re.compile(r"打算|计划|准备|将会|将|愿意|承诺|保证|可以|能够|能|想要|想|要|会|拟|" + _en(
    r"will|would|can|could|plan|plans|planning|intend|intending|commit|committed|willing|going to|agree|promise"
    r"|able to|ready to|prepared to|expect to|want to|hope to|'ll"))
PAST = re.compile(r"了|已经|已|过|曾|" + _en(r"have been|has been|'ve been|was|were|did|worked|lived|spent|since|for the past|so far"))

NEG_ZH = re.compile(r"没有|没|無|无|未|不|非|从未|尚未|并非|别")
NEG_ZH_STRIP = re.compile(r"是不是|有没有|能不能|会不会|要不要|可不可以|是否|不仅|不但|不错|不少|不同|不久|不过|不到|不超过|不满|不足"
                          r"|不低于|不少于|非常|无论|并不是说|不管|没想到|差不多|不一定|不清楚|不确定|不知道|不太清楚")
NEG_EN = re.compile(_en(r"not|never|no|none|neither|nor|without|non|n't") + r"|n't(?![a-z])")
NEG_EN_STRIP = re.compile(_en(r"not only|no longer than|not more than|not less than|no more than|no less than|not sure"
                              r"|no idea|not yet sure|nothing but"))

CLAUSE_SEP = re.compile(r"[。！!？?；;\n,，、:：()（）\[\]【】\"“”]|(?<!\d)\.|\.(?!\d)|\s[-–—]\s|"
                        + _en(r"but|however|although|though|whereas|while") + r"|但是|但|不过|而是|可是|然而")
SENT_SEP = re.compile(r"[。！!？?；;\n]|(?<!\d)\.(?!\d)|(?<=\d)\.(?!\d)|(?<!\d)\.(?=\d)")

_TAG = re.compile(r"<[^<>]{0,300}>")
_CTRL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff]")
_ABBR = [(re.compile(r"ph\.\s?d\.?", re.I), "phd"), (re.compile(r"(?<![a-z])u\.s\.a?\.?", re.I), "us "),
         (re.compile(r"(?<![a-z])u\.k\.", re.I), "uk "), (re.compile(r"(?<![a-z])m\.sc\.?", re.I), "msc"),
         (re.compile(r"(?<![a-z])b\.sc\.?", re.I), "bsc"), (re.compile(r"(?<![a-z])m\.s\.", re.I), "ms "),
         (re.compile(r"(?<![a-z])b\.s\.", re.I), "bs "), (re.compile(r"(?<![a-z])b\.a\.", re.I), "ba "),
         (re.compile(r"(?<![a-z])m\.a\.", re.I), "ma "), (re.compile(r"(?<![a-z])e\.g\.", re.I), "eg "),
         (re.compile(r"(?<![a-z])i\.e\.", re.I), "ie "), (re.compile(r"(?<![a-z])dr\.", re.I), "dr "),
         (re.compile(r"(?<![a-z])prof\.", re.I), "prof "), (re.compile(r"(?<![a-z])j\.p\.", re.I), "jp "),
         (re.compile(r"(?<![a-z])r&d", re.I), "rnd"), (re.compile(r"[’‘`´]"), "'")]
_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def normalize(text: str) -> str:
    """Width-folded, lower-case ASCII, no markup or control characters."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    text = _TAG.sub(" ", text)
    text = _CTRL.sub(" ", text)
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    for rx, rep in _ABBR:
        text = rx.sub(rep, text)
    text = text.translate(_UPPER)
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()


# program names: masked before facts are read ("海聚工程" is no engineering, "创业人才项目" no founder)
_PROGRAM_NAME = re.compile(
    r"(?:北京市?|首都|国家)?(?:海外高层次人才引进计划|千人计划|海聚工程|海聚计划|海聚|海智(?:工作)?基地|外专千人|青年千人|青千)"
    r"(?:的)?(?:(?:青年|创业人才|创新人才|创业团队|创业|创新|外专长期|外专短期|外专|外国专家|短期|长期|全职工作|全职|文化艺术人才|文化艺术"
    r"|新疆西藏|顶尖人才与创新团队|顶尖人才|顶尖|重点领域)(?:人才)?(?:项目|类|计划)?)?(?:项目|类|计划)?"
    r"|(?:北京市)?外国专家(?:项目|计划|政策)|北京市外国专家"
    r"|(?:青年|创业人才|创新人才长期|创新人才短期|创新人才|创业团队|创业|外专长期|外专短期|外专|外国专家|短期|长期|全职工作|全职"
    r"|文化艺术人才|文化艺术|新疆西藏|顶尖人才与创新团队|顶尖人才)(?:人才)?(?:项目|类)"
    r"|" + _en(r"(?:the )?(?:young |youth )?thousand[- ]talents?(?: plan| program(?:me)?| project| scheme)?"
              r"|(?:the )?haiju(?: program(?:me)?| project| plan| scheme)?|qianren"
              r"|(?:young|youth|entrepreneur(?:ship)?|startup|start-up|innovation|foreign experts?|short[- ]term"
              r"|long[- ]term|full[- ]time|top talent|culture(?: and| &) arts?|arts|xinjiang(?: and| &) tibet"
              r"|startup team|key field|young talent)s?(?: talents?)? (?:program(?:me)?|project|track|category"
              r"|plan|scheme|funding)"))


# --------------------------------------------------------------------------
# the reading context of one message


_PERSONAL = {"academy_member", "awards", "overseas_title", "degree", "nationality", "is_founder", "degree_abroad"}
_THIRD_PARTY = re.compile(r"导师|老师|父亲|母亲|爸爸|妈妈|太太|妻子|丈夫|爱人|老公|老婆|同事|合作者|老板|上司|朋友|学生|孩子|儿子|女儿|他|她|" + _en(
    r"advisor|adviser|supervisor|mentor|colleagues?|father|mother|dad|mom|wife|husband|spouse|boss|friends?|students?"
    r"|son|daughter|he|she|his|her|they|their|co-?author"))
# facts a question clause may still state ("45岁还能申请吗？" is about the user)
_NOT_HYPO = {"age", "birth_year", "birth_month", "selected_programs", "prior_applications", "annual_salary_cny"}


class _Msg:
    def __init__(self, low: str, today: dt.date):
        self.raw = low
        self.today = today
        self.low = _PROGRAM_NAME.sub(lambda m: " " * len(m.group()), low)
        self.clauses = self._bounds(CLAUSE_SEP)
        self.sents = self._bounds(SENT_SEP)
        self._cstarts = [s for s, _ in self.clauses]
        self._sstarts = [s for s, _ in self.sents]
        self.found: dict[str, list[tuple[int, int, object]]] = {}  # fact -> [(pos, priority, value)]
        self.spans: list[tuple[int, int, str]] = []  # number spans already read, with their fact
        self.correction = False
        self._hypo: dict = {}
        self.has_phd = bool(_S(r"博士(?!后)|读博|" + _en(r"phd|doctorate|doctoral|dphil"), low))
        self.abroad_any = bool(_S(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN,
                                         self.low))

    def _bounds(self, sep):
        out, start = [], 0
        for m in sep.finditer(self.low):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if start < len(self.low):
            out.append((start, len(self.low)))
        return out or [(0, 0)]

    def clause(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._cstarts, pos) - 1)
        return self.clauses[i]

    def sent(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._sstarts, pos) - 1)
        return self.sents[i]

    def ctext(self, pos: int) -> str:
        s, e = self.clause(pos)
        return self.low[s:e]

    def stext(self, pos: int) -> str:
        s, e = self.sent(pos)
        return self.low[s:e]

    def negated(self, start: int, end: int | None = None, after: bool = True) -> bool:
        """A negation word before `start` in its clause (or right after `end`)."""
        cs, ce = self.clause(start)
        before = self.low[max(cs, start - 60):start]
        before = NEG_EN_STRIP.sub(" ", NEG_ZH_STRIP.sub(" ", before))
        if NEG_ZH.search(before) or NEG_EN.search(before):
            return True
        if after and end is not None:
            rest = self.low[end:min(ce, end + 40)]
            if _M(r"\s*(?:的)?(?:记录|经历|经验|情况|问题|方面|这方面|这种情况)?\s*(?:是|:|：)?\s*(?:没有|没|无|否|不存在|从来没有|从未有过"
                        r"|还没|尚未|未)|" + r"\s*(?:record|experience)?\s*(?::|-)?\s*" + _en(r"none|no|never"), rest):
                return True
        return False

    def someone_else(self, pos: int) -> bool:
        cs, _ = self.clause(pos)
        before = self.low[max(cs, pos - 40):pos]
        m = None
        for m in _THIRD_PARTY.finditer(before):
            pass
        return bool(m) and not _S(r"我(?:也|还|本人)?(?:是|曾是|曾经是|当过|做过|获得|得过)|" + _en(r"i am|i'm|i was|i've|i have|i also"), before[m.end():])

    def hypo(self, pos: int) -> bool:
        """The clause at `pos` asks about the rules rather than telling about the user."""
        cs, ce = self.clause(pos)
        if (cs, ce) not in self._hypo:
            clause = self.low[cs:ce] + self.low[ce:ce + 1]
            ss, se = self.sent(pos)
            self._hypo[(cs, ce)] = _hypothetical(clause) or (
                bool(_REQUIRE.search(clause)) and _is_question(self.low[ss:se + 1]))
        return self._hypo[(cs, ce)]

    def add(self, fact: str, value, pos: int, prio: int = 0, span: tuple[int, int] | None = None):
        if fact not in _NOT_HYPO and self.hypo(pos):
            return  # "外籍人士能申请吗？", "can a postdoc apply?": about the rules, not the user
        if fact in _PERSONAL and prio >= 0 and self.someone_else(pos):
            return  # "我的导师是院士": a fact about someone else
        self.found.setdefault(fact, []).append((pos, prio, value))
        if span:
            self.spans.append((span[0], span[1], fact))

    def used(self, s: int, e: int) -> str | None:
        for a, b, f in self.spans:
            if a < e and s < b:
                return f
        return None


# --------------------------------------------------------------------------
# durations

_HALF_YEAR = _en(r"half\s+a\s+year|half\s+year|half-year")
ZH_DUR = re.compile(
    rf"(?P<y>{NUM})\s*(?:个\s*)?(?:多\s*)?(?:整\s*)?年(?!级|代|龄|纪|薪|底|初|末|份)(?P<yh>半)?(?:多)?"
    rf"(?:\s*(?:零|又)?\s*(?P<ym>{NUM})\s*个\s*(?:多\s*)?(?P<ymh>半)?\s*月)?"
    rf"|(?P<m>{NUM})\s*个\s*(?:多\s*)?(?P<mh>半)?\s*(?:多\s*)?月"
    rf"|(?P<hy>半)\s*(?:个\s*)?年(?!级|代|龄|纪|薪)"
    rf"|(?P<hm>半)\s*个\s*月")
EN_DUR = re.compile(
    rf"(?P<ey>{ENUM_A})(?P<eyh>\s+and\s+a\s+half)?[\s-]*(?P<econ>(?:consecutive|straight|full|more|whole|additional"
    rf"|continuous|solid|further)\s+)?(?:years?|yrs?)(?![a-z])(?![\s-]*old)(?P<eyh2>\s+and\s+a\s+half)?"
    rf"(?:,?\s*(?:and\s+)?(?P<eym>{ENUM_A})[\s-]*months?(?![a-z]))?"
    rf"|(?P<em>{ENUM_A})(?P<emh>\s+and\s+a\s+half)?[\s-]*(?:(?:consecutive|straight|full|more|whole)\s+)?months?(?![a-z])"
    rf"|(?P<ehy>{_HALF_YEAR})")


@dataclass
class _Dur:
    start: int
    end: int
    months: float
    unit: str  # "y" or "m"


def _durations(low: str) -> list[_Dur]:
    out = []
    for m in _FI(ZH_DUR, low):
        g = m.groupdict()
        if g["y"] is not None:
            tok = g["y"]
            if tok.isdigit() and len(tok) == 4 and not g["ym"]:
                continue  # a calendar year: 1985年
            y = parse_number(tok, concat=False)
            if y is None:
                continue
            months = y * 12 + (6 if g["yh"] else 0)
            if g["ym"]:
                ym = parse_number(g["ym"], concat=False)
                if ym is None:
                    continue
                months += ym + (0.5 if g["ymh"] else 0)
            out.append(_Dur(m.start(), m.end(), months, "y"))
        elif g["m"] is not None:
            v = parse_number(g["m"], concat=False)
            if v is None:
                continue
            out.append(_Dur(m.start(), m.end(), v + (0.5 if g["mh"] else 0), "m"))
        elif g["hy"]:
            out.append(_Dur(m.start(), m.end(), 6, "y"))
        elif g["hm"]:
            out.append(_Dur(m.start(), m.end(), 0.5, "m"))
    for m in _FI(EN_DUR, low):
        g = m.groupdict()
        if g["ey"] is not None:
            if g["ey"] in ("a", "an") and _S(r"(?:months?|per|each|every|times|once|twice|salary|paid|pay|k|yuan|rmb|cny|million|thousand|万|元)\s*$",
                                               low[max(0, m.start() - 12):m.start()]):
                continue
            y = parse_number(g["ey"])
            if y is None:
                continue
            months = y * 12 + (6 if g["eyh"] or g["eyh2"] else 0)
            if g["eym"]:
                ym = parse_number(g["eym"])
                months += ym or 0
            out.append(_Dur(m.start(), m.end(), months, "y"))
        elif g["em"] is not None:
            v = parse_number(g["em"])
            if v is None:
                continue
            out.append(_Dur(m.start(), m.end(), v + (0.5 if g["emh"] else 0), "m"))
        elif g["ehy"]:
            out.append(_Dur(m.start(), m.end(), 6, "y"))
    for m in _FI(_en(r"(?P<n>a|one|two|three|four|five|half a) decades?"), low):
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "half a": 0.5}[m.group("n")]
        out.append(_Dur(m.start(), m.end(), n * 120, "y"))
    for d in out:
        if _S(r"(?:不到|不足|未满|不满|没到|没有|快|将近|接近|差不多快|" + _en(r"less than|under|almost|nearly|not quite|not even|just under")
              + r")\s*$", low[max(0, d.start - 12):d.start]) or _M(r"\s*(?:都)?(?:不到|没有|没到)", low[d.end:d.end + 6]):
            d.months = d.months - 1 if d.months > 1 else d.months / 2
    out.sort(key=lambda d: d.start)
    return out


def _months_value(fact: str, months: float):
    k = _kind(fact)
    if k == "months" or fact == "commit_months_per_year":
        return _clean_num(round(months, 1)) if fact == "commit_months_per_year" else int(round(months))
    return _clean_num(round(months / 12, 2))


_PER_YEAR_BEFORE = re.compile(r"(?:每|一)\s*年|每一年|年均|" + _en(r"each year|every year|per year|a year|annually|yearly"))
_PER_YEAR_AFTER = re.compile(r"\s*(?:(?:of|in)\s+)?(?:(?:a|per|each|every)\s+year|annually|yearly|/\s*year|/\s*yr|每年|一年)")
_CONSEC_BEFORE = re.compile(r"连续|坚持|持续|" + _en(r"consecutive|in a row|running|straight"))
_CONSEC_AFTER = re.compile(r"\s*(?:,\s*)?(?:" + _en(r"in a row|consecutively|running|straight|on end") + r"|连续)")
_FULLTIME = re.compile(r"全职|" + _en(r"full[- ]?time"))
_COMPANY = re.compile(r"公司|企业|成立|创办|创立|注册|创业|" + _en(
    r"company|startup|start-up|firm|business|founded|co-founded|established|incorporated|set up|started"))
_COMPANY_AGE = re.compile(r"成立|创办|创立|注册|创建|开了|办了|运营|经营|创业|" + _en(
    r"founded|co-founded|established|incorporated|set up|started|old|ago|operating|running|been around|in business"))
_AFTER_PHD = re.compile(r"毕业(?:以|之)?后|学位(?:以|之)?后|读完博士(?:以|之)?后|博士毕业|" + _en(
    r"(?:after|since|following)\s+(?:my |the |getting (?:my |a |the )?|receiving (?:my |a |the )?|finishing (?:my |the )?"
    r"|completing (?:my |the )?|earning (?:my |a |the )?)?(?:phd|doctorate|graduat\w*|graduation|degree)|post-?phd"))
_RESEARCH = re.compile(r"科研|研究(?!员|生|所|院|机构|中心)|" + _en(
    r"research(?! scientist| institute| fellow| centre| center| lab)|researching"))
_RESEARCH_EXP = re.compile(r"科研|研究(?:工作)?(?:经历|经验)|做(?:了)?.{0,6}研究(?!员|生|所|院)|" + _en(
    r"research experience|of research|doing research|did research|done research|in research|research work"
    r"|years? researching|research abroad|research there"))
_RETURN_FROM = re.compile(r"从[^，,。]{1,10}(?:回来|回国|归国)|" + _en(
    r"(?:return\w*|came back|coming back|moved back|moving back|back) from (?:the )?[a-z]+(?: [a-z]+)?"))
_RETURN_AGO = re.compile(r"回国|归国|回来|" + _en(r"moved back|came back|returned|back to china|back in china|relocated"))


def _classify_durations(msg: _Msg, durs: list[_Dur]):
    low = msg.low
    for d in durs:
        cs, ce = msg.clause(d.start)
        ss, se = msg.sent(d.start)
        cs, ce = max(cs, d.start - 150), min(ce, d.end + 150)
        ss, se = max(ss, d.start - 300), min(se, d.end + 300)
        clause, sent = low[cs:ce], low[ss:se]
        before_c, after_c = low[cs:d.start], low[d.end:ce]
        before_s = low[ss:d.start]
        span = (d.start, d.end)
        # 1. months per year
        if d.unit == "m" and (_PER_YEAR_BEFORE.search(before_c[-16:]) or _PER_YEAR_AFTER.match(low[d.end:d.end + 20])):
            msg.add("commit_months_per_year", _months_value("commit_months_per_year", d.months), d.start, span=span)
            continue
        if msg.negated(d.start) and _S(r"不到|不足|" + _en("less than|under"), before_c[-6:]) is None:
            # "没有在国内工作过" has no duration; a negated duration is not a fact
            if _S(r"没|不|未|" + _en("not|never|no"), before_c[-4:]):
                continue
        ago = _M(r"\s*(?:以)?前|\s*" + _en("ago|back"), after_c)
        # 2. consecutive years
        if d.unit == "y" and (_CONSEC_BEFORE.search(before_c[-10:]) or _CONSEC_AFTER.match(after_c)
                              or "consecutive" in low[d.start:d.end]):
            msg.add("commit_years", _months_value("commit_years", d.months), d.start, span=span)
            continue
        # 3. company age
        if d.unit == "y" or d.months >= 1:
            ctx = sent if ago else clause
            if _COMPANY.search(ctx) and (_COMPANY_AGE.search(ctx) or ago):
                if not _S(r"创过业|创业经[历验]|" + _en("startup experience"), ctx) and not (
                        _RETURN_AGO.search(ctx) and not _S(r"成立|创办|创立|" + _en("founded|co-founded|set up|established|started"), ctx)):
                    msg.add("company_age_years", _months_value("company_age_years", d.months), d.start, span=span)
                    if ago and _RETURN_AGO.search(sent):
                        msg.add("years_in_china", _months_value("years_in_china", d.months), d.start)
                    continue
        if ago and _RETURN_AGO.search(sent):
            msg.add("years_in_china", _months_value("years_in_china", d.months), d.start, span=span)
            continue
        # 4. full-time commitment
        if d.unit == "y" and _FULLTIME.search(clause):
            past = _S(r"已经|已|" + _en(r"already|have been|has been|'ve been|since"), clause)
            if not past:
                msg.add("commit_fulltime_years", _months_value("commit_fulltime_years", d.months), d.start, span=span)
                continue
        china = _S(CHINA_ZH + "|" + CHINA_EN, clause)
        # "after returning from Canada", "从美国回来": where one came from is not where the time was spent
        ctx = _RETURN_FROM.sub(" ", before_s + low[d.start:ce])
        abroad_here = _S(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|"
                         + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN, ctx)
        there = _S(r"那边|那里|当地|留在|" + _en("there"), clause) and msg.abroad_any
        future = FUTURE.search(before_c) and not PAST.search(before_c)
        # 5. time in China (past), or a commitment to come (future)
        if china and not abroad_here and not there:
            if future and d.unit == "y" and ("commit_months_per_year" in msg.found or _PER_YEAR_BEFORE.search(sent)):
                msg.add("commit_years", _months_value("commit_years", d.months), d.start, span=span)
            elif future:
                msg.add("commit_fulltime_years", _months_value("commit_fulltime_years", d.months), d.start, span=span)
            else:
                msg.add("years_in_china", _months_value("years_in_china", d.months), d.start, span=span)
            continue
        if future and d.unit == "y" and _S(r"工作|服务|" + _en("work|serve|stay"), clause):
            continue  # "打算在那里工作五年": not a fact we hold
        took = False
        # 6. after the PhD
        if (_AFTER_PHD.search(before_s) or _AFTER_PHD.search(after_c)) and (msg.has_phd or "博士" in before_s) and not future:
            msg.add("overseas_months_after_phd", _months_value("overseas_months_after_phd", d.months), d.start, span=span)
            took = True
        # 7. finance abroad
        if _S(FINANCE_WORDS, clause) and _S(WORK_ZH + "|" + WORK_EN, clause) and not china:
            msg.add("overseas_finance_months", _months_value("overseas_finance_months", d.months), d.start, span=span)
            took = True
        # 8. research experience
        if _RESEARCH_EXP.search(clause) and not china and not took:
            msg.add("overseas_research_years", _months_value("overseas_research_years", d.months), d.start, span=span)
            took = True
        # 9. work abroad
        work = _S(WORK_ZH + "|" + WORK_EN, clause)
        if (abroad_here or there) and work and not china and not future:
            msg.add("overseas_work_months", _months_value("overseas_work_months", d.months), d.start, span=span)
            took = True


# --------------------------------------------------------------------------
# free-text detectors


def _find_age(msg: _Msg):
    low = msg.low
    third = re.compile(r"孩子|儿子|女儿|父亲|母亲|爸|妈|他|她|太太|妻子|老婆|丈夫|老公|公司|" + _en(
        r"son|daughter|child|kid|father|mother|wife|husband|he|she|company|limit|maximum|minimum|under|over|below|above"))
    limit_before = re.compile(r"不超过|不满|未满|低于|超过|小于|大于|限|上限|下限|要求|门槛|以下|以上|满|" + _en(
        r"under|over|below|above|limit|maximum|max|minimum|min|up to|than|until|before|after"))
    pats = [
        re.compile(rf"(?P<n>{NUM})\s*(?:周)?\s*岁(?!以下|以上|以内|之下|之内|之前|前|时|的时候|那年|之后|后|起)"),
        re.compile(rf"(?:今年|年龄|年纪|岁数)\s*(?:已经|才|刚|刚刚|刚满|满)?\s*(?:是|为|有|改成|改为|应该是|:|=)?\s*(?P<n>{NUM})"
                   rf"(?!\s*(?:年|个|月|%|万|次|\d|[{_D}]))"),
        re.compile(rf"(?:{_en(r'i am|i.m|im|i.m now|i am now|i just turned|i turned|i will be|i.ll be|just turned|now')})"
                   rf"\s+(?:only\s+|just\s+|already\s+|actually\s+|really\s+)?(?P<n>{ENUM})(?=\s*(?:$|[,.;!?)]|and |with |now|"
                   rf"years? old|yrs? old|y/?o(?![a-z])|this year|but|so|,|who|from|living|working|in |next |on ))"),
        re.compile(rf"(?P<n>{ENUM})[\s-]*(?:years?|yrs?)[\s-]*old|(?P<n2>{ENUM})\s*y/?o(?![a-z])"),
        re.compile(rf"{_en(r'aged?|my age is|age is|age:|age of|age to|age =|age now')}\s*:?\s*(?P<n>{ENUM})(?!\s*(?:%|percent|months?))"),
    ]
    for i, rx in enumerate(pats):
        for m in _FI(rx, low):
            tok = m.group("n") or (m.groupdict().get("n2"))
            gs = m.start("n") if m.group("n") else m.start("n2")
            if msg.used(m.start(), m.end()):
                continue
            v = parse_number(tok, concat=False)
            if v is None:
                continue
            if i == 1 and isinstance(v, (int, float)) and v >= 1900:
                continue
            cs, _ = msg.clause(gs)
            before = low[cs:gs]
            if i in (0, 3, 4) and third.search(before[-12:]):
                continue
            if i in (0, 3, 4) and limit_before.search(before[-10:]):
                if not _S(r"我|" + _en(r"i|i'm|my"), before[-12:]):
                    continue
            if i == 0 and _M(r"\s*(?:周)?\s*岁\s*(?:以下|以上)", low[m.end("n"):m.end("n") + 6]):
                continue
            if msg.negated(gs, after=False) and not _S(r"不对|不是的", before):
                continue
            if _S(r"(?:快|马上|即将|将满|要满|快要|下个月|明年)\s*$|" + _en(r"i.ll be|i will be|turning|about to turn|will turn|almost|nearly") + r"\s*$", before[-14:]):
                v = v - 1
            msg.add("age", _clean_num(v) if isinstance(v, int) else int(v), gs, span=(m.start(), m.end()))


_MONTHS_EN = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
              "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
              "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
MONTH_EN = _en("|".join(sorted(_MONTHS_EN, key=len, reverse=True)))


def _year_value(tok: str, today: dt.date):
    tok = tok.strip().lstrip("'")
    v = parse_number(tok, concat=True)
    if v is None:
        return None
    v = int(v)
    if len(tok) == 2 or (tok[0] in _D and len(tok) == 2):
        v = 1900 + v if v > today.year % 100 else 2000 + v
    return v


def _find_birth(msg: _Msg):
    low = msg.low
    yz = rf"(?P<y>\d{{4}}|\d{{2}}|[{_D}]{{2}}|[{_D}]{{4}})"
    mz = rf"(?:(?P<m>{NUM})\s*月(?:份)?)?"
    pats = [
        re.compile(rf"{yz}\s*年\s*{mz}\s*(?:\d{{1,2}}\s*[日号])?\s*(?:出生|生人|生的|生(?!产|效|活|意|物|成|态|病|命|涯))"),
        re.compile(rf"(?:出生于|生于|出生在|出生年份\s*(?:是|为|:)?|出生年\s*(?:是|为|:)?)\s*{yz}\s*年?\s*{mz}"),
        re.compile(rf"(?:我是|是)\s*{yz}\s*年(?:的|生)(?=\s*(?:$|[,.;!?。，！？]|人|吧|啊))"),
        re.compile(rf"(?<![\d{_D}]){yz}\s*年\s*{mz}\s*的\s*(?=$|[,.;!?。，！？]|人)"),
        re.compile(rf"{_en(r'born|birth year|year of birth|birthyear')}\s*(?:is|was|:)?\s*(?:in|on)?\s*(?:(?P<mon>{MONTH_EN})\s+)?"
                   rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:of\s+)?(?P<y>\d{{4}}|'\d{{2}})"),
        re.compile(rf"{_en(r'born')}\s*(?:on\s+)?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_EN}),?\s+(?P<y>\d{{4}})"),
    ]
    for rx in pats:
        for m in _FI(rx, low):
            if msg.negated(m.start(), after=False):
                continue
            y = _year_value(m.group("y"), msg.today)
            if y is not None:
                msg.add("birth_year", y, m.start(), span=(m.start(), m.end()))
            gd = m.groupdict()
            if gd.get("m"):
                mv = parse_number(gd["m"], concat=False)
                if mv is not None:
                    msg.add("birth_month", int(mv), m.start())
            if gd.get("mon"):
                msg.add("birth_month", _MONTHS_EN[gd["mon"]], m.start())
    month_pats = [
        re.compile(rf"(?<![\d{_D}年])(?P<m>{NUM})\s*月\s*(?:份)?\s*(?:\d{{1,2}}\s*[日号])?\s*(?:出生|生日|生的|生(?!产|效|活|意))"),
        re.compile(rf"(?:生日|出生月份|出生月)\s*(?:是|在|为|:)?\s*(?P<m>{NUM})\s*月?"),
        re.compile(rf"{_en(r'born')}\s+(?:in|on)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<mon>{MONTH_EN})"),
        re.compile(rf"{_en(r'birth month|month of birth|birthday')}\s*(?:is|was|:)?\s*(?:in\s+)?(?P<mon>{MONTH_EN})"),
    ]
    for rx in month_pats:
        for m in _FI(rx, low):
            gd = m.groupdict()
            if gd.get("m"):
                v = parse_number(gd["m"], concat=False)
                if v is not None:
                    msg.add("birth_month", int(v), m.start(), span=(m.start(), m.end()))
            elif gd.get("mon"):
                msg.add("birth_month", _MONTHS_EN[gd["mon"]], m.start())


_NATION_ADJ = (r"american|british|english|german|french|canadian|australian|japanese|singaporean|swiss|dutch|swedish"
               r"|korean|italian|spanish|israeli|belgian|danish|norwegian|finnish|austrian|irish|indian|russian"
               r"|brazilian|new zealander|mexican|portuguese|polish|czech|greek|turkish|malaysian|thai|vietnamese"
               r"|filipino|indonesian|pakistani|egyptian|south african|nigerian|argentinian|chilean|ukrainian|hungarian")
_COUNTRY_ZH = (r"美|英|德|法|日|加|澳|新|韩|意|俄|印|美国|英国|德国|法国|日本|加拿大|澳大利亚|澳洲|新加坡|瑞士|荷兰|瑞典|韩国|意大利"
               r"|西班牙|以色列|比利时|丹麦|挪威|芬兰|奥地利|新西兰|爱尔兰|俄罗斯|印度|巴西|马来西亚|泰国|外国|外")


def _find_nationality(msg: _Msg):
    low = msg.low
    chinese = re.compile(r"中国国籍|中国籍|中国公民|中国护照|国籍\s*(?:是|为|:)?\s*中国|(?<!华裔|美籍|外籍)中国人(?!民)|华侨"
                         r"|" + _en(r"chinese (?:citizen|national|nationality|passport|citizenship)|citizen of china"
                                    r"|prc citizen|i.m chinese|i am chinese|chinese,? not foreign"))
    foreign = re.compile(rf"外国国籍|外籍(?!华人|人士)?|外国人|外国公民|外国专家|外国护照|(?:{_COUNTRY_ZH})(?:国)?籍(?!贯)|"
                         r"(?:美国|英国|德国|法国|日本|加拿大|澳大利亚|新加坡|瑞士|荷兰|韩国)(?:公民|护照|人(?!才))"
                         r"|入(?:了)?(?:外|美|英|德|加|澳)(?:国)?籍|国籍\s*(?:是|为|:)?\s*(?:" + _COUNTRY_ZH + r")(?!中国)"
                         + "|" + _en(rf"foreign (?:national|citizen|nationality|passport|expert|citizenship)|foreigner"
                                     rf"|(?:us|u\.s|american|{_NATION_ADJ}) (?:citizen|national|passport|citizenship|expert|engineer|scientist|professor|researcher)"
                                     rf"|citizen of (?:the )?(?!china)\w+|(?:i.m|i am) (?:an? )?(?:{_NATION_ADJ})"
                                     rf"|chinese[- ]american|chinese[- ]canadian|chinese[- ]australian|naturali[sz]ed"
                                     rf"|not chinese|non-chinese citizen"))
    for m in _FI(chinese, low):
        msg.add("nationality", "foreign" if msg.negated(m.start(), after=False) else "chinese", m.start())
    for m in _FI(foreign, low):
        txt = m.group()
        if txt in ("not chinese",):
            msg.add("nationality", "foreign", m.start())
            continue
        if txt.startswith("外国专家") and _M(r"外国专家\s*(?:项目|计划|政策)", low[m.start():m.start() + 8]):
            continue
        msg.add("nationality", "chinese" if msg.negated(m.start(), after=False) else "foreign", m.start())


def _find_ethnic(msg: _Msg):
    low = msg.low
    rx = re.compile(r"华裔|华人|华侨|中国血统|祖籍中国|祖籍是中国|中国后裔|父母(?:都|均)?是(?:中国人|华人)|" + _en(
        r"(?:my )?parents are (?:both )?chinese|chinese parents|born to chinese|chinese roots") + "|" + _en(
        r"(?:of )?chinese (?:descent|origin|heritage|ancestry|background|ethnicity)|ethnic(?:ally)? chinese"
        r"|overseas chinese|chinese[- ]american|chinese[- ]canadian|chinese[- ]australian|chinese[- ]british"))
    for m in _FI(rx, low):
        if m.group() == "华人" and _M(r"华人(?:科学家|协会|社区|学者)", low[m.start():m.start() + 6]):
            continue
        neg = msg.negated(m.start(), after=False)
        if low[max(0, m.start() - 1):m.start()] == "非":
            neg = True
        msg.add("ethnic_chinese", not neg, m.start())


_DEG_RANK = {"none": 0, "bachelor": 1, "master": 2, "phd": 3}
_DEGREE_PATS = [
    ("phd", re.compile(r"博士(?!后|生导师|在读|研究生在读)|读博|" + _en(r"phd|dphil|doctorate|doctoral degree|doctor's degree|doctor of \w+"))),
    ("master", re.compile(r"硕士|研究生(?:学历|毕业)|" + _en(r"master'?s?|msc|mba|meng|m\.eng|llm|mphil|ms"))),
    ("bachelor", re.compile(r"本科|学士|大学毕业|" + _en(r"bachelor'?s?|bsc|undergraduate degree|college degree|ba|bs|beng"))),
    ("none", re.compile(r"没有学位|无学位|没学位|没拿学位|没有拿到学位|没上过大学|高中学历|" + _en(r"no degree|no university degree|high school"))),
]
_STUDENT = re.compile(r"在读|读博中|正在读|博士生|" + _en(r"student|candidate|studying for"))


def _find_degree(msg: _Msg):
    low = msg.low
    best = None
    for value, rx in _DEGREE_PATS:
        for m in _FI(rx, low):
            if value == "master" and m.group() == "ms" and not _S(r"degree|in |from ", low[m.end():m.end() + 8]):
                continue
            if value == "bachelor" and m.group() in ("ba", "bs") and not _S(r"just|a |degree|in |from ", low[max(0, m.start() - 6):m.end() + 8]):
                continue
            if value != "none" and msg.negated(m.start(), after=False):
                continue
            clause = msg.ctext(m.start())
            if _S(r"团队|我们|他们|她们|同事|学生|员工|孩子|儿子|女儿|太太|妻子|丈夫|爱人|[0-9两三四五六七八九十几多]\s*(?:个|名|位)\s*(?:博士|硕士)|"
                  + _en(r"team|we have|our|they|colleagues?|students?|employees?|staff|wife|husband|son|daughter|partner"), clause) \
                    and not _S(r"我(?!们)|本人|" + _en(r"i|i'm|i've|my"), clause):
                continue
            if value == "phd" and _STUDENT.search(clause) and not _S(r"毕业|拿到|获得|取得|" + _en(r"got|earned|received|completed|finished|have|hold"), clause):
                continue
            msg.add("degree", value, m.start())
            if best is None or _DEG_RANK[value] > _DEG_RANK[best[0]]:
                best = (value, m.start())
    # postdocs have a PhD
    if best is None and _S(r"博士后|" + _en(r"postdoc|post-doc|postdoctoral"), low):
        msg.add("degree", "phd", 0, prio=-1)
    return best


_DEGREE_CTX = re.compile(r"博士(?!后)|硕士|本科|学士|学位|读博|读的|读书|留学|毕业|念的|" + _en(
    r"phd|doctorate|master'?s?|msc|mba|bachelor'?s?|bsc|degree|graduated|graduate|studied|study|studies|alumn\w+|dphil"))
_DEGREE_CUT = re.compile(r"毕业(?:以|之)?后|(?:以|之)后|后来|然后|接着|随后|现在|目前|" + _en(
    r"then|after|afterwards|later|since|now|currently|and have|and am|where i|and spent|and worked|and i"))


def _find_degree_place(msg: _Msg):
    low = msg.low
    abroad = re.compile(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN)
    domestic = re.compile(r"国内|中国(?!籍|国籍|公民|人|护照)|本土|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + _en(
        r"in china|domestic(?:ally)?|chinese university"))
    renowned = re.compile(r"知名|著名|名校|顶尖|一流|顶级|常春藤|" + FOREIGN_UNIV_ZH + "|" + CHINA_UNIV_ZH + "|" + FOREIGN_UNIV_EN
                          + "|" + CHINA_UNIV_EN + "|" + _en(r"top|renowned|well-known|well known|prestigious|elite|famous|leading|top-ranked"))
    for cs, ce in msg.clauses:
        clause = low[cs:ce]
        clause_nd = re.sub(r"博士后|" + _en(r"postdoc(?:toral)?|post-doc"), "  ", clause)
        m = _DEGREE_CTX.search(clause_nd)
        if not m:
            continue
        if _S(r"回国|" + _en("back to china|back in china|moved back|returned"), clause_nd) and not _S(
                r"博士(?!后)|硕士|本科|学位|" + _en("phd|degree|master|bachelor"), clause_nd):
            continue
        cut = _DEGREE_CUT.search(clause_nd, m.end())
        seg = clause_nd[:cut.start()] if cut else clause_nd
        # a place named only after the cut is where one worked, not studied
        if msg.negated(cs + m.start(), after=False) and not _S(r"海外|国外|国内", seg):
            continue
        ab, do = abroad.search(seg), domestic.search(seg)
        # the clause naming the highest degree decides ("本科和硕士在国内，博士在美国")
        level = max([_DEG_RANK[v] for v, rx in _DEGREE_PATS if v != "none" and rx.search(seg)] or [0])
        if ab and not do:
            neg = msg.negated(cs + ab.start(), after=False) and _S(r"不是|不在|并非|非|not", seg)
            msg.add("degree_abroad", not neg, cs + ab.start(), prio=level)
        elif do and not ab:
            msg.add("degree_abroad", False, cs + do.start(), prio=level)
        elif ab and do:
            msg.add("degree_abroad", ab.start() > do.start(), cs + max(ab.start(), do.start()), prio=level)
        rn = renowned.search(seg)
        if rn and _S(r"博士(?!后)|硕士|本科|学位|读|毕业|学校|高校|大学|名校|" + _en(
                r"phd|degree|master|bachelor|graduat\w*|studied|school|university|doctorate|from"), seg):
            neg = msg.negated(cs + rn.start(), after=False)
            msg.add("degree_from_renowned", not neg, cs + rn.start(), prio=level)


_FIELD_PATS = [
    ("engineering", r"化学工程|化工|生物工程|生物医学工程|生物医学工程|材料|电子|电气|计算机|软件|人工智能|机器学习|深度学习|自动化|通信"
                    r"|半导体|芯片|集成电路|信息技术|机械|土木|航空|航天|控制|机器人|新能源|电池|能源|工程技术|工科|工程|医疗器械|" + _en(
        r"engineering|engineer|computer science|computing|computer|cs|software|electrical|electronics?|ai|artificial intelligence"
        r"|machine learning|deep learning|materials? science|mechanical|semiconductors?|chips?|robotics|aerospace"
        r"|information technology|it|data science|telecom\w*|battery|batteries|medical[- ]device|energy|tech")),
    ("natural_science", r"物理|化学|生物|数学|天文|地质|地球科学|大气|海洋科学|生命科学|生物学|自然科学|理科|基础科学|神经科学|医学|药学|生态|统计学|" + _en(
        r"physics|physicist|chemistry|chemist|biology|biologist|mathematics|maths?|mathematician|astronomy|astrophysics"
        r"|geology|earth science|life sciences?|natural sciences?|neuroscience|biochemistry|biomedicine|biomedical"
        r"|medicine|pharmacology|ecology|statistics|genetics|molecular")),
    ("finance", r"金融|银行|投资|证券|基金|量化|保险|财务|会计|" + _en(
        r"finance|financial|banking|investment|securities|quant\w*|asset management|hedge fund|private equity|accounting|insurance")),
    ("social_science", r"经济学|经济|社会学|政治学|法学|法律|管理学|心理学|教育学|人口学|社会科学|社科|国际关系|公共管理|" + _en(
        r"economics|economist|sociology|political science|law|legal|psychology|education|social sciences?|public policy"
        r"|international relations|management science")),
    ("humanities", r"历史|哲学|文学|语言学|人文|考古|宗教|古典学|" + _en(
        r"history|historian|philosophy|literature|linguistics|humanities|archaeology|religious studies|classics")),
    ("culture_arts", r"舞台艺术|音乐|美术|设计|电影|影视|戏剧|舞蹈|文化艺术|艺术|出版|动漫|演艺|文艺|绘画|雕塑|建筑设计|" + _en(
        r"music|musician|fine arts?|arts|art|artist|design|designer|film|cinema|theatre|theater|dance|dancer"
        r"|culture and arts|arts and culture|performing arts|painting|sculpture|publishing|animation")),
]
_FIELD_RX = [(v, re.compile(p)) for v, p in _FIELD_PATS]


_FIELD_CUE = (r"专业|领域|方向|学科|研究|读的|学的|搞|从事|做.{0,6}的|物理|化学|生物|数学|" + _en(
    r"major\w*|field|studied|study|degree in|phd in|doctorate in|master'?s? in|professor of|research\w*|work in|working in|speciali[sz]\w*"))


def _find_field(msg: _Msg):
    low = re.sub(r"工程院|科学院|" + _en(r"academy of (?:sciences|engineering)|national academy"), lambda m: " " * len(m.group()), msg.low)
    # employers and titles that name no field
    low = re.sub(r"金融机构|金融管理部门|金融监管|研发机构|研发|" + _en(r"financial institution|financial regulator|key industr\w*"),
                 lambda m: " " * len(m.group()), low)
    hits = []
    for value, rx in _FIELD_RX:
        for m in _FI(rx, low):
            t = m.group()
            if t in ("it", "cs", "ai", "art", "tech", "energy", "engineer") and not _S(
                    r"(?:in|of|major|field|study|studies|work|do|doing|studied|researcher|professor)\s*$|^\s*(?:engineer|research|major|field|degree|phd|company|startup|professor)",
                    low[max(0, m.start() - 12):m.start()] + "|" + low[m.end():m.end() + 12]) and t not in ("engineer",):
                continue
            if t == "engineer" and _S(r"senior|software|chip|electrical", low[max(0, m.start() - 12):m.start()]) is None and not _S(
                    _en(r"i.m an?|i am an?|as an?|work as an?|an?"), low[max(0, m.start() - 10):m.start()]):
                continue
            if t == "history" and _S(_en(r"work|employment|application|career|credit|medical"), low[max(0, m.start() - 14):m.start()]):
                continue
            if t in ("law", "legal") and _S(_en("by|in-law|under"), low[max(0, m.start() - 8):m.start()]):
                continue
            if t in ("经济",) and _S(r"经济(?:学|类|系|专业|领域|方向)", low[m.start():m.start() + 4]) is None:
                continue
            if t in ("投资", "基金", "保险", "银行") and _S(r"风险投资|投资人|天使|基金委|公派|" + _en("vc"), low[max(0, m.start() - 3):m.end() + 3]):
                continue
            if t in ("设计",) and _S(r"设计(?:师|专业|行业|领域|方向|学)", low[m.start():m.start() + 4]) is None:
                continue
            if t == "材料" and _S(r"材料(?:科学|学|专业|领域|方向|工程|化学|物理)", low[m.start():m.start() + 5]) is None:
                continue
            if t in ("控制", "通信", "能源", "电池", "芯片") and _S(r"申请|材料准备", low[max(0, m.start() - 4):m.end() + 4]):
                continue
            if msg.negated(m.start(), after=False) and _S(r"不是|not", msg.ctext(m.start())):
                continue
            hits.append((m.start(), value))
    if hits:
        hits.sort()
        # a stated field ("专业/领域/major/field") wins over a word in passing
        for pos, value in hits:
            msg.add("field", value, pos)


_TITLE_PATS = [
    ("associate_professor", r"副教授|" + _en(r"associate professor|assoc(?:iate)?\.? prof\w*")),
    ("assistant_professor", r"助理教授|" + _en(r"assistant professor|(?:asst|assistant)\.? prof\w*|tenure[- ]track")),
    ("other", r"客座教授|兼职教授|访问教授|名誉教授|荣誉教授|访问学者|高级讲师|讲师|(?<!高级)(?<!首席)(?<!资深)工程师(?!.{0,2}总监)|分析师|顾问|程序员|医生|" + _en(
        r"visiting professor|adjunct professor|visiting scholar|(?:senior )?lecturer|reader|engineer|analyst|consultant|developer"
        r"|programmer|data scientist|physician|doctor(?! of)|teacher")),
    ("professor", r"教授级|正教授|讲席教授|终身教授|首席教授|(?<!副)(?<!助理)(?<!客座)(?<!兼职)(?<!访问)(?<!名誉)(?<!荣誉)教授|" + _en(
        r"full professor|chair professor|chaired professor|distinguished professor|tenured professor|professor emeritus"
        r"|emeritus professor|(?<!associate )(?<!assistant )(?<!visiting )(?<!adjunct )(?<!assoc\. )professor|prof")),
    ("researcher", r"研究员|研究科学家|科学家|首席科学家|课题组长|独立pi|" + _en(
        r"research scientist|staff scientist|senior scientist|principal scientist|scientist|researcher|research fellow"
        r"|research associate|principal investigator|group leader|research staff")),
    ("postdoc", r"博士后|" + _en(r"postdoc\w*|post-doc\w*|postdoctoral")),
    ("intl_org_manager", r"(?:国际组织|联合国|世界银行|国际货币基金|世卫|世界卫生组织|经合组织).{0,8}(?:管理|官员|主任|处长|司长|负责人|高管|中层|高层)|" + _en(
        r"(?:manager|officer|director|head|chief)\b.{0,30}(?:international organi[sz]ation|united nations|world bank|imf|who|oecd|unesco|wto)"
        r"|(?:international organi[sz]ation|united nations|world bank|imf|oecd|unesco|wto).{0,30}(?:manager|officer|director|head|chief|management)")),
    ("senior_corporate", r"企业高管|公司高管|高管|高级管理|技术总监|研发总监|产品总监|总监|副总裁|总裁|首席技术官|首席执行官|首席运营官"
                         r"|董事总经理|董事长|总经理|高级经理|部门经理|部门负责人|首席工程师|高级工程师|资深工程师|" + _en(
        r"senior executive|executive|vice president|vp|svp|evp|director|senior manager|general manager|cto|ceo|coo|cfo"
        r"|chief \w+ officer|head of \w+|principal engineer|distinguished engineer|senior staff engineer|staff engineer"
        r"|senior (?:software |hardware |research |systems? )?engineer"
        r"|managing director|md|senior management|senior role|senior position|manager")),
]
_TITLE_RX = [(v, re.compile(p)) for v, p in _TITLE_PATS]
_TITLE_RANK = {"professor": 9, "associate_professor": 8, "senior_finance": 7, "senior_corporate": 7, "intl_org_manager": 7,
               "assistant_professor": 6, "researcher": 5, "postdoc": 4, "other": 2, "none": 0}


def _find_title(msg: _Msg):
    low = msg.low
    taken: list[tuple[int, int]] = []
    for value, rx in _TITLE_RX:
        for m in _FI(rx, low):
            s, e = m.start(), m.end()
            if any(a <= s < b for a, b in taken):
                continue
            t = m.group()
            ctx_before = low[max(0, s - 12):s]
            if value == "professor" and t == "prof" and not _M(r"\s", low[e:e + 1] or " "):
                continue
            if value == "other" and t == "engineer" and _S(r"senior|staff|principal|distinguished|chief", ctx_before):
                continue
            if value == "other" and t.startswith("doctor") and _S(_en("phd|degree"), low[e:e + 10]):
                continue
            if value == "senior_corporate" and t in ("manager", "partner", "md", "director", "executive") and _S(
                    _en("project|product|program|account|office|sales|case|hiring|lab|laboratory|research|tech|technical"), ctx_before[-10:]) and t == "manager":
                continue
            if value == "senior_corporate" and t == "partner" and _S(_en(r"local|cooperat\w+|long-term|business|\d+|several|our"), low[max(0, s - 16):s]):
                continue
            if value == "researcher" and t == "科学家" and _S(r"数据科学家", low[max(0, s - 2):e]):
                continue
            if value == "researcher" and _S(r"(?:博士后|" + _en(r"postdoc\w*|post-doc\w*") + r")\s*$", low[max(0, s - 16):s]):
                continue
            taken.append((s, e))
            if msg.negated(s, after=False):
                continue
            if _S(r"将来|想当|想做|打算|" + _en(r"want to be|would like to|hope to"), low[max(0, s - 8):s]):
                continue
            clause = msg.ctext(s)
            if _S(r"国内|在中国|北京|" + CITY_OTHER_ZH + "|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + _en(r"in china|in beijing|chinese university"), clause) \
                    and not _S(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|" + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN, clause):
                continue
            # the post offered in China is no position abroad
            if _S(r"聘我|聘请我|聘用我|邀请我|请我|回国后|回来后|" + _en(r"hire me|hiring me|offered me|offer me|invited me|recruit me|join them|after i move|after moving"), clause) \
                    and not _S(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|" + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN, clause):
                continue
            v = value
            if value == "other" and _S(r"讲师|" + _en(r"lecturer"), t):
                v = "associate_professor" if _S(_en(r"senior|principal") + "|高级", low[max(0, s - 8):s]) else "assistant_professor"
            if value == "senior_corporate" and (_S(FINANCE_WORDS, clause) or (
                    _S(r"董事总经理|" + _en(r"managing director|md"), t) and _S(FINANCE_WORDS, msg.stext(s) + " " + low[:s]))):
                v = "senior_finance"
            if value == "senior_corporate" and _S(r"金融机构|" + _en("financial institution|bank"), clause):
                v = "senior_finance"
            prio = _TITLE_RANK[v]
            if _S(r"现在|目前|现任|现为|现在是|" + _en(r"now|currently|current|at present|today"), low[max(0, s - 16):s]):
                prio += 10  # the current post
            msg.add("overseas_title", v, s, prio=prio)
    for m in _FI(r"金融机构(?:的)?(?:高管|高级(?:管理|职务|职位))|(?:投行|银行|基金|证券).{0,4}(?:高级职位|高级职务|高管|董事总经理)|" + _en(
            r"senior (?:role|position|executive) (?:at|in) (?:an? )?(?:bank|financial|investment|finance)"
            r"|senior (?:position|role) in finance"), low):
        msg.add("overseas_title", "senior_finance", m.start(), prio=_TITLE_RANK["senior_finance"] + 1)


_RENOWNED_EMP = re.compile(r"知名|著名|顶尖|一流|顶级|世界500强|世界五百强|名校|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_CO_ZH + "|"
                           + FOREIGN_UNIV_EN + "|" + FOREIGN_CO_EN + "|" + _en(
    r"top|renowned|well-known|well known|prestigious|leading|fortune 500|famous|world-class|elite"))
_EMP_WORK = re.compile(r"工作|任职|就职|任教|执教|当|担任|做|干|留在|留校|上班|供职|研究员|教授|博士后|科学家|总监|高管|经理|工程师|" + _en(
    r"work|works|worked|working|employed|job|position|postdoc|professor|researcher|scientist|engineer|director|manager"
    r"|executive|vp|faculty|lecturer|at|for"))


def _find_employer_renowned(msg: _Msg):
    low = msg.low
    for cs, ce in msg.clauses:
        clause = low[cs:ce]
        if not _EMP_WORK.search(clause):
            continue
        if _S(r"博士(?!后)|硕士|本科|读的|毕业于|学位|" + _en(r"phd (?:from|at|in)|degree|studied|graduated|master"), clause) and not _S(
                r"工作|任职|任教|当|担任|做(?!.{0,4}博士(?!后))|留在|" + _en(r"work\w*|employed|professor|researcher|scientist|director|postdoc|as an?"), clause):
            continue
        if _S(r"用人单位|国内|回国|北京|" + _en(r"in beijing|in china|to china|hire me|offered me|wants? to hire|invited me|joining|join"), clause) \
                and not _S(ABROAD_ZH + "|" + ABROAD_EN, clause):
            continue
        m = _RENOWNED_EMP.search(clause)
        if not m:
            continue
        # skip a university named as where one studied: "PhD from Caltech, professor at MIT" → MIT
        neg = msg.negated(cs + m.start(), after=False)
        msg.add("overseas_employer_renowned", not neg, cs + m.start())


_MGMT = re.compile(r"管理|总监|经理|高管|副总裁|总裁|主管|负责人|首席|董事|" + _en(
    r"manag\w+|director|vp|vice president|executive|head of|led a team|leading a team|lead|cto|ceo|coo|chief"))
_INTL_CO = re.compile(r"跨国|国际知名企业|国际企业|国际公司|外企|外资|世界500强|世界五百强|" + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN + "|" + _en(
    r"multinational|international company|international companies|global company|fortune 500|well-known international"))


def _find_intl_mgmt(msg: _Msg):
    low = msg.low
    for cs, ce in msg.clauses:
        clause = low[cs:ce]
        co = _INTL_CO.search(clause)
        if not co:
            continue
        mg = _MGMT.search(clause)
        if not mg:
            if _S(r"国际知名企业.{0,6}(?:中高层|高层|中层)|" + _en("management experience"), clause):
                mg = co
            else:
                continue
        if _S(r"世界银行|联合国|国际货币基金|" + _en(r"world bank|united nations|imf"), co.group()):
            continue
        neg = msg.negated(cs + min(co.start(), mg.start()), after=True)
        msg.add("intl_company_management", not neg, cs + co.start())
    for m in _FI(r"(?:国际|跨国)?(?:企业|公司)?(?:中高层|高层|中层)?管理(?:经验|经历)|" + _en(r"(?:international )?management experience"), low):
        clause = msg.ctext(m.start())
        if _S(r"国际|跨国|外企|" + _en(r"international|multinational|global"), clause) and msg.negated(m.start()):
            msg.add("intl_company_management", False, m.start())


_FOUNDER = re.compile(r"创始人|创办人|创立者|创建者|联合创始人|创办了|创办的|创立了|创立的|创建了|创建的|办了(?:一家|个)?公司|开了(?:一家|个)?公司"
                      r"|成立了(?:一家|自己的)?公司|自己的公司|我的公司|自主创业|创业(?!人才|类|团队项目|经验|经历|项目)|" + _en(
    r"founder|co-founder|cofounder|i founded|i co-founded|i started (?:a|my|the|our) (?:own )?(?:company|startup|business|firm)"
    r"|my (?:own )?(?:company|startup|firm)|i set up (?:a|my)|i established|founded (?:a|my|the|our)|co-founded|started my own"))


def _find_founding(msg: _Msg):
    low = msg.low
    abroad = re.compile(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN)
    for m in _FI(r"海外创业|国外创业|境外创业|在.{0,8}创过业|创过业|创业经[历验]|" + _en(
            r"startup experience|founded (?:a|an|my|the)? ?(?:company|startup|business|firm) (?:abroad|overseas|in (?:the )?(?!china|beijing)\w+)"
            r"|started (?:a|an|my)? ?(?:company|startup|business) (?:abroad|overseas|in (?:the )?(?!china|beijing)\w+)"
            r"|entrepreneurial experience|founded a startup|started a startup|founded a company|started a company"), low):
        clause = msg.ctext(m.start())
        t = m.group()
        if not (abroad.search(clause) or "海外" in t or "国外" in t or "境外" in t or "abroad" in t or "overseas" in t):
            if _S(r"国内|北京|回国|" + _en("in china|in beijing|back"), clause):
                continue
            if not (t == "创过业" or "experience" in t or "创业经" in t):
                continue
        neg = msg.negated(m.start())
        msg.add("overseas_startup_experience", not neg, m.start())
    for m in _FI(r"(?:开|办|成立|创立|创办|创建)(?:过|了)(?:一家|一个|几家|两家)?(?:公司|企业)|" + _FOUNDER.pattern, low):
        cs, ce = msg.clause(m.start())
        clause = low[cs:ce]
        if abroad.search(clause) and not _S(r"国内|北京|回国|" + CITY_OTHER_ZH + "|" + _en(r"in china|in beijing|back") + "|" + CITY_OTHER_EN, clause):
            if not _S(r"创始人|创办人|联合创始人|" + _en(r"founder|co-founder|cofounder"), m.group()) or _S(r"过|" + _en(r"was|had|previously|before"), clause):
                if "overseas_startup_experience" not in msg.found:
                    msg.add("overseas_startup_experience", not msg.negated(m.start()), m.start())
            continue
        if _S(r"(?:开|办|成立|创立|创办|创建)过", m.group()):
            continue
        if _S(r"想|打算|准备|计划|(?<!主|重|需|只)要|有意|希望|考虑|愿意|将(?!近)|" + _en(r"want|plan|planning|intend|hope|would like|thinking|consider\w*|will|going to"),
              low[max(cs, m.start() - 10):m.start()]) and not _S(r"了|过|" + _en(r"founded|started|co-founded"), m.group()):
            continue
        neg = msg.negated(m.start())
        msg.add("is_founder", not neg, m.start())
        if not neg and _S(r"公司|企业|" + _en("company|startup|firm|business"), clause) and not abroad.search(clause):
            msg.add("employer_type", "company", m.start(), prio=-1)


def _find_shareholding(msg: _Msg):
    low = msg.low
    for m in _FI(r"(?:第一大|最大(?:的)?|头号)\s*自然人股东|" + _en(r"largest (?:individual|natural[- ]person|private) shareholder"
                                                         r"|biggest (?:individual|natural[- ]person) shareholder"), low):
        msg.add("largest_natural_person_shareholder", not msg.negated(m.start()), m.start())
    for m in _FI(r"(?:第一大|最大(?:的)?|头号)\s*股东|控股股东|" + _en(r"largest shareholder|biggest shareholder"
                                                        r"|majority shareholder|controlling shareholder|main shareholder"), low):
        neg = msg.negated(m.start())
        msg.add("largest_shareholder", not neg, m.start())
        if not neg:
            msg.add("largest_natural_person_shareholder", True, m.start(), prio=-1)
    for m in _FI(r"团队(?:成员)?.{0,6}(?:主要股东|控股|大股东|持股|占股)|" + _en(
            r"team (?:members )?(?:are|is|being) (?:the )?(?:main|major|principal|largest) shareholders?"
            r"|team (?:members )?(?:hold|holds|own|owns|control|controls)"), low):
        msg.add("team_main_shareholders", not msg.negated(m.start()), m.start())


_PCT = re.compile(rf"(?P<n>{NUM}|{ENUM})\s*(?:%|percent(?![a-z])|per cent|pct(?![a-z]))|百分之\s*(?P<n2>{NUM})"
                  rf"|(?P<n3>{ZNUM}|{ANUM})\s*成(?!立|员|功|果|本|就|都|熟|为|长|交|绩|年|人|型|品|器|了|熟)")


def _percents(low: str):
    out = []
    for m in _FI(_PCT, low):
        tok = m.group("n") or m.group("n2") or m.group("n3")
        v = parse_number(tok, concat=False)
        if v is None:
            continue
        if m.group("n3"):
            v = v * 10
        out.append((m.start(), m.end(), _clean_num(v)))
    return out


def _find_equity(msg: _Msg):
    low = msg.low
    share = re.compile(r"股|持有|占|" + _en(r"stake|equity|shares?|shareholders?|own|owns|hold|holds|holding|ownership|of the company"))
    for s, e, v in _percents(low):
        cs, ce = msg.clause(s)
        clause = low[cs:ce]
        if not share.search(clause):
            continue
        if _S(r"薪|工资|税|利率|增长|涨|补助|资助|" + _en(r"salary|tax|growth|subsidy|interest|raise"), clause):
            continue
        if _S(r"团队|投资|基金|他|她|其他股东|合伙人|" + _en(r"team|investors?|vc|fund|others|partners?|he|she|they|co-founders?"), clause) \
                and not _FIRST_PERSON.search(clause):
            continue
        msg.add("equity_percent", v, s, span=(s, e))
    for m in _FI(r"(?:一半|半数)(?:的)?股|" + _en(r"half (?:of )?the (?:shares|equity|company)"), low):
        msg.add("equity_percent", 50, m.start())


_MONEY = re.compile(
    rf"(?P<cur1>rmb|cny|¥|人民币)?\s*(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{ANUM}|{ZNUM}|{_en(EN_WORD)}|{_en('half a|a')})"
    rf"\s*(?P<mult>百万|千万|万|千|亿|w(?![a-z])|k(?![a-z])|m(?![a-z])|mn(?![a-z])|million|thousand|hundred thousand)?"
    rf"\s*(?P<cur2>元|块|人民币|rmb(?![a-z])|cny(?![a-z])|yuan(?![a-z])|rmb)?")
_MULT = {"万": 1e4, "w": 1e4, "千": 1e3, "k": 1e3, "thousand": 1e3, "百万": 1e6, "m": 1e6, "mn": 1e6, "million": 1e6,
         "千万": 1e7, "亿": 1e8, "hundred thousand": 1e5}
_SALARY = re.compile(r"年薪|薪水|薪资|薪酬|工资|收入|待遇|月薪|报酬|年收入|" + _en(
    r"salary|salaries|pay|pays|paid|paying|earn|earns|earning|income|compensation|wage|wages|package"))


def _moneys(low: str, need_unit: bool = True):
    out = []
    for m in _FI(_MONEY, low):
        tok = m.group("n")
        if not tok:
            continue
        mult = m.group("mult")
        cur = m.group("cur1") or m.group("cur2")
        if need_unit and not (mult or cur):
            continue
        if tok in ("a", "half a"):
            if mult not in ("million", "thousand", "hundred thousand"):
                continue
            v = 0.5 if tok == "half a" else 1
        else:
            v = parse_number(tok, concat=False)
        if v is None:
            continue
        if m.group("cur1") is None and m.group("cur2") is None and mult in ("m", "k") and _M(r"\s*(?:onths?|2|²)", low[m.end():m.end() + 6]):
            continue
        v = float(v) * _MULT.get(mult or "", 1)
        out.append((m.start("n"), m.end(), _clean_num(round(v, 2))))
    return out


def _find_salary(msg: _Msg):
    low = msg.low
    for s, e, v in _moneys(low):
        cs, ce = msg.clause(s)
        clause = low[cs:ce]
        ss, se = msg.sent(s)
        if not _SALARY.search(clause) and not _SALARY.search(low[e:se][:12]):
            continue
        if msg.used(s, e):
            continue
        if _S(r"资助|补助|补贴|奖励|经费|" + _en(r"subsidy|grant|funding|award"), low[cs:s]) and not _S(r"年薪|工资|薪|" + _en("salary"), low[cs:s]):
            continue
        monthly = _S(r"月薪|月工资|月收入|每月|每个月|/月|" + _en(r"a month|per month|monthly|each month|/month"), clause) and not _S(r"年薪|每年|" + _en(r"a year|per year|annual"), clause)
        msg.add("annual_salary_cny", _clean_num(v * 12 if monthly else v), s, span=(s, e))


def _find_employer(msg: _Msg):
    low = msg.low
    china_ctx = re.compile(r"用人单位|引进单位|聘用单位|签约单位|雇主|国内|回国|归国|北京|新疆|西藏|中国的|加入|入职|受聘|聘我|聘请|邀请|offer|签约|"
                           r"国有文化|国有企业|央企|中央企业|非公有制|"
                           + CITY_OTHER_ZH + "|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + _en(
        r"employer|in china|in beijing|chinese|to china|back to china|join|joining|hire me|hiring me|offered me"
        r"|invited me|recruit\w*|beijing|xinjiang|tibet") + "|" + CITY_OTHER_EN)
    abroad = re.compile(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|" + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN)
    work_ctx = re.compile(r"用人单位|引进单位|聘用单位|签约单位|单位|雇主|聘|加入|入职|工作|任职|任教|签约|签了|offer|全职|去|到|来|回国|归国|回到|公司|企业|"
                          + _en(r"employer|join|joining|hire|hiring|offer\w*|work|working|position|invite\w*|recruit\w*|move to|moving to"
                                r"|based|company|startup|firm|institute|employ\w*"))
    for cs, ce in msg.clauses:
        clause = low[cs:ce]
        if not china_ctx.search(clause) or not work_ctx.search(clause):
            continue
        ab = abroad.search(clause)
        if ab and not _S(r"用人单位|回国|国内|北京|" + _en(r"employer|in china|in beijing|beijing"), clause[ab.end():] + clause[:ab.start()]):
            continue
        v = _choice_value("employer_type", clause, strict=True)
        if v and v != "none":
            m = _S(r"用人单位|引进单位|" + _en("employer"), clause)
            msg.add("employer_type", v, cs + (m.start() if m else 0))
        if _S(r"出生|生于|读书|上学|毕业|读的|" + _en(r"born|studied|graduated|phd|degree"), clause) and not _S(
                r"工作|单位|公司|全职|来|去|" + _en(r"work|employer|company|join|hire|offer|invite"), clause):
            continue
        r = _region_value(clause)
        if r:
            msg.add("employer_region", r, cs)


def _region_value(text: str, asked: bool = False):
    if _S(r"北京|来京|在京|进京|京内|海淀|朝阳区|东城|西城|丰台|石景山|通州|顺义|昌平|大兴|房山|门头沟|怀柔|平谷|密云|延庆|中关村|亦庄|望京|"
          + _en(r"beijing|haidian|zhongguancun|chaoyang district") + "|" + BEIJING_UNIV.pattern, text):
        return "beijing"
    if _S(r"新疆|乌鲁木齐|" + _en(r"xinjiang|urumqi"), text):
        return "xinjiang"
    if _S(r"西藏|拉萨|" + _en(r"tibet|lhasa"), text):
        return "tibet"
    if _S(CITY_OTHER_ZH + "|" + CITY_OTHER_EN, text):
        return "other"
    if asked and _S(r"其他|其它|别处|别的|" + _en(r"other|another|somewhere else"), text):
        return "other"
    return None


def _find_stage(msg: _Msg):
    low = msg.low
    for m in _FI(r"研发阶段|还在研发|研发中|处于研发|实验室阶段|研究阶段|" + _en(r"research stage|r&d stage|rnd stage|still in (?:r&d|rnd|research)"
                                                                   r"|pre-?clinical|in development|prototype stage"), low):
        msg.add("product_stage", "research", m.start())
    for m in _FI(r"中试|试生产|小批量|" + _en(r"pilot(?: stage| production| phase| scale| plant| run)?|trial production|small[- ]batch"), low):
        if _S(r"试点|" + _en("pilot program|pilot project|autopilot"), low[max(0, m.start() - 4):m.end() + 8]):
            continue
        msg.add("product_stage", "pilot", m.start())
    for m in _FI(r"产业化|量产|规模化生产|批量生产|大规模生产|已经上市|已上市|商业化|" + _en(
            r"mass[- ]produc\w+|industriali[sz]ed|industriali[sz]ation|commerciali[sz]ed|in production|on the market|full[- ]scale production"), low):
        if msg.negated(m.start(), after=False):
            continue
        msg.add("product_stage", "industrialized", m.start())


_AWARDS = [("nobel", r"诺贝尔|诺奖|" + _en(r"nobel")), ("turing", r"图灵奖|" + _en(r"turing award|turing prize|turing")),
           ("fields", r"菲尔[茨兹]|" + _en(r"fields medal|fields prize")),
           ("other_major", r"沃尔夫奖|拉斯克|阿贝尔奖|京都奖|突破奖|克拉福德|邵逸夫奖|普利兹克|普利策|其他国际大奖|其它国际大奖|国际大奖|" + _en(
               r"wolf prize|lasker|abel prize|kyoto prize|breakthrough prize|crafoord|shaw prize|pritzker|pulitzer"
               r"|other major (?:international )?(?:prize|award)|another major (?:international )?(?:prize|award)"
               r"|major international (?:prize|award)|international prize"))]


def _find_awards(msg: _Msg, asked: bool = False):
    low = msg.low
    got: list[str] = []
    neg_any = False
    for value, p in _AWARDS:
        if asked and value in ("turing", "fields"):
            p += "|" + ("图灵" if value == "turing" else _en("fields"))
        for m in _FI(p, low):
            clause = msg.ctext(m.start())
            if not asked and _hypothetical(clause):
                continue
            if value == "turing" and m.group() == "turing" and not asked and not _S(r"award|prize|winner|laureate", low[m.end():m.end() + 10]):
                continue
            if msg.someone_else(m.start()) or msg.hypo(m.start()):
                continue
            if msg.negated(m.start()):
                neg_any = True
                continue
            if value == "other_major" and m.group() in ("国际大奖", "international prize") and not _S(
                    r"获|得|拿|有|" + _en(r"won|received|have|got|awarded"), clause):
                continue
            if value not in got:
                got.append(value)
    for m in _FI(r"(?:没|未|从未|无)(?:有)?(?:获|得|拿)(?:过|到)?(?:什么|任何)?(?:国际)?(?:大)?奖|" + _en(
            r"no (?:major |international |big )*(?:awards?|prizes?)|never won|haven't won|have not won|did not win|didn't win"), low):
        neg_any = True
    if got:
        msg.add("awards", got, 0)
    elif neg_any:
        msg.add("awards", [], 0)


_REQUIRE = re.compile(r"要求|需要|必须|才能|才可以|要不要|是否要|得是|够不够|算不算|限制|" + _en(
    r"need|needs|require\w*|must|have to|has to|enough|sufficient|count as|qualif\w+|limit|exempt|allowed|policy|policies"))
_FIRST_PERSON = re.compile(r"我|本人|" + _en(r"i|i'm|i've|i'd|i'll|my|me|mine|myself"))


def _hypothetical(clause: str) -> bool:
    """A question about the rules: a question clause that names no "I", or asks what is required."""
    if not _is_question(clause):
        return False
    return bool(_REQUIRE.search(clause)) or not _FIRST_PERSON.search(clause)


def _find_academy(msg: _Msg):
    low = msg.low
    for m in _FI(r"院士|皇家学会会员|" + _en(r"academician|member of (?:the )?(?:us |u\.s\. |american |national |royal )?(?:national )?academy"
                                                r"|(?:nas|nae|nam) member|fellow of the royal society|frs|royal society fellow"
                                                r"|academy members?|academy of sciences member|elected to the (?:national )?academy"), low):
        s = m.start()
        before = low[max(0, s - 12):s]
        if _S(r"中国科学院|中国工程院|中科院|两院|中国|" + _en("chinese academy"), before):
            continue
        if _S(r"院士工作站|院士候选|院士专家", low[s:s + 6]):
            continue
        clause = msg.ctext(s)
        if _hypothetical(clause):
            continue
        msg.add("academy_member", not msg.negated(s), s)


def _find_prior(msg: _Msg):
    low = msg.low
    pats = [
        (re.compile(rf"(?:申请|申报|报名|报|投)(?:了)?(?:过)?(?:了)?\s*(?P<n>{NUM})\s*(?:次|回)"), 0),
        (re.compile(rf"(?P<n>{NUM})\s*(?:次|回)\s*(?:申请|申报)"), 0),
        (re.compile(rf"第\s*(?P<n>{NUM})\s*次\s*(?:申请|申报|报|参加|尝试)"), -1),
        (re.compile(rf"{_en(r'applied|apply|applications?|tried')}(?: \w+){{0,4}}? (?P<n>{ENUM}) times|(?P<n2>{ENUM}) (?:previous |prior |earlier )?(?:applications|attempts)"), 0),
        (re.compile(rf"{_en(r'this is my|it.s my|my')} (?P<ord>first|second|third|fourth|fifth) (?:time|application|attempt|try)"), -1),
    ]
    for rx, off in pats:
        for m in _FI(rx, low):
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
    for m in _FI(_en(r"applied (?:\w+ ){0,4}?(?P<w>once|twice|thrice)|(?P<w2>once|twice|thrice) before"), low):
        w = m.group("w") or m.group("w2")
        msg.add("prior_applications", {"once": 1, "twice": 2, "thrice": 3}[w], m.start())
    for m in _FI(r"首次(?:申请|申报)|第一次(?:申请|申报|报)|(?:从来|从)?(?:没|未)(?:有)?(?:申请|申报|报)过|从未(?:申请|申报)|头一回|" + _en(
            r"first time (?:applying|i apply|i.m applying)|first[- ]time applicant|never applied|haven't applied(?: before)?"
            r"|have not applied|not applied before|first application|no previous applications?|no prior applications?"), low):
        msg.add("prior_applications", 0, m.start())


def _find_contract(msg: _Msg):
    low = msg.low
    obj = r"(?:工作|劳动|聘用|聘任|引进|全职)?(?:合同|协议|意向书|意向协议|意向性协议|聘书|备忘录|offer)"
    for m in _FI(rf"(?:已经|已)?(?:签订|签署|签约|签了|签好了?|签过|签下|签)(?:了)?(?:一份|份)?{obj}?|{obj}(?:已经|已)?(?:签|签订|签署|签好)(?:了)?"
                         r"|(?:签|签订)了?(?:意向|合同)|已签约|" + _en(
        r"signed (?:a |an |the |my |our )?(?:work |employment |job |formal )?(?:contract|letter of intent|agreement|loi|offer|mou|memorandum)"
        r"|(?:contract|letter of intent|agreement|loi) (?:is |was |has been |already )*signed|i signed|have signed|signed one|signed it"
        r"|(?:have|has|got) (?:a|an) (?:signed )?(?:contract|letter of intent|loi)"), low):
        t = m.group()
        if t == "签":
            continue
        s = m.start()
        cs, ce = msg.clause(s)
        before = low[cs:s]
        if _S(r"吗|\?|？|要不要|需不需要|是否需要|需要|必须|" + _en(r"do i need|must|should|need to|required"), low[cs:ce]) and not _S(
                r"已|了|" + _en(r"have signed|already|i signed"), low[cs:ce]):
            continue
        neg = bool(_S(r"没|未|还没|尚未|不|" + _en(r"not|n't|never|no"), before[-8:])) or bool(
            _S(r"(?:还|尚)?(?:没|未)(?:有)?(?:签|定)", low[s:s + len(t) + 4]))
        if _S(r"(?:没|未|不)$", before) or _S(_en(r"not yet|haven't|have not|hasn't|didn't|did not|no"), before[-14:]):
            neg = True
        msg.add("has_contract", not neg, s)
    for m in _FI(rf"(?:还|尚)?(?:没|未)(?:有)?(?:签|签订|签约|签署)|{obj}(?:还|尚)?(?:没|未)(?:有)?(?:签|定)|(?:没有|无){obj}|" + _en(
            r"no (?:signed )?(?:contract|letter of intent|loi)|not (?:yet )?signed|haven't signed|have not signed|without a contract"
            r"|(?:contract|agreement) (?:is )?not (?:yet )?signed|still negotiating|in negotiation") + r"|还在谈|正在谈|在谈判|谈判中|洽谈中|还在沟通", low):
        s = m.start()
        clause = msg.ctext(s)
        if _S(r"吗|\?|？", clause):
            continue
        msg.add("has_contract", False, s, prio=1)


def _find_fulltime(msg: _Msg):
    low = msg.low
    for m in _FI(r"(?:已经|已|现在|目前|现已)(?:在)?(?:全职)(?:在|回)?(?:国内|北京|中国|回国)?|(?:已经|已)(?:全职)?回国(?:全职)?(?:工作)?(?:了)?"
                         r"|(?:已经|已|现在|目前|现已)(?:回国)?(?:在)(?:国内|北京|中国|" + CITY_OTHER_ZH + r")(?:全职|专职)"
                         r"|(?:已经|已)(?:在)(?:国内|北京|中国|" + CITY_OTHER_ZH + r")(?:工作|任职)(?:了)?"
                         r"|(?:目前|现在)(?:已经)?在(?:国内|北京|中国)(?:全职)?(?:工作|任职)|已经回来了|" + _en(
        r"already (?:work(?:ing)? )?full[- ]?time in (?:china|beijing)|(?:already|now) (?:working |based )?(?:full[- ]?time )?in (?:china|beijing)"
        r"|already (?:moved|returned|back) (?:to|in) china|(?:i )?moved back (?:to china )?(?:\w+ )?(?:years?|months?) ago"
        r"|currently (?:working )?full[- ]?time in (?:china|beijing)|full[- ]?time in china now|i work full[- ]?time in (?:china|beijing)"
        r"|already (?:work|working|living) in (?:china|beijing)"
        r"|(?:have|has|'ve) been (?:working |employed |based )?full[- ]?time in (?:china|beijing|" + CITY_OTHER_EN[len("(?<![a-z])(?:"):-len(")(?![a-z])")] + ")"
        r"|(?:i.m|i am) (?:now |currently )?(?:working |employed )?full[- ]?time in (?:china|beijing|" + CITY_OTHER_EN[len("(?<![a-z])(?:"):-len(")(?![a-z])")] + ")"), low):
        s = m.start()
        cs, ce = msg.clause(s)
        if _S(r"吗|\?|？", low[cs:ce]) and not _S(r"我|" + _en("i"), low[cs:ce]):
            continue
        msg.add("fulltime_in_china", not msg.negated(s, after=False), s)
    for m in _FI(rf"(?:还|仍|依然|仍然|目前|现在|现)(?:在|于)\s*(?:{ABROAD_ZH}|{FOREIGN_UNIV_ZH}|{FOREIGN_CO_ZH})|(?:还|尚)(?:没|未)(?:有)?回(?:国|来)|尚未回国"
                         r"|(?:不是|没有|没|并非)全职(?:在)?(?:国内|回国)|" + _en(
        r"still (?:abroad|overseas|in the us|in the uk|in (?:the )?[a-z]+ (?:working )?abroad|working abroad|based abroad|in (?:germany|france|japan|canada|australia|america|the states|europe|singapore))"
        r"|(?:currently|now) (?:working |based |living )?(?:abroad|overseas|in (?:the )?(?:us|usa|uk|germany|france|japan|canada|australia|europe|singapore|states))"
        r"|not yet (?:in china|back)|haven't (?:moved|returned|come) back|have not (?:moved|returned)|not (?:working )?full[- ]?time in china"
        r"|(?:i.m|i am) (?:currently )?(?:an? )?(?:\w+ ){0,3}at (?:" + FOREIGN_UNIV_EN[len('(?<![a-z])(?:'):-len(')(?![a-z])')] + ")"), low):
        s = m.start()
        if _S(r"毕业|读|" + _en("studied|graduated"), low[s:s + 14]):
            continue
        msg.add("fulltime_in_china", False, s)
    for m in _FI(rf"现在?(?:在|于)\s*(?:{ABROAD_ZH}|{FOREIGN_UNIV_ZH})[^，,。]{{0,12}}(?:任|当|做|工作|担任)|(?:目前|现在|现任).{{0,4}}(?:{FOREIGN_UNIV_ZH}|{FOREIGN_CO_ZH})|" + _en(
            r"(?:am |i.m )?now (?:an? )?(?:\w+ ){0,3}at (?:the )?(?:" + FOREIGN_UNIV_EN[len('(?<![a-z])(?:'):-len(')(?![a-z])')] + ")"), low):
        msg.add("fulltime_in_china", False, m.start(), prio=-1)


def _find_never_in_china(msg: _Msg):
    """"从来没在国内工作过" / "I have never worked in China": not full-time there, no years there."""
    for m in _FI(r"(?:从来|从未|从没|一直)(?:都)?(?:没|没有|未)?(?:在)?(?:国内|中国)(?:全职)?(?:工作|待)过?|没在国内工作过|"
                 + _en(r"(?:have |'ve )?never (?:worked|lived|been employed) (?:full[- ]?time )?in (?:china|beijing)"
                       r"|(?:have|'ve) not (?:yet )?worked in china"), msg.low):
        msg.add("fulltime_in_china", False, m.start())
        msg.add("years_in_china", 0, m.start())


def _find_flags(msg: _Msg):
    low = msg.low
    # misconduct
    for m in _FI(r"违纪|违法|学术不端|不良记录|犯罪记录|犯罪|处分|抄袭|剽窃|造假|学术造假|" + _en(
            r"misconduct|plagiari\w+|criminal record|crime|violations?|disciplinary|fraud|fabricat\w+|falsif\w+"), low):
        s = m.start()
        clause = msg.ctext(s)
        if _hypothetical(clause) or _S(r"会不会|影响吗|有影响", clause):
            continue
        if _S(r"不良记录", low[s:s + 4]) and m.group() != "不良记录":
            continue
        neg = msg.negated(s) or bool(_S(r"清白|良好|" + _en(r"clean|clear"), clause))
        msg.add("misconduct", not neg, s)
    for m in _FI(r"记录(?:良好|清白)|清白|" + _en(r"clean record|spotless record|clear record"), low):
        msg.add("misconduct", False, m.start())
    # government sponsorship
    for m in _FI(r"公派|国家留学基金|留学基金委|国家资助出国|" + _en(
            r"csc|china scholarship council|state[- ]sponsored|government[- ]sponsored|state[- ]funded|government[- ]funded"
            r"|state scholarship|government scholarship"), low):
        s = m.start()
        clause = msg.stext(s)
        if _S(r"自费|非公派|不是公派|没有公派|" + _en(r"self-funded|self-financed|not (?:state|government)[- ](?:sponsored|funded)|wasn't (?:state|government)[- ](?:sponsored|funded)|was not (?:state|government)[- ](?:sponsored|funded)"), clause) or msg.negated(s, after=False):
            msg.add("unfulfilled_sponsorship", False, s)
        elif _S(r"(?:未|没|没有|尚未|还没)(?:有)?(?:履行|回国服务|完成服务|处理)|违约|" + _en(
                r"not fulfilled|unfulfilled|haven't fulfilled|have not fulfilled|didn't fulfil|did not fulfil|broke|breach\w*|not (?:yet )?(?:settled|completed)"), clause):
            msg.add("unfulfilled_sponsorship", True, s)
        elif _S(r"履行|已(?:经)?(?:处理|解决|完成)|服务期满|" + _en(r"fulfill?ed|settled|completed|served"), clause):
            msg.add("unfulfilled_sponsorship", False, s)
    for m in _FI(r"自费(?:留学|出国|读)|" + _en(r"self-funded|self-financed"), low):
        msg.add("unfulfilled_sponsorship", False, m.start(), prio=-1)
    # several platforms
    for m in _FI(r"多个(?:平台|渠道)|多平台|多渠道|几个(?:平台|渠道)|(?:两|2|三|3)个(?:平台|渠道)|同时(?:通过)?.{0,6}(?:平台|渠道)(?:申报|申请)|" + _en(
            r"(?:multiple|several|two|more than one|many) (?:platforms|channels)|(?:any |an )?other (?:platforms?|channels?)|another (?:platform|channel)")
            + r"|其他(?:平台|渠道)|别的(?:平台|渠道)|其它(?:平台|渠道)", low):
        msg.add("multiple_platforms", not msg.negated(m.start()), m.start())
    for m in _FI(r"(?:只|仅)(?:通过|在|走|用)?(?:一个|1个|单一)(?:平台|渠道)|" + _en(r"only (?:one|a single|1) (?:platform|channel)|single (?:platform|channel)|just one (?:platform|channel)"), low):
        msg.add("multiple_platforms", False, m.start(), prio=1)
    # other salary subsidy
    for m in _FI(r"工薪补助|工资补助|薪酬补助|(?:薪酬|工资)由.{0,8}财政|财政(?:保障|负担|支付|发放)|外专千人(?:计划)?(?:的)?配套|" + _en(
            r"salary subsid\w+|funded by the city budget|city[- ]funded salary|paid by the city budget|city budget"
            r"|(?:receive|receiving|get|getting|got|already have)\b.{0,50}?subsid\w+"), low):
        s = m.start()
        clause = msg.ctext(s)
        if _hypothetical(clause) or _S(r"能拿多少|多少|能不能|可以拿|吗|\?|？|" + _en(r"how much|can i|could i|eligible"), clause):
            continue
        if not _S(r"我|已|在拿|享受|领|由|" + _en(r"i|i'm|my|already|receive|get|paid|funded"), clause):
            continue
        msg.add("receives_other_salary_subsidy", not msg.negated(s), s)
    # led a major international project
    for m in _FI(r"主持(?:过|了)?.{0,10}国际.{0,8}项目|国际大科学计划|牵头.{0,8}国际.{0,8}项目|" + _en(
            r"led (?:a |an |the )?(?:major |large |large-scale |big )?international .{0,30}?project|principal investigator of (?:a |an )?(?:major )?international"), low):
        msg.add("led_major_intl_project", not msg.negated(m.start()), m.start())
    # own IP / core technology
    for m in _FI(r"自主知识产权|核心技术|发明专利|专利|" + _en(r"intellectual property|own ip|core technolog\w+|patents?"), low):
        s = m.start()
        if _hypothetical(msg.ctext(s)):
            continue
        if m.group() == "专利" and _S(r"发明专利", low[max(0, s - 2):s + 2]):
            continue
        msg.add("owns_ip_or_core_tech", not msg.negated(s), s)


_PROG_FAMILY = [
    ("qianren", re.compile(r"千人计划|千人|海外高层次人才引进计划|海外高层次人才|青千|" + _en(r"thousand[- ]talents?|qianren|national (?:overseas )?high[- ]level talent"))),
    ("haiju", re.compile(r"海聚|" + _en(r"haiju|beijing overseas talents"))),
    ("bjfe", re.compile(r"北京市?外国专家|" + _en(r"beijing foreign experts?"))),
]
_PROG_SUB = {
    "qianren": [("youth", r"青年|青千|" + _en(r"young|youth")), ("entrepreneur", r"创业|" + _en(r"entrepreneur\w*|startup")),
                ("foreign_expert", r"外专|外国专家|" + _en(r"foreign experts?")), ("top_talent", r"顶尖|创新团队|" + _en(r"top talent|innovation team")),
                ("xinjiang_tibet", r"新疆|西藏|" + _en(r"xinjiang|tibet")), ("culture_arts", r"文化艺术|" + _en(r"culture|arts?")),
                ("innovation_short", r"短期|" + _en(r"short[- ]term|short")), ("innovation_long", r"长期|创新人才|" + _en(r"long[- ]term|long|innovation"))],
    "haiju": [("foreign_long", r"外专长期|外国专家长期|长期外专|" + _en(r"foreign (?:experts? )?(?:program )?long|long[- ]term foreign")),
              ("foreign_short", r"外专短期|外国专家短期|短期外专|" + _en(r"foreign (?:experts? )?(?:program )?short|short[- ]term foreign")),
              ("startup_team", r"创业团队|" + _en(r"startup team|team")), ("entrepreneur", r"创业|" + _en(r"entrepreneur\w*|startup")),
              ("youth", r"青年|" + _en(r"young|youth")), ("short_term", r"短期|" + _en(r"short[- ]term")), ("fulltime", r"全职|" + _en(r"full[- ]?time"))],
    "bjfe": [("haiju_foreign_long_subsidy", r"海聚|" + _en(r"haiju")), ("key_field_hire", r"重点领域|" + _en(r"key field")),
             ("short_term_consulting", r"短期|咨询|" + _en(r"consult\w*"))],
}
_PROG_SPLIT = re.compile(r"[、,，;；/&]|以及|还有|和|及|与|" + _en(r"and|as well as|plus"))


def _programs(text: str) -> list[str]:
    """Program ids named in `text` ("海聚工程外专长期项目", "青年千人和海聚创业类")."""
    out: list[str] = []
    family = None
    for item in _PROG_SPLIT.split(text):
        fam = None
        for name, rx in _PROG_FAMILY:
            if rx.search(item):
                fam = name
                if name == "bjfe" and _S(r"海聚|" + _en("haiju"), item) and not _S(r"待遇|补助|subsid", item):
                    fam = "haiju"
                break
        if fam is None and family and _S(r"项目|类|计划|" + _en(r"program|project|track|category"), item):
            fam = family
        if fam is None:
            continue
        family = fam
        for sub, p in _PROG_SUB[fam]:
            if _S(p, item):
                pid = f"{fam}.{sub}"
                if pid not in out:
                    out.append(pid)
                break
    return out


def _find_selected(msg: _Msg):
    low = msg.raw
    for m in _FI(r"入选|获批|入围|当选|" + _en(r"selected|admitted|accepted into|got into|awarded|been in|already in|recipient"), low):
        s = m.start()
        ss, se = msg.sent(s)
        seg = low[s:se]
        ids = _programs(seg)
        if ids:
            if msg.negated(s, after=False):
                continue
            msg.add("selected_programs", ids, s)
        elif msg.negated(s, after=False) and _S(r"项目|计划|人才|" + _en(r"program|project|any"), seg):
            msg.add("selected_programs", [], s)


# --------------------------------------------------------------------------
# answers to the fact just asked

_YES_ZH = r"是的?|对的?|有的?|有过|嗯+|恩|好的?|当然(?:是|有)?|没错|是啊|对啊|有啊|确实|肯定|已签|签了|签过了?|签好了?|已经签了|已经?|会的?|能的?|可以|做过|有过|是滴|yes"
_NO_ZH = r"否|不是的?|没有过?|没|无|未签|还没有?|没签|不|不会|不能|从未|从没有?|从来没有过?|从来没|并没有|尚未|不曾|暂无|暂时没有|木有|都不是|没做过|没有的|没得过|不存在"
_YES_EN = _en(r"yes|yeah|yep|yup|yea|ya|sure|correct|right|indeed|of course|definitely|absolutely|certainly|affirmative|true"
              r"|i have|i do|i did|i am|i'm|i was|that's right|that is right|that's correct|exactly|already|ok|okay|y")
_NO_EN = _en(r"no|nope|nah|never|not yet|not really|none|negative|i haven't|i have not|i don't|i do not|i didn't|i did not"
             r"|i'm not|i am not|i wasn't|i was not|not at all|false|neither|no way|n|nothing")
_FILLER = r"[\s,，.。!！~～…]*"


def _yes_no(low: str):
    """True/False for a yes/no answer, None when the message is no such answer."""
    t = low.strip()
    t = re.sub(r"^(?:嗯嗯?|呃|哦|噢|啊|额|well|um+|uh+|hmm+|oh)[\s,，.。]+(?=\S)", "", t)
    first = re.split(r"[,，.。!！;；?？\n]|\s[-–—]\s", t, maxsplit=1)[0].strip()
    qmark = bool(_S(r"吗|呢|什么|多少|怎么|哪|\?|？|有没有|是不是|能不能|会不会", first))
    if qmark:
        return None
    core = re.sub(r"^(?:我|本人)", "", first)
    core = re.sub(r"(?:的|啊|呀|吧|了|哦|呢|哈|嘛|滴|啦)+$", "", core)
    if _FM(rf"(?:{_NO_ZH})", core) or _FM(rf"(?:{_NO_ZH})(?:的|啊|呀|吧|了|哦)*", first):
        return False
    if _FM(rf"(?:{_YES_ZH})", core) or _FM(rf"(?:{_YES_ZH})(?:的|啊|呀|吧|了|哦|嗯)*", first):
        return True
    if _M(_NO_EN, first):
        return False
    if _M(_YES_EN, first) and not _S(_en(r"not|never|n't") + r"|n't", first):
        return True
    if _M(r"(?:不是|没有|还没|从来没|从没|从未|并没有|尚未|没|未)", first):
        return False
    if _M(r"(?:是的|对的|对|是|有的|已经|已)", first) and not _M(r"(?:是否|有没有|对于)", first):
        return True
    # "I hold 60%, so yes": a later clause that is just yes or no
    for part in re.split(r"[,，.。!！;；]", t)[1:]:
        part = re.sub(r"^\s*(?:so|and|but|then|well|所以|那|那就|就)\s*", "", part).strip()
        if re.fullmatch(r"(?:yes|yeah|yep|yup|是的?|对的?|有的?)", part):
            return True
        if re.fullmatch(r"(?:no|nope|not really|不是|没有|否)", part):
            return False
    # a short sentence without a yes/no word: its negation decides
    if len(t) <= 16 and _S(r"[\u4e00-\u9fff]", t):
        if _S(r"没|未|不是|不会|无|非|从未|否|不", t):
            return False
        if _S(r"已|有(?!没)|了$|过", t) or (len(t) <= 4 and _S(r"是|对", t)):
            return True
    if _S(r"[a-z]", t) and len(t) < 60:
        if NEG_EN.search(NEG_EN_STRIP.sub(" ", t)):
            return False
    return None


_CHOICE_SYN: dict[str, list[tuple[str, str]]] = {
    "nationality": [("foreign", r"外国国籍|外籍|外国|美国|英国|德国|法国|日本|加拿大|澳大利亚|新加坡|" + _en(
        r"foreign\w*|american|us|usa|uk|british|german|french|canadian|australian|japanese|other|not chinese|" + _NATION_ADJ)),
                    ("chinese", r"中国|中国国籍|中国籍|国内|" + _en(r"chinese|china|prc"))],
    "degree": [("none", r"没有学位|无学位|没学位|没拿学位|没有|无|" + _en(r"no degree|none|no")),
               ("phd", r"博士|" + _en(r"phd|doctorate|doctoral|dphil|doctor")),
               ("master", r"硕士|研究生|" + _en(r"master'?s?|msc|mba|ms|meng|ma")),
               ("bachelor", r"本科|学士|大学|" + _en(r"bachelor'?s?|bsc|ba|bs|undergrad\w*|college"))],
    "field": [("other", r"其他|其它|都不是|" + _en(r"other|something else|none of"))] + [(v, p) for v, p in _FIELD_PATS],
    "overseas_title": [("none", r"^(?:没有|无|没有职位|没有职务)$|没有职位|没有职务|无业|" + _en(r"none|no position|nothing|unemployed|^no$"))]
                      + [("senior_finance", r"金融机构(?:的)?高管|金融.{0,4}高级|投行.{0,6}高级|(?:投行|银行|基金|证券).{0,4}(?:高管|高级职位|高级职务)|" + _en(
                          r"senior (?:role|position|executive|manager) (?:at|in) (?:an? )?(?:bank|financial|investment|finance)|senior (?:role|position) in finance|finance executive"))]
                      + [(v, p) for v, p in _TITLE_PATS if v != "other"]
                      + [("intl_org_manager", r"国际组织|" + _en(r"international organi[sz]ation"))]
                      + [("other", r"其他|其它|都不算|都不是|普通职员|职员|普通员工|员工|" + _en(r"other|something else|staff member|employee|regular staff"))]
                      + [("other", p) for v, p in _TITLE_PATS if v == "other"],
    "employer_type": [
        ("none", r"还没有|没有|暂无|无|" + _en(r"none|no employer|not yet|nothing yet|don't have|haven't")),
        ("financial_regulator", r"金融监管|金融管理部门|监管机构|监管部门|人民银行|央行|银保监|证监会|金融监督|外汇管理局|" + _en(
            r"regulator|regulatory|central bank|supervisory")),
        ("private_cultural_unit", r"民营文化|非公有制文化|私营文化|民办文化|民营(?:的)?(?:影视|传媒|出版|演艺|剧团|艺术|文化)|(?:影视|传媒|演艺|动漫|文化)公司|" + _en(
            r"private cultural|non-public cultural|private (?:arts|culture)|private (?:\w+ )?(?:film|studio|media|publishing|theat\w+|arts?|cultur\w+|animation)")),
        ("state_cultural_unit", r"国有文化|国营文化|国有的文化|文化事业单位|国家(?:大)?剧院|剧院|剧团|博物馆|出版社|乐团|" + _en(
            r"state-owned cultural|state cultural|public cultural|state (?:arts|theatre)|national theatre|orchestra|museum")),
        ("financial_institution", r"金融机构|银行|证券|保险|基金公司|基金|信托|投行|券商|" + _en(
            r"financial institution|bank|securities|insurance|fund|asset management|brokerage|investment firm")),
        ("central_soe", r"央企|中央企业|中央直属企业|中央国有企业|" + _en(r"central soe|central state-owned|centrally administered|central government-owned|soe")),
        ("research_institute", r"科研机构|科研院所|研究所|研究院|研究中心|科学院|中科院|实验室|研究机构|" + _en(
            r"research institut\w+|institute|academy of sciences|laborator\w+|lab|research cent\w+|research organi[sz]ation")),
        ("university", r"高校|高等学校|高等院校|大学|学院|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + _en(r"university|universities|college")),
        ("company", r"企业|公司|民企|私企|国企|外企|创业|初创|厂|" + _en(r"company|startup|start-up|enterprise|firm|corporation|business|private sector|tech")),
    ],
    "product_stage": [("research", r"研发|研究|实验室|开发|" + _en(r"r&d|rnd|research|development|prototype|lab")),
                      ("pilot", r"中试|试生产|小批量|试点|" + _en(r"pilot|trial production|small[- ]batch")),
                      ("industrialized", r"产业化|量产|批量|规模化|上市|商业化|在卖|销售|" + _en(r"industriali[sz]\w+|mass[- ]produc\w+|commerciali[sz]\w+|production|selling|on the market"))],
    "org_location": [("overseas", r"境外|海外|国外|" + _en(r"overseas|abroad|outside china|foreign")),
                     ("domestic", r"境内|国内|中国|大陆|" + _en(r"domestic|in china|china|mainland"))],
}


def _choice_value(fact: str, text: str, strict: bool = False):
    """The option `text` names for a choice fact (first one found, in list order)."""
    syn = _CHOICE_SYN.get(fact)
    if fact == "employer_region":
        return _region_value(text, asked=not strict)
    if fact == "product_stage":
        # the later stage wins when a message mentions two: "研发完成，已经量产"
        for v, p in reversed(syn):
            if _S(p, text) and not (v == "research" and _S(r"研发完|" + _en("after r&d"), text)):
                if v == "industrialized" and _S(r"(?:没|未|还没|尚未)(?:有)?(?:量产|产业化)|" + _en(r"not (?:yet )?(?:in )?mass"), text):
                    continue
                return v
        return None
    if syn is None:
        return None
    for v, p in syn:
        if strict and v == "none":
            continue
        if strict and fact == "employer_type" and v == "company" and not _S(
                r"企业|公司|" + _en(r"company|startup|start-up|enterprise|firm|corporation"), text):
            continue
        for m in _FI(p, text):
            # "不是博士，是硕士", "I didn't finish college": a negated option is not the answer
            if v != "none" and _S(r"(?:不是|不算|没有|没|未|非|" + _en(r"not|didn't|did not|never|no") + r")[^,，.。;；]{0,8}$",
                                   text[max(0, m.start() - 14):m.start()]):
                continue
            return v
    return None


def _answer(msg: _Msg, asking: str):
    """The value a message gives for the fact just asked, or None."""
    low = msg.low
    raw = msg.raw.strip()
    k = _kind(asking)
    dm = _DECL.search(low)
    if dm and not _S(rf"\d|[{_D}十半]", low) and (
            dm.start() == 0 or not _S(r"^(?:是的?|对|有|没有|不是|yes|no)(?![a-z])", low)):
        return None  # "不清楚", "I don't know": a decline, not a "no"
    if raw in ("true", "false") and k == "bool":
        return raw == "true"
    if k == "bool":
        dm = _DECL.search(low)
        if dm and (dm.start() == 0 or not _S(r"^(?:是的?|对|有|没有|不是|yes|no)(?![a-z])", low)):
            return None
        special = _bool_special(asking, low)
        if special is not None:
            return special
        return _yes_no(low)
    if k == "choice":
        if asking == "awards":
            _find_awards(msg, asked=True)
            if "awards" in msg.found:
                return None  # taken by the detector
            if _yes_no(low) is False or _S(r"没有|没|无|" + _en(r"none|no|never"), low):
                return []
            return None
        opts = _option_values(asking)
        if raw in opts:
            return raw
        v = _choice_value(asking, low)
        if v is None and asking in ("overseas_title", "employer_type", "degree") and _yes_no(low) is False:
            return "none"
        return v
    if k == "programs":
        ids = _programs(msg.raw)
        if ids:
            return ids
        if _yes_no(low) is False or _S(r"没有|没|无|未|" + _en(r"none|no|not yet|never"), low):
            return []
        return None
    if k in ("months", "years") or asking == "commit_months_per_year":
        return _answer_duration(msg, asking)
    if k == "percent":
        ps = _percents(low)
        if ps:
            return ps[0][2]
        if _S(r"一半|半数|" + _en("half"), low):
            return 50
        return _bare_number(msg, asking)
    if k == "money":
        monthly = 12 if _S(r"月薪|月工资|月收入|每月|每个月|/月|" + _en(r"a month|per month|monthly|each month|/month"), low) else 1
        ms = _moneys(low, need_unit=True)
        if ms:
            return _clean_num(ms[0][2] * monthly)
        ms = _moneys(low, need_unit=False)
        free = [x for x in ms if not msg.used(x[0], x[1])]
        if free:
            return _clean_num(free[0][2] * monthly)
        return None
    if k in ("int", "number"):
        if asking == "age":
            v = _bare_number(msg, asking)
            if isinstance(v, int) and _S(r"(?:快|马上|即将|将满|要满|快要)\s*(?:到)?\s*[0-9零一二两三四五六七八九十]|" + _en(
                    r"almost|nearly|turning|about to turn|will turn|i.ll be|i will be"), low):
                v -= 1
            return v
        if asking == "birth_year":
            m = _S(rf"(?<![\d{_D}])(\d{{4}}|\d{{2}}|[{_D}]{{4}}|[{_D}]{{2}})(?![\d{_D}])\s*(?:年)?", low)
            if m:
                return _year_value(m.group(1), msg.today)
            return None
        if asking == "birth_month":
            m = _S(MONTH_EN, low)
            if m:
                return _MONTHS_EN[m.group()]
            return _bare_number(msg, asking)
        if asking == "prior_applications":
            m = _S(rf"第\s*({NUM})\s*(?:次|回)", low)
            if m:
                v = parse_number(m.group(1), concat=False)
                return None if v is None else max(0, int(v) - 1)
            m = _S(_en(r"(first|second|third|fourth|fifth) (?:time|application|attempt)"), low)
            if m:
                return ["first", "second", "third", "fourth", "fifth"].index(m.group(1))
            m = _S(_en(r"once|twice|thrice"), low)
            if m:
                return {"once": 1, "twice": 2, "thrice": 3}[m.group()]
            v = _bare_number(msg, asking)
            if v is not None:
                return v
            if _yes_no(low) is False or _S(r"没有|没|从未|第一次|首次|头一回|" + _en(r"never|none|no|first time|first"), low):
                return 0
            return None
        v = _bare_number(msg, asking, allow_mult=True)
        if v is None and _yes_no(low) is False:
            return 0
        return v
    return None


def _option_values(fact: str) -> list[str]:
    try:
        from ..eligibility.facts import facts
        return [o[0] for o in facts().get(fact, {}).get("options", [])]
    except Exception:
        return []


def _negated_text(low: str) -> bool:
    return bool(NEG_ZH.search(NEG_ZH_STRIP.sub(" ", low)) or NEG_EN.search(NEG_EN_STRIP.sub(" ", low)))


def _bool_special(asking: str, low: str):
    """Yes/no facts whose answers are usually words other than yes/no."""
    if asking == "degree_abroad":
        if _S(r"(?:不是|不在|并非|没有在?)(?:海外|国外|境外)|" + _en(r"not abroad|not overseas"), low):
            return False
        if _S(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN, low):
            return True
        if _S(r"国内|中国|本土|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + _en(r"in china|domestic\w*|china"), low):
            return False
    if asking == "fulltime_in_china":
        if _S(r"还在(?:国外|海外|美国|境外)|仍在|" + _en(r"still abroad|still overseas|still in"), low):
            return False
        if _yes_no(low) is None and _S(r"(?:已经|已)?(?:回国|回来|归国)了|" + _en(r"moved back|returned|back in china|i.m back|already back"), low) \
                and not _S(r"没|未|不|" + _en(r"not|n't|never"), low):
            return True
    if asking == "misconduct":
        if _S(r"清白|良好|干净|" + _en(r"clean|spotless"), low) and not _S(r"不|" + _en(r"not"), low):
            return False
    if asking in ("overseas_startup_experience", "intl_company_management", "led_major_intl_project"):
        if _yes_no(low) is None and _S(r"创过|创业过|办过|开过|做过|当过|担任过|带过|管过|主持过|" + _en(
                r"founded|co-founded|started|managed|was an? |served as|led|ran"), low) and not _negated_text(low):
            return True
    if asking == "unfulfilled_sponsorship":
        if _S(r"不是公派|非公派|自费|不存在|" + _en(r"not (?:state|government)[- ]sponsored|wasn't (?:state|government)|self-funded"), low):
            return False
    if asking in ("degree_from_renowned", "overseas_employer_renowned"):
        if _S(r"一般|普通|不算|不太有名|没什么名|不出名|不知名|没名气|小公司|小学校|小机构|" + _en(
                r"not (?:really )?(?:a )?(?:famous|well[- ]known|renowned|top)|average|ordinary|so-so|small|unknown|obscure"), low):
            return False
        if _yes_no(low) is None and _S(FOREIGN_UNIV_ZH + "|" + FOREIGN_CO_ZH + "|" + CHINA_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|"
                                       + FOREIGN_CO_EN + "|" + CHINA_UNIV_EN + "|知名|著名|有名|名校|顶尖|一流|世界500强|" + _en(
                r"top|renowned|well[- ]known|famous|prestigious|leading|fortune 500|world[- ]class|ivy league"), low):
            return True
    if asking == "multiple_platforms":
        if _S(r"^(?:就|只有?|仅)?(?:一个|1个)(?:平台|渠道)?|只(?:走|报|通过|在|用)?了?(?:一个|1个)|" + _en(r"just one|only one|a single one|one platform"), low):
            return False
    if asking == "org_legal_person":
        if _S(r"不是独立法人|没有独立法人|" + _en(r"not an? (?:independent )?legal"), low):
            return False
    return None


_NUM_TOKEN = re.compile(rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{ANUM}|{ZNUM}|{_en(EN_WORD)})")
_OTHER_UNIT = re.compile(r"\s*(?:%|％|percent|次|万|千|元|块|岁|周岁|年|个|月|号|日|天|k(?![a-z])|m(?![a-z])|million|thousand|times|years?|months?|days?|yuan|rmb|cny|平|㎡|m2|家|人|位|名|项)")


def _bare_number(msg: _Msg, asking: str, allow_mult: bool = False):
    """A number answering the asked fact: with the fact's own unit, or with none."""
    low = msg.low
    own = {"age": r"\s*(?:周)?\s*岁|" + r"\s*(?:years?|yrs?)(?:[\s-]*old)?(?![a-z])|\s*y/?o",
           "birth_month": r"\s*月(?:份)?|\s*(?:月)",
           "prior_applications": r"\s*(?:次|回)|\s*times?",
           "equity_percent": r"\s*(?:%|percent)"}.get(asking, r"\s*(?:家|人|位|名|项|个|平方米|平米|平|㎡|m2|square\s*met\w+|sq\.?\s*m|organi[sz]ations|institutions|partners|companies|enterprises|people|talents)")
    cands = []
    for m in _FI(_NUM_TOKEN, low):
        s, e = m.start(), m.end()
        tok = m.group()
        rest = low[e:e + 24]
        own_unit = _M(own, rest)
        if not own_unit and _OTHER_UNIT.match(rest) and not (allow_mult and _M(r"\s*(?:万|千|k(?![a-z])|thousand)", rest)):
            continue
        if tok[0] in _D or tok[0] == "十":
            # a Chinese numeral counts only with a unit or standing alone ("三十四")
            if not own_unit and not _FM(rf"\s*(?:{_FILLER}|吧|了|啊|左右|多|吧。)*", rest) :
                continue
            if _M(r"[一]", tok) and len(tok) == 1 and not own_unit and len(low.strip()) > 3:
                continue
        if _M(r"[a-z]", tok) and not own_unit and not _FM(r"[\s,.!?]*(?:or so|maybe|i think|probably|actually)?[\s,.!?]*", rest):
            continue
        v = parse_number(tok, concat=False)
        if v is None:
            continue
        if allow_mult:
            mm = _M(r"\s*(万|千|k(?![a-z])|thousand)", rest)
            if mm:
                v = v * _MULT[mm.group(1)]
        used = msg.used(s, e)
        cands.append((0 if own_unit else 1, 1 if used and used != asking else 0, s, v))
        if asking == "age" and isinstance(v, int) and v >= 1900 and not own_unit:
            cands.pop()
    if not cands:
        return None
    cands.sort(key=lambda c: (c[1], c[0], c[2]))
    if cands[0][1]:
        return None
    return _clean_num(cands[0][3])


_DUR_GROUP = {"overseas_months_after_phd": "abroad", "overseas_research_years": "abroad", "overseas_finance_months": "abroad",
              "overseas_work_months": "abroad", "years_in_china": "china", "commit_fulltime_years": "commit",
              "commit_months_per_year": "commit", "commit_years": "commit", "company_age_years": "company"}


def _answer_duration(msg: _Msg, asking: str):
    low = msg.low
    durs = _durations(low)
    best = None
    for d in durs:
        used = msg.used(d.start, d.end)
        if used not in (None, asking) and _DUR_GROUP.get(used) != _DUR_GROUP.get(asking):
            continue  # "在美国工作了10年" is no answer to "how long in China?"
        rank = 0 if used in (None, asking) else 1
        if asking != "commit_months_per_year" and d.unit == "m" and _PER_YEAR_BEFORE.search(low[max(0, d.start - 8):d.start]):
            rank = 1
        if best is None or rank < best[0]:
            best = (rank, d)
    if best:
        return _months_value(asking, best[1].months)
    if asking == "commit_months_per_year" and _S(r"全年|整年|一整年|" + _en(r"all year|full year|whole year|year-round"), low):
        return 12
    m = _S(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", low)
    if m:
        y = int(m.group(1))
        if y <= msg.today.year and asking in ("company_age_years", "years_in_china", "overseas_research_years"):
            return float(msg.today.year - y)
        if y <= msg.today.year and _kind(asking) == "months":
            return (msg.today.year - y) * 12
        return None
    v = _bare_number(msg, asking)
    if v is not None:
        if asking == "overseas_months_after_phd" or _kind(asking) == "months":
            return int(round(v))
        return _clean_num(v)
    if _yes_no(low) is False or _S(r"^(?:没有|没|无|从来没有|不全职|不打算全职|不会全职|零)|" + _en(r"^(?:none|never|not yet|no|zero)"), low.strip()):
        return 0
    return None


# --------------------------------------------------------------------------
# questions, corrections, declines

_Q_ZH = re.compile(r"[?？]|[吗嘛](?=\s*(?:$|[,，。.!！~～]))|呢\s*(?=$|[?？])|(?<!没)什么|多少|哪(?!怕)|怎么|怎样|如何|能否|是否|可否|能不能|可不可以|是不是|有没有|会不会"
                   r"|要不要|需不需要|需要什么|为什么|为何|请问|想问|想了解|想知道|想咨询|咨询一下|介绍一下|解释一下|说明一下|讲讲|讲一下|说说|(?<![好十几了过这那前近最头])几(?:年|个|次|岁|月|天|万|项|种|类|条|位)(?!前|后|来|以来|了)|多久|多长|多大(?!学)")
_Q_EN = re.compile(r"(?:^|[.!;,:]\s*|\s[-–]\s)" + _en(
    r"what|how|when|where|which|who|whom|whose|why|can|could|does|do|is|are|will|would|should|shall|may|might|must|am i"
    r"|is there|are there|tell me|explain|please explain") + r"|" + _en(
    r"i want to know|i'd like to know|i would like to know|i wonder|wondering|do you know|could you tell|can you tell"
    r"|is it possible|am i eligible|can i|could i|do i|what about|how about|how long|how many|how much|how old|what is|what are"
    r"|what's|which program|eligible for|qualify for|do i qualify|tell me about|explain|describe|i.m wondering|let me know"))
_CORR = re.compile(r"不对|错了|说错|写错|打错|搞错|弄错|记错|更正|纠正|修改|改成|改为|改一下|应该是|其实是|实际上|其实|准确地?说|刚才说的|上面说的|" + _en(
    r"sorry|actually|correction|i meant|i mean|mistake|typo|wrong|let me correct|to correct|change (?:my|it|that|the)|update (?:my|it|that|the)"
    r"|should be|make that|make it|rather|scratch that|oops|my bad|no wait|wait"))
_DECL = re.compile(r"不清楚|不太清楚|不大清楚|不知道|不太知道|不确定|不太确定|说不准|说不好|不好说|不记得|记不清|忘了|不方便|不想说|不想透露|不愿透露|不愿意说|保密|无可奉告|不便透露|不了解|不晓得|不懂|" + _en(
    r"i don'?t know|i do not know|don'?t really know|don'?t know|dunno|idk|not sure|unsure|no idea|not certain|can'?t remember|cannot remember"
    r"|don'?t remember|forgot|prefer not to (?:say|answer|disclose)|rather not (?:say|answer)|won'?t say|can'?t say|decline to"
    r"|not comfortable|pass|skip|no comment|unknown"))
_DECL_FACT = [
    ("age", r"年龄|多大|几岁|岁|" + _en(r"age|how old")), ("birth_year", r"出生|哪年|" + _en(r"born|birth")),
    ("equity_percent", r"持股|股份|股权|占股|" + _en(r"equity|stake|shares?")), ("annual_salary_cny", r"年薪|薪|工资|" + _en(r"salary|pay")),
    ("nationality", r"国籍|" + _en(r"nationality|citizenship")), ("company_age_years", r"成立|" + _en(r"founded")),
    ("has_contract", r"合同|协议|" + _en(r"contract")), ("product_stage", r"阶段|" + _en(r"stage")),
    ("prior_applications", r"申报过|申请过|次数|" + _en(r"applied")),
]


def _is_question(low: str) -> bool:
    for m in _FI(_Q_ZH, low):
        t = m.group()
        # "没拿过什么大奖", "不知道多少" are statements: the word is no interrogative there
        if t in ("什么", "多少", "哪") and _S(r"(?:没|不|无|未)[^，,。.!！]{0,4}$", low[max(0, m.start() - 5):m.start()]) \
                and not _S(r"[?？吗]", low):
            continue
        if t == "多少" and _S(r"或多或少", low):
            continue
        # "我不确定是不是知名的": an embedded question, said to decline
        if _S(r"(?:不确定|不知道|不清楚|说不准|不记得|记不清)[^，,。.!！]{0,3}$", low[max(0, m.start() - 8):m.start()]) \
                and not _S(r"[?？吗]", low):
            continue
        return True
    for m in _FI(_Q_EN, low):
        if _S(_en(r"not sure|don't know|do not know|no idea|unsure|can't remember|not certain") + r"\s*$", low[max(0, m.start() - 16):m.start()]) \
                and "?" not in low:
            continue
        t = m.group().strip(" .!;,:-–").strip()
        if t in ("is", "are", "do", "does", "can", "could", "will", "would", "should", "may", "might", "must", "shall") and \
                not _S(r"\?|" + _en(r"i|you|there|it|my|the|a|this|that|we|he|she|they|people|foreigners?|applicants?"),
                              low[m.end():m.end() + 14]):
            continue
        return True
    return False


# --------------------------------------------------------------------------


def _finalize(msg: _Msg, correction: bool) -> dict:
    out: dict[str, object] = {}
    for fact, items in msg.found.items():
        if fact == "degree":
            best = max(items, key=lambda it: (_DEG_RANK[it[2]], it[1]))
            if correction:
                best = max(items, key=lambda it: it[0])
            out[fact] = best[2]
            continue
        if fact == "overseas_title":
            if correction:
                out[fact] = max(items, key=lambda it: it[0])[2]
            else:
                # current position cue wins; otherwise the highest-ranked position named
                out[fact] = max(items, key=lambda it: (it[1], -it[0]))[2]
            continue
        if fact in ("awards", "selected_programs"):
            merged: list = []
            for _, _, v in sorted(items, key=lambda it: it[0]):
                for x in v:
                    if x not in merged:
                        merged.append(x)
            out[fact] = merged
            continue
        if correction:
            chosen = max(items, key=lambda it: (it[1] >= 0, it[0]))
        else:
            chosen = min(items, key=lambda it: (-it[1], it[0]))
        out[fact] = chosen[2]
    return out


def _coerce(fact: str, value):
    if isinstance(value, (bool, str, list)) or value is None:
        return value
    if fact in _INT_FACTS:
        return int(round(value))
    if isinstance(value, (int, float)):
        return float(value) if _kind(fact) in ("years", "number", "percent", "money") else value
    return value


def extract(text: str, asking: str | None = None, today: dt.date | None = None) -> Extraction:
    """The facts, declines, question and correction flags of one message."""
    try:
        return _extract(text, asking, today or dt.date.today())
    except Exception:  # never let a message break the conversation
        return Extraction()


def _extract(text, asking, today) -> Extraction:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    low = normalize(text)
    res = Extraction()
    if not low:
        return res
    msg = _Msg(low, today)
    res.is_question = _is_question(low)
    res.correction = msg.correction = bool(_CORR.search(low))

    _find_age(msg)
    _find_birth(msg)
    _find_equity(msg)
    _find_salary(msg)
    _find_prior(msg)
    _classify_durations(msg, [d for d in _durations(msg.low) if not msg.used(d.start, d.end)])
    _find_company_year(msg)
    _find_nationality(msg)
    _find_ethnic(msg)
    _find_degree(msg)
    _find_degree_place(msg)
    _find_field(msg)
    _find_title(msg)
    _find_employer_renowned(msg)
    _find_intl_mgmt(msg)
    _find_founding(msg)
    _find_shareholding(msg)
    _find_employer(msg)
    _find_stage(msg)
    _find_awards(msg)
    _find_academy(msg)
    _find_contract(msg)
    _find_fulltime(msg)
    _find_never_in_china(msg)
    _find_flags(msg)
    _find_selected(msg)
    _find_fact_label_numbers(msg)
    from .org import find_org  # the org_* facts of an institution applying for a Haizhi base

    find_org(msg, asking)

    facts = _finalize(msg, res.correction)
    if asking:
        if asking not in facts:
            ans = _answer(msg, asking)
            if asking == "awards" and "awards" in msg.found:  # read by the detector in asked mode ("图灵")
                ans = _finalize(msg, res.correction)["awards"]
            if ans is not None:
                facts[asking] = ans
        if asking in ("age", "birth_year", "birth_month") and "age" not in facts:
            # a date of birth given instead of an age: 1988年5月, 1988.5, May 1988
            m = _S(rf"(?<!\d)(19\d\d|20\d\d)\s*(?:年|[./-])\s*(\d{{1,2}}|{ZNUM})\s*(?:月)?", low) \
                or _S(rf"({MONTH_EN})\.?,?\s+(19\d\d|20\d\d)", low)
            if m and m.group(1)[0].isdigit():
                facts.setdefault("birth_year", int(m.group(1)))
                mv = parse_number(m.group(2), concat=False)
                if mv is not None:
                    facts.setdefault("birth_month", int(mv))
            elif m:
                facts.setdefault("birth_year", int(m.group(2)))
                facts.setdefault("birth_month", _MONTHS_EN[m.group(1)])
            elif asking == "age" and "birth_year" not in facts:
                m = _FM(r"\s*(?:born in\s*)?(19\d\d|20\d\d)\s*(?:年)?\s*(?:出生|生)?\s*", low)
                if m:
                    facts["birth_year"] = int(m.group(1))
        if asking not in facts:
            m = _DECL.search(low)
            if m:
                cs, ce = msg.clause(m.start())
                short = (ce - cs) <= (m.end() - m.start()) + 6
                if short or not res.is_question:
                    res.declined = [asking]
    else:
        m = _DECL.search(low)
        if m:
            clause = msg.ctext(m.start())
            for fact, p in _DECL_FACT:
                if _S(p, clause) and fact not in facts:
                    res.declined.append(fact)
                    break
    if asking and asking != "field" and "field" in facts and not _S(_FIELD_CUE, low):
        del facts["field"]  # "银行" answering the employer question says nothing of one's own field
    res.facts = {f: _coerce(f, v) for f, v in facts.items()}
    return res


def _find_company_year(msg: _Msg):
    """公司成立于2020年 / founded in 2021 → age of the company in years."""
    low = msg.low
    for m in _FI(r"(?:成立|创办|创立|注册|创建)(?:于|在)?\s*(?P<y>\d{4})\s*年?|(?P<y2>\d{4})\s*年\s*(?:\d{1,2}\s*月\s*)?[^，,。；;0-9]{0,8}?(?:成立|创办|创立|注册|创建)|" + _en(
            r"(?:founded|established|incorporated|set up|started|registered)\s+(?:it\s+|the company\s+|my company\s+)?in\s+(?P<y3>\d{4})"), low):
        y = int(m.group("y") or m.group("y2") or m.group("y3"))
        if not 1900 <= y <= msg.today.year:
            continue
        clause = msg.stext(m.start())
        if not _COMPANY.search(clause):
            continue
        msg.add("company_age_years", float(msg.today.year - y), m.start(), prio=-1)
    for m in _FI(r"(?P<y>\d{4})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:回国|归国|回到国内)|" + _en(r"(?:moved back|returned|came back)(?: to china)? in (?P<y2>\d{4})"), low):
        y = int(m.group("y") or m.group("y2"))
        if 1950 <= y <= msg.today.year:
            msg.add("years_in_china", float(msg.today.year - y), m.start(), prio=-1)
    for m in _FI(r"去年(?:回国|回来|归国)|" + _en(r"(?:moved back|returned|came back)(?: to china)? last year"), low):
        msg.add("years_in_china", 1.0, m.start(), prio=-1)
    for m in _FI(rf"(?:公司|企业)(?:已经|已)?(?:有|成立|办了|开了)?\s*(?P<n>{NUM})\s*(?P<half>年半|年)(?:多)?了|" + _en(
            rf"(?:company|startup|firm|business) (?:is|was|has been|turned)(?: now| already| just)? (?P<n2>{ENUM}) years? old"), low):
        v = parse_number(m.group("n") or m.group("n2"), concat=False)
        if v is not None and not msg.used(m.start(), m.end()):
            msg.add("company_age_years", float(v) + (0.5 if m.group("half") == "年半" else 0), m.start(), span=(m.start(), m.end()))
    for m in _FI(r"去年(?:成立|创办|创立|注册)|" + _en(r"(?:founded|established|started|set up) (?:it |the company |my company )?last year"), low):
        msg.add("company_age_years", 1.0, m.start(), prio=-1)


def _find_fact_label_numbers(msg: _Msg):
    """'把年龄改成39', 'change my age to 39', '持股比例改为40' — a fact named, then its number."""
    low = msg.low
    for fact, p in (("age", r"年龄|年纪|" + _en(r"age")), ("equity_percent", r"持股比例|持股|股份比例|股比|占股|" + _en(r"equity|stake|share")),
                    ("prior_applications", r"申报次数|申请次数|" + _en(r"number of (?:previous )?applications|applications")),
                    ("birth_year", r"出生年份|出生年|" + _en(r"birth year|year of birth"))):
        if fact in msg.found:
            continue
        for m in _FI(rf"(?:{p})(?P<gap>[^0-9{_D}十。.!！?？;；]{{0,10}}?)(?P<n>{ANUM}|{ZNUM})(?!\s*(?:年|个|月|次|万|\d))", low):
            gap = m.group("gap")
            if not _FM(r"\s*(?:是|为|改成|改为|应为|应该是|写成|:|=|to|is|should be|of|now)?\s*(?:改成|改为|to)?\s*", gap) and not (
                    msg.correction and _S(r"错|不对|改|应该|应为|" + _en(r"wrong|should|change|update|actually|mistake"), gap)):
                continue
            if _S(r"要求|限制|上限|下限|限|不超过|以下|以上|" + _en(r"limit|maximum|minimum|max|min|requirement|cap"), gap + low[m.end():m.end() + 4]):
                continue
            v = parse_number(m.group("n"), concat=fact == "birth_year")
            if v is None or msg.used(m.start("n"), m.end("n")):
                continue
            if fact == "birth_year":
                v = _year_value(m.group("n"), msg.today)
            msg.add(fact, v, m.start("n"), span=(m.start("n"), m.end("n")))
